package dev.offboarding.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SKU names lookUpUser shows are read from the tenant once in a while, not once per offboarding. */
class SkuNamesTest {

    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private final List<Subscription> subscriptions = new ArrayList<>(List.of(subscription("E3", "Office 365 E3")));
    private int reads;

    private final Licensing licensing = new Licensing() {
        @Override
        public List<Subscription> subscriptions() {
            reads++;
            return List.copyOf(subscriptions);
        }

        @Override
        public void removeLicenses(String userId, Collection<String> skuIds) {
        }
    };

    private final SkuNames names = new SkuNames(licensing, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void readsTheTenantOnceForManyLookUps() {
        for (int i = 0; i < 100; i++) {
            assertThat(names.displayNames(List.of("E3"))).isEqualTo(Map.of("E3", "Office 365 E3"));
        }
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void readsAgainWhenTheNamesAreOld() {
        names.displayNames(List.of("E3"));
        subscriptions.set(0, subscription("E3", "Microsoft 365 E3"));
        now = now.plus(SkuNames.MAX_AGE);
        assertThat(names.displayNames(List.of("E3"))).containsEntry("E3", "Office 365 E3");
        now = now.plusSeconds(1);
        assertThat(names.displayNames(List.of("E3"))).containsEntry("E3", "Microsoft 365 E3");
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void readsAgainAtOnceForASkuItDoesNotKnowAndShowsTheIdIfTheTenantDoesNotNameIt() {
        names.displayNames(List.of("E3"));
        subscriptions.add(subscription("VISIO", "Visio Plan 2"));
        assertThat(names.displayNames(List.of("E3", "VISIO"))).isEqualTo(Map.of("E3", "Office 365 E3", "VISIO", "Visio Plan 2"));
        assertThat(reads).isEqualTo(2);
        assertThat(names.displayNames(List.of("GONE"))).isEqualTo(Map.of("GONE", "GONE"));
        assertThat(names.displayNames(List.of())).isEmpty();
        assertThat(reads).isEqualTo(3);
    }

    @Test
    void aClockThatWentBackOrForgetReadsAgain() {
        names.displayNames(List.of("E3"));
        now = now.minus(Duration.ofDays(1));
        names.displayNames(List.of("E3"));
        assertThat(reads).isEqualTo(2);
        names.forget();
        names.displayNames(List.of("E3"));
        assertThat(reads).isEqualTo(3);
    }

    private static Subscription subscription(String skuId, String name) {
        return new Subscription(skuId, skuId, name, 10, 5, PurchaseChannel.values()[0], null);
    }
}
