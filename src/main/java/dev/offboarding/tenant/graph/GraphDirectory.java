package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.DELETE_RESTORE;
import static dev.offboarding.tenant.graph.GraphPermissions.ENABLE_DISABLE_ACCOUNT;
import static dev.offboarding.tenant.graph.GraphPermissions.EXCHANGE_GROUP_MEMBERS;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_AUTHENTICATION_METHODS;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_MEMBER_OF;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_ORGANIZATION;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_ROLES;
import static dev.offboarding.tenant.graph.GraphPermissions.READ_USERS;
import static dev.offboarding.tenant.graph.GraphPermissions.RESET_PASSWORD;
import static dev.offboarding.tenant.graph.GraphPermissions.REVOKE_SESSIONS;
import static dev.offboarding.tenant.graph.GraphPermissions.WRITE_AUTHENTICATION_METHODS;
import static dev.offboarding.tenant.graph.GraphPermissions.WRITE_GROUP_MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.AuthenticationMethod;
import dev.offboarding.tenant.DeletedUser;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.GroupMembership;
import dev.offboarding.tenant.Manager;
import dev.offboarding.tenant.TenantException;
import dev.offboarding.tenant.TenantUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Entra ID through Microsoft Graph: users, directory roles, authentication methods, group memberships,
 * deleted items. Distribution lists and mail-enabled security groups are changed through Exchange Online.
 */
public class GraphDirectory implements Directory {

    /** The role template of Global Administrator, the same in every tenant. */
    static final String GLOBAL_ADMIN_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10";
    static final String USER_SELECT = "id,userPrincipalName,displayName,mail,accountEnabled,onPremisesSyncEnabled,"
            + "assignedLicenses,proxyAddresses";
    static final String GROUP_SELECT = "id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,"
            + "assignedLicenses";
    static final String PASSWORD_METHOD = "passwordAuthenticationMethod";
    static final String PHONE_METHOD = "phoneAuthenticationMethod";
    /** The fixed ids of a user's phone methods, by phoneType. */
    static final String MOBILE_PHONE = "3179e48a-750b-4051-897c-87b9720928f7";
    static final String ALTERNATE_MOBILE_PHONE = "b6332ec1-7057-4abe-9331-3d72feddfe41";
    static final String OFFICE_PHONE = "e37fc753-ff3b-4958-9484-eaa9425c82bc";
    /** Each authentication method type of Graph v1.0 and the collection under /users/{id}/authentication it is deleted from. */
    static final Map<String, String> METHOD_COLLECTIONS = Map.of(
            PHONE_METHOD, "phoneMethods",
            "microsoftAuthenticatorAuthenticationMethod", "microsoftAuthenticatorMethods",
            "fido2AuthenticationMethod", "fido2Methods",
            "softwareOathAuthenticationMethod", "softwareOathMethods",
            "emailAuthenticationMethod", "emailMethods",
            "windowsHelloForBusinessAuthenticationMethod", "windowsHelloForBusinessMethods",
            "temporaryAccessPassAuthenticationMethod", "temporaryAccessPassMethods",
            "platformCredentialAuthenticationMethod", "platformCredentialMethods");
    private static final String NOT_A_MEMBER = "MemberNotFoundException";

    private final GraphApi graph;
    private final ExchangeCommands exchange;
    private final RandomPasswords passwords;

    public GraphDirectory(GraphApi graph, ExchangeCommands exchange) {
        this(graph, exchange, new RandomPasswords());
    }

