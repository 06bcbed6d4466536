package com.authorworks.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyFormatIsPlannedAndDraftedWithItsOwnInstructions(Format format) {
        Books.Counting model = new Books.Counting();
        BookSpec spec = new BookSpec("Tide Tables", "Two radio operators on opposite shores.", format, 3_000, 2, "sample", "sample-writer",
                null, null, 1);
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        assertThat(engine.start(spec).status()).isEqualTo(RunResult.Status.COMPLETED);

        assertThat(engine.markdown()).contains("## " + format.unit() + " 2: ").doesNotContain("Not drafted yet");
        assertThat(model.requests).filteredOn(r -> r.output() instanceof com.authorworks.engine.llm.OutputFormat.Text)
                .allSatisfy(r -> assertThat(r.system()).contains(format.draftingRules()));
        assertThat(model.requests.getFirst().system()).contains(format.label());
        if (format == Format.SCREENPLAY) {
            assertThat(engine.markdown()).contains("```fountain").contains("INT. ");
        }
    }
}
