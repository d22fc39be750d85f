package dev.offboarding.api;

import static dev.offboarding.process.OffboardingVariables.*;

import dev.offboarding.process.DecisionRules;
import dev.offboarding.security.EngineReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/** Reads offboardings from the engine's runtime and history for the API. */
@Component
public class OffboardingViews {

    /** Steps shown to people: the tasks and the outcome events, not gateways or technical starts. */
    private static final Set<String> STEP_TYPES = Set.of("serviceTask", "userTask", "businessRuleTask",
            "noneEndEvent", "errorEndEvent", "boundaryError", "boundaryMessage", "intermediateTimer");
    private static final List<String> DECISION_VARIABLES = java.util.stream.Stream.concat(DECISION_NAMES.stream(),
            java.util.stream.Stream.of(DECIDED_AT)).toList();

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    public OffboardingViews(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
                            ManagementService managementService, IdentityService identityService) {
        this.identityService = identityService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    /** Any admin allowed by the API may read any offboarding: the engine's task and job permissions do not narrow it. */
    public OffboardingView get(String id) {
        return withoutEngineAuthorization(() -> view(id));
    }

    private OffboardingView view(String id) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(id).processDefinitionKey(PROCESS_KEY).singleResult();
        if (instance == null) {
            throw ApiProblem.notFound("There is no offboarding " + DecisionRules.printable(id) + ".");
        }
        Map<String, Object> variables = variables(id);
        List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(id).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        List<OffboardingView.Step> steps = activities.stream()
                .filter(a -> STEP_TYPES.contains(a.getActivityType()))
                .map(a -> new OffboardingView.Step(a.getActivityId(), a.getActivityName(), a.getActivityType(),
                        instant(a.getStartTime()), instant(a.getEndTime()),
                        a.getEndTime() == null ? "ACTIVE" : a.isCanceled() ? "CANCELED" : "COMPLETED"))
                .toList();
        Map<String, Object> decisions = new LinkedHashMap<>();
        DECISION_VARIABLES.stream().filter(variables::containsKey).forEach(name -> decisions.put(name, value(variables.get(name))));
        OffboardingView.CurrentWait wait = instance.getEndTime() == null ? currentWait(id) : null;
        OffboardingView.Backup backup = variables.containsKey(BACKUP_LOCATION)
                ? new OffboardingView.Backup((String) variables.get(BACKUP_LOCATION),
                        (Long) variables.get(BACKUP_MESSAGE_COUNT), (String) variables.get(BACKUP_MANIFEST_SHA256))
                : null;
        return new OffboardingView(id, instance.getBusinessKey(), (String) variables.get(DISPLAY_NAME),
                state(instance, wait), (String) variables.get(OUTCOME), (String) variables.get(REJECTION_REASON),
                (String) variables.get(REASON), (String) variables.get(TICKET_REFERENCE),
                (String) variables.get(REQUESTED_BY), (String) variables.get(DECIDED_BY),
                instant(instance.getStartTime()), instant(instance.getEndTime()), instant((Date) variables.get(LEAVE_AT)),
                decisions.isEmpty() ? null : decisions, steps, wait, backup,
                instant((Date) variables.get(RESTORE_WINDOW_ENDS_AT)));
    }

    /** Offboardings, newest first, optionally only those of one state or user. */
    public List<OffboardingView.Summary> list(OffboardingState state, String userPrincipalName, int page, int size) {
        return withoutEngineAuthorization(() -> summaries(state, userPrincipalName, page, size));
    }

    private List<OffboardingView.Summary> summaries(OffboardingState state, String userPrincipalName, int page, int size) {
        HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY);
        if (userPrincipalName != null && !userPrincipalName.isBlank()) {
            query.processInstanceBusinessKey(userPrincipalName.strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (state == OffboardingState.ENDED) {
            query.finished();
        } else if (state != null) {
            query.unfinished();
            switch (state) {
                case WAITING_FOR_DECISION -> query.activeActivityIdIn("decideOffboarding");
                case WAITING_FOR_AD_REMOVAL -> query.activeActivityIdIn("removeFromOnPremisesAd");
                case WAITING_FOR_LICENSE_REDUCTION -> query.activeActivityIdIn("reduceLicenses");
                case IN_RESTORE_WINDOW -> query.activeActivityIdIn("restoreWindowExpired");
                case INCIDENT -> query.withIncidents();
                default -> { }
            }
        }
        List<HistoricProcessInstance> instances = query.orderByProcessInstanceStartTime().desc()
                .listPage(page * size, size);
        List<OffboardingView.Summary> result = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            OffboardingView.CurrentWait wait = instance.getEndTime() == null ? currentWait(instance.getId()) : null;
            OffboardingState actual = state(instance, wait);
            if (state != null && actual != state) {
                continue;
            }
            Map<String, Object> variables = variables(instance.getId(), DISPLAY_NAME, OUTCOME);
            result.add(new OffboardingView.Summary(instance.getId(), instance.getBusinessKey(),
                    (String) variables.get(DISPLAY_NAME), actual, (String) variables.get(OUTCOME),
                    instant(instance.getStartTime()), instant(instance.getEndTime())));
        }
        return result;
    }

