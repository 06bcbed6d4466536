package com.authorworks.content;

import java.util.List;

import com.authorworks.platform.UserId;
import com.authorworks.storage.FileId;
import com.authorworks.storage.FilesReleased;

/**
 * A book and everything in it (chapters, scenes, versions, checkpoints) was deleted by its owner;
 * {@code files} are the files it kept in storage (exports, cover), which storage now frees.
 */
public record BookDeleted(BookId bookId, UserId userId, List<FileId> files) implements FilesReleased {

    public BookDeleted {
        files = List.copyOf(files);
    }
}
