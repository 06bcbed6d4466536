package com.authorworks.publishing;

import java.io.InputStream;

/** Turns an existing manuscript file into a {@link Manuscript}. Implementations are stateless and thread-safe. */
public interface ManuscriptImporter {

    Format format();

    /**
     * Reads at most {@link ImportLimits#maxInputBytes()} from {@code in} (not closed).
     *
     * @throws ImportException when the input is malformed, hostile or too large
     */
    Manuscript read(InputStream in, ImportLimits limits);

    default Manuscript read(InputStream in) {
        return read(in, ImportLimits.defaults());
    }
}
