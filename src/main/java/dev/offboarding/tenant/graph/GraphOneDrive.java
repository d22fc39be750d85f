package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.READ_FILES;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_SHAREPOINT_SETTINGS;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;
import static dev.offboarding.tenant.graph.GraphPermissions.SHARE_FILES;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.DriveInfo;
import dev.offboarding.tenant.OneDrive;
import dev.offboarding.tenant.TenantException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OneDrive through Microsoft Graph; the retention setting from the SharePoint tenant settings. */
public class GraphOneDrive implements OneDrive {

    private final GraphApi graph;

    public GraphOneDrive(GraphApi graph) {
        this.graph = graph;
    }

    @Override
    public Optional<DriveInfo> findDrive(String userPrincipalName) {
        return graph.find(graph.url("/users/{}/drive?$select=id,webUrl,quota", userPrincipalName), "read the OneDrive",
                        READ_FILES)
                .map(drive -> new DriveInfo(drive.path("id").asText(), drive.path("webUrl").asText(),
                        drive.path("quota").path("used").asLong(0)));
    }

    @Override
    public void grantAccess(String ownerUserPrincipalName, String granteeUserPrincipalName) {
        DriveInfo drive = findDrive(ownerUserPrincipalName).orElseThrow(() -> new TenantException(
                ownerUserPrincipalName + " has no OneDrive any more, so it cannot be handed over."));
        String rootId = graph.get(graph.url("/drives/{}/root?$select=id", drive.id()), "read the OneDrive's root folder",
                READ_FILES).path("id").asText();
        String granteeId = graph.get(graph.url("/users/{}?$select=id", granteeUserPrincipalName),
                "read the new OneDrive owner", READ_USERS).path("id").asText();
        boolean[] granted = {false};
        graph.forEach(graph.url("/drives/{}/items/{}/permissions", drive.id(), rootId), "read the OneDrive's sharing",
                READ_FILES, permission -> {
                    String user = permission.path("grantedToV2").path("user").path("id").asText(
                            permission.path("grantedTo").path("user").path("id").asText(""));
                    if (granteeId.equalsIgnoreCase(user) && (permission.path("roles").toString().contains("write")
                            || permission.path("roles").toString().contains("owner"))) {
                        granted[0] = true;
                    }
                });
        if (!granted[0]) {
            graph.send("POST", graph.url("/drives/{}/items/{}/invite", drive.id(), rootId), Map.of(
                    "recipients", List.of(Map.of("email", granteeUserPrincipalName)),
                    "roles", List.of("write"),
                    "requireSignIn", true,
                    "sendInvitation", false), "give the new owner access to the OneDrive", SHARE_FILES);
        }
    }

    @Override
    public int retentionDays() {
        JsonNode settings = graph.get(graph.url("/admin/sharepoint/settings"), "read the OneDrive retention setting",
                READ_SHAREPOINT_SETTINGS);
        // The documented example wraps the settings in "value"; accept both shapes.
        JsonNode days = settings.has("value") ? settings.path("value").path("deletedUserPersonalSiteRetentionPeriodInDays")
                : settings.path("deletedUserPersonalSiteRetentionPeriodInDays");
        return days.asInt(30);
    }
}
