package dev.offboarding.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the Camunda groups the Entra mapping names and that do not exist yet. */
final class MappedGroups {

    private static final Logger log = LoggerFactory.getLogger(MappedGroups.class);

    private MappedGroups() {
    }

    static void create(IdentityService identityService, AuthorizationService authorizationService, Set<String> groups) {
        for (String groupId : groups) {
            if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
                continue;
            }
            boolean admin = Groups.CAMUNDA_ADMIN.equals(groupId);
            Group group = identityService.newGroup(groupId);
            group.setName(admin ? "Camunda administrators" : groupId);
            group.setType(admin ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
            log.info("Created group {} for the Entra ID group mapping", groupId);
            if (admin) {
                // What Camunda grants its admin group when it creates the first admin (camunda.bpm.admin-user).
                for (Resource resource : Resources.values()) {
                    if (authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                            .resourceId(ANY).count() == 0) {
                        Authorization all = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                        all.setGroupId(groupId);
                        all.setResource(resource);
                        all.setResourceId(ANY);
                        all.addPermission(Permissions.ALL);
                        authorizationService.saveAuthorization(all);
                    }
                }
            }
        }
    }
}