    GraphDirectory(GraphApi graph, ExchangeCommands exchange, RandomPasswords passwords) {
        this.graph = graph;
        this.exchange = exchange;
        this.passwords = passwords;
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

    @Override
    public void resetPassword(String userId) {
        // The password goes into the request body and nowhere else: not returned, logged or kept.
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("forceChangePasswordNextSignIn", true);
        profile.put("password", passwords.next());
        graph.send("PATCH", graph.url("/users/{}", userId), Map.of("passwordProfile", profile),
                "reset the user's password", RESET_PASSWORD);
    }

    @Override
    public List<AuthenticationMethod> authenticationMethods(String userId) {
        List<AuthenticationMethod> methods = new ArrayList<>();
        graph.forEach(graph.url("/users/{}/authentication/methods", userId), "read the user's authentication methods",
                READ_AUTHENTICATION_METHODS, method -> {
                    String type = method.path("@odata.type").asText("").replace("#microsoft.graph.", "");
                    if (!PASSWORD_METHOD.equals(type)) { // the password is reset, never removed
                        methods.add(new AuthenticationMethod(method.path("id").asText(), type));
                    }
                });
        methods.sort(Comparator.comparingInt(GraphDirectory::removalRank));
        return methods;
    }

    /**
     * The order the methods go in: Graph refuses to delete a mobile number while an alternate mobile number exists, and
     * refuses to delete a phone that is the default MFA method while other methods remain, so the phones go last, the
     * mobile number very last.
     */
    private static int removalRank(AuthenticationMethod method) {
        if (!PHONE_METHOD.equals(method.type())) {
            return 0;
        }
        return switch (method.id()) {
            case OFFICE_PHONE -> 1;
            case ALTERNATE_MOBILE_PHONE -> 2;
            case MOBILE_PHONE -> 3;
            default -> 1;
        };
    }

    @Override
    public void removeAuthenticationMethod(String userId, AuthenticationMethod method) {
        String collection = METHOD_COLLECTIONS.get(method.type());
        if (collection == null) {
            throw new TenantException("Microsoft Graph v1.0 cannot remove an authentication method of type "
                    + method.type() + " (id " + method.id() + "). Remove it in the Microsoft Entra admin center "
                    + "(Users > the user > Authentication methods), then retry the step.");
        }
        try {
            graph.sendUnlessAbsent("DELETE", graph.url("/users/{}/authentication/" + collection + "/{}", userId,
                    method.id()), null, "remove one of the user's authentication methods (" + method.type() + ")",
                    WRITE_AUTHENTICATION_METHODS); // 404: already removed
        } catch (TenantHttp.CallFailedException e) {
            if (e.status() == 400 && PHONE_METHOD.equals(method.type())) {
                throw new TenantException(e.getMessage() + " Microsoft Entra ID keeps a phone number that is the "
                        + "user's default MFA method while other methods remain: change the default method in the "
                        + "Microsoft Entra admin center (Users > the user > Authentication methods), then retry.", e);
            }
            throw e;
        }
    }

    @Override
    public List<GroupMembership> groupMemberships(String userId) {
        List<GroupMembership> groups = new ArrayList<>();
        graph.forEach(graph.url("/users/{}/memberOf/microsoft.graph.group?$select=" + GROUP_SELECT, userId),
                "read the user's groups", READ_MEMBER_OF, group -> {
                    List<String> types = new ArrayList<>();
                    group.path("groupTypes").forEach(type -> types.add(type.asText()));
                    List<String> skus = new ArrayList<>();
                    group.path("assignedLicenses").forEach(license -> skus.add(license.path("skuId").asText()));
                    groups.add(new GroupMembership(group.path("id").asText(), group.path("displayName").asText(),
                            kind(types, group.path("mailEnabled").asBoolean(false),
                                    group.path("securityEnabled").asBoolean(false)),
                            types.contains("DynamicMembership"), group.path("onPremisesSyncEnabled").asBoolean(false),
                            skus));
                });
        return groups;
    }

    /** Microsoft's table of group types: groupTypes "Unified", or else mailEnabled and securityEnabled tell. */
    static GroupMembership.Kind kind(List<String> groupTypes, boolean mailEnabled, boolean securityEnabled) {
        if (groupTypes.contains("Unified")) {
            return GroupMembership.Kind.MICROSOFT_365;
        }
        if (mailEnabled) {
            return securityEnabled ? GroupMembership.Kind.MAIL_ENABLED_SECURITY : GroupMembership.Kind.DISTRIBUTION;
        }
        return GroupMembership.Kind.SECURITY;
    }

    @Override
    public void removeFromGroup(String userId, GroupMembership group) {
        switch (group.kind()) {
            case SECURITY, MICROSOFT_365 -> graph.sendUnlessAbsent("DELETE",
                    graph.url("/groups/{}/members/{}/$ref", group.id(), userId), null,
                    "remove the user from the group " + group.displayName(), WRITE_GROUP_MEMBERS); // 404: not a member
            case DISTRIBUTION, MAIL_ENABLED_SECURITY -> removeFromDistributionGroup(userId, group);
        }
    }

    /** Graph cannot change the members of distribution lists and mail-enabled security groups: Exchange does. */
    private void removeFromDistributionGroup(String userId, GroupMembership group) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", group.id());
        parameters.put("Member", userId);
        parameters.put("BypassSecurityGroupManagerCheck", true);
        parameters.put("Confirm", false);
        try {
            // 404: the group itself is gone, and the membership with it.
            exchange.invokeUnlessNotFound("Remove-DistributionGroupMember", parameters,
                    "remove the user from the group " + group.displayName(), EXCHANGE_GROUP_MEMBERS);
        } catch (TenantException e) {
            if (!notAMember(e)) {
                throw e;
            }
        }
    }

    /** Exchange's MemberNotFoundException: "The recipient … isn't a member of the group …". */
    private static boolean notAMember(TenantException e) {
        if (e instanceof TenantHttp.CallFailedException failed && NOT_A_MEMBER.equals(failed.code())) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains(NOT_A_MEMBER) || message.contains("isn't a member of the group");
    }
}
