package dev.offboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** notifyManagerAhead: the manager learns, ahead of the leave date, when the offboarding begins and what it does. */
@Component("notifyManagerAheadDelegate")
public class NotifyManagerAhead implements JavaDelegate {

    private final ManagerNotice notice;

    public NotifyManagerAhead(ManagerNotice notice) {
        this.notice = notice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notice.send(execution, "managerAhead", "Offboarding scheduled:",
                "an offboarding has been scheduled for someone who reports to you. Until then nothing changes; "
                        + "please make sure that work and files are handed over before the date.");
    }
}
