package dk.fjernlaan.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.fjernlaan.automation.Automation;
import dk.fjernlaan.automation.Decision;

/**
 * The order aggregate: what was ordered, for whom and where, and where it stands. Its state changes only
 * through the methods below, each of which records an event in the order's history.
 */
public class IllOrder {

    private final long orderId;
    private final String pickupBranchId;
    private final String borrowerAgencyId;
    private final String patronId;
    private final List<String> pids;
    private final String workId;
    private final int materialType;
    private final LocalDate needBeforeDate;
    private final OrderSystem orderSystem;
    private final String responderId;
    private final boolean exactEdition;
    private final String createdBy;
    private final Instant createdAt;

    private OrderStatus status;
    private boolean automated;
    private Automation automation;
    private java.util.function.Supplier<Automation> storedAutomation;
    private boolean automationChanged;
    private String lenderBranchId;
    private String lenderAgencyId;
    private String lenderAnswer;
    private LocalDate expectedDelivery;
    private LocalDate dueDate;
    private List<OrderWarning> warnings;
    private LenderAttempts attempts = new LenderAttempts(null);
    private final LentItem item = new LentItem(this);
    private String closeReason;
    private Instant updatedAt;
    private int version;

    private String externalId;

    private final List<OrderEvent> newEvents = new ArrayList<>();

    @SuppressWarnings("java:S107")
    public IllOrder(long orderId, OrderStatus status, String pickupBranchId, String borrowerAgencyId, String patronId,
                    List<String> pids, String workId, int materialType, LocalDate needBeforeDate, OrderSystem orderSystem,
                    String responderId, boolean exactEdition, String createdBy, Instant createdAt, Instant updatedAt, int version) {
        this.orderId = orderId;
        this.status = status;
        this.pickupBranchId = pickupBranchId;
        this.borrowerAgencyId = borrowerAgencyId;
        this.patronId = patronId;
        this.pids = List.copyOf(pids);
        this.workId = workId;
        this.materialType = materialType;
        this.needBeforeDate = needBeforeDate;
        this.orderSystem = orderSystem;
        this.responderId = responderId;
        this.exactEdition = exactEdition;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.warnings = List.of();
    }

    /** A new order, as accepted from a client. */
    public static IllOrder received(long orderId, String pickupBranchId, String borrowerAgencyId, String patronId, List<String> pids,
                                    String workId, int materialType, LocalDate needBeforeDate, OrderSystem orderSystem,
                                    String responderId, boolean exactEdition, List<OrderWarning> warnings, String actor, Instant now) {
        IllOrder order = new IllOrder(orderId, OrderStatus.RECEIVED, pickupBranchId, borrowerAgencyId, patronId, pids, workId,
            materialType, needBeforeDate, orderSystem, responderId, exactEdition, actor, now, now, 0);
        order.warnings = List.copyOf(warnings);
        order.record(now, "RECEIVED", actor, orderSystem.name(), pickupBranchId);
        return order;
    }

    /** The id the order has in the system it came from (a peer's requestingAgencyRequestId), if any. */
    public IllOrder knownAs(String externalId) {
        this.externalId = externalId;
        return this;
    }

    // transitions ------------------------------------------------------------------------------

    /**
     * The automation decision was made: it is kept on the order, and the order goes where the decision sends it
     * (the manual queue, the local reservation queue, or on to a lender in the same step).
     */
    public void automationDecided(Automation decided, Decision.Route route, String lenderBranchId, Instant now, String actor) {
        automation = decided;
        storedAutomation = null;
        automationChanged = true;
        automated = route == Decision.Route.AUTOMATED;
        record(now, "AUTOMATION_DECIDED", actor, decided.result(), decided.reason(), lenderBranchId == null ? "-" : lenderBranchId);
        switch (route) {
            case MANUAL -> awaitManualHandling(now, actor);
            case LOCAL -> {
                status = OrderStatus.LOCAL_RESERVATION;
                record(now, "LOCAL_RESERVATION", actor, borrowerAgencyId);
            }
            default -> { }
        }
    }

    private void awaitManualHandling(Instant now, String actor) {
        status = OrderStatus.AWAITING_MANUAL;
        record(now, "AWAITING_MANUAL", actor, borrowerAgencyId);
    }

