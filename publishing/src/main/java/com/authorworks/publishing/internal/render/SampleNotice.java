package com.authorworks.publishing.internal.render;

/** The notice every export of sample text carries, so sample output is never mistaken for an author's work. */
public final class SampleNotice {

    public static final String TEXT = "Sample text: this manuscript was produced by the AuthorWorks offline sample "
            + "writer. It is placeholder output, not the author's work and not written by a language model.";

    private SampleNotice() {
    }
}
