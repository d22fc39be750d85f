package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.SHARED_MAILBOX_DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** renameMailbox: the shared mailbox gets the display name the admin chose. */
@Component("renameMailboxDelegate")
public class RenameMailbox implements JavaDelegate {

    private final Mailboxes mailboxes;

    public RenameMailbox(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailboxes.setDisplayName((String) execution.getVariable(USER_PRINCIPAL_NAME),
                (String) execution.getVariable(SHARED_MAILBOX_DISPLAY_NAME));
    }
}
