package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.DELETE_RESTORE;
import static dev.offboarding.tenant.graph.GraphPermissions.ENABLE_DISABLE_ACCOUNT;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_MEMBER_OF;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_ORGANIZATION;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_ROLES;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;
import static dev.offboarding.tenant.graph.GraphPermissions.REVOKE_SESSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.DeletedUser;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.Manager;
import dev.offboarding.tenant.TenantException;
import dev.offboarding.tenant.GroupMembership;
import dev.offboarding.tenant.AuthenticationMethod;
import dev.offboarding.tenant.TenantUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Microsoft Entra ID through Microsoft Graph: users, directory roles, deleted items. */
public class GraphDirectory implements Directory {

    /** The role template of Global Administrator, the same in every tenant. */
    static final String GLOBAL_ADMIN_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10";
    static final String USER_SELECT = "id,userPrincipalName,displayName,mail,accountEnabled,onPremisesSyncEnabled,"
            + "assignedLicenses,proxyAddresses";

    private final GraphApi graph;

    public GraphDirectory(GraphApi graph) {
        this.graph = graph;
    }

    @Override
    public Optional<TenantUser> findUser(String userPrincipalName) {
        return graph.find(graph.url("/users/{}?$select=" + USER_SELECT, userPrincipalName), "read the user", READ_USERS)
                .map(user -> {
                    List<String> skus = new ArrayList<>();
                    user.path("assignedLicenses").forEach(license -> skus.add(license.path("skuId").asText()));
                    List<String> proxies = new ArrayList<>();
                    user.path("proxyAddresses").forEach(address -> proxies.add(address.asText()));
                    return new TenantUser(user.path("id").asText(), user.path("userPrincipalName").asText(),
                            user.path("displayName").asText(), user.path("mail").asText(null),
                            user.path("accountEnabled").asBoolean(true), user.path("onPremisesSyncEnabled").asBoolean(false),
                            skus, proxies, adminRoles(user.path("id").asText()));
                });
    }

    @Override
    public boolean isActiveUser(String userPrincipalName) {
        return graph.find(graph.url("/users/{}?$select=id", userPrincipalName), "read the user", READ_USERS).isPresent();
    }

    private List<String> adminRoles(String userId) {
        List<String> roles = new ArrayList<>();
        graph.forEach(graph.url("/users/{}/memberOf/microsoft.graph.directoryRole?$count=true&$select=displayName,roleTemplateId", userId),
                Map.of("ConsistencyLevel", "eventual"), "read the user's admin roles", READ_MEMBER_OF, role -> {
                    boolean globalAdmin = GLOBAL_ADMIN_TEMPLATE.equals(role.path("roleTemplateId").asText());
                    roles.add(globalAdmin ? TenantUser.GLOBAL_ADMIN_ROLE : role.path("displayName").asText());
                });
        return roles;
    }

    @Override
    public String organizationName() {
        JsonNode organizations = graph.get(graph.url("/organization?$select=displayName"),
                "read the organization's name", READ_ORGANIZATION);
        return organizations.path("value").path(0).path("displayName").asText("the organization");
    }

    @Override
    public int countGlobalAdmins() {
        int[] enabled = {0};
        // A role nobody was ever given is not activated in the tenant: Graph answers 404, and it has no members.
        graph.forEachUnlessAbsent(graph.url("/directoryRoles(roleTemplateId='" + GLOBAL_ADMIN_TEMPLATE
                        + "')/members?$select=id,accountEnabled"), Map.of(),
                "read the members of the Global Administrator role", READ_ROLES, member -> {
                    boolean user = member.path("@odata.type").asText("#microsoft.graph.user").equals("#microsoft.graph.user");
                    if (user && member.path("accountEnabled").asBoolean(true)) {
                        enabled[0]++;
                    }
                });
        return enabled[0];
    }

