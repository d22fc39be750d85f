package dev.offboarding.tenant.sandbox;

import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.config.OffboardingProperties.SandboxFaults;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Decides, call by call, whether the sandbox tenant answers as a busy Microsoft 365 would: throttled with a wait,
 * a server error, a call that hangs, added latency, or a hard rate limit. Settings start from
 * {@code offboarding.sandbox.faults.*} and can be changed while the application runs ({@code PUT /api/sandbox/faults}).
 */
@Component
@SandboxMode
public class SandboxFaultInjector {

    /** What the sandbox answers a call with. */
    public sealed interface Answer permits Serve, Throttle, ServerError, Hang {
    }

    public record Serve() implements Answer {
    }

    public record Throttle(Duration retryAfter) implements Answer {
    }

    public record ServerError() implements Answer {
    }

    public record Hang(Duration timeout) implements Answer {
    }

    private volatile SandboxFaults faults;
    private final Object bucketLock = new Object();
    private double tokens;
    private long lastRefill = System.nanoTime();

    SandboxFaultInjector(OffboardingProperties properties) {
        this.faults = properties.sandbox().faults();
    }

    public SandboxFaults faults() {
        return faults;
    }

    public void change(SandboxFaults faults) {
        this.faults = faults;
        synchronized (bucketLock) {
            tokens = Math.min(1, faults.callsPerSecond());
            lastRefill = System.nanoTime();
        }
    }

    /** The answer for the next call of this operation. */
    public Answer next(String operation) {
        SandboxFaults current = faults;
        if (current.failingOperations().contains(operation)) {
            return new ServerError();
        }
        if (current.callsPerSecond() > 0) {
            Duration wait = takeSlot(current.callsPerSecond());
            if (!wait.isZero()) {
                return new Throttle(wait);
            }
        }
        double dice = ThreadLocalRandom.current().nextDouble();
        if (dice < current.throttledShare()) {
            return new Throttle(current.retryAfter());
        }
        dice -= current.throttledShare();
        if (dice < current.serverErrorShare()) {
            return new ServerError();
        }
        dice -= current.serverErrorShare();
        if (dice < current.timeoutShare()) {
            return new Hang(current.timeout());
        }
        return new Serve();
    }

    public Duration latency() {
        return faults.latency();
    }

    /** A token bucket of one second's worth at most: zero when a call may go now, else the wait for the next slot. */
    private Duration takeSlot(double perSecond) {
        synchronized (bucketLock) {
            long now = System.nanoTime();
            tokens = Math.min(Math.max(1, perSecond / 10), tokens + (now - lastRefill) / 1e9 * perSecond);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            long nanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
            return Duration.ofNanos(Math.max(nanos, 1_000_000));
        }
    }
}
