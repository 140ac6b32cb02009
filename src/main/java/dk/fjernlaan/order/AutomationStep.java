package dk.fjernlaan.order;

import dk.fjernlaan.automation.AutomationService;
import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;

/** The automation check of a new order (and of one that staff let try again): the decision is kept on the order. */
@Service
public class AutomationStep {

    private final OrderRepository orders;
    private final AutomationService automation;
    private final FjernlaanClock clock;

    AutomationStep(OrderRepository orders, AutomationService automation, FjernlaanClock clock) {
        this.orders = orders;
        this.automation = automation;
        this.clock = clock;
    }

    /** Makes the automation decision for the order and keeps it on the order; the process follows its route. */
    public Decision decide(long orderId) {
        IllOrder order = orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
        Decision decision = automation.decide(new AutomationService.DecisionRequest(order.borrowerAgencyId(), order.pickupBranchId(),
            order.orderSystem().name(), order.responderId(), order.pids(), order.orderedPid(), order.exactEdition(),
            order.materialType(), order.needBeforeDate()));
        order.automationDecided(decision.toAutomation(), decision.route(), decision.lenderBranchId(), clock.now(), Actor.current().userId());
        orders.update(order);
        return decision;
    }
}
