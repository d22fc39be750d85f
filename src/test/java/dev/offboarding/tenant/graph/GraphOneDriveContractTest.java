package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offboarding.tenant.DriveInfo;
import dev.offboarding.tenant.TenantException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OneDrive through Microsoft Graph, and the OneDrive retention from the SharePoint tenant settings. */
class GraphOneDriveContractTest {

    private static final String OWNER = "adele.vance@contoso.com";
    private static final String GRANTEE = "diego.siciliani@contoso.com";
    private static final String GRANTEE_ID = "e3d0513b-449e-4198-ba6f-bd97ae7cae85";
    private static final String DRIVE_ID = "b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7";
    private static final String ROOT_ID = "01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ";

    private static final String DRIVE = "/v1.0/users/adele.vance@contoso.com/drive?$select=id,webUrl,quota";
    private static final String ROOT = "/v1.0/drives/" + DRIVE_ID + "/root?$select=id";
    private static final String GRANTEE_LOOKUP = "/v1.0/users/diego.siciliani@contoso.com?$select=id";
    private static final String PERMISSIONS = "/v1.0/drives/" + DRIVE_ID + "/items/" + ROOT_ID + "/permissions";
    private static final String INVITE = "/v1.0/drives/" + DRIVE_ID + "/items/" + ROOT_ID + "/invite";
    private static final String SETTINGS = "/v1.0/admin/sharepoint/settings";

    private final GraphContract contract = new GraphContract();
    private final GraphOneDrive oneDrive = contract.oneDrive();

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void findDriveReadsItsIdAddressAndUsedSpace() {
        stubDrive();

        assertThat(oneDrive.findDrive(OWNER)).contains(new DriveInfo(DRIVE_ID,
                "https://contoso-my.sharepoint.com/personal/adele_vance_contoso_com/Documents", 12345));
        contract.server.verify(1, getRequestedFor(urlEqualTo(DRIVE)).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void findDriveIsEmptyForAUserWithoutOneDrive() {
        contract.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"itemNotFound","message":"The resource could not be found.",
                         "innerError":{"date":"2026-11-20T10:00:00","request-id":"4c4b5d6e-7f80-4a1b-9c2d-3e4f5a6b7c8d"}}}""")));

        assertThat(oneDrive.findDrive(OWNER)).isEmpty();
    }

    @Test
    void grantAccessInvitesTheNewOwnerToTheRootWithWriteAccess() {
        stubDrive();
        stubRootAndGrantee();
        contract.server.stubFor(get(urlEqualTo(PERMISSIONS)).willReturn(okJson("""
                {"value":[{"id":"aTowIy5mfG1lbWJlcnNoaXB8YWRlbGUudmFuY2VAY29udG9zby5jb20","roles":["owner"],
                           "grantedToV2":{"user":{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance"}}},
                          {"id":"aTowIy5mfG1lbWJlcnNoaXB8ZGllZ28uc2ljaWxpYW5pQGNvbnRvc28uY29t","roles":["read"],
                           "grantedToV2":{"user":{"id":"e3d0513b-449e-4198-ba6f-bd97ae7cae85","displayName":"Diego Siciliani"}}}]}""")));
        contract.server.stubFor(post(urlEqualTo(INVITE)).willReturn(okJson("""
                {"value":[{"grantedToV2":{"user":{"id":"e3d0513b-449e-4198-ba6f-bd97ae7cae85","displayName":"Diego Siciliani"}},
                           "id":"CCFC7CA3-7A19-4D57-8CEF-149DB9DDFA62","roles":["write"]}]}""")));

        oneDrive.grantAccess(OWNER, GRANTEE);

        assertThat(contract.requests()).containsExactly("GET " + DRIVE, "GET " + ROOT, "GET " + GRANTEE_LOOKUP,
                "GET " + PERMISSIONS, "POST " + INVITE);
        contract.server.verify(1, postRequestedFor(urlEqualTo(INVITE))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"recipients":[{"email":"diego.siciliani@contoso.com"}],"roles":["write"],
                         "requireSignIn":true,"sendInvitation":false}""")));
    }

