package com.authorworks.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /metrics} answers trusted scrapers only: a client address in
 * {@code AUTHORWORKS_METRICS_SCRAPERS} (CIDRs; loopback by default) or a request bearing
 * {@code AUTHORWORKS_METRICS_TOKEN} ({@code Authorization: Bearer <token>}). Everyone else gets
 * 403 {@code metrics-forbidden}. The token is not an access token, so it is hidden from the
 * security chain once accepted.
 */
final class MetricsScrapersFilter extends OncePerRequestFilter {

    static final String DEFAULT_SCRAPERS = "127.0.0.1/32,::1/128";

    private final List<IpAddressMatcher> scrapers;
    private final byte[] token;
    private final TrustedProxies proxies;

    MetricsScrapersFilter(List<String> scrapers, String token, TrustedProxies proxies) {
        this.scrapers = scrapers.stream().map(IpAddressMatcher::new).toList();
        this.token = token == null || token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
        this.proxies = proxies;
    }

    static MetricsScrapersFilter from(Environment environment, TrustedProxies proxies) {
        List<String> scrapers = Arrays.stream(environment.getProperty("AUTHORWORKS_METRICS_SCRAPERS", DEFAULT_SCRAPERS)
                .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new MetricsScrapersFilter(scrapers, environment.getProperty("AUTHORWORKS_METRICS_TOKEN"), proxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = proxies.clientAddress(request);
        if (bearsTheToken(request) || client != null && scrapers.stream().anyMatch(scraper -> matches(scraper, client))) {
            chain.doFilter(new WithoutAuthorization(request), response);
            return;
        }
        Problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "metrics-forbidden",
                "Metrics are for the configured scrapers only (AUTHORWORKS_METRICS_SCRAPERS, AUTHORWORKS_METRICS_TOKEN)."));
    }

    private boolean bearsTheToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (token == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    private static boolean matches(IpAddressMatcher scraper, String address) {
        try {
            return scraper.matches(address);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static final class WithoutAuthorization extends HttpServletRequestWrapper {

        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)).toList());
        }
    }
}
