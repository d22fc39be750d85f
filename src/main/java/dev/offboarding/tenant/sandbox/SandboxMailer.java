package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.Mailer;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Delivers mail into the recipient's sandbox Inbox, once per idempotency key. */
@Component
@SandboxMode
class SandboxMailer implements Mailer {

    private final SandboxStore store;

    SandboxMailer(SandboxStore store) {
        this.store = store;
    }

    @Override
    public void send(String toUserPrincipalName, String subject, String body, String idempotencyKey) {
        store.run("send", () -> {
            int alreadySent = store.jdbc().sql("select count(*) from sandbox_sent_mail where idempotency_key = :key")
                    .param("key", idempotencyKey).query(Integer.class).single();
            if (alreadySent > 0) {
                return;
            }
            store.jdbc().sql("insert into sandbox_sent_mail (idempotency_key, to_upn, subject, sent_at) values (:key, :to, :subject, :at)")
                    .param("key", idempotencyKey).param("to", toUserPrincipalName.toLowerCase())
                    .param("subject", subject).param("at", store.now()).update();
            String domain = store.setting(SandboxDemoData.DOMAIN_SETTING, SandboxDemoData.DOMAIN);
            String messageId = "<" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes()) + "@" + domain + ">";
            byte[] mime = MimeMessages.text("offboarding@" + domain, toUserPrincipalName, subject, body,
                    store.instant(), messageId);
            store.activeUserId(toUserPrincipalName).ifPresent(userId -> {
                String inbox = inboxOf(userId);
                if (inbox != null) {
                    store.jdbc().sql("""
                                    insert into sandbox_message (id, folder_id, internet_message_id, received_at, mime_content)
                                    values (:id, :folder, :mid, :at, :mime)""")
                            .param("id", UUID.randomUUID().toString()).param("folder", inbox).param("mid", messageId)
                            .param("at", store.now()).param("mime", mime).update();
                }
            });
            store.record("sendMail", toUserPrincipalName.toLowerCase(), subject);
        });
    }

    private String inboxOf(String userId) {
        return store.jdbc()
                .sql("select id from sandbox_mail_folder where user_id = :id and parent_id is null and display_name = 'Inbox'")
                .param("id", userId).query(String.class).optional().orElse(null);
    }
}
