package com.authorworks.storage.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;

import com.authorworks.storage.BlobNotFoundException;
import com.authorworks.storage.BlobStore;
import com.authorworks.storage.StorageUnavailableException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs in S3 or an S3-compatible server (MinIO), addressed path-style. Buckets are created when
 * missing, on start in the background and again lazily before the first write, so an S3 that is
 * down at startup delays nothing and is picked up once it is back. Every SDK failure reaches
 * callers as {@link StorageUnavailableException}.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final long partSize;
    private final Set<String> readyBuckets = ConcurrentHashMap.newKeySet();

    /**
     * @param publicEndpoint where browsers reach the same store, for presigned URLs (a MinIO inside
     *        a private network is often published under another host name); null for {@code endpoint}
     */
    public S3BlobStore(URI endpoint, URI publicEndpoint, String region, String accessKey, String secretKey,
            long partSize) {
        if (partSize < 5L * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MB, was " + partSize + " bytes");
        }
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                // MinIO and other S3-compatible servers do not all speak the SDK's newer default checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(10)))
                .build();
        this.presigner = S3Presigner.builder()
                .endpointOverride(publicEndpoint == null ? endpoint : publicEndpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        this.partSize = partSize;
    }

    /** Creates the buckets that are missing; failures are logged and retried on first use. */
    public void prepareBuckets(List<String> buckets) {
        for (String bucket : buckets) {
            try {
                ensureBucket(bucket);
            } catch (StorageUnavailableException e) {
                log.warn("S3 bucket {} is not ready yet ({}); will retry on first use", bucket,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                return;
            }
        }
    }

    @Override
    public void put(String bucket, String key, InputStream content, long length, String contentType) {
        BlobKeys.check(bucket, key);
        ensureBucket(bucket);
        if (length <= partSize) {
            call("write", bucket, key, () -> s3.putObject(
                    r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(length),
                    RequestBody.fromInputStream(content, length)));
        } else {
            putInParts(bucket, key, content, length, contentType);
        }
    }

    private void putInParts(String bucket, String key, InputStream content, long length, String contentType) {
        String uploadId = call("start a multipart upload of", bucket, key, () -> s3.createMultipartUpload(
                r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long remaining = length;
            for (int number = 1; remaining > 0; number++) {
                byte[] part = content.readNBytes((int) Math.min(partSize, remaining));
                if (part.length == 0) {
                    throw new IllegalArgumentException("Expected " + length + " bytes but the content ended early");
                }
                remaining -= part.length;
                int partNumber = number;
                String etag = call("write a part of", bucket, key, () -> s3.uploadPart(
                        r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                                .contentLength((long) part.length),
                        RequestBody.fromBytes(part)).eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            call("complete the multipart upload of", bucket, key, () -> s3.completeMultipartUpload(
                    r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(bucket, key, uploadId);
            if (e instanceof IOException io) {
                throw new StorageUnavailableException("Could not read the content for " + bucket + "/" + key, io);
            }
            throw (RuntimeException) e;
        }
    }

    private void abort(String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            // S3 lifecycle rules or MinIO's own cleanup remove abandoned parts; the upload already failed.
            log.warn("Could not abort multipart upload of {}/{}: {}", bucket, key, e.getMessage());
        }
    }

    @Override
    public InputStream get(String bucket, String key) {
        BlobKeys.check(bucket, key);
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new BlobNotFoundException(bucket, key);
        } catch (SdkException e) {
            throw unavailable("read", bucket, key, e);
        }
    }

    @Override
    public void delete(String bucket, String key) {
        BlobKeys.check(bucket, key);
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchBucketException e) {
            // nothing to delete
        } catch (SdkException e) {
            throw unavailable("delete", bucket, key, e);
        }
    }

    @Override
    public boolean exists(String bucket, String key) {
        BlobKeys.check(bucket, key);
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw unavailable("look up", bucket, key, e);
        } catch (SdkException e) {
            throw unavailable("look up", bucket, key, e);
        }
    }

    @Override
    public Optional<URI> presignedGet(String bucket, String key, Duration ttl, String downloadName) {
        BlobKeys.check(bucket, key);
        String disposition = ContentDisposition.attachment().filename(downloadName, StandardCharsets.UTF_8).build()
                .toString();
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(ttl)
                    .getObjectRequest(r -> r.bucket(bucket).key(key).responseContentDisposition(disposition)))
                    .url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The S3 presigner produced an invalid URL", e);
        }
    }

    private void ensureBucket(String bucket) {
        if (readyBuckets.contains(bucket)) {
            return;
        }
        try {
            try {
                s3.headBucket(r -> r.bucket(bucket));
            } catch (NoSuchBucketException missing) {
                try {
                    s3.createBucket(r -> r.bucket(bucket));
                    log.info("Created S3 bucket {}", bucket);
                } catch (BucketAlreadyOwnedByYouException raced) {
                    // another instance created it first
                }
            }
        } catch (SdkException e) {
            throw unavailable("prepare bucket", bucket, "", e);
        }
        readyBuckets.add(bucket);
    }

    private static <T> T call(String action, String bucket, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw unavailable(action, bucket, key, e);
        }
    }

    private static StorageUnavailableException unavailable(String action, String bucket, String key, SdkException e) {
        return new StorageUnavailableException("Could not " + action + " " + bucket + "/" + key + " in S3", e);
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
