package dev.offboarding.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.tenant.SkuNames;
import dev.offboarding.tenant.sandbox.SandboxDemoData;
import dev.offboarding.tenant.sandbox.SandboxInspector;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Starts offboardings on a fresh demo tenant and drives their jobs, as the job executor would. */
public abstract class ProcessTestSupport {

    protected static final String DOMAIN = "@contoso.com";

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected ManagementService managementService;
    @Autowired protected TaskService taskService;
    @Autowired protected SandboxDemoData demoData;
    @Autowired protected SandboxInspector sandbox;
    @Autowired protected SkuNames skuNames;

    private final ObjectMapper json = new ObjectMapper();

    /** Job failures seen by {@link #runJobs}, for tests that expect them. */
    protected final List<RuntimeException> failures = new java.util.ArrayList<>();

    @BeforeEach
    void freshTenantAndEngine() {
        init(processEngine);
        ClockUtil.reset();
        List<String> running = runtimeService.createProcessInstanceQuery().list().stream()
                .map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtimeService.deleteProcessInstances(running, "test clean-up", false, true);
        }
        demoData.reset();
        skuNames.forget();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    protected ProcessInstance start(String alias, Decisions decisions) {
        return start(alias, decisions, Map.of());
    }

    /** Starts with more start variables, such as a leave date. */
    protected ProcessInstance start(String alias, Decisions decisions, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put(OffboardingVariables.USER_PRINCIPAL_NAME, alias + DOMAIN);
        variables.put(OffboardingVariables.REASON, "Leaves the company");
        if (decisions != null) {
            try {
                variables.put(OffboardingVariables.DECISIONS, json.writeValueAsString(decisions));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return runtimeService.startProcessInstanceByKey(OffboardingVariables.PROCESS_KEY, variables);
    }

    /** Runs every job that is due now, and the jobs those create, until the instance waits or ends. */
    protected void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 200; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // As with the job executor: the engine has counted the failure and planned the retry.
                    failures.add(e);
                }
            }
        }
        throw new AssertionError("The instance kept creating jobs: a loop in the model?");
    }

    /** Moves the engine's clock forward, then runs what became due. */
    protected void passTime(ProcessInstance instance, Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        runJobs(instance);
    }

    protected Map<String, Object> tenantUser(String alias) {
        return sandbox.user(alias + DOMAIN).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> mailbox(String alias) {
        return (Map<String, Object>) tenantUser(alias).get("mailbox");
    }

    protected List<String> operationsOn(String alias) {
        return sandbox.mutations(alias + DOMAIN).stream().map(SandboxInspector.Mutation::operation).toList();
    }

    protected static Decisions convert(String delegateAlias) {
        return new Decisions("CONVERT_TO_SHARED", delegateAlias + DOMAIN, null, null, null, null, null, null, null);
    }

    protected static Decisions delete() {
        return new Decisions("DELETE", null, null, null, null, null, null, null, null);
    }

    protected static Decisions deleteGivingOneDriveTo(String ownerAlias) {
        return new Decisions("DELETE", null, null, null, null, null, ownerAlias + DOMAIN, null, null);
    }
}
