package dk.fjernlaan.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import dk.fjernlaan.iso18626.MessageLog;
import dk.fjernlaan.iso18626.Peer;
import dk.fjernlaan.iso18626.Peers;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderAttempt;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.platform.security.AccessPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The other ILL systems Fjernlån talks ISO 18626 with, and an order's messages with them. */
@RestController
@Tag(name = "ISO 18626", description = "Peers (other ILL systems and libraries' own systems) and the messages exchanged with them")
class PeerController {

    private final Peers peers;
    private final MessageLog messages;
    private final Orders orders;

    PeerController(Peers peers, MessageLog messages, Orders orders) {
        this.peers = peers;
        this.messages = messages;
        this.orders = orders;
    }

    /** A peer as registered; the security code is never shown. */
    record PeerBody(String name, String address, String accountId, String securityCode, String version, String agencyId) {}

    record PeerView(String symbol, String name, String address, String accountId, String version, String agencyId,
                    Long pendingMessages, String lastError, OffsetDateTime lastErrorAt) {
        static PeerView of(Peer p) {
            return new PeerView(p.symbol(), p.name(), p.address(), p.accountId(), p.version(), p.agencyId(), null, null, null);
        }
    }

    record MessageView(OffsetDateTime at, String direction, String peer, String type, String status, String xml, String confirmation,
                       Integer attempts, String lastError) {}

    @PutMapping("/api/peers/{symbol}")
    @Operation(summary = "Registers or changes a peer (administrators and integrations)")
    PeerView put(@PathVariable String symbol, @RequestBody PeerBody body) {
        return PeerView.of(peers.put(new Peer(symbol, body.name(), body.address(), body.accountId(), body.securityCode(), body.version(),
            body.agencyId())));
    }

    @GetMapping("/api/peers")
    @Operation(summary = "The peers (administrators and integrations)")
    List<PeerView> all() {
        return peers.all().stream().map(PeerView::of).toList();
    }

    @GetMapping("/api/peers/{symbol}")
    @Operation(summary = "One peer, with the messages waiting to be delivered to it and what went wrong last")
    PeerView one(@PathVariable String symbol) {
        Peers.PeerState state = peers.state(symbol);
        Peer p = state.peer();
        return new PeerView(p.symbol(), p.name(), p.address(), p.accountId(), p.version(), p.agencyId(), state.pendingMessages(),
            state.lastError(), state.lastErrorAt());
    }

    @DeleteMapping("/api/peers/{symbol}")
    @Operation(summary = "Removes a peer: its library works in Tasklist again; messages still waiting for it are kept, not sent")
    ResponseEntity<Void> delete(@PathVariable String symbol) {
        peers.delete(symbol);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/orders/{orderId}/iso18626-messages")
    @Operation(summary = "Every ISO 18626 message in and out about the order, as it was sent, with its confirmation")
    List<MessageView> orderMessages(@PathVariable long orderId) {
        IllOrder order = orders.order(orderId);
        AccessPolicy.requireAnyAgency(Stream.concat(Stream.of(order.borrowerAgencyId()), order.attempts().stream().map(LenderAttempt::agencyId))
            .toArray(String[]::new));
        return messages.forOrder(orderId).stream()
            .map(m -> new MessageView(m.at(), m.direction(), m.peer(), m.type(), m.status(), m.xml(), m.confirmation(),
                MessageLog.OUT.equals(m.direction()) ? m.attempts() : null, m.lastError()))
            .toList();
    }
}
