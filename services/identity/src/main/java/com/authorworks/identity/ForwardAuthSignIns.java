package com.authorworks.identity;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * Forward-auth (the homelab's Authelia): the account the trusted proxy's {@code Remote-*} headers
 * name, made on first sight, its roles following the proxy's groups ({@code AUTHORWORKS_FORWARD_AUTH_GROUPS},
 * identity's setting). Every process that honours forward-auth asks this; a process without identity
 * asks it over HTTP, and only as a service (a service token, never a user's): whoever may call it
 * may sign in as anyone.
 */
@HttpExchange("/api/v1/internal/identity/forward-auth")
public interface ForwardAuthSignIns {

    /** The user the headers name; a {@code Problem} (e.g. {@code email-taken}) when they cannot be one. */
    @PostExchange("/sign-ins")
    ForwardAuthUser signIn(@RequestBody ForwardAuthHeaders headers);
}
