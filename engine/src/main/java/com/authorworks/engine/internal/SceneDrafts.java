package com.authorworks.engine.internal;

import com.authorworks.engine.Format;
import com.authorworks.engine.StepFailedException;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A scene's drafting call. Prose is taken as written. A script is checked against its format
 * ({@link ScriptChecks}): a code fence around the whole answer is removed, and an answer with problems
 * (prose, no scene heading, missing act or scene headers...) is sent back with the problems listed and
 * asked for again, at most {@code tries} times in all; then the step fails, as a structured step does,
 * rather than store prose as a script. Every try is a paid call on the step's record.
 */
public final class SceneDrafts {

    /** The purpose a re-asked drafting call is recorded under. */
    public static final String RETRY = "draft retry after invalid script";

    private SceneDrafts() {
    }

    /**
     * @param call makes one drafting call: its purpose and the conversation so far (the task first)
     */
    public static String draft(Format format, ScriptChecks.Frame frame, String key, int tries, Supplier<String> task,
                               BiFunction<String, Supplier<List<Message>>, Completion> call) {
        // the task is built when the first call is about to be sent (it then knows all that finished meanwhile)
        List<Message> messages = new ArrayList<>();
        Supplier<List<Message>> first = () -> {
            // made again when what the prompt needs changed while it was being made
            messages.clear();
            messages.add(Message.user(task.get()));
            return List.copyOf(messages);
        };
        if (!format.script()) {
            return call.apply("draft", first).text().strip();
        }
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= tries; attempt++) {
            List<Message> sofar = List.copyOf(messages);
            String answer = call.apply(attempt == 1 ? "draft" : RETRY, attempt == 1 ? first : () -> sofar).text();
            String text = ScriptChecks.unfenced(answer);
            problems = ScriptChecks.problems(format, frame, text);
            if (problems.isEmpty()) {
                return text;
            }
            messages.add(Message.assistant(answer));
            messages.add(Message.user("That is not a " + format.label() + " scene in Fountain:\n- " + String.join("\n- ", problems)
                    + "\nWrite the whole scene again, as Fountain text only."));
        }
        throw new StepFailedException(key, "no " + format.label() + " scene in Fountain after " + tries + " tries: "
                + String.join(" ", problems));
    }

    /**
     * The scene with {@code passage} rewritten as {@code answer}. A script's rewrite loses a code fence
     * around it, and the passage stays as it was when the rewrite would leave the scene with more
     * problems as a script than it had (a revision answered in prose).
     */
    public static String withRevision(Format format, String scene, String passage, String answer) {
        if (!format.script()) {
            return scene.replace(passage, answer.strip());
        }
        String revised = scene.replace(passage, ScriptChecks.unfenced(answer));
        return ScriptChecks.problems(format, ScriptChecks.Frame.NONE, revised).size()
                <= ScriptChecks.problems(format, ScriptChecks.Frame.NONE, scene).size() ? revised : scene;
    }
}
