package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_EXTERNAL;
import static dev.offboarding.process.OffboardingVariables.AUTO_REPLY_INTERNAL;
import static dev.offboarding.process.OffboardingVariables.DISPLAY_NAME;
import static dev.offboarding.process.OffboardingVariables.ORGANIZATION_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Offers polite automatic replies in the decision form (the guidance recommends them); the admin may change them. */
@Component("suggestDecisions")
public class SuggestDecisions implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String name = String.valueOf(task.getVariable(DISPLAY_NAME));
        String organization = String.valueOf(task.getVariable(ORGANIZATION_NAME));
        if (!task.hasVariable(AUTO_REPLY_INTERNAL)) {
            task.getExecution().setVariable(AUTO_REPLY_INTERNAL, name + " has left " + organization
                    + ". This mailbox is now looked after by a colleague, who will read your message.");
        }
        if (!task.hasVariable(AUTO_REPLY_EXTERNAL)) {
            task.getExecution().setVariable(AUTO_REPLY_EXTERNAL, "Thank you for your message. " + name
                    + " no longer works at " + organization + ". Your message has been kept and a colleague will get "
                    + "back to you.");
        }
    }
}
