package dk.fjernlaan.iso18626;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.iso18626.xml.AgencyId;
import dk.fjernlaan.iso18626.xml.IsoMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.Request;
import dk.fjernlaan.iso18626.xml.IsoMessage.RequestingAgencyMessage;
import dk.fjernlaan.order.Cancellation;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderPlacement;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.order.PlaceOrder;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.NotInState;
import org.springframework.stereotype.Component;

/**
 * Fjernlån as supplying broker: a borrowing library's own system asks for an item (its {@code Request} becomes an
 * order of that library), and tells Fjernlån about its order (Cancel, Received, Renew, ShippedReturn,
 * StatusRequest), as the JSON requester-messages do.
 */
@Component
class PeerBorrowerMessages {

    private static final String PID_SCHEME = "870970-basis:";
    private static final Pattern BRANCH_NUMBER = Pattern.compile("\\b\\d{6}\\b");

    private final OrderPlacement placement;
    private final Cancellation cancellation;
    private final DeliveryService delivery;
    private final PeerBorrowerReports reports;
    private final DirectoryService directory;
    private final OrderRepository orders;
    private final AgencyId self;

    PeerBorrowerMessages(OrderPlacement placement, Cancellation cancellation, DeliveryService delivery, PeerBorrowerReports reports,
                         DirectoryService directory, OrderRepository orders, FjernlaanSettings settings) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.delivery = delivery;
        this.reports = reports;
        this.directory = directory;
        this.orders = orders;
        this.self = AgencyId.of(settings.iso18626().symbol());
    }

    /** Fjernlån places the order for the peer's library. @return its order number */
    long request(Peer peer, Request r) {
        if (peer.agencyId() == null) {
            throw NotTaken.value("The peer " + peer.symbol() + " stands for no Danish library, so it cannot borrow here");
        }
        if (r.header().supplyingAgencyId() != null && !r.header().supplyingAgencyId().symbol().equals(self.symbol())) {
            throw NotTaken.value("supplyingAgencyId " + r.header().supplyingAgencyId() + " is not Fjernlån (" + self + ")");
        }
        if ("Copy".equals(r.serviceType())) {
            throw NotTaken.value("serviceType Copy: Fjernlån arranges loans");
        }
        List<String> pids = pids(r);
        if (pids.isEmpty()) {
            throw NotTaken.value("bibliographicInfo names no record Fjernlån knows (a pid, or a FAUST number)");
        }
        String patronId = r.patronId() != null && r.patronId().matches(InputRules.PATRON_ID) ? r.patronId() : "";
        PlaceOrder order = new PlaceOrder(pickupBranch(peer.agencyId(), r.deliveryAddress()), patronId, pids, r.needBeforeDate(),
            OrderSystem.iso18626, null, false);
        return placement.placeFromPeer(order, r.header().requestingAgencyRequestId()).order().orderId();
    }

    /** @return the order the message is about */
    long take(Peer peer, RequestingAgencyMessage m) {
        IllOrder order = ordered(peer, m.header().requestingAgencyRequestId()).orElseThrow(() -> NotTaken.value(
            "requestingAgencyRequestId " + m.header().requestingAgencyRequestId() + " is no request of " + peer.symbol() + " to Fjernlån"));
        switch (m.action()) {
            case "Cancel" -> {
                try {
                    cancellation.cancel(order.orderId(), m.note());
                } catch (NotInState tooLate) {
                    if (order.status().closed()) {
                        throw tooLate;
                    }
                    reports.cancelRefused(order, peer);
                }
            }
            case "Received", "ShippedReturn", "Renew" -> delivery.requesterMessage(order.orderId(), m.action());
            case "StatusRequest" -> reports.statusNow(order, peer);
            case "Notification" -> { }
            default -> throw new NotTaken(NotTaken.UNSUPPORTED_ACTION_TYPE, m.action() + " is not supported by Fjernlån");
        }
        return order.orderId();
    }

    /** The order the peer's library placed with this request id, if any. */
    Optional<IllOrder> ordered(Peer peer, String requestId) {
        return peer.agencyId() == null ? Optional.empty() : orders.findExternal(OrderSystem.iso18626, peer.agencyId(), requestId);
    }

    /** The pids of a request: {@code supplierUniqueRecordId} and the record ids (a FAUST number is a pid of the national catalogue). */
    private static List<String> pids(Request r) {
        Set<String> pids = new LinkedHashSet<>();
        if (r.supplierUniqueRecordId() != null && r.supplierUniqueRecordId().matches(InputRules.PID)) {
            pids.add(r.supplierUniqueRecordId());
        }
        for (IsoMessage.RecordId id : r.recordIds()) {
            if (id.identifier().matches(InputRules.PID)) {
                pids.add(id.identifier());
            } else if ("FAUST".equalsIgnoreCase(id.code()) && id.identifier().matches("\\d{8,9}")) {
                pids.add(PID_SCHEME + id.identifier());
            }
        }
        return List.copyOf(pids);
    }

    /** The branch the delivery address names (a branch number of the library), else the library's first pickup branch. */
    private String pickupBranch(String agencyId, String address) {
        List<Branch> branches = directory.branches(agencyId);
        if (address != null) {
            Matcher number = BRANCH_NUMBER.matcher(address);
            while (number.find()) {
                String id = number.group();
                if (branches.stream().anyMatch(b -> b.branchId().equals(id))) {
                    return id;
                }
            }
        }
        return branches.stream().filter(Branch::pickupAllowed).map(Branch::branchId).findFirst().orElse(agencyId);
    }
}
