package com.authorworks.engine.internal;

import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.ContextManifest.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assembles a prompt under a token budget. Parts are kept in priority order (1 first) and laid out
 * in reading order; a part that does not fit loses its least important items first, then goes
 * entirely. The system text (instructions + style guide) is always kept: it is the stable, cacheable
 * prefix. Every decision is written to the manifest.
 */
public final class ContextBuilder {

    /**
     * A part of the prompt.
     *
     * @param name        shown in the manifest
     * @param priority    1 is kept first
     * @param order       where it appears in the prompt (ascending)
     * @param heading     printed above it
     * @param items       its pieces in reading order
     * @param dropOldest  whether the first items go first when it must shrink (summaries of the past),
     *                    rather than the last (lists ranked by importance)
     * @param required    kept whole even over budget (the scene's own beats)
     */
    public record Part(String name, int priority, int order, String heading, List<String> items, boolean dropOldest, boolean required) {
    }

    public record Built(String system, String user, ContextManifest manifest) {
    }

    private ContextBuilder() {
    }

    public static Built build(String step, String system, List<Part> parts, List<ContextManifest.Part> notVisible, int budget) {
        int remaining = budget - TokenCounter.count(system);
        List<ContextManifest.Part> manifest = new ArrayList<>();
        manifest.add(new ContextManifest.Part("instructions and style guide", 1, TokenCounter.count(system), 1, 1, Status.INCLUDED,
                "stable prefix, cached by the provider"));
        List<Kept> kept = new ArrayList<>();
        for (Part part : parts.stream().sorted(Comparator.comparingInt(Part::priority)).toList()) {
            int headingTokens = TokenCounter.count(part.heading()) + 2;
            List<String> ranked = new ArrayList<>(part.items());
            if (part.dropOldest()) {
                java.util.Collections.reverse(ranked);
            }
            List<String> chosen = new ArrayList<>();
            int tokens = headingTokens;
            for (String item : ranked) {
                int t = TokenCounter.count(item) + 1;
                if (part.required() || tokens + t <= remaining) {
                    chosen.add(item);
                    tokens += t;
                } else {
                    break;
                }
            }
            if (chosen.isEmpty() || part.items().isEmpty()) {
                if (!part.items().isEmpty()) {
                    manifest.add(new ContextManifest.Part(part.name(), part.priority(), 0, 0, part.items().size(), Status.OMITTED,
                            "over budget: higher-priority parts used the remaining " + Math.max(0, remaining) + " tokens"));
                }
                continue;
            }
            remaining -= tokens;
            if (part.dropOldest()) {
                java.util.Collections.reverse(chosen);
            }
            kept.add(new Kept(part, chosen));
            boolean whole = chosen.size() == part.items().size();
            String note = whole ? (part.required() && remaining < 0 ? "required; the prompt is over budget" : "")
                    : "over budget: left out the " + (part.items().size() - chosen.size()) + (part.dropOldest() ? " oldest" : " least important")
                    + " of " + part.items().size() + " items";
            manifest.add(new ContextManifest.Part(part.name(), part.priority(), tokens, chosen.size(), part.items().size(),
                    whole ? Status.INCLUDED : Status.TRUNCATED, note));
        }
        manifest.addAll(notVisible);
        StringBuilder user = new StringBuilder();
        for (Kept k : kept.stream().sorted(Comparator.comparingInt(k -> k.part().order())).toList()) {
            user.append("## ").append(k.part().heading()).append("\n\n").append(String.join("\n\n", k.items())).append("\n\n");
        }
        String userText = user.toString().strip();
        int used = TokenCounter.count(system) + TokenCounter.count(userText);
        return new Built(system, userText, new ContextManifest(step, budget, used, List.copyOf(manifest)));
    }

    private record Kept(Part part, List<String> items) {
    }
}
