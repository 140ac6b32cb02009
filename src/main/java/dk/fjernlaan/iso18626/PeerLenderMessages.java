package dk.fjernlaan.iso18626;

import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.delivery.LoanService;
import dk.fjernlaan.iso18626.xml.Header;
import dk.fjernlaan.iso18626.xml.IsoMessage.SupplyingAgencyMessage;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import org.springframework.stereotype.Component;

/**
 * Fjernlån as requester: a lender's own system about Fjernlån's request to it (the request's id is the order
 * number). Its answers go to the conversation with the lender, its messages about the lent item to the delivery and
 * the loan, as the JSON supplier-messages do.
 */
@Component
class PeerLenderMessages {

    private static final Set<String> ANSWERS = Set.of("ExpectToSupply", "WillSupply", "Unfilled", "RetryPossible", "Loaned");
    private static final Set<String> NOTED_ONLY = Set.of("RequestReceived", "Overdue", "Cancelled");

    private final LenderConversation conversation;
    private final DeliveryService delivery;
    private final LoanService loans;
    private final OrderRepository orders;

    PeerLenderMessages(LenderConversation conversation, DeliveryService delivery, LoanService loans, OrderRepository orders) {
        this.conversation = conversation;
        this.delivery = delivery;
        this.loans = loans;
        this.orders = orders;
    }

    /** @return the order the message is about */
    long take(Peer peer, SupplyingAgencyMessage m) {
        IllOrder order = askedOrder(peer, m.header());
        String status = m.status();
        if ("RenewResponse".equals(m.reasonForMessage())) {
            loans.renewalAnswered(order.orderId(), "Y".equals(m.answerYesNo()), m.dueDate());
        } else if (ANSWERS.contains(status)) {
            String reason = m.reasonUnfilled() != null ? m.reasonUnfilled() : m.reasonRetry() != null ? m.reasonRetry() : m.note();
            conversation.answer(order.orderId(), new SupplierMessage(SupplierStatus.valueOf(status), reason, m.expectedDeliveryDate(),
                m.dueDate(), m.itemId(), null));
        } else if ("Recalled".equals(status) || "LoanCompleted".equals(status)) {
            delivery.lenderMessage(order.orderId(), new SupplierMessage(SupplierStatus.valueOf(status), m.note(), null, m.dueDate(),
                null, null));
        } else if (!NOTED_ONLY.contains(status)) {
            throw NotTaken.value("status " + status + " is not supported by Fjernlån (loans only)");
        }
        return order.orderId();
    }

    /** The order of Fjernlån's request to the peer's library that the header names. */
    IllOrder askedOrder(Peer peer, Header header) {
        String id = header.requestingAgencyRequestId();
        Optional<IllOrder> order = id == null || !id.matches("\\d{1,18}") ? Optional.empty() : orders.find(Long.parseLong(id));
        if (order.isEmpty() || peer.agencyId() == null
                || order.get().attempts().stream().noneMatch(a -> a.agencyId().equals(peer.agencyId()))) {
            throw NotTaken.value("requestingAgencyRequestId " + id + " is not a request of Fjernlån to " + peer.symbol());
        }
        return order.get();
    }
}
