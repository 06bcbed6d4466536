package com.authorworks.content.internal;

/**
 * Told when the author replaces a plan artifact, inside the transaction that saves it, so the
 * generator can check the new plan and forget what was built on the old one. Throwing refuses the edit.
 */
public interface PlanEdits {

    void edited(Book book, ArtifactKind kind, String json);
}
