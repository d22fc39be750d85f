package dev.offboarding.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Names a task after the person it is about ("Decide how to offboard Adele Vance") while the diagram keeps a name
 * that reads well without data ("Decide how to offboard the user"). The title is an expression field in the model.
 */
public class TaskTitle implements TaskListener {

    private Expression title;

    public void setTitle(Expression title) {
        this.title = title;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setName(String.valueOf(title.getValue(task)));
    }
}
