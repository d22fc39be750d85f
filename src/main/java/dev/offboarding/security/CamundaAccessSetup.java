package dev.offboarding.security;

import static dev.offboarding.security.AdminGroups.BILLING_ADMINS;
import static dev.offboarding.security.AdminGroups.GLOBAL_ADMINS;
import static dev.offboarding.security.AdminGroups.USER_ADMINS;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.offboarding.config.StartupSetup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, in every configuration, the three admin groups, what Camunda lets each of them do, and the Tasklist
 * filters each group works from. Runs at every start and only adds what is missing, so an admin's own changes stay.
 */
@Component
@Order(10)
class CamundaAccessSetup implements StartupSetup {

    private static final Logger log = LoggerFactory.getLogger(CamundaAccessSetup.class);
    private static final String PROCESS = "offboarding";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    CamundaAccessSetup(IdentityService identityService, AuthorizationService authorizationService,
                       FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void setUp() {
        // Camunda administrators may do everything, as Camunda's own first-admin set-up grants them.
        for (Resource resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
        group(GLOBAL_ADMINS, "Global admins");
        group(USER_ADMINS, "User management admins");
        group(BILLING_ADMINS, "Billing admins");

        for (String offboarder : List.of(GLOBAL_ADMINS, USER_ADMINS)) {
            grant(offboarder, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(offboarder, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(offboarder, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE,
                    Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_HISTORY,
                    Permissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
            grant(offboarder, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.READ, Permissions.UPDATE);
            grant(offboarder, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE,
                    Permissions.READ_HISTORY);
            grant(offboarder, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(offboarder, Resources.USER, "*", Permissions.READ);
            grant(offboarder, Resources.GROUP, "*", Permissions.READ);
        }
        grant(BILLING_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(BILLING_ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(BILLING_ADMINS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(BILLING_ADMINS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(BILLING_ADMINS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(BILLING_ADMINS, Resources.USER, "*", Permissions.READ);
        grant(BILLING_ADMINS, Resources.GROUP, "*", Permissions.READ);

        filter("Offboarding decisions", 10, "#d9534f",
                "Decide how each leaver is offboarded: keep the mail as a shared mailbox or delete the account.",
                taskService.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey("decideOffboarding").orderByDueDate().asc(),
                GLOBAL_ADMINS, USER_ADMINS);
        filter("On-premises AD removals", 20, "#f0ad4e",
                "Delete these accounts in on-premises Active Directory; the next sync deletes them in Microsoft 365.",
                taskService.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey("removeFromOnPremisesAd").orderByDueDate().asc(),
                USER_ADMINS, GLOBAL_ADMINS);
        filter("License reductions", 30, "#5bc0de",
                "Lower the subscription totals in the Microsoft 365 admin center so the company stops paying for freed licenses.",
                taskService.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey("reduceLicenses").orderByDueDate().asc(),
                BILLING_ADMINS, GLOBAL_ADMINS);
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (present) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void filter(String name, int priority, String color, String description, TaskQuery query,
                        String... readers) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of(
                            "description", description,
                            "priority", priority,
                            "color", color,
                            "refresh", true,
                            "variables", List.of(
                                    Map.of("name", "displayName", "label", "Leaver"),
                                    Map.of("name", "userPrincipalName", "label", "User"),
                                    Map.of("name", "reason", "label", "Reason"))));
            filterService.saveFilter(filter);
            log.info("Created Tasklist filter '{}'", name);
        }
        for (String reader : readers) {
            grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
