package com.authorworks.identity.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class MailDropMailerTests {

    @TempDir
    Path data;

    @Test
    void mailIsWrittenAsEmlAndTheLogSaysWhereButNotTheSecret(CapturedOutput output) throws Exception {
        String secret = "s3cr3t-token-value";
        // Other tests in this JVM may have turned logging down to WARN; this line is logged at INFO.
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(MailDropMailer.class.getName(), LogLevel.INFO);
        new MailDropMailer(data.resolve("mail"), "AuthorWorks <no-reply@authorworks.local>").send(new OutgoingMail(
                "reader@example.test", "Confirm", "Open https://authorworks.example/verify-email?token=" + secret,
                "verify-email"));

        List<Path> files;
        try (Stream<Path> listing = Files.list(data.resolve("mail"))) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).contains("-verify-email-").endsWith(".eml");
            // Readable as is: the link is not mangled by a transfer encoding.
            assertThat(Files.readString(file)).contains("To: reader@example.test")
                    .contains("https://authorworks.example/verify-email?token=" + secret);
        });
        assertThat(output.getAll()).contains(files.getFirst().toAbsolutePath().toString()).doesNotContain(secret);
    }

    @Test
    void onlyThePlatformsUserCanReadTheMailEvenInAFolderMadeByAnOlderVersion() throws Exception {
        Path mail = Files.createDirectories(data.resolve("mail"));
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxr-xr-x"));

        new MailDropMailer(mail, "AuthorWorks <no-reply@authorworks.local>").send(new OutgoingMail(
                "reader@example.test", "Reset", "https://authorworks.example/reset-password?token=t", "reset-password"));

        assertThat(Files.getPosixFilePermissions(mail)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> listing = Files.list(mail)) {
            assertThat(listing.toList()).singleElement().satisfies(file -> assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
