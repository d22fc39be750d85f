package dev.offboarding.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call policy with the pacer, on the test's own time: the sleeper records each wait and moves the time on, so
 * calls made one after another stand for threads that call at the same moment.
 */
class TenantCallsTest {

    private long now = 5_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();
    private final List<Duration> paced = new ArrayList<>();
    private final TenantCallListener listener = new TenantCallListener() {
        @Override
        public void called(String service, String operation, String outcome, long nanos) {
        }

        @Override
        public void throttled(String service, String operation, Duration wait) {
        }

        @Override
        public void paced(String service, Duration wait) {
            paced.add(wait);
        }
    };
    private final TenantCalls calls = new TenantCalls("Test tenant",
            new TenantCalls.Settings(16, Duration.ofSeconds(30), 5, Duration.ofSeconds(30)), wait -> {
                waits.add(wait);
                now += wait.toNanos();
            }, listener, () -> now);
    private int sent;

    @Test
    void aRetryAfterIsWaitedForOnceAndNothingElseIsAddedForASingleCaller() {
        assertThat(calls.<String>call("read", throttledOnce(Duration.ofMillis(250)))).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofMillis(250));
        assertThat(sent).isEqualTo(2);
        assertThat(calls.call("read", () -> ok())).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void afterThrottlingTheCallsOfAllThreadsAreSpacedInsteadOfComingBackTogether() {
        for (int i = 0; i < 30; i++) {
            calls.call("read", () -> ok());
            now += 10_000_000L; // a tenant that answers 100 calls per second
        }
        assertThat(waits).isEmpty();
        calls.call("read", throttledOnce(Duration.ofMillis(10)));
        assertThat(waits).containsExactly(Duration.ofMillis(10));

        // Eight threads at the same moment: each waits its turn, about 1/90 s after the one before.
        waits.clear();
        long moment = now;
        for (int thread = 0; thread < 8; thread++) {
            now = moment;
            calls.call("read", () -> ok());
        }
        assertThat(paced).hasSize(8);
        for (int i = 1; i < paced.size(); i++) {
            assertThat(paced.get(i).minus(paced.get(i - 1)).toNanos()).isBetween(10_500_000L, 11_500_000L);
        }
        assertThat(calls.pacer().rate()).isBetween(85.0, 95.0);
    }

    @Test
    void whileTheTenantAsksForALongWaitOtherCallsAreNotSentAndLeftToTheStepsRetry() {
        assertThatThrownBy(() -> calls.call("read", throttledOnce(Duration.ofSeconds(120))))
                .isInstanceOf(TenantException.class).hasMessageContaining("asks to wait 120 s");
        int before = sent;
        assertThatThrownBy(() -> calls.call("write", () -> ok()))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("Test tenant is throttling this tenant and takes calls again in 120 s")
                .hasMessageContaining("'write' was not sent");
        assertThat(sent).isEqualTo(before);
        assertThat(waits).isEmpty();

        now += Duration.ofSeconds(120).toNanos();
        assertThat(calls.call("write", () -> ok())).isEqualTo("ok");
    }

    @Test
    void serverErrorsBackOffWithoutPacingTheOtherCalls() {
        int[] attempts = {0};
        assertThat(calls.<String>call("read", () -> ++attempts[0] == 1
                ? new TenantCalls.Retry<>(null, "answered 503", "503") : ok())).isEqualTo("ok");
        assertThat(waits).hasSize(1);
        assertThat(calls.pacer().waitTime()).isZero();
        assertThat(calls.pacer().rate()).isInfinite();
    }

    private TenantCalls.Call<String> throttledOnce(Duration retryAfter) {
        boolean[] throttled = {false};
        return () -> {
            if (!throttled[0]) {
                throttled[0] = true;
                sent++;
                return new TenantCalls.Retry<>(retryAfter, "answered 429 Too Many Requests", "429");
            }
            return ok();
        };
    }

    private TenantCalls.Done<String> ok() {
        sent++;
        return new TenantCalls.Done<>("ok", "ok");
    }
}
