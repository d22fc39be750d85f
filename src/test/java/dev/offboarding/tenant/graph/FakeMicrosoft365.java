package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Microsoft 365 tenant as WireMock plays it, answering as Microsoft documents: Entra ID's token endpoint, Microsoft
 * Graph and the Exchange Online admin API, for one leaver (Adele Vance) and one colleague (Diego Siciliani). It keeps
 * state where the offboarding changes it: the account is disabled and deleted, the mailbox becomes shared.
 */
public final class FakeMicrosoft365 implements AutoCloseable {

    public static final String TENANT = "4a5d8f65-41da-4de4-8968-e035b65339cf";
    public static final String ADELE = "adele.vance@contoso.com";
    public static final String ADELE_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    public static final String DIEGO = "diego.siciliani@contoso.com";
    public static final String DIEGO_ID = "48d31887-5fad-4d73-a9f5-3c356e68a038";
    public static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    public static final String MEGAN = "megan.bowen@contoso.com";
    /** Groups of the leaver checklist: a security group, a distribution list, one that gives Visio, a dynamic one. */
    public static final String RETAIL_MANAGERS = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    public static final String RETAIL_NEWSLETTER = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    public static final String VISIO_USERS = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    public static final String ALL_CONTOSO = "c11b732b-0e16-46c1-b0fa-bd32c8a42455";
    public static final String VISIO = "c5928f49-12ba-48f7-ada3-0d743a3601d5";
    public static final String AUTHENTICATOR = "_jpuR-TGZtk6aQCLF3BQjA2";
    public static final String MOBILE_PHONE = "3179e48a-750b-4051-897c-87b9720928f7";
    public static final String INBOX_RULE = "AQAAAJ5dZqA=";
    public static final String DEVICE = "Adele Vance\\ExchangeActiveSyncDevices\\iPhone§F1A2B3C4D5E6";
    public static final String MEETING = "AAMkAGIAAAoZDOFAAA=";
    public static final String SERIES = "AAMkAGIAAAoZDOFEEE=";
    /** The query of the memberOf request of the groups, as the adapter sends it. */
    public static final String MEMBER_OF = "/memberOf/microsoft.graph.group?$select=" + GraphDirectory.GROUP_SELECT;
    /** The query of the events request of the meetings, as the adapter sends it. */
    public static final String EVENTS = "/events?$filter=isOrganizer%20eq%20true&$select=" + GraphCalendars.EVENT_SELECT;
    static final String DRIVE = "b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7";
    static final String EXCHANGE = "/adminapi/beta/" + TENANT + "/InvokeCommand";
    /** A token request to Entra ID, as {@link #requestsWithTokens()} lists it. */
    public static final String TOKEN_REQUEST = "POST /" + TENANT + "/oauth2/v2.0/token";
    /** A client-credentials token for Microsoft Graph. */
    public static final String GRAPH_TOKEN = TOKEN_REQUEST + " scope=https://graph.microsoft.com/.default";
    /** A client-credentials token for the Exchange Online admin API. */
    public static final String EXCHANGE_TOKEN = TOKEN_REQUEST + " scope=https://outlook.office365.com/.default";
    private static final String ACCOUNT = "account";
    private static final String MAILBOX = "mailbox";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());

    public FakeMicrosoft365() {
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    /**
     * What {@code offboarding.tenant.mode=graph} needs to know of this tenant, as an admin sets it for a real one: the
     * app registration, the mail sender, and the URLs of Entra ID, Graph and Exchange Online, pointed here.
     */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("offboarding.graph.tenant-id", () -> TENANT);
        registry.add("offboarding.graph.client-id", () -> "11111111-2222-3333-4444-555555555555");
        registry.add("offboarding.graph.client-secret", () -> "test-secret");
        registry.add("offboarding.graph.mail-sender", () -> "offboarding@contoso.com");
        registry.add("offboarding.graph.authority-url", this::url);
        registry.add("offboarding.graph.base-url", () -> url() + "/v1.0");
        registry.add("offboarding.exchange.base-url", () -> url() + "/adminapi/beta");
    }

    /** Forgets all requests and state: Adele is an ordinary licensed user again. */
    public void reset() {
        server.resetAll();
        stubTokens();
        stubDirectory();
        stubMailbox();
        stubMessages();
        stubOneDrive();
        stubLicenses();
        server.stubFor(post(urlEqualTo("/v1.0/users/offboarding@contoso.com/sendMail"))
                .willReturn(aResponse().withStatus(202)));
    }

    /**
     * Gives Adele what the optional steps of the leaver checklist clean up, as Microsoft answers for it: a password and
     * two more authentication methods, four groups (a security group, a distribution list, a group that gives Visio, a
     * dynamic Microsoft 365 group), an Inbox rule that forwards, an iPhone, two meetings she organises, Full Access and
     * Send As on Megan Bowen's mailbox; and it accepts the changes the steps send. Call it after {@link #reset()}.
     */
    public void leaverChecklist() {
        String user = "/v1.0/users/" + ADELE_ID;
        String mailbox = "/v1.0/users/" + ADELE;
        server.stubFor(patch(urlEqualTo(user)).withRequestBody(matchingJsonPath("$.passwordProfile.password"))
                .withRequestBody(matchingJsonPath("$.passwordProfile.forceChangePasswordNextSignIn",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlEqualTo(user + "/authentication/methods")).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('%s')/authentication/methods",
                 "value":[
                   {"@odata.type":"#microsoft.graph.passwordAuthenticationMethod","id":"28c10230-6103-485e-b985-444c60001490",
                    "password":null,"createdDateTime":"2025-03-01T08:00:00Z"},
                   {"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"%s","phoneNumber":"+1 2065555555",
                    "phoneType":"mobile","smsSignInState":"notAllowedByPolicy"},
                   {"@odata.type":"#microsoft.graph.microsoftAuthenticatorAuthenticationMethod","id":"%s",
                    "displayName":"iPhone 15","deviceTag":"SoftwareTokenActivated","phoneAppVersion":"6.2401.0119"}]}"""
                .formatted(ADELE_ID, MOBILE_PHONE, AUTHENTICATOR))));
        server.stubFor(delete(urlEqualTo(user + "/authentication/microsoftAuthenticatorMethods/" + AUTHENTICATOR))
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(delete(urlEqualTo(user + "/authentication/phoneMethods/" + MOBILE_PHONE))
                .willReturn(aResponse().withStatus(204)));

        server.stubFor(get(urlEqualTo(user + MEMBER_OF)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#groups(%s)",
                 "value":[
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Retail managers","groupTypes":[],
                    "mailEnabled":false,"securityEnabled":true,"onPremisesSyncEnabled":null,"assignedLicenses":[]},
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Retail newsletter","groupTypes":[],
                    "mailEnabled":true,"securityEnabled":false,"onPremisesSyncEnabled":null,"assignedLicenses":[]},
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Visio users","groupTypes":[],
                    "mailEnabled":false,"securityEnabled":true,"onPremisesSyncEnabled":null,
                    "assignedLicenses":[{"disabledPlans":[],"skuId":"%s"}]},
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"All Contoso",
                    "groupTypes":["Unified","DynamicMembership"],"mailEnabled":true,"securityEnabled":false,
                    "onPremisesSyncEnabled":null,"assignedLicenses":[]}]}"""
                .formatted(GraphDirectory.GROUP_SELECT, RETAIL_MANAGERS, RETAIL_NEWSLETTER, VISIO_USERS, VISIO, ALL_CONTOSO))));
        for (String group : List.of(RETAIL_MANAGERS, VISIO_USERS)) {
            server.stubFor(delete(urlEqualTo("/v1.0/groups/" + group + "/members/" + ADELE_ID + "/$ref"))
                    .willReturn(aResponse().withStatus(204)));
        }
        server.stubFor(exchange("Remove-DistributionGroupMember", "{\"Identity\":\"" + RETAIL_NEWSLETTER
                + "\",\"Member\":\"" + ADELE_ID + "\",\"BypassSecurityGroupManagerCheck\":true,\"Confirm\":false}")
                .willReturn(okJson(empty())));
        // Visio comes with the group; the license step leaves it to the group.
        server.stubFor(get(urlEqualTo(user + "?$select=id,userPrincipalName,licenseAssignmentStates")).willReturn(okJson("""
                {"id":"%s","userPrincipalName":"%s","licenseAssignmentStates":[
                  {"assignedByGroup":null,"disabledPlans":[],"error":"None","lastUpdatedDateTime":"2025-03-01T10:00:00Z",
                   "skuId":"%s","state":"Active"},
                  {"assignedByGroup":"%s","disabledPlans":[],"error":"None","lastUpdatedDateTime":"2025-03-01T10:00:00Z",
                   "skuId":"%s","state":"Active"}]}""".formatted(ADELE_ID, ADELE, E3, VISIO_USERS, VISIO))));

        server.stubFor(exchange("Set-Mailbox", "{\"Identity\":\"" + ADELE + "\",\"HiddenFromAddressListsEnabled\":true}")
                .willReturn(okJson(empty())));
        server.stubFor(exchange("Set-Mailbox", "{\"Identity\":\"" + ADELE + "\",\"ForwardingSmtpAddress\":\"smtp:"
                + DIEGO + "\",\"DeliverToMailboxAndForward\":true}").willReturn(okJson(empty())));

        server.stubFor(get(urlEqualTo(mailbox + "/mailFolders/inbox/messageRules")).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('adele.vance%%40contoso.com')/mailFolders('inbox')/messageRules",
                 "value":[{"id":"%s","displayName":"Forward invoices to Diego","sequence":1,"isEnabled":true,
                   "hasError":false,"isReadOnly":false,"conditions":{"subjectContains":["invoice"]},
                   "actions":{"forwardTo":[{"emailAddress":{"name":"Diego Siciliani","address":"%s"}}]}}]}"""
                .formatted(INBOX_RULE, DIEGO))));
        server.stubFor(delete(urlEqualTo(mailbox + "/mailFolders/inbox/messageRules/" + INBOX_RULE))
                .willReturn(aResponse().withStatus(204)));

        server.stubFor(exchange("Get-MobileDevice", "{\"Mailbox\":\"" + ADELE + "\"}").willReturn(okJson("""
                {"@adminapi.warnings":[],"value":[{"FriendlyName":"Adele's iPhone 15","DeviceId":"F1A2B3C4D5E6",
                  "DeviceModel":"iPhone15C2","DeviceType":"iPhone","DeviceOS":"iOS 17.4","ClientType":"EAS",
                  "Identity":"%s","Guid":"5f1d3c2b-7a8e-4b9c-a1d2-e3f4a5b6c7d8"}]}""".formatted(inJson(DEVICE)))));
        server.stubFor(exchange("Remove-MobileDevice", "{\"Identity\":\"" + inJson(DEVICE) + "\",\"Confirm\":false}")
                .willReturn(okJson(empty())));

        // A meeting next week (well after any clock of the test) and a weekly series without an end.
        server.stubFor(get(urlEqualTo(mailbox + EVENTS)).willReturn(okJson("""
                {"value":[
                  {"id":"%s","subject":"Store opening in Lyon: final check","type":"singleInstance","isCancelled":false,
                   "start":{"dateTime":"2099-11-27T09:00:00.0000000","timeZone":"UTC"},
                   "end":{"dateTime":"2099-11-27T10:00:00.0000000","timeZone":"UTC"},"recurrence":null,
                   "attendees":[{"type":"required","status":{"response":"accepted","time":"2026-11-02T08:00:00Z"},
                                 "emailAddress":{"name":"Megan Bowen","address":"%s"}}]},
                  {"id":"%s","subject":"Weekly retail sync","type":"seriesMaster","isCancelled":false,
                   "start":{"dateTime":"2025-01-06T09:00:00.0000000","timeZone":"UTC"},
                   "end":{"dateTime":"2025-01-06T09:30:00.0000000","timeZone":"UTC"},
                   "recurrence":{"pattern":{"type":"weekly","interval":1,"daysOfWeek":["monday"],"firstDayOfWeek":"sunday"},
                                 "range":{"type":"noEnd","startDate":"2025-01-06","endDate":"0001-01-01",
                                          "recurrenceTimeZone":"UTC","numberOfOccurrences":0}},
                   "attendees":[{"type":"required","status":{"response":"none","time":"0001-01-01T00:00:00Z"},
                                 "emailAddress":{"name":"Megan Bowen","address":"%s"}},
                                {"type":"optional","status":{"response":"none","time":"0001-01-01T00:00:00Z"},
                                 "emailAddress":{"name":"Diego Siciliani","address":"%s"}}]}]}"""
                .formatted(MEETING, MEGAN, SERIES, MEGAN, DIEGO))));
        for (String event : List.of(MEETING, SERIES)) {
            server.stubFor(post(urlEqualTo(mailbox + "/events/" + event + "/cancel"))
                    .withRequestBody(matchingJsonPath("$.Comment")).willReturn(aResponse().withStatus(202)));
        }

        server.stubFor(exchange("Get-Mailbox", "{\"ResultSize\":\"Unlimited\"}").willReturn(okJson("""
                {"@adminapi.warnings":[],"value":[
                  {"Identity":"Adele Vance","Name":"Adele Vance","Alias":"adele.vance","UserPrincipalName":"%s",
                   "PrimarySmtpAddress":"%s","RecipientTypeDetails":"UserMailbox"},
                  {"Identity":"Megan Bowen","Name":"Megan Bowen","Alias":"megan.bowen","UserPrincipalName":"%s",
                   "PrimarySmtpAddress":"%s","RecipientTypeDetails":"UserMailbox"},
                  {"Identity":"Diego Siciliani","Name":"Diego Siciliani","Alias":"diego.siciliani","UserPrincipalName":"%s",
                   "PrimarySmtpAddress":"%s","RecipientTypeDetails":"UserMailbox"}]}"""
                .formatted(ADELE, ADELE, MEGAN, MEGAN, DIEGO, DIEGO))));
        server.stubFor(exchange("Get-MailboxPermission", "{\"Identity\":\"" + MEGAN + "\",\"User\":\"" + ADELE + "\"}")
                .willReturn(okJson("""
                        {"@adminapi.warnings":[],"value":[{"Identity":"Megan Bowen","User":"%s","AccessRights":["FullAccess"],
                          "IsInherited":false,"Deny":false,"InheritanceType":"All"}]}""".formatted(ADELE))));
        server.stubFor(exchange("Get-MailboxPermission", "{\"Identity\":\"" + DIEGO + "\",\"User\":\"" + ADELE + "\"}")
                .willReturn(okJson(empty())));
        String sendAs = """
                {"@adminapi.warnings":[],"value":[{"Identity":"Megan Bowen","Trustee":"%s","AccessControlType":"Allow",
                  "AccessRights":["SendAs"],"IsInherited":false,"InheritanceType":"None"}]}""".formatted(ADELE);
        server.stubFor(exchange("Get-RecipientPermission", "{\"Trustee\":\"" + ADELE + "\",\"ResultSize\":\"Unlimited\"}")
                .willReturn(okJson(sendAs)));
        server.stubFor(exchange("Get-RecipientPermission", "{\"Identity\":\"" + MEGAN + "\",\"Trustee\":\"" + ADELE + "\"}")
                .willReturn(okJson(sendAs)));
        server.stubFor(exchange("Remove-MailboxPermission", "{\"Identity\":\"" + MEGAN + "\",\"User\":\"" + ADELE
                + "\",\"AccessRights\":[\"FullAccess\"],\"InheritanceType\":\"All\",\"Confirm\":false}")
                .willReturn(okJson(empty())));
        server.stubFor(exchange("Remove-RecipientPermission", "{\"Identity\":\"" + MEGAN + "\",\"Trustee\":\"" + ADELE
                + "\",\"AccessRights\":[\"SendAs\"],\"Confirm\":false}").willReturn(okJson(empty())));
    }

    /** Every request that reached Microsoft, in order, as "METHOD path?query" or "POST InvokeCommand Cmdlet-Name". */
    public List<String> requests() {
        return inOrder().stream()
                .filter(event -> !isTokenRequest(event))
                .map(FakeMicrosoft365::describe)
                .toList();
    }

    /**
     * Like {@link #requests()}, with the token requests to Entra ID where they came, as {@value #TOKEN_REQUEST} and
     * the scope asked for: {@link #GRAPH_TOKEN} or {@link #EXCHANGE_TOKEN}.
     */
    public List<String> requestsWithTokens() {
        return inOrder().stream().map(FakeMicrosoft365::describe).toList();
    }

    public int tokenRequests() {
        return (int) server.getAllServeEvents().stream().filter(FakeMicrosoft365::isTokenRequest).count();
    }

    public List<ServeEvent> events() {
        return server.getAllServeEvents();
    }

    /** The bodies Microsoft answered the requests described so (as in {@link #requests()}) with, in order. */
    public List<String> responses(String request) {
        return inOrder().stream().filter(event -> describe(event).equals(request))
                .map(event -> event.getResponse().getBodyAsString()).toList();
    }

    /** {@code RecipientTypeDetails} of every mailbox Get-Mailbox reported, in order: UserMailbox, SharedMailbox. */
    public List<String> mailboxTypesReported() {
        return responses("POST InvokeCommand Get-Mailbox").stream()
                .map(body -> body.replaceAll("(?s).*\"RecipientTypeDetails\"\\s*:\\s*\"([^\"]+)\".*", "$1")).toList();
    }

    /**
     * Oldest first. WireMock lists the newest first; sorting by arrival keeps that order for requests that arrived in
     * the same millisecond, so the list is turned round before it is sorted.
     */
    private List<ServeEvent> inOrder() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        return events;
    }

    private static boolean isTokenRequest(ServeEvent event) {
        return event.getRequest().getUrl().contains("/oauth2/v2.0/token");
    }

    private static String describe(ServeEvent event) {
        String url = event.getRequest().getUrl();
        if (url.equals(EXCHANGE)) {
            String body = event.getRequest().getBodyAsString();
            String cmdlet = body.replaceAll(".*\"CmdletName\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            return "POST InvokeCommand " + cmdlet;
        }
        if (isTokenRequest(event)) {
            String scope = event.getRequest().getBodyAsString().replaceAll(".*(?:^|&)scope=([^&]*).*", "$1");
            return event.getRequest().getMethod() + " " + url + " scope=" + URLDecoder.decode(scope, StandardCharsets.UTF_8);
        }
        return event.getRequest().getMethod() + " " + url.replace("/v1.0", "");
    }

    private void stubTokens() {
        for (String[] scope : new String[][] {{"graph.microsoft.com", "graph-token"}, {"outlook.office365.com", "exchange-token"}}) {
            server.stubFor(post(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                    .withRequestBody(containing("scope=https%3A%2F%2F" + scope[0] + "%2F.default"))
                    .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                            + "\"access_token\":\"" + scope[1] + "\"}")));
        }
    }

    private void stubDirectory() {
        String select = "?$select=" + GraphDirectory.USER_SELECT;
        String adele = """
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(%s)/$entity",
                 "id":"%s","userPrincipalName":"%s","displayName":"Adele Vance","mail":"%s","accountEnabled":true,
                 "onPremisesSyncEnabled":null,"assignedLicenses":[{"disabledPlans":[],"skuId":"%s"}],
                 "proxyAddresses":["SMTP:adele.vance@contoso.com","smtp:adele@contoso.com"]}"""
                .formatted(GraphDirectory.USER_SELECT, ADELE_ID, ADELE, ADELE, E3);
        for (String state : List.of(STARTED, "disabled")) {
            server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE + select)).inScenario(ACCOUNT).whenScenarioStateIs(state)
                    .willReturn(okJson(adele)));
            server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE + "?$select=id")).inScenario(ACCOUNT)
                    .whenScenarioStateIs(state).willReturn(okJson("{\"id\":\"" + ADELE_ID + "\"}")));
        }
        server.stubFor(get(urlEqualTo("/v1.0/users/" + DIEGO + select)).willReturn(okJson("""
                {"id":"%s","userPrincipalName":"%s","displayName":"Diego Siciliani","mail":"%s","accountEnabled":true,
                 "assignedLicenses":[],"proxyAddresses":["SMTP:%s"]}""".formatted(DIEGO_ID, DIEGO, DIEGO, DIEGO))));
        server.stubFor(get(urlEqualTo("/v1.0/users/" + DIEGO + "?$select=id")).willReturn(okJson("{\"id\":\"" + DIEGO_ID + "\"}")));
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID
                        + "/memberOf/microsoft.graph.directoryRole?$count=true&$select=displayName,roleTemplateId"))
                .willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directoryObjects\",\"value\":[]}")));
        // The groups the license step looks at: none, unless leaverChecklist() gives Adele some.
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID + MEMBER_OF)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#groups(%s)","value":[]}"""
                .formatted(GraphDirectory.GROUP_SELECT))));
        server.stubFor(get(urlEqualTo("/v1.0/organization?$select=displayName"))
                .willReturn(okJson("{\"value\":[{\"id\":\"" + TENANT + "\",\"displayName\":\"Contoso\"}]}")));

        // The account: enabled, then disabled (PATCH), then deleted (DELETE), then gone for good.
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID + "?$select=id,accountEnabled")).inScenario(ACCOUNT)
                .whenScenarioStateIs(STARTED).willReturn(okJson("{\"id\":\"" + ADELE_ID + "\",\"accountEnabled\":true}")));
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID + "?$select=id,accountEnabled")).inScenario(ACCOUNT)
                .whenScenarioStateIs("disabled").willReturn(okJson("{\"id\":\"" + ADELE_ID + "\",\"accountEnabled\":false}")));
        server.stubFor(patch(urlEqualTo("/v1.0/users/" + ADELE_ID)).inScenario(ACCOUNT).whenScenarioStateIs(STARTED)
                .withRequestBody(equalToJson("{\"accountEnabled\":false}"))
                .willReturn(aResponse().withStatus(204)).willSetStateTo("disabled"));
        server.stubFor(post(urlEqualTo("/v1.0/users/" + ADELE_ID + "/revokeSignInSessions")).willReturn(okJson(
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean\",\"value\":true}")));
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID + "?$select=id,userPrincipalName,onPremisesSyncEnabled"))
                .inScenario(ACCOUNT).whenScenarioStateIs("disabled").willReturn(okJson(
                        "{\"id\":\"" + ADELE_ID + "\",\"userPrincipalName\":\"" + ADELE + "\",\"onPremisesSyncEnabled\":null}")));
        server.stubFor(delete(urlEqualTo("/v1.0/users/" + ADELE_ID)).inScenario(ACCOUNT).whenScenarioStateIs("disabled")
                .willReturn(aResponse().withStatus(204)).willSetStateTo("deleted"));
        String deleted = """
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
                 "@odata.type":"#microsoft.graph.user","id":"%s","displayName":"Adele Vance","userPrincipalName":"%s",
                 "deletedDateTime":"2026-11-25T10:00:00Z"}""".formatted(ADELE_ID, ADELE);
        server.stubFor(get(urlEqualTo("/v1.0/directory/deletedItems/" + ADELE_ID)).inScenario(ACCOUNT)
                .whenScenarioStateIs("deleted").willReturn(okJson(deleted)));
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID + "?$select=id")).inScenario(ACCOUNT)
                .whenScenarioStateIs("deleted").willReturn(notFound(ADELE_ID)));
        server.stubFor(delete(urlEqualTo("/v1.0/directory/deletedItems/" + ADELE_ID)).inScenario(ACCOUNT)
                .whenScenarioStateIs("deleted").willReturn(aResponse().withStatus(204)).willSetStateTo("purged"));
        server.stubFor(post(urlEqualTo("/v1.0/directory/deletedItems/" + ADELE_ID + "/restore")).inScenario(ACCOUNT)
                .whenScenarioStateIs("deleted").willReturn(okJson(deleted)).willSetStateTo("disabled"));
        // Renaming the shared mailbox.
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE + "?$select=id,displayName"))
                .willReturn(okJson("{\"id\":\"" + ADELE_ID + "\",\"displayName\":\"Adele Vance\"}")));
        server.stubFor(patch(urlEqualTo("/v1.0/users/" + ADELE))
                .withRequestBody(equalToJson("{\"displayName\":\"Adele Vance (former employee)\"}"))
                .willReturn(aResponse().withStatus(204)));
    }

    private void stubMailbox() {
        String mailbox = """
                {"@odata.context":"https://outlook.office.com/adminapi/beta/%s/$metadata#Collection(Exchange.GenericHashTable)",
                 "adminapi.warnings@odata.type":"#Collection(String)","@adminapi.warnings":[],
                 "value":[{"DisplayName":"Adele Vance","RecipientTypeDetails":"%s","PrimarySmtpAddress":"%s",
                   "EmailAddresses":["SPO:SPO_8f1c","SIP:adele.vance@contoso.com","smtp:adele@contoso.com","SMTP:adele.vance@contoso.com"],
                   "ForwardingSmtpAddress":null,"ForwardingAddress":null,"DeliverToMailboxAndForward":false,
                   "ArchiveStatus":"None","ArchiveGuid":"00000000-0000-0000-0000-000000000000","LitigationHoldEnabled":false,
                   "ExternalDirectoryObjectId":"%s","ExchangeGuid@odata.type":"#Guid","ExchangeGuid":"2be9a1c2-5d55-4ec4-a9c1-1d0f4ebbf2a1"}]}""";
        server.stubFor(exchange("Get-Mailbox", "{\"Identity\":\"" + ADELE + "\"}").inScenario(MAILBOX)
                .whenScenarioStateIs(STARTED).willReturn(okJson(mailbox.formatted(TENANT, "UserMailbox", ADELE, ADELE_ID))));
        server.stubFor(exchange("Get-Mailbox", "{\"Identity\":\"" + ADELE + "\"}").inScenario(MAILBOX)
                .whenScenarioStateIs("converting").willReturn(okJson(mailbox.formatted(TENANT, "UserMailbox", ADELE, ADELE_ID)))
                .willSetStateTo("shared"));
        server.stubFor(exchange("Get-Mailbox", "{\"Identity\":\"" + ADELE + "\"}").inScenario(MAILBOX)
                .whenScenarioStateIs("shared").willReturn(okJson(mailbox.formatted(TENANT, "SharedMailbox", ADELE, ADELE_ID))));
        // Exchange converts in the background: the first look after Set-Mailbox still sees a user mailbox.
        server.stubFor(exchange("Set-Mailbox", "{\"Identity\":\"" + ADELE + "\",\"Type\":\"Shared\"}").inScenario(MAILBOX)
                .whenScenarioStateIs(STARTED).willReturn(okJson(empty())).willSetStateTo("converting"));
        server.stubFor(exchange("Get-MailboxStatistics", "{\"Identity\":\"" + ADELE + "\"}").willReturn(okJson(
                "{\"@adminapi.warnings\":[],\"value\":[{\"DisplayName\":\"Adele Vance\",\"ItemCount\":4,"
                        + "\"TotalItemSize\":\"1.234 GB (1,325,420,544 bytes)\"}]}")));
        server.stubFor(exchange("Get-MailboxPermission", "{\"Identity\":\"" + ADELE + "\",\"User\":\"" + DIEGO + "\"}")
                .willReturn(okJson(empty())));
        server.stubFor(exchange("Add-MailboxPermission", "{\"Identity\":\"" + ADELE + "\",\"User\":\"" + DIEGO
                + "\",\"AccessRights\":[\"FullAccess\"],\"InheritanceType\":\"All\",\"AutoMapping\":true}").willReturn(okJson(
                "{\"@adminapi.warnings\":[],\"value\":[{\"Identity\":\"Adele Vance\",\"User\":\"" + DIEGO
                        + "\",\"AccessRights\":[\"FullAccess\"],\"IsInherited\":false,\"Deny\":false}]}")));
        server.stubFor(exchange("Set-MailboxAutoReplyConfiguration", "{\"Identity\":\"" + ADELE
                + "\",\"AutoReplyState\":\"Enabled\",\"InternalMessage\":\"Adele has left.\",\"ExternalMessage\":"
                + "\"Adele no longer works here.\",\"ExternalAudience\":\"All\"}").willReturn(okJson(empty())));
        server.stubFor(exchange("Set-Mailbox", "{\"Identity\":\"" + ADELE + "\",\"EmailAddresses\":{\"@odata.type\":"
                + "\"#Exchange.GenericHashTable\",\"Remove\":[\"smtp:adele@contoso.com\"]}}").willReturn(okJson(empty())));
    }

    private MappingBuilder exchange(String cmdlet, String parameters) {
        return post(urlEqualTo(EXCHANGE))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer exchange-token"))
                .withHeader("X-AnchorMailbox", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TENANT))
                .withRequestBody(equalToJson("{\"CmdletInput\":{\"CmdletName\":\"" + cmdlet + "\",\"Parameters\":"
                        + parameters + "}}"));
    }

    /** The text as it stands inside a JSON string: backslashes doubled. */
    private static String inJson(String text) {
        return text.replace("\\", "\\\\");
    }

    private static String empty() {
        return "{\"adminapi.warnings@odata.type\":\"#Collection(String)\",\"@adminapi.warnings\":[],\"value\":[]}";
    }

    private void stubMessages() {
        String users = "/v1.0/users/" + ADELE;
        server.stubFor(get(urlEqualTo(users + "/mailFolders?includeHiddenFolders=true&$top=100")).willReturn(okJson("""
                {"value":[
                  {"id":"AQMkADYAAAIBDAAAAA==","displayName":"Inbox","parentFolderId":"AQMkADYAAAIBCAAAAA==","childFolderCount":1,"unreadItemCount":1,"totalItemCount":2,"isHidden":false},
                  {"id":"AQMkADYAAAIBCQAAAA==","displayName":"Sent Items","parentFolderId":"AQMkADYAAAIBCAAAAA==","childFolderCount":0,"unreadItemCount":0,"totalItemCount":1,"isHidden":false},
                  {"@odata.type":"#microsoft.graph.mailSearchFolder","id":"AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAABuC34AAA=","displayName":"Weekly digests","childFolderCount":0,"unreadItemCount":0,"totalItemCount":2,"isSupported":true,"filterQuery":"contains(subject, 'weekly digest')"}
                ]}""")));
        server.stubFor(get(urlEqualTo(users + "/mailFolders/AQMkADYAAAIBDAAAAA==/childFolders?includeHiddenFolders=true&$top=100"))
                .willReturn(okJson("""
                        {"value":[{"id":"AAMkProjects","displayName":"Projects","parentFolderId":"AQMkADYAAAIBDAAAAA==","childFolderCount":0,"unreadItemCount":0,"totalItemCount":1,"isHidden":false}]}""")));
        server.stubFor(get(urlEqualTo(users + "/mailFolders/AQMkADYAAAIBDAAAAA==/messages?$select=id&$top=100"))
                .willReturn(okJson("{\"value\":[{\"@odata.etag\":\"W/\\\"1\\\"\",\"id\":\"AAMkInbox1\"}],\"@odata.nextLink\":\""
                        + url() + users + "/mailFolders/AQMkADYAAAIBDAAAAA==/messages?$select=id&$top=100&$skip=1\"}")));
        server.stubFor(get(urlEqualTo(users + "/mailFolders/AQMkADYAAAIBDAAAAA==/messages?$select=id&$top=100&$skip=1"))
                .willReturn(okJson("{\"value\":[{\"@odata.etag\":\"W/\\\"1\\\"\",\"id\":\"AAMkInbox2\"}]}")));
        server.stubFor(get(urlEqualTo(users + "/mailFolders/AAMkProjects/messages?$select=id&$top=100"))
                .willReturn(okJson("{\"value\":[{\"id\":\"AAMkProject1\"}]}")));
        server.stubFor(get(urlEqualTo(users + "/mailFolders/AQMkADYAAAIBCQAAAA==/messages?$select=id&$top=100"))
                .willReturn(okJson("{\"value\":[{\"id\":\"AAMkSent1\"}]}")));
        for (String id : List.of("AAMkInbox1", "AAMkInbox2", "AAMkProject1", "AAMkSent1")) {
            server.stubFor(get(urlEqualTo(users + "/messages/" + id + "/$value")).willReturn(aResponse()
                    .withHeader("Content-Type", "text/plain").withBody("""
                            Received: from AM0PR01MB1234.eurprd01.prod.exchangelabs.com (2603:10a6:208:1::1)
                            MIME-Version: 1.0
                            From: Diego Siciliani <diego.siciliani@contoso.com>
                            To: Adele Vance <adele.vance@contoso.com>
                            Subject: Message %s
                            Message-ID: <%s@contoso.com>
                            Content-Type: text/plain; charset="us-ascii"

                            Hello Adele, this is message %s.
                            """.formatted(id, id, id))));
        }
    }

    private void stubOneDrive() {
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE + "/drive?$select=id,webUrl,quota")).willReturn(okJson("""
                {"id":"%s","driveType":"business","webUrl":"https://contoso-my.sharepoint.com/personal/adele_vance_contoso_com/Documents",
                 "quota":{"deleted":256938,"remaining":1099447353539,"state":"normal","total":1099511627776,"used":2147483648}}"""
                .formatted(DRIVE))));
        server.stubFor(get(urlEqualTo("/v1.0/admin/sharepoint/settings")).willReturn(okJson("""
                {"value":{"@odata.type":"#microsoft.graph.sharepointSettings","deletedUserPersonalSiteRetentionPeriodInDays":60}}""")));
        server.stubFor(get(urlEqualTo("/v1.0/drives/" + DRIVE + "/root?$select=id")).willReturn(okJson(
                "{\"id\":\"01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ\"}")));
        server.stubFor(get(urlEqualTo("/v1.0/drives/" + DRIVE + "/items/01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ/permissions"))
                .willReturn(okJson("{\"value\":[{\"id\":\"aTowIy5mfG1lbWJlcnNoaXB8YWRlbGU\",\"roles\":[\"owner\"],"
                        + "\"grantedToV2\":{\"user\":{\"id\":\"" + ADELE_ID + "\",\"displayName\":\"Adele Vance\"}}}]}")));
        server.stubFor(post(urlEqualTo("/v1.0/drives/" + DRIVE + "/items/01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ/invite"))
                .withRequestBody(equalToJson("""
                        {"recipients":[{"email":"%s"}],"roles":["write"],"requireSignIn":true,"sendInvitation":false}"""
                        .formatted(DIEGO)))
                .willReturn(okJson("{\"value\":[{\"grantedToV2\":{\"user\":{\"id\":\"" + DIEGO_ID
                        + "\",\"displayName\":\"Diego Siciliani\"}},\"id\":\"CCFC7CA3-7A19-4D57-8CEF-149DB9DDFA62\",\"roles\":[\"write\"]}]}")));
    }

    private void stubLicenses() {
        server.stubFor(get(urlEqualTo("/v1.0/directory/subscriptions")).willReturn(okJson("""
                {"value":[{"createdDateTime":"2025-01-01T00:00:00Z","commerceSubscriptionId":"f9c1ea2d-1a2b-4c3d-9e8f-123456789abc",
                  "id":"860697e3-0e6c-4a37-8b4c-3e9c2b5d6a7f","isTrial":false,"nextLifecycleDateTime":"2027-01-01T00:00:00Z",
                  "skuId":"%s","skuPartNumber":"SPE_E3","status":"Enabled","totalLicenses":25,
                  "ownerId":"fe04f19f-1234-4bcd-9f00-0123456789ab","ownerTenantId":null,"ownerType":"User"}]}""".formatted(E3))));
        server.stubFor(get(urlEqualTo("/v1.0/subscribedSkus")).willReturn(okJson("""
                {"value":[{"accountName":"Contoso","appliesTo":"User","capabilityStatus":"Enabled","consumedUnits":14,
                  "id":"48a80680-7326-48cd-9935-b556b81d3a4e_%s","prepaidUnits":{"enabled":25,"lockedOut":0,"suspended":0,"warning":0},
                  "skuId":"%s","skuPartNumber":"SPE_E3","subscriptionIds":["43d26afe-1234-4bcd-9f00-0123456789ab"]}]}"""
                .formatted(E3, E3))));
        server.stubFor(get(urlEqualTo("/v1.0/users/" + ADELE_ID + "?$select=id,userPrincipalName,licenseAssignmentStates"))
                .willReturn(okJson("""
                        {"id":"%s","userPrincipalName":"%s","licenseAssignmentStates":[{"assignedByGroup":null,"disabledPlans":[],
                         "error":"None","lastUpdatedDateTime":"2025-03-01T10:00:00Z","skuId":"%s","state":"Active"}]}"""
                        .formatted(ADELE_ID, ADELE, E3))));
        server.stubFor(post(urlEqualTo("/v1.0/users/" + ADELE_ID + "/assignLicense"))
                .withRequestBody(equalToJson("{\"addLicenses\":[],\"removeLicenses\":[\"" + E3 + "\"]}"))
                .willReturn(okJson("{\"id\":\"" + ADELE_ID + "\",\"accountEnabled\":false,\"assignedLicenses\":[]}")));
        server.stubFor(post(urlEqualTo("/v1.0/users/offboarding@contoso.com/sendMail"))
                .withRequestBody(matchingJsonPath("$.message.toRecipients[0].emailAddress.address", containing("@")))
                .willReturn(aResponse().withStatus(202)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notFound(String what) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource '" + what
                        + "' does not exist or one of its queried reference-property objects are not present.\","
                        + "\"innerError\":{\"date\":\"2026-11-25T10:00:00\",\"request-id\":\"3b0c5f1e-0000-0000-0000-000000000000\"}}}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
