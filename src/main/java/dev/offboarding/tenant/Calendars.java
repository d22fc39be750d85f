package dev.offboarding.tenant;

import java.time.Instant;
import java.util.List;

/** The calendar part of a tenant: the meetings a user organises. */
public interface Calendars {

    /** Meetings (events with attendees) the user organised that end after {@code after}, series included. */
    List<Meeting> upcomingMeetingsOrganizedBy(String userPrincipalName, Instant after);

    /** Cancels the meeting and sends its attendees the cancellation with {@code comment}. Already cancelled is fine. */
    void cancelMeeting(String userPrincipalName, Meeting meeting, String comment);
}
