package dev.offboarding.process;

import static dev.offboarding.process.OffboardingVariables.REMOVED_MOBILE_DEVICES;
import static dev.offboarding.process.OffboardingVariables.USER_PRINCIPAL_NAME;

import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.MobileDevice;
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
        EachRemoved.remove(execution, changes, REMOVED_MOBILE_DEVICES, "Mobile device removed",
                mailboxes.mobileDevices(upn), MobileDevice::name, null, device -> mailboxes.removeMobileDevice(upn, device));
    }
}
