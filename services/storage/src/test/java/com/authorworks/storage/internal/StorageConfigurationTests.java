package com.authorworks.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.authorworks.storage.BlobStore;

class StorageConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StorageConfiguration.class));

    @Test
    void storageStaysOutOfProcessesThatRunOtherServices() {
        runner.withPropertyValues("authorworks.services=identity,content")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlobStore.class)
                        .doesNotHaveBean(com.authorworks.storage.Files.class));
    }
}
