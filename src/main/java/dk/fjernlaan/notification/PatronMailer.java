package dk.fjernlaan.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails to patrons (ready for pickup, reminders, overdue, recall, renewal answers), in the configured language.
 * Every mail goes into the outbox in the same transaction as the step that caused it. With a mail server
 * ({@code spring.mail.host}) it is sent when that transaction has committed, retried until it goes, and then
 * the recipient is forgotten; without one it stays in the outbox. The log says that a mail went out, never to
 * whom. A mail never contains the patron id.
 */
@Component
public class PatronMailer {

    private static final Logger log = LoggerFactory.getLogger(PatronMailer.class);
    private static final int MAX_ATTEMPTS = 10;

    /** A mail as kept in the outbox, without its recipient. */
    public record Mail(long mailId, String kind, String subject, String body, String status, OffsetDateTime createdAt, OffsetDateTime sentAt) {}

    private final JdbcClient jdbc;
    private final PatronService patrons;
    private final Texts texts;
    private final FjernlaanClock clock;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    PatronMailer(JdbcClient jdbc, PatronService patrons, Texts texts, FjernlaanClock clock, ObjectProvider<JavaMailSender> sender,
                 FjernlaanSettings settings) {
        this.jdbc = jdbc;
        this.patrons = patrons;
        this.texts = texts;
        this.clock = clock;
        this.sender = sender;
        this.from = settings.mail().from();
    }

    /**
     * Writes a mail of the given kind to the order's patron; its texts are {@code mail.<kind>.subject} and
     * {@code mail.<kind>.body} with the facts (the patron's name is added as the last one).
     *
     * @return false when the patron is no longer registered or has no e-mail
     */
    public boolean send(long orderId, String agencyId, String patronId, String kind, Object... facts) {
        Optional<Patron> patron = patrons.find(agencyId, patronId);
        if (patron.isEmpty() || patron.get().email() == null || patron.get().email().isBlank()) {
            log.info("No mail {} for order {}: the patron has no e-mail address here", kind, orderId);
            return false;
        }
        Object[] args = java.util.Arrays.copyOf(facts, facts.length + 1);
        args[facts.length] = patron.get().name();
        String subject = InputRules.abbreviate(texts.getDefault("mail." + kind + ".subject", args), InputRules.MAIL_SUBJECT_LENGTH);
        String body = texts.getDefault("mail." + kind + ".body", args);
        boolean server = sender.getIfAvailable() != null;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mail_outbox (order_id, kind, recipient, subject, body, status, created_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)""")
            .params(orderId, kind, patron.get().email(), subject, body, server ? "PENDING" : "OUTBOX", clock.nowUtc())
            .update(key, "mail_id");
        long mailId = key.getKey().longValue();
        if (server && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(mailId);
                }
            });
        } else if (server) {
            deliver(mailId);
        } else {
            log.info("Mail {} for order {} is in the outbox (no mail server configured)", kind, orderId);
        }
        return true;
    }

    public List<Mail> mails(long orderId) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE order_id = ? ORDER BY mail_id").param(orderId)
            .query((rs, n) -> new Mail(rs.getLong("mail_id"), rs.getString("kind"), rs.getString("subject"), rs.getString("body"),
                rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class)))
            .list();
    }

    /** Sends the mails that could not go yet (the mail server was away). */
    @Scheduled(fixedDelayString = "${fjernlaan.mail.retry-interval}", initialDelayString = "${fjernlaan.mail.retry-interval}")
    public void retryPending() {
        if (sender.getIfAvailable() == null) {
            return;
        }
        jdbc.sql("SELECT mail_id FROM mail_outbox WHERE status = 'PENDING' AND attempts < ? ORDER BY mail_id FETCH FIRST 100 ROWS ONLY")
            .param(MAX_ATTEMPTS).query(Long.class).list().forEach(this::deliver);
    }

    private void deliver(long mailId) {
        JavaMailSender mailSender = sender.getIfAvailable();
        var row = jdbc.sql("SELECT order_id, kind, recipient, subject, body FROM mail_outbox WHERE mail_id = ? AND status = 'PENDING'")
            .param(mailId)
            .query((rs, n) -> new String[] {rs.getString("order_id"), rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body")})
            .optional();
        if (mailSender == null || row.isEmpty()) {
            return;
        }
        String[] mail = row.get();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail[2]);
        message.setSubject(mail[3]);
        message.setText(mail[4]);
        try {
            mailSender.send(message);
            jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, recipient = NULL, attempts = attempts + 1 WHERE mail_id = ?")
                .params(clock.nowUtc(), mailId).update();
            log.info("Mail {} for order {} sent", mail[1], mail[0]);
        } catch (MailException e) {
            jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1 WHERE mail_id = ?").param(mailId).update();
            log.warn("Mail {} for order {} could not be sent yet: {}", mail[1], mail[0], e.getClass().getSimpleName());
        }
    }
}
