package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.offboarding.tenant.graph.GraphContract.cmdlet;
import static dev.offboarding.tenant.graph.GraphContract.cmdletCalled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.offboarding.tenant.MailFolder;
import dev.offboarding.tenant.MailboxInfo;
import dev.offboarding.tenant.MailboxType;
import dev.offboarding.tenant.MessageRef;
import dev.offboarding.tenant.TenantException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes: settings through Exchange Online cmdlets (the admin API behind the Exchange Online PowerShell module),
 * folders and messages through Microsoft Graph.
 */
class GraphMailboxesContractTest {

    private static final String UPN = "adele.vance@contoso.com";
    private static final String DELEGATE = "diego.siciliani@contoso.com";
    private static final String IDENTITY = """
            {"Identity":"adele.vance@contoso.com"}""";
    private static final String INBOX = "AQMkADYAAAIBDAAAAA==";
    private static final String FOLDERS = "/v1.0/users/adele.vance@contoso.com/mailFolders?includeHiddenFolders=true&$top=100";

    private final GraphContract contract = new GraphContract();
    private final GraphMailboxes mailboxes = contract.mailboxes();

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void findMailboxCombinesTheMailboxAndItsStatistics() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(mailbox("UserMailbox", "\"smtp:alex@fabrikam.com\""))));
        contract.server.stubFor(cmdlet("Get-MailboxStatistics").willReturn(okJson(exchangeOutput("""
                {"DisplayName":"Adele Vance","ItemCount":24,"TotalItemSize":"1.234 GB (1,325,420,544 bytes)"}"""))));

        MailboxInfo mailbox = mailboxes.findMailbox(UPN).orElseThrow();

        assertThat(mailbox).isEqualTo(new MailboxInfo(UPN, "Adele Vance", MailboxType.UserMailbox, UPN,
                List.of("adele@contoso.com"), "alex@fabrikam.com", 1_325_420_544L, 24, false, false));
        assertThat(mailbox.forwardingEnabled()).isTrue();
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Get-MailboxStatistics");
        contract.server.verify(1, cmdletCalled("Get-Mailbox", IDENTITY));
        contract.server.verify(1, cmdletCalled("Get-MailboxStatistics", IDENTITY));
    }

    @Test
    void aSharedMailboxWithArchiveAndHoldAndNoForwarding() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(exchangeOutput("""
                {"DisplayName":"Adele Vance","RecipientTypeDetails":"SharedMailbox",
                 "PrimarySmtpAddress":"adele.vance@contoso.com","EmailAddresses":["SMTP:adele.vance@contoso.com"],
                 "ForwardingSmtpAddress":null,"ForwardingAddress":null,"DeliverToMailboxAndForward":false,
                 "ArchiveStatus":"Active","ArchiveGuid":"9f6cbd3f-6e06-4e0b-9a1a-2d8c62f0e3b1",
                 "LitigationHoldEnabled":true}"""))));
        contract.server.stubFor(cmdlet("Get-MailboxStatistics").willReturn(okJson(exchangeOutput("""
                {"DisplayName":"Adele Vance","ItemCount":120345,"TotalItemSize":"52.5 GB (56,371,445,760 bytes)"}"""))));

        MailboxInfo mailbox = mailboxes.findMailbox(UPN).orElseThrow();

        assertThat(mailbox.type()).isEqualTo(MailboxType.SharedMailbox);
        assertThat(mailbox.aliases()).isEmpty();
        assertThat(mailbox.forwardingAddress()).isNull();
        assertThat(mailbox.archiveEnabled()).isTrue();
        assertThat(mailbox.litigationHoldEnabled()).isTrue();
        assertThat(mailbox.totalItemSizeBytes()).isEqualTo(56_371_445_760L);
        assertThat(mailbox.itemCount()).isEqualTo(120_345);
        assertThat(mailbox.over50Gb()).isTrue();
    }

    @Test
    void findMailboxIsEmptyWhenExchangeCannotFindIt() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(exchangeNotFound()));

        assertThat(mailboxes.findMailbox(UPN)).isEmpty();
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    @Test
    void listFoldersWalksEveryPageAndChildFolderButNoSearchFolder() {
        String secondPage = FOLDERS + "&$skip=100";
        contract.server.stubFor(get(urlEqualTo(FOLDERS)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('adele.vance%%40contoso.com')/mailFolders",
                 "@odata.nextLink":"%s",
                 "value":[
                   {"id":"AQMkADYAAAIBDAAAAA==","displayName":"Inbox","parentFolderId":"AQMkADYAAAIBCAAAAA==",
                    "childFolderCount":1,"unreadItemCount":70,"totalItemCount":71,"isHidden":false},
                   {"@odata.type":"#microsoft.graph.mailSearchFolder","id":"AQMkADYAAAIBLgAAAA==",
                    "displayName":"Unread Mail","parentFolderId":"AQMkADYAAAIBCAAAAA==","childFolderCount":1,
                    "unreadItemCount":70,"totalItemCount":70,"isHidden":false,"isSupported":true,
                    "includeNestedFolders":true,"sourceFolderIds":["AQMkADYAAAIBDAAAAA=="],
                    "filterQuery":"isRead eq false"}]}""".formatted(contract.url() + secondPage))));
        contract.server.stubFor(get(urlEqualTo(secondPage)).willReturn(okJson("""
                {"value":[{"id":"AQMkADYAAAIBCQAAAA==","displayName":"Sent Items","parentFolderId":"AQMkADYAAAIBCAAAAA==",
                           "childFolderCount":0,"unreadItemCount":0,"totalItemCount":12,"isHidden":false}]}""")));
        contract.server.stubFor(get(urlEqualTo(childFolders(INBOX))).willReturn(okJson("""
                {"value":[{"id":"AAMkADYAAAIBDAAAAB8AAAA=","displayName":"Projects","parentFolderId":"AQMkADYAAAIBDAAAAA==",
                           "childFolderCount":1,"unreadItemCount":0,"totalItemCount":5,"isHidden":false}]}""")));
        contract.server.stubFor(get(urlEqualTo(childFolders("AAMkADYAAAIBDAAAAB8AAAA="))).willReturn(okJson("""
                {"value":[{"id":"AAMkADYAAAIBDAAAAB9AAAA=","displayName":"2026","parentFolderId":"AAMkADYAAAIBDAAAAB8AAAA=",
                           "childFolderCount":0,"unreadItemCount":0,"totalItemCount":2,"isHidden":true}]}""")));

        List<MailFolder> folders = mailboxes.listFolders(UPN);

        assertThat(folders).containsExactly(
                new MailFolder(INBOX, "Inbox", 71),
                new MailFolder("AAMkADYAAAIBDAAAAB8AAAA=", "Inbox/Projects", 5),
                new MailFolder("AAMkADYAAAIBDAAAAB9AAAA=", "Inbox/Projects/2026", 2),
                new MailFolder("AQMkADYAAAIBCQAAAA==", "Sent Items", 12));
        assertThat(contract.requests()).containsExactly("GET " + FOLDERS, "GET " + secondPage,
                "GET " + childFolders(INBOX), "GET " + childFolders("AAMkADYAAAIBDAAAAB8AAAA="));
        contract.server.verify(4, getRequestedFor(anyUrl())
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void forEachMessageFollowsTheNextLinkThroughEveryPage() {
        String first = "/v1.0/users/adele.vance@contoso.com/mailFolders/" + INBOX + "/messages?$select=id&$top=100";
        String second = first + "&$skip=100";
        contract.server.stubFor(get(urlEqualTo(first)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('adele.vance%%40contoso.com')/mailFolders('AQMkADYAAAIBDAAAAA%%3D%%3D')/messages(id)",
                 "value":[{"@odata.etag":"W/\\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAw+0i5\\"","id":"AAMkAGUAAAwTW09AAA="},
                          {"@odata.etag":"W/\\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAw+0i6\\"","id":"AAMkAGUAAAwTW09BBB="}],
                 "@odata.nextLink":"%s"}""".formatted(contract.url() + second))));
        contract.server.stubFor(get(urlEqualTo(second)).willReturn(okJson("""
                {"value":[{"@odata.etag":"W/\\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAw+0i7\\"","id":"AAMkAGUAAAwTW09CCC="}]}""")));

        List<MessageRef> messages = new ArrayList<>();
        mailboxes.forEachMessage(UPN, INBOX, messages::add);

        assertThat(messages).containsExactly(new MessageRef("AAMkAGUAAAwTW09AAA=", INBOX),
                new MessageRef("AAMkAGUAAAwTW09BBB=", INBOX), new MessageRef("AAMkAGUAAAwTW09CCC=", INBOX));
        assertThat(contract.requests()).containsExactly("GET " + first, "GET " + second);
        contract.server.verify(2, getRequestedFor(anyUrl()).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void copyMimeContentStreamsTheRawMessageUnchanged() throws Exception {
        String messageId = "AAMkADYAAAIBDAAAAAkAAABrmZBMaXzTRLT-UM1C_6TpAAAE5qEYAAA=";
        String url = "/v1.0/users/adele.vance@contoso.com/messages/" + messageId + "/$value";
        byte[] mime = ("""
                From: Adele Vance <adele.vance@contoso.com>\r
                To: Diego Siciliani <diego.siciliani@contoso.com>\r
                Subject: =?utf-8?B?w5xiZXJnYWJl?=\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset="utf-8"\r
                Content-Transfer-Encoding: 8bit\r
                \r
                Grüße aus München\r
                """).getBytes(StandardCharsets.UTF_8);
        contract.server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(mime)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mailboxes.copyMimeContent(UPN, messageId, out);

        assertThat(out.toByteArray()).isEqualTo(mime);
        // $value is the message itself, not JSON: the request asks for no media type, as Microsoft's example does.
        contract.server.verify(1, getRequestedFor(urlEqualTo(url)).withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Accept", absent()));
    }

    @Test
    void convertToSharedWaitsUntilExchangeReportsASharedMailbox() {
        contract.server.stubFor(cmdlet("Get-Mailbox").inScenario("conversion").whenScenarioStateIs(STARTED)
                .willReturn(okJson(mailbox("UserMailbox", "null"))));
        contract.server.stubFor(cmdlet("Set-Mailbox").inScenario("conversion").whenScenarioStateIs(STARTED)
                .willReturn(okJson(noOutput())).willSetStateTo("converting"));
        contract.server.stubFor(cmdlet("Get-Mailbox").inScenario("conversion").whenScenarioStateIs("converting")
                .willReturn(okJson(mailbox("UserMailbox", "null"))).willSetStateTo("converted"));
        contract.server.stubFor(cmdlet("Get-Mailbox").inScenario("conversion").whenScenarioStateIs("converted")
                .willReturn(okJson(mailbox("SharedMailbox", "null"))));

        mailboxes.convertToShared(UPN);

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Set-Mailbox", "Get-Mailbox", "Get-Mailbox");
        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com","Type":"Shared"}"""));
        contract.server.verify(3, cmdletCalled("Get-Mailbox", IDENTITY));
        assertThat(contract.waits).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void convertToSharedGivesUpWhenExchangeNeverFinishesWithinTheWait() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(mailbox("UserMailbox", "null"))));
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(okJson(noOutput())));

        long started = System.nanoTime();
        assertThatThrownBy(() -> mailboxes.convertToShared(UPN)).isInstanceOf(TenantException.class)
                .hasMessageContaining("has not finished converting the mailbox of adele.vance@contoso.com")
                .hasMessageContaining("after 2 s");
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(elapsed).isGreaterThanOrEqualTo(2000);
        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com","Type":"Shared"}"""));
        assertThat(contract.waits).hasSizeGreaterThanOrEqualTo(5).allMatch(Duration.ofMillis(200)::equals);
    }

    @Test
    void convertToSharedOfASharedMailboxSendsNoSetMailbox() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(mailbox("SharedMailbox", "null"))));

        mailboxes.convertToShared(UPN);

        assertThat(contract.cmdlets()).doesNotContain("Set-Mailbox").contains("Get-Mailbox");
        assertThat(contract.waits).isEmpty();
    }

    @Test
    void grantFullAccessAddsThePermissionWhenTheDelegateHasNone() {
        contract.server.stubFor(cmdlet("Get-MailboxPermission").willReturn(okJson(noOutput())));
        contract.server.stubFor(cmdlet("Add-MailboxPermission").willReturn(okJson(exchangeOutput("""
                {"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com","AccessRights":["FullAccess"],
                 "IsInherited":false,"Deny":false}"""))));

        mailboxes.grantFullAccess(UPN, DELEGATE);

        assertThat(contract.cmdlets()).containsExactly("Get-MailboxPermission", "Add-MailboxPermission");
        contract.server.verify(1, cmdletCalled("Get-MailboxPermission", """
                {"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com"}"""));
        contract.server.verify(1, cmdletCalled("Add-MailboxPermission", """
                {"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com","AccessRights":["FullAccess"],
                 "InheritanceType":"All","AutoMapping":true}"""));
    }

    @Test
    void grantFullAccessDoesNothingWhenTheDelegateAlreadyHasIt() {
        contract.server.stubFor(cmdlet("Get-MailboxPermission").willReturn(okJson(exchangeOutput("""
                {"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com","AccessRights":["FullAccess"],
                 "IsInherited":false,"Deny":false}"""))));

        mailboxes.grantFullAccess(UPN, DELEGATE);

        assertThat(contract.cmdlets()).containsExactly("Get-MailboxPermission");
    }

    @Test
    void aPermissionOnTheSecondPageOfOutputCountsToo() {
        String next = contract.url() + GraphContract.EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D";
        contract.server.stubFor(cmdlet("Get-MailboxPermission").willReturn(okJson("""
                {"@odata.context":"https://outlook.office.com/adminapi/beta/%s/$metadata#Collection(Exchange.GenericHashTable)",
                 "@odata.nextLink":"%s",
                 "value":[{"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com",
                           "AccessRights":["ReadPermission"],"IsInherited":false,"Deny":false}]}"""
                .formatted(GraphContract.TENANT, next))));
        contract.server.stubFor(post(urlEqualTo(GraphContract.EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D"))
                .willReturn(okJson(exchangeOutput("""
                        {"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com",
                         "AccessRights":["FullAccess"],"IsInherited":false,"Deny":false}"""))));

        mailboxes.grantFullAccess(UPN, DELEGATE);

        assertThat(contract.requests()).containsExactly("POST " + GraphContract.EXCHANGE_PATH,
                "POST " + GraphContract.EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D");
        contract.server.verify(postRequestedFor(urlEqualTo(GraphContract.EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D"))
                .withHeader("X-CmdletName", equalTo("Get-MailboxPermission"))
                .withRequestBody(equalToJson("""
                        {"CmdletInput":{"CmdletName":"Get-MailboxPermission",
                         "Parameters":{"Identity":"adele.vance@contoso.com","User":"diego.siciliani@contoso.com"}}}""")));
    }

    @Test
    void setDisplayNameRenamesTheMailboxsUser() {
        stubDisplayName("Adele Vance");
        contract.server.stubFor(patch(urlEqualTo("/v1.0/users/adele.vance@contoso.com")).willReturn(noContent()));

        mailboxes.setDisplayName(UPN, "Adele Vance (left Contoso)");

        assertThat(contract.requests()).containsExactly("GET /v1.0/users/adele.vance@contoso.com?$select=id,displayName",
                "PATCH /v1.0/users/adele.vance@contoso.com");
        contract.server.verify(patchRequestedFor(urlEqualTo("/v1.0/users/adele.vance@contoso.com"))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withRequestBody(equalToJson("""
                        {"displayName":"Adele Vance (left Contoso)"}""")));
    }

    @Test
    void setDisplayNameToTheCurrentNameSendsNoPatch() {
        stubDisplayName("Adele Vance (left Contoso)");

        mailboxes.setDisplayName(UPN, "Adele Vance (left Contoso)");

        assertThat(contract.requests()).containsExactly("GET /v1.0/users/adele.vance@contoso.com?$select=id,displayName");
    }

    @Test
    void setAutoRepliesForEveryone() {
        contract.server.stubFor(cmdlet("Set-MailboxAutoReplyConfiguration").willReturn(okJson(noOutput())));

        mailboxes.setAutoReplies(UPN, "Adele has left Contoso. Please write to Diego.", "Adele has left Contoso.");

        contract.server.verify(1, cmdletCalled("Set-MailboxAutoReplyConfiguration", """
                {"Identity":"adele.vance@contoso.com","AutoReplyState":"Enabled",
                 "InternalMessage":"Adele has left Contoso. Please write to Diego.",
                 "ExternalMessage":"Adele has left Contoso.","ExternalAudience":"All"}"""));
    }

    @Test
    void setAutoRepliesWithoutExternalTextAnswersNoOneOutside() {
        contract.server.stubFor(cmdlet("Set-MailboxAutoReplyConfiguration").willReturn(okJson(noOutput())));

        mailboxes.setAutoReplies(UPN, "Adele has left Contoso. Please write to Diego.", " ");

        contract.server.verify(1, cmdletCalled("Set-MailboxAutoReplyConfiguration", """
                {"Identity":"adele.vance@contoso.com","AutoReplyState":"Enabled",
                 "InternalMessage":"Adele has left Contoso. Please write to Diego.",
                 "ExternalMessage":null,"ExternalAudience":"None"}"""));
    }

    @Test
    void removeAliasesRemovesTheSecondarySmtpAddressesOnly() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(exchangeOutput("""
                {"DisplayName":"Adele Vance","RecipientTypeDetails":"SharedMailbox",
                 "PrimarySmtpAddress":"adele.vance@contoso.com",
                 "EmailAddresses":["SPO:SPO_3b5cf0a7-6b0a-4f5b-9e1e-2c8a2d0b9f11@SPO_4a5d8f65-41da-4de4-8968-e035b65339cf",
                                   "SIP:adele.vance@contoso.com","smtp:adele@contoso.com","smtp:a.vance@contoso.com",
                                   "SMTP:adele.vance@contoso.com"]}"""))));
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(okJson(noOutput())));

        List<String> removed = mailboxes.removeAliases(UPN);

        assertThat(removed).containsExactly("adele@contoso.com", "a.vance@contoso.com");
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Set-Mailbox");
        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com",
                 "EmailAddresses":{"@odata.type":"#Exchange.GenericHashTable",
                                   "Remove":["smtp:adele@contoso.com","smtp:a.vance@contoso.com"]}}"""));
    }

    @Test
    void removeAliasesWithoutAliasesSendsNoSetMailbox() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(exchangeOutput("""
                {"DisplayName":"Adele Vance","RecipientTypeDetails":"SharedMailbox",
                 "PrimarySmtpAddress":"adele.vance@contoso.com",
                 "EmailAddresses":["SIP:adele.vance@contoso.com","SMTP:adele.vance@contoso.com"]}"""))));

        assertThat(mailboxes.removeAliases(UPN)).isEmpty();
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    @Test
    void anAdminApiErrorInASuccessfulAnswerFails() {
        contract.server.stubFor(cmdlet("Set-MailboxAutoReplyConfiguration").willReturn(okJson("""
                {"@odata.context":"https://outlook.office.com/adminapi/beta/%s/$metadata#Collection(Exchange.GenericHashTable)",
                 "adminapi.warnings@odata.type":"#Collection(String)","@adminapi.warnings":[],
                 "adminapi.errors@odata.type":"#Collection(String)",
                 "@adminapi.errors":["The automatic reply message is longer than the 128 KB Exchange allows."],
                 "value":[]}""".formatted(GraphContract.TENANT))));

        assertThatThrownBy(() -> mailboxes.setAutoReplies(UPN, "Bye", null)).isInstanceOf(TenantException.class)
                .hasMessageContaining("Set-MailboxAutoReplyConfiguration")
                .hasMessageContaining("longer than the 128 KB Exchange allows");
    }

    @Test
    void anAdminApiErrorGivenAsAnObjectKeepsItsText() {
        contract.server.stubFor(cmdlet("Set-MailboxAutoReplyConfiguration").willReturn(okJson("""
                {"@adminapi.warnings":[],
                 "@adminapi.errors":[{"message":"The mailbox is on hold and cannot be changed.","category":"InvalidOperation"}],
                 "value":[]}""")));

        assertThatThrownBy(() -> mailboxes.setAutoReplies(UPN, "Bye", null)).isInstanceOf(TenantException.class)
                .hasMessageContaining("The mailbox is on hold and cannot be changed.");
    }

    @Test
    void a403WithoutABodyNamesTheExchangePermission() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(aResponse().withStatus(403).withBody(new byte[64])));

        assertThatThrownBy(() -> mailboxes.findMailbox(UPN)).isInstanceOf(TenantException.class)
                .hasMessageContaining("(403)")
                .hasMessageContaining("Exchange.ManageAsApp")
                .hasMessageContaining("Exchange Administrator");
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    @Test
    void exchangeErrorsAreReadFromTheirDetails() {
        contract.server.stubFor(cmdlet("Get-MailboxPermission").willReturn(exchangeNotFound()));
        contract.server.stubFor(cmdlet("Add-MailboxPermission").willReturn(exchangeNotFound()));

        assertThatThrownBy(() -> mailboxes.grantFullAccess(UPN, DELEGATE))
                .isInstanceOf(TenantHttp.CallFailedException.class)
                .hasMessageContaining("404 ManagementObjectNotFoundException: The operation couldn't be performed")
                .satisfies(e -> assertThat(((TenantHttp.CallFailedException) e).code())
                        .isEqualTo("ManagementObjectNotFoundException"));
        assertThat(contract.cmdlets()).containsExactly("Get-MailboxPermission", "Add-MailboxPermission");
    }

    private void stubDisplayName(String displayName) {
        contract.server.stubFor(get(urlEqualTo("/v1.0/users/adele.vance@contoso.com?$select=id,displayName"))
                .willReturn(okJson("""
                        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)/$entity",
                         "id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"%s"}""".formatted(displayName))));
    }

    private static String childFolders(String folderId) {
        return "/v1.0/users/adele.vance@contoso.com/mailFolders/" + folderId + "/childFolders?includeHiddenFolders=true&$top=100";
    }

    /** Get-Mailbox output for Adele, of the given type and forwarding (a JSON value). */
    private static String mailbox(String recipientTypeDetails, String forwardingSmtpAddress) {
        return exchangeOutput("""
                {"DisplayName":"Adele Vance","RecipientTypeDetails":"%s",
                 "PrimarySmtpAddress":"adele.vance@contoso.com",
                 "EmailAddresses":["SPO:SPO_3b5cf0a7-6b0a-4f5b-9e1e-2c8a2d0b9f11@SPO_4a5d8f65-41da-4de4-8968-e035b65339cf",
                                   "SIP:adele.vance@contoso.com","smtp:adele@contoso.com","SMTP:adele.vance@contoso.com"],
                 "ForwardingSmtpAddress":%s,"ForwardingAddress":null,"DeliverToMailboxAndForward":false,
                 "ArchiveStatus":"None","ArchiveGuid":"00000000-0000-0000-0000-000000000000",
                 "LitigationHoldEnabled":false,
                 "ExchangeGuid@odata.type":"#Guid","ExchangeGuid":"2be9c5a1-4f7e-4c43-9d1e-8f6b2a3c4d5e"}"""
                .formatted(recipientTypeDetails, forwardingSmtpAddress));
    }

    /** InvokeCommand's answer: the cmdlet's output objects in "value". */
    private static String exchangeOutput(String... objects) {
        return """
                {"@odata.context":"https://outlook.office.com/adminapi/beta/%s/$metadata#Collection(Exchange.GenericHashTable)",
                 "adminapi.warnings@odata.type":"#Collection(String)","@adminapi.warnings":[],
                 "value":[%s]}""".formatted(GraphContract.TENANT, String.join(",", objects));
    }

    /** A cmdlet that outputs nothing, like Set-Mailbox. */
    private static String noOutput() {
        return """
                {"value":[],"@adminapi.warnings":[]}""";
    }

    private static ResponseDefinitionBuilder exchangeNotFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"NotFound","message":"Error executing cmdlet",
                 "details":[{"code":"Client","target":"",
                   "message":"Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'adele.vance@contoso.com' couldn't be found on 'AM0PR01A002DC01.EURPRD01.PROD.OUTLOOK.COM'."}],
                 "innererror":{"message":"Error executing cmdlet","type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException",
                   "stacktrace":"","internalexception":{"message":"Exception of type 'Microsoft.Exchange.Management.PSDirectInvoke.DirectInvokeCmdletExecutionException' was thrown.","type":"Microsoft.Exchange.Management.PSDirectInvoke.DirectInvokeCmdletExecutionException","stacktrace":""}}}}""");
    }
}
