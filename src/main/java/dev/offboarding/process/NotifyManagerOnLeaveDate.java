package dev.offboarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** notifyManagerOnLeaveDate: on the leave date, the manager learns that the offboarding begins now. */
@Component("notifyManagerOnLeaveDateDelegate")
public class NotifyManagerOnLeaveDate implements JavaDelegate {

    private final ManagerNotice notice;

    public NotifyManagerOnLeaveDate(ManagerNotice notice) {
        this.notice = notice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notice.send(execution, "managerOnLeaveDate", "Offboarding begins today:",
                "the scheduled offboarding of someone who reports to you begins now.");
    }
}
