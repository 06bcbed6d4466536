package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicUrlTests {

    @Test
    void withoutConfigurationItFollowsThePortTheServerRunsOn() {
        assertThat(new PublicUrl(new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
        assertThat(new PublicUrl(new MockEnvironment().withProperty("SERVICE_PORT", "18080")).base())
                .isEqualTo("http://localhost:18080");
        assertThat(new PublicUrl(new MockEnvironment().withProperty("SERVICE_PORT", "0")
                .withProperty("local.server.port", "41234")).base()).isEqualTo("http://localhost:41234");
    }

    @Test
    void theConfiguredAddressWinsWithoutItsTrailingSlash() {
        PublicUrl url = new PublicUrl(new MockEnvironment().withProperty("SERVICE_PORT", "18080")
                .withProperty("AUTHORWORKS_PUBLIC_URL", "https://books.example/"));
        assertThat(url.base()).isEqualTo("https://books.example");
        assertThat(url.link("/verify-email?token=t")).hasToString("https://books.example/verify-email?token=t");
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedClearly() {
        for (String bad : new String[] {"books.example", "ftp://books.example", "javascript:alert(1)", "http://"}) {
            assertThatThrownBy(() -> new PublicUrl(new MockEnvironment().withProperty("AUTHORWORKS_PUBLIC_URL", bad)).base())
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTHORWORKS_PUBLIC_URL");
        }
    }
}
