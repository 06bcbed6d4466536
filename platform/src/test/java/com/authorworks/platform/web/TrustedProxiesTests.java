package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

class TrustedProxiesTests {

    private final TrustedProxies proxies = TrustedProxies.from(
            new MockEnvironment().withProperty("AUTHORWORKS_TRUSTED_PROXIES", "10.0.0.0/8, ::1/128"));

    private static MockHttpServletRequest from(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void trustsOnlyTheConfiguredRanges() {
        assertThat(proxies.trusts("10.1.2.3")).isTrue();
        assertThat(proxies.trusts("::1")).isTrue();
        assertThat(proxies.trusts("11.1.2.3")).isFalse();
        assertThat(proxies.trusts("localhost")).isFalse();
        assertThat(proxies.trusts(null)).isFalse();
    }

    @Test
    void clientAddressComesFromForwardedForOnlyThroughATrustedProxy() {
        assertThat(proxies.clientAddress(from("10.0.0.5", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(proxies.clientAddress(from("10.0.0.5", "203.0.113.9, 198.51.100.7, 10.0.0.4"))).isEqualTo("198.51.100.7");
        assertThat(proxies.clientAddress(from("192.0.2.1", "198.51.100.7"))).isEqualTo("192.0.2.1");
        assertThat(proxies.clientAddress(from("10.0.0.5", "not-an-address"))).isEqualTo("10.0.0.5");
    }
}
