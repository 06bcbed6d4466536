package com.authorworks.storage.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.services.ConditionalOnService;
import com.authorworks.storage.BlobStore;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.internal.blob.LocalDiskBlobStore;
import com.authorworks.storage.internal.blob.S3BlobStore;

/** Registers the storage service: its schema, its blob store, and (by scanning) its files API. */
@AutoConfiguration
@ConditionalOnService("storage")
@EnableConfigurationProperties(StorageProperties.class)
@ComponentScan(basePackages = "com.authorworks.storage",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {StorageConfiguration.class, StorageClientConfiguration.class}))
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ServiceSchema storageSchema() {
        return new ServiceSchema("storage");
    }

    /** The signed content links are public: the signature is the authorization. */
    @Bean
    PublicEndpoints storagePublicEndpoints() {
        return () -> List.of(PublicEndpoints.Endpoint.get("/api/v1/files/*/content"));
    }

    /** S3/MinIO when an endpoint is configured, else local disk under {@code AUTHORWORKS_DATA/blobs}. */
    @Bean
    BlobStore blobStore(StorageProperties properties, Environment environment) {
        StorageProperties.S3 s3 = properties.s3();
        String endpoint = firstSet(s3.endpoint(), environment.getProperty("MINIO_ENDPOINT"));
        if (endpoint == null) {
            Path root = Path.of(environment.getProperty("authorworks.data", "data")).resolve("blobs");
            log.info("Blobs are kept on local disk under {}", root.toAbsolutePath());
            return new LocalDiskBlobStore(root, Buckets.ALL);
        }
        String accessKey = firstSet(s3.accessKey(), environment.getProperty("MINIO_ACCESS_KEY"));
        String secretKey = firstSet(s3.secretKey(), environment.getProperty("MINIO_SECRET_KEY"));
        if (accessKey == null || secretKey == null) {
            throw new IllegalStateException("MINIO_ENDPOINT is set: set MINIO_ACCESS_KEY and MINIO_SECRET_KEY too");
        }
        String region = firstSet(environment.getProperty("MINIO_REGION"), s3.region());
        String publicEndpoint = firstSet(s3.publicEndpoint(), environment.getProperty("MINIO_PUBLIC_ENDPOINT"));
        log.info("Blobs are kept in S3 at {} (region {})", endpoint, region);
        S3BlobStore store = new S3BlobStore(URI.create(endpoint), publicEndpoint == null ? null : URI.create(publicEndpoint),
                region, accessKey, secretKey, s3.partSize().toBytes());
        // Startup never waits for S3: buckets are created in the background now, or on first use.
        Thread.ofVirtual().name("storage-buckets").start(() -> store.prepareBuckets(Buckets.ALL));
        return store;
    }

    private static String firstSet(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }
}
