package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.offboarding.tenant.graph.GraphContract.cmdlet;
import static dev.offboarding.tenant.graph.GraphContract.cmdletCalled;
import static dev.offboarding.tenant.graph.GraphContract.exchangeError;
import static dev.offboarding.tenant.graph.GraphContract.exchangeNoOutput;
import static dev.offboarding.tenant.graph.GraphContract.exchangeNotFound;
import static dev.offboarding.tenant.graph.GraphContract.graphForbidden;
import static dev.offboarding.tenant.graph.GraphContract.graphNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.AuthenticationMethod;
import dev.offboarding.tenant.GroupMembership;
import dev.offboarding.tenant.GroupMembership.Kind;
import dev.offboarding.tenant.Manager;
import dev.offboarding.tenant.TenantException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leaver checklist in Microsoft Entra ID, as Microsoft Graph v1.0 documents it: a new password, the authentication
 * methods, the group memberships (distribution lists and mail-enabled security groups through Exchange Online), and
 * the manager.
 */
class GraphAccountCleanUpContractTest {

    private static final String ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    private static final String USER = "/v1.0/users/" + ID;
    private static final String METHODS = USER + "/authentication/methods";
    private static final String MEMBER_OF = USER + "/memberOf/microsoft.graph.group?$select=id,displayName,groupTypes,"
            + "mailEnabled,securityEnabled,onPremisesSyncEnabled,assignedLicenses";
    private static final String MANAGER = USER + "/manager?$select=userPrincipalName,displayName";
    private static final String SPE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static final String VISIO = "c5928f49-12ba-48f7-ada3-0d743a3601d5";
    private static final String MOBILE = "3179e48a-750b-4051-897c-87b9720928f7";
    private static final String ALTERNATE_MOBILE = "b6332ec1-7057-4abe-9331-3d72feddfe41";
    private static final String OFFICE = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
    private static final String RETAIL = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    private static final String MARKETING = "6d6e3b2c-1f4a-4b6e-8c2d-9a0b1c2d3e4f";
    private static final String NEWSLETTER = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String FINANCE = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e";

    private final GraphContract contract = new GraphContract();
    private final GraphDirectory directory = contract.directory();

    @AfterEach
    void stop() {
        contract.close();
    }

    // --- reset the password ---------------------------------------------------------------------------------------

    @Test
    void resetPasswordSetsANewStrongPasswordThatMustBeChangedAtTheNextSignIn() throws Exception {
        contract.server.stubFor(patch(urlEqualTo(USER)).willReturn(noContent()));

        directory.resetPassword(ID);
        directory.resetPassword(ID);

        assertThat(contract.requests()).containsExactly("PATCH " + USER, "PATCH " + USER);
        contract.server.verify(2, patchRequestedFor(urlEqualTo(USER))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", equalTo("application/json")));
        Set<String> passwords = new HashSet<>();
        for (var request : contract.sent()) {
            JsonNode body = contract.json.readTree(request.getBodyAsString());
            assertThat(body.size()).isEqualTo(1);
            JsonNode profile = body.path("passwordProfile");
            assertThat(profile.path("forceChangePasswordNextSignIn").asBoolean()).isTrue();
            String password = profile.path("password").asText();
            assertThat(password).hasSize(24).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]");
            passwords.add(password);
        }
        assertThat(passwords).as("a new random password each time").hasSize(2);
    }

    @Test
    void a403WhenResettingThePasswordNamesUserPasswordProfileReadWriteAllAndNotThePassword() throws Exception {
        contract.server.stubFor(patch(urlEqualTo(USER)).willReturn(graphForbidden()));

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> directory.resetPassword(ID));

