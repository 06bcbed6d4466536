package com.authorworks.content.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.authorworks.identity.PublicProfile;
import com.authorworks.platform.UserId;

class AuthorNameTests {

    private static PublicProfile profile(String displayName) {
        return new PublicProfile(new UserId(UUID.randomUUID()), "mara_q", displayName, null, null, List.of(), 0, 0, Instant.EPOCH);
    }

    @Test
    void exportsCreditTheDisplayNameElseTheUsernameNeverAnonymous() {
        assertThat(BookManuscripts.authorName(profile("Mara Quill"))).isEqualTo("Mara Quill");
        assertThat(BookManuscripts.authorName(profile(null))).isEqualTo("mara_q");
        assertThat(BookManuscripts.authorName(profile("  "))).isEqualTo("mara_q");
    }
}
