package dev.offboarding.tenant;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Spaces the calls of all threads to one service of the tenant once it throttles, so that they do not all come back
 * together after a {@code 429}, most of them to be throttled again, until their attempts run out.
 *
 * <p>Every call takes its start time from here. Unthrottled, that is now: no waiting at all. A throttled answer moves
 * the next start to when the tenant takes calls again ({@code Retry-After}), and paces the calls: at first at
 * {@link #DECREASE} of the rate the tenant answered calls at just before (what it allowed), from then on at a rate
 * that grows by {@link #INCREASE_PER_SECOND} of itself per second and drops to {@link #DECREASE} of itself when the
 * tenant throttles again (additive increase, multiplicative decrease). The rate drops once for a throttling: only a
 * call sent at the current rate, after at least {@link #CALLS_PER_DROP} calls at that rate, lowers it again; calls
 * that were on their way only move the next start. After {@link #FORGET_AFTER} without a drop calls go unpaced again.
 *
 * <p>Time comes from {@code nanoTime}, so tests drive it; the waiting itself is the caller's.
 */
public final class Pacer {

    /** A throttled answer lowers the rate to this share of it. */
    static final double DECREASE = 0.9;
    /** Per second after a drop, the rate grows by this share of the rate it dropped to. */
    static final double INCREASE_PER_SECOND = 0.3;
    /** Calls sent at a rate before a throttled one among them lowers it again. */
    static final int CALLS_PER_DROP = 16;
    /** Without a drop for this long, calls are no longer paced. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(5);
    /** The last answered calls that tell the rate the tenant allowed; fewer than {@link #MIN_SAMPLES} tell nothing. */
    static final int SAMPLES = 32;
    static final int MIN_SAMPLES = 8;

    private static final double UNPACED = Double.POSITIVE_INFINITY;

    /**
     * A reserved start.
     *
     * @param waitNanos how long the caller waits before it calls
     * @param epoch     the rate it was reserved at; a throttled answer lowers only the rate it was sent at
     */
    public record Ticket(long startNanos, long waitNanos, long epoch) {

        public Duration waitTime() {
            return Duration.ofNanos(waitNanos);
        }
    }

    private final LongSupplier nanoTime;
    /** When the last calls were answered without throttling, oldest first in a ring. */
    private final long[] answered = new long[SAMPLES];
    private int answers;
    private long nextStart;
    private boolean nextStartSet;
    /** Calls per second when the rate last dropped; {@link #UNPACED} when not paced. */
    private double droppedTo = UNPACED;
    private long droppedAt;
    private long epoch;
    private int sentInEpoch;

    public Pacer(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The next start, unless the caller would have to wait longer than {@code maxWait} for it: then nothing is reserved
     * and the call should be left for later (see {@link #waitTime()}).
     */
    public synchronized Optional<Ticket> reserve(Duration maxWait) {
        long now = nanoTime.getAsLong();
        long start = nextStartSet && nextStart - now > 0 ? nextStart : now;
        long wait = start - now;
        if (wait > maxWait.toNanos()) {
            return Optional.empty();
        }
        double rate = rate(now);
        nextStart = rate == UNPACED ? start : start + (long) Math.ceil(1e9 / rate);
        nextStartSet = true;
        sentInEpoch++;
        return Optional.of(new Ticket(start, wait, epoch));
    }

    /** How long a call reserved now would wait. */
    public synchronized Duration waitTime() {
        long now = nanoTime.getAsLong();
        return nextStartSet && nextStart - now > 0 ? Duration.ofNanos(nextStart - now) : Duration.ZERO;
    }

    /** The call of this ticket was answered, not throttled. */
    public synchronized void answered(Ticket ticket) {
        answered[answers % SAMPLES] = nanoTime.getAsLong();
        answers++;
    }

    /**
     * The call of this ticket was throttled: no call starts before {@code retryAfter} from now (when given), and the
     * rate drops if the call was sent at it.
     */
    public synchronized void throttled(Ticket ticket, Duration retryAfter) {
        long now = nanoTime.getAsLong();
        if (retryAfter != null && !retryAfter.isNegative()) {
            long allowed = now + retryAfter.toNanos();
            if (!nextStartSet || allowed - nextStart > 0) {
                nextStart = allowed;
                nextStartSet = true;
            }
        }
        if (ticket.epoch() != epoch || sentInEpoch < CALLS_PER_DROP) {
            return; // sent before the rate last dropped, or too soon after: that drop answers this throttling
        }
        double rate = rate(now);
        if (rate == UNPACED) {
            rate = allowedRate(now);
            if (Double.isNaN(rate)) {
                return; // too few answers to tell what the tenant allows: the wait above is all
            }
        }
        droppedTo = Math.max(0.1, DECREASE * rate);
        droppedAt = now;
        epoch++;
        sentInEpoch = 0;
    }

    /** Calls per second allowed now; infinite when calls are not paced. */
    public synchronized double rate() {
        return rate(nanoTime.getAsLong());
    }

    private double rate(long now) {
        if (droppedTo == UNPACED) {
            return UNPACED;
        }
        long since = now - droppedAt;
        if (since > FORGET_AFTER.toNanos()) {
            droppedTo = UNPACED;
            return UNPACED;
        }
        return droppedTo * (1 + INCREASE_PER_SECOND * Math.max(0, since) / 1e9);
    }

    /** The rate of the last answers that were not throttled, up to now; NaN if there were too few. */
    private double allowedRate(long now) {
        int count = Math.min(answers, SAMPLES);
        if (count < MIN_SAMPLES) {
            return Double.NaN;
        }
        long oldest = answered[(answers - count) % SAMPLES];
        return (count - 1) * 1e9 / Math.max(now - oldest, 1_000_000);
    }
}
