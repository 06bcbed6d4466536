package com.authorworks.identity.internal.mail;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.authorworks.identity.MailToUser;
import com.authorworks.identity.UserMail;
import com.authorworks.identity.internal.accounts.Account;
import com.authorworks.identity.internal.accounts.UserAccounts;
import com.authorworks.platform.UserId;

/** {@link UserMail} in identity's process: the account's address, if verified, and the mailer. */
@Component
@Primary
class LocalUserMail implements UserMail {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,60}");

    private final UserAccounts accounts;
    private final Mailer mailer;

    LocalUserMail(UserAccounts accounts, Mailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @Override
    public boolean send(UserId to, MailToUser mail) {
        Account account = accounts.find(to).filter(Account::emailVerified).orElse(null);
        if (account == null) {
            return false;
        }
        String kind = mail.kind() != null && KIND.matcher(mail.kind()).matches() ? mail.kind() : "mail";
        Map<String, String> headers = mail.unsubscribeUrl() == null || mail.unsubscribeUrl().isBlank() ? Map.of()
                : Map.of("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mailer.deliver(new OutgoingMail(account.email(), mail.subject(), mail.text(), kind, headers));
        return true;
    }
}
