package com.authorworks.media.audio;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Typed ids from path variables; a malformed one is answered 404 ({@code audio-project-not-found}...) by the platform. */
final class IdConverters {

    private IdConverters() {
    }

    @Component
    static class ToProjectId implements Converter<String, AudioProjectId> {
        @Override
        public AudioProjectId convert(String source) {
            return new AudioProjectId(UUID.fromString(source));
        }
    }

    @Component
    static class ToJobId implements Converter<String, AudioJobId> {
        @Override
        public AudioJobId convert(String source) {
            return new AudioJobId(UUID.fromString(source));
        }
    }

    @Component
    static class ToFileId implements Converter<String, AudioFileId> {
        @Override
        public AudioFileId convert(String source) {
            return new AudioFileId(UUID.fromString(source));
        }
    }

    @Component
    static class ToVoiceId implements Converter<String, VoiceId> {
        @Override
        public VoiceId convert(String source) {
            return new VoiceId(UUID.fromString(source));
        }
    }
}
