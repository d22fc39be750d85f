package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offboarding.tenant.TenantException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Mail from the sender mailbox through Graph's sendMail, sent once per idempotency key. */
class GraphMailerContractTest {

    private static final String SEND_MAIL = "/v1.0/users/offboarding@contoso.com/sendMail";
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    private final GraphContract contract = new GraphContract();
    private final DriverManagerDataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:mailer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final GraphMailer mailer;

    GraphMailerContractTest() {
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V3__sent_notification.sql")).execute(dataSource);
        mailer = contract.mailer(jdbc, new DataSourceTransactionManager(dataSource), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        jdbc.sql("shutdown").update();
        contract.close();
    }

    @Test
    void sendPostsTheMailFromTheSenderMailboxAndRemembersIt() {
        contract.server.stubFor(post(urlEqualTo(SEND_MAIL)).willReturn(aResponse().withStatus(202)));

        mailer.send("diego.siciliani@contoso.com", "Adele Vance's OneDrive is yours now",
                "Adele Vance has left Contoso. Her OneDrive is shared with you for 30 days.", "onedrive-handover-42");

        contract.server.verify(1, postRequestedFor(urlEqualTo(SEND_MAIL))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"message":{"subject":"Adele Vance's OneDrive is yours now",
                                    "body":{"contentType":"Text",
                                            "content":"Adele Vance has left Contoso. Her OneDrive is shared with you for 30 days."},
                                    "toRecipients":[{"emailAddress":{"address":"diego.siciliani@contoso.com"}}]},
                         "saveToSentItems":true}""")));
        assertThat(jdbc.sql("select sent_at from sent_notification where idempotency_key = :key")
                .param("key", "onedrive-handover-42").query(OffsetDateTime.class).single().toInstant()).isEqualTo(NOW);
    }

    @Test
    void sendingTwiceWithTheSameKeySendsOnce() {
        contract.server.stubFor(post(urlEqualTo(SEND_MAIL)).willReturn(aResponse().withStatus(202)));

        mailer.send("diego.siciliani@contoso.com", "Subject", "Body", "onedrive-handover-42");
        mailer.send("diego.siciliani@contoso.com", "Subject", "Body", "onedrive-handover-42");
        contract.server.verify(1, postRequestedFor(urlEqualTo(SEND_MAIL)));

        mailer.send("diego.siciliani@contoso.com", "Subject", "Body", "onedrive-handover-43");
        contract.server.verify(2, postRequestedFor(urlEqualTo(SEND_MAIL)));
    }

    @Test
    void aMailGraphRefusedIsNotRememberedAndIsSentOnTheNextTry() {
        contract.server.stubFor(post(urlEqualTo(SEND_MAIL)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}""")));

        assertThatThrownBy(() -> mailer.send("diego.siciliani@contoso.com", "Subject", "Body", "onedrive-handover-42"))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("ErrorAccessDenied")
                .hasMessageContaining("Mail.Send");
        assertThat(jdbc.sql("select count(*) from sent_notification").query(Integer.class).single()).isZero();

        contract.server.stubFor(post(urlEqualTo(SEND_MAIL)).willReturn(aResponse().withStatus(202)));
        mailer.send("diego.siciliani@contoso.com", "Subject", "Body", "onedrive-handover-42");
        contract.server.verify(2, postRequestedFor(urlEqualTo(SEND_MAIL)));
        assertThat(jdbc.sql("select count(*) from sent_notification").query(Integer.class).single()).isOne();
    }
}
