package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.offboarding.tenant.graph.GraphContract.EXCHANGE_PATH;
import static dev.offboarding.tenant.graph.GraphContract.cmdlet;
import static dev.offboarding.tenant.graph.GraphContract.cmdletCalled;
import static dev.offboarding.tenant.graph.GraphContract.exchangeNoOutput;
import static dev.offboarding.tenant.graph.GraphContract.exchangeNotFound;
import static dev.offboarding.tenant.graph.GraphContract.exchangeOutput;
import static dev.offboarding.tenant.graph.GraphContract.graphForbidden;
import static dev.offboarding.tenant.graph.GraphContract.graphNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.offboarding.tenant.InboxRule;
import dev.offboarding.tenant.MailboxRight;
import dev.offboarding.tenant.MailboxRight.Right;
import dev.offboarding.tenant.MobileDevice;
import dev.offboarding.tenant.TenantException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leaver checklist in the mailbox: address lists, forwarding, mobile devices and rights on other mailboxes through
 * Exchange Online cmdlets, Inbox rules through Microsoft Graph.
 */
class GraphMailboxCleanUpContractTest {

    private static final String UPN = "adele.vance@contoso.com";
    private static final String MEGAN = "megan.bowen@contoso.com";
    private static final String DIEGO = "diego.siciliani@contoso.com";
    private static final String RULES = "/v1.0/users/adele.vance@contoso.com/mailFolders/inbox/messageRules";
    private static final String IDENTITY = """
            {"Identity":"adele.vance@contoso.com"}""";

    private final GraphContract contract = new GraphContract();
    private final GraphMailboxes mailboxes = contract.mailboxes();

    @AfterEach
    void stop() {
        contract.close();
    }

    // --- address lists --------------------------------------------------------------------------------------------

    @Test
    void hideFromAddressListsSetsHiddenFromAddressListsEnabled() {
        stubMailbox("\"HiddenFromAddressListsEnabled\":false,\"IsDirSynced\":false");
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(okJson(exchangeNoOutput())));

