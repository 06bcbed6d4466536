package com.authorworks.publishing;

/** A file format manuscripts are exported to or imported from. */
public enum Format {
    MARKDOWN("text/markdown; charset=UTF-8", "md"),
    HTML("text/html; charset=UTF-8", "html"),
    EPUB("application/epub+zip", "epub"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    FOUNTAIN("text/plain; charset=UTF-8", "fountain"),
    FDX("application/xml", "fdx");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The Content-Type to serve the export with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
