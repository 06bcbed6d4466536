package com.authorworks.identity.internal.profiles;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.identity.UserBlocks;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** Who blocked whom. Blocking and unblocking are idempotent; nobody can block themselves. */
@Service
@Primary // the bean to use in this process; UserBlocksEndpoint serves the same contract to other processes
class Blocks implements UserBlocks {

    private final JdbcClient jdbc;
    private final Profiles profiles;

    Blocks(JdbcClient jdbc, Profiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    @Transactional
    void block(UserId blocker, UserId blocked) {
        if (blocker.equals(blocked)) {
            throw Problem.badRequest("cannot-block-yourself", "You cannot block yourself.");
        }
        profiles.requireExists(blocked);
        // serialises one blocker's blocks, so the limit holds under concurrent requests
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:blocker, 0))").param("blocker", blocker.toString())
                .query((rs, n) -> 1).list();
        boolean already = jdbc.sql("select count(*) from identity.user_blocks where blocker_id = :blocker and blocked_id = :blocked")
                .param("blocker", blocker.value()).param("blocked", blocked.value()).query(Long.class).single() > 0;
        if (already) {
            return;
        }
        long count = jdbc.sql("select count(*) from identity.user_blocks where blocker_id = :blocker")
                .param("blocker", blocker.value()).query(Long.class).single();
        if (count >= MAX_BLOCKS) {
            throw Problem.conflict("too-many-blocks", "You can block at most " + MAX_BLOCKS + " users; unblock someone first.");
        }
        jdbc.sql("insert into identity.user_blocks (blocker_id, blocked_id) values (:blocker, :blocked) on conflict do nothing")
                .param("blocker", blocker.value()).param("blocked", blocked.value()).update();
    }

    void unblock(UserId blocker, UserId blocked) {
        profiles.requireExists(blocked);
        jdbc.sql("delete from identity.user_blocks where blocker_id = :blocker and blocked_id = :blocked")
                .param("blocker", blocker.value()).param("blocked", blocked.value()).update();
    }

    /** The users {@code blocker} blocked, as they see them (public profiles), newest block first. */
    Page<UserView> listing(UserId blocker, PageRequest page) {
        List<UserView> items = jdbc.sql(Profiles.SELECT + " join identity.user_blocks b on b.blocked_id = u.id"
                        + " where b.blocker_id = :blocker order by b.created_at desc, u.id limit :size offset :offset")
                .param("blocker", blocker.value()).param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> Profiles.view(rs, false)).list();
        long total = jdbc.sql("select count(*) from identity.user_blocks where blocker_id = :blocker")
                .param("blocker", blocker.value()).query(Long.class).single();
        return Page.of(items, page, total);
    }

    @Override
    public boolean blockedEitherWay(UserId a, UserId b) {
        return jdbc.sql("""
                        select exists (select 1 from identity.user_blocks
                                       where (blocker_id = :a and blocked_id = :b) or (blocker_id = :b and blocked_id = :a))
                        """)
                .param("a", a.value()).param("b", b.value()).query(Boolean.class).single();
    }

    @Override
    public List<UserId> blockedBy(UserId blocker) {
        return jdbc.sql("select blocked_id from identity.user_blocks where blocker_id = :blocker"
                        + " order by created_at desc, blocked_id limit :max")
                .param("blocker", blocker.value()).param("max", MAX_BLOCKS)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    @Override
    public List<UserId> blockedAmong(UserId user, List<UserId> others) {
        if (others.size() > MAX_AMONG) {
            throw Problem.badRequest("too-many-users", "At most " + MAX_AMONG + " users at a time.");
        }
        List<UUID> wanted = others.stream().filter(Objects::nonNull).map(UserId::value).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select blocked_id as other from identity.user_blocks where blocker_id = :user and blocked_id in (:others)
                        union
                        select blocker_id from identity.user_blocks where blocked_id = :user and blocker_id in (:others)
                        """)
                .param("user", user.value()).param("others", wanted)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }
}
