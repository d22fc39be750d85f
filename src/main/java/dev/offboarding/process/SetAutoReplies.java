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

    public SetAutoReplies(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailboxes.setAutoReplies((String) execution.getVariable(USER_PRINCIPAL_NAME),
                (String) execution.getVariable(AUTO_REPLY_INTERNAL),
                (String) execution.getVariable(AUTO_REPLY_EXTERNAL));
    }
}
