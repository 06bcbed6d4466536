package com.authorworks.identity.internal.accounts;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.identity.internal.mail.Mailer;
import com.authorworks.identity.internal.mail.OutgoingMail;
import com.authorworks.identity.internal.tokens.AccessTokenIssuer;
import com.authorworks.identity.internal.tokens.RefreshTokens;
import com.authorworks.platform.Problem;
import com.authorworks.platform.Role;
import com.authorworks.platform.UserId;
import com.authorworks.platform.web.PublicUrl;

/** Everything that creates an account or proves who someone is. */
@Service
public class Accounts {

    private final UserAccounts users;
    private final EmailTokens emailTokens;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final PasswordEncoder passwords;
    private final RateLimits rateLimits;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final IdentitySettings settings;
    private final TokenEpochCache tokenEpochs;
    private final PublicUrl publicUrl;
    private final SignInAddresses signInAddresses;
    /**
     * Checked against when there is no account, so an unknown email costs as long as a wrong
     * password. Made by the first sign-in of any kind, so that one costs the same whether or not
     * the account exists, and not during start-up (one Argon2 hash on a cold JVM was 0.4 s of it).
     */
    private volatile String dummyHash;

    Accounts(UserAccounts users, EmailTokens emailTokens, RefreshTokens refreshTokens, AccessTokenIssuer accessTokens,
            PasswordEncoder passwords, RateLimits rateLimits, Mailer mailer, TransactionTemplate transactions,
            IdentitySettings settings, TokenEpochCache tokenEpochs, PublicUrl publicUrl, SignInAddresses signInAddresses) {
        this.users = users;
        this.emailTokens = emailTokens;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.rateLimits = rateLimits;
        this.mailer = mailer;
        this.transactions = transactions;
        this.settings = settings;
        this.tokenEpochs = tokenEpochs;
        this.publicUrl = publicUrl;
        this.signInAddresses = signInAddresses;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                if (dummyHash == null) {
                    dummyHash = passwords.encode(HexFormat.of().formatHex(new byte[16]));
                }
                hash = dummyHash;
            }
        }
        return hash;
    }

    public Account register(String email, String username, String password) {
        String hash = passwords.encode(password);
        record Created(Account account, String verificationToken) {
        }
        Created created = transactions.execute(status -> {
            users.lockSignUps();
            if (users.emailTaken(email)) {
                throw Problem.conflict("email-taken", "An account with this email already exists: sign in or reset the password.");
            }
            if (users.usernameTaken(username)) {
                throw Problem.conflict("username-taken", "This username is taken: choose another.");
            }
            // Without a configured admin email the very first account administers the platform.
            boolean firstAdmin = settings.adminEmail().isEmpty() && !users.anyExists();
            Set<Role> roles = EnumSet.copyOf(UserAccounts.DEFAULT_ROLES);
            if (firstAdmin) {
                roles.add(Role.ADMIN);
            }
            UserId id = UserId.random();
            users.insert(id, email, username, hash, false, roles, null, null);
            return new Created(users.find(id).orElseThrow(), emailTokens.issue(id, EmailTokens.Purpose.VERIFY_EMAIL));
        });
        sendVerification(created.account(), created.verificationToken());
        return created.account();
    }

    public SignedIn login(String email, String password, String clientAddress) {
        var account = users.findByEmail(email);
        boolean usualAddress = account.isPresent() && signInAddresses.usual(account.get().id(), clientAddress);
        var attempt = rateLimits.passwordAttempt(email.toLowerCase(Locale.ROOT), clientAddress, usualAddress);
        String hash = account.map(Account::passwordHash).orElse(null);
        String dummy = dummyHash();
        boolean matches = passwords.matches(password, hash == null ? dummy : hash);
        if (!matches || hash == null) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "The email or the password is wrong.");
        }
        attempt.succeeded();
        Account signedIn = account.get();
        signInAddresses.signedIn(signedIn.id(), clientAddress);
        return signedIn(signedIn, refreshTokens.start(signedIn.id()));
    }

    public SignedIn refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokens.Rotation.Refused refused ->
                    throw new Problem(HttpStatus.UNAUTHORIZED, refused.code(), refused.detail());
            case RefreshTokens.Rotation.Rotated rotated -> signedIn(users.find(rotated.user())
                    .orElseThrow(() -> new Problem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                            "This account no longer exists.")), rotated.token());
        };
    }

    public long tokenEpoch(UserId id) {
        return tokenEpochs.current(id, null);
    }

    public void logout(String refreshToken) {
        refreshTokens.revokeSession(refreshToken);
    }

    public void verifyEmail(String token) {
        transactions.executeWithoutResult(status -> {
            UserId id = emailTokens.consume(token, EmailTokens.Purpose.VERIFY_EMAIL).orElseThrow(Accounts::invalidToken);
            users.markEmailVerified(id);
            Account account = users.find(id).orElseThrow(Accounts::invalidToken);
            // The configured admin becomes admin only once they proved they own that mailbox.
            if (settings.adminEmail().filter(admin -> admin.equalsIgnoreCase(account.email())).isPresent()
                    && !account.roles().contains(Role.ADMIN)) {
                Set<Role> roles = EnumSet.copyOf(account.roles());
                roles.add(Role.ADMIN);
                users.setRoles(id, roles);
            }
        });
    }

    /** Same outcome whether or not the email has an account, so nobody learns who is registered. */
    public void resendVerification(String email) {
        rateLimits.mailRequest(email.toLowerCase(Locale.ROOT));
        users.findByEmail(email).filter(account -> !account.emailVerified()).ifPresent(account ->
                sendVerification(account, emailTokens.issue(account.id(), EmailTokens.Purpose.VERIFY_EMAIL)));
    }

    /** Same outcome whether or not the email has an account, so nobody learns who is registered. */
    public void forgotPassword(String email) {
        rateLimits.mailRequest(email.toLowerCase(Locale.ROOT));
        users.findByEmail(email).ifPresent(account -> {
            String token = emailTokens.issue(account.id(), EmailTokens.Purpose.RESET_PASSWORD);
            mailer.send(new OutgoingMail(account.email(), "Reset your AuthorWorks password", """
                    Hello %s,

                    Someone (hopefully you) asked to reset your AuthorWorks password. Choose a new one here
                    within an hour:

                    %s/reset-password?token=%s

                    If it was not you, ignore this mail: your password stays as it is.
                    """.formatted(account.username(), publicUrl.base(), token), "reset-password"));
        });
    }

    public void resetPassword(String token, String newPassword) {
        String hash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            UserId id = emailTokens.consume(token, EmailTokens.Purpose.RESET_PASSWORD).orElseThrow(Accounts::invalidToken);
            // Reading the mail proved the address too.
            users.markEmailVerified(id);
            replacePassword(id, hash);
        });
    }

    /**
     * Every credential of the user dies with the old password: mailed links, refresh tokens, and
     * (through the token epoch) access tokens, in this process at once.
     */
    private void replacePassword(UserId id, String hash) {
        long epoch = users.replacePassword(id, hash);
        emailTokens.revokeAll(id);
        refreshTokens.revokeAll(id);
        tokenEpochs.advanced(id, epoch);
    }

    public void changePassword(UserId id, String currentPassword, String newPassword, String clientAddress) {
        Account account = users.find(id).orElseThrow(() -> Problem.notFound("user-not-found", "There is no such user."));
        var attempt = rateLimits.passwordAttempt(account.email().toLowerCase(Locale.ROOT), clientAddress,
                signInAddresses.usual(id, clientAddress));
        if (account.passwordHash() == null) {
            throw Problem.badRequest("no-password", "This account signs in through the proxy and has no password here.");
        }
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw Problem.badRequest("wrong-password", "The current password is wrong.");
        }
        attempt.succeeded();
        String hash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> replacePassword(id, hash));
    }

    /**
     * The account behind a forward-auth identity, created on first sight. Roles follow the proxy's
     * groups on every request, so removing someone from {@code admins} there takes effect here.
     */
    public Account signInRemote(String remoteUser, String email, String displayName, Set<Role> groupRoles) {
        Set<Role> roles = EnumSet.copyOf(UserAccounts.DEFAULT_ROLES);
        roles.addAll(groupRoles);
        var existing = users.findByRemoteUser(remoteUser);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (!account.roles().equals(roles)) {
                users.setRoles(account.id(), roles);
                return users.find(account.id()).orElseThrow();
            }
            return account;
        }
        return transactions.execute(status -> {
            users.lockSignUps();
            var raced = users.findByRemoteUser(remoteUser);
            if (raced.isPresent()) {
                return raced.get();
            }
            if (users.emailTaken(email)) {
                throw Problem.conflict("email-taken", "Another account already uses the email the proxy sent.");
            }
            String username = usernameFor(remoteUser);
            UserId id = UserId.random();
            users.insert(id, email, username, null, true, roles, remoteUser, displayName);
            return users.find(id).orElseThrow();
        });
    }

    private String usernameFor(String remoteUser) {
        String base = remoteUser.replaceAll("[^A-Za-z0-9_-]", "-");
        base = base.length() < 3 ? (base + "---").substring(0, 3) : base.substring(0, Math.min(base.length(), 27));
        String candidate = base;
        while (users.usernameTaken(candidate)) {
            candidate = base + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        }
        return candidate;
    }

    private SignedIn signedIn(Account account, String refreshToken) {
        var access = accessTokens.issue(account.id(), account.roles(), account.tokenEpoch());
        return new SignedIn(access.token(), "Bearer", access.expiresIn(), refreshToken, refreshTokens.lifetimeSeconds());
    }

    private void sendVerification(Account account, String token) {
        mailer.send(new OutgoingMail(account.email(), "Confirm your email for AuthorWorks", """
                Hello %s,

                Welcome to AuthorWorks. Confirm your email address within 24 hours by opening:

                %s/verify-email?token=%s

                If you did not create this account, ignore this mail.
                """.formatted(account.username(), publicUrl.base(), token), "verify-email"));
    }

    private static Problem invalidToken() {
        return Problem.badRequest("invalid-token", "This link is not valid: it was used already, has expired or was mistyped.");
    }
}
