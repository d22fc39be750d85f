package dev.offboarding.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The shape of the clean-up steps that find things and remove each: remove one, record the change for the audit
 * report, then name all that were removed in a process variable. Idempotent as the tenant is: a rerun finds only what
 * is left, and the first run's list stays.
 */
final class EachRemoved {

    private EachRemoved() {
    }

    /**
     * @param change the change as recorded, the item's name follows: "Inbox rule removed"
     * @param detail what else the report should say of an item, or null
     */
    static <T> void remove(DelegateExecution execution, TenantChanges changes, String variable, String change,
                           List<T> found, Function<T, String> name, Function<T, String> detail, Consumer<T> remove) {
        List<String> removed = new ArrayList<>();
        for (T item : found) {
            remove.accept(item);
            changes.record(execution, change + ": " + name.apply(item), detail == null ? null : detail.apply(item));
            removed.add(name.apply(item));
        }
        VariableValues.recordList(execution, variable, removed, ", ");
    }
}
