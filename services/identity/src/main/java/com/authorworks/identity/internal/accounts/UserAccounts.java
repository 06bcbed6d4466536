package com.authorworks.identity.internal.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;

/** The {@code users} table: the one place that reads and writes accounts. */
@Component
public class UserAccounts {

    /** What new accounts may do: read, and write their own stories. */
    public static final Set<Role> DEFAULT_ROLES = Set.of(Role.READER, Role.CREATOR);

    private static final String COLUMNS = "id, email, username, password_hash, email_verified, roles, created_at, token_epoch";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public UserAccounts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Account> find(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from identity.users where id = :id")
                .param("id", id.value()).query(UserAccounts::account).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from identity.users where lower(email) = lower(:email)")
                .param("email", email).query(UserAccounts::account).optional();
    }

    public Optional<Account> findByRemoteUser(String remoteUser) {
        return jdbc.sql("select " + COLUMNS + " from identity.users where remote_user = :remote")
                .param("remote", remoteUser).query(UserAccounts::account).optional();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from identity.users where lower(email) = lower(:email))")
                .param("email", email).query(Boolean.class).single();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from identity.users where lower(username) = lower(:username))")
                .param("username", username).query(Boolean.class).single();
    }

    public boolean anyExists() {
        return jdbc.sql("select exists (select 1 from identity.users)").query(Boolean.class).single();
    }

    public void insert(UserId id, String email, String username, String passwordHash, boolean emailVerified,
            Set<Role> roles, String remoteUser, String displayName) {
        jdbc.sql("""
                insert into identity.users (id, email, username, password_hash, email_verified, roles, remote_user)
                values (:id, :email, :username, :hash, :verified, :roles, :remote)""")
                .param("id", id.value())
                .param("email", email)
                .param("username", username)
                .param("hash", passwordHash)
                .param("verified", emailVerified)
                .param("roles", roleArray(roles))
                .param("remote", remoteUser)
                .update();
        jdbc.sql("insert into identity.profiles (user_id, display_name) values (:id, :name)")
                .param("id", id.value()).param("name", displayName).update();
    }

    /**
     * Replaces the password and advances the user's token epoch, so every access token issued
     * before is refused; returns the new epoch.
     */
    long replacePassword(UserId id, String passwordHash) {
        return jdbc.sql("""
                update identity.users set password_hash = :hash, token_epoch = token_epoch + 1, updated_at = now()
                where id = :id returning token_epoch""")
                .param("hash", passwordHash).param("id", id.value()).query(Long.class).single();
    }

    /** The user's current token epoch; empty when there is no such user. */
    Optional<Long> tokenEpoch(UserId id) {
        return jdbc.sql("select token_epoch from identity.users where id = :id")
                .param("id", id.value()).query(Long.class).optional();
    }

    /** The change and its {@code AccountChanged} in one transaction: caches forget the user once it committed. */
    @Transactional
    public void markEmailVerified(UserId id) {
        jdbc.sql("update identity.users set email_verified = true, updated_at = now() where id = :id")
                .param("id", id.value()).update();
        events.publishEvent(new AccountChanged(id));
    }

    @Transactional
    public void setRoles(UserId id, Set<Role> roles) {
        jdbc.sql("update identity.users set roles = :roles, updated_at = now() where id = :id")
                .param("roles", roleArray(roles)).param("id", id.value()).update();
        events.publishEvent(new AccountChanged(id));
    }

    /** Serialises sign-ups, so "the first user becomes admin" holds even for two at once. */
    public void lockSignUps() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('identity.sign-up'))").query().listOfRows();
    }

    private static String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles).map(Role::valueOf).forEach(parsed::add);
        return new Account(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"), rs.getString("username"),
                rs.getString("password_hash"), rs.getBoolean("email_verified"), Set.copyOf(parsed),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("token_epoch"));
    }
}
