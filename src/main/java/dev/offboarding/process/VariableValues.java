package dev.offboarding.process;

import java.util.Arrays;
import java.util.List;

/** Lists kept in process variables as comma-separated text, so that Cockpit and the forms show them plainly. */
final class VariableValues {

    private VariableValues() {
    }

    /**
     * Sets what a step removed or changed, as a list. A rerun that finds nothing left keeps the first run's list: the
     * work was done then.
     */
    static void recordList(org.camunda.bpm.engine.delegate.DelegateExecution execution, String name, List<String> items,
                           String separator) {
        if (!items.isEmpty() || !execution.hasVariable(name)) {
            execution.setVariable(name, String.join(separator, items));
        }
    }

    static List<String> list(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
