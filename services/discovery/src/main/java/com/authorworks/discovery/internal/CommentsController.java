package com.authorworks.discovery.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;

/** Readers' comments on chapters (with replies), reports of comments and reviews, and the admins' moderation queue. */
@RestController
@RequestMapping("/api/v1/discover")
class CommentsController {

    private final Comments comments;
    private final Moderation moderation;
    private final ReaderNames names;

    CommentsController(Comments comments, Moderation moderation, ReaderNames names) {
        this.comments = comments;
        this.moderation = moderation;
        this.names = names;
    }

    /**
     * @param body     plain text, at most 5,000 characters; {@code @username} mentions its user
     * @param parentId the comment this answers (in the same chapter), or null for a comment of its own
     */
    record NewComment(@NotNull @Size(max = Comments.MAX_BODY) String body, UUID parentId) {
    }

    /** @param body plain text, at most 5,000 characters */
    record CommentEdit(@NotNull @Size(max = Comments.MAX_BODY) String body) {
    }

    /**
     * A comment as the caller sees it. A deleted comment that has replies is a tombstone: {@code deleted}, with no
     * body and no author. {@code hidden} ones are shown only to their author, the book's author and admins.
     *
     * @param replies how many replies it has (list them with {@code ?parentId=} this id)
     */
    record CommentView(UUID id, UUID bookId, UUID chapterId, UUID parentId, UUID authorId, String authorName, String body, boolean deleted,
                       boolean hidden, boolean edited, long replies, Instant createdAt, Instant editedAt) {

        static CommentView of(Comments.Comment c, String authorName) {
            return new CommentView(c.id(), c.bookId(), c.chapterId(), c.parentId(), c.authorId(), authorName, c.body(), c.deleted(), c.hidden(),
                    c.editedAt() != null, c.replies(), c.createdAt(), c.editedAt());
        }
    }

    /** @param nextCursor the cursor of the next page, null on the last (a page may hold fewer than asked for) */
    record CommentPage(List<CommentView> items, String nextCursor) {
    }

    /**
     * @param reason one of spam, harassment, hate, sexual, violence, spoiler, off-topic, other
     * @param note   what the admins should know, at most 2,000 characters
     */
    record NewReport(@NotNull String reason, @Size(max = Moderation.MAX_NOTE) String note) {
    }

    /** @param hide whether to hide what was reported */
    record Resolution(Boolean hide) {
    }

    /** The chapter's comments, or with {@code parentId} the replies to one of them, oldest first. Open to anyone who may read the book. */
    @GetMapping("/books/{id}/chapters/{chapterId}/comments")
    CommentPage list(@PathVariable UUID id, @PathVariable UUID chapterId, @RequestParam(required = false) UUID parentId,
                     @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        Comments.CommentPage page = comments.list(id, chapterId, parentId, cursor, size, CurrentUser.find());
        Map<UUID, String> authors = names.of(page.items().stream().map(Comments.Comment::authorId).filter(java.util.Objects::nonNull).toList());
        return new CommentPage(page.items().stream().map(c -> CommentView.of(c, c.authorId() == null ? null : authors.get(c.authorId()))).toList(),
                page.nextCursor());
    }

    @PostMapping("/books/{id}/chapters/{chapterId}/comments")
    ResponseEntity<CommentView> post(@PathVariable UUID id, @PathVariable UUID chapterId, @Valid @RequestBody NewComment body) {
        Comments.Comment posted = comments.post(id, chapterId, body.parentId(), body.body(), CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/discover/comments/" + posted.id())).body(view(posted));
    }

    @GetMapping("/comments/{commentId}")
    CommentView get(@PathVariable UUID commentId) {
        return view(comments.require(commentId, CurrentUser.find()).comment());
    }

    /** New text for a comment of the caller's. */
    @PatchMapping("/comments/{commentId}")
    CommentView edit(@PathVariable UUID commentId, @Valid @RequestBody CommentEdit body) {
        return view(comments.edit(commentId, body.body(), CurrentUser.require()));
    }

    /** Deletes a comment of the caller's (a tombstone stays while it has replies). */
    @DeleteMapping("/comments/{commentId}")
    ResponseEntity<Void> delete(@PathVariable UUID commentId) {
        comments.delete(commentId, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    /** Hides the comment and its replies from everyone but its author, the book's author and admins (those two only). */
    @PutMapping("/comments/{commentId}/hidden")
    CommentView hide(@PathVariable UUID commentId) {
        return view(comments.hide(commentId, true, CurrentUser.require()));
    }

    @DeleteMapping("/comments/{commentId}/hidden")
    CommentView show(@PathVariable UUID commentId) {
        return view(comments.hide(commentId, false, CurrentUser.require()));
    }

    /** Reports a comment to the admins: 201, or 200 with the reporter's open report of it already. */
    @PostMapping("/comments/{commentId}/reports")
    ResponseEntity<Moderation.Report> reportComment(@PathVariable UUID commentId, @Valid @RequestBody NewReport body) {
        return filed(moderation.reportComment(commentId, body.reason(), body.note(), CurrentUser.require()));
    }

    /** Reports a reader's review of the book to the admins: 201, or 200 with the reporter's open report of it already. */
    @PostMapping("/books/{id}/reviews/{readerId}/reports")
    ResponseEntity<Moderation.Report> reportReview(@PathVariable UUID id, @PathVariable UUID readerId, @Valid @RequestBody NewReport body) {
        return filed(moderation.reportReview(id, readerId, body.reason(), body.note(), CurrentUser.require()));
    }

    /** The admins' queue: reports of one status ({@code open}, {@code resolved}, {@code dismissed}), oldest first. */
    @GetMapping("/moderation/reports")
    Page<Moderation.Report> queue(@RequestParam(required = false) String status, PageRequest page) {
        return moderation.queue(status, page, CurrentUser.require());
    }

    /** Settles the report (and every other open one of the same comment or review); hides what it is about with {@code hide}. */
    @PostMapping("/moderation/reports/{reportId}/resolve")
    Moderation.Report resolve(@PathVariable UUID reportId, @RequestBody(required = false) Resolution body) {
        return moderation.resolve(reportId, body != null && Boolean.TRUE.equals(body.hide()), CurrentUser.require());
    }

    @PostMapping("/moderation/reports/{reportId}/dismiss")
    Moderation.Report dismiss(@PathVariable UUID reportId) {
        return moderation.dismiss(reportId, CurrentUser.require());
    }

    private CommentView view(Comments.Comment comment) {
        String name = comment.authorId() == null ? null : names.of(List.of(comment.authorId())).get(comment.authorId());
        return CommentView.of(comment, name);
    }

    private static ResponseEntity<Moderation.Report> filed(Moderation.Filed filed) {
        return filed.created() ? ResponseEntity.created(URI.create("/api/v1/discover/moderation/reports/" + filed.report().id())).body(filed.report())
                : ResponseEntity.ok(filed.report());
    }
}