    @Override
    public void blockSignIn(String userId) {
        JsonNode user = graph.get(graph.url("/users/{}?$select=id,accountEnabled", userId), "read the user", READ_USERS);
        if (user.path("accountEnabled").asBoolean(true)) {
            graph.send("PATCH", graph.url("/users/{}", userId), Map.of("accountEnabled", false),
                    "block the user's sign-in", ENABLE_DISABLE_ACCOUNT);
        }
        // Harmless to repeat: it only moves the point from which sessions are valid.
        graph.send("POST", graph.url("/users/{}/revokeSignInSessions", userId), null,
                "revoke the user's sign-in sessions", REVOKE_SESSIONS);
    }

    @Override
    public void unblockSignIn(String userId) {
        JsonNode user = graph.get(graph.url("/users/{}?$select=id,accountEnabled", userId), "read the user", READ_USERS);
        if (!user.path("accountEnabled").asBoolean(true)) {
            graph.send("PATCH", graph.url("/users/{}", userId), Map.of("accountEnabled", true),
                    "allow the user to sign in again", ENABLE_DISABLE_ACCOUNT);
        }
    }

    @Override
    public void deleteUser(String userId) {
        Optional<JsonNode> user = graph.find(graph.url("/users/{}?$select=id,userPrincipalName,onPremisesSyncEnabled", userId),
                "read the user", READ_USERS);
        if (user.isEmpty()) {
            return; // already deleted, or gone for good
        }
        if (user.get().path("onPremisesSyncEnabled").asBoolean(false)) {
            throw new TenantException(user.get().path("userPrincipalName").asText() + " is still synced from "
                    + "on-premises Active Directory. Delete it there; Microsoft Entra Connect deletes it in Microsoft "
                    + "365 at its next sync (every 30 minutes). The step checks again at its next retry.");
        }
        graph.sendUnlessAbsent("DELETE", graph.url("/users/{}", userId), null, "delete the user", DELETE_RESTORE);
    }

    @Override
    public Optional<Manager> findManager(String userId) {
        // 404 when no manager is set; a manager that is an organizational contact has no user principal name.
        return graph.find(graph.url("/users/{}/manager?$select=userPrincipalName,displayName", userId),
                        "read the user's manager", READ_USERS)
                .filter(manager -> manager.hasNonNull("userPrincipalName"))
                .map(manager -> new Manager(manager.path("userPrincipalName").asText(),
                        manager.path("displayName").asText(null)));
    }

    @Override
    public Optional<DeletedUser> findDeletedUser(String userId) {
        return graph.find(graph.url("/directory/deletedItems/{}", userId), "read the deleted user", READ_USERS)
                .map(item -> new DeletedUser(item.path("id").asText(), item.path("userPrincipalName").asText(null),
                        item.path("displayName").asText(null), item.hasNonNull("deletedDateTime")
                        ? Instant.parse(item.path("deletedDateTime").asText()) : null));
    }

    @Override
    public void restoreUser(String userId) {
        if (findDeletedUser(userId).isPresent()) {
            graph.send("POST", graph.url("/directory/deletedItems/{}/restore", userId), null,
                    "restore the deleted user", DELETE_RESTORE);
            return;
        }
        if (graph.find(graph.url("/users/{}?$select=id", userId), "read the user", READ_USERS).isEmpty()) {
            throw new TenantException("User " + userId + " is no longer in the deleted items of the tenant, so it "
                    + "cannot be restored: Microsoft 365 has removed it for good.");
        }
    }

    @Override
    public void permanentlyDeleteUser(String userId) {
        if (graph.find(graph.url("/users/{}?$select=id", userId), "read the user", READ_USERS).isPresent()) {
            throw new TenantException("Refusing to delete user " + userId + " for good: it is active, not in deleted "
                    + "items. Someone restored it; check the offboarding in Cockpit.");
        }
        graph.sendUnlessAbsent("DELETE", graph.url("/directory/deletedItems/{}", userId), null,
                "delete the user for good", DELETE_RESTORE);
    }

    // PLACEHOLDER: replaced by the Graph mapping of the leaver checklist.
    @Override
    public void resetPassword(String userId) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public List<AuthenticationMethod> authenticationMethods(String userId) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void removeAuthenticationMethod(String userId, AuthenticationMethod method) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public List<GroupMembership> groupMemberships(String userId) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void removeFromGroup(String userId, GroupMembership group) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }
}
