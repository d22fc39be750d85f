package dev.offboarding.tenant;

import java.time.Instant;

/**
 * A meeting the user organised that has not ended yet: its attendees would keep a meeting nobody runs.
 *
 * @param id        the event's id (for a series, the series master)
 * @param recurring a series: cancelling it cancels its future occurrences
 */
public record Meeting(String id, String subject, Instant start, int attendees, boolean recurring) {
}
