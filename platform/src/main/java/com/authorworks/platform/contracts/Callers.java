package com.authorworks.platform.contracts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** Who may make a contract call: the checks a callee's contract endpoint makes before it acts. */
public final class Callers {

    /** The authority of a request authenticated by a service token (never a role: it grants no user rights). */
    public static final String SERVICE_AUTHORITY = "SERVICE";

    private Callers() {
    }

    /**
     * The caller acts for {@code user}: with that user's own access token, or with a service token
     * naming that user. Anything else is a 403 ({@code acting-for-another-user}).
     */
    public static void actingFor(UserId user) {
        CurrentUser caller = CurrentUser.require();
        if (!caller.id().equals(user)) {
            throw Problem.forbidden("acting-for-another-user",
                    "These credentials do not act for the user this call names.");
        }
    }

    /** The caller is another service of the platform (a service token), not a user. */
    public static void requireService() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean service = auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> SERVICE_AUTHORITY.equals(a.getAuthority()));
        if (!service) {
            throw Problem.forbidden("service-token-required", "Only another service of the platform may call this.");
        }
    }
}
