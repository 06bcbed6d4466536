package com.authorworks.storage.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.storage.BlobStore;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.DownloadLink;
import com.authorworks.storage.FileId;
import com.authorworks.storage.Files;
import com.authorworks.storage.StoredFile;
import com.authorworks.storage.internal.StorageProperties;
import com.authorworks.storage.internal.files.FileRecords.FileRecord;

/**
 * The one place that decides what may be stored and who may reach it. Content is first spooled
 * to a temporary file (so its size, hash and type are known before anything is kept), then put
 * in the blob store, then recorded; a failure at any step leaves nothing behind.
 */
@Service
@Primary // the bean to use in this process; FilesEndpoint serves the same contract to other processes
class StoredFiles implements Files {

    /** The bytes behind a valid signed link. */
    record Content(StoredFile file, InputStream bytes) {
    }

    private final FileRecords records;
    private final BlobStore blobs;
    private final ContentTypes contentTypes = new ContentTypes();
    private final DownloadSigner signer;
    private final TransactionTemplate transactions;
    private final long maxFileSize;
    private final long quota;
    private final Duration linkTtl;

    StoredFiles(FileRecords records, BlobStore blobs, StorageProperties properties, Environment environment,
            PlatformTransactionManager transactionManager) {
        this.records = records;
        this.blobs = blobs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxFileSize = properties.maxFileSize().toBytes();
        this.quota = properties.quota().toBytes();
        this.linkTtl = properties.signedUrlTtl();
        // S3 refuses presigned URLs valid for more than a week; one rule for both stores.
        if (linkTtl.isNegative() || linkTtl.isZero() || linkTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalStateException("authorworks.storage.signed-url-ttl must be between 1s and 7d, was " + linkTtl);
        }
        String configuredKey = properties.signingKey() != null ? properties.signingKey()
                : environment.getProperty("AUTHORWORKS_SIGNING_KEY");
        Path data = Path.of(environment.getProperty("authorworks.data", "data"));
        this.signer = new DownloadSigner(SigningKey.load(configuredKey, data), Clock.systemUTC());
    }

    @Override
    public StoredFile store(UserId owner, String bucket, String name, InputStream content) {
        if (!Buckets.ALL.contains(bucket)) {
            throw new IllegalArgumentException("Unknown bucket " + bucket + "; use one of " + Buckets.ALL);
        }
        String safeName = FileNames.sanitise(name);
        Path spool = null;
        try {
            spool = java.nio.file.Files.createTempFile("authorworks-upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = spoolLimited(content, spool, sha256);
            if (size == 0) {
                throw Problem.badRequest("empty-file", "The file is empty.");
            }
            String detected = contentTypes.detect(spool, safeName);
            String contentType = contentTypes.allowed(detected, bucket).orElseThrow(() -> new Problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
                    "Files of type " + detected + " cannot be stored. Allowed: images (PNG, JPEG, GIF, WebP), "
                            + "PDF, EPUB, DOCX, plain text, Markdown and audio (MP3, WAV, Ogg).",
                    Map.of("detectedType", detected)));
            checkQuota(owner, size);
            StoredFile file = new StoredFile(FileId.random(), owner, bucket, safeName, contentType, size,
                    HexFormat.of().formatHex(sha256.digest()), Instant.now().truncatedTo(ChronoUnit.MICROS));
            String key = owner + "/" + file.id();
            try (InputStream in = java.nio.file.Files.newInputStream(spool)) {
                blobs.put(bucket, key, in, size, contentType);
            }
            try {
                transactions.executeWithoutResult(tx -> {
                    records.lockOwner(owner);
                    checkQuota(owner, size);
                    records.insert(file, key);
                });
            } catch (RuntimeException e) {
                blobs.delete(bucket, key);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool an upload to a temporary file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private long spoolLimited(InputStream content, Path spool, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = new DigestOutputStream(java.nio.file.Files.newOutputStream(spool), sha256)) {
            for (int n; (n = content.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxFileSize) {
                    throw tooLarge(maxFileSize);
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    static Problem tooLarge(long limit) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
                "The file is larger than the limit of " + limit + " bytes.", Map.of("limit", limit));
    }

    private void checkQuota(UserId owner, long size) {
        long used = records.usedBytes(owner);
        if (used + size > quota) {
            throw new Problem(HttpStatus.CONFLICT, "quota-exceeded",
                    "Storing this file (" + size + " bytes) would exceed your storage quota of " + quota
                            + " bytes; you use " + used + " bytes. Delete some files first.",
                    Map.of("quota", quota, "used", used));
        }
    }

    @Override
    public Optional<StoredFile> find(FileId id, UserId owner) {
        return records.find(id, owner).map(FileRecord::file);
    }

    @Override
    public Page<StoredFile> list(UserId owner, PageRequest page) {
        return Page.of(records.list(owner, page.size(), page.offset()), page, records.count(owner));
    }

    @Override
    public DownloadLink signedUrl(FileId id, UserId owner) {
        FileRecord record = records.find(id, owner).orElseThrow(StoredFiles::notFound);
        Instant expires = signer.now().plus(linkTtl).truncatedTo(ChronoUnit.SECONDS);
        Optional<URI> presigned = blobs.presignedGet(record.file().bucket(), record.key(), linkTtl,
                record.file().name());
        URI url = presigned.orElseGet(() -> URI.create("/api/v1/files/" + id + "/content?expires="
                + expires.getEpochSecond() + "&signature=" + signer.sign(id, expires)));
        return new DownloadLink(url, expires);
    }

    @Override
    public InputStream open(FileId id, UserId owner) {
        FileRecord record = records.find(id, owner).orElseThrow(StoredFiles::notFound);
        return blobs.get(record.file().bucket(), record.key());
    }

    /** The file behind a link this application signed; the signature is the only authorization. */
    Content open(FileId id, long expires, String signature) {
        switch (signer.verify(id, expires, signature)) {
            case INVALID -> throw Problem.forbidden("invalid-signature", "This download link is not valid.");
            case EXPIRED -> throw Problem.forbidden("link-expired",
                    "This download link has expired; ask for a new one.");
            case VALID -> {
                // go on
            }
        }
        FileRecord record = records.find(id).orElseThrow(StoredFiles::notFound);
        return new Content(record.file(), blobs.get(record.file().bucket(), record.key()));
    }

    @Override
    public boolean delete(FileId id, UserId owner) {
        Optional<FileRecord> record = records.find(id, owner);
        if (record.isEmpty()) {
            return false;
        }
        // Bytes first: if the store is down the caller gets a 503 and the file is still whole.
        blobs.delete(record.get().file().bucket(), record.get().key());
        return records.delete(id, owner);
    }

    static Problem notFound() {
        return Problem.notFound("file-not-found", "There is no such file.");
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            java.nio.file.Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temp directory
        }
    }
}
