package com.authorworks.identity.internal.profiles;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.Users;
import com.authorworks.identity.internal.accounts.UserAccounts;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;

/** Profiles and preferences: who may see and change what. */
@Service
@Primary // the bean to use in this process; UsersEndpoint serves the same contract to other processes
class Profiles implements Users {

    static final int MAX_LINKS = 5;

    /** Fields absent (null) are left as they are; an empty string clears a text field. */
    record ProfileChanges(String displayName, String bio, String avatarUrl, List<String> links,
            java.util.Map<String, Object> preferences, Set<Role> roles) {
    }

    static final String SELECT = """
            select u.id, u.username, u.email, u.email_verified, u.roles, u.created_at,
                   u.theme, u.default_format, u.email_notifications,
                   p.display_name, p.bio, p.avatar_url, p.links,
                   (select count(*) from identity.follows f where f.followee_id = u.id) as followers,
                   (select count(*) from identity.follows f where f.follower_id = u.id) as following
            from identity.users u join identity.profiles p on p.user_id = u.id
            """;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final ProfileCache cache;

    Profiles(JdbcClient jdbc, UserAccounts accounts, ProfileCache cache) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.cache = cache;
    }

    @Override
    public Optional<PublicProfile> findProfile(UserId id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id.value())
                .query((rs, n) -> publicProfile(rs)).optional();
    }

    @Override
    public List<PublicProfile> findProfiles(List<UserId> ids) {
        if (ids.size() > MAX_PROFILES) {
            throw Problem.badRequest("too-many-users", "At most " + MAX_PROFILES + " users at a time.");
        }
        List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).map(UserId::value).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where u.id in (:ids)").param("ids", wanted)
                .query((rs, n) -> publicProfile(rs)).list();
    }

    @Override
    public List<PublicProfile> findProfilesByUsername(List<String> usernames) {
        if (usernames.size() > MAX_PROFILES) {
            throw Problem.badRequest("too-many-users", "At most " + MAX_PROFILES + " users at a time.");
        }
        List<String> wanted = usernames.stream().filter(java.util.Objects::nonNull).map(name -> name.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(name -> !name.isEmpty()).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where lower(u.username) in (:names)").param("names", wanted)
                .query((rs, n) -> publicProfile(rs)).list();
    }

    /** Anyone may look; the private part only for the user and for admins. */
    UserView view(UserId id, Optional<CurrentUser> viewer) {
        boolean full = viewer.filter(v -> v.id().equals(id) || v.isAdmin()).isPresent();
        UserView user = cache.get(id, this::load).orElseThrow(Profiles::notFound);
        return full ? user : user.publicPart();
    }

    /** The user as they see themselves, from the database. */
    private Optional<UserView> load(UserId id) {
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id.value())
                .query((rs, n) -> view(rs, true)).optional();
    }

    Page<UserView> list(PageRequest page) {
        List<UserView> items = jdbc.sql(SELECT + " order by u.created_at, u.id limit :size offset :offset")
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> view(rs, true)).list();
        long total = jdbc.sql("select count(*) from identity.users").query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** One read (the changed user) besides the writes; the current preferences only when they are merged. */
    @Transactional
    UserView update(UserId id, ProfileChanges changes, CurrentUser editor) {
        if (!editor.id().equals(id) && !editor.isAdmin()) {
            requireExists(id);
            throw Problem.forbidden("not-your-profile", "Only the user themselves or an admin can change this profile.");
        }
        cache.changed(id);
        if (changes.roles() != null) {
            if (!editor.isAdmin()) {
                throw Problem.forbidden("admin-only", "Only an admin can change roles.");
            }
            if (changes.roles().isEmpty()) {
                throw Problem.badRequest("invalid-roles", "A user needs at least one role.");
            }
            accounts.setRoles(id, changes.roles());
        }
        if (changes.avatarUrl() != null && !changes.avatarUrl().isEmpty()) {
            requireHttps("invalid-avatar-url", "avatarUrl", changes.avatarUrl());
        }
        if (changes.links() != null) {
            if (changes.links().size() > MAX_LINKS) {
                throw Problem.badRequest("too-many-links", "A profile has at most " + MAX_LINKS + " links.");
            }
            changes.links().forEach(link -> requireHttps("invalid-link", "links", link));
        }
        int updated = jdbc.sql("""
                update identity.profiles set
                    display_name = case when :name::text is null then display_name else nullif(:name, '') end,
                    bio = case when :bio::text is null then bio else nullif(:bio, '') end,
                    avatar_url = case when :avatar::text is null then avatar_url else nullif(:avatar, '') end,
                    links = coalesce(:links::text[], links)
                where user_id = :id""")
                .param("name", blankToEmpty(changes.displayName()))
                .param("bio", changes.bio() == null ? null : changes.bio().strip())
                .param("avatar", blankToEmpty(changes.avatarUrl()))
                .param("links", changes.links() == null ? null : changes.links().toArray(String[]::new))
                .param("id", id.value())
                .update();
        if (updated == 0) {
            throw notFound();
        }
        if (changes.preferences() != null) {
            Preferences merged = load(id).orElseThrow(Profiles::notFound).preferences().merge(changes.preferences());
            jdbc.sql("""
                    update identity.users set theme = :theme, default_format = :format, email_notifications = :notify,
                        updated_at = now()
                    where id = :id""")
                    .param("theme", merged.theme()).param("format", merged.defaultFormat())
                    .param("notify", merged.emailNotifications()).param("id", id.value())
                    .update();
        }
        return load(id).orElseThrow(Profiles::notFound);
    }

    /** Follower and following counts of these users changed. */
    void followsChanged(UserId... ids) {
        cache.changed(ids);
    }

    void requireExists(UserId id) {
        if (accounts.find(id).isEmpty()) {
            throw notFound();
        }
    }

    static Problem notFound() {
        return Problem.notFound("user-not-found", "There is no such user.");
    }

    private static String blankToEmpty(String value) {
        return value == null ? null : value.strip();
    }

    private static void requireHttps(String code, String field, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw Problem.badRequest(code, field + " must be an https:// address.");
        }
        if (value.length() > 2048 || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getUserInfo() != null) {
            throw Problem.badRequest(code, field + " must be an https:// address of at most 2048 characters.");
        }
    }

    static PublicProfile publicProfile(ResultSet rs) throws SQLException {
        return new PublicProfile(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("display_name"), rs.getString("bio"), rs.getString("avatar_url"),
                List.of((String[]) rs.getArray("links").getArray()), rs.getLong("followers"), rs.getLong("following"),
                rs.getTimestamp("created_at").toInstant());
    }

    static UserView view(ResultSet rs, boolean full) throws SQLException {
        PublicProfile p = publicProfile(rs);
        return new UserView(p.id().toString(), p.username(), p.displayName(), p.bio(), p.avatarUrl(), p.links(),
                p.followers(), p.following(), p.joinedAt(),
                full ? rs.getString("email") : null,
                full ? rs.getBoolean("email_verified") : null,
                full ? Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList((String[]) rs.getArray("roles").getArray()))) : null,
                full ? new Preferences(rs.getString("theme"), rs.getString("default_format"),
                        rs.getBoolean("email_notifications")) : null);
    }
}
