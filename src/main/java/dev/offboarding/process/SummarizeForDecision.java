package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.LEAVE_AT;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.TenantException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dry run in Tasklist: when the decision task is created, its form gets {@code previewSummary}, what each step
 * would do to this user if chosen (the same {@link OffboardingPreview} as {@code POST /api/offboardings/preview}).
 * A tenant that cannot answer now does not hold up the task: the summary says so, and the steps still run as chosen.
 */
@Component("summarizeForDecision")
public class SummarizeForDecision implements TaskListener {

    public static final String PREVIEW_SUMMARY = "previewSummary";
    private static final Logger LOG = LoggerFactory.getLogger(SummarizeForDecision.class);

    private final OffboardingPreview preview;

    public SummarizeForDecision(OffboardingPreview preview) {
        this.preview = preview;
    }

    @Override
    public void notify(DelegateTask task) {
        String upn = (String) task.getVariable(USER_PRINCIPAL_NAME);
        Date leaveAt = (Date) task.getVariable(LEAVE_AT);
        String summary;
        try {
            summary = markdown(preview.preview(upn, null, leaveAt == null ? null : leaveAt.toInstant()));
        } catch (TenantException | OffboardingPreview.UserNotFoundException e) {
            LOG.warn("No preview for the decision about {}: {}", upn, e.getMessage());
            summary = "_The tenant could not be asked for the details now (" + DecisionRules.printable(e.getMessage())
                    + "). The steps you choose still run as described._";
        }
        task.getExecution().setVariable(PREVIEW_SUMMARY, summary);
    }

    static String markdown(OffboardingPreview.Preview preview) {
        StringBuilder text = new StringBuilder();
        for (String warning : preview.warnings()) {
            text.append("- ⚠ ").append(warning).append('\n');
        }
        for (OffboardingPreview.Step step : preview.steps()) {
            text.append("- **").append(step.name()).append(":** ").append(step.what());
            for (String item : step.items()) {
                text.append("\n  - ").append(item);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
