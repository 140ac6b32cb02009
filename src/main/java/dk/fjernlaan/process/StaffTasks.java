package dk.fjernlaan.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.fjernlaan.automation.Automation;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.input.InputRules;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** What the listeners of staff's tasks share: the task's name and Tasklist summary, the user, the checks. */
@Component
class StaffTasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Orders orders;
    private final Texts texts;
    private final FjernlaanClock clock;
    private final int loanPeriodDays;

    StaffTasks(Orders orders, Texts texts, FjernlaanClock clock, FjernlaanSettings settings) {
        this.orders = orders;
        this.texts = texts;
        this.clock = clock;
        this.loanPeriodDays = settings.automation().ownLoanPeriodDays();
    }

    /** Names the task ({@code textKey} with order number and title) and gives Tasklist its one-line summary. */
    void describe(DelegateTask task, String textKey) {
        long orderId = OrderVariables.orderId(task);
        Orders.TaskFacts facts = orders.taskFacts(orderId);
        task.setVariable(OrderVariables.ORDER_SUMMARY, facts.summary());
        task.setVariable(OrderVariables.BORROWER_LIBRARY, facts.borrowerLibrary());
        task.setName(InputRules.abbreviate(texts.getDefault(textKey, String.valueOf(orderId), facts.title()), InputRules.TASK_NAME_LENGTH));
    }

    /**
     * What the manual decision's form offers: the reason in words, and the candidates by name with when they can
     * deliver (or why they were left out) to choose the lender from; a JSON list, which Tasklist's form reads.
     */
    void offerLenders(DelegateTask task) {
        long orderId = OrderVariables.orderId(task);
        Automation automation = orders.order(orderId).automation();
        String reason = automation == null ? null : automation.reason();
        task.setVariable(OrderVariables.AUTOMATION_REASON_TEXT, reason == null ? "" : texts.getDefault("wb.reason." + reason));
        List<Map<String, String>> choices = orders.lenderChoices(orderId).stream().map(c -> {
            Map<String, String> choice = new LinkedHashMap<>();
            choice.put("label", InputRules.abbreviate(c.excludedBecause() != null
                ? texts.getDefault("task.choice.excluded", c.branchName(), c.libraryName(), c.branchId(), texts.getDefault("wb.reason." + c.excludedBecause()))
                : c.availableFrom() == null ? texts.getDefault("task.choice.undated", c.branchName(), c.libraryName(), c.branchId())
                : c.availableFrom().isAfter(clock.today()) ? texts.getDefault("task.choice.later", c.branchName(), c.libraryName(), c.branchId(), InputRules.staffDate(c.availableFrom()))
                : texts.getDefault("task.choice.now", c.branchName(), c.libraryName(), c.branchId()), InputRules.TEXT_LENGTH));
            choice.put("value", c.branchId());
            return choice;
        }).toList();
        try {
            task.setVariable(OrderVariables.LENDER_CHOICES, SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills in the loan's due date after the library's loan period, written as staff write it (dd-mm-åååå). */
    void proposeDueDate(DelegateTask task) {
        task.setVariable(OrderVariables.DUE_DATE, InputRules.staffDate(clock.today().plusDays(loanPeriodDays)));
    }

    /** The Tasklist user (engine authentication) or the API caller. */
    static String userId(DelegateTask task) {
        Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return engineUser != null ? engineUser.getUserId() : Actor.current().userId();
    }

    /**
     * Runs a check of staff's input; a refusal keeps the task open, with the reason in words as Tasklist's message
     * (a bad user request: the engine's REST API answers 400 with it, not 500). A wrong field is named by its
     * label in the form, not by its variable.
     */
    void check(Runnable check) {
        check(() -> {
            check.run();
            return null;
        });
    }

    <T> T check(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (Refusal e) {
            String message = e.problems().size() == 1 && texts.has("form.field." + e.problems().get(0).field())
                ? texts.getDefault("problem.field", texts.getDefault("form.field." + e.problems().get(0).field()),
                    texts.getDefault(e.problems().get(0).message()))
                : e.getMessage();
            throw new BadUserRequestException(message, e);
        }
    }
}
