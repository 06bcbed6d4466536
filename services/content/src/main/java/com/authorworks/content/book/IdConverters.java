package com.authorworks.content.book;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;

/** Typed ids from path variables; a malformed one is a type mismatch, answered 400 by the platform. */
final class IdConverters {

    private IdConverters() {
    }

    @Component
    static class ToBookId implements Converter<String, BookId> {
        @Override
        public BookId convert(String source) {
            return new BookId(UUID.fromString(source));
        }
    }

    @Component
    static class ToChapterId implements Converter<String, ChapterId> {
        @Override
        public ChapterId convert(String source) {
            return new ChapterId(UUID.fromString(source));
        }
    }

    @Component
    static class ToSceneId implements Converter<String, SceneId> {
        @Override
        public SceneId convert(String source) {
            return new SceneId(UUID.fromString(source));
        }
    }
}
