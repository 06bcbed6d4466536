package com.authorworks.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.authorworks.platform.Problem;

class ProviderAddressesTests {

    static ProviderAddresses policy(ProviderAddresses.Policy policy) {
        return new ProviderAddresses(new ContentProperties(null, null, null, null, null, policy));
    }

    @Test
    void aSelfHostedPlatformCallsItsUsersLocalServersButNeverLinkLocalOrUnspecifiedAddresses() {
        ProviderAddresses any = policy(null);

        assertThat(any.parse("http://127.0.0.1:11434/").toString()).isEqualTo("http://127.0.0.1:11434");
        assertThat(any.parse("http://192.168.1.20:8080/v1").toString()).isEqualTo("http://192.168.1.20:8080/v1");
        assertThat(any.parse("https://[::1]:1234/v1").toString()).isEqualTo("https://[::1]:1234/v1");
        for (String refused : List.of("http://169.254.169.254", "http://[fe80::1]", "http://0.0.0.0:11434", "http://224.0.0.1")) {
            assertThatThrownBy(() -> any.parse(refused)).as(refused).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.code()).isEqualTo("provider-address-refused"));
        }
    }

    @Test
    void aPublicPlatformRefusesLoopbackAndPrivateNetworksIncludingMappedAndSharedRanges() {
        ProviderAddresses open = policy(ProviderAddresses.Policy.PUBLIC);

        assertThat(open.parse("https://93.184.215.14/v1").toString()).isEqualTo("https://93.184.215.14/v1");
        for (String refused : List.of("http://127.0.0.1:11434", "http://[::1]:8080", "http://10.1.2.3", "http://172.16.0.9",
                "http://192.168.0.1", "http://100.64.0.1", "http://[fd12:3456::1]", "http://[::ffff:10.0.0.1]", "http://localhost:8080")) {
            assertThatThrownBy(() -> open.parse(refused)).as(refused).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.code()).isEqualTo("provider-address-refused"));
        }
        assertThat(open.parse("http://100.128.0.1").toString()).as("outside 100.64.0.0/10").isEqualTo("http://100.128.0.1");
    }
}
