package dk.fjernlaan.iso18626;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.delivery.LoanService;
import dk.fjernlaan.iso18626.xml.AgencyId;
import dk.fjernlaan.iso18626.xml.Header;
import dk.fjernlaan.iso18626.xml.IsoMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.Confirmation;
import dk.fjernlaan.iso18626.xml.IsoMessage.Request;
import dk.fjernlaan.iso18626.xml.IsoMessage.RequestingAgencyMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.SupplyingAgencyMessage;
import dk.fjernlaan.iso18626.xml.IsoReader;
import dk.fjernlaan.iso18626.xml.IsoWriter;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.order.Cancellation;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderPlacement;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.order.PlaceOrder;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The messages other systems send to {@code POST /iso18626}: read, authenticated by the sending peer's credentials
 * in the header, carried out through the same use cases as the JSON API, answered with the matching confirmation
 * and kept in the message log. A message that cannot be taken is confirmed with ERROR and changes nothing; the same
 * message again is confirmed OK and changes nothing the second time.
 */
@Service
public class Iso18626Inbound {

    private static final Logger log = LoggerFactory.getLogger(Iso18626Inbound.class);

    /** The answer to one message: the HTTP status and the confirmation. */
    public record Answer(int httpStatus, String xml) {}

    /** The user id a peer acts under ({@code iso18626:} and its symbol), as the order's history shows it. */
    public static final String ACTOR_PREFIX = "iso18626:";

    private static final Set<String> ANSWERS = Set.of("ExpectToSupply", "WillSupply", "Unfilled", "RetryPossible", "Loaned");
    private static final String PID_SCHEME = "870970-basis:";

    private final Peers peers;
    private final MessageLog messages;
    private final LenderConversation conversation;
    private final DeliveryService delivery;
    private final LoanService loans;
    private final OrderPlacement placement;
    private final Cancellation cancellation;
    private final PeerBorrowerReports reports;
    private final DirectoryService directory;
    private final OrderRepository orders;
    private final Texts texts;
    private final FjernlaanClock clock;
    private final IsoReader reader;
    private final IsoWriter writer;
    private final AgencyId self;

    @SuppressWarnings("java:S107")
    Iso18626Inbound(Peers peers, MessageLog messages, LenderConversation conversation, DeliveryService delivery, LoanService loans,
                    OrderPlacement placement,
                    Cancellation cancellation, PeerBorrowerReports reports, DirectoryService directory, OrderRepository orders,
                    Texts texts, FjernlaanClock clock, FjernlaanSettings settings) {
        this.peers = peers;
        this.messages = messages;
        this.conversation = conversation;
        this.delivery = delivery;
        this.loans = loans;
        this.placement = placement;
        this.cancellation = cancellation;
        this.reports = reports;
        this.directory = directory;
        this.orders = orders;
        this.texts = texts;
        this.clock = clock;
        this.reader = new IsoReader(clock.zone());
        this.writer = new IsoWriter(clock.zone());
        this.self = AgencyId.of(settings.iso18626().symbol());
    }

    /** A message refused with an errorType of the standard. */
    private static final class NotTaken extends RuntimeException {
        private final String errorType;

        NotTaken(String errorType, String errorValue) {
            super(errorValue);
            this.errorType = errorType;
        }
    }

