package dev.offboarding.tenant.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.tenant.Calendars;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.Mailer;
import dev.offboarding.tenant.OneDrive;
import dev.offboarding.tenant.TenantCallListener;
import dev.offboarding.tenant.TenantCalls;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The Microsoft 365 adapter ({@code offboarding.tenant.mode=graph}) behind the same ports as the sandbox. */
@Configuration
@GraphMode
class GraphTenantConfiguration {

    @Bean
    AccessTokens accessTokens(GraphProperties properties) {
        if (properties.mailSender() == null || properties.mailSender().isBlank()) {
            throw new IllegalStateException("offboarding.tenant.mode=graph needs offboarding.graph.mail-sender: the "
                    + "mailbox that mails new OneDrive owners (see docs/microsoft-365.md).");
        }
        return new AccessTokens(properties);
    }

    @Bean
    GraphApi graphApi(AccessTokens tokens, GraphProperties properties, ObjectMapper json, TenantCalls.Sleeper sleeper,
                      ObjectProvider<TenantCallListener> listener) {
        TenantCalls calls = new TenantCalls("Microsoft Graph", TenantHttp.callSettings(properties), sleeper,
                listener.getIfAvailable(() -> TenantCallListener.NONE));
        return new GraphApi(new TenantHttp(calls, tokens::graph, properties, json, TenantHttp.newClient(properties),
                TenantHttp.GRAPH_ERRORS), properties);
    }

    @Bean
    ExchangeCommands exchangeCommands(AccessTokens tokens, GraphProperties properties, ExchangeProperties exchange,
                                      ObjectMapper json, TenantCalls.Sleeper sleeper,
                                      ObjectProvider<TenantCallListener> listener) {
        TenantCalls calls = new TenantCalls("Exchange Online", TenantHttp.callSettings(properties), sleeper,
                listener.getIfAvailable(() -> TenantCallListener.NONE));
        return new ExchangeCommands(new TenantHttp(calls, tokens::exchange, properties, json, TenantHttp.newClient(properties),
                ExchangeCommands.ERRORS), exchange, properties);
    }

    @Bean
    Directory graphDirectory(GraphApi graph, ExchangeCommands exchange) {
        return new GraphDirectory(graph, exchange);
    }

    @Bean
    Mailboxes graphMailboxes(GraphApi graph, ExchangeCommands exchange, GraphProperties properties,
                             TenantCalls.Sleeper sleeper) {
        return new GraphMailboxes(graph, exchange, properties, sleeper);
    }

    @Bean
    Calendars graphCalendars(GraphApi graph) {
        return new GraphCalendars(graph);
    }

    @Bean
    OneDrive graphOneDrive(GraphApi graph) {
        return new GraphOneDrive(graph);
    }

    @Bean
    Licensing graphLicensing(GraphApi graph, GraphProperties properties, GraphLicensingSettings settings) {
        return new GraphLicensing(graph, properties, settings);
    }

    @Bean
    Mailer graphMailer(GraphApi graph, GraphProperties properties, JdbcClient jdbc,
                       PlatformTransactionManager transactionManager, Clock clock) {
        return new GraphMailer(graph, properties, jdbc, transactionManager, clock);
    }
}
