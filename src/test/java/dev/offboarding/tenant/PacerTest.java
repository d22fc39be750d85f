package dev.offboarding.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the pacer spaces calls once the tenant throttles; time is the test's, nothing sleeps. */
class PacerTest {

    private static final Duration NO_LIMIT = Duration.ofMinutes(10);

    private long now = 1_000_000_000L;
    private final Pacer pacer = new Pacer(() -> now);

    @Test
    void callsGoAtOnceWhileTheTenantDoesNotThrottle() {
        for (int i = 0; i < 100; i++) {
            Pacer.Ticket ticket = pacer.reserve(NO_LIMIT).orElseThrow();
            assertThat(ticket.waitNanos()).isZero();
            pacer.answered(ticket);
        }
        assertThat(pacer.rate()).isInfinite();
    }

    @Test
    void afterAThrottledCallNoCallStartsBeforeRetryAfterAndThenTheyAreSpacedAtNineTenthsOfWhatTheTenantAllowed() {
        answerAtOneHundredPerSecond(20);
        Pacer.Ticket throttled = pacer.reserve(NO_LIMIT).orElseThrow();
        pacer.throttled(throttled, Duration.ofMillis(50));

        assertThat(pacer.rate()).isCloseTo(0.9 * 100, within(0.5));
        List<Long> waits = new ArrayList<>();
        for (int thread = 0; thread < 5; thread++) {
            waits.add(pacer.reserve(NO_LIMIT).orElseThrow().waitNanos());
        }
        // All five threads asked at the same moment: the first goes when the tenant allows, the others one by one.
        long spacing = Math.round(1e9 / pacer.rate());
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isCloseTo(50_000_000L + i * spacing, within(1_000L));
        }
    }

    @Test
    void aThrottledCallWithTooFewAnswersBeforeItOnlyWaitsForRetryAfter() {
        Pacer.Ticket first = pacer.reserve(NO_LIMIT).orElseThrow();
        pacer.throttled(first, Duration.ofSeconds(1));
        assertThat(pacer.rate()).isInfinite();
        assertThat(pacer.reserve(NO_LIMIT).orElseThrow().waitTime()).isEqualTo(Duration.ofSeconds(1));
        now += Duration.ofSeconds(1).toNanos();
        assertThat(pacer.reserve(NO_LIMIT).orElseThrow().waitNanos()).isZero();
    }

    @Test
    void oneThrottlingLowersTheRateOnceNotOncePerCallThatWasOnItsWay() {
        answerAtOneHundredPerSecond(20);
        List<Pacer.Ticket> onTheirWay = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            onTheirWay.add(pacer.reserve(NO_LIMIT).orElseThrow());
        }
        onTheirWay.forEach(ticket -> pacer.throttled(ticket, Duration.ofMillis(10)));
        double afterOneDrop = pacer.rate();
        assertThat(afterOneDrop).isCloseTo(90, within(0.5));

        // Sent at the new rate, but too few of them yet to tell: still one drop.
        Pacer.Ticket soon = pacer.reserve(NO_LIMIT).orElseThrow();
        pacer.throttled(soon, Duration.ofMillis(10));
        assertThat(pacer.rate()).isEqualTo(afterOneDrop);

        for (int i = 0; i < Pacer.CALLS_PER_DROP; i++) {
            pacer.answered(pacer.reserve(NO_LIMIT).orElseThrow());
        }
        pacer.throttled(pacer.reserve(NO_LIMIT).orElseThrow(), Duration.ofMillis(10));
        assertThat(pacer.rate()).isCloseTo(0.9 * afterOneDrop, within(0.5));
    }

    @Test
    void theRateGrowsAgainWithoutThrottlingAndAfterAWhileCallsAreNoLongerPaced() {
        answerAtOneHundredPerSecond(20);
        pacer.throttled(pacer.reserve(NO_LIMIT).orElseThrow(), null);
        double dropped = pacer.rate();
        now += Duration.ofSeconds(1).toNanos();
        assertThat(pacer.rate()).isCloseTo(dropped * (1 + Pacer.INCREASE_PER_SECOND), within(0.01));
        now += Duration.ofSeconds(2).toNanos();
        assertThat(pacer.rate()).isCloseTo(dropped * (1 + 3 * Pacer.INCREASE_PER_SECOND), within(0.01));

        now += Pacer.FORGET_AFTER.toNanos();
        assertThat(pacer.rate()).isInfinite();
        assertThat(pacer.reserve(NO_LIMIT).orElseThrow().waitNanos()).isZero();
        assertThat(pacer.reserve(NO_LIMIT).orElseThrow().waitNanos()).isZero();
    }

    @Test
    void aCallThatWouldWaitLongerThanAllowedIsNotReserved() {
        pacer.throttled(pacer.reserve(NO_LIMIT).orElseThrow(), Duration.ofSeconds(120));
        assertThat(pacer.reserve(Duration.ofSeconds(30))).isEmpty();
        assertThat(pacer.waitTime()).isEqualTo(Duration.ofSeconds(120));
        now += Duration.ofSeconds(100).toNanos();
        assertThat(pacer.reserve(Duration.ofSeconds(30)).orElseThrow().waitTime()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aShorterRetryAfterNeverBringsTheNextStartForward() {
        pacer.throttled(pacer.reserve(NO_LIMIT).orElseThrow(), Duration.ofSeconds(5));
        pacer.throttled(pacer.reserve(NO_LIMIT).orElseThrow(), Duration.ofSeconds(1));
        assertThat(pacer.waitTime()).isEqualTo(Duration.ofSeconds(5));
    }

    /** Calls answered 10 ms apart, as a tenant that allows 100 calls per second answers them. */
    private void answerAtOneHundredPerSecond(int calls) {
        for (int i = 0; i < calls; i++) {
            Pacer.Ticket ticket = pacer.reserve(NO_LIMIT).orElseThrow();
            assertThat(ticket.waitNanos()).isZero();
            now += 10_000_000L;
            pacer.answered(ticket);
        }
    }
}
