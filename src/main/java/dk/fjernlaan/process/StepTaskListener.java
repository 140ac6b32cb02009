package dk.fjernlaan.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The tasks after dispatch (receive the item, hand it to the patron, register its return, confirm it is back):
 * they get their name in the configured language and what staff need to see in Tasklist.
 */
@Component("stepTaskListener")
class StepTaskListener implements TaskListener {

    private final StaffTasks staffTasks;

    StepTaskListener(StaffTasks staffTasks) {
        this.staffTasks = staffTasks;
    }

    @Override
    public void notify(DelegateTask task) {
        staffTasks.describe(task, "task." + task.getTaskDefinitionKey());
    }
}
