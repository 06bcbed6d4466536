package com.authorworks.platform.web;

import java.net.URI;

import org.springframework.core.env.Environment;

/**
 * The address users reach the platform at ({@code AUTHORWORKS_PUBLIC_URL}): the base of every
 * absolute link the platform hands out (mails, signed downloads, redirects), never the request's
 * {@code Host} header, which any client sets. Without the variable it is
 * {@code http://localhost:<port>}, the port this server listens on ({@code SERVICE_PORT}).
 */
public final class PublicUrl {

    private final Environment environment;
    private volatile String base;

    /** A configured address that is not an http(s) URL is refused here, at start-up. */
    public PublicUrl(Environment environment) {
        this.environment = environment;
        if (configured() != null) {
            this.base = resolve();
        }
    }

    /** The base without a trailing slash, e.g. {@code https://books.example}. */
    public String base() {
        String known = base;
        if (known == null) {
            known = resolve();
            // Only once the server is listening is its port known for sure (SERVICE_PORT may be 0).
            if (environment.getProperty("local.server.port") != null) {
                base = known;
            }
        }
        return known;
    }

    /** {@code path} (starting with {@code /}) under the public address. */
    public URI link(String path) {
        return URI.create(base() + path);
    }

    private String configured() {
        String configured = environment.getProperty("AUTHORWORKS_PUBLIC_URL", environment.getProperty("authorworks.public-url", ""));
        return configured.isBlank() ? null : configured;
    }

    private String resolve() {
        String configured = configured();
        if (configured != null) {
            String url = configured.trim();
            URI parsed;
            try {
                parsed = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("AUTHORWORKS_PUBLIC_URL is not a URL: " + url, e);
            }
            if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme()) || parsed.getHost() == null) {
                throw new IllegalStateException("AUTHORWORKS_PUBLIC_URL must be an http(s) URL such as https://books.example, not " + url);
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String port = environment.getProperty("local.server.port",
                environment.getProperty("SERVICE_PORT", environment.getProperty("server.port", "8080")));
        return "http://localhost:" + port;
    }
}
