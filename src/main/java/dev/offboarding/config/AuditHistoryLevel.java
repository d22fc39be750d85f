package dev.offboarding.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME}: everything of Camunda's {@code full} level (activities, tasks, the final value of
 * every variable, decisions, incidents, job log, user operation log) except the detail row written for each single
 * variable update. An offboarding sets about sixty variables and the audit report reads only their final values, so
 * those rows cost a third of the inserts and nobody reads them. Select it with
 * {@code camunda.bpm.history-level: full-without-variable-details}; plain {@code full} still works.
 */
@Component
public class AuditHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    public static final String NAME = "full-without-variable-details";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>(configuration.getCustomHistoryLevels() == null
                ? List.of() : configuration.getCustomHistoryLevels());
        levels.add(this);
        configuration.setCustomHistoryLevels(levels);
    }

    @Override
    public int getId() {
        return 30;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
