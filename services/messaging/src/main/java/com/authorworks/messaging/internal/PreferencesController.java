package com.authorworks.messaging.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.messaging.internal.NotificationType.Channel;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/**
 * The caller's notification preferences (a channel per type), and the one-click unsubscribe of a mail's
 * signed link, which needs no sign-in.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class PreferencesController {

    private final Preferences preferences;
    private final UnsubscribeLinks links;

    PreferencesController(Preferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    /**
     * {@code channels}: type → {@code in-app}, {@code email} (the bell and a mail), {@code digest} (the bell and the
     * daily or weekly digest mail) or {@code none} (not kept); {@code defaults} likewise.
     */
    record PreferencesView(Map<String, String> channels, Map<String, String> defaults) {

        static PreferencesView of(Map<NotificationType, Channel> channels) {
            Map<String, String> mine = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            channels.forEach((type, channel) -> {
                mine.put(type.wire(), channel.wire());
                defaults.put(type.wire(), type.defaultChannel.wire());
            });
            return new PreferencesView(mine, defaults);
        }
    }

    record PreferencesChange(Map<String, String> channels) {
    }

    @GetMapping("/preferences")
    PreferencesView get() {
        return PreferencesView.of(preferences.all(CurrentUser.require().id()));
    }

    /** Sets the channels of the types named; types not named keep theirs. */
    @PutMapping("/preferences")
    PreferencesView put(@RequestBody PreferencesChange change) {
        UserId caller = CurrentUser.require().id();
        if (change == null || change.channels() == null) {
            throw Problem.badRequest("validation-failed", "channels is required: an object of type → channel.");
        }
        Map<NotificationType, Channel> parsed = new EnumMap<>(NotificationType.class);
        change.channels().forEach((type, channel) -> parsed.put(
                NotificationType.parse(type).orElseThrow(() -> Problem.badRequest("unknown-notification-type",
                        "There is no notification type '" + abbreviate(type) + "'; the types are " + wires(NotificationType.values()) + ".")),
                Channel.parse(channel).orElseThrow(() -> Problem.badRequest("invalid-channel",
                        "A channel is one of " + wires(Channel.values()) + "."))));
        parsed.forEach((type, channel) -> {
            if (!type.allows(channel)) {
                throw Problem.badRequest("channel-not-allowed", "Announcements from the admins are always shown in the app; "
                        + "choose in-app or email.");
            }
        });
        preferences.set(caller, parsed);
        return PreferencesView.of(preferences.all(caller));
    }

    record Unsubscription(String type, String channel) {
    }

    /** What the link would stop, without changing anything (the page a mail's link opens shows it, then confirms). */
    @GetMapping("/unsubscribe")
    Unsubscription describe(@RequestParam String token) {
        UnsubscribeLinks.Subscription subscription = verify(token);
        return new Unsubscription(subscription.type().wire(), preferences.channel(subscription.user(), subscription.type()).wire());
    }

    /**
     * Stops the mails of the link's type (its notifications stay in the app). RFC 8058's one-click: mail
     * clients POST to the {@code List-Unsubscribe} address; doing it twice changes nothing more.
     */
    @PostMapping("/unsubscribe")
    @Transactional
    Unsubscription unsubscribe(@RequestParam String token) {
        UnsubscribeLinks.Subscription subscription = verify(token);
        Channel now = preferences.channel(subscription.user(), subscription.type());
        if (now == Channel.EMAIL || now == Channel.DIGEST) {
            preferences.set(subscription.user(), Map.of(subscription.type(), Channel.IN_APP));
        }
        return new Unsubscription(subscription.type().wire(), preferences.channel(subscription.user(), subscription.type()).wire());
    }

    private UnsubscribeLinks.Subscription verify(String token) {
        return links.verify(token).orElseThrow(() -> Problem.badRequest("invalid-unsubscribe-token",
                "This unsubscribe link is not valid (cut short or altered): use the one in the mail, or change your preferences."));
    }

    private static String wires(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values)
                .map(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
