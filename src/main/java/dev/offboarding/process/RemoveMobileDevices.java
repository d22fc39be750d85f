package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_MOBILE_DEVICES;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.MobileDevice;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** removeMobileDevices: the person's phones and tablets stop syncing the mailbox. */
@Component("removeMobileDevicesDelegate")
public class RemoveMobileDevices implements JavaDelegate {

    private final Mailboxes mailboxes;
    private final TenantChanges changes;

    public RemoveMobileDevices(Mailboxes mailboxes, TenantChanges changes) {
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String upn = (String) execution.getVariable(USER_PRINCIPAL_NAME);
        List<String> removed = new ArrayList<>();
        for (MobileDevice device : mailboxes.mobileDevices(upn)) {
            mailboxes.removeMobileDevice(upn, device);
            changes.record(execution, "Mobile device removed: " + device.name());
            removed.add(device.name());
        }
        VariableValues.recordList(execution, REMOVED_MOBILE_DEVICES, removed, ", ");
    }
}
