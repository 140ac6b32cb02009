package dk.fjernlaan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.fjernlaan.automation.Automation;
import dk.fjernlaan.automation.Candidate;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderAttempt;
import dk.fjernlaan.order.LentItem;
import dk.fjernlaan.order.OrderEvent;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.order.OrderWarning;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import org.springframework.stereotype.Component;

/** Turns orders into the contract's JSON shapes, with texts in the caller's language. */
@Component
public class OrderViews {

    private final Texts texts;

    OrderViews(Texts texts) {
        this.texts = texts;
    }

    public record LenderView(String branchId, String agencyId, String pid, String answer, LocalDate expectedDelivery, LocalDate dueDate,
                             String itemId) {}

    public record LoanView(LocalDate pickupBy, LocalDate patronDueDate, int renewals, String forwardedTo, String forwardedFrom) {}

    public record AutomationView(String result, String reason, boolean own, String note, String explanation, Integer decisionVersion,
                                 List<Candidate> candidates) {}

    public record WarningView(String code, String message) {}

    public record HistoryEntry(Instant at, String event, String detail, String actor) {}

    public record OrderView(String orderId, OrderStatus status, String statusText, boolean closed, String pickupBranchId,
                            String borrowerAgencyId, List<String> pids, String orderedPid, String workId, int materialType,
                            LocalDate needBeforeDate, OrderSystem orderSystem, String responderId, boolean exactEdition,
                            AutomationView automation, LenderView lender, List<LenderAttempt> lenderAttempts,
                            dk.fjernlaan.courier.Shipment shipment, LoanView loan,
                            List<WarningView> warnings, String closeReason,
                            Instant createdAt, Instant updatedAt, List<HistoryEntry> history) {}

    public record OrderSummary(String orderId, OrderStatus status, String statusText, boolean closed, String pickupBranchId,
                               String borrowerAgencyId, String orderedPid, String workId, LocalDate needBeforeDate,
                               LenderView lender, Instant createdAt, Instant updatedAt) {}

    /**
     * The answer to a change of an order: the order as it is after the change, 200; or, when its process goes on in
     * the background from here, 202 Accepted with the order's address to read it again.
     */
    public org.springframework.http.ResponseEntity<OrderView> changed(IllOrder o, dk.fjernlaan.order.Orders orders) {
        OrderView view = view(o, orders.history(o.orderId()));
        if (orders.continuing(o.orderId())) {
            return org.springframework.http.ResponseEntity.accepted().location(java.net.URI.create("/api/orders/" + o.orderId())).body(view);
        }
        return org.springframework.http.ResponseEntity.ok(view);
    }

    public OrderView view(IllOrder o, List<OrderEvent> history) {
        return new OrderView(String.valueOf(o.orderId()), o.status(), statusText(o), o.status().closed(), o.pickupBranchId(),
            o.borrowerAgencyId(), o.pids(), o.orderedPid(), o.workId(), o.materialType(), o.needBeforeDate(), o.orderSystem(),
            o.responderId(), o.exactEdition(), automation(o.automation()), lender(o), o.attempts(),
            o.item().shipment(), loan(o), warnings(o.warnings()), o.closeReason(), o.createdAt(),
            o.updatedAt(), history.stream().map(this::entry).toList());
    }

    public OrderSummary summary(IllOrder o) {
        return new OrderSummary(String.valueOf(o.orderId()), o.status(), statusText(o), o.status().closed(), o.pickupBranchId(),
            o.borrowerAgencyId(), o.orderedPid(), o.workId(), o.needBeforeDate(), lender(o), o.createdAt(), o.updatedAt());
    }

    public List<WarningView> warnings(List<OrderWarning> warnings) {
        return warnings.stream().map(w -> new WarningView(w.code(), w.text() == null ? w.message() : texts.get(w.text()))).toList();
    }

    /** The status in words; it says "automatiseret" exactly when the order was automated. */
    public String statusText(IllOrder o) {
        String text = texts.get("status." + o.status().name());
        return o.automated() ? texts.get("status.automated", text) : text;
    }

    public AutomationView automation(Automation a) {
        if (a == null) {
            return null;
        }
        return new AutomationView(a.result(), a.reason(), a.own(), render(a.noteParts()), render(a.explanationParts()),
            a.decisionVersion(), a.candidates());
    }

    private String render(List<Text> parts) {
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        return String.join(" ", parts.stream().map(p -> texts.get(p.key(), p.args().toArray())).toList());
    }

    private static LoanView loan(IllOrder o) {
        LentItem item = o.item();
        if (item.pickupBy() == null && item.forwardedFrom() == null && item.forwardedTo() == null) {
            return null;
        }
        return new LoanView(item.pickupBy(), item.patronDueDate(), item.renewals(),
            item.forwardedTo() == null ? null : String.valueOf(item.forwardedTo()),
            item.forwardedFrom() == null ? null : String.valueOf(item.forwardedFrom()));
    }

    private LenderView lender(IllOrder o) {
        if (o.lenderBranchId() == null) {
            return null;
        }
        return new LenderView(o.lenderBranchId(), o.lenderAgencyId(), o.lenderPid(), o.lenderAnswer(), o.expectedDelivery(), o.dueDate(),
            o.item().itemId());
    }

    private HistoryEntry entry(OrderEvent e) {
        return new HistoryEntry(e.at(), e.event(), texts.get("event." + e.event(), e.args().toArray()), e.actor());
    }
}
