package com.authorworks.publishing;

import java.util.Objects;

/** A cover image as uploaded (PNG or JPEG). */
public record Cover(byte[] image, String mediaType) {
    public Cover {
        Objects.requireNonNull(image, "image");
        if (!"image/png".equals(mediaType) && !"image/jpeg".equals(mediaType)) {
            throw new IllegalArgumentException("cover must be image/png or image/jpeg, not " + mediaType);
        }
    }

    /** The file name extension for this image type, without the dot. */
    public String extension() {
        return "image/png".equals(mediaType) ? "png" : "jpg";
    }
}
