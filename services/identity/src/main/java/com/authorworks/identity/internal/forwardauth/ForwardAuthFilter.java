package com.authorworks.identity.internal.forwardauth;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.identity.internal.accounts.Account;
import com.authorworks.identity.internal.accounts.Accounts;
import com.authorworks.platform.Problem;
import com.authorworks.platform.Role;
import com.authorworks.platform.web.Problems;
import com.authorworks.platform.web.TrustedProxies;

/**
 * Signs the request in as the user the proxy (Authelia) vouches for with {@code Remote-User}. The
 * headers are believed only from a trusted proxy address; from anywhere else they are ignored, as
 * if absent, because any client can send them.
 */
class ForwardAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ForwardAuthFilter.class);

    private final Accounts accounts;
    private final TrustedProxies proxies;
    private final IdentitySettings settings;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // Kept with the request (as the bearer-token filter does) so the async dispatch that ends a
    // server-sent event stream, which this once-per-request filter skips, is still this user.
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ForwardAuthFilter(Accounts accounts, TrustedProxies proxies, IdentitySettings settings) {
        this.accounts = accounts;
        this.proxies = proxies;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String remoteUser = trimmed(request.getHeader("Remote-User"));
        if (remoteUser == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!proxies.trusts(request.getRemoteAddr())) {
            log.debug("Ignoring Remote-User from untrusted address {}", request.getRemoteAddr());
            chain.doFilter(request, response);
            return;
        }
        String email = trimmed(request.getHeader("Remote-Email"));
        if (email == null || remoteUser.length() > 128 || email.length() > 254) {
            log.warn("Proxy sent Remote-User without a usable Remote-Email; treating the request as anonymous");
            chain.doFilter(request, response);
            return;
        }
        Account account;
        try {
            account = accounts.signInRemote(remoteUser, email, trimmed(request.getHeader("Remote-Name")),
                    roles(request.getHeader("Remote-Groups")));
        } catch (Problem problem) {
            Problems.write(request, response, Problems.of(problem.status(), problem.code(), problem.getMessage()));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.id().toString(), null,
                account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private Set<Role> roles(String groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (groups != null) {
            Arrays.stream(groups.split(",")).map(String::trim).map(settings.groupRoles()::get)
                    .filter(Objects::nonNull).forEach(roles::add);
        }
        return roles;
    }

    private static String trimmed(String header) {
        return header == null || header.isBlank() ? null : header.trim();
    }
}
