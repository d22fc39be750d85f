package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.DECIDED_AT;
import static dev.offboarding.process.OffboardingVariables.DECIDED_BY;
import static dev.offboarding.process.OffboardingVariables.DECISIONS;
import static dev.offboarding.process.OffboardingVariables.DECISIONS_GIVEN;
import static dev.offboarding.process.OffboardingVariables.GLOBAL_ADMINS;
import static dev.offboarding.process.OffboardingVariables.LEAVE_AT;
import static dev.offboarding.process.OffboardingVariables.LEAVE_AT_TEXT;
import static dev.offboarding.process.OffboardingVariables.LEAVE_DATE;
import static dev.offboarding.process.OffboardingVariables.TIME_ZONE;
import static dev.offboarding.process.OffboardingVariables.ONE_DRIVE_HANDED_OVER;
import static dev.offboarding.process.OffboardingVariables.REQUESTED_BY;
import static dev.offboarding.process.OffboardingVariables.RESTORE_WINDOW;
import static dev.offboarding.process.OffboardingVariables.SIGN_IN_BLOCKED;
import static dev.offboarding.process.OffboardingVariables.USER_ADMINS;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.metrics.OffboardingMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs when an offboarding starts, however it was started (REST API, Tasklist, {@code /engine-rest}): normalises the
 * user's name into the business key, records who asked, applies decisions given at the start, reads the leave date
 * of a scheduled offboarding and makes sure the user has no other running offboarding.
 */
@Component("registerOffboarding")
public class RegisterOffboarding implements ExecutionListener {

    static final String SYSTEM = "system";

    private final IdentityService identityService;
    private final ActiveOffboardings activeOffboardings;
    private final OffboardingProperties properties;
    private final Clock clock;
    private final OffboardingMetrics metrics;
    private final LeaveDates leaveDates;
    private final ObjectMapper strictJson = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public RegisterOffboarding(IdentityService identityService, ActiveOffboardings activeOffboardings,
                               OffboardingProperties properties, Clock clock, OffboardingMetrics metrics,
                               LeaveDates leaveDates) {
        this.metrics = metrics;
        this.leaveDates = leaveDates;
        this.identityService = identityService;
        this.activeOffboardings = activeOffboardings;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object given = execution.getVariable(USER_PRINCIPAL_NAME);
        String userPrincipalName = DecisionRules.normalized(given == null ? null : given.toString());
        if (!DecisionRules.isUserPrincipalName(userPrincipalName)) {
            throw new OffboardingRequestException("userPrincipalName '" + DecisionRules.printable(userPrincipalName)
                    + "' is not a user principal name (name@domain).");
        }
        execution.setVariable(USER_PRINCIPAL_NAME, userPrincipalName);
        execution.setProcessBusinessKey(userPrincipalName);

        Authentication caller = identityService.getCurrentAuthentication();
        String requestedBy = caller == null ? SYSTEM : caller.getUserId();
        execution.setVariable(REQUESTED_BY, requestedBy);
        execution.setVariable(RESTORE_WINDOW, iso(properties.restoreWindow()));
        execution.setVariable(SIGN_IN_BLOCKED, false);
        execution.setVariable(ONE_DRIVE_HANDED_OVER, false);
        scheduleFromLeaveDate(execution);

        Object decisions = execution.getVariable(DECISIONS);
        if (decisions == null) {
            execution.setVariable(DECISIONS_GIVEN, false);
        } else {
            if (caller != null && !mayDecide(caller.getGroupIds())) {
                throw new NotAllowedToDecideException(requestedBy);
            }
            Decisions parsed = parse(decisions);
            List<String> problems = DecisionRules.structuralProblems(parsed, userPrincipalName);
            if (!problems.isEmpty()) {
                throw new OffboardingRequestException(problems);
            }
            execution.removeVariable(DECISIONS);
            execution.setVariables(parsed.toVariables());
            execution.setVariable(DECISIONS_GIVEN, true);
            execution.setVariable(DECIDED_BY, requestedBy);
            execution.setVariable(DECIDED_AT, Date.from(clock.instant()));
        }
        activeOffboardings.register(userPrincipalName, execution.getProcessInstanceId());
        metrics.started();
    }

    /**
     * {@code leaveAt} is when the offboarding begins: the leave date read in its time zone, or null (at once). A leave
     * date that has passed already also begins at once; the model compares {@code leaveAt} with the engine's clock.
     */
    private void scheduleFromLeaveDate(DelegateExecution execution) {
        Object leaveDate = execution.getVariable(LEAVE_DATE);
        Object timeZone = execution.getVariable(TIME_ZONE);
        ZonedDateTime begins = null;
        if (leaveDate != null && !leaveDate.toString().isBlank()) {
            try {
                begins = leaveDates.parse(leaveDate.toString(), timeZone == null ? null : timeZone.toString(),
                        clock.instant());
            } catch (IllegalArgumentException e) {
                throw new OffboardingRequestException(e.getMessage());
            }
        }
        execution.setVariable(LEAVE_AT, begins == null ? null : Date.from(begins.toInstant()));
        execution.setVariable(LEAVE_AT_TEXT, begins == null ? "" : LeaveDates.readable(begins));
    }

    private static boolean mayDecide(List<String> groups) {
        return groups != null && (groups.contains(GLOBAL_ADMINS) || groups.contains(USER_ADMINS));
    }

    private Decisions parse(Object decisions) {
        try {
            if (decisions instanceof Map<?, ?> map) {
                return strictJson.convertValue(map, Decisions.class);
            }
            return strictJson.readValue(decisions.toString(), Decisions.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new OffboardingRequestException("decisions must be a JSON object with the fields of PROCESS.md: "
                    + DecisionRules.printable(e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /** P30D rather than PT720H: the window as an admin wrote it. */
    static String iso(Duration duration) {
        if (!duration.isZero() && duration.toSeconds() % 86_400 == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }
}
