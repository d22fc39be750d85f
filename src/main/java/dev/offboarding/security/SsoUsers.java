package dev.offboarding.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Camunda's user and memberships of a person who signs in with Entra ID in step with the token: the user is
 * created or its name and e-mail updated, and in the groups Entra decides ({@link EntraClaims#managedGroups()}) it is
 * made a member or removed. Memberships an admin gave in Camunda Admin in other groups stay. So Tasklist, Cockpit and
 * Admin show the person's name, tasks can be assigned to them, and Camunda's periodic re-check of a webapp session
 * (which reads the groups from the identity service) finds the same groups as the sign-in.
 */
class SsoUsers {

    /** Length of {@code ACT_ID_USER.ID_} and {@code ACT_ID_MEMBERSHIP.USER_ID_}. */
    static final int MAX_USER_ID_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(SsoUsers.class);

    private final IdentityService identityService;
    private final Set<String> managedGroups;

    SsoUsers(IdentityService identityService, Set<String> managedGroups) {
        this.identityService = identityService;
        this.managedGroups = managedGroups;
    }

    /** A person the sign-in refuses, with the reason in words for the page they see. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Brings the user and its memberships up to date and returns all its Camunda groups.
     *
     * @param groups the Camunda groups the token maps to
     */
    List<String> signIn(String userId, String firstName, String lastName, String email, Set<String> groups) {
        if (userId.length() > MAX_USER_ID_LENGTH) {
            throw new Refused("Your user name " + userId + " is longer than the " + MAX_USER_ID_LENGTH
                    + " characters Camunda allows for a user id.");
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        try {
            if (user == null) {
                user = identityService.newUser(userId);
                fill(user, firstName, lastName, email);
                identityService.saveUser(user);
                log.info("Created Camunda user {} for its first sign-in with Entra ID", userId);
            } else if (!Objects.equals(user.getFirstName(), firstName) || !Objects.equals(user.getLastName(), lastName)
                    || !Objects.equals(user.getEmail(), email)) {
                fill(user, firstName, lastName, email);
                identityService.saveUser(user);
            }
        } catch (ProcessEngineException e) {
            throw new Refused("Camunda cannot keep a user with the id " + userId + ": " + e.getMessage());
        }

        List<String> current = memberships(userId);
        for (String group : managedGroups) {
            boolean member = current.contains(group);
            if (groups.contains(group) && !member) {
                identityService.createMembership(userId, group);
                log.info("Sign-in with Entra ID: {} is now in {}", userId, group);
            } else if (!groups.contains(group) && member) {
                identityService.deleteMembership(userId, group);
                log.info("Sign-in with Entra ID: {} is no longer in {}", userId, group);
            }
        }
        return memberships(userId);
    }

    private List<String> memberships(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
    }

    private static void fill(User user, String firstName, String lastName, String email) {
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
    }
}
