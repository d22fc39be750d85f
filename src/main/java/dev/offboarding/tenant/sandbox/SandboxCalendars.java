package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.Calendars;
import dev.offboarding.tenant.Meeting;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** Meetings in the sandbox tenant's calendars. */
@Component
@SandboxMode
class SandboxCalendars implements Calendars {

    private final SandboxStore store;

    SandboxCalendars(SandboxStore store) {
        this.store = store;
    }

    @Override
    public List<Meeting> upcomingMeetingsOrganizedBy(String userPrincipalName, Instant after) {
        return store.call("listEvents", () -> store.jdbc()
                .sql("""
                        select e.id, e.subject, e.starts_at, e.attendees, e.recurring from sandbox_event e
                        join sandbox_user u on u.id = e.organizer_id
                        where u.user_principal_name = lower(:upn) and e.cancelled_at is null and e.attendees > 0
                        and (e.ends_at is null or e.ends_at > :after)
                        order by e.starts_at, e.id""")
                .param("upn", userPrincipalName)
                .param("after", OffsetDateTime.ofInstant(after, ZoneOffset.UTC))
                .query((rs, n) -> new Meeting(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getBoolean(5)))
                .list());
    }

    @Override
    public void cancelMeeting(String userPrincipalName, Meeting meeting, String comment) {
        store.run("cancelEvent", () -> {
            int cancelled = store.jdbc()
                    .sql("update sandbox_event set cancelled_at = :now where id = :id and cancelled_at is null")
                    .param("now", store.now()).param("id", meeting.id()).update();
            if (cancelled == 1) {
                store.record("cancelMeeting", userPrincipalName.toLowerCase(), meeting.subject() + " ("
                        + meeting.attendees() + " attendees notified)");
            }
        });
    }
}
