package com.authorworks.engine.assist;

import com.authorworks.engine.Format;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.story.StyleGuide;

import java.util.Objects;

/**
 * One assist call.
 *
 * @param action      what to do
 * @param sceneText   the scene's current text (plain, paragraphs separated by blank lines); context, and what
 *                    {@link AssistAction#CONTINUE} continues
 * @param selection   the passage to work on; required for every action but continue
 * @param instruction the author's own words about what they want, or null
 * @param format      the work's form (prose or a script format), or null for prose
 * @param style       the book's style guide, or null when it has none
 * @param model       the provider's model id
 * @param key         the API key, null for providers that need none
 * @param standing    the book's standing instructions ({@link com.authorworks.engine.story.Instructions}), or null
 */
public record AssistRequest(AssistAction action, String sceneText, String selection, String instruction, Format format, StyleGuide style,
                            String model, ApiKey key, String standing) {

    /** A request for a book without standing instructions. */
    public AssistRequest(AssistAction action, String sceneText, String selection, String instruction, Format format, StyleGuide style,
                         String model, ApiKey key) {
        this(action, sceneText, selection, instruction, format, style, model, key, null);
    }

    public AssistRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(model, "model");
        sceneText = sceneText == null ? "" : sceneText;
        if (action.needsSelection() && (selection == null || selection.isBlank())) {
            throw new IllegalArgumentException(action.id() + " needs a selected passage");
        }
    }
}
