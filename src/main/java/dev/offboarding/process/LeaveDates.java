package dev.offboarding.process;

import dev.offboarding.config.OffboardingProperties;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads the leave date of a scheduled offboarding: the last working day ({@code 2026-12-18}, the offboarding begins
 * at the end of that working day), a local date and time ({@code 2026-12-18T17:00}), both in {@code timeZone}, or a
 * moment with its offset ({@code 2026-12-18T17:00:00+01:00}).
 */
@Component
public class LeaveDates {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (VV)",
            Locale.ENGLISH);

    private final OffboardingProperties.Scheduling scheduling;

    public LeaveDates(OffboardingProperties properties) {
        this.scheduling = properties.scheduling();
    }

    /** When the offboarding of someone leaving then begins; explains in an {@link IllegalArgumentException} what is wrong. */
    public ZonedDateTime parse(String leaveDate, String timeZone, Instant now) {
        ZoneId zone = zone(timeZone);
        String text = leaveDate.strip();
        ZonedDateTime begins;
        try {
            if (text.length() <= 10) {
                begins = LocalDate.parse(text).atTime(scheduling.endOfWorkingDay()).atZone(zone);
            } else if (hasOffset(text)) {
                begins = OffsetDateTime.parse(text).atZoneSameInstant(zone);
            } else {
                begins = LocalDateTime.parse(text).atZone(zone);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("leaveDate '" + DecisionRules.printable(text) + "' is not a date "
                    + "(2026-12-18: the last working day) or a date and time (2026-12-18T17:00, or with its offset "
                    + "2026-12-18T17:00+01:00).");
        }
        if (begins.toInstant().isBefore(now.minus(scheduling.maxAhead()))) {
            throw new IllegalArgumentException("leaveDate " + DecisionRules.printable(text) + " is more than "
                    + scheduling.maxAhead().toDays() + " days ago; leave it out to begin the offboarding at once.");
        }
        if (begins.toInstant().isAfter(now.plus(scheduling.maxAhead()))) {
            throw new IllegalArgumentException("leaveDate " + text + " is more than " + scheduling.maxAhead().toDays()
                    + " days ahead; request the offboarding closer to the date.");
        }
        return begins;
    }

    /** "Friday 18 December 2026, 18:00 (Europe/Berlin)", for mails and forms. */
    public static String readable(ZonedDateTime moment) {
        return READABLE.format(moment);
    }

    private ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return scheduling.defaultTimeZone();
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + DecisionRules.printable(timeZone) + "' is not a time "
                    + "zone; use a name like Europe/Berlin or America/New_York.");
        }
    }

    private static boolean hasOffset(String text) {
        String time = text.substring(10);
        return time.endsWith("Z") || time.contains("+") || time.contains("-");
    }
}
