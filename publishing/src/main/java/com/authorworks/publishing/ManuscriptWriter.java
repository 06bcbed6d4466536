package com.authorworks.publishing;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a manuscript in one format. Implementations are stateless and thread-safe. */
public interface ManuscriptWriter {

    Format format();

    /**
     * Writes the manuscript to {@code out} (not closed).
     *
     * @throws UnsupportedExportException when this format does not fit the manuscript's form
     */
    void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException;

    default void write(Manuscript manuscript, OutputStream out) throws IOException {
        write(manuscript, ExportOptions.defaults(), out);
    }
}
