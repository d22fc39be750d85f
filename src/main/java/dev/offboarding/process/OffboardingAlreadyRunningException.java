package dev.offboarding.process;

/** The user already has an offboarding that has not ended: there is at most one per user. */
public class OffboardingAlreadyRunningException extends RuntimeException {

    private final String userPrincipalName;
    private final String processInstanceId;

    public OffboardingAlreadyRunningException(String userPrincipalName, String processInstanceId) {
        super(userPrincipalName + " is already being offboarded (process instance " + processInstanceId
                + "). Follow that offboarding in Cockpit, or cancel it before starting a new one.");
        this.userPrincipalName = userPrincipalName;
        this.processInstanceId = processInstanceId;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public String processInstanceId() {
        return processInstanceId;
    }
}
