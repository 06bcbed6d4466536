package com.authorworks.discovery;

import java.time.Instant;
import java.util.List;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.platform.UserId;

/**
 * A book readers follow has a new chapter (content's {@code ChapterPublished}, as discovery heard it), with
 * the followers to tell: discovery knows who follows what, so nobody else reads its follows. A book with many
 * followers is announced in several events of at most {@link #MAX_FOLLOWERS} each; the author is never among them.
 * {@code chapterId} with {@code publishedAt} is the release's identity.
 */
public record FollowedBookUpdated(BookId bookId, UserId authorId, String bookTitle, ChapterId chapterId, int chapterNumber,
                                  String chapterTitle, Instant publishedAt, List<UserId> followers) {

    public static final int MAX_FOLLOWERS = 500;

    public FollowedBookUpdated {
        followers = List.copyOf(followers);
    }
}
