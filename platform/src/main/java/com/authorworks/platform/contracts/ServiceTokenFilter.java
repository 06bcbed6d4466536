package com.authorworks.platform.contracts;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import com.authorworks.platform.web.Problems;

/**
 * Signs a contract call in as the service token says: as the user it acts for (with no roles),
 * or as the calling service (no user at all). The header counts only on contract endpoints
 * ({@code /api/v1/internal/<service>/...}) and only for a token made for that service; anywhere
 * else it is ignored, so it opens nothing a user could reach with it.
 */
final class ServiceTokenFilter extends OncePerRequestFilter {

    private final Optional<ServiceTokens> tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ServiceTokenFilter(Optional<ServiceTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(Contracts.SERVICE_TOKEN) == null || !request.getRequestURI().startsWith(Contracts.PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "ambiguous-credentials",
                    "Send either an access token or a service token, not both."));
            return;
        }
        String rest = request.getRequestURI().substring(Contracts.PATH_PREFIX.length());
        String audience = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Optional<ServiceTokens.Caller> caller = tokens.flatMap(t -> t.verify(request.getHeader(Contracts.SERVICE_TOKEN), audience));
        if (caller.isEmpty()) {
            Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-service-token",
                    "The service token is not valid here."));
            return;
        }
        String principal = caller.get().actingFor().map(Object::toString).orElse("service:" + caller.get().service());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(Callers.SERVICE_AUTHORITY))));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
