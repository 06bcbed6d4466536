package com.authorworks.content.book;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.ArtifactKind;
import com.authorworks.content.internal.Artifacts;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.PlanEdits;
import com.authorworks.content.internal.VersionDiff;
import com.authorworks.content.internal.Versions;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plan of a book, one JSON document per kind, edited by PUT (a new version each time). */
@RestController
@RequestMapping("/api/v1/books/{id}/artifacts/{kind}")
class ArtifactsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Books books;
    private final Artifacts artifacts;
    private final Versions versions;
    private final List<PlanEdits> planEdits;
    private final TransactionTemplate transactions;

    ArtifactsController(Books books, Artifacts artifacts, Versions versions, List<PlanEdits> planEdits, TransactionTemplate transactions) {
        this.books = books;
        this.artifacts = artifacts;
        this.versions = versions;
        this.planEdits = planEdits;
        this.transactions = transactions;
    }

    @GetMapping
    ResponseEntity<Views.ArtifactView> get(@PathVariable("id") BookId id, @PathVariable String kind) {
        Book book = books.require(id, CurrentUser.require());
        ArtifactKind k = ArtifactKind.parse(kind);
        var artifact = artifacts.find(book.id(), k).orElseThrow(() -> Problem.notFound("artifact-not-found",
                "This book has no " + k.wire() + " yet."));
        return ResponseEntity.ok().eTag(BaseVersion.etag(artifact.version()))
                .body(new Views.ArtifactView(k.wire(), JSON.readTree(artifact.document()), artifact.version()));
    }

    /** The body is the document itself (any JSON: a braindump is a string, an outline an object). */
    @PutMapping
    ResponseEntity<Views.ArtifactView> put(@PathVariable("id") BookId id, @PathVariable String kind, @RequestBody JsonNode document,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        ArtifactKind k = ArtifactKind.parse(kind);
        if (document == null || document.isNull() || document.isMissingNode()) {
            throw Problem.badRequest("invalid-artifact", "The body must be the artifact's JSON document.");
        }
        var saved = transactions.execute(tx -> {
            var artifact = artifacts.save(book.id(), k, document.toString(), BaseVersion.of(null, ifMatch), user.id(), "edit");
            planEdits.forEach(edits -> edits.edited(book, k, artifact.document()));
            books.touch(book.id());
            return artifact;
        });
        return ResponseEntity.ok().eTag(BaseVersion.etag(saved.version()))
                .body(new Views.ArtifactView(k.wire(), JSON.readTree(saved.document()), saved.version()));
    }

    @GetMapping("/versions")
    List<Views.VersionSummary> list(@PathVariable("id") BookId id, @PathVariable String kind) {
        Book book = books.require(id, CurrentUser.require());
        return versions.list(book.id(), Versions.artifact(ArtifactKind.parse(kind))).stream().map(Views.VersionSummary::of).toList();
    }

    @GetMapping("/versions/{n}")
    Views.VersionView version(@PathVariable("id") BookId id, @PathVariable String kind, @PathVariable int n) {
        Book book = books.require(id, CurrentUser.require());
        return Views.VersionView.of(versions.get(book.id(), Versions.artifact(ArtifactKind.parse(kind)), n));
    }

    /** Compared line by line after pretty-printing, so a changed field shows as a changed line. */
    @GetMapping("/versions/diff")
    VersionDiff diff(@PathVariable("id") BookId id, @PathVariable String kind, @RequestParam int from, @RequestParam int to) {
        Book book = books.require(id, CurrentUser.require());
        return versions.diff(book.id(), Versions.artifact(ArtifactKind.parse(kind)), from, to,
                body -> Arrays.asList(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body)).split("\n")));
    }
}
