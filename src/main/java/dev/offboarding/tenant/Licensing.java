package dev.offboarding.tenant;

import java.util.Collection;
import java.util.List;

/** Licenses and subscriptions of a tenant. */
public interface Licensing {

    List<Subscription> subscriptions();

    /** Unassigns these licenses from the user. Licenses no longer assigned are fine. */
    void removeLicenses(String userId, Collection<String> skuIds);
}
