package com.authorworks.identity.internal.forwardauth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import com.authorworks.identity.ForwardAuthHeaders;
import com.authorworks.identity.ForwardAuthSignIns;
import com.authorworks.identity.ForwardAuthUser;
import com.authorworks.identity.IdentityUnavailableException;
import com.authorworks.platform.Problem;
import com.authorworks.platform.web.Problems;
import com.authorworks.platform.web.TrustedProxies;

/**
 * Signs the request in as the user the proxy (Authelia) vouches for with {@code Remote-User}. The
 * headers are believed only from a trusted proxy address; from anywhere else they are ignored, as
 * if absent, because any client can send them. Who that user is, identity answers
 * ({@link ForwardAuthSignIns}): in its own process directly, elsewhere over HTTP.
 */
class ForwardAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ForwardAuthFilter.class);

    private final ForwardAuthSignIns signIns;
    private final TrustedProxies proxies;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // Kept with the request (as the bearer-token filter does) so the async dispatch that ends a
    // server-sent event stream, which this once-per-request filter skips, is still this user.
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ForwardAuthFilter(ForwardAuthSignIns signIns, TrustedProxies proxies) {
        this.signIns = signIns;
        this.proxies = proxies;
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
        ForwardAuthUser user;
        try {
            user = signIns.signIn(new ForwardAuthHeaders(remoteUser, email, trimmed(request.getHeader("Remote-Name")),
                    request.getHeader("Remote-Groups")));
        } catch (Problem problem) {
            Problems.write(request, response, Problems.of(problem.status(), problem.code(), problem.getMessage()));
            return;
        } catch (IdentityUnavailableException e) {
            log.warn("Forward-auth could not reach identity: {}", e.getMessage());
            response.setHeader("Retry-After", "5");
            Problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable",
                    "Signing in through the proxy is unavailable right now; try again shortly."));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.id().toString(), null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private static String trimmed(String header) {
        return header == null || header.isBlank() ? null : header.trim();
    }
}
