package dev.offboarding.tenant.graph;

import static dev.offboarding.tenant.graph.GraphPermissions.READ_CALENDARS;
import static dev.offboarding.tenant.graph.GraphPermissions.WRITE_CALENDARS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offboarding.tenant.Calendars;
import dev.offboarding.tenant.Meeting;
import dev.offboarding.tenant.TenantException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Meetings through Microsoft Graph. {@code /users/{id}/events} lists single meetings and series masters, never the
 * occurrences of a series; without a {@code Prefer: outlook.timezone} header their times are in UTC.
 */
public class GraphCalendars implements Calendars {

    static final String EVENT_SELECT = "id,subject,start,end,type,recurrence,attendees,isCancelled";

    private final GraphApi graph;

    public GraphCalendars(GraphApi graph) {
        this.graph = graph;
    }

    @Override
    public List<Meeting> upcomingMeetingsOrganizedBy(String userPrincipalName, Instant after) {
        List<Meeting> meetings = new ArrayList<>();
        graph.forEach(graph.url("/users/{}/events?$filter=isOrganizer%20eq%20true&$select=" + EVENT_SELECT,
                userPrincipalName), "read the meetings the user organised", READ_CALENDARS, event -> {
                    int attendees = event.path("attendees").size();
                    if (event.path("isCancelled").asBoolean(false) || attendees == 0) {
                        return; // cancelled already, or an appointment nobody else attends
                    }
                    boolean series = "seriesMaster".equals(event.path("type").asText());
                    boolean upcoming = series ? !seriesEnded(event, after)
                            : instant(event.path("end")).isAfter(after);
                    if (upcoming) {
                        meetings.add(new Meeting(event.path("id").asText(), event.path("subject").asText(""),
                                instant(event.path("start")), attendees, series));
                    }
                });
        return meetings;
    }

    /**
     * Whether every occurrence of the series ended before {@code after}: a range with an end date before it, or a
     * numbered range whose last possible occurrence (the first one plus the number of occurrences times the interval)
     * is before it. A series without an end, or one that may still have occurrences, has not ended.
     */
    static boolean seriesEnded(JsonNode event, Instant after) {
        JsonNode range = event.path("recurrence").path("range");
        JsonNode pattern = event.path("recurrence").path("pattern");
        switch (range.path("type").asText("noEnd")) {
            case "endDate" -> {
                ZoneId zone = zone(range.path("recurrenceTimeZone").asText("UTC"));
                // The end date is the last day an occurrence may start on, in the series' time zone.
                Instant endOfLastDay = LocalDate.parse(range.path("endDate").asText()).plusDays(1)
                        .atStartOfDay(zone).toInstant();
                return !endOfLastDay.isAfter(after);
            }
            case "numbered" -> {
                long occurrences = range.path("numberOfOccurrences").asLong(0);
                long interval = Math.max(1, pattern.path("interval").asLong(1));
                ChronoUnit unit = switch (pattern.path("type").asText("daily")) {
                    case "weekly" -> ChronoUnit.WEEKS;
                    case "absoluteMonthly", "relativeMonthly" -> ChronoUnit.MONTHS;
                    case "absoluteYearly", "relativeYearly" -> ChronoUnit.YEARS;
                    default -> ChronoUnit.DAYS;
                };
                Instant lastPossible = instant(event.path("end")).atZone(ZoneOffset.UTC)
                        .plus(occurrences * interval, unit).toInstant();
                return !lastPossible.isAfter(after);
            }
            default -> {
                return false;
            }
        }
    }

    /** Graph's dateTimeTimeZone: {@code {"dateTime":"2026-12-01T09:00:00.0000000","timeZone":"UTC"}}. */
    static Instant instant(JsonNode dateTimeTimeZone) {
        String text = dateTimeTimeZone.path("dateTime").asText(null);
        if (text == null) {
            throw new TenantException("Microsoft Graph sent an event without a start or end time; the step is retried.");
        }
        return LocalDateTime.parse(text).atZone(zone(dateTimeTimeZone.path("timeZone").asText("UTC"))).toInstant();
    }

    private static ZoneId zone(String name) {
        try {
            return "UTC".equalsIgnoreCase(name) ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException windowsName) {
            return ZoneOffset.UTC; // a Windows time zone name: Graph sends UTC unless asked otherwise
        }
    }

    @Override
    public void cancelMeeting(String userPrincipalName, Meeting meeting, String comment) {
        // Cancelling moves the event to Deleted Items: asked again, Graph no longer finds it (404), which is done.
        graph.sendUnlessAbsent("POST", graph.url("/users/{}/events/{}/cancel", userPrincipalName, meeting.id()),
                Map.of("Comment", comment), "cancel the meeting " + meeting.subject(), WRITE_CALENDARS);
    }
}
