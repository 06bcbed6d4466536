package com.authorworks.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The reverse proxies ({@code AUTHORWORKS_TRUSTED_PROXIES}) whose word is taken: for the address,
 * scheme, host and port they forward ({@code X-Forwarded-*}, {@code Forwarded}) and for the
 * homelab's forward-auth headers. Anyone else could forge them all.
 */
public final class TrustedProxies {

    /** Loopback only: a proxy on the same machine. */
    public static final String DEFAULT = "127.0.0.1/32,::1/128";
    /** Literal IPv4/IPv6 only: anything else in a header is ignored rather than resolved through DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> proxies;

    public TrustedProxies(List<String> cidrs) {
        this.proxies = cidrs.stream().map(IpAddressMatcher::new).toList();
    }

    public static TrustedProxies from(Environment environment) {
        return new TrustedProxies(Arrays.stream(environment.getProperty("AUTHORWORKS_TRUSTED_PROXIES", DEFAULT).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
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
