package com.authorworks.storage;

import java.io.InputStream;
import java.util.Optional;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Contracts;

/**
 * Files owned by users, for other services (e.g. content storing exports) and for the files API.
 * Every file passes the same rules: its type is sniffed from the bytes and must be allowed
 * ({@code unsupported-file-type}), its size must be within the limit ({@code file-too-large}) and
 * its owner's quota ({@code quota-exceeded}); violations are thrown as platform {@code Problem}s.
 * A file that is not the owner's is reported as not found. When the store cannot be reached, every
 * method may throw {@link StorageUnavailableException}.
 *
 * <p>The storage service's published contract: in its own process its bean implements this; in a
 * process without storage an HTTP client of the same interface does ({@code AUTHORWORKS_STORAGE_URL},
 * docs/platform.md), acting for {@code owner} with the caller's token or a service token. Bytes are
 * streamed both ways.
 */
@HttpExchange("/api/v1/internal/storage/files")
public interface Files {

    /** Stores the content under the owner's name; the stream is read to its end, not closed. */
    @PostExchange(contentType = "application/octet-stream")
    StoredFile store(@RequestHeader(Contracts.ON_BEHALF_OF) UserId owner, @RequestParam("bucket") String bucket,
            @RequestParam(name = "name", required = false) String name, @RequestBody InputStream content);

    @GetExchange("/{id}")
    Optional<StoredFile> find(@PathVariable("id") FileId id, @RequestHeader(Contracts.ON_BEHALF_OF) UserId owner);

    @GetExchange
    Page<StoredFile> list(@RequestHeader(Contracts.ON_BEHALF_OF) UserId owner, PageRequest page);

    /** A download link that expires after the configured time (one hour by default). */
    @GetExchange("/{id}/link")
    DownloadLink signedUrl(@PathVariable("id") FileId id, @RequestHeader(Contracts.ON_BEHALF_OF) UserId owner);

    /** The bytes of one of the owner's files, for services that process them; close the stream. */
    @GetExchange(value = "/{id}/bytes", accept = "application/octet-stream")
    InputStream open(@PathVariable("id") FileId id, @RequestHeader(Contracts.ON_BEHALF_OF) UserId owner);

    /** Deletes the file's bytes and metadata; false when the owner has no such file. */
    @DeleteExchange("/{id}")
    boolean delete(@PathVariable("id") FileId id, @RequestHeader(Contracts.ON_BEHALF_OF) UserId owner);
}
