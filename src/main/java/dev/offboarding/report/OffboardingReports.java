package dev.offboarding.report;

import static dev.offboarding.process.OffboardingVariables.*;

import dev.offboarding.process.TenantChanges;
import dev.offboarding.security.EngineReads;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Builds the audit report of an offboarding from the engine's history (instance, variables, activities, failed job
 * runs, incidents, who completed the tasks) and the changes the steps recorded ({@link TenantChanges}).
 */
@Component
public class OffboardingReports {

    /** The steps GET /api/offboardings/{id} shows too: tasks, outcome events, boundary events and timers. */
    private static final Set<String> STEP_TYPES = Set.of("serviceTask", "userTask", "businessRuleTask",
            "noneEndEvent", "errorEndEvent", "boundaryError", "boundaryMessage", "intermediateTimer");
    /** Every decision an admin can make, in the order of the decision form, then the later tasks' answers. */
    private static final List<String> DECISION_VARIABLES = java.util.stream.Stream.concat(DECISION_NAMES.stream(),
            java.util.stream.Stream.of(LICENSE_COUNT_REDUCED, LICENSE_REDUCTION_NOTE, REMOVED_FROM_ON_PREMISES_AD,
                    AD_REMOVAL_NOTE)).toList();

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final TenantChanges tenantChanges;
    private final Clock clock;

