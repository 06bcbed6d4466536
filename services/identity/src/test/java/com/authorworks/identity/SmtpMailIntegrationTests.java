package com.authorworks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** With SMTP_* set, mail goes to the SMTP server (GreenMail speaks the real protocol) and no file is written. */
class SmtpMailIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "mail-secret"));

    @Test
    void verificationMailIsSentThroughSmtpWithAuthentication() throws Exception {
        Path data = Path.of("target", "it-data", "smtp-" + UUID.randomUUID()).toAbsolutePath();
        try (var server = new SpringApplicationBuilder(IdentityTestApplication.class).properties(
                "server.port=0", "logging.level.root=WARN", "authorworks.services=identity",
                "authorworks.data=" + data,
                "SMTP_HOST=127.0.0.1", "SMTP_PORT=" + SMTP.getSmtp().getPort(),
                "SMTP_USERNAME=mailer", "SMTP_PASSWORD=mail-secret",
                "SMTP_FROM=AuthorWorks <hello@authorworks.example>").run()) {
            Api api = new Api(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", "smtp@example.test",
                    "username", "smtp-user", "password", IdentityIntegrationTest.PASSWORD));
            assertThat(registered.status()).isEqualTo(201);

            assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = SMTP.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("smtp@example.test");
            assertThat(mail.getFrom()[0].toString()).contains("hello@authorworks.example");
            assertThat(mail.getSubject()).contains("Confirm your email");
            Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(mail));
            assertThat(token.find()).isTrue();

            assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token.group(1))).status()).isEqualTo(204);
            assertThat(Files.exists(data.resolve("mail"))).isFalse();
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }
}
