package com.authorworks.platform.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import com.authorworks.platform.web.ProblemCorsProcessor;
import com.authorworks.platform.web.Problems;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * One security decision for every service in the process: {@code /api/**} needs a valid access
 * token unless a service declared the endpoint public; everything else (the web app, health,
 * API docs) is open. Sessions are never created.
 */
@AutoConfiguration
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final Set<String> REQUIRED_CLAIMS = Set.of("sub", "exp", "iat");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
            List<RequestAuthenticator> authenticators, JwtDecoder jwtDecoder) throws Exception {
        // Stateless bearer tokens: no CSRF tokens, sessions, saved requests, form logout or servlet
        // API wrapper (the caller is read from the security context); each unused filter cost
        // every request a pass or a request wrapper.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(auth -> {
                    for (PublicEndpoints contribution : publicEndpoints) {
                        for (PublicEndpoints.Endpoint e : contribution.endpoints()) {
                            auth.requestMatchers(PathPatternRequestMatcher.pathPattern(e.method(), e.pattern())).permitAll();
                        }
                    }
                    auth.requestMatchers(PathPatternRequestMatcher.pathPattern("/api/**")).authenticated();
                    auth.anyRequest().permitAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> Problems.write(request, response,
                                Problems.of(HttpStatus.UNAUTHORIZED, "authentication-required",
                                        "A valid access token is required: sign in again.")))
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this."))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> Problems.write(request, response,
                                Problems.of(HttpStatus.UNAUTHORIZED, "authentication-required", "Sign in to do this.")))
                        .accessDeniedHandler((request, response, e) -> Problems.write(request, response,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this."))));
        for (RequestAuthenticator authenticator : authenticators) {
            authenticator.configure(http);
        }
        return http.build();
    }

    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
        return converter;
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    /**
     * No observation of each security filter, authentication and authorization: they were about a
     * fifth of the CPU and a quarter of the garbage of a profile read (bench/README.md, identity).
     * The request itself is still observed (http.server.requests: metrics, trace ids in the logs).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Verifies RS256 access tokens: with the in-process identity service's keys when it runs
     * here, else with the keys published at {@code authorworks.security.jwks-uri}. A token's
     * signature is verified once per process ({@link VerifiedTokens}); its claims, the user's token
     * epoch included ({@link TokenEpochs}), on every request.
     */
    @Bean
    JwtDecoder jwtDecoder(ObjectProvider<AccessTokenKeys> localKeys, ObjectProvider<TokenEpochs> localEpochs,
            ObjectProvider<com.authorworks.platform.redis.SharedRedis> redis, Environment environment) {
        JWKSource<SecurityContext> keys;
        TokenEpochs epochs;
        AccessTokenKeys local = localKeys.getIfAvailable();
        if (local != null) {
            keys = (selector, context) -> selector.select(local.publicKeys());
            // null when the keys are a test's own and no identity runs: there is no epoch to compare with
            epochs = localEpochs.getIfAvailable();
        } else {
            String uri = environment.getProperty("authorworks.security.jwks-uri");
            if (uri == null || uri.isBlank()) {
                throw new IllegalStateException("The identity service is not in this process: set AUTHORWORKS_JWKS_URI "
                        + "to its JWKS endpoint, e.g. http://identity:3001/.well-known/jwks.json");
            }
            try {
                keys = JWKSourceBuilder.create(URI.create(uri).toURL()).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("AUTHORWORKS_JWKS_URI is not a valid URL: " + uri, e);
            }
            // Identity's address is the JWKS endpoint's: the epoch is asked for there (ADR 0005).
            RemoteTokenEpochs remote = new RemoteTokenEpochs(URI.create(uri), environment.getProperty(
                    "authorworks.security.token-epoch-freshness", Duration.class, Duration.ofSeconds(30)));
            redis.ifAvailable(shared -> shared.channel(TokenEpochs.CHANNEL,
                    announcement -> TokenEpochs.read(announcement, remote::advanced)));
            epochs = remote;
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Checked on the token as signed: Spring's claim mapping invents an iat from exp, and its
        // validators pass a token without exp or sub. Ours always carry all three.
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, null, REQUIRED_CLAIMS));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> claims = JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER);
        OAuth2TokenValidator<Jwt> validator = claims;
        if (epochs != null) {
            // The epoch only of a token that is otherwise valid: asking for it may cost a call to identity.
            TokenEpochValidator current = new TokenEpochValidator(epochs);
            validator = token -> {
                OAuth2TokenValidatorResult result = claims.validate(token);
                return result.hasErrors() ? result : current.validate(token);
            };
        }
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(Environment environment) {
        String origins = environment.getProperty("authorworks.allowed-origins", "");
        CorsConfiguration cors = new CorsConfiguration();
        Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(cors::addAllowedOriginPattern);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** The chain's CORS filter (Spring Security uses a bean of this name), refusing with a problem. */
    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    /** ...and only in the chain, not a second time as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOutsideTheChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }
}
