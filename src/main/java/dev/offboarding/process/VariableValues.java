package dev.offboarding.process;

import java.util.Arrays;
import java.util.List;

/** Lists kept in process variables as comma-separated text, so that Cockpit and the forms show them plainly. */
final class VariableValues {

    private VariableValues() {
    }

    static List<String> list(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
