package dk.fjernlaan.order;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static dk.fjernlaan.platform.web.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.web.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.web.InputRules.ID_LENGTH;
import static dk.fjernlaan.platform.web.InputRules.IDEMPOTENCY_KEY_LENGTH;
import static dk.fjernlaan.platform.web.InputRules.PATRON_ID;
import static dk.fjernlaan.platform.web.InputRules.PATRON_ID_MESSAGE;
import static dk.fjernlaan.platform.web.InputRules.PID;
import static dk.fjernlaan.platform.web.InputRules.PID_MESSAGE;
import static dk.fjernlaan.platform.web.InputRules.TEXT_LENGTH;

import dk.fjernlaan.order.OrderViews.OrderSummary;
import dk.fjernlaan.order.OrderViews.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders over HTTP: place, read, list, and the borrower's manual queue. */
@RestController
@Tag(name = "Orders", description = "Interlibrary loan orders and the borrower's manual queue (BOB)")
class OrderController {

    /** Deeper than this nobody pages; it keeps page * size an int. */
    static final int MAX_PAGE = 100_000;


    private final OrderService orders;
    private final DeliveryService delivery;
    private final OrderViews views;

    OrderController(OrderService orders, DeliveryService delivery, OrderViews views) {
        this.orders = orders;
        this.delivery = delivery;
        this.views = views;
    }

