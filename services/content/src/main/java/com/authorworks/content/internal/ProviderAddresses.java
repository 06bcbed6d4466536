package com.authorworks.content.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.authorworks.platform.Problem;

/**
 * The one rule for addresses a user gives for their own model server, which this server then calls
 * (ADR 0007): http or https, a host and nothing that does not belong in an API's base URL; never a
 * link-local address (where clouds serve instance credentials), and under the {@code public} policy
 * no loopback or private-network address either. Checked when the address is saved and again
 * before every call, as the name may since resolve elsewhere.
 */
@Component
public class ProviderAddresses {

    /** Which addresses users may give ({@code authorworks.content.user-provider-addresses}). */
    public enum Policy {
        /** Any but link-local: a self-hosted platform whose users run models on their own machines. */
        ANY,
        /** Public addresses only: a platform open to strangers. */
        PUBLIC
    }

    static final int MAX_LENGTH = 500;

    private final Policy policy;

    ProviderAddresses(ContentProperties properties) {
        this.policy = properties.userProviderAddresses();
    }

    /** The address as given, checked and without a trailing slash; else a 400 saying what is wrong with it. */
    public URI parse(String text) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty() || given.length() > MAX_LENGTH) {
            throw invalid("Give the server's address, at most " + MAX_LENGTH + " characters, e.g. http://localhost:11434.");
        }
        URI uri;
        try {
            uri = new URI(given.endsWith("/") ? given.substring(0, given.length() - 1) : given);
        } catch (URISyntaxException e) {
            throw invalid("'" + shown(given) + "' is not a URL. Write it like http://localhost:8080/v1.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("The address must start with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("The address names no host. Write it like http://localhost:8080/v1.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("Leave the user name and password out of the address: store a key instead.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("The address is the API's base URL: leave out everything from ? or #.");
        }
        return check(uri);
    }

    /** The address, if every address its host resolves to is allowed; else a 400 naming why not. */
    public URI check(URI uri) {
        String host = uri.getHost();
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw Problem.badRequest("provider-address-unresolvable", "The host " + shown(host) + " cannot be found from this server.");
        }
        for (InetAddress address : resolved) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw Problem.badRequest("provider-address-refused", "The host " + shown(host) + " is " + refusal
                        + " address (" + address.getHostAddress() + "), which this server does not call.");
            }
        }
        return uri;
    }

    private String refusal(InetAddress address) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "a link-local, unspecified or multicast";
        }
        if (policy == Policy.ANY) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isSiteLocalAddress() || sharedOrUniqueLocal(address)) {
            return "a private-network";
        }
        return null;
    }

    /** 100.64.0.0/10 (carrier-grade NAT) and fc00::/7 (IPv6 unique local), which the JDK does not count as site-local. */
    private static boolean sharedOrUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }

    private static Problem invalid(String detail) {
        return Problem.badRequest("invalid-provider-address", detail);
    }

    private static String shown(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
