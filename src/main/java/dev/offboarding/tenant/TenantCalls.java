package dev.offboarding.tenant;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How the application calls a tenant, whichever adapter: a bounded number of calls in flight, {@code Retry-After}
 * honoured when the tenant throttles, the calls of all threads paced after that ({@link Pacer}), exponential backoff
 * with jitter on server errors and timeouts, and a clear {@link TenantException} when the attempts run out, so the step
 * is retried later by the process.
 */
public final class TenantCalls {

    /** Sleeps between attempts; a field so tests can watch the waits. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param maxConcurrent  calls in flight at once
     * @param slotTimeout    how long a call waits for a free slot
     * @param maxAttempts    attempts of one call on throttling, server errors and timeouts
     * @param maxInlineWait  longest wait inside a step; a longer Retry-After is left to the step's own retry
     */
    public record Settings(int maxConcurrent, Duration slotTimeout, int maxAttempts, Duration maxInlineWait) {
    }

    /** What one attempt gave: a value, or a reason to try again. */
    public sealed interface Attempt<T> permits Done, Retry {
    }

    /** @param outcome for metrics: the status, "ok", ... */
    public record Done<T>(T value, String outcome) implements Attempt<T> {
    }

    /**
     * @param retryAfter what the tenant asked to wait, or null for backoff
     * @param what       what happened, for the message when the attempts run out ("answered 503: ...")
     */
    public record Retry<T>(Duration retryAfter, String what, String outcome) implements Attempt<T> {
    }

    /** One attempt at the call; an exception other than IOException ends the call. */
    public interface Call<T> {
        Attempt<T> attempt() throws IOException;
    }

    private static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(20);

    private final String service;
    private final Settings settings;
    private final Sleeper sleeper;
    private final TenantCallListener listener;
    private final Semaphore inFlight;
    private final Pacer pacer;

    public TenantCalls(String service, Settings settings, Sleeper sleeper, TenantCallListener listener) {
        this(service, settings, sleeper, listener, System::nanoTime);
    }

    /** @param nanoTime the time the pacer spaces calls by; tests pass one that their {@code sleeper} moves on */
    public TenantCalls(String service, Settings settings, Sleeper sleeper, TenantCallListener listener,
                       LongSupplier nanoTime) {
        this.service = service;
        this.settings = settings;
        this.sleeper = sleeper;
        this.listener = listener;
        this.inFlight = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
        this.pacer = new Pacer(nanoTime);
    }

    /** The pacing of the calls to this service, shared by all threads. */
    public Pacer pacer() {
        return pacer;
    }

    public String service() {
        return service;
    }

    public <T> T call(String operation, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            Pacer.Ticket ticket = waitForTurn(operation);
            Attempt<T> result = attemptInSlot(operation, call);
            if (result instanceof Done<T> done) {
                pacer.answered(ticket);
                return done.value();
            }
            Retry<T> retry = (Retry<T>) result;
            if (retry.retryAfter() != null || "429".equals(retry.outcome())) {
                pacer.throttled(ticket, retry.retryAfter());
            }
            if (retry.retryAfter() != null) {
                listener.throttled(service, operation, retry.retryAfter());
            }
            waitBeforeRetry(operation, attempt, retry);
        }
    }

    /** Waits for this call's start from the pacer; a wait longer than a step may wait is left to the step's retry. */
    private Pacer.Ticket waitForTurn(String operation) {
        Pacer.Ticket ticket = pacer.reserve(settings.maxInlineWait()).orElseThrow(() -> new TenantException(service
                + " is throttling this tenant and takes calls again in " + Math.max(1, pacer.waitTime().toSeconds())
                + " s, so '" + operation + "' was not sent; the step is retried after that."));
        if (ticket.waitNanos() > 0) {
            listener.paced(service, ticket.waitTime());
            try {
                sleeper.sleep(ticket.waitTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TenantException("Interrupted while waiting to call " + service + "; the step is retried.", e);
            }
        }
        return ticket;
    }

    private <T> Attempt<T> attemptInSlot(String operation, Call<T> call) {
        long started = System.nanoTime();
        boolean acquired = false;
        String outcome = "failed";
        try {
            acquired = inFlight.tryAcquire(settings.slotTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                outcome = "no-slot";
                return new Retry<>(null, "had no free slot for a call within " + settings.slotTimeout().toSeconds()
                        + " s", outcome);
            }
            Attempt<T> result = call.attempt();
            outcome = result instanceof Done<T> done ? done.outcome() : ((Retry<T>) result).outcome();
            return result;
        } catch (IOException e) {
            outcome = "error";
            return new Retry<>(null, "did not answer in time or the connection failed (" + e.getClass().getSimpleName()
                    + ")", outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while calling " + service + "; the step is retried.", e);
        } finally {
            if (acquired) {
                inFlight.release();
            }
            listener.called(service, operation, outcome, System.nanoTime() - started);
        }
    }

    private void waitBeforeRetry(String operation, int attempt, Retry<?> retry) {
        if (attempt >= settings.maxAttempts()) {
            throw new TenantException(service + " " + retry.what() + " to '" + operation + "' " + attempt
                    + " times in a row. It is probably busy or throttling this tenant; the step is retried later. "
                    + "If this persists, check the service health of the tenant.");
        }
        Duration wait = retry.retryAfter() != null ? retry.retryAfter() : backoff(attempt);
        if (wait.compareTo(settings.maxInlineWait()) > 0) {
            throw new TenantException(service + " " + retry.what() + " to '" + operation + "' and asks to wait "
                    + wait.toSeconds() + " s; the step is retried after that.");
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException("Interrupted while waiting to call " + service + " again; the step is retried.", e);
        }
    }

    /** Exponential backoff with jitter: between half and all of base * 2^(attempt-1), capped. */
    public static Duration backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
