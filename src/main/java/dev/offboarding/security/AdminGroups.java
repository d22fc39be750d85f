package dev.offboarding.security;

import java.util.List;

/** The admin groups of PROCESS.md and what each may do. */
public final class AdminGroups {

    private AdminGroups() {
    }

    /** May offboard users and reduce the license count. */
    public static final String GLOBAL_ADMINS = "global-admins";
    /** May offboard users. */
    public static final String USER_ADMINS = "user-admins";
    /** May reduce the license count. */
    public static final String BILLING_ADMINS = "billing-admins";

    public static final List<String> ALL = List.of(GLOBAL_ADMINS, USER_ADMINS, BILLING_ADMINS);
    public static final List<String> MAY_OFFBOARD = List.of(GLOBAL_ADMINS, USER_ADMINS);
}
