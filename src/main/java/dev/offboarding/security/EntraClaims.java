package dev.offboarding.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads who a token of Microsoft Entra ID names and which Camunda groups that makes them a member of, the same way
 * for the ID token of a webapp sign-in and for the access token of an API call.
 */
final class EntraClaims {

    private final String userIdClaim;
    private final List<String> groupClaims;
    /** Camunda group id to the lower-case Entra ids (role template ids, group object ids, app roles) that grant it. */
    private final Map<String, Set<String>> sourcesByGroup = new LinkedHashMap<>();

    EntraClaims(EntraProperties properties) {
        this.userIdClaim = properties.userIdClaim();
        this.groupClaims = properties.groupClaims();
        properties.groupMapping().forEach((group, sources) -> {
            Set<String> ids = sources.stream().map(String::trim).filter(id -> !id.isEmpty())
                    .map(EntraClaims::lower).collect(Collectors.toCollection(TreeSet::new));
            if (!ids.isEmpty()) {
                sourcesByGroup.put(group, ids);
            }
        });
    }

    String userIdClaim() {
        return userIdClaim;
    }

    /** The Camunda user id: the configured claim in lower case (Entra compares user principal names without case). */
    String userId(Map<String, Object> claims) {
        Object value = claims.get(userIdClaim);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return lower(value.toString().trim());
    }

    /** The Camunda groups the token's roles and groups map to, sorted. */
    Set<String> groups(Map<String, Object> claims) {
        Set<String> present = new TreeSet<>();
        for (String claim : groupClaims) {
            Object value = claims.get(claim);
            if (value instanceof Collection<?> values) {
                values.forEach(v -> present.add(lower(String.valueOf(v))));
            } else if (value != null) {
                present.add(lower(value.toString()));
            }
        }
        Set<String> groups = new TreeSet<>();
        sourcesByGroup.forEach((group, sources) -> {
            if (sources.stream().anyMatch(present::contains)) {
                groups.add(group);
            }
        });
        return groups;
    }

    /** Groups whose membership Entra decides: the mapped ones. Sign-in adds and removes users there, and only there. */
    Set<String> managedGroups() {
        return sourcesByGroup.keySet();
    }

    /**
     * Entra leaves the {@code groups} claim out when a user is in too many groups (over 200 in a JWT) and says so
     * with {@code hasgroups} or {@code _claim_names}; the groups must then come from app roles, directory roles or
     * "groups assigned to the application".
     */
    static boolean groupsLeftOut(Map<String, Object> claims) {
        return Boolean.TRUE.equals(claims.get("hasgroups"))
                || (claims.get("_claim_names") instanceof Map<?, ?> names && names.containsKey("groups"));
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
