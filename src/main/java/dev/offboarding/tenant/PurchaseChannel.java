package dev.offboarding.tenant;

/** Where a subscription was bought; only direct purchases can be reduced by the tenant's own admins. */
public enum PurchaseChannel {
    DIRECT, PARTNER, VOLUME_LICENSING
}
