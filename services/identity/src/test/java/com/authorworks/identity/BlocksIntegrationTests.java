package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.platform.UserId;

/** Blocking through the API, and the {@link UserBlocks} contract other services ask (in this process and over HTTP). */
class BlocksIntegrationTests extends IdentityIntegrationTest {

    @Autowired
    UserBlocks blocks;

    @Test
    void aBlockIsListedForTheBlockerAndCountsBothWaysUntilItIsLifted() {
        Session reader = signedInUser("blocker");
        Session troll = signedInUser("troll");
        UserId readerId = UserId.of(reader.id());
        UserId trollId = UserId.of(troll.id());
        assertThat(blocks.blockedEitherWay(readerId, trollId)).isFalse();

        assertThat(api().as(reader.accessToken()).put("/api/v1/users/me/blocks/" + troll.id(), null).status()).isEqualTo(204);
        assertThat(api().as(reader.accessToken()).put("/api/v1/users/me/blocks/" + troll.id(), null).status())
                .as("blocking again changes nothing").isEqualTo(204);

        Api.Response listed = api().as(reader.accessToken()).get("/api/v1/users/me/blocks");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body().get("total").asLong()).isEqualTo(1);
        assertThat(listed.body().get("items").get(0).get("username").asString()).isEqualTo(troll.username());
        assertThat(listed.body().get("items").get(0).get("email")).as("a public profile only").isNull();
        assertThat(api().as(troll.accessToken()).get("/api/v1/users/me/blocks").body().get("total").asLong())
                .as("the blocked user's own list is theirs").isZero();

        assertThat(blocks.blockedEitherWay(readerId, trollId)).isTrue();
        assertThat(blocks.blockedEitherWay(trollId, readerId)).as("either way").isTrue();
        assertThat(blocks.blockedBy(readerId)).containsExactly(trollId);
        assertThat(blocks.blockedBy(trollId)).isEmpty();
        UserId bystander = UserId.of(signedInUser("bystander").id());
        assertThat(blocks.blockedAmong(trollId, List.of(readerId, bystander, UserId.random()))).containsExactly(readerId);
        assertThat(blocks.blockedAmong(readerId, List.of(trollId, bystander))).containsExactly(trollId);

        assertThat(api().as(reader.accessToken()).delete("/api/v1/users/me/blocks/" + troll.id()).status()).isEqualTo(204);
        assertThat(api().as(reader.accessToken()).delete("/api/v1/users/me/blocks/" + troll.id()).status()).isEqualTo(204);
        assertThat(blocks.blockedEitherWay(trollId, readerId)).isFalse();
        assertThat(api().as(reader.accessToken()).get("/api/v1/users/me/blocks").body().get("total").asLong()).isZero();
    }

    @Test
    void nobodyCanBlockThemselvesOrSomeoneWhoDoesNotExist() {
        Session user = signedInUser("self");
        Api.Response self = api().as(user.accessToken()).put("/api/v1/users/me/blocks/" + user.id(), null);
        assertThat(self.status()).as(self.toString()).isEqualTo(400);
        assertThat(self.body().get("code").asString()).isEqualTo("cannot-block-yourself");

        Api.Response unknown = api().as(user.accessToken()).put("/api/v1/users/me/blocks/" + UserId.random(), null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isNotBlank();
        assertThat(api().as(user.accessToken()).delete("/api/v1/users/me/blocks/" + UserId.random()).status()).isEqualTo(404);
        assertThat(api().as(user.accessToken()).put("/api/v1/users/me/blocks/not-an-id", null).status())
                .as("no such user, as for any malformed id").isEqualTo(404);
        assertThat(api().put("/api/v1/users/me/blocks/" + user.id(), null).status()).as("signed in only").isEqualTo(401);
        assertThat(api().get("/api/v1/users/me/blocks").status()).isEqualTo(401);
    }

    @Test
    void overHttpAUserMayAskOnlyAboutTheirOwnBlocks() {
        Session alice = signedInUser("alice");
        Session bob = signedInUser("bob");
        Session carol = signedInUser("carol");
        api().as(bob.accessToken()).put("/api/v1/users/me/blocks/" + carol.id(), null);
        String internal = "/api/v1/internal/identity/blocks/";

        Api.Response own = api().as(carol.accessToken()).get(internal + carol.id() + "/either-way/" + bob.id());
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.raw()).isEqualTo("true");
        assertThat(api().as(bob.accessToken()).get(internal + bob.id() + "/blocked").raw()).contains(carol.id());

        Api.Response snooping = api().as(alice.accessToken()).get(internal + bob.id() + "/either-way/" + carol.id());
        assertThat(snooping.status()).as(snooping.toString()).isEqualTo(403);
        assertThat(snooping.body().get("code").asString()).isEqualTo("acting-for-another-user");
        assertThat(api().as(alice.accessToken()).get(internal + bob.id() + "/blocked").status()).isEqualTo(403);
        assertThat(api().as(alice.accessToken()).get(internal + bob.id() + "/among?id=" + carol.id()).status()).isEqualTo(403);
        assertThat(api().get(internal + bob.id() + "/blocked").status()).isEqualTo(401);
    }
}
