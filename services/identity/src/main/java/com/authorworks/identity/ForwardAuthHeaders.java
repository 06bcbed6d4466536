package com.authorworks.identity;

/** What the proxy vouched for: {@code Remote-User}, {@code Remote-Email}, {@code Remote-Name}, {@code Remote-Groups}. */
public record ForwardAuthHeaders(String remoteUser, String email, String name, String groups) {
}