    private <T> T withoutEngineAuthorization(Supplier<T> read) {
        return EngineReads.withoutEngineAuthorization(identityService, read);
    }

    private OffboardingView.CurrentWait currentWait(String id) {
        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(id).list();
        if (!incidents.isEmpty()) {
            Incident incident = incidents.get(0);
            return new OffboardingView.CurrentWait("INCIDENT", incident.getActivityId(),
                    "A step failed after all its retries. Fix the cause, then retry it in Cockpit or with "
                            + "PUT /engine-rest/job/{id}/retries.", null, instant(incident.getIncidentTimestamp()),
                    0, incident.getIncidentMessage());
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(id).list();
        Task task = tasks.stream().filter(t -> !"reduceLicenses".equals(t.getTaskDefinitionKey())).findFirst()
                .orElse(tasks.isEmpty() ? null : tasks.get(0));
        List<Job> jobs = managementService.createJobQuery().processInstanceId(id).list();
        Map<String, JobDefinition> definitions = new HashMap<>();
        for (Job job : jobs) {
            definitions.computeIfAbsent(job.getJobDefinitionId(), definitionId -> managementService
                    .createJobDefinitionQuery().jobDefinitionId(definitionId).singleResult());
        }
        Function<Job, String> activityOf = job -> definitions.get(job.getJobDefinitionId()) == null ? null
                : definitions.get(job.getJobDefinitionId()).getActivityId();
        Predicate<Job> isTimer = job -> definitions.get(job.getJobDefinitionId()) != null
                && definitions.get(job.getJobDefinitionId()).getJobType().startsWith("timer");
        Job running = jobs.stream().filter(isTimer.negate()).findFirst().orElse(null);
        if (running != null) {
            return new OffboardingView.CurrentWait("JOB", activityOf.apply(running), running.getExceptionMessage() == null
                    ? "A step is queued or running." : "A step failed and will be retried.", null,
                    instant(running.getDuedate()), running.getRetries(), running.getExceptionMessage());
        }
        if (task != null && !"reduceLicenses".equals(task.getTaskDefinitionKey())) {
            return taskWait(task);
        }
        Job timer = jobs.stream().filter(isTimer)
                .filter(j -> "restoreWindowExpired".equals(activityOf.apply(j))).findFirst()
                .orElse(jobs.stream().filter(isTimer).findFirst().orElse(null));
        if (timer != null) {
            return new OffboardingView.CurrentWait("TIMER", activityOf.apply(timer), switch (activityOf.apply(timer)) {
                case "restoreWindowExpired" ->
                        "The deleted user can be restored until the restore window ends (POST /api/offboardings/{id}/restore).";
                case "leaveDateReached" -> "Scheduled: the offboarding begins on the leave date shown; until then "
                        + "nothing changes in the tenant and it can still be cancelled.";
                default -> "Waiting until the time shown.";
            }, null, instant(timer.getDuedate()), null, null);
        }
        if (task != null) {
            return taskWait(task);
        }
        return new OffboardingView.CurrentWait("JOB", null, "A step is running.", null, null, null, null);
    }

    private OffboardingView.CurrentWait taskWait(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new OffboardingView.CurrentWait("USER_TASK", task.getTaskDefinitionKey(), task.getName(), groups,
                instant(task.getDueDate()), null, null);
    }

    private static OffboardingState state(HistoricProcessInstance instance, OffboardingView.CurrentWait wait) {
        if (instance.getEndTime() != null) {
            return OffboardingState.ENDED;
        }
        if (wait == null) {
            return OffboardingState.RUNNING;
        }
        return switch (wait.kind()) {
            case "INCIDENT" -> OffboardingState.INCIDENT;
            case "USER_TASK" -> switch (wait.activityId()) {
                case "decideOffboarding" -> OffboardingState.WAITING_FOR_DECISION;
                case "removeFromOnPremisesAd" -> OffboardingState.WAITING_FOR_AD_REMOVAL;
                default -> OffboardingState.WAITING_FOR_LICENSE_REDUCTION;
            };
            case "TIMER" -> switch (wait.activityId()) {
                case "restoreWindowExpired" -> OffboardingState.IN_RESTORE_WINDOW;
                case "leaveDateReached" -> OffboardingState.SCHEDULED;
                default -> OffboardingState.RUNNING;
            };
            default -> OffboardingState.RUNNING;
        };
    }

    private Map<String, Object> variables(String id, String... names) {
        var query = historyService.createHistoricVariableInstanceQuery().processInstanceId(id);
        if (names.length > 0) {
            query.variableNameIn(names);
        }
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : query.disableCustomObjectDeserialization().list()) {
            // The offboarding keeps plain values only; an object someone else set is left out, not deserialized.
            if (!"deleted".equalsIgnoreCase(variable.getState()) && !(variable.getTypedValue() instanceof ObjectValue)) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }

    private static Object value(Object value) {
        return value instanceof Date date ? date.toInstant() : value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
