package dev.offboarding.process;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A DelegateExecution that only holds variables: enough to call a delegate directly, as many times as a test likes. */
final class FakeExecution {

    private FakeExecution() {
    }

    /** Moves the fake to a step of the model, as the engine does before it calls that step's delegate. */
    interface Movable {
        void moveTo(String activityId);
    }

    static void moveTo(DelegateExecution execution, String activityId) {
        ((Movable) execution).moveTo(activityId);
    }

    @SuppressWarnings("unchecked")
    static DelegateExecution with(String processInstanceId, Map<String, Object> initial) {
        Map<String, Object> variables = new HashMap<>(initial);
        String[] currentActivityId = {null};
        return (DelegateExecution) Proxy.newProxyInstance(FakeExecution.class.getClassLoader(),
                new Class<?>[] {DelegateExecution.class, Movable.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> variables.get((String) args[0]);
                    case "hasVariable" -> variables.containsKey((String) args[0]);
                    case "setVariable" -> variables.put((String) args[0], args[1]);
                    case "setVariables" -> {
                        variables.putAll((Map<String, Object>) args[0]);
                        yield null;
                    }
                    case "removeVariable" -> variables.remove((String) args[0]);
                    case "getVariables" -> new HashMap<>(variables);
                    case "getProcessInstanceId", "getId" -> processInstanceId;
                    case "getCurrentActivityId" -> currentActivityId[0];
                    case "moveTo" -> {
                        currentActivityId[0] = (String) args[0];
                        yield null;
                    }
                    case "toString" -> "FakeExecution" + variables;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
