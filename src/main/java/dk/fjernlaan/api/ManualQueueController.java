package dk.fjernlaan.api;

import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID;
import static dk.fjernlaan.platform.input.InputRules.AGENCY_ID_MESSAGE;
import static dk.fjernlaan.platform.input.InputRules.TEXT_LENGTH;

import java.util.List;

import dk.fjernlaan.api.OrderViews.OrderSummary;
import dk.fjernlaan.api.OrderViews.OrderView;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.ManualAction;
import dk.fjernlaan.order.ManualDecision;
import dk.fjernlaan.order.ManualQueue;
import dk.fjernlaan.order.Orders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The borrower's manual queue (BOB) over HTTP: the same decisions as the task in Tasklist. */
@RestController
@Tag(name = "Manual queue", description = "The borrower library's manual orders (BOB) and staff's decisions")
class ManualQueueController {

    private final ManualQueue queue;
    private final Orders orders;
    private final OrderViews views;

    ManualQueueController(ManualQueue queue, Orders orders, OrderViews views) {
        this.queue = queue;
        this.orders = orders;
        this.views = views;
    }

    record ManualDecisionRequest(@NotNull ManualAction action,
                                 @Pattern(regexp = AGENCY_ID, message = AGENCY_ID_MESSAGE) String lenderBranchId,
                                 @Size(max = TEXT_LENGTH) String reason) {}

    record ManualQueueEntry(OrderSummary order, String reason, String explanation) {}

    @GetMapping("/api/libraries/{agencyId}/manual-orders")
    @Operation(summary = "The library's manual queue (BOB): orders waiting for staff")
    List<ManualQueueEntry> manualOrders(@PathVariable String agencyId) {
        return queue.queue(agencyId).stream()
            .map(o -> {
                OrderViews.AutomationView automation = views.automation(o.automation());
                return new ManualQueueEntry(views.summary(o), automation == null ? null : automation.reason(),
                    automation == null ? null : automation.explanation());
            })
            .toList();
    }

    @PostMapping("/api/orders/{orderId}/manual-decision")
    @Operation(summary = "Decide a manual order: SEND to a lender branch, RETRY_AUTOMATION, or REJECT with a reason")
    @ApiResponse(responseCode = "200", description = "The order after the change")
    @ApiResponse(responseCode = "202", description = "Taken; the order goes on in the background: read it again at Location")
    ResponseEntity<OrderView> decide(@PathVariable long orderId, @Valid @RequestBody ManualDecisionRequest body) {
        IllOrder order = queue.decide(orderId, new ManualDecision(body.action(), body.lenderBranchId(), body.reason()));
        return views.changed(order, orders);
    }
}
