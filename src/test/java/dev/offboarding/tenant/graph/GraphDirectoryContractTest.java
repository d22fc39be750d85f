package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.offboarding.tenant.DeletedUser;
import dev.offboarding.tenant.TenantException;
import dev.offboarding.tenant.TenantUser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users, admin roles and deleted items in Microsoft Entra ID, as Microsoft Graph v1.0 documents them. */
class GraphDirectoryContractTest {

    private static final String UPN = "adele.vance@contoso.com";
    private static final String ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    private static final String SPE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static final String FLOW_FREE = "f30db892-07e9-47e9-837c-80727f46fd3d";
    private static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    private static final String EXCHANGE_ADMIN = "29232cdf-9323-42fd-ade2-1d097af3e4de";

    private static final String FIND_USER = "/v1.0/users/adele.vance@contoso.com?$select=id,userPrincipalName,"
            + "displayName,mail,accountEnabled,onPremisesSyncEnabled,assignedLicenses,proxyAddresses";
    private static final String MEMBER_OF = "/v1.0/users/" + ID
            + "/memberOf/microsoft.graph.directoryRole?$count=true&$select=displayName,roleTemplateId";
    private static final String GLOBAL_ADMINS = "/v1.0/directoryRoles(roleTemplateId='" + GLOBAL_ADMIN
            + "')/members?$select=id,accountEnabled";
    private static final String SIGN_IN_STATE = "/v1.0/users/" + ID + "?$select=id,accountEnabled";
    private static final String USER = "/v1.0/users/" + ID;
    private static final String REVOKE = "/v1.0/users/" + ID + "/revokeSignInSessions";
    private static final String SYNC_STATE = "/v1.0/users/" + ID + "?$select=id,userPrincipalName,onPremisesSyncEnabled";
    private static final String EXISTS = "/v1.0/users/" + ID + "?$select=id";
    private static final String DELETED_ITEM = "/v1.0/directory/deletedItems/" + ID;
    private static final String RESTORE = "/v1.0/directory/deletedItems/" + ID + "/restore";

