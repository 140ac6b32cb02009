package dk.fjernlaan.iso18626;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.iso18626.xml.AgencyId;
import dk.fjernlaan.iso18626.xml.Header;
import dk.fjernlaan.iso18626.xml.IsoMessage.SupplyingAgencyMessage;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderEvent;
import dk.fjernlaan.order.OrderListener;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Component;

/**
 * Fjernlån as supplying broker: the library whose own system sent the Request hears how its order moves, as
 * brokers tell it (CrossLink's practice): ExpectToSupply each time a lender is asked, WillSupply, Loaned with the
 * due date; a lender that cannot supply while others remain is a Notification; Unfilled only at the end (the order
 * rejected or expired); Recalled, LoanCompleted, and the answers to Cancel and Renew. Written in the transaction of
 * the change, delivered after it.
 */
@Component
class PeerBorrowerReports implements OrderListener {

    /** The status the peer has been told while Fjernlån looks for a lender. */
    private static final String LOOKING = "ExpectToSupply";

    private final Peers peers;
    private final Outbox outbox;
    private final DirectoryService directory;
    private final FjernlaanClock clock;
    private final AgencyId self;

    PeerBorrowerReports(Peers peers, Outbox outbox, DirectoryService directory, FjernlaanClock clock, FjernlaanSettings settings) {
        this.peers = peers;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
        this.self = AgencyId.of(settings.iso18626().symbol());
    }

    @Override
    public void saved(IllOrder order, List<OrderEvent> events) {
        if (order.orderSystem() != OrderSystem.iso18626 || order.externalId() == null) {
            return;
        }
        Optional<Peer> peer = peers.forAgency(order.borrowerAgencyId());
        if (peer.isEmpty()) {
            return;
        }
        for (OrderEvent event : events) {
            report(order, event).ifPresent(report -> outbox.send(order.orderId(), peer.get(), report.message(this, order, peer.get())));
        }
    }

    /** What the peer is told: the reason for the message, its status and what goes with it. */
    private record Report(String reasonForMessage, String status, String answerYesNo, String note, String reasonUnfilled,
                          LocalDate expected, LocalDate due, boolean sent) {
        SupplyingAgencyMessage message(PeerBorrowerReports reports, IllOrder order, Peer peer) {
            return new SupplyingAgencyMessage(reports.header(order, peer), reasonForMessage, answerYesNo, note, reasonUnfilled, null, status,
                expected, due, reports.clock.nowUtc(), sent ? reports.clock.nowUtc() : null, sent ? order.item().itemId() : null, null);
        }
    }

    private Optional<Report> report(IllOrder order, OrderEvent event) {
        boolean first = order.attempts().size() <= 1;
        return Optional.ofNullable(switch (event.event()) {
            case "SENT_TO_LENDER" -> new Report(first ? "RequestResponse" : "StatusChange", LOOKING, null,
                "Asked: " + branchName(order.lenderBranchId()), null, null, null, false);
            case "LENDER_WILL_SUPPLY" -> new Report("StatusChange", "WillSupply", null, null, null, null, null, false);
            case "LENDER_EXPECTS_TO_SUPPLY" -> new Report("StatusChange", LOOKING, null, null, null, order.expectedDelivery(), null, false);
            case "LENDER_UNFILLED", "LENDER_RETRY_POSSIBLE", "LENDER_SILENT", "REQUEST_WITHDRAWN" -> new Report("Notification", LOOKING, null,
                "The lender asked cannot supply in time; Fjernlån asks the next", null, null, null, false);
            case "AWAITING_MANUAL", "ROTA_EXHAUSTED" -> new Report(order.attempts().isEmpty() ? "RequestResponse" : "Notification",
                order.attempts().isEmpty() ? "RequestReceived" : LOOKING, null,
                "No lender could be chosen automatically; the library's staff decide in Fjernlån", null, null, null, false);
            case "REJECTED" -> new Report("StatusChange", "Unfilled", null, order.closeReason(), "NotAvailableForILL", null, null, false);
            case "EXPIRED" -> new Report("StatusChange", "Unfilled", null, "The need-before date passed before a lender sent it",
                "NotAvailableForILL", null, null, false);
            case "CANCELLED" -> event.actor() != null && event.actor().startsWith(Iso18626Inbound.ACTOR_PREFIX)
                ? new Report("CancelResponse", "Cancelled", "Y", null, null, null, null, false)
                : new Report("StatusChange", "Cancelled", null, null, null, null, null, false);
            case "LENDER_SHIPPED", "RECEIVED_FORWARDED" -> new Report("StatusChange", "Loaned", null, null, null, null, order.dueDate(), true);
            case "RECALLED" -> new Report("StatusChange", "Recalled", null, null, null, null, order.dueDate(), false);
            case "RENEWED" -> new Report("RenewResponse", "Loaned", "Y", null, null, null, order.dueDate(), false);
            case "RENEWAL_REFUSED" -> new Report("RenewResponse", "Loaned", "N", null, null, null, order.dueDate(), false);
            case "COMPLETED" -> new Report("StatusChange", "LoanCompleted", null, null, null, null, null, false);
            default -> null;
        });
    }

    /** The answer to a Cancel that comes too late: the item is on its way. */
    void cancelRefused(IllOrder order, Peer peer) {
        outbox.send(order.orderId(), peer, new Report("CancelResponse", status(order), "N", "The item has been sent", null, null,
            order.dueDate(), false).message(this, order, peer));
    }

    /** The answer to a StatusRequest: where the order is now. */
    void statusNow(IllOrder order, Peer peer) {
        outbox.send(order.orderId(), peer, new Report("StatusRequestResponse", status(order), null, null, null, order.expectedDelivery(),
            order.dueDate(), false).message(this, order, peer));
    }

    private static String status(IllOrder order) {
        return switch (order.status()) {
            case RECEIVED, AWAITING_MANUAL, LOCAL_RESERVATION -> "RequestReceived";
            case SENT_TO_LENDER, EXPECT_TO_SUPPLY -> LOOKING;
            case WILL_SUPPLY -> "WillSupply";
            case UNFILLED, EXPIRED -> "Unfilled";
            case CANCELLED -> "Cancelled";
            case COMPLETED -> "LoanCompleted";
            default -> "Loaned";
        };
    }

    private Header header(IllOrder order, Peer peer) {
        return new Header(self, peer.agency(), null, clock.nowUtc(), order.externalId(), String.valueOf(order.orderId()),
            peer.accountId(), Outbox.SECURITY_CODE);
    }

    private String branchName(String branchId) {
        return branchId == null ? "-" : directory.findBranch(branchId).map(Branch::name).orElse(branchId);
    }
}
