package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.offboarding.tenant.TenantException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throttling, faults and errors as Microsoft Graph answers them, and what the adapter makes of them. */
class TenantHttpTest {

    private static final String ME = "/v1.0/users/adele.vance@contoso.com?$select=id";
    private final GraphContract contract = new GraphContract();

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void a429WithRetryAfterIsWaitedForAndThenSucceeds() {
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51",
                                "message":"Please retry after","request-id":"94fb3b52-452a-4535-a601-69e0a90e3aa2","status":"429"},
                                "message":"Please retry again later."}}"""))
                .willSetStateTo("calm"));
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"id\":\"87d349ed-44d7-43e1-9a83-5f2406dee5bd\"}")));

        assertThat(contract.graph().get(contract.graph().url("/users/{}?$select=id", "adele.vance@contoso.com"),
                "read the user", "User.Read.All").path("id").asText()).isEqualTo("87d349ed-44d7-43e1-9a83-5f2406dee5bd");

        assertThat(contract.waits).containsExactly(Duration.ofSeconds(1));
        List<ServeEvent> calls = contract.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(ME))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        assertThat(calls).hasSize(2);
        long waited = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aFractionalRetryAfterAsGraphSendsItIsWaitedToTheMillisecond() {
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("fraction").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.25")).willSetStateTo("calm"));
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("fraction").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"id\":\"1\"}")));
        GraphApi graph = contract.graph();
        graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user", "User.Read.All");
        assertThat(contract.waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedWithBackoff() {
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("dropped"));
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("flaky").whenScenarioStateIs("dropped")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("fine"));
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("flaky").whenScenarioStateIs("fine")
                .willReturn(okJson("{\"id\":\"1\"}")));
        GraphApi graph = contract.graph();
        assertThat(graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user", "User.Read.All")
                .path("id").asText()).isEqualTo("1");
        assertThat(contract.waits).hasSize(2);
        assertThat(contract.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(contract.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void retriesRunOutIntoAMessageThatSaysWhatToDo() {
        contract.server.stubFor(get(urlEqualTo(ME)).willReturn(aResponse().withStatus(503)));
        GraphApi graph = contract.graph();
        assertThatThrownBy(() -> graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user",
                "User.Read.All"))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("answered 503 to 'read the user' 3 times in a row")
                .hasMessageContaining("the step is retried later");
        contract.server.verify(3, getRequestedFor(urlEqualTo(ME)));
    }

    @Test
    void aCallThatTimesOutIsRetried() {
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"id\":\"1\"}").withFixedDelay(2_000)).willSetStateTo("quick"));
        contract.server.stubFor(get(urlEqualTo(ME)).inScenario("slow").whenScenarioStateIs("quick")
                .willReturn(okJson("{\"id\":\"87d349ed-44d7-43e1-9a83-5f2406dee5bd\"}")));
        GraphApi graph = contract.graph(contract.properties(Duration.ofMillis(500)));

        assertThat(graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user",
                "User.Read.All").path("id").asText()).isEqualTo("87d349ed-44d7-43e1-9a83-5f2406dee5bd");

        contract.server.verify(2, getRequestedFor(urlEqualTo(ME)));
        assertThat(contract.waits).hasSize(1);
        assertThat(contract.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void aCallThatKeepsTimingOutEndsInAMessageThatNamesTheTimeout() {
        contract.server.stubFor(get(urlEqualTo(ME)).willReturn(okJson("{\"id\":\"1\"}").withFixedDelay(2_000)));
        GraphApi graph = contract.graph(contract.properties(Duration.ofMillis(500)));

        assertThatThrownBy(() -> graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user",
                "User.Read.All"))
                .isInstanceOf(TenantException.class)
                .hasMessage("Microsoft Graph did not answer within 500 ms (offboarding.graph.timeout) to 'read the user' "
                        + "3 times in a row. It is probably busy or throttling this tenant; the step is retried later. "
                        + "If this persists, check the service health of the tenant.");
        contract.server.verify(3, getRequestedFor(urlEqualTo(ME)));
        assertThat(contract.waits).hasSize(2);
    }

    @Test
    void aLongRetryAfterIsLeftToTheStepsOwnRetry() {
        contract.server.stubFor(get(urlEqualTo(ME)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        GraphApi graph = contract.graph();
        assertThatThrownBy(() -> graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user",
                "User.Read.All")).hasMessageContaining("asks to wait 120 s");
        assertThat(contract.waits).isEmpty();
    }

    @Test
    void errorsNameTheCauseAndTheMissingPermission() {
        contract.server.stubFor(get(urlEqualTo(ME)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("request-id", "r-1")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\"}}")));
        GraphApi graph = contract.graph();
        assertThatThrownBy(() -> graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user",
                "the Microsoft Graph application permission User.Read.All"))
                .isInstanceOf(TenantHttp.CallFailedException.class)
                .hasMessageContaining("403 Authorization_RequestDenied: Insufficient privileges")
                .hasMessageContaining("needs the Microsoft Graph application permission User.Read.All")
                .hasMessageContaining("request-id r-1");

        contract.server.stubFor(get(urlEqualTo(ME)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation failure.\"}}")));
        assertThatThrownBy(() -> graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user",
                "User.Read.All"))
                .hasMessageContaining("refused the app's token").hasMessageContaining("InvalidAuthenticationToken")
                .hasMessageContaining("client secret or certificate");
    }

    @Test
    void noMoreRequestsInFlightThanConfigured() throws Exception {
        contract.server.stubFor(get(urlEqualTo(ME)).willReturn(okJson("{\"id\":\"1\"}").withFixedDelay(300)));
        GraphApi graph = contract.graph();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = java.util.stream.IntStream.range(0, 12).mapToObj(i -> pool.submit(() ->
                    graph.get(graph.url("/users/{}?$select=id", "adele.vance@contoso.com"), "read the user", "User.Read.All")))
                    .<Future<?>>map(f -> f).toList();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        List<ServeEvent> events = contract.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(ME)).toList();
        int most = 0;
        for (ServeEvent event : events) {
            long start = event.getRequest().getLoggedDate().getTime();
            long overlapping = events.stream().filter(other -> {
                long otherStart = other.getRequest().getLoggedDate().getTime();
                return otherStart <= start && start < otherStart + 300;
            }).count();
            most = (int) Math.max(most, overlapping);
        }
        assertThat(events).hasSize(12);
        assertThat(most).isLessThanOrEqualTo(4);
    }
}
