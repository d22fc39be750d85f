package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.ARCHIVE_ENABLED;
import static dev.offboarding.process.OffboardingVariables.DECIDED_AT;
import static dev.offboarding.process.OffboardingVariables.DECIDED_BY;
import static dev.offboarding.process.OffboardingVariables.FORWARDING_ENABLED;
import static dev.offboarding.process.OffboardingVariables.HAS_MAILBOX;
import static dev.offboarding.process.OffboardingVariables.LITIGATION_HOLD_ENABLED;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_ACTION;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_OVER_50_GB;
import static dev.offboarding.process.OffboardingVariables.MAILBOX_TYPE;
import static dev.offboarding.process.OffboardingVariables.ON_PREMISES_SYNC_ENABLED;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Refuses an inconsistent decision form before the task completes, so the admin can correct it: a shared mailbox
 * without a delegate, the leaver as delegate or OneDrive owner, someone who is not in the tenant, or a choice the
 * guidance forbids for this user (the model's own decision table says which).
 */
@Component("validateDecisions")
public class ValidateDecisions implements TaskListener {

    private final DecisionRules rules;
    private final DecisionService decisionService;
    private final IdentityService identityService;
    private final Clock clock;

    public ValidateDecisions(DecisionRules rules, DecisionService decisionService, IdentityService identityService,
                             Clock clock) {
        this.rules = rules;
        this.decisionService = decisionService;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Decisions submitted = Decisions.fromVariables(task);
        // Fields the form hides for DELETE may still hold the suggestions: they do not apply.
        Decisions decisions = submitted.convertsToShared() ? submitted : submitted.withoutSharedMailboxFields();
        String leaver = String.valueOf(task.getVariable(USER_PRINCIPAL_NAME));
        List<String> problems = rules.problems(decisions, leaver);
        if (problems.isEmpty()) {
            Map<String, Object> facts = new HashMap<>();
            facts.put(MAILBOX_ACTION, Decisions.trimmed(decisions.mailboxAction()));
            facts.put(OffboardingVariables.STOP_FORWARDING, Boolean.TRUE.equals(decisions.stopForwarding()));
            for (String fact : List.of(HAS_MAILBOX, MAILBOX_TYPE, FORWARDING_ENABLED, ON_PREMISES_SYNC_ENABLED,
                    MAILBOX_OVER_50_GB, ARCHIVE_ENABLED, LITIGATION_HOLD_ENABLED)) {
                facts.put(fact, task.getVariable(fact));
            }
            Map<String, Object> route = decisionService.evaluateDecisionTableByKey("offboardingRoute", facts).getSingleResult();
            if ("REJECT".equals(route.get("route"))) {
                problems = List.of(String.valueOf(route.get("guidanceNote")));
            }
        }
        if (!problems.isEmpty()) {
            throw new OffboardingRequestException(problems);
        }
        task.getExecution().setVariables(decisions.toVariables());
        Authentication admin = identityService.getCurrentAuthentication();
        task.getExecution().setVariable(DECIDED_BY, admin != null ? admin.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : RegisterOffboarding.SYSTEM);
        task.getExecution().setVariable(DECIDED_AT, Date.from(clock.instant()));
    }
}
