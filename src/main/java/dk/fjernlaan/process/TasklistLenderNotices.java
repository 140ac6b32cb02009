package dk.fjernlaan.process;

import java.util.List;

import dk.fjernlaan.order.LenderChannel;
import dk.fjernlaan.order.LenderNotices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The notices are the lender's tasks in {@code LenderNotice}: confirming one completes it, as in Tasklist. */
@Component
class TasklistLenderNotices implements LenderNotices {

    private final TaskService tasks;

    TasklistLenderNotices(TaskService tasks) {
        this.tasks = tasks;
    }

    private TaskQuery notices(String lenderAgencyId) {
        return tasks.createTaskQuery().processDefinitionKey(ProcessModel.LENDER_NOTICE).taskDefinitionKey(ProcessModel.ACKNOWLEDGE_NOTICE)
            .taskCandidateGroup(lenderAgencyId);
    }

    @Override
    public List<Open> open(String lenderAgencyId) {
        return notices(lenderAgencyId).orderByTaskCreateTime().asc().listPage(0, 500).stream()
            .map(t -> new Open(t.getId(), orderId(t),
                LenderChannel.Notice.valueOf(String.valueOf(tasks.getVariable(t.getId(), OrderVariables.NOTICE))), t.getCreateTime().toInstant()))
            .toList();
    }

    private long orderId(Task task) {
        return Long.parseLong(String.valueOf(tasks.getVariable(task.getId(), OrderVariables.ORDER_ID)));
    }

    @Override
    public boolean confirm(String noticeId, String lenderAgencyId) {
        if (notices(lenderAgencyId).taskId(noticeId).count() == 0) {
            return false;
        }
        try {
            tasks.complete(noticeId);
        } catch (NullValueException confirmedMeanwhile) {
            return false;
        }
        return true;
    }
}