    @Test
    void grantAccessFindsAnEarlierGrantOnALaterPageAndInvitesNoOneAgain() {
        stubDrive();
        stubRootAndGrantee();
        String secondPage = PERMISSIONS + "?$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTI";
        contract.server.stubFor(get(urlEqualTo(PERMISSIONS)).willReturn(okJson("""
                {"@odata.nextLink":"%s",
                 "value":[{"id":"aTowIy5mfG1lbWJlcnNoaXB8YWRlbGUudmFuY2VAY29udG9zby5jb20","roles":["owner"],
                           "grantedToV2":{"user":{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance"}}}]}"""
                .formatted(contract.url() + secondPage))));
        contract.server.stubFor(get(urlEqualTo(secondPage)).willReturn(okJson("""
                {"value":[{"id":"CCFC7CA3-7A19-4D57-8CEF-149DB9DDFA62","roles":["write"],
                           "grantedToV2":{"user":{"id":"e3d0513b-449e-4198-ba6f-bd97ae7cae85","displayName":"Diego Siciliani"}}}]}""")));

        oneDrive.grantAccess(OWNER, GRANTEE);

        assertThat(contract.requests()).containsExactly("GET " + DRIVE, "GET " + ROOT, "GET " + GRANTEE_LOOKUP,
                "GET " + PERMISSIONS, "GET " + secondPage);
    }

    @Test
    void grantAccessWithoutOneDriveFails() {
        contract.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"itemNotFound\",\"message\":\"The resource could not be found.\"}}")));

        assertThatThrownBy(() -> oneDrive.grantAccess(OWNER, GRANTEE)).isInstanceOf(TenantException.class)
                .hasMessageContaining("adele.vance@contoso.com has no OneDrive");
        assertThat(contract.requests()).containsExactly("GET " + DRIVE);
    }

    @Test
    void retentionDaysReadTheDocumentedShapeWrappedInValue() {
        contract.server.stubFor(get(urlEqualTo(SETTINGS)).willReturn(okJson("""
                {"value":{"@odata.type":"#microsoft.graph.sharepointSettings",
                          "allowedDomainGuidsForSyncApp":["3ca6f9b5-f9c1-4b4a-8f3b-6a4b9c1c7a2e"],
                          "deletedUserPersonalSiteRetentionPeriodInDays":344,
                          "isLegacyAuthProtocolsEnabled":true,"sharingCapability":"externalUserAndGuestSharing"}}""")));

        assertThat(oneDrive.retentionDays()).isEqualTo(344);
        contract.server.verify(1, getRequestedFor(urlEqualTo(SETTINGS)).withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void retentionDaysReadTheUnwrappedShape() {
        contract.server.stubFor(get(urlEqualTo(SETTINGS)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#admin/sharepoint/settings/$entity",
                 "deletedUserPersonalSiteRetentionPeriodInDays":93,"isLegacyAuthProtocolsEnabled":true,
                 "sharingCapability":"externalUserAndGuestSharing"}""")));

        assertThat(oneDrive.retentionDays()).isEqualTo(93);
    }

    private void stubDrive() {
        contract.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#drives(id,webUrl,quota)/$entity",
                 "id":"b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7","driveType":"business",
                 "webUrl":"https://contoso-my.sharepoint.com/personal/adele_vance_contoso_com/Documents",
                 "quota":{"deleted":256938,"remaining":1099447353539,"state":"normal","total":1099511627776,"used":12345}}""")));
    }

    private void stubRootAndGrantee() {
        contract.server.stubFor(get(urlEqualTo(ROOT)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#drives('b%%21t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7')/root(id)/$entity",
                 "id":"%s"}""".formatted(ROOT_ID))));
        contract.server.stubFor(get(urlEqualTo(GRANTEE_LOOKUP)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id)/$entity","id":"%s"}"""
                .formatted(GRANTEE_ID))));
    }
}
