package dk.fjernlaan.process;

import dk.fjernlaan.platform.input.InputRules;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one place that names the order process's variables: references and routing facts, never payloads. (The
 * models' own names, the steps and messages, are in {@link ProcessModel}.)
 */
final class OrderVariables {

    static final String PROCESS_KEY = ProcessModel.ILL_ORDER;
    static final String MANUAL_TASK = ProcessModel.HANDLE_MANUALLY;
    static final String LOCAL_TASK = ProcessModel.RESERVE_LOCALLY;

    static final String ORDER_ID = "orderId";
    static final String BORROWER_AGENCY_ID = "borrowerAgencyId";
    static final String ORDER_SUMMARY = "orderSummary";
    /** The borrowing library by name, for the forms (set with the summary). */
    static final String BORROWER_LIBRARY = "borrowerLibrary";
    static final String ROUTE = "route";
    static final String AUTOMATION_REASON = "automationReason";
    static final String LENDER_BRANCH_ID = "lenderBranchId";
    /** Another branch than the candidates, typed by number in the manual decision's form. */
    static final String OTHER_LENDER_BRANCH_ID = "otherLenderBranchId";
    static final String LENDER_CHOICES = "lenderChoices";
    static final String AUTOMATION_REASON_TEXT = "automationReasonText";
    static final String MANUAL_ACTION = "manualAction";
    static final String REJECT_REASON = "rejectReason";
    static final String CONVERSATION_KEY = ProcessModel.LENDER_CONVERSATION;
    static final String ANSWER_TASK = ProcessModel.ANSWER_REQUEST;
    static final String SHIP_TASK = ProcessModel.SHIP_ITEM;
    static final String LENDER_AGENCY_ID = "lenderAgencyId";
    /** Whether the current lender answers from its own library system (ISO 18626) rather than in Tasklist. */
    static final String LENDER_SYSTEM = "lenderSystem";
    /** Set (true) when the borrowing library's own system lends the item to its patron (an ISO 18626 order). */
    static final String BORROWER_SYSTEM = "borrowerSystem";
    static final String SILENCE_DEADLINE = "silenceDeadline";
    static final String EXPIRES_AT = "expiresAt";
    static final String SUPPLIER_STATUS = "supplierStatus";
    static final String SUPPLIER_REASON = "supplierReason";
    static final String SUPPLIER_ITEM_ID = "supplierItemId";
    static final String EXPECTED_DELIVERY_DATE = "expectedDeliveryDate";
    static final String DUE_DATE = "dueDate";
    static final String CONVERSATION_OUTCOME = "conversationOutcome";
    static final String ORDER_OUTCOME = "orderOutcome";
    static final String DATE_ACCEPTABLE = "dateAcceptable";
    static final String NEXT_LENDER_FOUND = "nextLenderFound";
    static final String ROTA_ALTERNATIVE = "rotaAlternative";
    static final String CANCEL_NOTE = "cancelNote";
    static final String NOTICE = "notice";
    static final String NOTICE_TEXT = "noticeText";
    static final String CANCELLED_BY = "cancelledBy";
    static final String CANCEL_MESSAGE = ProcessModel.CANCEL_REQUESTED;

    static final String PICKED_UP = "pickedUp";
    static final String PICKUP_OUTCOME = "pickupOutcome";
    static final String PICKUP_DEADLINE = "pickupDeadline";
    static final String REMINDER_AT = "reminderAt";
    static final String OVERDUE_CYCLE = "overdueCycle";
    static final String FORWARDED = "forwarded";
    static final String FORWARDED_FROM = "forwardedFrom";
    static final String FORWARDED_HERE = "forwardedHere";
    static final String FORWARDED_LENDER_BRANCH_ID = "forwardedLenderBranchId";
    static final String FORWARDED_ITEM_ID = "forwardedItemId";
    static final String FORWARDED_DUE_DATE = "forwardedDueDate";

    static final String DISPATCHED = "DISPATCHED";
    static final String EXHAUSTED = "EXHAUSTED";
    static final String REJECTED = "REJECTED";

    private OrderVariables() {}

    /**
     * A fact only the next steps of the same transaction read (a gateway's condition, the date of a timer the next
     * activity starts): it is not stored. Where a stored variable of that name exists (an order started before it
     * was transient), that one is set.
     */
    static void setTransient(VariableScope scope, String name, Object value) {
        TypedValue existing = scope.getVariableTyped(name);
        scope.setVariable(name, existing != null && !existing.isTransient() ? value : Variables.untypedValue(value, true));
    }

    static long orderId(VariableScope scope) {
        return Long.parseLong((String) scope.getVariable(ORDER_ID));
    }

    /**
     * A date variable as a form or the API gives it: a dd-mm-åååå or yyyy-MM-dd string, or a Date; the years and
     * calendar rules of the API's dates ({@link InputRules#staffDate}), so a form cannot bring in what the API
     * refuses (the refusal names the field).
     */
    static java.time.LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return java.time.LocalDate.ofInstant(d.toInstant(), java.time.ZoneId.of("Europe/Copenhagen"));
        }
        // Tasklist's forms take the date as staff write it (dd-mm-åååå); the engine's REST API may give åååå-mm-dd
        return InputRules.staffDate(name, value.toString());
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
