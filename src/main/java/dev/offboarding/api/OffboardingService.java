package dev.offboarding.api;

import static dev.offboarding.process.OffboardingVariables.CANCEL_MESSAGE;
import static dev.offboarding.process.OffboardingVariables.DECISIONS;
import static dev.offboarding.process.OffboardingVariables.LEAVE_DATE;
import static dev.offboarding.process.OffboardingVariables.PROCESS_KEY;
import static dev.offboarding.process.OffboardingVariables.REASON;
import static dev.offboarding.process.OffboardingVariables.RESTORE_MESSAGE;
import static dev.offboarding.process.OffboardingVariables.TICKET_REFERENCE;
import static dev.offboarding.process.OffboardingVariables.TIME_ZONE;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.process.DecisionRules;
import dev.offboarding.process.LeaveDates;
import dev.offboarding.process.OffboardingPreview;
import dev.offboarding.process.OffboardingRequestException;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.TenantException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What the REST API does: start, cancel and restore offboardings. Reading them is {@link OffboardingViews}. */
@Service
public class OffboardingService {

    private static final Logger LOG = LoggerFactory.getLogger(OffboardingService.class);

    static final int MAX_REASON_LENGTH = 1000;
    static final int MAX_TICKET_REFERENCE_LENGTH = 100;
    static final java.util.regex.Pattern TICKET_REFERENCE_FORMAT = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._#/:+-]*");

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Directory directory;
    private final DecisionRules decisionRules;
    private final LeaveDates leaveDates;
    private final OffboardingPreview preview;
    private final DecisionTemplates templates;
    private final java.time.Clock clock;
    private final ObjectMapper json;

    public OffboardingService(RuntimeService runtimeService, HistoryService historyService, Directory directory,
                              DecisionRules decisionRules, LeaveDates leaveDates, OffboardingPreview preview,
                              DecisionTemplates templates, java.time.Clock clock, ObjectMapper json) {
        this.preview = preview;
        this.templates = templates;
        this.leaveDates = leaveDates;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.directory = directory;
        this.decisionRules = decisionRules;
        this.json = json;
    }

    /** Checks the request, the user and the decisions, then starts the offboarding. Returns the process instance id. */
    public String start(StartOffboardingRequest given) {
        StartOffboardingRequest request = withTemplate(given);
        String upn = checked(request);
        checkWithTenant(request, upn);
        Map<String, Object> variables = new HashMap<>();
        variables.put(USER_PRINCIPAL_NAME, upn);
        variables.put(REASON, request.reason() == null ? "" : request.reason().strip());
        variables.put(TICKET_REFERENCE, request.ticketReference() == null ? "" : request.ticketReference().strip());
        if (request.leaveDate() != null && !request.leaveDate().isBlank()) {
            variables.put(LEAVE_DATE, request.leaveDate().strip());
            variables.put(TIME_ZONE, request.timeZone() == null ? "" : request.timeZone().strip());
        }
        if (request.decisions() != null) {
            variables.put(DECISIONS, toJson(request.decisions()));
        }
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(upn)
                .setVariables(variables)
                .execute();
        return instance.getId();
    }

    /**
     * The dry run of a start request: the same checks as {@link #start}, then what each step would do to this user.
     * Reads the tenant, changes nothing, starts nothing.
     */
    public OffboardingPreview.Preview preview(StartOffboardingRequest given) {
        StartOffboardingRequest request = withTemplate(given);
        String upn = checked(request);
        if (request.decisions() != null) {
            List<String> problems = decisionRules.problems(request.decisions(), upn);
            if (!problems.isEmpty()) {
                throw new OffboardingRequestException(problems);
            }
        }
        java.time.Instant leaveAt = request.leaveDate() == null || request.leaveDate().isBlank() ? null
                : leaveDates.parse(request.leaveDate(), request.timeZone(), clock.instant()).toInstant();
        try {
            return preview.preview(upn, request.decisions(), leaveAt);
        } catch (OffboardingPreview.UserNotFoundException e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }

    private StartOffboardingRequest withTemplate(StartOffboardingRequest request) {
        if (request == null || request.template() == null) {
            return request;
        }
        return request.withDecisions(templates.apply(request.template(), request.decisions()));
    }

    /** The request's own problems, all of them at once; the user principal name, normalised, when there are none. */
    private String checked(StartOffboardingRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("The body must be a JSON object with at least userPrincipalName.");
        }
        String upn = request.userPrincipalName() == null ? "" : request.userPrincipalName().strip().toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        if (request.userPrincipalName() != null && DecisionRules.hasControlCharacters(request.userPrincipalName().replace('\n', '\u0000'))) {
            problems.add("userPrincipalName contains control characters or line breaks.");
        } else if (upn.isEmpty()) {
            problems.add("userPrincipalName is required.");
        } else if (!DecisionRules.isUserPrincipalName(upn)) {
            problems.add("userPrincipalName '" + DecisionRules.printable(upn) + "' is not a user principal name (name@domain).");
        }
        DecisionRules.checkText(problems, "reason", request.reason(), MAX_REASON_LENGTH);
        DecisionRules.checkText(problems, "ticketReference", request.ticketReference(), MAX_TICKET_REFERENCE_LENGTH);
        if (request.ticketReference() != null && !TICKET_REFERENCE_FORMAT.matcher(request.ticketReference().strip()).matches()) {
            problems.add("ticketReference may hold letters, digits, spaces and . _ # / : + - only, like HR-4711 or INC0012345.");
        }
        checkLeaveDate(problems, request);
        if (request.decisions() != null && problems.isEmpty()) {
            problems.addAll(DecisionRules.structuralProblems(request.decisions(), upn));
        }
        if (!problems.isEmpty()) {
            throw new OffboardingRequestException(problems);
        }
        return upn;
    }

