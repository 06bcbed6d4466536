package com.authorworks.publishing.bench;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Form;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Publishing;
import com.authorworks.publishing.Scene;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Exports a generated 100,000-word novel to Markdown, EPUB and PDF and prints wall time and size per format.
 * Usage: {@code PublishingBenchmark <output dir>}; bench/publishing/run.sh also runs pandoc on the Markdown.
 */
public final class PublishingBenchmark {

    private static final String[] WORDS = ("the a of and to in she he it was that her his on with for as at by "
            + "from they had not but were light harbour salt road tower lamp fog boat night morning shore rope "
            + "lantern keeper smuggler wind water stone cliff gull tar voice silence counted waited remembered "
            + "carried across under above slowly quietly never always again before after mother letter door")
            .split(" ");

    private PublishingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        Manuscript novel = generate(100_000);
        for (Format format : List.of(Format.MARKDOWN, Format.EPUB, Format.PDF)) {
            Path file = out.resolve("authorworks." + format.extension());
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                try (OutputStream stream = Files.newOutputStream(file)) {
                    Publishing.writer(format).write(novel, ExportOptions.defaults(), stream);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%-8s run %d: %6d ms  %,12d bytes%n", format, run, millis, Files.size(file));
            }
        }
    }

    /** A deterministic novel: 30 chapters of 3 scenes, paragraphs of 40-120 words with some emphasis. */
    static Manuscript generate(int words) {
        Random random = new Random(42);
        int perScene = words / 90;
        List<Chapter> chapters = new ArrayList<>();
        for (int c = 1; c <= 30; c++) {
            List<Scene> scenes = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                StringBuilder body = new StringBuilder();
                int written = 0;
                while (written < perScene) {
                    int length = Math.min(perScene - written, 40 + random.nextInt(81));
                    for (int w = 0; w < length; w++) {
                        String word = WORDS[random.nextInt(WORDS.length)];
                        if (w == 0) {
                            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                        } else if (random.nextInt(60) == 0) {
                            word = "*" + word + "*";
                        }
                        body.append(word).append(w == length - 1 ? ".\n\n" : random.nextInt(12) == 0 ? ", " : " ");
                    }
                    written += length;
                }
                scenes.add(Scene.of(body.toString()));
            }
            chapters.add(new Chapter("Chapter " + c, scenes));
        }
        return new Manuscript("The Long Crossing", "A Benchmark Novel", "Ada Writer", "en", Form.NOVEL, null,
                "Generated text for the publishing benchmark.", null, chapters, false);
    }
}
