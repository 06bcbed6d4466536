package com.authorworks.content.internal;

import java.net.URI;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.authorworks.content.BookTexts;
import com.authorworks.content.ContentUnavailableException;
import com.authorworks.content.ProviderKeys;
import com.authorworks.content.Scenes;
import com.authorworks.platform.contracts.ContractsConfiguration;
import com.authorworks.platform.contracts.ServiceClients;
import com.authorworks.platform.services.ConditionalOnMissingService;

/**
 * In a process without the content service (the editor's, media's): its {@link Scenes}, {@link BookTexts} and
 * {@link ProviderKeys} contracts over HTTP at {@code AUTHORWORKS_CONTENT_URL} (property {@code authorworks.content.url}).
 */
@AutoConfiguration(after = ContractsConfiguration.class)
@ConditionalOnMissingService("content")
@ConditionalOnProperty("authorworks.content.url")
public class ContentClientConfiguration {

    @Bean
    Scenes contentScenes(ServiceClients clients, Environment environment) {
        return clients.create(Scenes.class, "content", url(environment), ContentUnavailableException::new);
    }

    @Bean
    BookTexts contentBookTexts(ServiceClients clients, Environment environment) {
        return clients.create(BookTexts.class, "content", url(environment), ContentUnavailableException::new);
    }

    @Bean
    ProviderKeys contentProviderKeys(ServiceClients clients, Environment environment) {
        return clients.create(ProviderKeys.class, "content", url(environment), ContentUnavailableException::new);
    }

    private static URI url(Environment environment) {
        URI url = URI.create(environment.getRequiredProperty("authorworks.content.url"));
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalStateException("AUTHORWORKS_CONTENT_URL must be an absolute URL such as http://content:3002, was " + url);
        }
        return url;
    }
}
