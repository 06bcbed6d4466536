package com.authorworks.messaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the messaging service ({@code authorworks.messaging.*}).
 *
 * @param heartbeat   how often an open WebSocket or event stream is sent a heartbeat (25 s: under the 30–60 s
 *                    idle timeouts of common proxies)
 * @param authTimeout how long a new WebSocket may take to send its access token before it is closed
 * @param catchUpEvery how often live connections read their inbox while signals from other processes cannot
 *                     arrive (Redis is down): how late a notification stored elsewhere is then, at most
 */
@ConfigurationProperties("authorworks.messaging")
public record MessagingProperties(Duration heartbeat, Duration authTimeout, Duration catchUpEvery) {

    public MessagingProperties {
        if (heartbeat == null) {
            heartbeat = Duration.ofSeconds(25);
        }
        if (authTimeout == null) {
            authTimeout = Duration.ofSeconds(10);
        }
        if (catchUpEvery == null) {
            catchUpEvery = Duration.ofSeconds(2);
        }
    }
}