    /**
     * Staff decided the order in their queue. A lender chosen by staff makes the order a manual one: it is not
     * automated any more, and when that lender cannot supply it comes back to staff.
     */
    public void manualDecisionMade(ManualDecision decision, Instant now, String actor) {
        if (decision.action() == ManualAction.SEND) {
            automated = false;
        }
        String detail = switch (decision.action()) {
            case SEND -> decision.lenderBranchId();
            case REJECT -> decision.reason();
            case RETRY_AUTOMATION -> "";
        };
        record(now, "MANUAL_DECISION_" + decision.action().name(), actor, detail == null ? "" : detail);
    }

    /** The request goes to a lender branch, for the edition it holds ({@code pid}). */
    public void sentToLender(String branchId, String agencyId, String pid, Instant now, String actor) {
        status = OrderStatus.SENT_TO_LENDER;
        lenderBranchId = branchId;
        lenderAgencyId = agencyId;
        lenderAnswer = null;
        expectedDelivery = null;
        dueDate = null;
        attempts.sent(branchId, agencyId, pid, now);
        record(now, "SENT_TO_LENDER", actor, branchId);
    }

    /** The current lender answered (from Tasklist or the API). */
    public void lenderAnswered(SupplierMessage message, Instant now, String actor) {
        lenderAnswer = message.status().name();
        switch (message.status()) {
            case WillSupply -> {
                status = OrderStatus.WILL_SUPPLY;
                record(now, "LENDER_WILL_SUPPLY", actor, lenderBranchId);
            }
            case ExpectToSupply -> {
                status = OrderStatus.EXPECT_TO_SUPPLY;
                expectedDelivery = message.expectedDeliveryDate();
                record(now, "LENDER_EXPECTS_TO_SUPPLY", actor, lenderBranchId, String.valueOf(expectedDelivery));
            }
            case Loaned -> {
                status = OrderStatus.SHIPPED;
                dueDate = message.dueDate();
                item.dispatched(message.itemId(), null);
                attempts.closeCurrent(LenderAttempt.LOANED, null, now);
                record(now, "LENDER_SHIPPED", actor, lenderBranchId, String.valueOf(dueDate));
            }
            case Unfilled, RetryPossible -> {
                String reason = message.reason() == null ? "-" : message.reason();
                attempts.closeCurrent(message.status() == SupplierStatus.Unfilled ? LenderAttempt.UNFILLED : LenderAttempt.RETRY_POSSIBLE,
                    message.reason(), now);
                record(now, message.status() == SupplierStatus.Unfilled ? "LENDER_UNFILLED" : "LENDER_RETRY_POSSIBLE", actor,
                    lenderBranchId, reason);
            }
            default -> throw new IllegalArgumentException("Not an answer to a request: " + message.status());
        }
    }

    /** The lender did not answer in time. */
    public void lenderSilent(int workingDays, Instant now) {
        attempts.closeCurrent(LenderAttempt.SILENT, null, now);
        record(now, "LENDER_SILENT", "system", lenderBranchId, String.valueOf(workingDays));
    }

    /** The request is taken back from the current lender (its date is too late), and it is told so. */
    public void requestWithdrawn(String why, Instant now) {
        attempts.closeCurrent(LenderAttempt.WITHDRAWN, why, now);
        record(now, "REQUEST_WITHDRAWN", "system", lenderBranchId, why);
    }

    /** No lender is left to ask: back to the borrower's manual queue, with the lenders tried. */
    public void rotaExhausted(Instant now) {
        status = OrderStatus.AWAITING_MANUAL;
        record(now, "ROTA_EXHAUSTED", "system", attempts.summary());
    }

    /** A message from a lender that is no longer asked: kept in the history, nothing else. */
    public void lateAnswer(String fromAgencyId, String answer, Instant now, String actor) {
        record(now, "LATE_ANSWER", actor, fromAgencyId, answer);
    }

    public void expired(Instant now) {
        attempts.closeCurrent(LenderAttempt.WITHDRAWN, "expired", now);
        status = OrderStatus.EXPIRED;
        closeReason = "need-before date " + needBeforeDate + " passed";
        record(now, "EXPIRED", "system", String.valueOf(needBeforeDate));
    }

    public void cancelled(String note, Instant now, String actor) {
        attempts.closeCurrent(LenderAttempt.WITHDRAWN, "cancelled", now);
        status = OrderStatus.CANCELLED;
        closeReason = note;
        record(now, "CANCELLED", actor, note == null ? "-" : note);
    }

