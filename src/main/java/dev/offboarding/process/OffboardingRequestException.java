package dev.offboarding.process;

import java.util.List;

/** The request to offboard someone is wrong in itself (bad user name, inconsistent decisions): the caller must fix it. */
public class OffboardingRequestException extends RuntimeException {

    private final List<String> problems;

    public OffboardingRequestException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public OffboardingRequestException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
