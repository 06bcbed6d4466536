package com.authorworks.storage.internal;

import java.net.URI;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.authorworks.platform.contracts.ContractsConfiguration;
import com.authorworks.platform.contracts.ServiceClients;
import com.authorworks.platform.services.ConditionalOnMissingService;
import com.authorworks.storage.Files;
import com.authorworks.storage.StorageUnavailableException;
import com.authorworks.storage.internal.files.StorageProblems;

/**
 * In a process without the storage service: its {@link Files} contract over HTTP, at
 * {@code AUTHORWORKS_STORAGE_URL} (property {@code authorworks.storage.url}). Storage that cannot
 * be reached is a {@link StorageUnavailableException} here as it is in storage's own process, and
 * is answered with the same 503 problem.
 */
@AutoConfiguration(after = ContractsConfiguration.class)
@ConditionalOnMissingService("storage")
@ConditionalOnProperty("authorworks.storage.url")
public class StorageClientConfiguration {

    @Bean
    Files storageFiles(ServiceClients clients, Environment environment) {
        URI url = URI.create(environment.getRequiredProperty("authorworks.storage.url"));
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalStateException("AUTHORWORKS_STORAGE_URL must be an absolute URL such as http://storage:3003, was " + url);
        }
        return clients.create(Files.class, "storage", url, StorageUnavailableException::new);
    }

    @Bean
    StorageProblems storageProblems() {
        return new StorageProblems();
    }
}
