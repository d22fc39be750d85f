package dev.offboarding.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit report as one HTML page a person reads on screen or prints: self-contained (inline CSS, no scripts, no
 * images, no links to fetch), every value escaped, since names, reasons and notes come from users.
 */
public final class ReportPage {

    /** Nothing may load or run: only the inline style applies. Sent as a header and repeated in the page. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> OUTCOMES = Map.of(
            "ConvertedToSharedMailbox", "Converted to a shared mailbox",
            "Deleted", "Deleted",
            "Restored", "Restored",
            "Cancelled", "Cancelled",
            "Rejected", "Rejected");

    private static final Map<String, String> DECISION_LABELS = Map.ofEntries(
            Map.entry("mailboxAction", "What happens to the mailbox"),
            Map.entry("mailboxDelegate", "Full Access for"),
            Map.entry("sharedMailboxDisplayName", "New display name of the mailbox"),
            Map.entry("autoReplyInternal", "Automatic reply inside the organization"),
            Map.entry("autoReplyExternal", "Automatic reply outside the organization"),
            Map.entry("removeAliases", "Remove the aliases"),
            Map.entry("oneDriveOwner", "New owner of the OneDrive"),
            Map.entry("removeLicenses", "Remove the licenses"),
            Map.entry("reduceLicenseCount", "Ask a billing admin to lower the license count"),
            Map.entry("resetPassword", "Reset the password"),
            Map.entry("removeAuthenticationMethods", "Remove the MFA methods"),
            Map.entry("removeFromGroups", "Remove from groups"),
            Map.entry("removeInboxRules", "Remove the Inbox rules"),
            Map.entry("removeMobileDevices", "Remove the mobile devices"),
            Map.entry("cancelMeetings", "Cancel the meetings the person organised"),
            Map.entry("removeMailboxPermissions", "Remove the rights on other mailboxes"),
            Map.entry("hideFromAddressList", "Hide from the global address list"),
            Map.entry("stopForwarding", "Stop the mail forwarding"),
            Map.entry("forwardMailTo", "Forward the mail to"),
            Map.entry("licenseCountReduced", "License count lowered (billing admin)"),
            Map.entry("licenseReductionNote", "Billing admin's note"),
            Map.entry("removedFromOnPremisesAd", "Removed from on-premises AD (user admin)"),
            Map.entry("adRemovalNote", "User admin's note"));

    private static final Map<String, String> MAILBOX_ACTIONS = Map.of(
            "CONVERT_TO_SHARED", "Keep the mail: convert to a shared mailbox",
            "DELETE", "Delete the account");

    private static final Map<String, String> RESULTS = Map.of(
            "COMPLETED", "Completed",
            "ACTIVE", "Running or waiting",
            "CANCELED", "Cancelled",
            "WAITING_FOR_RETRY", "Failed, waiting for its retry",
            "INCIDENT", "Failed: incident");

    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
            h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #d0d7de; }
            .meta { color: #57606a; margin: 0 0 1rem; }
            .outcome { border: 1px solid #d0d7de; border-left: 6px solid #57606a; border-radius: 4px;
                       padding: .7rem 1rem; margin: 1rem 0; }
            .outcome.good { border-left-color: #1a7f37; } .outcome.bad { border-left-color: #cf222e; }
            .outcome.neutral { border-left-color: #9a6700; }
            .outcome strong { font-size: 1.2rem; }
            table { width: 100%; border-collapse: collapse; margin: .3rem 0; }
            th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d8dee4; }
            thead th { background: #f6f8fa; border-bottom: 2px solid #d0d7de; }
            table.facts th { width: 32%; font-weight: 600; color: #424a53; }
            td, .text { white-space: pre-wrap; overflow-wrap: anywhere; }
            td.time { white-space: nowrap; width: 10.5rem; color: #424a53; }
            th.step { width: 30%; }
            .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em;
                    word-break: break-all; }
            .none { color: #6e7781; font-style: italic; }
            .result-COMPLETED { color: #1a7f37; } .result-COMPLETED_AFTER_RETRY { color: #9a6700; }
            .result-INCIDENT, .result-WAITING_FOR_RETRY { color: #cf222e; } .result-CANCELED { color: #57606a; }
            ul.trouble { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .92em; color: #424a53; }
            footer { margin-top: 2rem; color: #6e7781; font-size: .85em; }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
              h2 { break-after: avoid; page-break-after: avoid; }
              tr, .outcome { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              .outcome, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private ReportPage() {
    }

    public static String html(OffboardingReport report) {
        Html page = new Html();
        String who = report.displayName() != null ? report.displayName() : report.userPrincipalName();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").text(CONTENT_SECURITY_POLICY).raw("\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>Offboarding report: ").text(who).raw("</title>\n")
                .raw("<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n");

        page.raw("<header>\n<h1>Offboarding of ").text(who).raw("</h1>\n<p class=\"meta\">")
                .text(report.userPrincipalName()).raw(" · offboarding <span class=\"mono\">").text(report.id())
                .raw("</span></p>\n</header>\n");
        outcome(page, report);
        request(page, report);
        decision(page, report.decision());
        steps(page, report.steps());
        changes(page, report.tenantChanges());
        backup(page, report.backup());
        page.raw("<footer>Report generated ").text(time(report.generatedAt()))
                .raw(" by the offboarding application from the engine's history and the changes each step recorded."
                        + "</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void outcome(Html page, OffboardingReport report) {
        String outcome = report.outcome();
        String tone = outcome == null ? "neutral" : switch (outcome) {
            case "Rejected" -> "bad";
            case "Cancelled", "Restored" -> "neutral";
            default -> "good";
        };
        String label = outcome != null ? OUTCOMES.getOrDefault(outcome, outcome)
                : report.ended() ? "Ended without an outcome" : "Still running";
        page.raw("<section class=\"outcome ").raw(tone).raw("\">\n<strong>").text(label).raw("</strong>");
        if (report.ended()) {
            page.raw(" · ended ").text(time(report.endedAt()));
        }
        page.raw(" · started ").text(time(report.startedAt()));
        if (report.rejectionReason() != null) {
            page.raw("\n<p class=\"text\"><b>Why rejected:</b> ").text(report.rejectionReason()).raw("</p>");
        }
        if (report.endReason() != null) {
            page.raw("\n<p class=\"text\"><b>Why it ended:</b> ").text(report.endReason()).raw("</p>");
        }
        page.raw("\n</section>\n");
    }

    private static void request(Html page, OffboardingReport report) {
        OffboardingReport.Request request = report.request();
        page.raw("<h2>Request</h2>\n<table class=\"facts\">\n");
        fact(page, "Requested by", request.requestedBy());
        fact(page, "Requested at", time(request.requestedAt()));
        fact(page, "Reason", request.reason());
        fact(page, "Ticket", request.ticketReference());
        page.raw("</table>\n");
    }

    private static void decision(Html page, OffboardingReport.Decision decision) {
        page.raw("<h2>Decision</h2>\n<table class=\"facts\">\n");
        fact(page, "Decided by", decision.decidedBy());
        fact(page, "Decided at", time(decision.decidedAt()));
        fact(page, "How", decision.decidedAtStart() == null ? null
                : decision.decidedAtStart() ? "With the request" : "In Tasklist");
        if (decision.decisions() != null) {
            decision.decisions().forEach((name, value) -> fact(page, DECISION_LABELS.getOrDefault(name, name),
                    decisionValue(name, value)));
        }
        fact(page, "Route by the rules of the guidance", decision.route());
        fact(page, "Licenses kept by the rules", decision.keepLicenses() == null ? null
                : decision.keepLicenses() ? "yes" : "no");
        fact(page, "Note of the rules", decision.guidanceNote());
        page.raw("</table>\n");
    }

    private static String decisionValue(String name, Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof Instant instant) {
            return time(instant);
        }
        String text = String.valueOf(value);
        return "mailboxAction".equals(name) ? MAILBOX_ACTIONS.getOrDefault(text, text) : text;
    }

    private static void steps(Html page, List<OffboardingReport.Step> steps) {
        page.raw("<h2>Steps</h2>\n");
        if (steps.isEmpty()) {
            page.raw("<p class=\"none\">No step has run yet.</p>\n");
            return;
        }
        page.raw("<table>\n<thead><tr><th class=\"step\">Step</th><th>Started (UTC)</th><th>Ended (UTC)</th>"
                + "<th>Result</th></tr></thead>\n<tbody>\n");
        for (OffboardingReport.Step step : steps) {
            page.raw("<tr><td>").text(step.name() != null ? step.name() : step.activityId())
                    .raw("</td><td class=\"time\">").text(shortTime(step.startedAt()))
                    .raw("</td><td class=\"time\">").text(shortTime(step.endedAt()))
                    .raw("</td><td><span class=\"result-").text(step.result()).raw("\">")
                    .text("COMPLETED_AFTER_RETRY".equals(step.result())
                            ? "Completed after " + attempts(step.failedAttempts().size())
                            : RESULTS.getOrDefault(step.result(), step.result())).raw("</span>");
            if (step.completedBy() != null) {
                page.raw(" by ").text(step.completedBy());
            }
            boolean trouble = !step.failedAttempts().isEmpty() || !step.incidents().isEmpty();
            if (trouble) {
                page.raw("<ul class=\"trouble\">");
                for (OffboardingReport.FailedAttempt attempt : step.failedAttempts()) {
                    page.raw("<li>Failed ").text(time(attempt.at()));
                    if (attempt.retriesLeft() != null) {
                        page.raw(attempt.retriesLeft() == 1 ? " (1 retry left)"
                                : " (" + attempt.retriesLeft() + " retries left)");
                    }
                    page.raw(": ").text(attempt.error()).raw("</li>");
                }
                for (OffboardingReport.Incident incident : step.incidents()) {
                    page.raw("<li>Incident ").text(time(incident.createdAt()));
                    if (incident.endedAt() != null) {
                        page.raw(" to ").text(time(incident.endedAt()));
                    }
                    page.raw(" (").text(incident.state().toLowerCase(Locale.ROOT)).raw("): ")
                            .text(incident.message()).raw("</li>");
                }
                page.raw("</ul>");
            }
            page.raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");
    }

    private static void changes(Html page, List<OffboardingReport.TenantChange> changes) {
        page.raw("<h2>Changes in the tenant</h2>\n");
        if (changes.isEmpty()) {
            page.raw("<p class=\"none\">Nothing was changed in the tenant.</p>\n");
            return;
        }
        page.raw("<table>\n<thead><tr><th>When (UTC)</th><th class=\"step\">Step</th><th>Change</th></tr></thead>\n"
                + "<tbody>\n");
        for (OffboardingReport.TenantChange change : changes) {
            page.raw("<tr><td class=\"time\">").text(shortTime(change.occurredAt())).raw("</td><td>")
                    .text(change.stepName())
                    .raw("</td><td>").text(change.change());
            if (change.detail() != null) {
                page.raw(": ").text(change.detail());
            }
            page.raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");
    }

    private static void backup(Html page, OffboardingReport.Backup backup) {
        page.raw("<h2>Mailbox backup</h2>\n");
        if (backup == null) {
            page.raw("<p class=\"none\">No mailbox was backed up.</p>\n");
            return;
        }
        page.raw("<table class=\"facts\">\n");
        fact(page, "Location", backup.location());
        fact(page, "Messages", backup.messageCount() == null ? null : backup.messageCount().toString());
        page.raw("<tr><th>Manifest SHA-256</th><td class=\"mono\">").text(backup.manifestSha256()).raw("</td></tr>\n");
        fact(page, "Verified at", time(backup.verifiedAt()));
        page.raw("</table>\n");
    }

    private static void fact(Html page, String label, String value) {
        page.raw("<tr><th>").text(label).raw("</th><td>");
        if (value == null || value.isBlank()) {
            page.raw("<span class=\"none\">none</span>");
        } else {
            page.text(value);
        }
        page.raw("</td></tr>\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** In a column whose heading says UTC. */
    private static String shortTime(Instant instant) {
        return instant == null ? "" : SHORT_TIME.format(instant);
    }

    private static String attempts(int count) {
        return count == 1 ? "1 failed attempt" : count + " failed attempts";
    }

    /** Builds the page; {@link #text} escapes, {@link #raw} is for the page's own markup only. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder(16_384);

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        Html text(Object value) {
            out.append(escape(value == null ? "" : value.toString()));
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Text safe inside elements and quoted attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
