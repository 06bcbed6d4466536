package com.authorworks.identity.internal.accounts;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.web.TrustedProxies;

/** Sign-up, sign-in and everything proven by mail. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    static final int PASSWORD_MIN = 10;
    static final int PASSWORD_MAX = 128;

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{3,32}", message = "must be 3 to 32 letters, digits, '_' or '-'")
            String username,
            @NotBlank @Size(min = PASSWORD_MIN, max = PASSWORD_MAX) String password) {

        @Override
        public String toString() {
            return "RegisterRequest[" + username + "]";
        }
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = PASSWORD_MAX) String password) {
        @Override
        public String toString() {
            return "LoginRequest";
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest";
        }
    }

    record TokenRequest(@NotBlank @Size(max = 128) String token) {
        @Override
        public String toString() {
            return "TokenRequest";
        }
    }

    record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetPasswordRequest(@NotBlank @Size(max = 128) String token,
            @NotBlank @Size(min = PASSWORD_MIN, max = PASSWORD_MAX) String newPassword) {
        @Override
        public String toString() {
            return "ResetPasswordRequest";
        }
    }

    /** The new account as its owner sees it. */
    record Registered(String id, String email, String username, boolean emailVerified, java.util.Set<String> roles) {
    }

    /** Whether this request is signed in, and whether a proxy may sign requests in (forward-auth). */
    record SessionInfo(boolean signedIn, boolean forwardAuth) {
    }

    private final Accounts accounts;
    private final TrustedProxies proxies;
    private final IdentitySettings settings;

    AuthController(Accounts accounts, TrustedProxies proxies, IdentitySettings settings) {
        this.accounts = accounts;
        this.proxies = proxies;
        this.settings = settings;
    }

    /**
     * Answers anonymous callers too (200, never 401), so a browser app can learn at start whether
     * the proxy in front has already signed it in, without a failed request in its console.
     */
    @GetMapping("/session")
    SessionInfo session() {
        return new SessionInfo(CurrentUser.find().isPresent(), settings.forwardAuth());
    }

    /** The caller's current token epoch: how a process without identity learns it ({@code TokenEpochs}). */
    record TokenEpoch(long epoch) {
    }

    @GetMapping("/token-epoch")
    TokenEpoch tokenEpoch() {
        return new TokenEpoch(accounts.tokenEpoch(CurrentUser.require().id()));
    }

    @PostMapping("/register")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest request) {
        Account account = accounts.register(request.email().trim(), request.username(), request.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.id()))
                .body(new Registered(account.id().toString(), account.email(), account.username(), account.emailVerified(),
                        account.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet())));
    }

    @PostMapping("/login")
    SignedIn login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return accounts.login(request.email().trim(), request.password(), proxies.clientAddress(http));
    }

    @PostMapping("/refresh")
    SignedIn refresh(@Valid @RequestBody RefreshRequest request) {
        return accounts.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        accounts.logout(request.refreshToken());
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody TokenRequest request) {
        accounts.verifyEmail(request.token());
    }

    @PostMapping("/resend-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification(@Valid @RequestBody EmailRequest request) {
        accounts.resendVerification(request.email().trim());
    }

    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void forgotPassword(@Valid @RequestBody EmailRequest request) {
        accounts.forgotPassword(request.email().trim());
    }

    @PostMapping("/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
        accounts.resetPassword(request.token(), request.newPassword());
    }
}
