package com.authorworks.publishing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Options for one export.
 *
 * @param trimSize   page size of the print PDF
 * @param identifier the EPUB unique identifier (e.g. {@code urn:uuid:<book id>}); null derives one from the title
 *                   and author
 * @param modified   the EPUB {@code dcterms:modified} time; null means now
 * @param sceneTitles print scene titles as sub-headings in the PDF; off by default, as a scene's title is
 *                   mostly the draft's working label
 */
public record ExportOptions(TrimSize trimSize, String identifier, Instant modified, boolean sceneTitles) {

    public ExportOptions(TrimSize trimSize, String identifier, Instant modified) {
        this(trimSize, identifier, modified, false);
    }

    public ExportOptions {
        trimSize = Objects.requireNonNullElse(trimSize, TrimSize.US_TRADE);
        modified = Objects.requireNonNullElseGet(modified, Instant::now).truncatedTo(ChronoUnit.SECONDS);
    }

    public static ExportOptions defaults() {
        return new ExportOptions(null, null, null);
    }

    public ExportOptions withTrimSize(TrimSize size) {
        return new ExportOptions(size, identifier, modified, sceneTitles);
    }

    public ExportOptions withSceneTitles(boolean shown) {
        return new ExportOptions(trimSize, identifier, modified, shown);
    }
}