    public Answer receive(byte[] body) {
        String version = Optional.ofNullable(IsoReader.versionOf(body)).filter(v -> v.startsWith("2021")).map(v -> "2021").orElse("1.2");
        IsoMessage message;
        try {
            message = reader.read(body);
        } catch (IsoReader.BadlyFormed e) {
            String confirmation = confirm(e.guessedType(), null, "BadlyFormedMessage", e.getMessage(), version, null);
            messages.received(null, "unknown", e.guessedType(), MessageLog.ERROR, text(body), confirmation, null);
            log.info("ISO 18626 message refused as badly formed: {}", e.getMessage());
            return new Answer(400, confirmation);
        } catch (IsoReader.Invalid e) {
            String confirmation = confirm(e.type(), e.header(), e.errorType(), e.errorValue(), version, null);
            messages.received(null, sender(e.type(), e.header()), e.type(), MessageLog.ERROR, text(body), confirmation, null);
            log.info("ISO 18626 {} refused: {} {}", e.type(), e.errorType(), e.errorValue());
            return new Answer(200, confirmation);
        }
        if (message instanceof Confirmation) {
            String confirmation = confirm(message.type(), null, "UnsupportedActionType",
                "A confirmation answers a message; it is not sent on its own", version, null);
            messages.received(null, "unknown", message.type(), MessageLog.ERROR, text(body), confirmation, null);
            return new Answer(200, confirmation);
        }
        Header header = header(message);
        String sender = sender(message.type(), header);
        Long orderId = null;
        try {
            Peer peer = authenticated(header, sender);
            String fingerprint = fingerprint(message);
            if (!messages.takenBefore(peer.symbol(), fingerprint)) {
                orderId = take(peer, message);
            } else {
                orderId = orderOf(peer, message);
                log.info("ISO 18626 {} from {} repeated: confirmed again, nothing changed", message.type(), peer.symbol());
            }
            String confirmation = confirm(message.type(), header, null, null, version, message);
            messages.received(orderId, peer.symbol(), message.type(), MessageLog.OK, text(body), confirmation, fingerprint);
            return new Answer(200, confirmation);
        } catch (NotTaken e) {
            String confirmation = confirm(message.type(), header, e.errorType, e.getMessage(), version, message);
            messages.received(orderId, sender, message.type(), MessageLog.ERROR, text(body), confirmation, null);
            log.info("ISO 18626 {} from {} refused: {} {}", message.type(), sender, e.errorType, e.getMessage());
            return new Answer(200, confirmation);
        }
    }

    private Peer authenticated(Header header, String sender) {
        Peer peer = peers.find(sender)
            .orElseThrow(() -> new NotTaken("UnrecognisedDataValue", "The sending agency " + sender + " is not a peer of Fjernlån"));
        if (!same(peer.accountId(), header.accountId()) || !same(peer.securityCode(), header.securityCode())) {
            throw new NotTaken("UnrecognisedDataValue", "requestingAgencyAuthentication does not match the peer " + sender);
        }
        return peer;
    }

    /** Carries the message out as the peer (acting for the library it stands for). @return the order it is about */
    private Long take(Peer peer, IsoMessage message) {
        Actor actor = new Actor(ACTOR_PREFIX + peer.symbol(), peer.agencyId() == null ? Set.of() : Set.of(peer.agencyId()));
        try {
            return actor.runAs(() -> {
                if (message instanceof SupplyingAgencyMessage m) {
                    return supplying(peer, m);
                }
                if (message instanceof Request r) {
                    return request(peer, r);
                }
                return requesting(peer, (RequestingAgencyMessage) message);
            });
        } catch (Refusal refusal) {
            throw new NotTaken("UnrecognisedDataValue", texts.say(refusal.detail(), Locale.ENGLISH));
        }
    }

    /** A lender's system about Fjernlån's request to it: the order is the request's id. */
    private Long supplying(Peer peer, SupplyingAgencyMessage m) {
        IllOrder order = askedOrder(peer, m.header());
        String status = m.status();
        if ("RenewResponse".equals(m.reasonForMessage())) {
            loans.renewalAnswered(order.orderId(), "Y".equals(m.answerYesNo()), m.dueDate());
        } else if (ANSWERS.contains(status)) {
            String reason = firstNonNull(m.reasonUnfilled(), m.reasonRetry(), m.note());
            conversation.answer(order.orderId(), new SupplierMessage(SupplierStatus.valueOf(status), reason, m.expectedDeliveryDate(),
                m.dueDate(), m.itemId(), null));
        } else if ("Recalled".equals(status) || "LoanCompleted".equals(status)) {
            delivery.lenderMessage(order.orderId(), new SupplierMessage(SupplierStatus.valueOf(status), m.note(), null, m.dueDate(),
                null, null));
        } else if (!Set.of("RequestReceived", "Overdue", "Cancelled").contains(status)) {
            throw new NotTaken("UnrecognisedDataValue", "status " + status + " is not supported by Fjernlån (loans only)");
        }
        return order.orderId();
    }

