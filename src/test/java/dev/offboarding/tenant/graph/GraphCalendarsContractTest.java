package dev.offboarding.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.offboarding.tenant.graph.GraphContract.graphForbidden;
import static dev.offboarding.tenant.graph.GraphContract.graphNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offboarding.tenant.Meeting;
import dev.offboarding.tenant.TenantException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meetings a leaver organised, as Microsoft Graph v1.0 lists and cancels events. */
class GraphCalendarsContractTest {

    private static final String UPN = "adele.vance@contoso.com";
    private static final String EVENTS = "/v1.0/users/adele.vance@contoso.com/events?$filter=isOrganizer%20eq%20true"
            + "&$select=id,subject,start,end,type,recurrence,attendees,isCancelled";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String COMMENT = "Adele Vance has left Contoso, so this meeting is cancelled.";

    private final GraphContract contract = new GraphContract();
    private final GraphCalendars calendars = contract.calendars();

    @AfterEach
    void stop() {
        contract.close();
    }

    @Test
    void upcomingMeetingsAreTheMeetingsAndSeriesWithAttendeesThatHaveNotEndedOnEveryPage() {
        String second = EVENTS + "&$skip=10";
        contract.server.stubFor(get(urlEqualTo(EVENTS)).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('adele.vance%%40contoso.com')/events(id,subject,start,end,type,recurrence,attendees,isCancelled)",
                 "@odata.nextLink":"%s",
                 "value":[
                   %s,
                   %s,
                   %s,
                   %s]}""".formatted(contract.url() + second,
                event("AAMkAGIAAAoZDOFAAA=", "Store opening in Lyon: final check", "singleInstance",
                        "2026-11-27T09:00:00.0000000", "2026-11-27T10:00:00.0000000", "null", false, 2),
                event("AAMkAGIAAAoZDOFBBB=", "Retail review (last week)", "singleInstance",
                        "2026-11-13T09:00:00.0000000", "2026-11-13T10:00:00.0000000", "null", false, 3),
                event("AAMkAGIAAAoZDOFCCC=", "Focus time", "singleInstance",
                        "2026-11-24T13:00:00.0000000", "2026-11-24T15:00:00.0000000", "null", false, 0),
                event("AAMkAGIAAAoZDOFDDD=", "Budget (cancelled)", "singleInstance",
                        "2026-11-30T09:00:00.0000000", "2026-11-30T10:00:00.0000000", "null", true, 4)))));
        contract.server.stubFor(get(urlEqualTo(second)).willReturn(okJson("""
                {"value":[
                   %s,
                   %s,
                   %s,
                   %s,
                   %s,
                   %s]}""".formatted(
                event("AAMkAGIAAAoZDOFEEE=", "Weekly retail sync", "seriesMaster",
                        "2025-01-06T09:00:00.0000000", "2025-01-06T09:30:00.0000000",
                        recurrence("weekly", 1, "noEnd", "\"endDate\":\"0001-01-01\",\"numberOfOccurrences\":0"), false, 5),
                event("AAMkAGIAAAoZDOFFFF=", "Onboarding series 2025", "seriesMaster",
                        "2025-02-03T14:00:00.0000000", "2025-02-03T15:00:00.0000000",
                        recurrence("weekly", 1, "endDate", "\"endDate\":\"2025-06-30\",\"numberOfOccurrences\":0"), false, 8),
                event("AAMkAGIAAAoZDOFGGG=", "Quarterly planning", "seriesMaster",
                        "2026-01-15T09:00:00.0000000", "2026-01-15T11:00:00.0000000",
                        recurrence("absoluteMonthly", 3, "endDate", "\"endDate\":\"2027-12-31\",\"numberOfOccurrences\":0"), false, 6),
                event("AAMkAGIAAAoZDOFHHH=", "Ten training days", "seriesMaster",
                        "2026-03-02T08:00:00.0000000", "2026-03-02T09:00:00.0000000",
                        recurrence("daily", 1, "numbered", "\"endDate\":\"0001-01-01\",\"numberOfOccurrences\":10"), false, 12),
                event("AAMkAGIAAAoZDOFIII=", "Mentoring", "seriesMaster",
                        "2026-10-05T16:00:00.0000000", "2026-10-05T16:30:00.0000000",
                        recurrence("weekly", 2, "numbered", "\"endDate\":\"0001-01-01\",\"numberOfOccurrences\":12"), false, 1),
                event("AAMkAGIAAAoZDOFJJJ=", "Last day of the series is today", "seriesMaster",
                        "2026-11-02T09:00:00.0000000", "2026-11-02T09:30:00.0000000",
                        recurrence("daily", 1, "endDate", "\"endDate\":\"2026-11-20\",\"numberOfOccurrences\":0"), false, 2)))));

        assertThat(calendars.upcomingMeetingsOrganizedBy(UPN, NOW)).containsExactly(
                new Meeting("AAMkAGIAAAoZDOFAAA=", "Store opening in Lyon: final check",
                        Instant.parse("2026-11-27T09:00:00Z"), 2, false),
                new Meeting("AAMkAGIAAAoZDOFEEE=", "Weekly retail sync", Instant.parse("2025-01-06T09:00:00Z"), 5, true),
                new Meeting("AAMkAGIAAAoZDOFGGG=", "Quarterly planning", Instant.parse("2026-01-15T09:00:00Z"), 6, true),
                new Meeting("AAMkAGIAAAoZDOFIII=", "Mentoring", Instant.parse("2026-10-05T16:00:00Z"), 1, true),
                new Meeting("AAMkAGIAAAoZDOFJJJ=", "Last day of the series is today",
                        Instant.parse("2026-11-02T09:00:00Z"), 2, true));
        assertThat(contract.requests()).containsExactly("GET " + EVENTS, "GET " + second);
        // No Prefer: outlook.timezone, so Graph answers in UTC.
        contract.server.verify(2, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Prefer", absent()));
    }

    @Test
    void cancelMeetingSendsTheCancellationWithTheComment() {
        String cancel = "/v1.0/users/adele.vance@contoso.com/events/AAMkAGIAAAoZDOFAAA=/cancel";
        contract.server.stubFor(post(urlEqualTo(cancel)).willReturn(aResponse().withStatus(202)));

        calendars.cancelMeeting(UPN, meeting(), COMMENT);

        assertThat(contract.requests()).containsExactly("POST " + cancel);
        contract.server.verify(1, postRequestedFor(urlEqualTo(cancel))
                .withHeader("Authorization", equalTo("Bearer graph-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"Comment":"Adele Vance has left Contoso, so this meeting is cancelled."}""")));
    }

    @Test
    void aMeetingCancelledAlreadyIsNoLongerFoundAndThatIsFine() {
        String cancel = "/v1.0/users/adele.vance@contoso.com/events/AAMkAGIAAAoZDOFAAA=/cancel";
        contract.server.stubFor(post(urlEqualTo(cancel)).willReturn(graphNotFound("ErrorItemNotFound",
                "The specified object was not found in the store.")));

        calendars.cancelMeeting(UPN, meeting(), COMMENT);

        assertThat(contract.requests()).containsExactly("POST " + cancel);
    }

    @Test
    void aMeetingSomeoneElseOrganisesIsNotCancelled() {
        contract.server.stubFor(post(urlPathMatching("/v1\\.0/.*")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"code":"ErrorInvalidRequest",
                         "message":"Your request can't be completed. You need to be an organizer to cancel a meeting."}}""")));

        assertThatThrownBy(() -> calendars.cancelMeeting(UPN, meeting(), COMMENT)).isInstanceOf(TenantException.class)
                .hasMessageContaining("refused to cancel the meeting Store opening in Lyon: final check (400")
                .hasMessageContaining("You need to be an organizer");
    }

    @Test
    void a403NamesTheCalendarPermissions() {
        contract.server.stubFor(get(urlEqualTo(EVENTS)).willReturn(graphForbidden()));
        contract.server.stubFor(post(urlPathMatching("/v1\\.0/.*")).willReturn(graphForbidden()));

        assertThatThrownBy(() -> calendars.upcomingMeetingsOrganizedBy(UPN, NOW)).isInstanceOf(TenantException.class)
                .hasMessageContaining("read the meetings the user organised (403")
                .hasMessageContaining("Calendars.ReadBasic (least privileged");
        assertThatThrownBy(() -> calendars.cancelMeeting(UPN, meeting(), COMMENT)).isInstanceOf(TenantException.class)
                .hasMessageContaining("cancel the meeting Store opening in Lyon: final check (403")
                .hasMessageContaining("application permission Calendars.ReadWrite");
    }

    private static Meeting meeting() {
        return new Meeting("AAMkAGIAAAoZDOFAAA=", "Store opening in Lyon: final check",
                Instant.parse("2026-11-27T09:00:00Z"), 2, false);
    }

    /** An event as /events lists it with the $select of the adapter; times in UTC. */
    private static String event(String id, String subject, String type, String start, String end, String recurrence,
                                boolean cancelled, int attendees) {
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < attendees; i++) {
            people.append(i == 0 ? "" : ",").append("""
                    {"type":"required","status":{"response":"none","time":"0001-01-01T00:00:00Z"},
                     "emailAddress":{"name":"Attendee %d","address":"attendee%d@contoso.com"}}""".formatted(i, i));
        }
        return """
                {"@odata.etag":"W/\\"ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw==\\"","id":"%s","subject":"%s","type":"%s",
                 "isCancelled":%s,"start":{"dateTime":"%s","timeZone":"UTC"},"end":{"dateTime":"%s","timeZone":"UTC"},
                 "recurrence":%s,"attendees":[%s]}"""
                .formatted(id, subject, type, cancelled, start, end, recurrence, people);
    }

    private static String recurrence(String pattern, int interval, String rangeType, String rangeEnd) {
        return """
                {"pattern":{"type":"%s","interval":%d,"month":0,"dayOfMonth":0,"daysOfWeek":["monday"],
                  "firstDayOfWeek":"sunday","index":"first"},
                 "range":{"type":"%s","startDate":"2025-01-06",%s,"recurrenceTimeZone":"UTC"}}"""
                .formatted(pattern, interval, rangeType, rangeEnd);
    }
}
