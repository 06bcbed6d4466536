package com.authorworks.engine.internal;

import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.ContextManifest.Status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Assembles a prompt under a token budget. Parts are kept in priority order (1 first) and laid out in
 * reading order; each part takes at most its own share ({@code maxTokens}) of what is left, and a part
 * that does not fit loses its least important items first, then goes entirely. The system text is always
 * kept: it is the stable, cacheable prefix. Every decision is written to the manifest.
 */
public final class ContextBuilder {

    /**
     * A part of the prompt.
     *
     * @param name       shown in the manifest
     * @param priority   1 is kept first
     * @param order      where it appears in the prompt (ascending)
     * @param heading    printed above it
     * @param items      its pieces in reading order, or (for a {@code ranked} part) most important first
     * @param dropOldest whether the first items go first when it must shrink (summaries of the past),
     *                   rather than the last (lists ranked by importance)
     * @param required   kept whole even over budget (the scene's own beats)
     * @param maxTokens  the most tokens this part may take, 0 for no cap of its own: a part's share does not
     *                   grow with the book
     * @param ranked     chosen item by item: an item that does not fit is skipped and smaller ones after it
     *                   may still go in, each item's fate is listed in the manifest, and {@code render}
     *                   lays the chosen ones out (the ledger groups facts by subject)
     */
    public record Part(String name, int priority, int order, String heading, List<String> items, boolean dropOldest, boolean required,
                       int maxTokens, boolean ranked, Function<List<String>, String> render) {

        public Part(String name, int priority, int order, String heading, List<String> items, boolean dropOldest, boolean required) {
            this(name, priority, order, heading, items, dropOldest, required, 0, false, null);
        }

        /** The same part with a cap of its own. */
        public Part capped(int tokens) {
            return new Part(name, priority, order, heading, items, dropOldest, required, tokens, ranked, render);
        }

        String text(List<String> chosen) {
            return render == null ? String.join("\n\n", chosen) : render.apply(chosen);
        }
    }

    public record Built(String system, String user, ContextManifest manifest) {
    }

    private ContextBuilder() {
    }

    public static Built build(String step, String system, List<Part> parts, List<ContextManifest.Part> notVisible, int budget) {
        int remaining = budget - TokenCounter.count(system);
        List<ContextManifest.Part> manifest = new ArrayList<>();
        manifest.add(new ContextManifest.Part("instructions, style guide, synopsis and cast", 1, TokenCounter.count(system), 1, 1,
                Status.INCLUDED, "stable prefix, cached by the provider"));
        List<Kept> kept = new ArrayList<>();
        for (Part part : parts.stream().sorted(Comparator.comparingInt(Part::priority)).toList()) {
            int allowance = part.maxTokens() > 0 ? Math.min(remaining, part.maxTokens()) : remaining;
            List<String> left = new ArrayList<>();
            List<String> chosen = choose(part, allowance, left);
            if (chosen.isEmpty() || part.items().isEmpty()) {
                if (!part.items().isEmpty()) {
                    manifest.add(new ContextManifest.Part(part.name(), part.priority(), 0, 0, part.items().size(), Status.OMITTED,
                            "over budget: higher-priority parts used the remaining " + Math.max(0, remaining) + " tokens", List.of(),
                            part.ranked() ? part.items() : List.of()));
                }
                continue;
            }
            Kept k = new Kept(part, chosen);
            int tokens = TokenCounter.count(part.heading()) + 2 + TokenCounter.count(k.text());
            remaining -= tokens;
            kept.add(k);
            boolean whole = chosen.size() == part.items().size();
            String note = whole ? (part.required() && remaining < 0 ? "required; the prompt is over budget" : "")
                    : "over its share of the budget: left out the " + (part.items().size() - chosen.size())
                    + (part.dropOldest() ? " oldest" : " least important") + " of " + part.items().size() + " items";
            manifest.add(new ContextManifest.Part(part.name(), part.priority(), tokens, chosen.size(), part.items().size(),
                    whole ? Status.INCLUDED : Status.TRUNCATED, note, part.ranked() ? chosen : List.of(), part.ranked() ? left : List.of()));
        }
        manifest.addAll(notVisible);
        StringBuilder user = new StringBuilder();
        for (Kept k : kept.stream().sorted(Comparator.comparingInt(k -> k.part().order())).toList()) {
            user.append("## ").append(k.part().heading()).append("\n\n").append(k.text()).append("\n\n");
        }
        String userText = user.toString().strip();
        int used = TokenCounter.count(system) + TokenCounter.count(userText);
        return new Built(system, userText, new ContextManifest(step, budget, used, List.copyOf(manifest), system, userText));
    }

    /** The tokens {@code part} takes laid out, heading included, when it is given {@code allowance} tokens (0 when nothing fits). */
    static int tokensWithin(Part part, int allowance) {
        List<String> chosen = choose(part, allowance, new ArrayList<>());
        return chosen.isEmpty() ? 0 : TokenCounter.count(part.heading()) + 2 + TokenCounter.count(part.text(chosen));
    }

    /** The items of {@code part} that fit {@code allowance}, in reading order; the ranked ones that did not fit go to {@code left}. */
    private static List<String> choose(Part part, int allowance, List<String> left) {
        int headingTokens = TokenCounter.count(part.heading()) + 2;
        List<String> ranked = new ArrayList<>(part.items());
        if (part.dropOldest()) {
            Collections.reverse(ranked);
        }
        List<String> chosen = new ArrayList<>();
        int tokens = headingTokens;
        for (String item : ranked) {
            int t = TokenCounter.count(item) + 1;
            if (part.required() || tokens + t <= allowance) {
                chosen.add(item);
                tokens += t;
            } else if (part.ranked()) {
                // items count less laid out together (the ledger names each subject once): measure the layout
                List<String> tried = new ArrayList<>(chosen);
                tried.add(item);
                int laidOut = headingTokens + TokenCounter.count(part.text(tried));
                if (laidOut <= allowance) {
                    chosen.add(item);
                    tokens = laidOut;
                } else {
                    left.add(item);
                }
            } else {
                break;
            }
        }
        if (!part.ranked()) {
            left.addAll(ranked.subList(chosen.size(), ranked.size()));
        }
        if (part.dropOldest()) {
            Collections.reverse(chosen);
        }
        return chosen;
    }

    private record Kept(Part part, List<String> items) {
        String text() {
            return part.text(items);
        }
    }
}