    /** A borrowing library's own system asks for an item: Fjernlån places the order for that library. */
    private Long request(Peer peer, Request r) {
        if (peer.agencyId() == null) {
            throw new NotTaken("UnrecognisedDataValue", "The peer " + peer.symbol() + " stands for no Danish library, so it cannot borrow here");
        }
        if (r.header().supplyingAgencyId() != null && !r.header().supplyingAgencyId().symbol().equals(self().symbol())) {
            throw new NotTaken("UnrecognisedDataValue", "supplyingAgencyId " + r.header().supplyingAgencyId() + " is not Fjernlån ("
                + self() + ")");
        }
        if ("Copy".equals(r.serviceType())) {
            throw new NotTaken("UnrecognisedDataValue", "serviceType Copy: Fjernlån arranges loans");
        }
        List<String> pids = pids(r);
        if (pids.isEmpty()) {
            throw new NotTaken("UnrecognisedDataValue", "bibliographicInfo names no record Fjernlån knows (a pid, or a FAUST number)");
        }
        String patronId = r.patronId() != null && r.patronId().matches(InputRules.PATRON_ID) ? r.patronId() : "";
        PlaceOrder order = new PlaceOrder(pickupBranch(peer.agencyId(), r.deliveryAddress()), patronId, pids, r.needBeforeDate(),
            OrderSystem.iso18626, null, false);
        return placement.placeFromPeer(order, r.header().requestingAgencyRequestId()).order().orderId();
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
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\b\\d{6}\\b").matcher(address);
            while (number.find()) {
                String id = number.group();
                if (branches.stream().anyMatch(b -> b.branchId().equals(id))) {
                    return id;
                }
            }
        }
        return branches.stream().filter(Branch::pickupAllowed).map(Branch::branchId).findFirst().orElse(agencyId);
    }

    /** A borrowing library's own system about its order. */
    private Long requesting(Peer peer, RequestingAgencyMessage m) {
        IllOrder order = peer.agencyId() == null ? null
            : orders.findExternal(OrderSystem.iso18626, peer.agencyId(), m.header().requestingAgencyRequestId()).orElse(null);
        if (order == null) {
            throw new NotTaken("UnrecognisedDataValue", "requestingAgencyRequestId " + m.header().requestingAgencyRequestId()
                + " is no request of " + peer.symbol() + " to Fjernlån");
        }
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
            default -> throw new NotTaken("UnsupportedActionType", m.action() + " is not supported by Fjernlån");
        }
        return order.orderId();
    }

    private AgencyId self() {
        return self;
    }

    private IllOrder askedOrder(Peer peer, Header header) {
        Optional<IllOrder> order = parseId(header.requestingAgencyRequestId()).flatMap(orders::find);
        if (order.isEmpty() || peer.agencyId() == null
                || order.get().attempts().stream().noneMatch(a -> a.agencyId().equals(peer.agencyId()))) {
            throw new NotTaken("UnrecognisedDataValue", "requestingAgencyRequestId " + header.requestingAgencyRequestId()
                + " is not a request of Fjernlån to " + peer.symbol());
        }
        return order.get();
    }

    private Long orderOf(Peer peer, IsoMessage message) {
        if (message instanceof SupplyingAgencyMessage m) {
            return askedOrder(peer, m.header()).orderId();
        }
        if (peer.agencyId() == null) {
            return null;
        }
        String requestId = message instanceof Request r ? r.header().requestingAgencyRequestId()
            : ((RequestingAgencyMessage) message).header().requestingAgencyRequestId();
        return orders.findExternal(OrderSystem.iso18626, peer.agencyId(), requestId).map(IllOrder::orderId).orElse(null);
    }

    // confirmations -----------------------------------------------------------------------------------

    private String confirm(String type, Header header, String errorType, String errorValue, String version, IsoMessage message) {
        String reasonForMessage = message instanceof SupplyingAgencyMessage m ? m.reasonForMessage() : null;
        String action = message instanceof RequestingAgencyMessage m ? m.action() : null;
        return writer.write(new Confirmation(IsoMessage.confirmationOf(type),
            header == null ? null : header.supplyingAgencyId(), header == null ? null : header.requestingAgencyId(), clock.nowUtc(),
            header == null ? null : header.requestingAgencyRequestId(), header == null ? clock.nowUtc() : header.timestamp(),
            errorType == null ? Confirmation.OK : Confirmation.ERROR, errorType, errorValue, reasonForMessage, action), version);
    }

    private static Header header(IsoMessage message) {
        if (message instanceof Request r) {
            return r.header();
        }
        if (message instanceof SupplyingAgencyMessage m) {
            return m.header();
        }
        return ((RequestingAgencyMessage) message).header();
    }

    /** The agency that sends a message of the type: the supplier for its messages, else the requester. */
    private static String sender(String type, Header header) {
        if (header == null) {
            return "unknown";
        }
        AgencyId agency = "supplyingAgencyMessage".equals(type) ? header.supplyingAgencyId() : header.requestingAgencyId();
        return agency == null ? "unknown" : agency.symbol();
    }

    /** What makes a message the same as another: everything but the moment it was sent and the credentials. */
    private static String fingerprint(IsoMessage message) {
        IsoMessage content = message;
        if (message instanceof Request r) {
            content = new Request(bare(r.header()), r.supplierUniqueRecordId(), r.title(), r.author(), r.recordIds(), r.requestType(),
                r.serviceType(), r.needBeforeDate(), r.note(), r.deliveryAddress(), r.patronId());
        } else if (message instanceof SupplyingAgencyMessage m) {
            content = new SupplyingAgencyMessage(bare(m.header()), m.reasonForMessage(), m.answerYesNo(), m.note(), m.reasonUnfilled(),
                m.reasonRetry(), m.status(), m.expectedDeliveryDate(), m.dueDate(), m.lastChange(), m.dateSent(), m.itemId(), m.sentVia());
        } else if (message instanceof RequestingAgencyMessage m) {
            content = new RequestingAgencyMessage(bare(m.header()), m.action(), m.note());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Header bare(Header h) {
        return new Header(h.supplyingAgencyId(), h.requestingAgencyId(), h.multipleItemRequestId(), null, h.requestingAgencyRequestId(),
            h.supplyingAgencyRequestId(), null, null);
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Long> parseId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }

    private static final java.util.regex.Pattern PATRON_INFO =
        java.util.regex.Pattern.compile("<((?:[\\w.-]+:)?)patronInfo\\b[^>]*>[\\s\\S]*?</\\1patronInfo\\s*>");
    private static final java.util.regex.Pattern PATRON_NAME =
        java.util.regex.Pattern.compile("<((?:[\\w.-]+:)?)(surname|givenName)\\b[^>]*>[^<]*(</\\1\\2\\s*>)?");
    private static final java.util.regex.Pattern SECURITY_CODE =
        java.util.regex.Pattern.compile("(<((?:[\\w.-]+:)?)securityCode\\b[^>]*>)[\\s\\S]*?(</\\2securityCode\\s*>)");

    /**
     * The body as text, for the log, without what must not be kept: the patron's data (the order keeps the patron
     * id) and the sender's security code. A body that is not UTF-8 is kept as a note of its size.
     */
    private static String text(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(body)).toString().replace("\u0000", "");
        } catch (CharacterCodingException e) {
            return "(" + body.length + " bytes that are not UTF-8)";
        }
        text = PATRON_INFO.matcher(text).replaceAll("<$1patronInfo/>");
        text = PATRON_NAME.matcher(text).replaceAll("");
        return SECURITY_CODE.matcher(text).replaceAll("$1***$3");
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
