package com.authorworks.platform.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpExchangeAdapterDecorator;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.HttpServiceArgumentResolver;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.observation.ObservationRegistry;

/**
 * Makes the HTTP client of a published contract for a process the callee does not run in: the
 * same interface, so callers cannot tell. Every call carries the caller's credentials (the user's
 * own access token when the call acts for that user, else a one-minute service token, ADR 0006),
 * has a connect and a read timeout, is retried when it could not reach the callee and is safe to
 * repeat (GET, HEAD, PUT, DELETE; never a POST or a body that was already streamed), and goes
 * through one circuit breaker per callee, so a callee that is down is answered at once instead of
 * after a timeout per call. A callee that cannot be reached, answers 5xx or 429, or refuses this
 * process's credentials becomes the callee's own "unavailable" exception; a refusal with a problem
 * (4xx) becomes a {@link Problem} with the callee's status, code and detail, exactly what the
 * in-process bean would have thrown.
 *
 * <p>Settings ({@code authorworks.contracts.*}): {@code connect-timeout} (2 s), {@code read-timeout}
 * (30 s), {@code attempts} (3), {@code circuit-open-for} (10 s), {@code circuit-minimum-calls} (5).
 */
public final class ServiceClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);
    private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code",
            "requestId");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Makes the callee's own exception for "could not be reached", with a message and the cause (or null). */
    public interface Unavailable extends BiFunction<String, Throwable, RuntimeException> {
    }

    private final Optional<ServiceTokens> tokens;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int attempts;
    private final Duration openFor;
    private final int minimumCalls;
    /**
     * One pool of connections for every contract's client. Apache's blocking client writes a request body on the
     * caller's thread; the JDK client's streamed bodies (Spring's OutputStreamPublisher) raced in
     * {@code Http1Exchange.requestMoreBody} under load.
     */
    private final CloseableHttpClient http;
    private final ObservationRegistry observations;

    ServiceClients(Optional<ServiceTokens> tokens, Environment environment, ObservationRegistry observations) {
        this.tokens = tokens;
        this.observations = observations;
        this.connectTimeout = environment.getProperty("authorworks.contracts.connect-timeout", Duration.class, Duration.ofSeconds(2));
        this.readTimeout = environment.getProperty("authorworks.contracts.read-timeout", Duration.class, Duration.ofSeconds(30));
        this.attempts = environment.getProperty("authorworks.contracts.attempts", Integer.class, 3);
        this.openFor = environment.getProperty("authorworks.contracts.circuit-open-for", Duration.class, Duration.ofSeconds(10));
        this.minimumCalls = environment.getProperty("authorworks.contracts.circuit-minimum-calls", Integer.class, 5);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(64).setMaxConnTotal(256)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(Timeout.of(readTimeout)).build())
                        .build())
                // the callers retry through resilience4j (below), which knows which failures to retry
                .disableAutomaticRetries()
                .build();
    }

    /**
     * The client of {@code contract}, served by {@code service} at {@code baseUrl}.
     *
     * @param unavailable the callee's exception for "not reachable now, try again"
     */
    public <T> T create(Class<T> contract, String service, URI baseUrl, Unavailable unavailable) {
        if (tokens.isEmpty()) {
            log.warn("{} calls the {} service at {} without AUTHORWORKS_SERVICE_SECRET: only calls made for a signed-in "
                    + "user with their own token can succeed; background work cannot", contract.getSimpleName(), service, baseUrl);
        }
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                // observed: the call carries the caller's trace (traceparent) to the other process
                .observationRegistry(observations)
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters.registerDefaults().addCustomConverter(new InputStreamConverter(false)))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw refusal(service, response, unavailable);
                })
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
                .slidingWindowSize(Math.max(minimumCalls, 10))
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ServiceClients::isUnavailability)
                .build());
        Retry retry = Retry.of(service, RetryConfig.custom()
                .maxAttempts(Math.max(attempts, 1))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
                .retryOnException(e -> isUnavailability(e) && !(e instanceof CallNotPermittedException))
                .build());
        HttpServiceProxyFactory factory = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .customArgumentResolver(new PageRequestArguments())
                .httpRequestValuesProcessor((method, parameters, arguments, values) ->
                        credentials(service, parameters, arguments, values, unavailable))
                .exchangeAdapterDecorator(adapter -> new Resilient(adapter, service, breaker, retry, unavailable))
                .build();
        return factory.createClient(contract);
    }

    /** A callee's "no" (a problem it answered) is not a failure of the callee: it neither trips the breaker nor is retried. */
    private static boolean isUnavailability(Throwable e) {
        return !(e instanceof Problem);
    }

    private void credentials(String service, MethodParameter[] parameters, Object[] arguments, HttpRequestValues.Builder values,
            Unavailable unavailable) {
        UserId actingFor = null;
        for (int i = 0; i < parameters.length; i++) {
            RequestHeader header = parameters[i].getParameterAnnotation(RequestHeader.class);
            if (header != null && (Contracts.ON_BEHALF_OF.equals(header.value()) || Contracts.ON_BEHALF_OF.equals(header.name()))
                    && arguments[i] instanceof UserId user) {
                actingFor = user;
            }
        }
        Jwt own = currentAccessToken();
        if (own != null && (actingFor == null || actingFor.toString().equals(own.getSubject()))) {
            values.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + own.getTokenValue());
            return;
        }
        if (tokens.isEmpty()) {
            throw unavailable.apply("The " + service + " service runs in another process and this call needs a service "
                    + "token: set AUTHORWORKS_SERVICE_SECRET on every process", null);
        }
        values.addHeader(Contracts.SERVICE_TOKEN, tokens.get().mint(service, actingFor));
    }

    private static Jwt currentAccessToken() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken token ? token.getToken() : null;
    }

    private static RuntimeException refusal(String service, ClientHttpResponse response, Unavailable unavailable) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode problem = null;
        try (InputStream body = response.getBody()) {
            byte[] bytes = body.readNBytes(64 * 1024);
            if (bytes.length > 0) {
                problem = JSON.readTree(bytes);
            }
        } catch (JacksonException notJson) {
            // a proxy's error page, not a problem of ours
        }
        String code = problem == null ? null : problem.path("code").asString(null);
        String detail = problem == null ? null : problem.path("detail").asString(null);
        if (status == 401) {
            log.error("The {} service refused this process's credentials ({}): are AUTHORWORKS_SERVICE_SECRET and "
                    + "AUTHORWORKS_JWKS_URI the same on every process?", service, code);
            return unavailable.apply("The " + service + " service refused this process's credentials", null);
        }
        if (status >= 500 || status == 429 || code == null) {
            return unavailable.apply("The " + service + " service answered " + status
                    + (detail == null ? "" : ": " + detail), null);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : problem.properties()) {
            if (!PROBLEM_MEMBERS.contains(member.getKey()) && member.getValue().isValueNode()) {
                JsonNode value = member.getValue();
                properties.put(member.getKey(), value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? (Object) value.booleanValue() : value.asString());
            }
        }
        return new Problem(HttpStatus.valueOf(status), code, detail == null ? code : detail, properties);
    }

    /** {@code ?page=&size=}, as the callee binds a {@link PageRequest}. */
    private static final class PageRequestArguments implements HttpServiceArgumentResolver {
        @Override
        public boolean resolve(Object argument, MethodParameter parameter, HttpRequestValues.Builder values) {
            if (!(argument instanceof PageRequest page)) {
                return parameter.getParameterType() == PageRequest.class;
            }
            values.addRequestParameter("page", String.valueOf(page.page()));
            values.addRequestParameter("size", String.valueOf(page.size()));
            return true;
        }
    }

    /** Timeouts are the request factory's; this adds the retries and the circuit breaker around each exchange. */
    private static final class Resilient extends HttpExchangeAdapterDecorator {
        private final String service;
        private final CircuitBreaker breaker;
        private final Retry retry;
        private final Unavailable unavailable;

        Resilient(HttpExchangeAdapter delegate, String service, CircuitBreaker breaker, Retry retry, Unavailable unavailable) {
            super(delegate);
            this.service = service;
            this.breaker = breaker;
            this.retry = retry;
            this.unavailable = unavailable;
        }

        private <T> T call(HttpRequestValues values, Supplier<T> exchange) {
            Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, () -> {
                try {
                    return exchange.get();
                } catch (ResourceAccessException e) {
                    throw unavailable.apply("The " + service + " service cannot be reached: " + e.getMessage(), e);
                }
            });
            // A streamed body cannot be sent twice, and a POST may have been done although its answer was lost.
            boolean repeatable = REPEATABLE.contains(values.getHttpMethod()) && !(values.getBodyValue() instanceof InputStream);
            Supplier<T> attempt = repeatable ? Retry.decorateSupplier(retry, guarded) : guarded;
            try {
                return attempt.get();
            } catch (CallNotPermittedException e) {
                throw unavailable.apply("The " + service + " service is unavailable; calls resume once it answers again", e);
            }
        }

        @Override
        public void exchange(HttpRequestValues values) {
            call(values, () -> {
                super.exchange(values);
                return null;
            });
        }

        @Override
        public HttpHeaders exchangeForHeaders(HttpRequestValues values) {
            return call(values, () -> super.exchangeForHeaders(values));
        }

        @Override
        public <T> T exchangeForBody(HttpRequestValues values, ParameterizedTypeReference<T> type) {
            return call(values, () -> super.exchangeForBody(values, type));
        }

        @Override
        public ResponseEntity<Void> exchangeForBodilessEntity(HttpRequestValues values) {
            return call(values, () -> super.exchangeForBodilessEntity(values));
        }

        @Override
        public <T> ResponseEntity<T> exchangeForEntity(HttpRequestValues values, ParameterizedTypeReference<T> type) {
            return call(values, () -> super.exchangeForEntity(values, type));
        }
    }

    /** Closes the pool (Spring calls it when the context closes). */
    @Override
    public void close() throws IOException {
        http.close();
    }
}
