package com.authorworks.engine.story;

/**
 * One ledger entry: from scene {@code since} on, {@code subject}'s {@code attribute} is {@code value},
 * until a later fact about the same subject and attribute supersedes it.
 */
public record Fact(String subject, Kind kind, String attribute, String value, ScenePosition since) {

    public enum Kind { CHARACTER, PLACE, OBJECT, RELATIONSHIP }
}
