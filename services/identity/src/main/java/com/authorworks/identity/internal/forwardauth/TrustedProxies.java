package com.authorworks.identity.internal.forwardauth;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;

/**
 * The reverse proxies (AUTHORWORKS_TRUSTED_PROXIES) whose word we take: for the forward-auth
 * headers, and for the client's address in {@code X-Forwarded-For}. Anyone else could forge both.
 */
@Component
public class TrustedProxies {

    /** Literal IPv4/IPv6 only: anything else in a header is ignored rather than resolved through DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> proxies;

    public TrustedProxies(IdentitySettings settings) {
        this.proxies = settings.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    public boolean trusts(String address) {
        return address != null && IP_LITERAL.matcher(address).matches()
                && proxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** The caller's address: the nearest untrusted hop of X-Forwarded-For when a trusted proxy relayed the request. */
    public String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusts(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remote;
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
