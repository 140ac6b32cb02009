package dk.fjernlaan.api;

import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.ID_LENGTH;
import static dk.fjernlaan.platform.input.InputRules.TEXT_LENGTH;

import java.time.LocalDate;

import dk.fjernlaan.api.OrderViews.OrderView;
import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.order.Cancellation;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The messages between the libraries about an order (ISO 18626 vocabulary), and the patron's events. */
@RestController
@Tag(name = "Messages", description = "From the lender, from the borrower library, and the patron's events at the pickup branch")
class MessageController {

    private final LenderConversation conversation;
    private final DeliveryService delivery;
    private final Cancellation cancellation;
    private final Orders orders;
    private final OrderViews views;

    MessageController(LenderConversation conversation, DeliveryService delivery, Cancellation cancellation, Orders orders, OrderViews views) {
        this.conversation = conversation;
        this.delivery = delivery;
        this.cancellation = cancellation;
        this.orders = orders;
        this.views = views;
    }

    record SupplierMessageRequest(@NotNull SupplierStatus status, @Size(max = TEXT_LENGTH) String reason, LocalDate expectedDeliveryDate,
                                  LocalDate dueDate, @Size(max = ID_LENGTH) String itemId,
                                  @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String supplierBranchId) {}

    enum RequesterAction { Received, ShippedReturn, Cancel, Renew }

    record RequesterMessageRequest(@NotNull RequesterAction action, @Size(max = TEXT_LENGTH) String note) {}

    enum PatronEvent { PickedUp, Returned, NotPickedUp }

    record PatronEventRequest(@NotNull PatronEvent event) {}

    @PostMapping("/api/orders/{orderId}/supplier-messages")
    @Operation(summary = "A message from the lender (ISO 18626): WillSupply, ExpectToSupply, Unfilled, RetryPossible, Loaned, ...; "
        + "409 when it does not fit the order's state; a late answer from a lender no longer asked is only recorded")
    @ApiResponse(responseCode = "200", description = "The order after the change")
    @ApiResponse(responseCode = "202", description = "Taken; the order goes on in the background: read it again at Location")
    ResponseEntity<OrderView> supplierMessage(@PathVariable long orderId, @Valid @RequestBody SupplierMessageRequest body) {
        SupplierMessage message = new SupplierMessage(body.status(), body.reason(), body.expectedDeliveryDate(), body.dueDate(),
            body.itemId(), body.supplierBranchId());
        IllOrder order = body.status() == SupplierStatus.Recalled || body.status() == SupplierStatus.LoanCompleted
            ? delivery.lenderMessage(orderId, message) : conversation.answer(orderId, message);
        return views.changed(order, orders);
    }

    @PostMapping("/api/orders/{orderId}/requester-messages")
    @Operation(summary = "A message from the borrower library: Cancel (before dispatch; 409 after), Received, ShippedReturn, Renew")
    @ApiResponse(responseCode = "200", description = "The order after the change")
    @ApiResponse(responseCode = "202", description = "Taken; the order goes on in the background: read it again at Location")
    ResponseEntity<OrderView> requesterMessage(@PathVariable long orderId, @Valid @RequestBody RequesterMessageRequest body) {
        IllOrder order = body.action() == RequesterAction.Cancel ? cancellation.cancel(orderId, body.note())
            : delivery.requesterMessage(orderId, body.action().name());
        return views.changed(order, orders);
    }

    @PostMapping("/api/orders/{orderId}/patron-events")
    @Operation(summary = "What the patron did at the pickup branch: PickedUp, Returned, NotPickedUp")
    @ApiResponse(responseCode = "200", description = "The order after the change")
    @ApiResponse(responseCode = "202", description = "Taken; the order goes on in the background: read it again at Location")
    ResponseEntity<OrderView> patronEvent(@PathVariable long orderId, @Valid @RequestBody PatronEventRequest body) {
        IllOrder order = delivery.patronEvent(orderId, body.event().name());
        return views.changed(order, orders);
    }
}