    public OffboardingReports(HistoryService historyService, RepositoryService repositoryService,
                              ManagementService managementService, IdentityService identityService,
                              TenantChanges tenantChanges, Clock clock) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.tenantChanges = tenantChanges;
        this.clock = clock;
    }

    /** The report of this offboarding, or empty when there is none (or its history was cleaned up). */
    public Optional<OffboardingReport> find(String id) {
        return EngineReads.withoutEngineAuthorization(identityService, () -> Optional.ofNullable(build(id)));
    }

    private OffboardingReport build(String id) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(id).processDefinitionKey(PROCESS_KEY).singleResult();
        if (instance == null) {
            return null;
        }
        Map<String, Object> variables = variables(id);
        List<OffboardingReport.Step> steps = steps(instance);
        Map<String, String> stepNames = new HashMap<>();
        steps.forEach(step -> stepNames.putIfAbsent(step.activityId(), step.name()));

        OffboardingReport.Request request = new OffboardingReport.Request(text(variables, REQUESTED_BY),
                instant(instance.getStartTime()), text(variables, REASON), text(variables, TICKET_REFERENCE));
        Map<String, Object> decisions = new LinkedHashMap<>();
        DECISION_VARIABLES.stream().filter(variables::containsKey)
                .forEach(name -> decisions.put(name, value(variables.get(name))));
        OffboardingReport.Decision decision = new OffboardingReport.Decision(text(variables, DECIDED_BY),
                instant((Date) variables.get(DECIDED_AT)), (Boolean) variables.get(DECISIONS_GIVEN),
                decisions.isEmpty() ? null : decisions, text(variables, ROUTE), (Boolean) variables.get(KEEP_LICENSES),
                text(variables, GUIDANCE_NOTE));
        List<OffboardingReport.TenantChange> changes = tenantChanges.of(id).stream()
                .map(change -> new OffboardingReport.TenantChange(change.occurredAt(), change.step(),
                        stepNames.getOrDefault(change.step(), change.step()), change.change(), change.detail()))
                .toList();
        OffboardingReport.Backup backup = variables.containsKey(BACKUP_LOCATION)
                ? new OffboardingReport.Backup(text(variables, BACKUP_LOCATION), (Long) variables.get(BACKUP_MESSAGE_COUNT),
                        text(variables, BACKUP_MANIFEST_SHA256), instant((Date) variables.get(BACKUP_VERIFIED_AT)))
                : null;
        String outcome = text(variables, OUTCOME);
        // Deleted in Cockpit, or by a test: no outcome event was reached, the delete reason says why it ended.
        String endReason = instance.getEndTime() != null && outcome == null ? instance.getDeleteReason() : null;
        return new OffboardingReport(id, instance.getBusinessKey(), text(variables, DISPLAY_NAME),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), instant(instance.getStartTime()),
                instant(instance.getEndTime()), outcome,
                text(variables, REJECTION_REASON), endReason, request, decision, steps, changes, backup);
    }

    /**
     * The steps in the order they started. A failed run of an asynchronous step rolls back its activity instance,
     * so failures and incidents are matched to the run of the same activity that was still open or started after
     * them; a step that has not succeeded yet is shown from its failures alone.
     */
    private List<OffboardingReport.Step> steps(HistoricProcessInstance instance) {
        String id = instance.getId();
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(id).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream()
                .filter(activity -> STEP_TYPES.contains(activity.getActivityType()))
                .toList();
        List<HistoricJobLog> failures = historyService.createHistoricJobLogQuery().processInstanceId(id).failureLog()
                .orderByTimestamp().asc().orderPartiallyByOccurrence().asc().list();
        List<HistoricIncident> incidents = historyService.createHistoricIncidentQuery().processInstanceId(id)
                .orderByCreateTime().asc().list();
        Map<String, String> completedBy = taskCompleters(id);

        // Keyed by the activity instance they belong to, or by the activity's id when it has not run through since.
        Map<Object, List<OffboardingReport.FailedAttempt>> attemptsOf = new LinkedHashMap<>();
        Map<Object, List<OffboardingReport.Incident>> incidentsOf = new LinkedHashMap<>();
        for (HistoricJobLog failure : failures) {
            attemptsOf.computeIfAbsent(owner(activities, failure.getActivityId(), failure.getTimestamp()),
                    key -> new ArrayList<>()).add(new OffboardingReport.FailedAttempt(instant(failure.getTimestamp()),
                    failure.getJobExceptionMessage(), retriesLeft(failure)));
        }
        for (HistoricIncident incident : incidents) {
            incidentsOf.computeIfAbsent(owner(activities, incident.getActivityId(), incident.getCreateTime()),
                    key -> new ArrayList<>()).add(new OffboardingReport.Incident(instant(incident.getCreateTime()),
                    instant(incident.getEndTime()), incidentState(incident), incident.getIncidentMessage()));
        }

        List<OffboardingReport.Step> steps = new ArrayList<>();
        for (HistoricActivityInstance activity : activities) {
            List<OffboardingReport.FailedAttempt> attempts = attemptsOf.getOrDefault(activity, List.of());
            String result = activity.getEndTime() == null ? "ACTIVE" : activity.isCanceled() ? "CANCELED"
                    : attempts.isEmpty() ? "COMPLETED" : "COMPLETED_AFTER_RETRY";
            String completer = activity.getTaskId() == null ? null
                    : completedBy.getOrDefault(activity.getTaskId(), activity.getAssignee());
            steps.add(new OffboardingReport.Step(activity.getActivityId(), activity.getActivityName(),
                    activity.getActivityType(), instant(activity.getStartTime()), instant(activity.getEndTime()),
                    result, completer, attempts, incidentsOf.getOrDefault(activity, List.of())));
        }
        // Steps that failed and have not run through since: waiting for a retry, in an incident, or never will.
        Set<String> notThrough = new LinkedHashSet<>();
        attemptsOf.keySet().stream().filter(String.class::isInstance).map(String.class::cast).forEach(notThrough::add);
        incidentsOf.keySet().stream().filter(String.class::isInstance).map(String.class::cast).forEach(notThrough::add);
        BpmnModelInstance model = notThrough.isEmpty() ? null
                : repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
        for (String activityId : notThrough) {
            List<OffboardingReport.FailedAttempt> attempts = attemptsOf.getOrDefault(activityId, List.of());
            List<OffboardingReport.Incident> stepIncidents = incidentsOf.getOrDefault(activityId, List.of());
            Instant since = attempts.isEmpty() ? stepIncidents.get(0).createdAt()
                    : stepIncidents.isEmpty() ? attempts.get(0).at()
                    : min(attempts.get(0).at(), stepIncidents.get(0).createdAt());
            String result = stepIncidents.stream().anyMatch(incident -> "OPEN".equals(incident.state())) ? "INCIDENT"
                    : instance.getEndTime() == null && waitsForRetry(instance.getId(), activityId) ? "WAITING_FOR_RETRY"
                    : "CANCELED";
            ModelElementInstance element = model.getModelElementById(activityId);
            String name = element instanceof FlowElement flowElement && flowElement.getName() != null
                    ? flowElement.getName() : activityId;
            String type = element == null ? null : element.getElementType().getTypeName();
            steps.add(new OffboardingReport.Step(activityId, name, type, since, null, result, null, attempts,
                    stepIncidents));
        }
        steps.sort(Comparator.comparing(OffboardingReport.Step::startedAt,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    /**
     * The run of the activity that had not ended at {@code at} (a timer waiting when it failed) or started after it
     * (the successful retry of an asynchronous step); the activity's id when there is none (not run through yet).
     */
    private static Object owner(List<HistoricActivityInstance> activities, String activityId, Date at) {
        for (HistoricActivityInstance activity : activities) {
            if (activity.getActivityId().equals(activityId)
                    && (activity.getEndTime() == null || !activity.getEndTime().before(at))) {
                return activity;
            }
        }
        return activityId;
    }

    /** The job log holds the retries the job had before it ran; this run used one of them. */
    private static int retriesLeft(HistoricJobLog failure) {
        return Math.max(0, failure.getJobRetries() - 1);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private boolean waitsForRetry(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).count() > 0;
    }

    private static String incidentState(HistoricIncident incident) {
        return incident.isOpen() ? "OPEN" : incident.isResolved() ? "RESOLVED" : "DELETED";
    }

    /** Who completed each user task, from the user operation log (written when a logged-in admin completes it). */
    private Map<String, String> taskCompleters(String processInstanceId) {
        Map<String, String> completers = new HashMap<>();
        historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .stream().filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
                .forEach(entry -> completers.putIfAbsent(entry.getTaskId(), entry.getUserId()));
        return completers;
    }

    private Map<String, Object> variables(String id) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(id).disableCustomObjectDeserialization().list()) {
            // The offboarding keeps plain values only; an object someone else set is left out, not deserialized.
            if (!"deleted".equalsIgnoreCase(variable.getState()) && !(variable.getTypedValue() instanceof ObjectValue)) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    private static Object value(Object value) {
        return value instanceof Date date ? date.toInstant() : value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