    /** This order gets the item of another order, forwarded to it, instead of one from a lender's shelf. */
    public void receivedForwarded(long fromOrderId, String lenderBranch, String lenderAgency, String itemId, LocalDate lenderDue, Instant now) {
        if (!lenderBranch.equals(lenderBranchId)) {
            attempts.closeCurrent(LenderAttempt.WITHDRAWN, "forwarded item from order " + fromOrderId, now);
        } else {
            attempts.closeCurrent(LenderAttempt.LOANED, "forwarded item from order " + fromOrderId, now);
        }
        status = OrderStatus.SHIPPED;
        lenderBranchId = lenderBranch;
        lenderAgencyId = lenderAgency;
        lenderAnswer = SupplierStatus.Loaned.name();
        item.dispatched(itemId, fromOrderId);
        dueDate = lenderDue;
        record(now, "RECEIVED_FORWARDED", "system", String.valueOf(fromOrderId), lenderAgency);
    }

    void moveTo(OrderStatus next) { status = next; }
    void lenderDueDate(LocalDate lenderDue) { dueDate = lenderDue; }

    public void completed(Instant now, String actor) {
        status = OrderStatus.COMPLETED;
        record(now, "COMPLETED", actor);
    }

    /** The lender currently asked (an open attempt), if any. */
    public java.util.Optional<LenderAttempt> currentAttempt() {
        return attempts.current();
    }

    public List<LenderAttempt> attempts() {
        return attempts.list();
    }

    /** The item once dispatched: its way to the patron, the loan, and back or on. */
    public LentItem item() {
        return item;
    }

    public void rejected(String reason, Instant now, String actor) {
        attempts.closeCurrent(LenderAttempt.WITHDRAWN, "rejected", now);
        status = OrderStatus.UNFILLED;
        closeReason = reason;
        record(now, "REJECTED", actor, reason);
    }

    public void record(Instant at, String event, String actor, Object... args) {
        newEvents.add(new OrderEvent(at, event, List.of(args), actor));
        updatedAt = at;
    }

    // state ------------------------------------------------------------------------------------

    public long orderId() { return orderId; }
    public OrderStatus status() { return status; }
    public String pickupBranchId() { return pickupBranchId; }
    public String borrowerAgencyId() { return borrowerAgencyId; }
    public String patronId() { return patronId; }
    public List<String> pids() { return pids; }
    public String orderedPid() { return pids.get(0); }
    public String workId() { return workId; }
    public int materialType() { return materialType; }
    public LocalDate needBeforeDate() { return needBeforeDate; }
    public OrderSystem orderSystem() { return orderSystem; }
    public String responderId() { return responderId; }
    public String externalId() { return externalId; }
    public boolean exactEdition() { return exactEdition; }
    public boolean automated() { return automated; }
    /** The automation decision; read from storage only when asked (its candidate list can be long). */
    public Automation automation() {
        if (automation == null && storedAutomation != null) {
            automation = storedAutomation.get();
            storedAutomation = null;
        }
        return automation;
    }

    boolean automationChanged() { return automationChanged; }
    public String lenderBranchId() { return lenderBranchId; }
    public String lenderAgencyId() { return lenderAgencyId; }
    public String lenderAnswer() { return lenderAnswer; }

    /** The edition the current (or last) lender was asked for; the ordered one when it is not known. */
    public String lenderPid() {
        return lenderBranchId == null ? null : attempts.pidAskedOf(lenderBranchId).orElse(orderedPid());
    }
    public LocalDate expectedDelivery() { return expectedDelivery; }
    public LocalDate dueDate() { return dueDate; }
    public List<OrderWarning> warnings() { return warnings; }
    public String closeReason() { return closeReason; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
    public List<OrderEvent> newEvents() { return List.copyOf(newEvents); }

    void clearNewEvents(int newVersion) {
        newEvents.clear();
        automationChanged = false;
        version = newVersion;
    }

    /** Restores the mutable state read from the database. */
    @SuppressWarnings("java:S107")
    void restore(boolean automated, java.util.function.Supplier<Automation> automation, String lenderBranchId, String lenderAgencyId, String lenderAnswer,
                 LocalDate expectedDelivery, LocalDate dueDate, List<OrderWarning> warnings, String closeReason,
                 List<LenderAttempt> attempts) {
        this.automated = automated;
        this.storedAutomation = automation;
        this.lenderBranchId = lenderBranchId;
        this.lenderAgencyId = lenderAgencyId;
        this.lenderAnswer = lenderAnswer;
        this.expectedDelivery = expectedDelivery;
        this.dueDate = dueDate;
        this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
        this.closeReason = closeReason;
        this.attempts = new LenderAttempts(attempts);
    }
}
