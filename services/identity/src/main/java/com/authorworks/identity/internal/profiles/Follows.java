package com.authorworks.identity.internal.profiles;

import java.util.List;

import java.util.UUID;

import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.authorworks.identity.UserFollows;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** Who follows whom. Following and unfollowing are idempotent. */
@Service
@Primary // the bean to use in this process; UserFollowsEndpoint serves the same contract to other processes
class Follows implements UserFollows {

    private final JdbcClient jdbc;
    private final Profiles profiles;

    Follows(JdbcClient jdbc, Profiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    void follow(UserId follower, UserId followee) {
        if (follower.equals(followee)) {
            throw Problem.badRequest("cannot-follow-yourself", "You cannot follow yourself.");
        }
        profiles.requireExists(followee);
        jdbc.sql("insert into identity.follows (follower_id, followee_id) values (:follower, :followee) on conflict do nothing")
                .param("follower", follower.value()).param("followee", followee.value()).update();
        profiles.followsChanged(follower, followee);
    }

    void unfollow(UserId follower, UserId followee) {
        profiles.requireExists(followee);
        jdbc.sql("delete from identity.follows where follower_id = :follower and followee_id = :followee")
                .param("follower", follower.value()).param("followee", followee.value()).update();
        profiles.followsChanged(follower, followee);
    }

    @Override
    public List<UserId> following(UserId user) {
        return jdbc.sql("select followee_id from identity.follows where follower_id = :id order by created_at desc, followee_id limit :max")
                .param("id", user.value()).param("max", MAX_FOLLOWING)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    Page<UserView> followers(UserId user, PageRequest page) {
        return listing(user, page, "f.follower_id", "f.followee_id");
    }

    Page<UserView> following(UserId user, PageRequest page) {
        return listing(user, page, "f.followee_id", "f.follower_id");
    }

    /** {@code shown} and {@code anchor} are fixed column names from the two callers above, never input. */
    private Page<UserView> listing(UserId user, PageRequest page, String shown, String anchor) {
        profiles.requireExists(user);
        List<UserView> items = jdbc.sql(Profiles.SELECT + " join identity.follows f on " + shown + " = u.id where "
                        + anchor + " = :user order by f.created_at desc, u.id limit :size offset :offset")
                .param("user", user.value()).param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> Profiles.view(rs, false)).list();
        long total = jdbc.sql("select count(*) from identity.follows f where " + anchor + " = :user")
                .param("user", user.value()).query(Long.class).single();
        return Page.of(items, page, total);
    }
}
