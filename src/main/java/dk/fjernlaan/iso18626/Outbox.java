package dk.fjernlaan.iso18626;

import dk.fjernlaan.iso18626.xml.IsoMessage;
import dk.fjernlaan.iso18626.xml.IsoWriter;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A message to a peer goes into the log as {@code PENDING} in the transaction of the step that causes it, and is
 * delivered when that transaction has committed (or later, when the peer is away): never lost with a step that
 * rolls back, never sent for a step that did not happen.
 */
@Component
class Outbox {

    /**
     * Stands for the peer's security code in a message as it is kept: the code is put in when the message is
     * delivered (the peer's code then), and is never stored or listed.
     */
    static final String SECURITY_CODE = "@@securityCode@@";

    private final MessageLog log;
    private final PeerDelivery delivery;
    private final IsoWriter writer;

    Outbox(MessageLog log, PeerDelivery delivery, FjernlaanClock clock) {
        this.log = log;
        this.delivery = delivery;
        this.writer = new IsoWriter(clock.zone());
    }

    /** Writes the message to the peer; its header carries {@link #SECURITY_CODE}, not the code. */
    void send(long orderId, Peer peer, IsoMessage message) {
        log.queued(orderId, peer.symbol(), message.type(), writer.write(message, peer.version()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.soon(orderId);
                }
            });
        } else {
            delivery.soon(orderId);
        }
    }
}
