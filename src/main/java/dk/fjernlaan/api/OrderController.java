package dk.fjernlaan.api;

import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.IDEMPOTENCY_KEY_LENGTH;
import static dk.fjernlaan.platform.input.InputRules.PATRON_ID;
import static dk.fjernlaan.platform.input.InputRules.PATRON_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.PID;
import static dk.fjernlaan.platform.input.InputRules.PID_MESSAGE;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import dk.fjernlaan.api.OrderViews.OrderSummary;
import dk.fjernlaan.api.OrderViews.OrderView;
import dk.fjernlaan.courier.Shipment;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.notification.PatronMailer;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderPlacement;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.order.PlaceOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** Orders over HTTP: place, read, list; the patron's mails; a lender's items out on ILL. */
@RestController
@Tag(name = "Orders", description = "Interlibrary loan orders")
class OrderController {

    /** Deeper than this nobody pages; it keeps page * size an int. */
    static final int MAX_PAGE = 100_000;

    private final OrderPlacement placement;
    private final Orders orders;
    private final DeliveryService delivery;
    private final OrderViews views;

    OrderController(OrderPlacement placement, Orders orders, DeliveryService delivery, OrderViews views) {
        this.placement = placement;
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

    record ItemOut(String orderId, String itemId, OrderStatus status, String where, String branchId, String borrowerAgencyId,
                   LocalDate dueDate, LocalDate expectedArrival) {}

    record Page<T>(List<T> items, int page, int size, long totalElements) {}

    @PostMapping("/api/orders")
    @Operation(summary = "Place an order; its process starts before the answer (status RECEIVED until the decision is made)")
    @ApiResponse(responseCode = "201", description = "The order is accepted and committed (a repeated Idempotency-Key answers the first order)")
    ResponseEntity<OrderView> place(
            @Parameter(description = "Repeat-safe key: the same key with the same body answers with the first order")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = IDEMPOTENCY_KEY_LENGTH) String idempotencyKey,
            @Valid @RequestBody OrderRequest body) {
        PlaceOrder request = new PlaceOrder(body.pickupBranchId(), body.patronId(), body.pids(), body.needBeforeDate(),
            body.orderSystem(), body.responderId(), Boolean.TRUE.equals(body.exactEdition()));
        OrderPlacement.Placed placed = placement.place(request, idempotencyKey);
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

    @GetMapping("/api/orders/{orderId}/mails")
    @Operation(summary = "The mails the order's patron got (without the recipient)")
    List<PatronMailer.Mail> mails(@PathVariable long orderId) {
        return delivery.mails(orderId);
    }

    @GetMapping("/api/libraries/{agencyId}/items-on-ill")
    @Operation(summary = "The lender's items out on ILL and where each one is now")
    List<ItemOut> itemsOnIll(@PathVariable String agencyId) {
        return delivery.itemsOut(agencyId).stream().map(o -> {
            Shipment shipment = o.item().shipment();
            String where;
            String branch;
            switch (o.status()) {
                case SHIPPED -> { where = "IN_TRANSIT_TO_PICKUP"; branch = o.pickupBranchId(); }
                case AT_PICKUP -> { where = "AT_PICKUP_BRANCH"; branch = o.pickupBranchId(); }
                case ON_LOAN -> { where = "WITH_PATRON"; branch = o.pickupBranchId(); }
                default -> { where = "IN_TRANSIT_TO_LENDER"; branch = shipment == null ? o.lenderBranchId() : shipment.toBranchId(); }
            }
            return new ItemOut(String.valueOf(o.orderId()), o.item().itemId(), o.status(), where, branch, o.borrowerAgencyId(), o.dueDate(),
                shipment == null ? null : shipment.expectedArrival());
        }).toList();
    }
}
