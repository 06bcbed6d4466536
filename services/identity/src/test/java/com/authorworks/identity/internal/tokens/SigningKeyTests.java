package com.authorworks.identity.internal.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import com.authorworks.identity.internal.IdentitySettings;

class SigningKeyTests {

    @TempDir
    Path data;

    private IdentitySettings settings(Map<String, String> properties) {
        MockEnvironment environment = new MockEnvironment().withProperty("authorworks.data", data.toString());
        properties.forEach(environment::setProperty);
        return IdentitySettings.from(environment);
    }

    @Test
    void generatedKeyIsKeptSoARestartSignsWithTheSameKey() {
        SigningKey first = new SigningKey(settings(Map.of()));
        SigningKey afterRestart = new SigningKey(settings(Map.of()));
        assertThat(afterRestart.key().getKeyID()).isEqualTo(first.key().getKeyID());
        assertThat(afterRestart.publicKeys().getKeys().getFirst().isPrivate()).isFalse();
    }

    @Test
    void configuredPrivateKeyFileIsUsedAndNothingIsGenerated() throws Exception {
        Path elsewhere = Files.createDirectories(data.resolve("elsewhere"));
        SigningKey generated = new SigningKey(settings(Map.of("authorworks.data", elsewhere.toString())));
        Path pem = elsewhere.resolve("keys").resolve(SigningKey.GENERATED_FILE);

        SigningKey configured = new SigningKey(settings(Map.of("JWT_PRIVATE_KEY_FILE", pem.toString())));
        assertThat(configured.key().getKeyID()).isEqualTo(generated.key().getKeyID());
        assertThat(data.resolve("keys")).doesNotExist();
    }

    @Test
    void unreadableKeyFileFailsStartupWithAClearMessage() throws Exception {
        Path broken = Files.writeString(data.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new SigningKey(settings(Map.of("JWT_PRIVATE_KEY_FILE", broken.toString()))))
                .hasMessageContaining("PKCS#8");
    }
}