        mailboxes.hideFromAddressLists(UPN);

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Set-Mailbox");
        contract.server.verify(1, cmdletCalled("Get-Mailbox", IDENTITY));
        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com","HiddenFromAddressListsEnabled":true}"""));
    }

    @Test
    void aMailboxAlreadyHiddenIsLeftAsItIs() {
        stubMailbox("\"HiddenFromAddressListsEnabled\":true,\"IsDirSynced\":false");

        mailboxes.hideFromAddressLists(UPN);

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    @Test
    void aSyncedUserIsHiddenOnPremises() {
        stubMailbox("\"HiddenFromAddressListsEnabled\":false,\"IsDirSynced\":true");

        assertThatThrownBy(() -> mailboxes.hideFromAddressLists(UPN)).isInstanceOf(TenantException.class)
                .hasMessageContaining("synced from on-premises Active Directory")
                .hasMessageContaining("msExchHideFromAddressLists");
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    @Test
    void a403WhenHidingNamesTheExchangePermission() {
        stubMailbox("\"HiddenFromAddressListsEnabled\":false,\"IsDirSynced\":false");
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(aResponse().withStatus(403).withBody(new byte[8])));

        assertThatThrownBy(() -> mailboxes.hideFromAddressLists(UPN)).isInstanceOf(TenantException.class)
                .hasMessageContaining("hide the mailbox from the address lists (403)")
                .hasMessageContaining("Exchange.ManageAsApp");
    }

    // --- forwarding -----------------------------------------------------------------------------------------------

    @Test
    void setForwardingForwardsToTheAddressAndKeepsACopy() {
        stubMailbox("\"ForwardingSmtpAddress\":null,\"ForwardingAddress\":null,\"DeliverToMailboxAndForward\":false");
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(okJson(exchangeNoOutput())));

        mailboxes.setForwarding(UPN, DIEGO);

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Set-Mailbox");
        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com","ForwardingSmtpAddress":"smtp:diego.siciliani@contoso.com",
                 "DeliverToMailboxAndForward":true}"""));
    }

    @Test
    void forwardingThatIsSetAlreadyIsLeftAsItIs() {
        stubMailbox("\"ForwardingSmtpAddress\":\"smtp:Diego.Siciliani@contoso.com\",\"ForwardingAddress\":null,"
                + "\"DeliverToMailboxAndForward\":true");

        mailboxes.setForwarding(UPN, DIEGO);

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    @Test
    void forwardingToARecipientIsClearedSoThatTheAddressCounts() {
        stubMailbox("\"ForwardingSmtpAddress\":null,\"ForwardingAddress\":\"Alex Wilber\",\"DeliverToMailboxAndForward\":true");
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(okJson(exchangeNoOutput())));

        mailboxes.setForwarding(UPN, DIEGO);

        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com","ForwardingSmtpAddress":"smtp:diego.siciliani@contoso.com",
                 "DeliverToMailboxAndForward":true,"ForwardingAddress":null}"""));
    }

    @Test
    void stopForwardingClearsBothForwardings() {
        stubMailbox("\"ForwardingSmtpAddress\":\"smtp:alex@fabrikam.com\",\"ForwardingAddress\":null,"
                + "\"DeliverToMailboxAndForward\":false");
        contract.server.stubFor(cmdlet("Set-Mailbox").willReturn(okJson(exchangeNoOutput())));

        mailboxes.setForwarding(UPN, null);

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Set-Mailbox");
        contract.server.verify(1, cmdletCalled("Set-Mailbox", """
                {"Identity":"adele.vance@contoso.com","ForwardingSmtpAddress":null,"ForwardingAddress":null}"""));
    }

    @Test
    void stopForwardingWhenNothingForwardsSendsNoSetMailbox() {
        stubMailbox("\"ForwardingSmtpAddress\":null,\"ForwardingAddress\":null,\"DeliverToMailboxAndForward\":false");

        mailboxes.setForwarding(UPN, " ");

        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox");
    }

    // --- Inbox rules ----------------------------------------------------------------------------------------------

    @Test
    void inboxRulesAreReadPageByPage() {
        String second = RULES + "?$skip=2";
        contract.server.stubFor(get(urlEqualTo(RULES)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('adele.vance%%40contoso.com')/mailFolders('inbox')/messageRules",
                 "@odata.nextLink":"%s",
                 "value":[
                   {"id":"AQAAAJ5dZp8=","displayName":"Remove spam","sequence":1,"isEnabled":true,"hasError":false,
                    "isReadOnly":false,"conditions":{"subjectContains":["enter to win"]},
                    "actions":{"delete":true,"stopProcessingRules":true}},
                   {"id":"AQAAAJ5dZqA=","displayName":"From partner","sequence":2,"isEnabled":true,"hasError":false,
                    "isReadOnly":false,"conditions":{"senderContains":["ADELE"]},
                    "actions":{"stopProcessingRules":true,"forwardTo":[{"emailAddress":{"name":"Alex Wilbur",
                               "address":"AlexW@contoso.onmicrosoft.com"}}]}}]}""".formatted(contract.url() + second))));
        contract.server.stubFor(get(urlEqualTo(second)).willReturn(okJson("""
                {"value":[{"id":"AQAAAJ5dZqB=","displayName":"Invoices to Diego","sequence":3,"isEnabled":true,
                  "hasError":false,"isReadOnly":false,"conditions":{"subjectContains":["invoice"]},
                  "actions":{"redirectTo":[{"emailAddress":{"name":"Diego Siciliani","address":"diego.siciliani@contoso.com"}}]}}]}""")));

        assertThat(mailboxes.inboxRules(UPN)).containsExactly(new InboxRule("AQAAAJ5dZp8=", "Remove spam"),
                new InboxRule("AQAAAJ5dZqA=", "From partner"), new InboxRule("AQAAAJ5dZqB=", "Invoices to Diego"));
        assertThat(contract.requests()).containsExactly("GET " + RULES, "GET " + second);
        contract.server.verify(2, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void removeInboxRuleDeletesIt() {
        contract.server.stubFor(delete(urlEqualTo(RULES + "/AQAAAJ5dZqA=")).willReturn(noContent()));

        mailboxes.removeInboxRule(UPN, new InboxRule("AQAAAJ5dZqA=", "From partner"));

        assertThat(contract.requests()).containsExactly("DELETE " + RULES + "/AQAAAJ5dZqA=");
        contract.server.verify(deleteRequestedFor(urlEqualTo(RULES + "/AQAAAJ5dZqA="))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void aRuleAlreadyDeletedIsFine() {
        contract.server.stubFor(delete(urlEqualTo(RULES + "/AQAAAJ5dZqA=")).willReturn(graphNotFound("ErrorItemNotFound",
                "The specified object was not found in the store.")));

        mailboxes.removeInboxRule(UPN, new InboxRule("AQAAAJ5dZqA=", "From partner"));

        assertThat(contract.requests()).containsExactly("DELETE " + RULES + "/AQAAAJ5dZqA=");
    }

    @Test
    void a403NamesTheMailboxSettingsPermissions() {
        contract.server.stubFor(get(urlEqualTo(RULES)).willReturn(graphForbidden()));
        contract.server.stubFor(delete(anyUrl()).willReturn(graphForbidden()));

        assertThatThrownBy(() -> mailboxes.inboxRules(UPN)).isInstanceOf(TenantException.class)
                .hasMessageContaining("read the rules of the Inbox (403")
                .hasMessageContaining("MailboxSettings.Read");
        assertThatThrownBy(() -> mailboxes.removeInboxRule(UPN, new InboxRule("AQAAAJ5dZqA=", "From partner")))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("delete the Inbox rule From partner (403")
                .hasMessageContaining("application permission MailboxSettings.ReadWrite");
    }

    // --- mobile devices -------------------------------------------------------------------------------------------

    @Test
    void mobileDevicesAreTheMailboxsDevicePartnerships() {
        contract.server.stubFor(cmdlet("Get-MobileDevice").willReturn(okJson(exchangeOutput("""
                {"FriendlyName":"Adele's iPhone 15","DeviceId":"F1A2B3C4D5E6","DeviceModel":"iPhone15C2",
                 "DeviceType":"iPhone","DeviceOS":"iOS 17.4","ClientType":"EAS",
                 "Identity":"Adele Vance\\\\ExchangeActiveSyncDevices\\\\iPhone§F1A2B3C4D5E6",
                 "Guid":"5f1d3c2b-7a8e-4b9c-a1d2-e3f4a5b6c7d8"}""", """
                {"FriendlyName":null,"DeviceId":"5eec4e941e0748a264512fd83770d5ac","DeviceModel":"Outlook for Android",
                 "DeviceType":"Outlook","DeviceOS":"Android 14","ClientType":"REST",
                 "Identity":"Adele Vance\\\\ExchangeActiveSyncDevices\\\\REST§Outlook§5eec4e941e0748a264512fd83770d5ac",
                 "Guid":"6a2e4d3c-8b9f-4c0d-b2e3-f4a5b6c7d8e9"}"""))));

        assertThat(mailboxes.mobileDevices(UPN)).containsExactly(
                new MobileDevice("Adele Vance\\ExchangeActiveSyncDevices\\iPhone§F1A2B3C4D5E6", "Adele's iPhone 15"),
                new MobileDevice("Adele Vance\\ExchangeActiveSyncDevices\\REST§Outlook§5eec4e941e0748a264512fd83770d5ac",
                        "Outlook for Android"));
        contract.server.verify(1, cmdletCalled("Get-MobileDevice", """
                {"Mailbox":"adele.vance@contoso.com"}"""));
    }

    @Test
    void removeMobileDeviceRemovesThePartnershipWithoutAPrompt() {
        contract.server.stubFor(cmdlet("Remove-MobileDevice").willReturn(okJson(exchangeNoOutput())));

        mailboxes.removeMobileDevice(UPN, new MobileDevice("Adele Vance\\ExchangeActiveSyncDevices\\iPhone§F1A2B3C4D5E6",
                "Adele's iPhone 15"));

        contract.server.verify(1, cmdletCalled("Remove-MobileDevice", """
                {"Identity":"Adele Vance\\\\ExchangeActiveSyncDevices\\\\iPhone§F1A2B3C4D5E6","Confirm":false}"""));
    }

    @Test
    void aDeviceAlreadyRemovedIsFine() {
        contract.server.stubFor(cmdlet("Remove-MobileDevice").willReturn(exchangeNotFound("iPhone§F1A2B3C4D5E6")));

        mailboxes.removeMobileDevice(UPN, new MobileDevice("Adele Vance\\ExchangeActiveSyncDevices\\iPhone§F1A2B3C4D5E6",
                "Adele's iPhone 15"));

        assertThat(contract.cmdlets()).containsExactly("Remove-MobileDevice");
    }

    // --- rights on other mailboxes --------------------------------------------------------------------------------

    @Test
    void rightsOnOtherMailboxesReadEveryMailboxThenTheSendAsRights() {
        String next = contract.url() + EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D";
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson("""
                {"@odata.context":"https://outlook.office.com/adminapi/beta/%s/$metadata#Collection(Exchange.GenericHashTable)",
                 "@odata.nextLink":"%s",
                 "value":[%s,%s]}""".formatted(GraphContract.TENANT, next,
                mailboxListed("Adele Vance", "adele.vance", UPN, "UserMailbox"),
                mailboxListed("Megan Bowen", "megan.bowen", MEGAN, "UserMailbox")))));
        contract.server.stubFor(post(urlEqualTo(EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D"))
                .willReturn(okJson(exchangeOutput(mailboxListed("Diego Siciliani", "diego.siciliani", DIEGO, "UserMailbox"),
                        mailboxListed("Sales", "sales", "sales@contoso.com", "SharedMailbox")))));
        contract.server.stubFor(permissionsOn(MEGAN).willReturn(okJson(exchangeOutput("""
                {"Identity":"Megan Bowen","User":"adele.vance@contoso.com","AccessRights":["FullAccess"],
                 "IsInherited":false,"Deny":false,"InheritanceType":"All"}"""))));
        contract.server.stubFor(permissionsOn(DIEGO).willReturn(okJson(exchangeNoOutput())));
        contract.server.stubFor(permissionsOn("sales@contoso.com").willReturn(okJson(exchangeOutput("""
                {"Identity":"Sales","User":"adele.vance@contoso.com","AccessRights":["FullAccess"],
                 "IsInherited":true,"Deny":false,"InheritanceType":"All"}"""))));
        contract.server.stubFor(cmdlet("Get-RecipientPermission").willReturn(okJson(exchangeOutput("""
                {"Identity":"Megan Bowen","Trustee":"adele.vance@contoso.com","AccessControlType":"Allow",
                 "AccessRights":["SendAs"],"IsInherited":false,"InheritanceType":"None"}""", """
                {"Identity":"Retail newsletter","Trustee":"adele.vance@contoso.com","AccessControlType":"Allow",
                 "AccessRights":["SendAs"],"IsInherited":false,"InheritanceType":"None"}"""))));

        assertThat(mailboxes.rightsOnOtherMailboxes(UPN)).containsExactly(
                new MailboxRight(MEGAN, Right.FullAccess),
                new MailboxRight(MEGAN, Right.SendAs),
                new MailboxRight("Retail newsletter", Right.SendAs));
        String page = "POST " + EXCHANGE_PATH + "?$skiptoken=eyJQYWdlIjoxfQ%3D%3D";
        assertThat(contract.requests()).containsExactly("POST " + EXCHANGE_PATH, page, "POST " + EXCHANGE_PATH,
                "POST " + EXCHANGE_PATH, "POST " + EXCHANGE_PATH, "POST " + EXCHANGE_PATH);
        assertThat(contract.cmdlets()).containsExactly("Get-Mailbox", "Get-MailboxPermission", "Get-MailboxPermission",
                "Get-MailboxPermission", "Get-RecipientPermission");
        contract.server.verify(1, cmdletCalled("Get-Mailbox", """
                {"ResultSize":"Unlimited"}"""));
        // The module follows a page link by sending the same command to it.
        assertThat(contract.sent().get(1).getHeader("X-CmdletName")).isEqualTo("Get-Mailbox");
        assertThat(contract.sent().get(1).getBodyAsString()).isEqualTo(contract.sent().get(0).getBodyAsString());
        for (String other : new String[] {MEGAN, DIEGO, "sales@contoso.com"}) {
            contract.server.verify(1, cmdletCalled("Get-MailboxPermission", """
                    {"Identity":"%s","User":"adele.vance@contoso.com"}""".formatted(other)));
        }
        // Without ResultSize Exchange answers the first 1,000 Send As rights only.
        contract.server.verify(1, cmdletCalled("Get-RecipientPermission", """
                {"Trustee":"adele.vance@contoso.com","ResultSize":"Unlimited"}"""));
    }

    @Test
    void removeFullAccessTakesTheMailboxPermissionAway() {
        contract.server.stubFor(permissionsOn(MEGAN).willReturn(okJson(exchangeOutput("""
                {"Identity":"Megan Bowen","User":"adele.vance@contoso.com","AccessRights":["FullAccess"],
                 "IsInherited":false,"Deny":false,"InheritanceType":"All"}"""))));
        contract.server.stubFor(cmdlet("Remove-MailboxPermission").willReturn(okJson(exchangeNoOutput())));

        mailboxes.removeRightOnOtherMailbox(UPN, new MailboxRight(MEGAN, Right.FullAccess));

        assertThat(contract.cmdlets()).containsExactly("Get-MailboxPermission", "Remove-MailboxPermission");
        contract.server.verify(1, cmdletCalled("Remove-MailboxPermission", """
                {"Identity":"megan.bowen@contoso.com","User":"adele.vance@contoso.com","AccessRights":["FullAccess"],
                 "InheritanceType":"All","Confirm":false}"""));
    }

    @Test
    void aFullAccessAlreadyGoneOrOnAMailboxThatIsGoneIsFine() {
        contract.server.stubFor(permissionsOn(MEGAN).willReturn(okJson(exchangeNoOutput())));
        contract.server.stubFor(permissionsOn(DIEGO).willReturn(exchangeNotFound(DIEGO)));

        mailboxes.removeRightOnOtherMailbox(UPN, new MailboxRight(MEGAN, Right.FullAccess));
        mailboxes.removeRightOnOtherMailbox(UPN, new MailboxRight(DIEGO, Right.FullAccess));

        assertThat(contract.cmdlets()).containsExactly("Get-MailboxPermission", "Get-MailboxPermission");
    }

    @Test
    void removeSendAsTakesTheRecipientPermissionAway() {
        contract.server.stubFor(cmdlet("Get-RecipientPermission").willReturn(okJson(exchangeOutput("""
                {"Identity":"Megan Bowen","Trustee":"adele.vance@contoso.com","AccessControlType":"Allow",
                 "AccessRights":["SendAs"],"IsInherited":false,"InheritanceType":"None"}"""))));
        contract.server.stubFor(cmdlet("Remove-RecipientPermission").willReturn(okJson(exchangeNoOutput())));

        mailboxes.removeRightOnOtherMailbox(UPN, new MailboxRight(MEGAN, Right.SendAs));

        assertThat(contract.cmdlets()).containsExactly("Get-RecipientPermission", "Remove-RecipientPermission");
        contract.server.verify(1, cmdletCalled("Get-RecipientPermission", """
                {"Identity":"megan.bowen@contoso.com","Trustee":"adele.vance@contoso.com"}"""));
        contract.server.verify(1, cmdletCalled("Remove-RecipientPermission", """
                {"Identity":"megan.bowen@contoso.com","Trustee":"adele.vance@contoso.com","AccessRights":["SendAs"],
                 "Confirm":false}"""));
    }

    @Test
    void aSendAsAlreadyGoneIsFine() {
        contract.server.stubFor(cmdlet("Get-RecipientPermission").willReturn(okJson(exchangeNoOutput())));

        mailboxes.removeRightOnOtherMailbox(UPN, new MailboxRight(MEGAN, Right.SendAs));

        assertThat(contract.cmdlets()).containsExactly("Get-RecipientPermission");
    }

    @Test
    void a403WhenListingMailboxesNamesTheExchangePermission() {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(aResponse().withStatus(403).withBody(new byte[8])));

        assertThatThrownBy(() -> mailboxes.rightsOnOtherMailboxes(UPN)).isInstanceOf(TenantException.class)
                .hasMessageContaining("list the organization's mailboxes (403)")
                .hasMessageContaining("Exchange.ManageAsApp")
                .hasMessageContaining("Exchange Administrator");
    }

    private void stubMailbox(String properties) {
        contract.server.stubFor(cmdlet("Get-Mailbox").willReturn(okJson(exchangeOutput("""
                {"DisplayName":"Adele Vance","RecipientTypeDetails":"UserMailbox","UserPrincipalName":"adele.vance@contoso.com",
                 "PrimarySmtpAddress":"adele.vance@contoso.com",
                 "EmailAddresses":["SIP:adele.vance@contoso.com","SMTP:adele.vance@contoso.com"],%s}""".formatted(properties)))));
    }

    private static MappingBuilder permissionsOn(String mailbox) {
        return cmdlet("Get-MailboxPermission").withRequestBody(matchingJsonPath("$.CmdletInput.Parameters.Identity",
                equalTo(mailbox)));
    }

    /** A mailbox as Get-Mailbox lists it, shortened. */
    private static String mailboxListed(String name, String alias, String upn, String type) {
        return """
                {"Identity":"%s","Name":"%s","Alias":"%s","DisplayName":"%s","UserPrincipalName":"%s",
                 "PrimarySmtpAddress":"%s","RecipientTypeDetails":"%s",
                 "ExternalDirectoryObjectId":"5bde3e51-d13b-4db1-9948-fe4b109d11a7"}"""
                .formatted(name, name, alias, name, upn, upn, type);
    }
}
