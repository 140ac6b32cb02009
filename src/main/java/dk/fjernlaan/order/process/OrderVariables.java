package dk.fjernlaan.order.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The one place that names the order process's variables: references and routing facts, never payloads. */
final class OrderVariables {

    static final String PROCESS_KEY = "IllOrder";
    static final String MANUAL_TASK = "Task_HandleManually";
    static final String LOCAL_TASK = "Task_ReserveLocally";

    static final String ORDER_ID = "orderId";
    static final String BORROWER_AGENCY_ID = "borrowerAgencyId";
    static final String PICKUP_BRANCH_ID = "pickupBranchId";
    static final String TITLE = "title";
    static final String NEED_BEFORE_DATE = "needBeforeDate";
    static final String ROUTE = "route";
    static final String AUTOMATION_REASON = "automationReason";
    static final String LENDER_BRANCH_ID = "lenderBranchId";
    static final String MANUAL_ACTION = "manualAction";
    static final String REJECT_REASON = "rejectReason";

    private OrderVariables() {}

    static long orderId(VariableScope scope) {
        return Long.parseLong((String) scope.getVariable(ORDER_ID));
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
