package dk.fjernlaan.iso18626;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dk.fjernlaan.iso18626.xml.IsoMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.Confirmation;
import dk.fjernlaan.iso18626.xml.IsoReader;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outgoing messages: each order's in the order they were written, one at a time. A peer that is
 * down, answers with an HTTP error or does not answer in time is tried again, waiting twice as long each time (at
 * most {@code fjernlaan.iso18626.max-backoff}); what went wrong is shown on the peer. A message the peer answers
 * with an ERROR confirmation was received and refused: it is not sent again, and the refusal is shown on the peer.
 * Several nodes may deliver: a message is taken by one of them for the time a delivery may take.
 */
@Component
public class PeerDelivery {

    private static final Logger log = LoggerFactory.getLogger(PeerDelivery.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

    private final MessageLog messages;
    private final Peers peers;
    private final FjernlaanClock clock;
    private final IsoReader reader;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxBackoff;
    private final Duration undeliveredWarning;
    private final ExecutorService background = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "iso18626-delivery");
        thread.setDaemon(true);
        return thread;
    });

    PeerDelivery(MessageLog messages, Peers peers, FjernlaanClock clock, FjernlaanSettings settings) {
        this.messages = messages;
        this.peers = peers;
        this.clock = clock;
        this.reader = new IsoReader(clock.zone());
        this.timeout = settings.iso18626().timeout();
        this.maxBackoff = settings.iso18626().maxBackoff();
        this.undeliveredWarning = settings.iso18626().undeliveredWarning();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Delivers the order's pending messages in the background, now. */
    void soon(long orderId) {
        try {
            background.execute(() -> deliverOrder(orderId));
        } catch (RejectedExecutionException stopping) {
            log.debug("Stopping: the messages of order {} go at the next start", orderId);
        }
    }

    /** The messages that could not go at once (the peer was away, or this node stopped). */
    @Scheduled(fixedDelayString = "${fjernlaan.iso18626.delivery-interval}", initialDelayString = "${fjernlaan.iso18626.delivery-interval}")
    public void deliverDue() {
        for (long messageId : messages.due(100)) {
            deliver(messageId);
        }
    }

    /** Delivers the order's pending messages one after the other, until one cannot go. */
    public void deliverOrder(long orderId) {
        Optional<Long> next = messages.dueFor(orderId);
        while (next.isPresent() && deliver(next.get())) {
            next = messages.dueFor(orderId);
        }
    }

    /** @return whether the message was delivered (confirmed OK or ERROR) */
    private boolean deliver(long messageId) {
        Optional<MessageLog.Due> claimed = messages.claim(messageId, timeout.multipliedBy(3));
        if (claimed.isEmpty()) {
            return false;
        }
        MessageLog.Due due = claimed.get();
        Optional<Peer> peer = peers.find(due.peer());
        if (peer.isEmpty()) {
            retryLater(due, "the peer " + due.peer() + " is not registered (any more)");
            return false;
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(peer.get().address()))
                    .timeout(timeout)
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(due.xml().replace(Outbox.SECURITY_CODE,
                        escaped(peer.get().securityCode())), StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Confirmation confirmation = confirmation(response.body());
            if (confirmation == null) {
                retryLater(due, "HTTP " + response.statusCode() + " without a confirmation");
                return false;
            }
            if (confirmation.ok()) {
                peers.lastError(due.peer(), null);
                messages.delivered(messageId, MessageLog.OK, body);
                log.info("ISO 18626 {} for order {} delivered to {}", due.type(), due.orderId(), due.peer());
            } else {
                messages.delivered(messageId, MessageLog.ERROR, body);
                String error = "refused " + due.type() + " for order " + due.orderId() + ": " + confirmation.errorType()
                    + (confirmation.errorValue() == null ? "" : " (" + confirmation.errorValue() + ")");
                peers.lastError(due.peer(), error);
                log.warn("ISO 18626 peer {} {}", due.peer(), error);
            }
            return true;
        } catch (IOException e) {
            retryLater(due, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(due, "interrupted");
            return false;
        } catch (RuntimeException e) {
            retryLater(due, e.toString());
            return false;
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    private Confirmation confirmation(byte[] body) {
        try {
            IsoMessage answer = reader.read(body);
            return answer instanceof Confirmation c ? c : null;
        } catch (IsoReader.BadlyFormed | IsoReader.Invalid e) {
            return null;
        }
    }

    private void retryLater(MessageLog.Due due, String error) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(due.attempts(), 20));
        if (wait.compareTo(maxBackoff) > 0) {
            wait = maxBackoff;
        }
        OffsetDateTime now = clock.nowUtc();
        messages.failed(due.messageId(), error, now.plus(wait));
        peers.lastError(due.peer(), "could not deliver " + due.type() + " for order " + due.orderId() + ": " + error);
        if (due.createdAt().plus(undeliveredWarning).isBefore(now)) {
            log.error("ISO 18626 {} for order {} could not be delivered to {} since {}: {}", due.type(), due.orderId(), due.peer(),
                due.createdAt(), error);
        } else {
            log.warn("ISO 18626 {} for order {} not delivered to {} yet (attempt {}): {}", due.type(), due.orderId(), due.peer(),
                due.attempts() + 1, error);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
