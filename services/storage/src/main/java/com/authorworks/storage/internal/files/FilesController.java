package com.authorworks.storage.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.web.PublicUrl;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.DownloadLink;
import com.authorworks.storage.FileId;
import com.authorworks.storage.StoredFile;
import com.authorworks.storage.internal.StorageProperties;

/**
 * The files API. A user sees only their own files: anyone else's is "not found", admins
 * included (files are private; moderation works on published content, not on uploads).
 */
@RestController
@RequestMapping("/api/v1/files")
class FilesController {

    /** A file as the API shows it; where its bytes live stays internal. */
    record FileView(UUID id, String name, String contentType, long size, String sha256, Instant createdAt) {
        static FileView of(StoredFile file) {
            return new FileView(file.id().value(), file.name(), file.contentType(), file.size(), file.sha256(),
                    file.createdAt());
        }
    }

    record LinkView(URI url, Instant expiresAt) {
    }

    private final StoredFiles files;
    private final long maxFileSize;
    private final PublicUrl publicUrl;

    FilesController(StoredFiles files, StorageProperties properties, PublicUrl publicUrl) {
        this.files = files;
        this.publicUrl = publicUrl;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileView> upload(@RequestPart("file") MultipartFile file) throws IOException {
        CurrentUser user = CurrentUser.require();
        if (file.getSize() > maxFileSize) {
            throw StoredFiles.tooLarge(maxFileSize);
        }
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.store(user.id(), Buckets.UPLOADS, file.getOriginalFilename(), in);
        }
        return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(FileView.of(stored));
    }

    @GetMapping
    Page<FileView> mine(PageRequest page) {
        return files.list(CurrentUser.require().id(), page).map(FileView::of);
    }

    @GetMapping("/{id}")
    FileView metadata(@PathVariable UUID id) {
        return files.find(new FileId(id), CurrentUser.require().id()).map(FileView::of)
                .orElseThrow(StoredFiles::notFound);
    }

    /**
     * A redirect to a link that expires, or with {@code ?redirect=false} the link itself; a link this
     * application serves is under the public URL, never the request's Host header.
     */
    @GetMapping("/{id}/download")
    ResponseEntity<LinkView> download(@PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean redirect) {
        DownloadLink link = files.signedUrl(new FileId(id), CurrentUser.require().id());
        URI url = link.url().isAbsolute() ? link.url()
                : publicUrl.link(link.url().toString());
        if (redirect) {
            return ResponseEntity.status(302).location(url).cacheControl(CacheControl.noStore()).build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LinkView(url, link.expiresAt()));
    }

    /** The bytes behind a signed link; public, the signature is the authorization. */
    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(@PathVariable UUID id, @RequestParam long expires,
            @RequestParam String signature) {
        StoredFiles.Content content = files.open(new FileId(id), expires, signature);
        StoredFile file = content.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(content.bytes()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!files.delete(new FileId(id), CurrentUser.require().id())) {
            throw StoredFiles.notFound();
        }
        return ResponseEntity.noContent().build();
    }
}
