package dk.fjernlaan.iso18626;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.iso18626.xml.AgencyId;
import dk.fjernlaan.iso18626.xml.Header;
import dk.fjernlaan.iso18626.xml.IsoMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.Confirmation;
import dk.fjernlaan.iso18626.xml.IsoMessage.Request;
import dk.fjernlaan.iso18626.xml.IsoMessage.RequestingAgencyMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.SupplyingAgencyMessage;
import dk.fjernlaan.iso18626.xml.IsoReader;
import dk.fjernlaan.iso18626.xml.IsoWriter;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
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

    private static final Set<String> ANSWERS = Set.of("ExpectToSupply", "WillSupply", "Unfilled", "RetryPossible", "Loaned");

    private final Peers peers;
    private final MessageLog messages;
    private final LenderConversation conversation;
    private final DeliveryService delivery;
    private final OrderRepository orders;
    private final Texts texts;
    private final FjernlaanClock clock;
    private final IsoReader reader;
    private final IsoWriter writer;

    Iso18626Inbound(Peers peers, MessageLog messages, LenderConversation conversation, DeliveryService delivery, OrderRepository orders,
                    Texts texts, FjernlaanClock clock) {
        this.peers = peers;
        this.messages = messages;
        this.conversation = conversation;
        this.delivery = delivery;
        this.orders = orders;
        this.texts = texts;
        this.clock = clock;
        this.reader = new IsoReader(clock.zone());
        this.writer = new IsoWriter(clock.zone());
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
        Actor actor = new Actor("iso18626:" + peer.symbol(), peer.agencyId() == null ? Set.of() : Set.of(peer.agencyId()));
        try {
            return actor.runAs(() -> {
                if (message instanceof SupplyingAgencyMessage m) {
                    return supplying(peer, m);
                }
                if (message instanceof Request) {
                    throw new NotTaken("UnsupportedActionType", "Fjernlån does not take requests from " + peer.symbol() + " yet");
                }
                RequestingAgencyMessage m = (RequestingAgencyMessage) message;
                throw new NotTaken("UnsupportedActionType", m.action() + " about a request Fjernlån did not receive from " + peer.symbol());
            });
        } catch (Refusal refusal) {
            throw new NotTaken("UnrecognisedDataValue", texts.say(refusal.detail(), Locale.ENGLISH));
        }
    }

    /** A lender's system about Fjernlån's request to it: the order is the request's id. */
    private Long supplying(Peer peer, SupplyingAgencyMessage m) {
        IllOrder order = askedOrder(peer, m.header());
        String status = m.status();
        if (ANSWERS.contains(status)) {
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
        return null;
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

    /** The body as text, for the log; a body that is not UTF-8 is kept as a note of its size. */
    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(body)).toString().replace("\u0000", "");
        } catch (CharacterCodingException e) {
            return "(" + body.length + " bytes that are not UTF-8)";
        }
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
