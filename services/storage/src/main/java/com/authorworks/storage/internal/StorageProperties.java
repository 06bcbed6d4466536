package com.authorworks.storage.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the storage service ({@code authorworks.storage.*}). The seed's environment
 * variables ({@code MINIO_*}, {@code AUTHORWORKS_SIGNING_KEY}) are honoured as fallbacks by
 * {@link StorageConfiguration}.
 *
 * @param maxFileSize largest file one upload may store
 * @param quota total bytes one user may keep
 * @param signedUrlTtl how long a download link stays valid
 * @param signingKey secret for the links the application serves itself; generated when blank
 * @param s3 the S3/MinIO store, used when its endpoint is set
 */
@ConfigurationProperties("authorworks.storage")
public record StorageProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("500MB") DataSize quota,
        @DefaultValue("1h") Duration signedUrlTtl,
        String signingKey,
        @DefaultValue S3 s3) {

    /**
     * @param publicEndpoint the endpoint browsers use for presigned downloads, when it differs
     * @param partSize uploads larger than this go up in parts of this size (S3's minimum is 5 MB)
     */
    public record S3(String endpoint, String publicEndpoint, String accessKey, String secretKey,
            @DefaultValue("us-east-1") String region, @DefaultValue("8MB") DataSize partSize) {
    }
}