        String password = contract.json.readTree(contract.sent().get(0).getBodyAsString())
                .path("passwordProfile").path("password").asText();
        assertThat(thrown).isInstanceOf(TenantException.class)
                .hasMessageContaining("did not allow the app to reset the user's password (403 Authorization_RequestDenied")
                .hasMessageContaining("User-PasswordProfile.ReadWrite.All (least privileged")
                .hasMessageContaining("User Administrator")
                .hasMessageNotContaining(password);
    }

    // --- authentication methods -----------------------------------------------------------------------------------

    @Test
    void authenticationMethodsAreEveryMethodButThePasswordOnEveryPageWithThePhonesLast() {
        String second = METHODS + "?$skiptoken=X2";
        contract.server.stubFor(get(urlEqualTo(METHODS)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('87d349ed-44d7-43e1-9a83-5f2406dee5bd')/authentication/methods",
                 "@odata.nextLink":"%s",
                 "value":[
                   {"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"3179e48a-750b-4051-897c-87b9720928f7",
                    "phoneNumber":"+1 2065555555","phoneType":"mobile","smsSignInState":"notAllowedByPolicy"},
                   {"@odata.type":"#microsoft.graph.passwordAuthenticationMethod","id":"28c10230-6103-485e-b985-444c60001490",
                    "password":null,"createdDateTime":"2025-03-01T08:00:00Z"},
                   {"@odata.type":"#microsoft.graph.fido2AuthenticationMethod","id":"-2_GRUg2-HYz6_1YG4YRAQ2",
                    "displayName":"Red key","createdDateTime":"2020-08-10T06:44:09Z",
                    "aaGuid":"2fc0579f-8113-47ea-b116-555a8db9202a","model":"NFC key",
                    "attestationCertificates":["dbe793efdf1945e2df25d93653a1e8a3268a9075"],"attestationLevel":"attested"},
                   {"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"b6332ec1-7057-4abe-9331-3d72feddfe41",
                    "phoneNumber":"+1 2065555556","phoneType":"alternateMobile","smsSignInState":"notSupported"}]}"""
                .formatted(contract.url() + second))));
        contract.server.stubFor(get(urlEqualTo(second)).willReturn(okJson("""
                {"value":[
                   {"@odata.type":"#microsoft.graph.microsoftAuthenticatorAuthenticationMethod","id":"_jpuR-TGZtk6aQCLF3BQjA2",
                    "displayName":"iPhone 15","deviceTag":"SoftwareTokenActivated","phoneAppVersion":"6.2401.0119"},
                   {"@odata.type":"#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
                    "id":"b5e01f81-1f81-b5e0-811f-e0b5811fe0b5","displayName":"Adele's Surface Book",
                    "createdDateTime":"2020-11-27T23:12:49Z","keyStrength":"normal"},
                   {"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"e37fc753-ff3b-4958-9484-eaa9425c82bc",
                    "phoneNumber":"+1 4255550109","phoneType":"office","smsSignInState":"notSupported"},
                   {"@odata.type":"#microsoft.graph.emailAuthenticationMethod","id":"3ddfcfc8-9383-446f-83cc-3ab9be4be18f",
                    "emailAddress":"adele@fabrikam.com"}]}""")));

        List<AuthenticationMethod> methods = directory.authenticationMethods(ID);

        assertThat(methods).containsExactly(
                new AuthenticationMethod("-2_GRUg2-HYz6_1YG4YRAQ2", "fido2AuthenticationMethod"),
                new AuthenticationMethod("_jpuR-TGZtk6aQCLF3BQjA2", "microsoftAuthenticatorAuthenticationMethod"),
                new AuthenticationMethod("b5e01f81-1f81-b5e0-811f-e0b5811fe0b5", "windowsHelloForBusinessAuthenticationMethod"),
                new AuthenticationMethod("3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAuthenticationMethod"),
                new AuthenticationMethod(OFFICE, "phoneAuthenticationMethod"),
                new AuthenticationMethod(ALTERNATE_MOBILE, "phoneAuthenticationMethod"),
                new AuthenticationMethod(MOBILE, "phoneAuthenticationMethod"));
        assertThat(contract.requests()).containsExactly("GET " + METHODS, "GET " + second);
        contract.server.verify(2, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void eachMethodIsDeletedFromTheCollectionOfItsType() {
        contract.server.stubFor(delete(anyUrl()).willReturn(noContent()));
        List<AuthenticationMethod> methods = List.of(
                new AuthenticationMethod("_jpuR-TGZtk6aQCLF3BQjA2", "microsoftAuthenticatorAuthenticationMethod"),
                new AuthenticationMethod("-2_GRUg2-HYz6_1YG4YRAQ2", "fido2AuthenticationMethod"),
                new AuthenticationMethod("b172893e-893e-b172-3e89-72b13e8972b1", "softwareOathAuthenticationMethod"),
                new AuthenticationMethod("3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAuthenticationMethod"),
                new AuthenticationMethod("b5e01f81-1f81-b5e0-811f-e0b5811fe0b5", "windowsHelloForBusinessAuthenticationMethod"),
                new AuthenticationMethod("05267842-25b2-4b21-8abd-8e4982796f7f", "temporaryAccessPassAuthenticationMethod"),
                new AuthenticationMethod("R18B3t8Ogh9XIOGmPt81d6p_KXJs1YTxfGgGqeVFJSM1", "platformCredentialAuthenticationMethod"),
                new AuthenticationMethod(MOBILE, "phoneAuthenticationMethod"));

        methods.forEach(method -> directory.removeAuthenticationMethod(ID, method));

        String base = "DELETE " + USER + "/authentication/";
        assertThat(contract.requests()).containsExactly(
                base + "microsoftAuthenticatorMethods/_jpuR-TGZtk6aQCLF3BQjA2",
                base + "fido2Methods/-2_GRUg2-HYz6_1YG4YRAQ2",
                base + "softwareOathMethods/b172893e-893e-b172-3e89-72b13e8972b1",
                base + "emailMethods/3ddfcfc8-9383-446f-83cc-3ab9be4be18f",
                base + "windowsHelloForBusinessMethods/b5e01f81-1f81-b5e0-811f-e0b5811fe0b5",
                base + "temporaryAccessPassMethods/05267842-25b2-4b21-8abd-8e4982796f7f",
                base + "platformCredentialMethods/R18B3t8Ogh9XIOGmPt81d6p_KXJs1YTxfGgGqeVFJSM1",
                base + "phoneMethods/" + MOBILE);
        contract.server.verify(8, deleteRequestedFor(anyUrl())
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", absent()));
        assertThat(contract.sent()).allMatch(request -> request.getBodyAsString().isEmpty());
    }

    @Test
    void aMethodAlreadyRemovedIsFine() {
        String url = USER + "/authentication/fido2Methods/-2_GRUg2-HYz6_1YG4YRAQ2";
        contract.server.stubFor(delete(urlEqualTo(url)).willReturn(graphNotFound("itemNotFound",
                "The requested authentication method was not found.")));

        directory.removeAuthenticationMethod(ID, new AuthenticationMethod("-2_GRUg2-HYz6_1YG4YRAQ2", "fido2AuthenticationMethod"));

        assertThat(contract.requests()).containsExactly("DELETE " + url);
    }

    @Test
    void aMethodGraphV1CannotRemoveIsNamedWithoutARequest() {
        assertThatThrownBy(() -> directory.removeAuthenticationMethod(ID,
                new AuthenticationMethod("00000000-0000-0000-0000-000000000001", "hardwareOathAuthenticationMethod")))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("cannot remove an authentication method of type hardwareOathAuthenticationMethod")
                .hasMessageContaining("Microsoft Entra admin center");
        assertThat(contract.requests()).isEmpty();
    }

    @Test
    void aPhoneThatIsTheDefaultMethodIsExplained() {
        contract.server.stubFor(delete(urlEqualTo(USER + "/authentication/phoneMethods/" + MOBILE)).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"badRequest","message":"Cannot delete the default authentication method.",
                         "innerError":{"date":"2026-11-20T10:00:00","request-id":"5d1c2b3a-0000-0000-0000-000000000000"}}}""")));

        assertThatThrownBy(() -> directory.removeAuthenticationMethod(ID, new AuthenticationMethod(MOBILE, "phoneAuthenticationMethod")))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("(400 badRequest: Cannot delete the default authentication method.")
                .hasMessageContaining("default MFA method");
    }

    @Test
    void a403NamesTheAuthenticationMethodPermissions() {
        contract.server.stubFor(get(urlEqualTo(METHODS)).willReturn(graphForbidden()));
        contract.server.stubFor(delete(anyUrl()).willReturn(graphForbidden()));

        assertThatThrownBy(() -> directory.authenticationMethods(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("read the user's authentication methods (403")
                .hasMessageContaining("UserAuthenticationMethod.Read.All");
        assertThatThrownBy(() -> directory.removeAuthenticationMethod(ID,
                new AuthenticationMethod("_jpuR-TGZtk6aQCLF3BQjA2", "microsoftAuthenticatorAuthenticationMethod")))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("remove one of the user's authentication methods "
                        + "(microsoftAuthenticatorAuthenticationMethod) (403")
                .hasMessageContaining("application permission UserAuthenticationMethod.ReadWrite.All");
    }

    // --- groups ---------------------------------------------------------------------------------------------------

    @Test
    void groupMembershipsReadEveryPageAndTellTheKindsApart() {
        String second = USER + "/memberOf/microsoft.graph.group?$select=id,displayName,groupTypes,mailEnabled,"
                + "securityEnabled,onPremisesSyncEnabled,assignedLicenses&$skiptoken=RFNwdAIAAQAAACM6";
        contract.server.stubFor(get(urlEqualTo(MEMBER_OF)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,assignedLicenses)",
                 "@odata.nextLink":"%s",
                 "value":[
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Retail managers","groupTypes":[],
                    "mailEnabled":false,"securityEnabled":true,"onPremisesSyncEnabled":null,
                    "assignedLicenses":[{"disabledPlans":[],"skuId":"%s"}]},
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Marketing","groupTypes":["Unified"],
                    "mailEnabled":true,"securityEnabled":false,"onPremisesSyncEnabled":null,"assignedLicenses":[]},
                   {"@odata.type":"#microsoft.graph.group","id":"c11b732b-0e16-46c1-b0fa-bd32c8a42455",
                    "displayName":"All Contoso","groupTypes":["Unified","DynamicMembership"],
                    "mailEnabled":true,"securityEnabled":false,"onPremisesSyncEnabled":null,"assignedLicenses":[]}]}"""
                .formatted(contract.url() + second, RETAIL, VISIO, MARKETING))));
        contract.server.stubFor(get(urlEqualTo(second)).willReturn(okJson("""
                {"value":[
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Retail newsletter","groupTypes":[],
                    "mailEnabled":true,"securityEnabled":false,"onPremisesSyncEnabled":null,"assignedLicenses":[]},
                   {"@odata.type":"#microsoft.graph.group","id":"%s","displayName":"Finance approvers","groupTypes":[],
                    "mailEnabled":true,"securityEnabled":true,"onPremisesSyncEnabled":null,"assignedLicenses":[]},
                   {"@odata.type":"#microsoft.graph.group","id":"3f927b40-06f8-4352-b8e4-37a7ba04b7ff",
                    "displayName":"Engineering (on-premises)","groupTypes":[],"mailEnabled":false,"securityEnabled":true,
                    "onPremisesSyncEnabled":true,"assignedLicenses":[{"disabledPlans":[],"skuId":"%s"}]}]}"""
                .formatted(NEWSLETTER, FINANCE, SPE_E3))));

        List<GroupMembership> groups = directory.groupMemberships(ID);

        assertThat(groups).containsExactly(
                new GroupMembership(RETAIL, "Retail managers", Kind.SECURITY, false, false, List.of(VISIO)),
                new GroupMembership(MARKETING, "Marketing", Kind.MICROSOFT_365, false, false, List.of()),
                new GroupMembership("c11b732b-0e16-46c1-b0fa-bd32c8a42455", "All Contoso", Kind.MICROSOFT_365, true,
                        false, List.of()),
                new GroupMembership(NEWSLETTER, "Retail newsletter", Kind.DISTRIBUTION, false, false, List.of()),
                new GroupMembership(FINANCE, "Finance approvers", Kind.MAIL_ENABLED_SECURITY, false, false, List.of()),
                new GroupMembership("3f927b40-06f8-4352-b8e4-37a7ba04b7ff", "Engineering (on-premises)", Kind.SECURITY,
                        false, true, List.of(SPE_E3)));
        assertThat(contract.requests()).containsExactly("GET " + MEMBER_OF, "GET " + second);
        contract.server.verify(2, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void aUserInNoGroupHasNoMemberships() {
        contract.server.stubFor(get(urlEqualTo(MEMBER_OF)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,assignedLicenses)",
                 "value":[]}""")));

        assertThat(directory.groupMemberships(ID)).isEmpty();
    }

    @Test
    void securityAndMicrosoft365GroupsLoseTheMemberThroughGraph() {
        contract.server.stubFor(delete(anyUrl()).willReturn(noContent()));

        directory.removeFromGroup(ID, group(RETAIL, Kind.SECURITY));
        directory.removeFromGroup(ID, group(MARKETING, Kind.MICROSOFT_365));

        assertThat(contract.requests()).containsExactly(
                "DELETE /v1.0/groups/" + RETAIL + "/members/" + ID + "/$ref",
                "DELETE /v1.0/groups/" + MARKETING + "/members/" + ID + "/$ref");
        contract.server.verify(2, deleteRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void aUserNoLongerInTheGroupIsFine() {
        String url = "/v1.0/groups/" + RETAIL + "/members/" + ID + "/$ref";
        contract.server.stubFor(delete(urlEqualTo(url)).willReturn(graphNotFound("Request_ResourceNotFound",
                "Resource '" + ID + "' does not exist or one of its queried reference-property objects are not present.")));

        directory.removeFromGroup(ID, group(RETAIL, Kind.SECURITY));

        assertThat(contract.requests()).containsExactly("DELETE " + url);
    }

    @Test
    void a403WhenRemovingAMemberNamesGroupMemberReadWriteAll() {
        contract.server.stubFor(delete(anyUrl()).willReturn(graphForbidden()));

        assertThatThrownBy(() -> directory.removeFromGroup(ID, group(RETAIL, Kind.SECURITY)))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("remove the user from the group Retail managers (403")
                .hasMessageContaining("GroupMember.ReadWrite.All (least privileged");
    }

    @Test
    void distributionListsAndMailEnabledSecurityGroupsLoseTheMemberThroughExchange() {
        contract.server.stubFor(cmdlet("Remove-DistributionGroupMember").willReturn(okJson(exchangeNoOutput())));

        directory.removeFromGroup(ID, group(NEWSLETTER, Kind.DISTRIBUTION));
        directory.removeFromGroup(ID, group(FINANCE, Kind.MAIL_ENABLED_SECURITY));

        assertThat(contract.cmdlets()).containsExactly("Remove-DistributionGroupMember", "Remove-DistributionGroupMember");
        contract.server.verify(1, cmdletCalled("Remove-DistributionGroupMember", """
                {"Identity":"%s","Member":"%s","BypassSecurityGroupManagerCheck":true,"Confirm":false}"""
                .formatted(NEWSLETTER, ID)));
        contract.server.verify(1, cmdletCalled("Remove-DistributionGroupMember", """
                {"Identity":"%s","Member":"%s","BypassSecurityGroupManagerCheck":true,"Confirm":false}"""
                .formatted(FINANCE, ID)));
    }

    @Test
    void notAMemberOfTheDistributionListAnyMoreIsFine() {
        contract.server.stubFor(cmdlet("Remove-DistributionGroupMember").willReturn(exchangeError(400,
                "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
                "The recipient \"" + ID + "\" isn't a member of the group \"" + NEWSLETTER + "\".")));

        directory.removeFromGroup(ID, group(NEWSLETTER, Kind.DISTRIBUTION));

        assertThat(contract.cmdlets()).containsExactly("Remove-DistributionGroupMember");
    }

    @Test
    void aDistributionListThatIsGoneIsFine() {
        contract.server.stubFor(cmdlet("Remove-DistributionGroupMember").willReturn(exchangeNotFound(NEWSLETTER)));

        directory.removeFromGroup(ID, group(NEWSLETTER, Kind.DISTRIBUTION));

        assertThat(contract.cmdlets()).containsExactly("Remove-DistributionGroupMember");
    }

    @Test
    void a403FromExchangeNamesTheRoleThatMayChangeGroupsTheAppDoesNotManage() {
        contract.server.stubFor(cmdlet("Remove-DistributionGroupMember").willReturn(aResponse().withStatus(403)
                .withBody(new byte[16])));

        assertThatThrownBy(() -> directory.removeFromGroup(ID, group(FINANCE, Kind.MAIL_ENABLED_SECURITY)))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("Exchange Online did not allow the app to remove the user from the group "
                        + "Finance approvers (403)")
                .hasMessageContaining("Exchange.ManageAsApp")
                .hasMessageContaining("Exchange Administrator")
                .hasMessageContaining("Security Group Creation and Membership");
    }

    @Test
    void otherExchangeFailuresAreNotTakenForDone() {
        contract.server.stubFor(cmdlet("Remove-DistributionGroupMember").willReturn(exchangeError(400,
                "Microsoft.Exchange.Configuration.Tasks.TaskException",
                "You don't have sufficient permissions. This operation can only be performed by a manager of the group.")));

        assertThatThrownBy(() -> directory.removeFromGroup(ID, group(NEWSLETTER, Kind.DISTRIBUTION)))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("TaskException: You don't have sufficient permissions");
    }

    // --- manager --------------------------------------------------------------------------------------------------

    @Test
    void findManagerReadsTheUsersManager() {
        contract.server.stubFor(get(urlEqualTo(MANAGER)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects(userPrincipalName,displayName)/$entity",
                 "@odata.type":"#microsoft.graph.user","userPrincipalName":"miriam.graham@contoso.com",
                 "displayName":"Miriam Graham"}""")));

        assertThat(directory.findManager(ID)).contains(new Manager("miriam.graham@contoso.com", "Miriam Graham"));
        contract.server.verify(1, getRequestedFor(urlEqualTo(MANAGER)).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void aUserWithoutManagerHasNone() {
        contract.server.stubFor(get(urlEqualTo(MANAGER)).willReturn(graphNotFound("Request_ResourceNotFound",
                "Resource 'manager' does not exist or one of its queried reference-property objects are not present.")));

        assertThat(directory.findManager(ID)).isEmpty();
    }

    @Test
    void aManagerThatIsAnOrganizationalContactIsNotAUserToMail() {
        contract.server.stubFor(get(urlEqualTo(MANAGER)).willReturn(okJson("""
                {"@odata.type":"#microsoft.graph.orgContact","userPrincipalName":null,"displayName":"Board of Contoso"}""")));

        assertThat(directory.findManager(ID)).isEmpty();
    }

    @Test
    void a403WhenReadingTheManagerNamesUserReadAll() {
        contract.server.stubFor(get(urlEqualTo(MANAGER)).willReturn(graphForbidden()));

        assertThatThrownBy(() -> directory.findManager(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("read the user's manager (403")
                .hasMessageContaining("User.Read.All");
    }

    private static GroupMembership group(String id, Kind kind) {
        String name = id.equals(RETAIL) ? "Retail managers" : id.equals(MARKETING) ? "Marketing"
                : id.equals(NEWSLETTER) ? "Retail newsletter" : "Finance approvers";
        return new GroupMembership(id, name, kind, false, false, List.of());
    }
}
