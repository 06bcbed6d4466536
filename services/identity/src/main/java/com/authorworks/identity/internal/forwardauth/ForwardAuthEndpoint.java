package com.authorworks.identity.internal.forwardauth;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.identity.ForwardAuthHeaders;
import com.authorworks.identity.ForwardAuthSignIns;
import com.authorworks.identity.ForwardAuthUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.contracts.Callers;

/**
 * The {@link ForwardAuthSignIns} contract for other processes. Only a service may call it (whoever
 * may, can sign in as anyone the proxy could name), and only when forward-auth is on.
 */
@RestController
class ForwardAuthEndpoint implements ForwardAuthSignIns {

    private final LocalForwardAuthSignIns signIns;
    private final com.authorworks.identity.internal.IdentitySettings settings;

    ForwardAuthEndpoint(LocalForwardAuthSignIns signIns, com.authorworks.identity.internal.IdentitySettings settings) {
        this.signIns = signIns;
        this.settings = settings;
    }

    @Override
    public ForwardAuthUser signIn(ForwardAuthHeaders headers) {
        Callers.requireService();
        if (!settings.forwardAuth()) {
            throw Problem.forbidden("forward-auth-disabled", "Forward-auth is off on the identity service (AUTHORWORKS_FORWARD_AUTH).");
        }
        if (headers == null || headers.remoteUser() == null || headers.remoteUser().isBlank() || headers.email() == null
                || headers.email().isBlank() || headers.remoteUser().length() > 128 || headers.email().length() > 254) {
            throw Problem.badRequest("invalid-forward-auth", "remoteUser and email are required (at most 128 and 254 characters).");
        }
        return signIns.signIn(headers);
    }
}
