package dk.fjernlaan.process;

import java.util.Map;

import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderChannel;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * For a library that works in Tasklist: the request is its task in {@code LenderConversation}; a notice is a task in
 * the lender's queue ({@code LenderNotice}), which its staff confirm when they have seen it; what happens to the
 * item it sees on the order.
 */
@Component
class TasklistLenderChannel implements LenderChannel {

    private final RuntimeService runtime;

    TasklistLenderChannel(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean request(IllOrder order) {
        return false;
    }

    @Override
    public void itemEvent(IllOrder order, ItemEvent event) {
    }

    @Override
    public boolean askRenewal(IllOrder order) {
        return false;
    }

    @Override
    public void tell(IllOrder order, String lenderAgencyId, Notice notice, boolean saidYes) {
        if (!saidYes) {
            return;
        }
        runtime.startProcessInstanceByKey(ProcessModel.LENDER_NOTICE, String.valueOf(order.orderId()), Map.of(
            OrderVariables.ORDER_ID, String.valueOf(order.orderId()),
            OrderVariables.LENDER_AGENCY_ID, lenderAgencyId,
            OrderVariables.NOTICE, notice.name()));
    }
}
