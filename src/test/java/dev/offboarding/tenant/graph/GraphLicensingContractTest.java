package dev.offboarding.tenant.graph;

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

import dev.offboarding.tenant.PurchaseChannel;
import dev.offboarding.tenant.Subscription;
import dev.offboarding.tenant.TenantException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscriptions and license removal through Microsoft Graph. */
class GraphLicensingContractTest {

    private static final String ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    private static final String PARTNER_TENANT = "b5a6c6d1-2c3e-4f5a-8b9c-0d1e2f3a4b5c";
    private static final String SPE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static final String BUSINESS_PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";
    private static final String EMS_E5 = "b05e124f-c7cc-45a0-a6aa-8cf78c946968";
    private static final String FLOW_FREE = "f30db892-07e9-47e9-837c-80727f46fd3d";
    private static final String GROUP = "f2a7c34e-6b5d-4e8f-9a1b-2c3d4e5f6a7b";

    private static final String LICENSE_STATES = "/v1.0/users/" + ID + "?$select=id,userPrincipalName,licenseAssignmentStates";
    private static final String ASSIGN_LICENSE = "/v1.0/users/" + ID + "/assignLicense";

    private final GraphContract contract = new GraphContract();
    private final GraphLicensing licensing = contract.licensing(new GraphLicensingSettings(List.of("EMSPREMIUM"),
            Map.of("SPE_E3", LocalDate.of(2027, 6, 30))));

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void subscriptionsReportUnitsAndWhereTheyWereBought() {
        contract.server.stubFor(get(urlEqualTo("/v1.0/directory/subscriptions")).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directory/subscriptions",
                 "value":[
                   {"commerceSubscriptionId":"fa6d4a5e-39c4-4a2b-9d17-7c2d3a8c1f01","createdDateTime":"2025-07-01T00:00:00Z",
                    "id":"6f2f5c9a-4b1e-4a7d-8c3b-2e1f0a9b8c7d","isTrial":false,"skuId":"%s","skuPartNumber":"SPE_E3",
                    "status":"Enabled","totalLicenses":25,"ownerId":"5e1f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8",
                    "ownerTenantId":"%s","ownerType":"User"},
                   {"commerceSubscriptionId":"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","createdDateTime":"2025-09-01T00:00:00Z",
                    "id":"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d","isTrial":false,"skuId":"%s",
                    "skuPartNumber":"O365_BUSINESS_PREMIUM","status":"Enabled","totalLicenses":10,
                    "ownerId":"9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a","ownerTenantId":"%s","ownerType":"User"},
                   {"commerceSubscriptionId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","createdDateTime":"2024-01-01T00:00:00Z",
                    "id":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e","isTrial":false,"skuId":"%s","skuPartNumber":"EMSPREMIUM",
                    "status":"Enabled","totalLicenses":50,"ownerId":null,"ownerTenantId":null,"ownerType":null}]}"""
                .formatted(SPE_E3, GraphContract.TENANT, BUSINESS_PREMIUM, PARTNER_TENANT, EMS_E5))));
        contract.server.stubFor(get(urlEqualTo("/v1.0/subscribedSkus")).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#subscribedSkus",
                 "value":[
                   {"capabilityStatus":"Enabled","consumedUnits":14,"id":"4a5d8f65-41da-4de4-8968-e035b65339cf_05e9a617-0261-4cee-bb44-138d3ef5d965",
                    "prepaidUnits":{"enabled":25,"lockedOut":0,"suspended":0,"warning":0},
                    "skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","skuPartNumber":"SPE_E3","appliesTo":"User"},
                   {"capabilityStatus":"Enabled","consumedUnits":9,"id":"4a5d8f65-41da-4de4-8968-e035b65339cf_f245ecc8-75af-4f8e-b61f-27d8114de5f3",
                    "prepaidUnits":{"enabled":10,"lockedOut":0,"suspended":0,"warning":0},
                    "skuId":"f245ecc8-75af-4f8e-b61f-27d8114de5f3","skuPartNumber":"O365_BUSINESS_PREMIUM","appliesTo":"User"},
                   {"capabilityStatus":"Enabled","consumedUnits":31,"id":"4a5d8f65-41da-4de4-8968-e035b65339cf_b05e124f-c7cc-45a0-a6aa-8cf78c946968",
                    "prepaidUnits":{"enabled":50,"lockedOut":0,"suspended":0,"warning":0},
                    "skuId":"b05e124f-c7cc-45a0-a6aa-8cf78c946968","skuPartNumber":"EMSPREMIUM","appliesTo":"User"},
                   {"capabilityStatus":"Enabled","consumedUnits":3,"id":"4a5d8f65-41da-4de4-8968-e035b65339cf_f30db892-07e9-47e9-837c-80727f46fd3d",
                    "prepaidUnits":{"enabled":10000,"lockedOut":0,"suspended":0,"warning":0},
                    "skuId":"f30db892-07e9-47e9-837c-80727f46fd3d","skuPartNumber":"FLOW_FREE","appliesTo":"User"}]}""")));

        List<Subscription> subscriptions = licensing.subscriptions();

        assertThat(subscriptions).containsExactly(
                new Subscription(SPE_E3, "SPE_E3", "SPE_E3", 25, 14, PurchaseChannel.DIRECT, LocalDate.of(2027, 6, 30)),
                new Subscription(BUSINESS_PREMIUM, "O365_BUSINESS_PREMIUM", "O365_BUSINESS_PREMIUM", 10, 9,
                        PurchaseChannel.PARTNER, null),
                new Subscription(EMS_E5, "EMSPREMIUM", "EMSPREMIUM", 50, 31, PurchaseChannel.VOLUME_LICENSING, null),
                new Subscription(FLOW_FREE, "FLOW_FREE", "FLOW_FREE", 10000, 3, PurchaseChannel.DIRECT, null));
        contract.server.verify(1, getRequestedFor(urlEqualTo("/v1.0/directory/subscriptions"))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
        contract.server.verify(1, getRequestedFor(urlEqualTo("/v1.0/subscribedSkus"))
                .withHeader("Authorization", equalTo("Bearer graph-token")));
    }

    @Test
    void removeLicensesRemovesTheDirectlyAssignedOnesAsked() {
        stubLicenseStates("""
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","lastUpdatedDateTime":"2025-07-01T08:00:00Z",
                 "skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","state":"Active"},
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","lastUpdatedDateTime":"2025-07-01T08:00:00Z",
                 "skuId":"f30db892-07e9-47e9-837c-80727f46fd3d","state":"Active"},
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","lastUpdatedDateTime":"2025-07-01T08:00:00Z",
                 "skuId":"b05e124f-c7cc-45a0-a6aa-8cf78c946968","state":"Active"}""");
        stubAssignLicense();

        licensing.removeLicenses(ID, List.of(SPE_E3, EMS_E5));

        assertThat(contract.requests()).containsExactly("GET " + LICENSE_STATES, "POST " + ASSIGN_LICENSE);
        contract.server.verify(1, postRequestedFor(urlEqualTo(ASSIGN_LICENSE))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"addLicenses":[],"removeLicenses":["05e9a617-0261-4cee-bb44-138d3ef5d965",
                                                            "b05e124f-c7cc-45a0-a6aa-8cf78c946968"]}""")));
    }

    @Test
    void onlyTheLicensesAssignedDirectlyAreUnassigned() {
        // A license a group gives cannot be unassigned with assignLicense: it goes with the membership.
        stubLicenseStates("""
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","state":"Active"},
                {"assignedByGroup":"%s","disabledPlans":[],"error":"None","skuId":"b05e124f-c7cc-45a0-a6aa-8cf78c946968","state":"Active"}"""
                .formatted(GROUP));
        stubAssignLicense();

        licensing.removeLicenses(ID, List.of(SPE_E3, EMS_E5));

        assertThat(contract.requests()).containsExactly("GET " + LICENSE_STATES, "POST " + ASSIGN_LICENSE);
        contract.server.verify(1, postRequestedFor(urlEqualTo(ASSIGN_LICENSE)).withRequestBody(equalToJson("""
                {"addLicenses":[],"removeLicenses":["05e9a617-0261-4cee-bb44-138d3ef5d965"]}""")));
    }

    @Test
    void aLicenseAssignedDirectlyAndThroughAGroupLosesItsDirectAssignment() {
        stubLicenseStates("""
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","state":"Active"},
                {"assignedByGroup":"%s","disabledPlans":[],"error":"None","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","state":"Active"}"""
                .formatted(GROUP));
        stubAssignLicense();

        licensing.removeLicenses(ID, List.of(SPE_E3));

        contract.server.verify(1, postRequestedFor(urlEqualTo(ASSIGN_LICENSE)).withRequestBody(equalToJson("""
                {"addLicenses":[],"removeLicenses":["05e9a617-0261-4cee-bb44-138d3ef5d965"]}""")));
    }

    @Test
    void licensesThatOnlyGroupsGiveSendNoAssignLicense() {
        // Still listed while Microsoft Entra ID processes the removal from the group, or kept by a dynamic group.
        stubLicenseStates("""
                {"assignedByGroup":"%s","disabledPlans":[],"error":"None","skuId":"b05e124f-c7cc-45a0-a6aa-8cf78c946968","state":"Active"}"""
                .formatted(GROUP));

        licensing.removeLicenses(ID, List.of(EMS_E5));

        assertThat(contract.requests()).containsExactly("GET " + LICENSE_STATES);
    }

    @Test
    void a403WhenRemovingLicensesNamesLicenseAssignmentReadWriteAll() {
        stubLicenseStates("""
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","state":"Active"}""");
        contract.server.stubFor(post(urlEqualTo(ASSIGN_LICENSE)).willReturn(GraphContract.graphForbidden()));

        assertThatThrownBy(() -> licensing.removeLicenses(ID, List.of(SPE_E3))).isInstanceOf(TenantException.class)
                .hasMessageContaining("remove the user's licenses (403")
                .hasMessageContaining("LicenseAssignment.ReadWrite.All");
    }

    @Test
    void removeLicensesSendsNothingWhenNoneOfThemIsAssigned() {
        stubLicenseStates("""
                {"assignedByGroup":null,"disabledPlans":[],"error":"None","skuId":"f30db892-07e9-47e9-837c-80727f46fd3d","state":"Active"}""");

        licensing.removeLicenses(ID, List.of(SPE_E3));

        assertThat(contract.requests()).containsExactly("GET " + LICENSE_STATES);
    }

    private void stubLicenseStates(String states) {
        contract.server.stubFor(get(urlEqualTo(LICENSE_STATES)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,licenseAssignmentStates)/$entity",
                 "id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","userPrincipalName":"adele.vance@contoso.com",
                 "licenseAssignmentStates":[%s]}""".formatted(states))));
    }

    private void stubAssignLicense() {
        contract.server.stubFor(post(urlEqualTo(ASSIGN_LICENSE)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                 "id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance",
                 "userPrincipalName":"adele.vance@contoso.com","mail":"adele.vance@contoso.com",
                 "businessPhones":["+1 425 555 0109"],"givenName":"Adele","surname":"Vance","jobTitle":"Retail Manager",
                 "mobilePhone":null,"officeLocation":"18/2111","preferredLanguage":"en-US"}""")));
    }
}
