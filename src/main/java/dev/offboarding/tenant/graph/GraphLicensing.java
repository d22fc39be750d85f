package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.ASSIGN_LICENSES;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_ORGANIZATION;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.PurchaseChannel;
import dev.offboarding.tenant.Subscription;
import dev.offboarding.tenant.TenantException;
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

    @Override
    public void removeLicenses(String userId, Collection<String> skuIds) {
        JsonNode user = graph.get(graph.url("/users/{}?$select=id,userPrincipalName,licenseAssignmentStates", userId),
                "read the user's licenses", READ_USERS);
        List<String> direct = new ArrayList<>();
        List<String> throughGroups = new ArrayList<>();
        for (JsonNode state : user.path("licenseAssignmentStates")) {
            String sku = state.path("skuId").asText();
            if (!skuIds.contains(sku)) {
                continue;
            }
            // The same SKU can be assigned directly and through a group: both entries count.
            if (state.path("assignedByGroup").isNull() || state.path("assignedByGroup").isMissingNode()) {
                if (!direct.contains(sku)) {
                    direct.add(sku);
                }
            } else {
                throughGroups.add(sku + " (group " + state.path("assignedByGroup").asText() + ")");
            }
        }
        if (!direct.isEmpty()) {
            graph.send("POST", graph.url("/users/{}/assignLicense", userId),
                    Map.of("addLicenses", List.of(), "removeLicenses", direct), "remove the user's licenses",
                    ASSIGN_LICENSES);
        }
        if (!throughGroups.isEmpty()) {
            throw new TenantException(user.path("userPrincipalName").asText() + " still gets licenses through groups: "
                    + String.join(", ", throughGroups) + ". Remove the user from those groups (or the license from "
                    + "the group), then retry the step.");
        }
    }
}
