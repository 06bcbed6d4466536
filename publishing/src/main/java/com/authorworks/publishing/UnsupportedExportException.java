package com.authorworks.publishing;

/** The manuscript cannot be exported in the asked format (e.g. Final Draft for a novel); a client error. */
public final class UnsupportedExportException extends RuntimeException {

    private final Format format;
    private final Form form;

    public UnsupportedExportException(Format format, Form form) {
        super(format + " export is only available for scripts (screenplay, stage play, TV episode), not for a "
                + form.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.format = format;
        this.form = form;
    }

    public Format format() {
        return format;
    }

    public Form form() {
        return form;
    }
}
