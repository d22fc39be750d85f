package dev.offboarding.tenant.graph;

import dev.offboarding.tenant.Calendars;
import dev.offboarding.tenant.Meeting;
import dev.offboarding.tenant.TenantException;
import java.time.Instant;
import java.util.List;

/** PLACEHOLDER: replaced by the Graph mapping of the leaver checklist. */
public class GraphCalendars implements Calendars {

    private final GraphApi graph;

    public GraphCalendars(GraphApi graph) {
        this.graph = graph;
    }

    @Override
    public List<Meeting> upcomingMeetingsOrganizedBy(String userPrincipalName, Instant after) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }

    @Override
    public void cancelMeeting(String userPrincipalName, Meeting meeting, String comment) {
        throw new TenantException("PLACEHOLDER: not yet mapped to Microsoft Graph");
    }
}
