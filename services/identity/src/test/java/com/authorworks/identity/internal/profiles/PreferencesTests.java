package com.authorworks.identity.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.authorworks.platform.Problem;

class PreferencesTests {

    private final Preferences defaults = new Preferences("system", "novel", true);

    @Test
    void mergeReplacesOnlyTheGivenKeys() {
        assertThat(defaults.merge(Map.of("theme", "dark"))).isEqualTo(new Preferences("dark", "novel", true));
        assertThat(defaults.merge(Map.of("defaultFormat", "screenplay", "emailNotifications", false)))
                .isEqualTo(new Preferences("system", "screenplay", false));
    }

    @Test
    void unknownKeysAndValuesAreRefusedWithTheirCodes() {
        assertThatThrownBy(() -> defaults.merge(Map.of("font", "serif")))
                .isInstanceOf(Problem.class).extracting("code").isEqualTo("unknown-preference");
        assertThatThrownBy(() -> defaults.merge(Map.of("defaultFormat", "haiku")))
                .isInstanceOf(Problem.class).extracting("code").isEqualTo("invalid-preference");
        assertThatThrownBy(() -> defaults.merge(Map.of("theme", 3)))
                .isInstanceOf(Problem.class).extracting("code").isEqualTo("invalid-preference");
    }
}
