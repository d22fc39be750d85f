package dev.offboarding.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The display names of the tenant's license SKUs ("Office 365 E3" for ENTERPRISEPACK), which lookUpUser shows. They
 * change rarely, so they are read from the tenant at most every {@link #MAX_AGE}, and again at once when a user holds
 * a SKU the last answer did not name. That spares each offboarding a call to the tenant: a request to Graph's
 * {@code /subscribedSkus} (which counts against the tenant's throttling limits), in the sandbox a count over every
 * assigned license. Steps that need the current license counts ask {@link Licensing#subscriptions()} themselves.
 */
@Component
public class SkuNames {

    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Catalog(Map<String, String> names, Instant readAt) {
    }

    private final Licensing licensing;
    private final Clock clock;
    private volatile Catalog catalog;

    public SkuNames(Licensing licensing, Clock clock) {
        this.licensing = licensing;
        this.clock = clock;
    }

    /** The display name of each of these SKUs, or its id when the tenant does not name it. */
    public Map<String, String> displayNames(Collection<String> skuIds) {
        Catalog current = catalog;
        if (current == null || isOld(current) || !current.names().keySet().containsAll(skuIds)) {
            current = reread(current);
        }
        Map<String, String> names = current.names();
        return skuIds.stream().distinct().collect(Collectors.toMap(sku -> sku, sku -> names.getOrDefault(sku, sku)));
    }

    /** Reads the names from the tenant again on next use, e.g. after the tenant was replaced. */
    public void forget() {
        catalog = null;
    }

    private boolean isOld(Catalog catalog) {
        Instant now = clock.instant();
        return now.isAfter(catalog.readAt().plus(MAX_AGE)) || now.isBefore(catalog.readAt());
    }

    /** One thread reads while the others wait for its answer, so a bulk run does not ask the tenant many times. */
    private synchronized Catalog reread(Catalog seen) {
        Catalog current = catalog;
        if (current != null && current != seen && !isOld(current)) {
            return current;
        }
        Instant readAt = clock.instant();
        Map<String, String> names = licensing.subscriptions().stream()
                .collect(Collectors.toMap(Subscription::skuId, Subscription::displayName, (a, b) -> a));
        catalog = new Catalog(Map.copyOf(names), readAt);
        return catalog;
    }
}
