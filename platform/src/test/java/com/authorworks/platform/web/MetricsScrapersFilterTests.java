package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MetricsScrapersFilterTests {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.1/32"));

    private static MockHttpServletRequest scrape(String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/metrics");
        request.setRemoteAddr(remote);
        return request;
    }

    private int status(MetricsScrapersFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 200;
    }

    @Test
    void byDefaultOnlyLoopbackScrapes() throws Exception {
        MetricsScrapersFilter filter = MetricsScrapersFilter.from(new MockEnvironment(), proxies);
        assertThat(status(filter, scrape("127.0.0.1"))).isEqualTo(200);
        assertThat(status(filter, scrape("::1"))).isEqualTo(200);
        assertThat(status(filter, scrape("192.0.2.10"))).isEqualTo(403);
    }

    @Test
    void configuredAddressesScrapeAndAClientBehindATrustedProxyIsJudgedByItsOwnAddress() throws Exception {
        MetricsScrapersFilter filter = MetricsScrapersFilter.from(
                new MockEnvironment().withProperty("AUTHORWORKS_METRICS_SCRAPERS", "172.18.0.0/16"), proxies);
        assertThat(status(filter, scrape("172.18.0.5"))).isEqualTo(200);
        assertThat(status(filter, scrape("127.0.0.1"))).isEqualTo(403);
        MockHttpServletRequest relayed = scrape("10.0.0.1");
        relayed.addHeader("X-Forwarded-For", "203.0.113.8");
        assertThat(status(filter, relayed)).isEqualTo(403);
        MockHttpServletRequest relayedScraper = scrape("10.0.0.1");
        relayedScraper.addHeader("X-Forwarded-For", "172.18.0.9");
        assertThat(status(filter, relayedScraper)).isEqualTo(200);
    }
}
