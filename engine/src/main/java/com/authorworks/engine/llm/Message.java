package com.authorworks.engine.llm;

import java.util.Objects;

/** One turn of a conversation with a model. */
public record Message(Role role, String content) {

    public enum Role { USER, ASSISTANT }

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }
}
