package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.ASSIGN_LICENSES;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_ORGANIZATION;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.PurchaseChannel;
import dev.offboarding.tenant.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Licenses through Microsoft Graph. Graph tells who created a subscription (a partner tenant for a CSP purchase) but
 * not volume licensing or annual commitments: those come from {@code offboarding.graph.volume-licensing-skus} and
 * {@code offboarding.graph.commitment-end-dates}.
 */
public class GraphLicensing implements Licensing {

    private final GraphApi graph;
    private final GraphProperties properties;
    private final GraphLicensingSettings settings;

    public GraphLicensing(GraphApi graph, GraphProperties properties, GraphLicensingSettings settings) {
        this.graph = graph;
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public List<Subscription> subscriptions() {
        Map<String, Boolean> boughtThroughPartner = new HashMap<>();
        graph.forEach(graph.url("/directory/subscriptions"), "read the tenant's subscriptions", READ_ORGANIZATION,
                subscription -> {
                    String owner = subscription.path("ownerTenantId").asText("");
                    boolean partner = !owner.isEmpty() && !owner.equalsIgnoreCase(properties.tenantId());
                    boughtThroughPartner.merge(subscription.path("skuId").asText(), partner, Boolean::logicalOr);
                });
        List<Subscription> subscriptions = new ArrayList<>();
        graph.forEach(graph.url("/subscribedSkus"), "read the tenant's licenses", READ_ORGANIZATION, sku -> {
            String skuId = sku.path("skuId").asText();
            String partNumber = sku.path("skuPartNumber").asText();
            PurchaseChannel channel = boughtThroughPartner.getOrDefault(skuId, false) ? PurchaseChannel.PARTNER
                    : settings.volumeLicensingSkus().contains(partNumber) ? PurchaseChannel.VOLUME_LICENSING
                    : PurchaseChannel.DIRECT;
            LocalDate commitmentEnd = settings.commitmentEndDates().get(partNumber);
            subscriptions.add(new Subscription(skuId, partNumber, partNumber,
                    sku.path("prepaidUnits").path("enabled").asInt(0), sku.path("consumedUnits").asInt(0), channel,
                    commitmentEnd));
        });
        return subscriptions;
    }

    /**
     * Unassigns the licenses assigned to the user directly. {@code licenseAssignmentStates} tells them apart: its
     * {@code assignedByGroup} is null for a direct assignment and the group's id for an inherited one. An inherited
     * license cannot be unassigned with assignLicense; it goes with the membership (the step removes the user from
     * such groups first, and Microsoft Entra ID takes the license away once it has processed that) or stays with a
     * dynamic or synced group, which the step reports.
     */
    @Override
    public void removeLicenses(String userId, Collection<String> skuIds) {
        JsonNode user = graph.get(graph.url("/users/{}?$select=id,userPrincipalName,licenseAssignmentStates", userId),
                "read the user's licenses", READ_USERS);
        List<String> direct = new ArrayList<>();
        for (JsonNode state : user.path("licenseAssignmentStates")) {
            String sku = state.path("skuId").asText();
            // The same SKU can be assigned directly and through a group: the direct assignment goes all the same.
            boolean assignedDirectly = state.path("assignedByGroup").isNull() || state.path("assignedByGroup").isMissingNode();
            if (skuIds.contains(sku) && assignedDirectly && !direct.contains(sku)) {
                direct.add(sku);
            }
        }
        if (!direct.isEmpty()) {
            graph.send("POST", graph.url("/users/{}/assignLicense", userId),
                    Map.of("addLicenses", List.of(), "removeLicenses", direct), "remove the user's licenses",
                    ASSIGN_LICENSES);
        }
    }
}
