package com.authorworks.engine;

import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.llm.providers.RetryingLanguageModel;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A generation run in a process of its own, for a test to {@code kill -9}: {@code start} or {@code resume}
 * the book in a directory, through the Anthropic adapter (with retries) against a model server's address.
 */
final class KillableRun {

    static final ApiKey KEY = new ApiKey("sk-ant-killable-0000");
    static final int CONCURRENCY = 3;

    private KillableRun() {
    }

    static BookSpec spec() {
        return new BookSpec("The Lantern Keeper", "A lighthouse keeper finds letters from her missing brother in the lamp room.",
                Format.NOVEL, 18_000, 6, "anthropic", "claude-sonnet-4-5", "claude-haiku-4-5", null, 6);
    }

    static GenerationEngine engine(URI server, Path dir) {
        LanguageModel model = new RetryingLanguageModel(LanguageModels.create(new ProviderSettings("anthropic", server, Duration.ofSeconds(30))));
        return new GenerationEngine(model, new FileCheckpointStore(dir), null, EngineOptions.defaults().withConcurrency(CONCURRENCY).withKey(KEY));
    }

    /** {@code start|resume <server address> <book directory>} */
    public static void main(String[] args) {
        GenerationEngine engine = engine(URI.create(args[1]), Path.of(args[2]));
        RunResult result = args[0].equals("start") ? engine.start(spec()) : engine.resume();
        System.out.println(result.status());
    }
}