    /** The same reading of the leave date as the process's start listener, so that a bad one is a 400 here. */
    private void checkLeaveDate(List<String> problems, StartOffboardingRequest request) {
        DecisionRules.checkText(problems, "timeZone", request.timeZone(), 64);
        if (request.leaveDate() == null || request.leaveDate().isBlank()) {
            if (request.timeZone() != null && !request.timeZone().isBlank()) {
                problems.add("timeZone is given but leaveDate is not: the time zone belongs to a leave date.");
            }
            return;
        }
        DecisionRules.checkText(problems, "leaveDate", request.leaveDate(), 40);
        if (problems.isEmpty()) {
            try {
                leaveDates.parse(request.leaveDate(), request.timeZone(), clock.instant());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /**
     * Refuses a user who is not in the tenant, and decisions naming someone who is not, before anything starts. These
     * checks are a courtesy to the caller: when the tenant does not answer them (throttled, down), the offboarding
     * starts anyway, because its first step, lookUpUser, asks again with the engine's retries and ends the
     * offboarding as Rejected if the user is not there.
     */
    private void checkWithTenant(StartOffboardingRequest request, String upn) {
        try {
            if (!directory.isActiveUser(upn)) {
                throw ApiProblem.notFound("There is no active user " + upn + " in the tenant.");
            }
            if (request.decisions() != null) {
                List<String> tenantProblems = decisionRules.problems(request.decisions(), upn);
                if (!tenantProblems.isEmpty()) {
                    throw new OffboardingRequestException(tenantProblems);
                }
            }
        } catch (TenantException e) {
            LOG.warn("Could not check the offboarding request for {} with the tenant ({}); it starts, and its first step "
                    + "checks the user again.", upn, e.getMessage());
        }
    }

    public void cancel(String id) {
        correlate(id, CANCEL_MESSAGE, "can no longer be cancelled: its first destructive step (mailbox conversion, "
                + "license removal or deletion) has begun, or it is waiting for a step of its own");
    }

    public void restore(String id) {
        correlate(id, RESTORE_MESSAGE, "cannot be restored now: restoring is possible only while the deleted user "
                + "waits in the restore window");
    }

    private void correlate(String id, String message, String whyNot) {
        requireRunning(id);
        for (int attempt = 1; ; attempt++) {
            try {
                runtimeService.createMessageCorrelation(message).processInstanceId(id).correlateWithResult();
                return;
            } catch (MismatchingMessageCorrelationException e) {
                throw ApiProblem.conflict("not-possible-now", "This offboarding " + whyNot + ".");
            } catch (OptimisticLockingException e) {
                // A step of the same offboarding finished at that moment: look again.
                if (attempt == 3) {
                    throw ApiProblem.conflict("busy", "This offboarding is changing right now; try again in a moment.");
                }
            }
        }
    }

    private void requireRunning(String id) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(id).processDefinitionKey(PROCESS_KEY).singleResult();
        if (instance == null) {
            throw ApiProblem.notFound("There is no offboarding " + DecisionRules.printable(id) + ".");
        }
        if (instance.getEndTime() != null) {
            throw ApiProblem.conflict("ended", "This offboarding has already ended.");
        }
    }

    private String toJson(Object decisions) {
        try {
            return json.writeValueAsString(decisions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decisions are plain values and always serialize", e);
        }
    }
}
