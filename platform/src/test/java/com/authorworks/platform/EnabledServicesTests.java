package com.authorworks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.authorworks.platform.services.EnabledServices;

class EnabledServicesTests {

    @Test
    void allIncludesEveryService() {
        assertThat(EnabledServices.parse("all").includes("identity")).isTrue();
    }

    @Test
    void aListIncludesOnlyItsServices() {
        EnabledServices services = EnabledServices.parse(" identity , Content ");
        assertThat(services.includes("identity")).isTrue();
        assertThat(services.includes("content")).isTrue();
        assertThat(services.includes("storage")).isFalse();
    }

    @Test
    void blankMeansAll() {
        assertThat(EnabledServices.parse(" ").includes("storage")).isTrue();
    }
}
