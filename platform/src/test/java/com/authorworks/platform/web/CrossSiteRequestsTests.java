package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.authorworks.platform.Problem;

class CrossSiteRequestsTests {

    private static MockHttpServletRequest get(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/books/1/export");
        request.setServerName("books.example");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static void refused(MockHttpServletRequest request) {
        assertThatThrownBy(() -> CrossSiteRequests.refuse(request)).isInstanceOfSatisfying(Problem.class,
                p -> org.assertj.core.api.Assertions.assertThat(p.code()).isEqualTo("cross-site-request"));
    }

    @Test
    void whatTheBrowserCallsCrossSiteIsRefusedWhateverTheCredentials() {
        refused(get("Sec-Fetch-Site", "cross-site"));
        refused(get("Sec-Fetch-Site", "cross-site", "Authorization", "Bearer x"));
    }

    @Test
    void withAmbientCredentialsAForeignOriginOrRefererIsRefused() {
        refused(get("Origin", "https://evil.example"));
        refused(get("Referer", "https://evil.example/page.html"));
        refused(get("Origin", "null"));
        refused(get("Referer", "https://books.example.evil.example/"));
    }

    @Test
    void ourOwnPagesAndDirectRequestsPass() {
        assertThatCode(() -> CrossSiteRequests.refuse(get("Sec-Fetch-Site", "same-origin",
                "Referer", "https://books.example/books/1"))).doesNotThrowAnyException();
        assertThatCode(() -> CrossSiteRequests.refuse(get("Origin", "https://BOOKS.example:8443"))).doesNotThrowAnyException();
        assertThatCode(() -> CrossSiteRequests.refuse(get())).doesNotThrowAnyException(); // curl, a bookmark
        assertThatCode(() -> CrossSiteRequests.refuse(get("Sec-Fetch-Site", "none"))).doesNotThrowAnyException();
    }

    @Test
    void aTokenIsNeverSentByAnotherSiteSoItsOriginIsNotJudged() {
        assertThatCode(() -> CrossSiteRequests.refuse(get("Authorization", "Bearer x", "Origin", "https://app.example")))
                .doesNotThrowAnyException();
    }
}
