package dk.fjernlaan.process;

import java.util.List;

import dk.fjernlaan.platform.refusal.InvalidInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The tasks after dispatch (receive the item, hand it to the patron, register its return, confirm it is back):
 * they get their name in the configured language and what staff need to see in Tasklist. Handing out asks whether
 * the patron fetched the item: an answer that is missing or not one of the form's is refused, the task stays.
 */
@Component("stepTaskListener")
class StepTaskListener implements TaskListener {

    private final StaffTasks staffTasks;

    StepTaskListener(StaffTasks staffTasks) {
        this.staffTasks = staffTasks;
    }

    private static final List<String> PICKUP_OUTCOMES = List.of("PickedUp", "NotPickedUp");

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            staffTasks.describe(task, "task." + task.getTaskDefinitionKey());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName()) && ProcessModel.AWAIT_PICKUP.equals(task.getTaskDefinitionKey())) {
            String outcome = OrderVariables.string(task, OrderVariables.PICKUP_OUTCOME);
            staffTasks.check(() -> {
                if (outcome == null || !PICKUP_OUTCOMES.contains(outcome)) {
                    throw InvalidInput.field(OrderVariables.PICKUP_OUTCOME, "problem.pickup.outcome", outcome == null ? "" : outcome);
                }
            });
        }
    }
}
