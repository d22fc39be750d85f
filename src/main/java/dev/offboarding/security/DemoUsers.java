package dev.offboarding.security;

import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.config.OffboardingProperties.DemoUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.offboarding.config.StartupSetup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo logins ({@code offboarding.demo.users}), which only the demo configuration lists. A user that exists is
 * left as it is, its password included.
 */
@Component
@Order(20)
class DemoUsers implements StartupSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private final OffboardingProperties properties;

    DemoUsers(IdentityService identityService, OffboardingProperties properties) {
        this.identityService = identityService;
        this.properties = properties;
    }

    @Override
    public void setUp() {
        for (DemoUser demo : properties.demo().users()) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@example.com");
            user.setPassword(demo.password());
            identityService.saveUser(user);
            for (String groupId : demo.groups()) {
                if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identityService.newGroup(groupId);
                    group.setName(Groups.CAMUNDA_ADMIN.equals(groupId) ? "Camunda administrators" : groupId);
                    group.setType(Groups.GROUP_TYPE_SYSTEM);
                    identityService.saveGroup(group);
                }
                identityService.createMembership(demo.id(), groupId);
            }
            log.warn("Created demo login '{}' (groups {}). Demo logins belong to the demo configuration only.",
                    demo.id(), demo.groups());
        }
    }
}
