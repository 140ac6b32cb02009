package dk.fjernlaan.process;

/**
 * The names the code and the tests share with the models in {@code processes/}: process ids, the steps and tasks,
 * and the messages the processes wait for. One place, checked against the models by a test, so a renamed step
 * in a model cannot silently leave code behind.
 */
public final class ProcessModel {

    // processes
    public static final String ILL_ORDER = "IllOrder";
    public static final String LENDER_CONVERSATION = "LenderConversation";
    public static final String DELIVERY = "Delivery";
    public static final String LOAN = "Loan";
    public static final String RETURN = "Return";
    public static final String LENDER_NOTICE = "LenderNotice";

    // IllOrder
    public static final String BEFORE_DISPATCH = "SubProcess_BeforeDispatch";
    public static final String DECIDE_MERGE = "Gateway_DecideMerge";
    public static final String DECIDE_AUTOMATION = "Task_DecideAutomation";
    public static final String AUTOMATED = "Gateway_Automated";
    public static final String SEND_MERGE = "Gateway_SendMerge";
    public static final String HANDLE_MANUALLY = "Task_HandleManually";
    public static final String RESERVE_LOCALLY = "Task_ReserveLocally";
    public static final String MANUAL_DECISION = "Gateway_ManualDecision";
    public static final String REJECT_ORDER = "Task_RejectOrder";
    public static final String RETURN_TO_MANUAL = "Task_ReturnToManual";
    public static final String CONVERSATION = "CallActivity_LenderConversation";
    public static final String ITEM_DISPATCHED = "EndEvent_ItemDispatched";
    public static final String DELIVERY_CALL = "CallActivity_Delivery";
    public static final String PICKED_UP = "Gateway_PickedUp";
    public static final String LOAN_CALL = "CallActivity_Loan";
    public static final String RETURN_MERGE = "Gateway_ReturnMerge";
    public static final String RETURN_CALL = "CallActivity_Return";
    public static final String DELIVERY_MERGE = "Gateway_DeliveryMerge";
    public static final String ORDER_REJECTED = "EndEvent_OrderRejected";
    public static final String ORDER_COMPLETED = "EndEvent_OrderCompleted";
    public static final String ORDER_EXPIRED = "EndEvent_OrderExpired";
    public static final String ORDER_CANCELLED = "EndEvent_OrderCancelled";

    // LenderConversation
    public static final String ANSWER_REQUEST = "Task_AnswerRequest";
    public static final String SHIP_ITEM = "Task_ShipItem";
    public static final String AWAIT_LENDER_SYSTEM_ANSWER = "Task_AwaitLenderSystemAnswer";
    public static final String AWAIT_LENDER_SYSTEM_SHIPMENT = "Task_AwaitLenderSystemShipment";
    public static final String SHIP_MERGE = "Gateway_ShipMerge";
    public static final String SHIP_ANSWER = "Gateway_ShipAnswer";
    public static final String CHECK_EXPECTED_DATE = "Task_CheckExpectedDate";
    public static final String WITHDRAW_REQUEST = "Task_WithdrawRequest";
    public static final String FIND_NEXT_LENDER = "Task_FindNextLender";
    public static final String DISPATCHED_MERGE = "Gateway_DispatchedMerge";
    public static final String LENDER_SILENT = "BoundaryEvent_LenderSilent";
    public static final String LENDER_SYSTEM_SILENT = "BoundaryEvent_LenderSystemSilent";

    // Delivery, Loan, Return: the staff's tasks after dispatch
    public static final String AWAIT_ARRIVAL = "Task_AwaitArrival";
    public static final String TELL_FORWARDING_ORDER = "Task_TellForwardingOrder";
    public static final String AWAIT_PICKUP = "Task_AwaitPickup";
    public static final String BORROWER_SYSTEM = "Gateway_BorrowerSystem";
    public static final String ON_LOAN = "Task_OnLoan";
    public static final String RESCHEDULE_LOAN = "Task_RescheduleLoan";
    public static final String FIND_NEXT_BORROWER = "Task_FindNextBorrower";
    public static final String AWAIT_LENDER = "Task_AwaitLender";
    public static final String AWAIT_FORWARD_ARRIVAL = "Task_AwaitForwardArrival";

    // LenderNotice
    public static final String ACKNOWLEDGE_NOTICE = "Task_AcknowledgeNotice";

    // messages (their names, as the models declare them)
    public static final String CANCEL_REQUESTED = "CancelRequested";
    public static final String ITEM_FORWARDED = "ItemForwarded";
    public static final String FORWARDED_ITEM_ARRIVED = "ForwardedItemArrived";
    public static final String DUE_DATE_CHANGED = "DueDateChanged";

    private ProcessModel() {}
}