    private final GraphContract contract = new GraphContract();
    private final GraphDirectory directory = contract.directory();

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void findUserReadsTheUserAndEveryPageOfItsAdminRoles() {
        String secondPage = MEMBER_OF + "&$skiptoken=RFNwdAIAAQAAACM6ODdkMzQ5ZWQ";
        contract.server.stubFor(get(urlEqualTo(FIND_USER)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,mail,accountEnabled,onPremisesSyncEnabled,assignedLicenses,proxyAddresses)/$entity",
                 "id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"adele.vance@contoso.com",
                 "displayName":"Adele Vance","mail":"adele.vance@contoso.com","accountEnabled":true,
                 "onPremisesSyncEnabled":null,
                 "assignedLicenses":[{"disabledPlans":[],"skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965"},
                                     {"disabledPlans":["113feb6c-3fe4-4440-bddc-54d774bf0318"],"skuId":"f30db892-07e9-47e9-837c-80727f46fd3d"}],
                 "proxyAddresses":["SMTP:adele.vance@contoso.com","smtp:adele@contoso.com"]}""")));
        contract.server.stubFor(get(urlEqualTo(MEMBER_OF)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects(displayName,roleTemplateId)",
                 "@odata.count":2,
                 "@odata.nextLink":"%s",
                 "value":[{"@odata.type":"#microsoft.graph.directoryRole","displayName":"Global Administrator",
                           "roleTemplateId":"62e90394-69f5-4237-9190-012177145e10"}]}""".formatted(contract.url() + secondPage))));
        contract.server.stubFor(get(urlEqualTo(secondPage)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects(displayName,roleTemplateId)",
                 "value":[{"@odata.type":"#microsoft.graph.directoryRole","displayName":"Exchange Administrator",
                           "roleTemplateId":"29232cdf-9323-42fd-ade2-1d097af3e4de"}]}""")));

        TenantUser user = directory.findUser(UPN).orElseThrow();

        assertThat(user).isEqualTo(new TenantUser(ID, UPN, "Adele Vance", UPN, true, false, List.of(SPE_E3, FLOW_FREE),
                List.of("SMTP:adele.vance@contoso.com", "smtp:adele@contoso.com"),
                List.of("Global Administrator", "Exchange Administrator")));
        assertThat(user.isGlobalAdmin()).isTrue();
        assertThat(contract.requests()).containsExactly("GET " + FIND_USER, "GET " + MEMBER_OF, "GET " + secondPage);
        contract.server.verify(1, getRequestedFor(urlEqualTo(FIND_USER))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
        contract.server.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/users/" + ID + "/memberOf/microsoft.graph.directoryRole"))
                .withHeader("ConsistencyLevel", equalTo("eventual"))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void theGlobalAdministratorRoleIsKnownByItsTemplateNotItsName() {
        contract.server.stubFor(get(urlEqualTo(FIND_USER)).willReturn(okJson("""
                {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"adele.vance@contoso.com",
                 "displayName":"Adele Vance","mail":null,"accountEnabled":false,"onPremisesSyncEnabled":true,
                 "assignedLicenses":[],"proxyAddresses":[]}""")));
        // Older tenants still show the role under its legacy name.
        contract.server.stubFor(get(urlEqualTo(MEMBER_OF)).willReturn(okJson("""
                {"value":[{"@odata.type":"#microsoft.graph.directoryRole","displayName":"Company Administrator",
                           "roleTemplateId":"62e90394-69f5-4237-9190-012177145e10"}]}""")));

        TenantUser user = directory.findUser(UPN).orElseThrow();

        assertThat(user.adminRoles()).containsExactly(TenantUser.GLOBAL_ADMIN_ROLE);
        assertThat(user.mail()).isNull();
        assertThat(user.accountEnabled()).isFalse();
        assertThat(user.onPremisesSyncEnabled()).isTrue();
    }

    @Test
    void findUserIsEmptyWhenGraphAnswers404() {
        contract.server.stubFor(get(urlEqualTo(FIND_USER)).willReturn(notFound("adele.vance@contoso.com")));

        assertThat(directory.findUser(UPN)).isEmpty();
        assertThat(contract.requests()).containsExactly("GET " + FIND_USER);
    }

    @Test
    void organizationNameIsTheTenantsDisplayName() {
        contract.server.stubFor(get(urlEqualTo("/v1.0/organization?$select=displayName")).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#organization(displayName)",
                 "value":[{"id":"4a5d8f65-41da-4de4-8968-e035b65339cf","displayName":"Contoso"}]}""")));

        assertThat(directory.organizationName()).isEqualTo("Contoso");
        contract.server.verify(1, getRequestedFor(urlEqualTo("/v1.0/organization?$select=displayName"))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void onlyEnabledUsersCountAsGlobalAdmins() {
        contract.server.stubFor(get(urlEqualTo(GLOBAL_ADMINS)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,accountEnabled)",
                 "value":[
                   {"@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":true},
                   {"@odata.type":"#microsoft.graph.user","id":"5bde3e51-d13b-4db1-9948-fe4b109d11a7","accountEnabled":false},
                   {"@odata.type":"#microsoft.graph.servicePrincipal","id":"0b0b5b6e-2d5c-4f3b-a1c6-3a2e7f5a9c11","accountEnabled":true},
                   {"@odata.type":"#microsoft.graph.group","id":"02bd9fd6-8f93-4758-87c3-1fb73740a315"},
                   {"@odata.type":"#microsoft.graph.user","id":"626cbf8c-5dde-46b0-8385-9e40d64736fe","accountEnabled":true}]}""")));

        assertThat(directory.countGlobalAdmins()).isEqualTo(2);
        contract.server.verify(1, getRequestedFor(urlEqualTo(GLOBAL_ADMINS))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void globalAdminsOnEveryPageAreCounted() {
        contract.server.stubFor(get(urlEqualTo(GLOBAL_ADMINS)).willReturn(okJson("""
                {"value":[{"@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":true}],
                 "@odata.nextLink":"%s/v1.0/directoryRoles/8f1c2a4e/members?$select=id,accountEnabled&$skiptoken=X2"}"""
                .formatted(contract.url()))));
        contract.server.stubFor(get(urlEqualTo("/v1.0/directoryRoles/8f1c2a4e/members?$select=id,accountEnabled&$skiptoken=X2"))
                .willReturn(okJson("""
                        {"value":[{"@odata.type":"#microsoft.graph.user","id":"626cbf8c-5dde-46b0-8385-9e40d64736fe","accountEnabled":true}]}""")));

        assertThat(directory.countGlobalAdmins()).isEqualTo(2);
        contract.server.verify(1, getRequestedFor(urlEqualTo(GLOBAL_ADMINS)));
    }

    @Test
    void aGlobalAdministratorRoleThatWasNeverActivatedHasNoMembers() {
        contract.server.stubFor(get(urlEqualTo(GLOBAL_ADMINS)).willReturn(notFound(GLOBAL_ADMIN)));

        assertThat(directory.countGlobalAdmins()).isZero();
    }

    @Test
    void blockSignInDisablesTheAccountThenRevokesItsSessions() {
        stubSignInState(true);
        contract.server.stubFor(patch(urlEqualTo(USER)).willReturn(noContent()));
        stubRevoke();

        directory.blockSignIn(ID);

        assertThat(contract.requests()).containsExactly("GET " + SIGN_IN_STATE, "PATCH " + USER, "POST " + REVOKE);
        contract.server.verify(patchRequestedFor(urlEqualTo(USER))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"accountEnabled": false}""")));
        contract.server.verify(postRequestedFor(urlEqualTo(REVOKE)).withHeader("Content-Type", absent()));
        assertThat(contract.sent().get(2).getBody()).isEmpty();
    }

    @Test
    void blockSignInOfABlockedAccountOnlyRevokesItsSessions() {
        stubSignInState(false);
        stubRevoke();

        directory.blockSignIn(ID);

        assertThat(contract.requests()).containsExactly("GET " + SIGN_IN_STATE, "POST " + REVOKE);
    }

    @Test
    void a403WhenBlockingSignInNamesTheLeastPrivilegedPermissionsFirst() {
        stubSignInState(true);
        contract.server.stubFor(patch(urlEqualTo(USER)).willReturn(insufficientPrivileges()));

        assertThatThrownBy(() -> directory.blockSignIn(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("did not allow the app to block the user's sign-in (403 Authorization_RequestDenied")
                .hasMessageContaining("needs the Microsoft Graph application permissions User.EnableDisableAccount.All "
                        + "and User.Read.All (least privileged; the broader User.ReadWrite.All also allows it)")
                .hasMessageContaining("a Microsoft Entra admin role for the app");
        assertThat(contract.requests()).containsExactly("GET " + SIGN_IN_STATE, "PATCH " + USER);
    }

    @Test
    void a403WhenRevokingSessionsNamesUserRevokeSessionsAllFirst() {
        stubSignInState(false);
        contract.server.stubFor(post(urlEqualTo(REVOKE)).willReturn(insufficientPrivileges()));

        assertThatThrownBy(() -> directory.blockSignIn(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("did not allow the app to revoke the user's sign-in sessions (403")
                .hasMessageContaining("needs the Microsoft Graph application permission User.RevokeSessions.All (least "
                        + "privileged; the broader User.ReadWrite.All or Directory.ReadWrite.All also allow it)");
    }

    @Test
    void a403WhenUnblockingSignInNamesTheSamePermissions() {
        stubSignInState(false);
        contract.server.stubFor(patch(urlEqualTo(USER)).willReturn(insufficientPrivileges()));

        assertThatThrownBy(() -> directory.unblockSignIn(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("did not allow the app to allow the user to sign in again (403")
                .hasMessageContaining("User.EnableDisableAccount.All and User.Read.All (least privileged");
    }

    @Test
    void unblockSignInEnablesABlockedAccount() {
        stubSignInState(false);
        contract.server.stubFor(patch(urlEqualTo(USER)).willReturn(noContent()));

        directory.unblockSignIn(ID);

        assertThat(contract.requests()).containsExactly("GET " + SIGN_IN_STATE, "PATCH " + USER);
        contract.server.verify(patchRequestedFor(urlEqualTo(USER)).withRequestBody(equalToJson("""
                {"accountEnabled": true}""")));
    }

    @Test
    void unblockSignInOfAnEnabledAccountChangesNothing() {
        stubSignInState(true);

        directory.unblockSignIn(ID);

        assertThat(contract.requests()).containsExactly("GET " + SIGN_IN_STATE);
    }

    @Test
    void deleteUserDeletesACloudOnlyUser() {
        contract.server.stubFor(get(urlEqualTo(SYNC_STATE)).willReturn(okJson("""
                {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"adele.vance@contoso.com",
                 "onPremisesSyncEnabled":null}""")));
        contract.server.stubFor(delete(urlEqualTo(USER)).willReturn(noContent()));

        directory.deleteUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + SYNC_STATE, "DELETE " + USER);
    }

    @Test
    void deleteUserOfAUserAlreadyGoneSendsNoDelete() {
        contract.server.stubFor(get(urlEqualTo(SYNC_STATE)).willReturn(notFound(ID)));

        directory.deleteUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + SYNC_STATE);
    }

    @Test
    void deleteUserAcceptsA404AsAlreadyDeleted() {
        contract.server.stubFor(get(urlEqualTo(SYNC_STATE)).willReturn(okJson("""
                {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"adele.vance@contoso.com",
                 "onPremisesSyncEnabled":false}""")));
        contract.server.stubFor(delete(urlEqualTo(USER)).willReturn(notFound(ID)));

        directory.deleteUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + SYNC_STATE, "DELETE " + USER);
    }

    @Test
    void deleteUserRefusesAUserSyncedFromOnPremises() {
        contract.server.stubFor(get(urlEqualTo(SYNC_STATE)).willReturn(okJson("""
                {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"adele.vance@contoso.com",
                 "onPremisesSyncEnabled":true}""")));

        assertThatThrownBy(() -> directory.deleteUser(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("adele.vance@contoso.com")
                .hasMessageContaining("on-premises Active Directory")
                .hasMessageContaining("Entra Connect");
        assertThat(contract.requests()).containsExactly("GET " + SYNC_STATE);
    }

    @Test
    void findDeletedUserReadsTheDeletedItem() {
        stubDeletedItem();

        assertThat(directory.findDeletedUser(ID)).contains(new DeletedUser(ID,
                "87d349ed44d743e19a835f2406dee5bdadele.vance@contoso.com", "Adele Vance",
                Instant.parse("2026-11-20T10:00:00Z")));
        contract.server.verify(1, getRequestedFor(urlEqualTo(DELETED_ITEM))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void findDeletedUserIsEmptyWhenTheUserIsNotInDeletedItems() {
        contract.server.stubFor(get(urlEqualTo(DELETED_ITEM)).willReturn(notFound(ID)));

        assertThat(directory.findDeletedUser(ID)).isEmpty();
    }

    @Test
    void restoreUserRestoresItFromDeletedItems() {
        stubDeletedItem();
        contract.server.stubFor(post(urlEqualTo(RESTORE)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
                 "@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                 "displayName":"Adele Vance","userPrincipalName":"adele.vance@contoso.com","deletedDateTime":null}""")));

        directory.restoreUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + DELETED_ITEM, "POST " + RESTORE);
        contract.server.verify(postRequestedFor(urlEqualTo(RESTORE))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void restoreUserOfAnActiveUserChangesNothing() {
        contract.server.stubFor(get(urlEqualTo(DELETED_ITEM)).willReturn(notFound(ID)));
        contract.server.stubFor(get(urlEqualTo(EXISTS)).willReturn(okJson("""
                {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd"}""")));

        directory.restoreUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + DELETED_ITEM, "GET " + EXISTS);
    }

    @Test
    void restoreUserRemovedForGoodFails() {
        contract.server.stubFor(get(urlEqualTo(DELETED_ITEM)).willReturn(notFound(ID)));
        contract.server.stubFor(get(urlEqualTo(EXISTS)).willReturn(notFound(ID)));

        assertThatThrownBy(() -> directory.restoreUser(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining(ID).hasMessageContaining("removed it for good");
        assertThat(contract.requests()).doesNotContain("POST " + RESTORE);
    }

    @Test
    void permanentlyDeleteUserDeletesItFromDeletedItems() {
        contract.server.stubFor(get(urlEqualTo(EXISTS)).willReturn(notFound(ID)));
        contract.server.stubFor(delete(urlEqualTo(DELETED_ITEM)).willReturn(noContent()));

        directory.permanentlyDeleteUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + EXISTS, "DELETE " + DELETED_ITEM);
    }

    @Test
    void permanentlyDeletingAUserAlreadyGoneForGoodIsNoError() {
        contract.server.stubFor(get(urlEqualTo(EXISTS)).willReturn(notFound(ID)));
        contract.server.stubFor(delete(urlEqualTo(DELETED_ITEM)).willReturn(notFound(ID)));

        directory.permanentlyDeleteUser(ID);

        assertThat(contract.requests()).containsExactly("GET " + EXISTS, "DELETE " + DELETED_ITEM);
    }

    @Test
    void permanentlyDeleteUserRefusesARestoredUser() {
        contract.server.stubFor(get(urlEqualTo(EXISTS)).willReturn(okJson("""
                {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd"}""")));

        assertThatThrownBy(() -> directory.permanentlyDeleteUser(ID)).isInstanceOf(TenantException.class)
                .hasMessageContaining("Refusing to delete user " + ID);
        assertThat(contract.requests()).containsExactly("GET " + EXISTS);
    }

    private void stubSignInState(boolean accountEnabled) {
        contract.server.stubFor(get(urlEqualTo(SIGN_IN_STATE)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,accountEnabled)/$entity",
                 "id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":%s}""".formatted(accountEnabled))));
    }

    private void stubRevoke() {
        contract.server.stubFor(post(urlEqualTo(REVOKE)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean","value":true}""")));
    }

    private void stubDeletedItem() {
        contract.server.stubFor(get(urlEqualTo(DELETED_ITEM)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
                 "@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd",
                 "displayName":"Adele Vance",
                 "userPrincipalName":"87d349ed44d743e19a835f2406dee5bdadele.vance@contoso.com",
                 "deletedDateTime":"2026-11-20T10:00:00Z"}""")));
    }

    /** Graph's 403 when the app lacks the permission (or, for an admin user, the role) for the request. */
    private static ResponseDefinitionBuilder insufficientPrivileges() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"Authorization_RequestDenied",
                 "message":"Insufficient privileges to complete the operation.",
                 "innerError":{"date":"2026-11-20T10:00:00","request-id":"0d2e6f9a-8c1b-4a3e-9f2d-5b6c7d8e9f01",
                               "client-request-id":"0d2e6f9a-8c1b-4a3e-9f2d-5b6c7d8e9f01"}}}""");
    }

    /** Graph's 404 for a directory object that does not exist. */
    static ResponseDefinitionBuilder notFound(String resource) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":"Request_ResourceNotFound",
                 "message":"Resource '%s' does not exist or one of its queried reference-property objects are not present.",
                 "innerError":{"date":"2026-11-20T10:00:00","request-id":"7b1f2d3a-0c4e-4f5a-9b6c-1d2e3f4a5b6c",
                               "client-request-id":"7b1f2d3a-0c4e-4f5a-9b6c-1d2e3f4a5b6c"}}}""".formatted(resource));
    }
}
