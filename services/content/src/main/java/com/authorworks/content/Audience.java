package com.authorworks.content;

/** Whom the owner publishes a book for: anyone ({@code PUBLIC}, signed in or not) or signed-in users only. */
public enum Audience {
    PUBLIC, SIGNED_IN
}
