package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.SEND_MAIL;

import dev.offboarding.tenant.Mailer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail from the configured sender mailbox through Graph's {@code sendMail}. Graph has no idempotency key, so the keys
 * of sent mails are kept in our database: a step retried after a successful send does not send again.
 */
public class GraphMailer implements Mailer {

    private final GraphApi graph;
    private final String sender;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public GraphMailer(GraphApi graph, GraphProperties properties, JdbcClient jdbc,
                       PlatformTransactionManager transactionManager, Clock clock) {
        this.graph = graph;
        this.sender = properties.mailSender();
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void send(String toUserPrincipalName, String subject, String body, String idempotencyKey) {
        boolean sent = jdbc.sql("select count(*) from sent_notification where idempotency_key = :key")
                .param("key", idempotencyKey).query(Integer.class).single() > 0;
        if (sent) {
            return;
        }
        graph.send("POST", graph.url("/users/{}/sendMail", sender), Map.of(
                "message", Map.of(
                        "subject", subject,
                        "body", Map.of("contentType", "Text", "content", body),
                        "toRecipients", List.of(Map.of("emailAddress", Map.of("address", toUserPrincipalName)))),
                "saveToSentItems", true), "send mail from " + sender, SEND_MAIL);
        // Remembered in a transaction of its own: a later failure of the step must not forget the mail went out.
        ownTransaction.executeWithoutResult(status -> jdbc
                .sql("insert into sent_notification (idempotency_key, sent_at) values (:key, :at)")
                .param("key", idempotencyKey)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update());
    }
}
