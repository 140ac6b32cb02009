package dk.fjernlaan.order;

import java.time.Instant;
import java.time.LocalDate;

import dk.fjernlaan.courier.Shipment;
import dk.fjernlaan.platform.texts.Text;

/**
 * The item the lender sent, from its dispatch to its way home or on to the next borrower: the courier's route,
 * the pickup period, the patron's loan. A part of its {@link IllOrder}: each change moves the order's status and
 * goes into the order's history.
 */
public final class LentItem {

    private final IllOrder order;
    private String itemId;
    private Shipment shipment;
    private LocalDate pickupBy;
    private LocalDate patronDueDate;
    private int renewals;
    private Long forwardedTo;
    private Long forwardedFrom;

    LentItem(IllOrder order) {
        this.order = order;
    }

    public void shipmentPlanned(Shipment planned, Instant now) {
        shipment = planned;
        order.record(now, "SHIPMENT_PLANNED", "system", planned.fromBranchId(), planned.toBranchId(),
            planned.via().isEmpty() ? Text.of("shipment.direct") : Text.of("shipment.via", String.join(" → ", planned.via())),
            String.valueOf(planned.expectedArrival()));
    }

    public void arrived(LocalDate keptUntil, Instant now, String actor) {
        order.moveTo(OrderStatus.AT_PICKUP);
        pickupBy = keptUntil;
        order.record(now, "ARRIVED", actor, order.pickupBranchId(), String.valueOf(keptUntil));
    }

    public void pickedUp(LocalDate patronDue, Instant now, String actor) {
        order.moveTo(OrderStatus.ON_LOAN);
        patronDueDate = patronDue;
        order.record(now, "PICKED_UP", actor, String.valueOf(patronDue));
    }

    public void notPickedUp(Instant now, String actor) {
        order.record(now, "NOT_PICKED_UP", actor, String.valueOf(pickupBy));
    }

    public void recalled(LocalDate lenderDue, LocalDate patronDue, Instant now, String actor) {
        order.lenderDueDate(lenderDue);
        patronDueDate = patronDue;
        order.record(now, "RECALLED", actor, String.valueOf(lenderDue), String.valueOf(patronDue));
    }

    public void renewed(LocalDate lenderDue, LocalDate patronDue, Instant now, String actor) {
        order.lenderDueDate(lenderDue);
        patronDueDate = patronDue;
        renewals++;
        order.record(now, "RENEWED", actor, String.valueOf(patronDue), String.valueOf(renewals));
    }

    /** The lender's own system is asked to renew; its answer decides. */
    public void renewalAsked(Instant now, String actor) {
        order.record(now, "RENEWAL_ASKED", actor);
    }

    public void renewalRefused(Text why, Instant now, String actor) {
        order.record(now, "RENEWAL_REFUSED", actor, why);
    }

    public void patronNotified(String kind, Instant now) {
        order.record(now, "PATRON_NOTIFIED", "system", kind);
    }

    public void returnShipped(Shipment back, Instant now, String actor) {
        order.moveTo(OrderStatus.RETURN_SHIPPED);
        shipment = back;
        order.record(now, "RETURN_SHIPPED", actor, back.toBranchId(), String.valueOf(back.expectedArrival()));
    }

    /** The item goes from this borrower straight to the next order's pickup branch; the lender is told. */
    public void forwarded(long nextOrderId, Shipment onward, Instant now) {
        order.moveTo(OrderStatus.FORWARDED);
        forwardedTo = nextOrderId;
        shipment = onward;
        order.record(now, "FORWARDED", "system", String.valueOf(nextOrderId), onward.toBranchId(), String.valueOf(order.lenderAgencyId()));
    }

    /** The lender sent it (its id, if it gave one), or another order forwarded it here ({@code fromOrderId}). */
    void dispatched(String id, Long fromOrderId) {
        itemId = id;
        forwardedFrom = fromOrderId;
    }

    @SuppressWarnings("java:S107")
    void restore(String itemId, Shipment shipment, LocalDate pickupBy, LocalDate patronDueDate, int renewals, Long forwardedTo,
                 Long forwardedFrom) {
        this.itemId = itemId;
        this.shipment = shipment;
        this.pickupBy = pickupBy;
        this.patronDueDate = patronDueDate;
        this.renewals = renewals;
        this.forwardedTo = forwardedTo;
        this.forwardedFrom = forwardedFrom;
    }

    /** The lender's id of the copy, if it gave one. */
    public String itemId() { return itemId; }
    public Shipment shipment() { return shipment; }
    public LocalDate pickupBy() { return pickupBy; }
    public LocalDate patronDueDate() { return patronDueDate; }
    public int renewals() { return renewals; }
    public Long forwardedTo() { return forwardedTo; }
    public Long forwardedFrom() { return forwardedFrom; }
}