    record OrderRequest(
        @NotBlank @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String pickupBranchId,
        @NotBlank @Pattern(regexp = PATRON_ID, message = PATRON_ID_MESSAGE) String patronId,
        @NotNull @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = PID, message = PID_MESSAGE) String> pids,
        LocalDate needBeforeDate,
        @NotNull OrderSystem orderSystem,
        @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String responderId,
        Boolean exactEdition) {}

    record ManualDecisionRequest(@NotNull ManualAction action,
                                 @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String lenderBranchId,
                                 @Size(max = TEXT_LENGTH) String reason) {}

    record SupplierMessageRequest(@NotNull SupplierStatus status, @Size(max = TEXT_LENGTH) String reason, LocalDate expectedDeliveryDate,
                                  LocalDate dueDate, @Size(max = ID_LENGTH) String itemId,
                                  @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String supplierBranchId) {}

    enum RequesterAction { Received, ShippedReturn, Cancel, Renew }

    record RequesterMessageRequest(@NotNull RequesterAction action, @Size(max = TEXT_LENGTH) String note) {}

    enum PatronEvent { PickedUp, Returned, NotPickedUp }

    record PatronEventRequest(@NotNull PatronEvent event) {}

    record ItemOut(String orderId, String itemId, OrderStatus status, String where, String branchId, String borrowerAgencyId,
                   LocalDate dueDate, LocalDate expectedArrival) {}

    record Page<T>(List<T> items, int page, int size, long totalElements) {}

    record ManualQueueEntry(OrderSummary order, String reason, String explanation) {}

    @PostMapping("/api/orders")
    @Operation(summary = "Place an order; its process starts before the answer (status RECEIVED until the decision is made)")
    ResponseEntity<OrderView> place(
            @Parameter(description = "Repeat-safe key: the same key with the same body answers with the first order")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = IDEMPOTENCY_KEY_LENGTH) String idempotencyKey,
            @Valid @RequestBody OrderRequest body) {
        PlaceOrder request = new PlaceOrder(body.pickupBranchId(), body.patronId(), body.pids(), body.needBeforeDate(),
            body.orderSystem(), body.responderId(), Boolean.TRUE.equals(body.exactEdition()));
        OrderService.Placed placed = orders.place(request, idempotencyKey);
        IllOrder order = placed.order();
        return ResponseEntity.status(HttpStatus.CREATED)
            .location(URI.create("/api/orders/" + order.orderId()))
            .header("Idempotent-Replayed", String.valueOf(placed.replayed()))
            .body(views.view(order, orders.history(order.orderId())));
    }

    @GetMapping("/api/orders/{orderId}")
    @Operation(summary = "An order with its automation decision, lender and history")
    OrderView get(@PathVariable long orderId) {
        return views.view(orders.order(orderId), orders.history(orderId));
    }

    @GetMapping("/api/orders")
    @Operation(summary = "List orders, newest first, by borrower, lender and status")
    Page<OrderSummary> list(@RequestParam(required = false) @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String borrowerAgencyId,
                            @RequestParam(required = false) @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String lenderAgencyId,
                            @RequestParam(required = false) List<OrderStatus> status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        List<OrderSummary> items = orders.list(borrowerAgencyId, lenderAgencyId, status, page, size).stream().map(views::summary).toList();
        return new Page<>(items, page, size, orders.count(borrowerAgencyId, lenderAgencyId, status));
    }

    @GetMapping("/api/libraries/{agencyId}/manual-orders")
    @Operation(summary = "The library's manual queue (BOB): orders waiting for staff")
    List<ManualQueueEntry> manualOrders(@PathVariable String agencyId) {
        return orders.manualQueue(agencyId).stream()
            .map(o -> {
                OrderViews.AutomationView automation = views.automation(o.automation());
                return new ManualQueueEntry(views.summary(o), automation == null ? null : automation.reason(),
                    automation == null ? null : automation.explanation());
            })
            .toList();
    }

    @PostMapping("/api/orders/{orderId}/supplier-messages")
    @Operation(summary = "A message from the lender (ISO 18626): WillSupply, ExpectToSupply, Unfilled, RetryPossible, Loaned, ...; "
        + "409 when it does not fit the order's state; a late answer from a lender no longer asked is only recorded")
    OrderView supplierMessage(@PathVariable long orderId, @Valid @RequestBody SupplierMessageRequest body) {
        SupplierMessage message = new SupplierMessage(body.status(), body.reason(), body.expectedDeliveryDate(), body.dueDate(),
            body.itemId(), body.supplierBranchId());
        IllOrder order = body.status() == SupplierStatus.Recalled || body.status() == SupplierStatus.LoanCompleted
            ? delivery.lenderMessage(orderId, message) : orders.supplierMessage(orderId, message);
        return views.view(order, orders.history(orderId));
    }

    @PostMapping("/api/orders/{orderId}/requester-messages")
    @Operation(summary = "A message from the borrower library: Cancel (before dispatch; 409 after), Received, ShippedReturn, Renew")
    OrderView requesterMessage(@PathVariable long orderId, @Valid @RequestBody RequesterMessageRequest body) {
        IllOrder order = switch (body.action()) {
            case Cancel -> orders.cancel(orderId, body.note());
            default -> delivery.requesterMessage(orderId, body.action().name());
        };
        return views.view(order, orders.history(orderId));
    }

    @PostMapping("/api/orders/{orderId}/patron-events")
    @Operation(summary = "What the patron did at the pickup branch: PickedUp, Returned, NotPickedUp")
    OrderView patronEvent(@PathVariable long orderId, @Valid @RequestBody PatronEventRequest body) {
        IllOrder order = delivery.patronEvent(orderId, body.event().name());
        return views.view(order, orders.history(orderId));
    }

    @GetMapping("/api/orders/{orderId}/mails")
    @Operation(summary = "The mails the order's patron got (without the recipient)")
    List<dk.fjernlaan.notification.PatronMailer.Mail> mails(@PathVariable long orderId) {
        return delivery.mails(orderId);
    }

    @GetMapping("/api/libraries/{agencyId}/items-on-ill")
    @Operation(summary = "The lender's items out on ILL and where each one is now")
    List<ItemOut> itemsOnIll(@PathVariable String agencyId) {
        return delivery.itemsOut(agencyId).stream().map(o -> {
            String where;
            String branch;
            switch (o.status()) {
                case SHIPPED -> { where = "IN_TRANSIT_TO_PICKUP"; branch = o.pickupBranchId(); }
                case AT_PICKUP -> { where = "AT_PICKUP_BRANCH"; branch = o.pickupBranchId(); }
                case ON_LOAN -> { where = "WITH_PATRON"; branch = o.pickupBranchId(); }
                default -> { where = "IN_TRANSIT_TO_LENDER"; branch = o.shipment() == null ? o.lenderBranchId() : o.shipment().toBranchId(); }
            }
            return new ItemOut(String.valueOf(o.orderId()), o.itemId(), o.status(), where, branch, o.borrowerAgencyId(), o.dueDate(),
                o.shipment() == null ? null : o.shipment().expectedArrival());
        }).toList();
    }

    @PostMapping("/api/orders/{orderId}/manual-decision")
    @Operation(summary = "Decide a manual order: SEND to a lender branch, RETRY_AUTOMATION, or REJECT with a reason")
    OrderView decide(@PathVariable long orderId, @Valid @RequestBody ManualDecisionRequest body) {
        IllOrder order = orders.decideManually(orderId, new ManualDecision(body.action(), body.lenderBranchId(), body.reason()));
        return views.view(order, orders.history(orderId));
    }
}
