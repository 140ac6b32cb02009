package dk.fjernlaan.process;

import dk.fjernlaan.platform.texts.Texts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The lender's notice gets its name and its text in the configured language. */
@Component("lenderNoticeListener")
class LenderNoticeListener implements TaskListener {

    private final StaffTasks staffTasks;
    private final Texts texts;

    LenderNoticeListener(StaffTasks staffTasks, Texts texts) {
        this.staffTasks = staffTasks;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        String notice = OrderVariables.string(task, OrderVariables.NOTICE);
        staffTasks.describe(task, "task.notice." + notice);
        task.setVariable(OrderVariables.NOTICE_TEXT, texts.getDefault("notice." + notice));
    }
}
