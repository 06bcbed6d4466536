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
 * @param mail        the mail outbox
 */
@ConfigurationProperties("authorworks.messaging")
public record MessagingProperties(Duration heartbeat, Duration authTimeout, Duration catchUpEvery, Mail mail) {

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
        if (mail == null) {
            mail = new Mail(null, null, null, null, null);
        }
    }

    /**
     * @param attempts     how many times a mail is tried before it is given up (5)
     * @param backoff      the wait after the first failure, doubling after each (30 s)
     * @param maxBackoff   the longest wait between two attempts (1 h)
     * @param poll         how often the worker looks for mail to send (2 s; at once after a commit)
     * @param releaseEvery how often held mail (quiet hours, digests) is looked at (30 s)
     */
    public record Mail(Integer attempts, Duration backoff, Duration maxBackoff, Duration poll, Duration releaseEvery) {

        public Mail {
            if (attempts == null || attempts < 1) {
                attempts = 5;
            }
            if (backoff == null) {
                backoff = Duration.ofSeconds(30);
            }
            if (maxBackoff == null) {
                maxBackoff = Duration.ofHours(1);
            }
            if (poll == null) {
                poll = Duration.ofSeconds(2);
            }
            if (releaseEvery == null) {
                releaseEvery = Duration.ofSeconds(30);
            }
        }
    }
}
