package com.authorworks.platform.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

import com.authorworks.platform.Problem;

/**
 * For the few GETs that change state (the seed's one-call export download): another site can make a browser
 * send a GET ({@code <img src>}, a link) but must not cause anything by it. Refused ({@code 403
 * cross-site-request}) when the browser says the request is cross-site ({@code Sec-Fetch-Site}), and, when the
 * caller is signed in by something the browser adds by itself (forward-auth's session cookie at the proxy, no
 * {@code Authorization} header), when its {@code Origin} or {@code Referer} names another host. A bearer token
 * is never sent by another site, so token callers are judged by {@code Sec-Fetch-Site} alone.
 */
public final class CrossSiteRequests {

    private CrossSiteRequests() {
    }

    /** @throws Problem 403 {@code cross-site-request} when another site caused the request */
    public static void refuse(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            throw refused();
        }
        if (request.getHeader("Authorization") != null) {
            return;
        }
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source != null && !sameHost(source, request.getServerName())) {
            throw refused();
        }
    }

    /** Host against host: cookies, which are what another site could borrow, do not tell ports or schemes apart. */
    private static boolean sameHost(String source, String ours) {
        try {
            String host = URI.create(source.strip()).getHost();
            return host != null && ours != null
                    && host.toLowerCase(Locale.ROOT).equals(ours.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed or privacy-hidden origin) or garbage: not us
        }
    }

    private static Problem refused() {
        return new Problem(HttpStatus.FORBIDDEN, "cross-site-request",
                "This request changes something and came from another site; open it from AuthorWorks itself.");
    }
}
