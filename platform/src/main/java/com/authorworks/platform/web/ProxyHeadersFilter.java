package com.authorworks.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponents;

/**
 * Honours what a trusted proxy ({@link TrustedProxies}) says about the original request:
 * {@code Forwarded} (RFC 7239) or {@code X-Forwarded-Proto/Host/Port} give the scheme, host and
 * port the request seems to have arrived with, so a request that reached the proxy over HTTPS is
 * secure here (and gets HSTS). From anyone else those headers are removed before anything reads
 * them. The remote address stays the proxy's (the forward-auth check needs it);
 * {@link TrustedProxies#clientAddress} gives the client's.
 */
final class ProxyHeadersFilter extends OncePerRequestFilter {

    private static final Set<String> FORWARDED = Set.of("forwarded", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl", "x-forwarded-for");

    private final TrustedProxies proxies;

    ProxyHeadersFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasForwardedHeaders(request)) {
            chain.doFilter(request, response);
        } else if (proxies.trusts(request.getRemoteAddr())) {
            chain.doFilter(Forwarded.of(request), response);
        } else {
            chain.doFilter(new WithoutForwardedHeaders(request), response);
        }
    }

    private static boolean hasForwardedHeaders(HttpServletRequest request) {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            if (FORWARDED.contains(names.nextElement().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean forwarded(String header) {
        return FORWARDED.contains(header.toLowerCase(Locale.ROOT));
    }

    /** The request as the proxy received it: scheme, host and port from its headers. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String scheme;
        private final String host;
        private final int port;

        private Forwarded(HttpServletRequest request, String scheme, String host, int port) {
            super(request);
            this.scheme = scheme;
            this.host = host;
            this.port = port;
        }

        static HttpServletRequest of(HttpServletRequest request) {
            HttpHeaders headers = new HttpHeaders();
            for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
                String name = names.nextElement();
                if (forwarded(name) || "host".equalsIgnoreCase(name)) {
                    headers.addAll(name, Collections.list(request.getHeaders(name)));
                }
            }
            try {
                URI uri = new URI(request.getScheme(), null, request.getServerName(), request.getServerPort(), "/", null, null);
                UriComponents adapted = ForwardedHeaderUtils.adaptFromForwardedHeaders(uri, headers).build();
                String scheme = adapted.getScheme() == null ? request.getScheme() : adapted.getScheme().toLowerCase(Locale.ROOT);
                if (!"http".equals(scheme) && !"https".equals(scheme)) {
                    return request;
                }
                String host = adapted.getHost() == null ? request.getServerName() : adapted.getHost();
                int port = adapted.getPort() != -1 ? adapted.getPort() : "https".equals(scheme) ? 443 : 80;
                return new Forwarded(request, scheme, host, port);
            } catch (URISyntaxException | RuntimeException malformed) {
                // A proxy that sends nonsense is not believed; the request is served as it arrived.
                return request;
            }
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return "https".equals(scheme);
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(scheme).append("://").append(host);
            if (!("https".equals(scheme) && port == 443) && !("http".equals(scheme) && port == 80)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }

    /** A request from a client that is not a trusted proxy: its forwarding headers are not seen at all. */
    private static final class WithoutForwardedHeaders extends HttpServletRequestWrapper {

        WithoutForwardedHeaders(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return forwarded(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return forwarded(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !forwarded(name)).toList());
        }
    }
}
