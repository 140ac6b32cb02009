package dk.fjernlaan.order;

import java.util.Optional;

/** The port to the process engine: the order's life runs as the BPMN process {@code IllOrder}. */
public interface OrderProcess {

    /** Starts the order's process (business key = order number) in the caller's transaction. */
    void start(IllOrder order);

    /** The open task in the borrower's manual queue, if the order waits there. */
    Optional<String> manualTaskId(long orderId);

    /** Completes the manual task with the decision (the same as completing it in Tasklist). */
    void completeManualTask(String taskId, ManualDecision decision);

    /** The lender's open task for the order (answer the request, or ship the item), if the order waits there. */
    Optional<String> lenderTaskId(long orderId);

    /** Completes the lender's task with its message (the same as completing it in Tasklist). */
    void completeLenderTask(String taskId, SupplierMessage message);

    /** Tells the order's process what happened to its item; false when the process does not wait for it now. */
    boolean signal(long orderId, OrderSignal signal, java.util.Map<String, Object> facts);

    /** Tells the order's process that the order is cancelled; false when the process cannot take it now. */
    boolean cancel(long orderId, String note);

    /** Whether the order's process has a step to take that is not done yet (it continues in the background). */
    boolean continuing(long orderId);
}
