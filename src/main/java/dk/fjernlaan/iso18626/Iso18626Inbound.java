package dk.fjernlaan.iso18626;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The messages other systems send to {@code POST /iso18626}: read, authenticated by the sending peer's credentials
 * in the header, carried out as that peer ({@link PeerLenderMessages} for a lender's system,
 * {@link PeerBorrowerMessages} for a borrower's), answered with the matching confirmation and kept in the message
 * log. A message that cannot be taken is confirmed with ERROR and changes nothing; the same message again is
 * confirmed OK and changes nothing the second time.
 */
@Service
public class Iso18626Inbound {

    private static final Logger log = LoggerFactory.getLogger(Iso18626Inbound.class);

    /** The answer to one message: the HTTP status and the confirmation. */
    public record Answer(int httpStatus, String xml) {}

    /** The user id a peer acts under ({@code iso18626:} and its symbol), as the order's history shows it. */
    public static final String ACTOR_PREFIX = "iso18626:";

    private static final String UNKNOWN = "unknown";

    private final Peers peers;
    private final MessageLog messages;
    private final PeerLenderMessages lenders;
    private final PeerBorrowerMessages borrowers;
    private final Texts texts;
    private final FjernlaanClock clock;
    private final IsoReader reader;
    private final IsoWriter writer;

    Iso18626Inbound(Peers peers, MessageLog messages, PeerLenderMessages lenders, PeerBorrowerMessages borrowers, Texts texts,
                    FjernlaanClock clock) {
        this.peers = peers;
        this.messages = messages;
        this.lenders = lenders;
        this.borrowers = borrowers;
        this.texts = texts;
        this.clock = clock;
        this.reader = new IsoReader(clock.zone());
        this.writer = new IsoWriter(clock.zone());
    }

    public Answer receive(byte[] body) {
        String version = Optional.ofNullable(IsoReader.versionOf(body)).filter(v -> v.startsWith("2021")).map(v -> "2021").orElse("1.2");
        IsoMessage message;
        try {
            message = reader.read(body);
        } catch (IsoReader.BadlyFormed e) {
            return refused(400, body, e.guessedType(), null, UNKNOWN, null, "BadlyFormedMessage", e.getMessage(), version, null);
        } catch (IsoReader.Invalid e) {
            return refused(200, body, e.type(), e.header(), sender(e.type(), e.header()), null, e.errorType(), e.errorValue(), version, null);
        }
        if (message instanceof Confirmation) {
            return refused(200, body, message.type(), null, UNKNOWN, null, NotTaken.UNSUPPORTED_ACTION_TYPE,
                "A confirmation answers a message; it is not sent on its own", version, null);
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
            messages.received(orderId, peer.symbol(), message.type(), MessageLog.OK, body, confirmation, fingerprint);
            return new Answer(200, confirmation);
        } catch (NotTaken e) {
            return refused(200, body, message.type(), header, sender, orderId, e.errorType(), e.getMessage(), version, message);
        }
    }

    /** Answers a message that is not taken with an ERROR confirmation, and keeps both. */
    private Answer refused(int httpStatus, byte[] body, String type, Header header, String sender, Long orderId, String errorType,
                           String errorValue, String version, IsoMessage message) {
        String confirmation = confirm(type, header, errorType, errorValue, version, message);
        messages.received(orderId, sender, type, MessageLog.ERROR, body, confirmation, null);
        log.info("ISO 18626 {} from {} refused: {} {}", type, sender, errorType, errorValue);
        return new Answer(httpStatus, confirmation);
    }

    private Peer authenticated(Header header, String sender) {
        Peer peer = peers.find(sender).orElseThrow(() -> NotTaken.value("The sending agency " + sender + " is not a peer of Fjernlån"));
        if (!same(peer.accountId(), header.accountId()) || !same(peer.securityCode(), header.securityCode())) {
            throw NotTaken.value("requestingAgencyAuthentication does not match the peer " + sender);
        }
        return peer;
    }

    /** Carries the message out as the peer (acting for the library it stands for). @return the order it is about */
    private Long take(Peer peer, IsoMessage message) {
        Actor actor = new Actor(ACTOR_PREFIX + peer.symbol(), peer.agencyId() == null ? Set.of() : Set.of(peer.agencyId()));
        try {
            return actor.runAs(() -> {
                if (message instanceof SupplyingAgencyMessage m) {
                    return lenders.take(peer, m);
                }
                if (message instanceof Request r) {
                    return borrowers.request(peer, r);
                }
                return borrowers.take(peer, (RequestingAgencyMessage) message);
            });
        } catch (Refusal refusal) {
            throw NotTaken.value(texts.say(refusal.detail(), Locale.ENGLISH));
        }
    }

    /** The order a repeated message is about. */
    private Long orderOf(Peer peer, IsoMessage message) {
        if (message instanceof SupplyingAgencyMessage m) {
            return lenders.askedOrder(peer, m.header()).orderId();
        }
        return borrowers.ordered(peer, header(message).requestingAgencyRequestId()).map(IllOrder::orderId).orElse(null);
    }

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
            return UNKNOWN;
        }
        AgencyId agency = "supplyingAgencyMessage".equals(type) ? header.supplyingAgencyId() : header.requestingAgencyId();
        return agency == null ? UNKNOWN : agency.symbol();
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
}
