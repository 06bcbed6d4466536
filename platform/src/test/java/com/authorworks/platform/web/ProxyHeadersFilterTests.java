package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ProxyHeadersFilterTests {

    private final ProxyHeadersFilter filter = new ProxyHeadersFilter(new TrustedProxies(List.of("10.0.0.0/8")));

    private static MockHttpServletRequest from(String remote, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");
        request.setRemoteAddr(remote);
        request.setServerName("app.internal");
        request.setServerPort(8080);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpServletRequest seenDownstream(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void aTrustedProxysXForwardedHeadersGiveSchemeHostAndPort() throws Exception {
        HttpServletRequest seen = seenDownstream(from("10.0.0.2", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "books.example", "X-Forwarded-Port", "8443", "X-Forwarded-For", "198.51.100.7"));
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getServerName()).isEqualTo("books.example");
        assertThat(seen.getServerPort()).isEqualTo(8443);
        assertThat(seen.getRequestURL().toString()).isEqualTo("https://books.example:8443/api/v1/things");
        // The remote address stays the proxy's; the client's is read from X-Forwarded-For, still there.
        assertThat(seen.getRemoteAddr()).isEqualTo("10.0.0.2");
        assertThat(seen.getHeader("X-Forwarded-For")).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxysForwardedHeaderIsHonouredToo() throws Exception {
        HttpServletRequest seen = seenDownstream(from("10.0.0.2", "Forwarded", "for=198.51.100.7;proto=https;host=books.example"));
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getServerName()).isEqualTo("books.example");
        assertThat(seen.getServerPort()).isEqualTo(443);
        assertThat(seen.getRequestURL().toString()).isEqualTo("https://books.example/api/v1/things");
    }

    @Test
    void anyoneElsesForwardingHeadersAreNotSeenAtAll() throws Exception {
        HttpServletRequest seen = seenDownstream(from("203.0.113.5", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example", "Forwarded", "proto=https;host=evil.example",
                "X-Forwarded-For", "10.0.0.9", "Accept", "application/json"));
        assertThat(seen.isSecure()).isFalse();
        assertThat(seen.getScheme()).isEqualTo("http");
        assertThat(seen.getServerName()).isEqualTo("app.internal");
        assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
        assertThat(seen.getHeader("forwarded")).isNull();
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
        assertThat(Collections.list(seen.getHeaderNames())).containsExactly("Accept");
    }

    @Test
    void aProxySendingAnotherSchemeIsNotBelieved() throws Exception {
        HttpServletRequest seen = seenDownstream(from("10.0.0.2", "X-Forwarded-Proto", "javascript"));
        assertThat(seen.getScheme()).isEqualTo("http");
        assertThat(seen.getServerName()).isEqualTo("app.internal");
    }
}
