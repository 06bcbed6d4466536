package com.authorworks.storage.internal.files;

import java.io.InputStream;
import java.util.Optional;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.Page;
import com.authorworks.platform.Problem;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.DownloadLink;
import com.authorworks.storage.FileId;
import com.authorworks.storage.Files;
import com.authorworks.storage.StoredFile;

/**
 * The {@link Files} contract for other processes, mapped by the interface's own {@code @HttpExchange}
 * annotations. A call may act only for the user its credentials name (that user's token, or a service
 * token naming them); then it is exactly the in-process call.
 */
@RestController
class FilesEndpoint implements Files {

    private final StoredFiles files;

    FilesEndpoint(StoredFiles files) {
        this.files = files;
    }

    @Override
    public StoredFile store(UserId owner, String bucket, String name, InputStream content) {
        Callers.actingFor(owner);
        if (!Buckets.ALL.contains(bucket)) {
            throw Problem.badRequest("unknown-bucket", "bucket must be one of " + Buckets.ALL + "; was " + bucket);
        }
        return files.store(owner, bucket, name, content);
    }

    @Override
    public Optional<StoredFile> find(FileId id, UserId owner) {
        Callers.actingFor(owner);
        return files.find(id, owner);
    }

    @Override
    public Page<StoredFile> list(UserId owner, PageRequest page) {
        Callers.actingFor(owner);
        return files.list(owner, page);
    }

    @Override
    public DownloadLink signedUrl(FileId id, UserId owner) {
        Callers.actingFor(owner);
        return files.signedUrl(id, owner);
    }

    @Override
    public InputStream open(FileId id, UserId owner) {
        Callers.actingFor(owner);
        return files.open(id, owner);
    }

    @Override
    public boolean delete(FileId id, UserId owner) {
        Callers.actingFor(owner);
        return files.delete(id, owner);
    }
}
