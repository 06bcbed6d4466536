package com.authorworks.media.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.authorworks.media.audio.speech.SpeechEngines;

/** The speech engines, bounded, as one bean. */
@Configuration(proxyBeanMethods = false)
class MediaBeans {

    @Bean
    SpeechEngines speechEngines(MediaTools tools, MediaProperties properties) {
        return new SpeechEngines(tools, properties);
    }
}
