package com.authorworks.storage;

import java.net.URI;
import java.time.Instant;

/**
 * A URL that lets whoever holds it download one file until {@code expiresAt}. Relative (to this
 * server) when the application serves the bytes, absolute when the blob store does.
 */
public record DownloadLink(URI url, Instant expiresAt) {
}
