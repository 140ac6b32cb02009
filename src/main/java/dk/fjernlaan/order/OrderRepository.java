package dk.fjernlaan.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The orders, their history and the idempotency keys. Within one transaction an order is read once and written
 * once: the first read is kept for the rest of the transaction, and changes are written when it commits (with the
 * version check that refuses a change made meanwhile by someone else). Queries see the transaction's changes.
 */
@Repository
public class OrderRepository {

    public record IdempotentRequest(String requestHash, long orderId) {}

    /** The orders one transaction has read, and those it has changed. */
    private final class Unit implements TransactionSynchronization {
        final Map<Long, IllOrder> read = new HashMap<>();
        final Map<Long, IllOrder> changed = new LinkedHashMap<>();

        @Override
        public void flush() {
            for (IllOrder order : new ArrayList<>(changed.values())) {
                heard(order);
                table.update(order);
            }
            changed.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OrderRepository.this);
        }
    }

    private final OrderTable table;
    private final ObjectProvider<OrderListener> listeners;

    OrderRepository(OrderTable table, ObjectProvider<OrderListener> listeners) {
        this.table = table;
        this.listeners = listeners;
    }

    /** The listeners hear the order's new events before they are written. */
    private void heard(IllOrder order) {
        List<OrderEvent> events = order.newEvents();
        if (!events.isEmpty()) {
            listeners.orderedStream().forEach(l -> l.saved(order, events));
        }
    }

    /** The unit of the current transaction (none outside of one: then every call goes to the table at once). */
    private Unit unit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Unit unit = (Unit) TransactionSynchronizationManager.getResource(this);
        if (unit == null) {
            unit = new Unit();
            TransactionSynchronizationManager.bindResource(this, unit);
            TransactionSynchronizationManager.registerSynchronization(unit);
        }
        return unit;
    }

    /** Writes what the transaction has changed, so that a query or a lock sees it. */
    private Unit flushed() {
        Unit unit = unit();
        if (unit != null) {
            unit.flush();
        }
        return unit;
    }

    private IllOrder kept(Unit unit, IllOrder order) {
        if (unit == null) {
            return order;
        }
        IllOrder earlier = unit.read.putIfAbsent(order.orderId(), order);
        return earlier == null ? order : earlier;
    }

    private List<IllOrder> kept(Unit unit, List<IllOrder> orders) {
        return orders.stream().map(o -> kept(unit, o)).toList();
    }

    public long nextOrderNumber() {
        return table.nextOrderNumber();
    }

    public void insert(IllOrder order) {
        heard(order);
        table.insert(order);
        Unit unit = unit();
        if (unit != null) {
            unit.read.put(order.orderId(), order);
        }
    }

    /** Saves the order's state and new events (when the transaction commits); fails when someone else saved it since it was read. */
    public void update(IllOrder order) {
        Unit unit = unit();
        if (unit == null) {
            heard(order);
            table.update(order);
        } else {
            unit.read.put(order.orderId(), order);
            unit.changed.put(order.orderId(), order);
        }
    }

    /** The order a system knows by its own id (a peer's request id), for the library it came from. */
    public Optional<IllOrder> findExternal(OrderSystem system, String borrowerAgencyId, String externalId) {
        flushed();
        return table.findExternal(system, borrowerAgencyId, externalId).map(o -> kept(unit(), o));
    }

    public Optional<IllOrder> find(long orderId) {
        Unit unit = unit();
        if (unit != null && unit.read.containsKey(orderId)) {
            return Optional.of(unit.read.get(orderId));
        }
        return table.find(orderId).map(o -> kept(unit, o));
    }

    /** The order as it is now, its row locked until the transaction ends (a second caller waits). */
    public Optional<IllOrder> findForUpdate(long orderId) {
        Unit unit = flushed();
        Optional<IllOrder> locked = table.findForUpdate(orderId);
        if (unit != null) {
            locked.ifPresent(o -> unit.read.put(orderId, o));
        }
        return locked;
    }

    /** Locks the order's row until the transaction ends and answers its status as it is now. */
    public Optional<OrderStatus> lockStatus(long orderId) {
        flushed();
        return table.lockStatus(orderId);
    }

    public List<IllOrder> find(String borrowerAgencyId, String lenderAgencyId, List<OrderStatus> statuses, int offset, int limit) {
        Unit unit = flushed();
        return kept(unit, table.find(borrowerAgencyId, lenderAgencyId, statuses, offset, limit));
    }

    public long count(String borrowerAgencyId, String lenderAgencyId, List<OrderStatus> statuses) {
        flushed();
        return table.count(borrowerAgencyId, lenderAgencyId, statuses);
    }

    /**
     * Open orders for a work that could use an item of this lender: asked from the lender and not yet supplied,
     * or with no lender yet. Earliest need-before date first.
     */
    public List<IllOrder> findWaitingFor(String workId, String lenderAgencyId, long exceptOrderId) {
        Unit unit = flushed();
        return kept(unit, table.findWaitingFor(workId, lenderAgencyId, exceptOrderId));
    }

    /** A lender's items out on ILL: orders it supplied whose item has not come back. */
    public List<IllOrder> findItemsOut(String lenderAgencyId) {
        Unit unit = flushed();
        return kept(unit, table.findItemsOut(lenderAgencyId));
    }

    public boolean existsOpenFor(String agencyId, String patronId, List<OrderStatus> openStatuses) {
        flushed();
        return table.existsOpenFor(agencyId, patronId, openStatuses);
    }

    public List<OrderEvent> events(long orderId) {
        flushed();
        return table.events(orderId);
    }

    public Optional<IdempotentRequest> findIdempotencyKey(String clientId, String key) {
        return table.findIdempotencyKey(clientId, key);
    }

    public void insertIdempotencyKey(String clientId, String key, String requestHash, long orderId, Instant now) {
        table.insertIdempotencyKey(clientId, key, requestHash, orderId, now);
    }
}
