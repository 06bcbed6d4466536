package com.authorworks.platform;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user behind the current request, as established by the security filters. */
public record CurrentUser(UserId id, Set<Role> roles) {

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is(Role.ADMIN);
    }

    /** The signed-in user, or empty for an anonymous request. */
    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        UserId id;
        try {
            id = UserId.of(auth.getName());
        } catch (IllegalArgumentException notAUserId) {
            return Optional.empty();
        }
        Set<Role> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .flatMap(name -> {
                    try {
                        return java.util.stream.Stream.of(Role.valueOf(name));
                    } catch (IllegalArgumentException unknown) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentUser(id, roles));
    }

    /** The signed-in user; a 401 problem for an anonymous request. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new Problem(org.springframework.http.HttpStatus.UNAUTHORIZED,
                "authentication-required", "Sign in to do this."));
    }
}
