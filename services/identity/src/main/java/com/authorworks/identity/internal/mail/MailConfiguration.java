package com.authorworks.identity.internal.mail;

import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.authorworks.identity.internal.IdentitySettings;

/** SMTP when SMTP_HOST is set, else .eml files in the data directory. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(IdentitySettings settings) {
        IdentitySettings.Smtp smtp = settings.smtp();
        if (smtp.host().isEmpty()) {
            return new MailDropMailer(settings.dataDirectory().resolve("mail"), smtp.from());
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host().get());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        if (!smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        // Upgrade to TLS whenever the server offers it; port 465 speaks TLS from the first byte.
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.ssl.enable", String.valueOf(smtp.port() == 465));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return new SmtpMailer(sender, smtp.from());
    }
}
