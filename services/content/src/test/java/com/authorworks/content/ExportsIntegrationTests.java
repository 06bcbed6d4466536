package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Form;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Publishing;
import com.authorworks.publishing.Scene;

import tools.jackson.databind.JsonNode;

/** Exports made in the background and stored by the storage service, downloaded over signed links; imports. */
class ExportsIntegrationTests extends ContentIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;
    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    @Test
    void epubExportOfAHandWrittenBookPassesEpubcheck() throws Exception {
        Api author = newUser();
        String book = handWrittenBook(author, "The Lantern Keeper", "novel");

        HttpResponse<String> started = author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "epub")));
        JsonNode export = ok(started, 202);
        assertThat(export.path("state").asString()).isIn("QUEUED", "RUNNING", "DONE");
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/books/" + book + "/exports/" + export.path("id").asString());

        JsonNode done = awaitDone(author, location);
        assertThat(done.path("format").asString()).isEqualTo("epub");
        assertThat(done.path("expiresAt").isMissingNode()).isFalse();
        byte[] epub = download(done.path("downloadUrl").asString());

        Path file = Files.createTempFile("export", ".epub");
        Files.write(file, epub);
        DefaultReportImpl report = new DefaultReportImpl(file.toString());
        // WireMock (started by the shared test context) pins the JDK's XSLT engine in a system property;
        // epubcheck's Schematron rules need Saxon, its own dependency
        String pinned = System.setProperty(TRANSFORMER_FACTORY, "net.sf.saxon.TransformerFactoryImpl");
        try {
            new EpubCheck(file.toFile(), report).doValidate();
        } finally {
            if (pinned == null) {
                System.clearProperty(TRANSFORMER_FACTORY);
            } else {
                System.setProperty(TRANSFORMER_FACTORY, pinned);
            }
        }
        assertThat(report.getFatalErrorCount() + report.getErrorCount()).isZero();
        assertThat(entry(epub, "EPUB/package.opf")).contains("urn:uuid:" + book).contains("The Lantern Keeper");

        JsonNode list = ok(author.get("/api/v1/books/" + book + "/exports"), 200);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("state").asString()).isEqualTo("DONE");
    }

    @Test
    void pdfExportHasTheTitleAndTheTrimSize() throws Exception {
        Api author = newUser();
        String book = handWrittenBook(author, "Paper Moons", "novella");

        JsonNode export = ok(author.post("/api/v1/books/" + book + "/export",
                json(Map.of("format", "pdf", "trim", "5x8", "author", "Ada Writer"))), 202);
        JsonNode done = awaitDone(author, "/api/v1/books/" + book + "/exports/" + export.path("id").asString());
        assertThat(done.path("trim").asString()).isEqualTo("5x8");

        try (PDDocument pdf = Loader.loadPDF(download(done.path("downloadUrl").asString()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Paper Moons").contains("Ada Writer").contains("The lamp went out");
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(5 * 72f, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void seedDownloadStartsAnExportThenRedirectsUntilTheBookChanges() throws Exception {
        Api author = newUser();
        String book = handWrittenBook(author, "Quiet Harbour", "novel");
        String seed = "/api/v1/books/" + book + "/export?format=md";

        HttpResponse<String> first = author.get(seed);
        JsonNode export = ok(first, 202);
        String location = first.headers().firstValue("Location").orElseThrow();
        awaitDone(author, location);

        HttpResponse<String> redirect = author.get(seed);
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String markdown = new String(download(redirect.headers().firstValue("Location").orElseThrow()), StandardCharsets.UTF_8);
        assertThat(markdown).contains("title: \"Quiet Harbour\"").contains("She *held* the line.");
        assertThat(markdown).doesNotContain("sample:");

        // a change to the book makes the file stale: a new export, not the old file
        ok(author.patch("/api/v1/books/" + book, json(Map.of("title", "Quiet Harbour, Revised"))), 200);
        JsonNode second = ok(author.get(seed), 202);
        assertThat(second.path("id").asString()).isNotEqualTo(export.path("id").asString());
    }

    @Test
    void aCrossSiteGetOfTheSeedDownloadStartsNoExport() {
        Api author = newUser();
        String book = handWrittenBook(author, "Borrowed Light", "novel");
        String seed = "/api/v1/books/" + book + "/export?format=epub";
        // what another site's <img src> makes a browser send
        problem(author.send(author.request(seed).header("Sec-Fetch-Site", "cross-site")), 403, "cross-site-request");
        assertThat(ok(author.get("/api/v1/books/" + book + "/exports"), 200)).isEmpty();
        // from the app itself it is the seed's one-call download as before
        ok(author.send(author.request(seed).header("Sec-Fetch-Site", "same-origin")), 202);
        assertThat(ok(author.get("/api/v1/books/" + book + "/exports"), 200)).hasSize(1);
    }

    @Test
    void anotherUsersBookAndExportDoNotExist() {
        Api author = newUser();
        Api stranger = newUser();
        String book = handWrittenBook(author, "Private Matters", "novel");
        JsonNode export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 202);

        problem(stranger.get("/api/v1/books/" + book + "/exports/" + export.path("id").asString()), 404, "book-not-found");
        problem(stranger.get("/api/v1/books/" + book + "/exports"), 404, "book-not-found");
        problem(stranger.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 404, "book-not-found");
        problem(stranger.get("/api/v1/books/" + book + "/export?format=md"), 404, "book-not-found");
        String own = handWrittenBook(stranger, "Mine", "novel");
        problem(stranger.get("/api/v1/books/" + own + "/exports/" + export.path("id").asString()), 404, "export-not-found");
    }

    @Test
    void formatsTheBookCannotHaveAreRefused() {
        Api author = newUser();
        String book = handWrittenBook(author, "Prose Only", "novel");
        problem(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "fdx"))), 422, "export-format-not-available");
        problem(author.get("/api/v1/books/" + book + "/export?format=fountain"), 422, "export-format-not-available");
        problem(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "rtf"))), 400, "invalid-export-format");
        problem(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "pdf", "trim", "7x7"))), 400, "invalid-trim-size");
        assertThat(ok(author.get("/api/v1/books/" + book + "/exports"), 200).size()).isZero();
    }

    @Test
    void scriptsExportToFountain() throws Exception {
        Api author = newUser();
        String book = oneSceneBook(author, "Night Shift", "screenplay", "Act One", "Kitchen", "<p>INT. KITCHEN - NIGHT</p><p>MARY<br>Is anyone there?</p>");

        JsonNode export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "fountain"))), 202);
        JsonNode done = awaitDone(author, "/api/v1/books/" + book + "/exports/" + export.path("id").asString());
        String fountain = new String(download(done.path("downloadUrl").asString()), StandardCharsets.UTF_8);
        assertThat(fountain).contains("Title: Night Shift").contains("INT. KITCHEN - NIGHT\n\nMARY\nIs anyone there?");
    }

    @Test
    void scriptsExportToFinalDraftAndProseToHtml() throws Exception {
        Api author = newUser();
        String script = oneSceneBook(author, "Night Shift", "screenplay", "Act One", "Kitchen", "<p>INT. KITCHEN - NIGHT</p><p>MARY<br>Is anyone there?</p>");
        JsonNode fdx = ok(author.post("/api/v1/books/" + script + "/export", json(Map.of("format", "fdx"))), 202);
        String finalDraft = new String(download(awaitDone(author, "/api/v1/books/" + script + "/exports/"
                + fdx.path("id").asString()).path("downloadUrl").asString()), StandardCharsets.UTF_8);
        assertThat(finalDraft).contains("<FinalDraft").contains("Type=\"Scene Heading\"").contains("INT. KITCHEN - NIGHT");

        String novel = oneSceneBook(author, "Tidewater", "novel", "One", "Harbour", "<p>The tide <em>turned</em>.</p>");
        JsonNode html = ok(author.post("/api/v1/books/" + novel + "/export", json(Map.of("format", "html"))), 202);
        String page = new String(download(awaitDone(author, "/api/v1/books/" + novel + "/exports/"
                + html.path("id").asString()).path("downloadUrl").asString()), StandardCharsets.UTF_8);
        assertThat(page).contains("<h1").contains("Tidewater").contains("<em>turned</em>");
    }

    @Test
    void anUploadedCoverIsUsedByExportsAndCanBeRemoved() throws Exception {
        Api author = newUser();
        String book = oneSceneBook(author, "Lantern", "novel", "One", "Dusk", "<p>The lamp was lit.</p>");
        String coverPath = "/api/v1/books/" + book + "/cover";
        byte[] png = png();

        JsonNode cover = ok(multipart(author, "PUT", coverPath, "cover.txt", png, null), 200);
        assertThat(cover.path("mediaType").asString()).isEqualTo("image/png");
        HttpResponse<String> link = author.get(coverPath);
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(download(link.headers().firstValue("Location").orElseThrow())).isEqualTo(png);

        JsonNode export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "epub"))), 202);
        byte[] epub = download(awaitDone(author, "/api/v1/books/" + book + "/exports/" + export.path("id").asString())
                .path("downloadUrl").asString());
        assertThat(zipEntry(epub, "EPUB/images/cover.png")).isEqualTo(png);

        problem(multipart(author, "PUT", coverPath, "cover.png", "just words".getBytes(StandardCharsets.UTF_8), null),
                415, "unsupported-cover-type");
        problem(newUser().get(coverPath), 404, "book-not-found");
        assertThat(author.delete(coverPath).statusCode()).isEqualTo(204);
        problem(author.get(coverPath), 404, "cover-not-found");
    }

    private static byte[] zipEntry(byte[] zip, String name) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the archive");
    }

    @Test
    void aNewerExportReplacesTheOldFileAndDeletingTheBookFreesItsFiles() throws Exception {
        Api author = newUser();
        String book = oneSceneBook(author, "Quota", "novel", "One", "Start", "<p>First.</p>");
        ok(multipart(author, "PUT", "/api/v1/books/" + book + "/cover", "cover.png", png(), null), 200);

        String first = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 202).path("id").asString();
        awaitDone(author, "/api/v1/books/" + book + "/exports/" + first);
        ok(author.patch("/api/v1/books/" + book, json(Map.of("title", "Quota, revised"))), 200);
        String second = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 202).path("id").asString();
        awaitDone(author, "/api/v1/books/" + book + "/exports/" + second);

        problem(author.get("/api/v1/books/" + book + "/exports/" + first), 404, "export-not-found");
        assertThat(ok(author.get("/api/v1/files"), 200).path("total").asInt()).as("the cover and the latest export").isEqualTo(2);

        assertThat(author.delete("/api/v1/books/" + book).statusCode()).isEqualTo(204);
        // storage frees them on BookDeleted, after the deletion committed
        Eventually.until("the deleted book's files to be freed", () -> ok(author.get("/api/v1/files"), 200),
                files -> files.path("total").asInt() == 0);
        assertThat(db.sql("SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :owner")
                .param("owner", "%" + author.user + "%").query(Long.class).single()).as("no publication left incomplete").isZero();
    }

    @Test
    void deletingABookWhileStorageIsDownFreesItsFilesOnceStorageIsBack() throws Exception {
        Api author = newUser();
        String book = oneSceneBook(author, "Orphans", "novel", "One", "Start", "<p>First.</p>");
        ok(multipart(author, "PUT", "/api/v1/books/" + book + "/cover", "cover.png", png(), null), 200);
        String export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 202).path("id").asString();
        awaitDone(author, "/api/v1/books/" + book + "/exports/" + export);
        long used = usedBytes(author);
        assertThat(used).isPositive();

        Path bucket = DATA.resolve("blobs").resolve("authorworks-exports");
        Path aside = DATA.resolve("exports-aside-" + book);
        // the exports bucket replaced by a file: deleting the export's blob fails as with an unreachable store
        Files.move(bucket, aside);
        Files.writeString(bucket, "not a directory");
        try {
            assertThat(author.delete("/api/v1/books/" + book).statusCode()).as("deleting a book does not wait for storage").isEqualTo(204);
            problem(author.get("/api/v1/books/" + book), 404, "book-not-found");
            // the cover (another bucket) goes; the export's file stays, and the event waits in the registry
            Eventually.until("the cover to be freed and the export's deletion to have failed", () -> ok(author.get("/api/v1/files"), 200),
                    files -> files.path("total").asInt() == 1 && failedAttempts(author.user) > 0);
            assertThat(db.sql("SELECT bucket FROM storage.files WHERE owner_id = :owner").param("owner", author.user)
                    .query(String.class).list()).containsExactly("authorworks-exports");
        } finally {
            Files.delete(bucket);
            Files.move(aside, bucket);
        }

        Eventually.until("the export's file to be freed once storage is back", () -> ok(author.get("/api/v1/files"), 200),
                files -> files.path("total").asInt() == 0);
        assertThat(usedBytes(author)).as("nothing counts against the quota any more").isZero();
        assertThat(db.sql("SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :owner")
                .param("owner", "%" + author.user + "%").query(Long.class).single()).as("the publication is complete").isZero();
    }

    /** Failed deliveries of the owner's events (the book's deletion and its released files). */
    private long failedAttempts(java.util.UUID owner) {
        return db.sql("""
                SELECT coalesce(sum(completion_attempts), 0) + count(*) FILTER (WHERE status = 'FAILED')
                FROM events.event_publication WHERE serialized_event LIKE :owner""")
                .param("owner", "%" + owner + "%").query(Long.class).single();
    }

    private long usedBytes(Api author) {
        return db.sql("SELECT coalesce(sum(size_bytes), 0) FROM storage.files WHERE owner_id = :owner")
                .param("owner", author.user).query(Long.class).single();
    }

    @Test
    void aBookFromTheSampleWriterSaysSoInItsExports() throws Exception {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202)
                .path("bookId").asString();
        Eventually.until("the sample book to be written", () -> GenerationIntegrationTests.status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));

        JsonNode export = ok(author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "md"))), 202);
        JsonNode done = awaitDone(author, "/api/v1/books/" + book + "/exports/" + export.path("id").asString());
        String markdown = new String(download(done.path("downloadUrl").asString()), StandardCharsets.UTF_8);
        assertThat(markdown).contains("sample: \"true\"").contains("title: \"The Salt Road\"").contains("\n# ");
    }

    @Test
    void exportsWaitWhileStorageIsDownAndFinishWhenItIsBack() throws Exception {
        Api author = newUser();
        String book = handWrittenBook(author, "Patience", "novel");
        Path bucket = DATA.resolve("blobs").resolve("authorworks-exports");
        Path aside = DATA.resolve("exports-aside");
        // the bucket directory replaced by a file: every write into it fails as an unreachable store would
        Files.move(bucket, aside);
        Files.writeString(bucket, "not a directory");
        String location;
        try {
            HttpResponse<String> started = author.post("/api/v1/books/" + book + "/export", json(Map.of("format", "docx")));
            ok(started, 202);
            location = started.headers().firstValue("Location").orElseThrow();
            JsonNode waiting = Eventually.until("the export to wait for storage", () -> ok(author.get(location), 200),
                    e -> e.path("state").asString().equals("WAITING_FOR_STORAGE"));
            assertThat(waiting.path("error").asString()).contains("unavailable");
        } finally {
            Files.delete(bucket);
            Files.move(aside, bucket);
        }
        JsonNode done = awaitDone(author, location);
        assertThat(download(done.path("downloadUrl").asString())).startsWith('P', 'K');
    }

    @Test
    void anExportLeftRunningByADeadProcessIsMadeAgain() {
        Api author = newUser();
        String book = handWrittenBook(author, "Second Wind", "novel");
        java.util.UUID id = java.util.UUID.randomUUID();
        // as a process that crashed in the middle leaves it: RUNNING under a lease that has expired
        db.sql("""
                INSERT INTO content.exports (id, book_id, user_id, format, state, attempts, lease_expires_at)
                VALUES (:id, :book, :user, 'MARKDOWN', 'RUNNING', 1, now() - interval '1 minute')""")
                .param("id", id).param("book", java.util.UUID.fromString(book)).param("user", author.user).update();

        JsonNode done = awaitDone(author, "/api/v1/books/" + book + "/exports/" + id);
        assertThat(done.path("format").asString()).isEqualTo("md");
        assertThat(done.path("downloadUrl").asString()).isNotBlank();
    }

    @Test
    void aMarkdownManuscriptImportsAsABook() {
        Api author = newUser();
        String manuscript = """
                ---
                title: "Harbour Lights"
                author: "Ada Writer"
                ---

                # The Arrival

                ## Dawn

                The ship came in *late*.

                * * *

                Nobody **waited**.

                # The Departure

                She left <script>alert(1)</script> at noon.
                """;
        JsonNode book = ok(upload(author, "harbour.md", manuscript.getBytes(StandardCharsets.UTF_8), null), 201);
        assertThat(book.path("title").asString()).isEqualTo("Harbour Lights");
        assertThat(book.path("chapters").size()).isEqualTo(2);
        assertThat(book.path("chapters").get(0).path("title").asString()).isEqualTo("The Arrival");
        assertThat(book.path("chapters").get(0).path("scenes").size()).isEqualTo(2);
        assertThat(book.path("chapters").get(0).path("scenes").get(0).path("title").asString()).isEqualTo("Dawn");

        String id = book.path("id").asString();
        JsonNode chapter = book.path("chapters").get(0);
        String path = "/api/v1/books/" + id + "/chapters/" + chapter.path("id").asString() + "/scenes/"
                + chapter.path("scenes").get(0).path("id").asString();
        JsonNode scene = ok(author.get(path), 200);
        assertThat(scene.path("content").asString()).isEqualTo("<p>The ship came in <em>late</em>.</p>");
        JsonNode versions = ok(author.get(path + "/versions"), 200);
        assertThat(versions.toString()).contains("\"origin\":\"import\"");

        JsonNode other = book.path("chapters").get(1);
        JsonNode departure = ok(author.get("/api/v1/books/" + id + "/chapters/" + other.path("id").asString() + "/scenes/"
                + other.path("scenes").get(0).path("id").asString()), 200);
        assertThat(departure.path("content").asString()).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void aDocxManuscriptImportsWithItsChapters() throws Exception {
        Api author = newUser();
        Manuscript manuscript = new Manuscript("Winter Orchard", null, "Ada Writer", "en", Form.NOVEL, null, null, null,
                List.of(new Chapter("Frost", List.of(Scene.of("The trees *slept*."), Scene.of("Morning came."))),
                        new Chapter("Thaw", List.of(Scene.of("Water ran again.")))), false);
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        Publishing.writer(Format.DOCX).write(manuscript, docx);

        JsonNode book = ok(upload(author, "orchard.docx", docx.toByteArray(), null), 201);
        assertThat(book.path("title").asString()).isEqualTo("Winter Orchard");
        assertThat(book.path("chapters").findValuesAsString("title")).contains("Frost", "Thaw");
        assertThat(book.path("chapters").get(0).path("scenes").size()).isEqualTo(2);
        assertThat(book.path("chapters").get(1).path("scenes").get(0).path("wordCount").asInt()).isEqualTo(3);
        assertThat(ok(author.get("/api/v1/books/" + book.path("id").asString()), 200).path("words").asInt()).isEqualTo(8);
    }

    @Test
    void hostileAndUnsupportedImportsAreRefusedWithProblems() {
        Api author = newUser();
        problem(upload(author, "book.epub", "this is not a zip".getBytes(StandardCharsets.UTF_8), null), 422, "import-malformed");
        problem(upload(author, "book.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), null), 415, "import-format-not-supported");
        problem(upload(author, "notes.txt", "# Title".getBytes(StandardCharsets.UTF_8), "fdx"), 415, "import-format-not-supported");
        assertThat(ok(author.get("/api/v1/books"), 200).path("total").asLong()).isZero();
    }

    @Test
    void anEpubWhoseChapterInflatesTo400MegabytesIsRefusedAsUnsafe() throws Exception {
        Api author = newUser();
        // 400 MB of one chapter, deflated as it is written: the test never holds it inflated, nor may the server
        ByteArrayOutputStream epub = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(epub)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(("<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\"><rootfiles>"
                    + "<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
                    + "</container>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("EPUB/chapter-1.xhtml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 400; i++) {
                zip.write(zeros);
            }
        }
        assertThat(epub.size()).isLessThan(1 << 20);
        JsonNode refused = problem(upload(author, "bomb.epub", epub.toByteArray(), null), 422, "import-unsafe");
        assertThat(refused.path("detail").asString()).contains("chapter-1.xhtml").contains("zip bomb");
        assertThat(ok(author.get("/api/v1/books"), 200).path("total").asLong()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A novel written by hand: two chapters, rich text, and an empty scene exports skip. */
    private static String handWrittenBook(Api author, String title, String format) {
        String book = ok(author.post("/api/v1/books", json(Map.of("title", title, "format", format))), 201).path("id").asString();
        String one = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "Night"))), 201).path("id").asString();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + one + "/scenes", json(Map.of("title", "The Lamp",
                "content", "<p>The lamp went out. She <em>held</em> the line.</p><blockquote><p>Keep it lit.</p></blockquote>"))), 201);
        ok(author.post("/api/v1/books/" + book + "/chapters/" + one + "/scenes", json(Map.of("title", "Empty"))), 201);
        String two = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", "Morning"))), 201).path("id").asString();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + two + "/scenes", json(Map.of("title", "Tide",
                "content", "<p>The tide turned &amp; <strong>everything</strong> changed.</p><ul><li>salt</li><li>rope</li></ul>"))), 201);
        return book;
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the archive");
    }

    private static JsonNode awaitDone(Api author, String location) {
        JsonNode export = Eventually.until("the export " + location + " to finish", () -> ok(author.get(location), 200),
                e -> !List.of("QUEUED", "RUNNING", "WAITING_FOR_STORAGE").contains(e.path("state").asString()));
        assertThat(export.path("state").asString()).as(export.toString()).isEqualTo("DONE");
        return export;
    }

    /** Fetches a signed link over real HTTP, as a browser would: no token, the signature is the permission. */
    private byte[] download(String url) throws Exception {
        URI uri = url.startsWith("/") ? URI.create("http://localhost:" + port + url) : URI.create(url);
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> upload(Api author, String name, byte[] content, String format) {
        return multipart(author, "POST", "/api/v1/books/import", name, content, format);
    }

    private static HttpResponse<String> multipart(Api author, String method, String path, String name, byte[] content,
            String format) {
        String boundary = "----authorworks" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (format != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return author.send(author.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A book written by hand: one chapter with one scene. */
    private static String oneSceneBook(Api author, String title, String format, String chapterTitle, String sceneTitle,
            String html) {
        String book = ok(author.post("/api/v1/books", json(Map.of("title", title, "format", format))), 201).path("id").asString();
        String chapter = ok(author.post("/api/v1/books/" + book + "/chapters", json(Map.of("title", chapterTitle))), 201)
                .path("id").asString();
        ok(author.post("/api/v1/books/" + book + "/chapters/" + chapter + "/scenes",
                json(Map.of("title", sceneTitle, "content", html))), 201);
        return book;
    }

    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(40, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, 0xC0FFEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
