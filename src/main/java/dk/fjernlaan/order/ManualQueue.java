package dk.fjernlaan.order;

import java.util.List;

import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.input.InputRules;
import org.springframework.stereotype.Service;

/**
 * The borrower's manual queue (BOB) and its local reservation queue: the orders that wait for staff, and their
 * decisions: send to a lender, let the automation try again, or reject. The API completes the same task as Tasklist.
 */
@Service
public class ManualQueue {

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final OrderProcess process;
    private final LenderEligibility lenders;
    private final DirectoryService directory;
    private final FjernlaanClock clock;

    ManualQueue(OrderRepository orders, OrderChanges changes, OrderProcess process, LenderEligibility lenders, DirectoryService directory,
                FjernlaanClock clock) {
        this.orders = orders;
        this.changes = changes;
        this.process = process;
        this.lenders = lenders;
        this.directory = directory;
        this.clock = clock;
    }

    /** The statuses of an order in its library's manual queue. */
    public static final List<OrderStatus> WAITING = List.of(OrderStatus.AWAITING_MANUAL, OrderStatus.LOCAL_RESERVATION);

    public List<IllOrder> queue(String agencyId) {
        directory.agency(agencyId);
        return orders.find(agencyId, null, WAITING, 0, 1000);
    }

    /** Staff decide an order in their manual queue (the same as completing the task in Tasklist). */
    public IllOrder decide(long orderId, ManualDecision decision) {
        changes.locked(orderId, order -> {
            AccessPolicy.requireAgency(order.borrowerAgencyId());
            String taskId = process.manualTaskId(orderId).orElseThrow(() -> new NotInState(order.status().name(),
                "problem.manual.notInQueue", orderId, order.status()));
            // checked and recorded by the task's listener, as when staff complete it in Tasklist
            process.completeManualTask(taskId, decision);
            return null;
        });
        return orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
    }

    /** Validates a manual decision before the task is completed (from the API or from Tasklist). */
    public void check(long orderId, ManualDecision decision) {
        check(orders.find(orderId).orElseThrow(() -> NotFound.order(orderId)), decision);
    }

    private void check(IllOrder order, ManualDecision decision) {
        if (decision.action() == null) {
            throw InvalidInput.field("action", "problem.manual.actionRequired");
        }
        switch (decision.action()) {
            case SEND -> {
                if (decision.lenderBranchId() == null || decision.lenderBranchId().isBlank()) {
                    throw InvalidInput.field("lenderBranchId", "problem.manual.lenderRequired");
                }
                List<FieldProblem> problems = lenders.problems("lenderBranchId", decision.lenderBranchId(), order.borrowerAgencyId(), clock.today());
                if (!problems.isEmpty()) {
                    throw new Unacceptable(Text.of("problem.field", problems.get(0).field(), problems.get(0).message()), problems);
                }
            }
            case REJECT -> {
                if (decision.reason() == null || decision.reason().isBlank()) {
                    throw InvalidInput.field("reason", "problem.manual.reasonRequired");
                }
                if (decision.reason().length() > InputRules.TEXT_LENGTH) {
                    throw InvalidInput.field("reason", "problem.text.tooLong", InputRules.TEXT_LENGTH);
                }
            }
            case RETRY_AUTOMATION -> { }
        }
    }

    /** Records the decision in the order's history (called when the task is completed). */
    public void record(long orderId, ManualDecision decision, String userId) {
        IllOrder order = orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
        order.manualDecisionMade(decision, clock.now(), userId);
        orders.update(order);
    }

    /** Staff closed the order without supply. */
    public void reject(long orderId, String reason) {
        IllOrder order = orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
        order.rejected(reason, clock.now(), Actor.current().userId());
        orders.update(order);
    }
}
