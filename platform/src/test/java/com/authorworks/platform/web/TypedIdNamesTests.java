package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.authorworks.platform.UserId;

/** The problem code of a malformed typed id in a path: the same as for an unknown one. */
class TypedIdNamesTests {

    record ProviderKeyId(UUID value) {
    }

    static final class LooksLikeId {
    }

    @Test
    void typedIdsNameWhatWasNotFound() {
        assertThat(ProblemDetailsAdvice.typedIdName(UserId.class)).isEqualTo("user");
        assertThat(ProblemDetailsAdvice.typedIdName(ProviderKeyId.class)).isEqualTo("provider-key");
    }

    @Test
    void otherTypesNameNothing() {
        assertThat(ProblemDetailsAdvice.typedIdName(UUID.class)).isNull();
        assertThat(ProblemDetailsAdvice.typedIdName(String.class)).isNull();
        assertThat(ProblemDetailsAdvice.typedIdName(LooksLikeId.class)).isNull();
    }
}
