package dk.fjernlaan.iso18626;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.iso18626.xml.AgencyId;
import dk.fjernlaan.iso18626.xml.Header;
import dk.fjernlaan.iso18626.xml.IsoMessage.RecordId;
import dk.fjernlaan.iso18626.xml.IsoMessage.Request;
import dk.fjernlaan.iso18626.xml.IsoMessage.RequestingAgencyMessage;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderChannel;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Fjernlån as requester: a lender whose library has a peer (its own system) gets the request as an ISO 18626
 * {@code Request} and what follows as {@code requestingAgencyMessage}s (Cancel when the request is withdrawn, the
 * order cancelled or expired; Received; ShippedReturn; ShippedForward when the item goes straight to the next
 * borrower). A lender without one works in Tasklist.
 */
@Primary
@Component
class PeerLenderChannel implements LenderChannel {

    private final LenderChannel tasklist;
    private final Peers peers;
    private final Outbox outbox;
    private final CatalogueService catalogue;
    private final DirectoryService directory;
    private final FjernlaanClock clock;

    PeerLenderChannel(@Qualifier("tasklistLenderChannel") LenderChannel tasklist, Peers peers, Outbox outbox, CatalogueService catalogue,
                      DirectoryService directory, FjernlaanClock clock) {
        this.tasklist = tasklist;
        this.peers = peers;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public boolean request(IllOrder order) {
        Optional<Peer> peer = peers.forAgency(order.lenderAgencyId());
        if (peer.isEmpty()) {
            return tasklist.request(order);
        }
        String pid = order.lenderPid() != null ? order.lenderPid() : order.orderedPid();
        Optional<BibRecord> record = catalogue.findRecord(pid);
        List<RecordId> ids = new ArrayList<>();
        faust(pid).ifPresent(faust -> ids.add(new RecordId("FAUST", faust)));
        String pickup = directory.findBranch(order.pickupBranchId()).map(Branch::name).map(n -> n + " (" + order.pickupBranchId() + ")")
            .orElse(order.pickupBranchId());
        outbox.send(order.orderId(), peer.get(), new Request(header(order, peer.get()), pid, record.map(BibRecord::title).orElse(null),
            record.map(BibRecord::author).orElse(null), ids, "New", "Loan", order.needBeforeDate(), null, pickup, null));
        return true;
    }

    @Override
    public void tell(IllOrder order, String lenderAgencyId, Notice notice, boolean saidYes) {
        Optional<Peer> peer = peers.forAgency(lenderAgencyId);
        if (peer.isEmpty()) {
            tasklist.tell(order, lenderAgencyId, notice, saidYes);
            return;
        }
        String note = switch (notice) {
            case WITHDRAWN -> "The request is withdrawn: another library supplies it";
            case CANCELLED -> "The order is cancelled";
            case EXPIRED -> "The need-before date has passed";
        };
        outbox.send(order.orderId(), peer.get(), new RequestingAgencyMessage(header(order, peer.get()), "Cancel", note));
    }

    @Override
    public boolean askRenewal(IllOrder order) {
        Optional<Peer> peer = peers.forAgency(order.lenderAgencyId());
        if (peer.isEmpty()) {
            return tasklist.askRenewal(order);
        }
        outbox.send(order.orderId(), peer.get(), new RequestingAgencyMessage(header(order, peer.get()), "Renew", null));
        return true;
    }

    @Override
    public void itemEvent(IllOrder order, ItemEvent event) {
        Optional<Peer> peer = order.lenderAgencyId() == null ? Optional.empty() : peers.forAgency(order.lenderAgencyId());
        if (peer.isEmpty()) {
            tasklist.itemEvent(order, event);
            return;
        }
        String action = switch (event) {
            case RECEIVED -> "Received";
            case SHIPPED_RETURN -> "ShippedReturn";
            case SHIPPED_FORWARD -> "ShippedForward";
        };
        String note = event == ItemEvent.SHIPPED_FORWARD && order.item().forwardedTo() != null
            ? "Forwarded to the next borrower, order " + order.item().forwardedTo() : null;
        outbox.send(order.orderId(), peer.get(), new RequestingAgencyMessage(header(order, peer.get()), action, note));
    }

    /** The header of Fjernlån's messages about the order to the lender's system, with the peer's credentials. */
    private Header header(IllOrder order, Peer peer) {
        return new Header(peer.agency(), new AgencyId("ISIL", "DK-" + order.borrowerAgencyId()), null, clock.nowUtc(),
            String.valueOf(order.orderId()), null, peer.accountId(), Outbox.SECURITY_CODE);
    }

    /** The record number of a pid ({@code 870970-basis:12345678} → {@code 12345678}). */
    static Optional<String> faust(String pid) {
        int colon = pid.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(pid.substring(colon + 1));
    }
}
