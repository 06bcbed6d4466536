package com.authorworks.discovery;

import java.util.List;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.platform.UserId;

/**
 * A reader commented on a chapter of a published book, or replied to a comment ({@code parentId} and
 * {@code parentAuthor} then name the comment answered; both null for a comment of its own). {@code mentions}
 * are the {@code @username}s the text names, as written (at most {@link #MAX_MENTIONS}, no user looked up);
 * {@code excerpt} is the start of the text. Published once per comment, never for an edit.
 */
public record CommentPosted(CommentId commentId, BookId bookId, ChapterId chapterId, UserId author, UserId bookAuthor, String bookTitle,
                            CommentId parentId, UserId parentAuthor, List<String> mentions, String excerpt) {

    /** At most this many {@code @username}s of a comment are told. */
    public static final int MAX_MENTIONS = 10;

    public CommentPosted {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
