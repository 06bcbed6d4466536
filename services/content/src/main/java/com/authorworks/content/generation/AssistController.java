package com.authorworks.content.generation;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.internal.ArtifactKind;
import com.authorworks.content.internal.Artifacts;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.content.internal.RichText;
import com.authorworks.content.internal.Scene;
import com.authorworks.content.internal.StandingInstructions;
import com.authorworks.engine.Format;
import com.authorworks.engine.PriceTable;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.assist.AssistAction;
import com.authorworks.engine.assist.AssistRequest;
import com.authorworks.engine.assist.AssistResult;
import com.authorworks.engine.assist.Assistant;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.engine.story.StyleGuide;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.web.Problems;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * AI assist in the editor: continues, rewrites, expands, shortens or corrects a scene's text with the
 * book's own model, streamed as server-sent events. Nothing is saved to the scene; the author
 * accepts the text and saves it as any edit. What the call cost is booked to the book.
 */
@RestController
class AssistController {

    private static final Logger log = LoggerFactory.getLogger(AssistController.class);
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Books books;
    private final Artifacts artifacts;
    private final GenerationJobs jobs;
    private final ProviderKeyVault keys;
    private final ProviderModels models;
    private final JdbcClient db;
    private final GenerationMetrics metrics;
    private final StandingInstructions instructions;

    AssistController(Books books, Artifacts artifacts, GenerationJobs jobs, ProviderKeyVault keys, ProviderModels models, JdbcClient db,
                     GenerationMetrics metrics, StandingInstructions instructions) {
        this.books = books;
        this.instructions = instructions;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.keys = keys;
        this.models = models;
        this.db = db;
        this.metrics = metrics;
    }

    record Assist(@NotBlank String action, @Size(max = 20_000) String selection, @Size(max = 2_000) String instruction) {
    }

    /** The book's model: the one its generation used; the sample writer for books written by hand. */
    private record BookModel(String provider, String model) {
    }

    @PostMapping(path = "/api/v1/books/{id}/chapters/{chapterId}/scenes/{sceneId}/assist", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter assist(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId,
            @Valid @RequestBody Assist body) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.chapter(book, chapterId);
        Scene scene = books.scene(chapter, sceneId);
        AssistAction action = AssistAction.parse(body.action()).orElseThrow(() -> Problem.badRequest("invalid-assist-action",
                "action must be one of continue, rewrite, expand, shorten, fix-grammar; was " + body.action()));
        if (action.needsSelection() && (body.selection() == null || body.selection().isBlank())) {
            throw Problem.badRequest("selection-required", action.id() + " works on selected text: send it as selection.");
        }
        BookModel bookModel = jobs.latest(book.id()).map(job -> new BookModel(job.request().providerName(), job.request().modelName()))
                .orElse(new BookModel(GenerationRequest.SAMPLE, ProviderCatalogue.require(GenerationRequest.SAMPLE).defaultModel()));
        ApiKey key = keys.keyFor(book.owner(), bookModel.provider()).orElse(null);
        if (key == null && ProviderKeyVault.needsKey(bookModel.provider())) {
            throw Problem.badRequest("provider-key-missing", "This book is written with " + bookModel.provider() + " and there is no "
                    + bookModel.provider() + " API key: store yours under /api/v1/provider-keys/" + bookModel.provider() + ".");
        }
        LanguageModel model = models.interactive(bookModel.provider(), book.owner());
        AssistRequest request = new AssistRequest(action, String.join("\n\n", RichText.lines(scene.content())), body.selection(),
                body.instruction(), Format.valueOf(book.format().name()), style(book).orElse(null), bookModel.model(), key,
                instructions.of(book.id()));

        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Thread.ofVirtual().name("content-assist-", 0).start(() -> stream(book, model, request, emitter));
        return emitter;
    }

    private void stream(Book book, LanguageModel model, AssistRequest request, SseEmitter emitter) {
        try {
            AssistResult result = Assistant.assist(model, request, PriceTable.current(), delta -> send(emitter, "delta", Map.of("text", delta)));
            book(book, result);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("text", result.text());
            done.put("sample", result.sample());
            done.put("provider", result.provider());
            done.put("model", result.model());
            done.put("inputTokens", result.usage().inputTokens());
            done.put("outputTokens", result.usage().outputTokens());
            done.put("costUsd", result.costUsd());
            send(emitter, "done", done);
            emitter.complete();
        } catch (ClientGone gone) {
            emitter.complete();
        } catch (LanguageModelException e) {
            failed(emitter, problem(e));
        } catch (RuntimeException e) {
            log.warn("AI assist failed", e);
            failed(emitter, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "assist-failed", "The assistant stopped on an unexpected error; try again."));
        }
    }

    /** A provider's failure, in words for the author; the key is never in them (the adapters see to that). */
    private static ProblemDetail problem(LanguageModelException e) {
        String provider = e.provider();
        return switch (e) {
            case LanguageModelException.InvalidKey k -> Problems.of(HttpStatus.BAD_GATEWAY, "provider-key-refused",
                    "The " + provider + " API key was refused (" + k.getMessage() + "). Store a valid key under provider keys.");
            case LanguageModelException.RateLimited r -> Problems.of(HttpStatus.TOO_MANY_REQUESTS, "provider-rate-limited",
                    r.getMessage() + " Try again in a moment.");
            case LanguageModelException.Unavailable u -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable",
                    u.getMessage() + " Try again in a moment.");
            case LanguageModelException.ContextTooLong c -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "assist-too-long",
                    "The passage is too long for the model: " + c.getMessage());
            case LanguageModelException.Refused r -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "provider-refused", r.getMessage());
            default -> Problems.of(HttpStatus.BAD_GATEWAY, "provider-failed", "The " + provider + " model call failed: " + e.getMessage());
        };
    }

    private static void failed(SseEmitter emitter, ProblemDetail problem) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", String.valueOf(problem.getType()));
        data.put("title", problem.getTitle());
        data.put("status", problem.getStatus());
        data.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            data.putAll(problem.getProperties());
        }
        try {
            send(emitter, "error", data);
            emitter.complete();
        } catch (ClientGone gone) {
            emitter.complete();
        }
    }

    /** Books the call to the book's owner and the book, as generation steps are. */
    private void book(Book book, AssistResult result) {
        db.sql("""
                INSERT INTO content.usage_entries (book_id, user_id, step, provider, model, input_tokens, output_tokens, cost_usd)
                VALUES (:book, :user, :step, :provider, :model, :input, :output, :cost)""")
                .param("book", book.id().value()).param("user", book.owner().value()).param("step", StepKeys.ASSIST)
                .param("provider", result.provider()).param("model", result.model())
                .param("input", result.usage().inputTokens()).param("output", result.usage().outputTokens())
                .param("cost", result.costUsd() == null ? BigDecimal.ZERO : result.costUsd()).update();
        metrics.booked(result.provider(), result.usage().inputTokens(), result.usage().outputTokens(), result.costUsd());
    }

    private Optional<StyleGuide> style(Book book) {
        return artifacts.find(book.id(), ArtifactKind.STYLE).flatMap(style -> {
            try {
                return Optional.of(JSON.readValue(style.document(), StyleGuide.class));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            throw new ClientGone();
        }
    }

    /** The author closed the stream; stops the model call (the adapter stops reading) and books nothing. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("client gone", null, false, false);
        }
    }
}
