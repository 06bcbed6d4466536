package com.authorworks.platform.events;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/** Admins see how many events wait in the dead-letter topic, and replay them. Exists only when events cross processes. */
@RestController
@RequestMapping("/api/v1/admin/events/dead-letters")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Map<String, Long> waiting() {
        requireAdmin();
        return Map.of("waiting", deadLetters.waiting());
    }

    @PostMapping("/replay")
    Map<String, Integer> replay() {
        requireAdmin();
        return Map.of("replayed", deadLetters.replay());
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().isAdmin()) {
            throw Problem.forbidden("admin-only", "Only an admin can see or replay dead-lettered events.");
        }
    }
}
