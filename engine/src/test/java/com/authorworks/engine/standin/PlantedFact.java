package com.authorworks.engine.standin;

/**
 * A checkable fact the stand-in put in one of its answers.
 *
 * @param responseId the answer it is in ({@code chatcmpl-...} or {@code msg_...})
 * @param sequence   the order in which the server planted it (later supersedes earlier for the same subject and attribute)
 * @param subject    who or what it is about, by the name the server used
 * @param kind       CHARACTER, PLACE or OBJECT
 * @param attribute  what about the subject (location, carries, injury, description...)
 * @param value      the new state, as an extraction answer reports it; contains {@code token}
 * @param token      unique to this fact (e.g. {@code 4471-QVX}), so recall is a string search
 * @param sentence   the sentence of the answer that establishes it
 */
public record PlantedFact(String responseId, long sequence, String subject, String kind, String attribute, String value, String token,
                          String sentence) {
}
