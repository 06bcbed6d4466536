package com.authorworks.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.authorworks.platform.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token epochs for a process that does not run identity: asks identity's
 * {@code GET /api/v1/auth/token-epoch} with the caller's own token and remembers each user's answer
 * for {@code freshness} (30 s by default), so a password change reaches this process within that
 * time instead of the token's remaining life. A token identity itself refuses (its epoch is past)
 * is refused here and nothing is remembered. When identity cannot be reached, the last answer is
 * kept or, for a user never asked about, the token's own epoch stands: an identity outage does not
 * sign everyone out here, and such a token dies at its expiry as before epochs existed. With REDIS_URL,
 * identity's announcements of advanced epochs ({@link TokenEpochs#CHANNEL}) apply at once.
 */
final class RemoteTokenEpochs implements TokenEpochs {

    private static final Logger log = LoggerFactory.getLogger(RemoteTokenEpochs.class);
    private static final Pattern EPOCH = Pattern.compile("\"epoch\"\\s*:\\s*(\\d{1,18})");
    static final String PATH = "/api/v1/auth/token-epoch";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Cache<UserId, Long> known;
    private final Cache<UserId, Long> lastKnown = Caffeine.newBuilder().maximumSize(VerifiedTokens.CAPACITY).build();

    RemoteTokenEpochs(URI identity, Duration freshness) {
        this.endpoint = identity.resolve(PATH);
        this.known = Caffeine.newBuilder().maximumSize(VerifiedTokens.CAPACITY).expireAfterWrite(freshness).build();
    }

    /** Identity announced the user's new epoch (over Redis): it holds from now, whatever was remembered. */
    void advanced(UserId user, long epoch) {
        known.asMap().merge(user, epoch, Math::max);
        lastKnown.asMap().merge(user, epoch, Math::max);
    }

    @Override
    public long current(UserId user, String accessToken) {
        Long epoch = known.getIfPresent(user);
        if (epoch != null) {
            return epoch;
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                return Long.MAX_VALUE;
            }
            Matcher matcher = EPOCH.matcher(response.body());
            if (response.statusCode() == 200 && matcher.find()) {
                long current = Long.parseLong(matcher.group(1));
                known.put(user, current);
                lastKnown.put(user, current);
                return current;
            }
            log.warn("Identity answered {} for a token epoch at {}", response.statusCode(), endpoint);
        } catch (IOException e) {
            log.warn("Could not ask identity for a token epoch at {}: {}", endpoint, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Long last = lastKnown.getIfPresent(user);
        return last != null ? last : 0;
    }
}
