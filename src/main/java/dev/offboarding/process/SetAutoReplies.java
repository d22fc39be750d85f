package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_EXTERNAL;
import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_INTERNAL;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** setAutoReplies: one automatic reply inside the company, one outside. */
@Component("setAutoRepliesDelegate")
public class SetAutoReplies implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public SetAutoReplies(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String internal = (String) execution.getVariable(AUTO_REPLY_INTERNAL);
        String external = (String) execution.getVariable(AUTO_REPLY_EXTERNAL);
        mailboxes.setAutoReplies((String) execution.getVariable(USER_PRINCIPAL_NAME), internal, external);
        changes.record(execution, "Automatic replies turned on", audiences(internal, external));
    }

    private static String audiences(String internal, String external) {
        boolean inside = internal != null && !internal.isBlank();
        boolean outside = external != null && !external.isBlank();
        return inside && outside ? "inside and outside the organization"
                : inside ? "inside the organization only" : "outside the organization only";
    }
}
