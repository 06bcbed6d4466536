package com.authorworks.engine;

import java.util.List;

/**
 * What went into one model call's prompt: each part, its tokens, and what was left out and why.
 * Shown to the author as a context viewer.
 *
 * @param step         the step the call belongs to, e.g. {@code draft/c03/s02}
 * @param budgetTokens the most input tokens the prompt could use
 * @param usedTokens   the input tokens the prompt actually uses (system + user)
 * @param parts        every part considered, in priority order (most important first)
 * @param system       the call's system prompt, exactly as sent (null in manifests written before prompts were kept)
 * @param prompt       the call's first user message, exactly as sent (a script's retries then add the model's answer
 *                     and what was wrong with it)
 */
public record ContextManifest(String step, int budgetTokens, int usedTokens, List<Part> parts, String system, String prompt) {

    public enum Status {
        /** Included whole. */
        INCLUDED,
        /** Included in part: the least important items were left out to fit the budget. */
        TRUNCATED,
        /** Left out to fit the budget. */
        OMITTED,
        /** Did not exist yet when the call was made (e.g. a chapter drafted in parallel). */
        NOT_VISIBLE
    }

    /**
     * @param name       e.g. {@code ledger}, {@code previous chapters}
     * @param priority   1 is kept first
     * @param tokens     tokens this part took in the prompt
     * @param itemsKept  items of this part in the prompt
     * @param itemsTotal items this part had
     * @param status     whether and how it went in
     * @param note       why something was left out, or what stood in for it
     * @param included   for a part chosen item by item (the story ledger): each item that went in
     * @param leftOut    for such a part: each item left out to fit its share of the budget
     */
    public record Part(String name, int priority, int tokens, int itemsKept, int itemsTotal, Status status, String note,
                       List<String> included, List<String> leftOut) {

        public Part {
            included = included == null ? List.of() : List.copyOf(included);
            leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
        }

        public Part(String name, int priority, int tokens, int itemsKept, int itemsTotal, Status status, String note) {
            this(name, priority, tokens, itemsKept, itemsTotal, status, note, List.of(), List.of());
        }
    }
}
