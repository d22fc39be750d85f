package dev.offboarding.tenant;

import java.time.LocalDate;

/**
 * A license subscription of the tenant.
 *
 * @param total             licenses paid for
 * @param consumed          licenses assigned to users
 * @param commitmentEndDate end of an annual commitment, {@code null} for monthly
 */
public record Subscription(
        String skuId,
        String skuPartNumber,
        String displayName,
        int total,
        int consumed,
        PurchaseChannel purchaseChannel,
        LocalDate commitmentEndDate) {
}
