package dk.fjernlaan.iso18626;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Every ISO 18626 message in and out, as it was on the wire, with its confirmation: the audit of an order's talk
 * with other systems, and the outbox of the messages still to be delivered ({@code PENDING}). Messages carry no
 * patron names, so neither does this.
 */
@Component
public class MessageLog {

    public static final String IN = "IN";
    public static final String OUT = "OUT";
    public static final String OK = "OK";
    public static final String ERROR = "ERROR";
    public static final String PENDING = "PENDING";

    /** One message as listed for an order. */
    public record Entry(long messageId, Long orderId, OffsetDateTime at, String direction, String peer, String type, String status,
                        String xml, String confirmation, int attempts, String lastError) {}

    /** An outgoing message due for delivery. */
    record Due(long messageId, long orderId, String peer, String type, String xml, int attempts, OffsetDateTime createdAt) {}

    private final JdbcClient jdbc;
    private final FjernlaanClock clock;

    MessageLog(JdbcClient jdbc, FjernlaanClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A message received, as far as it may be kept (see {@link #kept}), with the confirmation it was answered with. */
    void received(Long orderId, String peer, String type, String status, byte[] body, String confirmation, String fingerprint) {
        String xml = kept(body);
        jdbc.sql("""
                INSERT INTO iso18626_message (order_id, at, direction, peer, type, status, xml, confirmation, fingerprint)
                VALUES (?, ?, 'IN', ?, ?, ?, ?, ?, ?)""")
            .params(orderId, clock.nowUtc(), InputRules.abbreviate(peer, 60), type, status, xml, confirmation, fingerprint)
            .update();
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
    static String kept(byte[] body) {
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

    /** Whether the peer sent this message before and it was taken: a repeat is confirmed again and changes nothing. */
    boolean takenBefore(String peer, String fingerprint) {
        return jdbc.sql("SELECT COUNT(*) FROM iso18626_message WHERE peer = ? AND fingerprint = ? AND direction = 'IN' AND status = 'OK'")
            .params(peer, fingerprint).query(Long.class).single() > 0;
    }

    /** A message to be delivered, in the transaction of the step that causes it. */
    long queued(long orderId, String peer, String type, String xml) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = clock.nowUtc();
        jdbc.sql("""
                INSERT INTO iso18626_message (order_id, at, direction, peer, type, status, xml, next_attempt_at)
                VALUES (?, ?, 'OUT', ?, ?, 'PENDING', ?, ?)""")
            .params(orderId, now, peer, type, xml, now)
            .update(key, "message_id");
        return key.getKey().longValue();
    }

    public List<Entry> forOrder(long orderId) {
        return jdbc.sql("SELECT * FROM iso18626_message WHERE order_id = ? ORDER BY message_id").param(orderId)
            .query((rs, n) -> new Entry(rs.getLong("message_id"), rs.getObject("order_id", Long.class),
                rs.getObject("at", OffsetDateTime.class), rs.getString("direction"), rs.getString("peer"), rs.getString("type"),
                rs.getString("status"), shown(rs.getString("xml")), rs.getString("confirmation"), rs.getInt("attempts"),
                rs.getString("last_error")))
            .list();
    }

    /** A message as listed: the place of the security code says so. */
    private static String shown(String xml) {
        return xml == null ? null : xml.replace(Outbox.SECURITY_CODE, "***");
    }

    /**
     * The first pending message of each order that is due now: an order's messages go one after the other, so a
     * later one waits while an earlier one cannot be delivered.
     */
    List<Long> due(int max) {
        OffsetDateTime now = clock.nowUtc();
        return jdbc.sql("""
                SELECT m.message_id FROM iso18626_message m
                WHERE m.direction = 'OUT' AND m.status = 'PENDING' AND m.next_attempt_at <= ?
                  AND (m.claimed_until IS NULL OR m.claimed_until < ?)
                  AND NOT EXISTS (SELECT 1 FROM iso18626_message e WHERE e.order_id = m.order_id AND e.direction = 'OUT'
                                  AND e.status = 'PENDING' AND e.message_id < m.message_id)
                ORDER BY m.message_id FETCH FIRST ? ROWS ONLY""")
            .params(now, now, max).query(Long.class).list();
    }

    /** The first pending message of the order, if it is due and not being delivered by another node. */
    Optional<Long> dueFor(long orderId) {
        OffsetDateTime now = clock.nowUtc();
        return jdbc.sql("""
                SELECT message_id FROM iso18626_message WHERE order_id = ? AND direction = 'OUT' AND status = 'PENDING'
                ORDER BY message_id FETCH FIRST 1 ROWS ONLY""")
            .param(orderId).query(Long.class).optional()
            .filter(id -> jdbc.sql("SELECT COUNT(*) FROM iso18626_message WHERE message_id = ? AND next_attempt_at <= ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?)")
                .params(id, now, now).query(Long.class).single() > 0);
    }

    /** Takes the message for delivery on this node for a while; false when another node has it. */
    Optional<Due> claim(long messageId, java.time.Duration forHowLong) {
        OffsetDateTime now = clock.nowUtc();
        int claimed = jdbc.sql("""
                UPDATE iso18626_message SET claimed_until = ?
                WHERE message_id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
            .params(now.plus(forHowLong), messageId, now).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM iso18626_message WHERE message_id = ?").param(messageId)
            .query((rs, n) -> new Due(rs.getLong("message_id"), rs.getLong("order_id"), rs.getString("peer"), rs.getString("type"),
                rs.getString("xml"), rs.getInt("attempts"), rs.getObject("at", OffsetDateTime.class)))
            .optional();
    }

    void delivered(long messageId, String status, String confirmation) {
        jdbc.sql("""
                UPDATE iso18626_message SET status = ?, confirmation = ?, attempts = attempts + 1, claimed_until = NULL,
                    last_error = NULL, next_attempt_at = NULL WHERE message_id = ?""")
            .params(status, confirmation, messageId).update();
    }

    void failed(long messageId, String error, OffsetDateTime nextAttempt) {
        jdbc.sql("""
                UPDATE iso18626_message SET attempts = attempts + 1, claimed_until = NULL, last_error = ?, next_attempt_at = ?
                WHERE message_id = ?""")
            .params(InputRules.abbreviate(error, 1000), nextAttempt, messageId).update();
    }
}
