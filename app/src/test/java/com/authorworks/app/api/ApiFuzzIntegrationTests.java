package com.authorworks.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.authorworks.app.api.ApiDocument.Operation;
import com.authorworks.app.api.Malformations.Variant;
import com.authorworks.app.api.RawHttp.Response;

/**
 * Every operation of {@code /v3/api-docs} gets malformed requests (see {@link Malformations}) from a
 * signed-in user who owns one of everything, so each request gets as far into the server as its
 * flaw lets it. Whatever is wrong with a request, the answer is never a 5xx, and an error is RFC 9457
 * problem JSON with a {@code code}.
 */
class ApiFuzzIntegrationTests extends PlatformApiIntegrationTest {

    /**
     * What the fuzzer finds while an issue item fixing it is still in flight, as (operation, variant
     * kind, fix), e.g. {@code new KnownFailure("*", "field-nul", "issue 12 item 2: ...")}; an operation
     * of {@code *} is every operation, {@code * /error} every method of one path. These are left out
     * of the verdict until the fix lands, and an entry that no longer fails fails the test, so the
     * list only shrinks. Empty since issue 12 item 2 (the input gate) landed.
     */
    static final List<KnownFailure> KNOWN_FAILURES = List.of();

    /** {@code *} in either part stands for anything. */
    record KnownFailure(String operation, String kind, String fixedBy) {

        boolean matches(Finding finding) {
            return glob(operation).matcher(finding.operation()).matches() && glob(kind).matcher(finding.kind()).matches();
        }

        private static Pattern glob(String pattern) {
            return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        }

        @Override
        public String toString() {
            return operation + "  " + kind + "  (" + fixedBy + ")";
        }
    }

    record Finding(String operation, String kind, String detail, String answer) {

        @Override
        public String toString() {
            return operation + "  " + kind + "  [" + detail + "]  -> " + answer;
        }
    }

    static final Path FINDINGS = Path.of("target", "api-fuzz-findings.txt");

    /** A message for the caller names what they sent, never the server's classes ({@code java.lang.Integer}). */
    private static final Pattern JAVA_TYPE = Pattern.compile("\\b(java|javax|jakarta|tools\\.jackson|org\\.springframework|com\\.authorworks)\\.[a-z]+\\.");

    @Test
    void everyOperationAnswersMalformedRequestsWithAProblemAndNeverAServerError() throws Exception {
        Platform platform = platform();
        ApiDocument document = platform.document();
        assertThat(document.operations()).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
        Requests requests = new Requests(document, platform.fuzzer().resources());
        Malformations malformations = new Malformations(requests, platform.fuzzer().accessToken());
        RawHttp http = http();
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        int sent = 0;
        long started = System.nanoTime();
        // an operation's variants go out a few at a time; operations one after another, deletions last
        try (ExecutorService senders = Executors.newFixedThreadPool(4, Thread.ofVirtual().factory())) {
            for (Operation operation : document.operations()) {
                long start = System.nanoTime();
                List<Variant> variants = malformations.of(operation);
                assertThat(variants).as("variants of " + operation).isNotEmpty();
                List<Future<String>> answers = new ArrayList<>();
                for (Variant variant : variants) {
                    answers.add(senders.submit(() -> {
                        try {
                            return wrong(http.send(variant.request()));
                        } catch (IllegalStateException e) {
                            return "no answer: " + e.getMessage();
                        }
                    }));
                }
                for (int i = 0; i < variants.size(); i++) {
                    String wrong = answers.get(i).get();
                    if (wrong != null) {
                        findings.add(new Finding(operation.key(), variants.get(i).kind(), variants.get(i).detail(), wrong));
                    }
                }
                sent += variants.size();
                millis.put(operation.key(), (System.nanoTime() - start) / 1_000_000);
            }
        }
        System.out.printf("API fuzz: %d requests over %d operations in %d ms, %d wrong answers (all in app/%s); slowest: %s%n", sent,
                document.operations().size(), (System.nanoTime() - started) / 1_000_000, findings.size(), FINDINGS,
                millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).toList());

        // every finding, the known ones too, one line each, for whoever fixes them
        Files.write(FINDINGS, findings.stream().map(Finding::toString).toList());

        List<Finding> unexpected = findings.stream().filter(f -> KNOWN_FAILURES.stream().noneMatch(k -> k.matches(f))).toList();
        for (KnownFailure known : KNOWN_FAILURES) {
            List<Finding> skipped = findings.stream().filter(known::matches).toList();
            if (!skipped.isEmpty()) {
                System.out.printf("API fuzz: known failure skipped %d times: %s; e.g. %s%n", skipped.size(), known,
                        RawHttp.abbreviate(skipped.getFirst().toString(), 400));
            }
        }
        Set<KnownFailure> fixed = new LinkedHashSet<>(KNOWN_FAILURES);
        findings.forEach(f -> fixed.removeIf(k -> k.matches(f)));

        StringBuilder report = new StringBuilder();
        if (!unexpected.isEmpty()) {
            report.append(unexpected.size()).append(" malformed requests were answered wrongly (operation  variant  [detail]  -> answer):\n");
            unexpected.forEach(f -> report.append("  ").append(f).append('\n'));
        }
        if (!fixed.isEmpty()) {
            report.append("Known failures that no longer fail: remove them from KNOWN_FAILURES:\n");
            fixed.forEach(k -> report.append("  ").append(k).append('\n'));
        }
        assertThat(report.toString()).as("the fuzzer's findings").isEmpty();
    }

    /** Why the answer is wrong, or null when it is a fine answer to a malformed request. */
    static String wrong(Response response) {
        int status = response.status();
        if (status < 400) {
            return null;
        }
        if (status >= 500) {
            return response.toString();
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not problem JSON: " + response;
        }
        if (JAVA_TYPE.matcher(response.text()).find()) {
            return "names a Java type: " + response;
        }
        try {
            var code = response.json().get("code");
            return code != null && code.isString() && !code.asString().isBlank() ? null : "problem without a code: " + response;
        } catch (RuntimeException e) {
            return "problem JSON that does not parse: " + response;
        }
    }
}
