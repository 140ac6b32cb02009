package dk.fjernlaan.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fjernlaan.automation.Automation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** The order table, its history and the idempotency keys, in SQL; {@link OrderRepository} is its face. */
@Component
class OrderTable {

    private final JdbcClient jdbc;
    private final OrderJson json;
    private final DataFieldMaxValueIncrementer orderNumbers;

    OrderTable(JdbcClient jdbc, ObjectMapper json, DataFieldMaxValueIncrementer orderNumbers) {
        this.jdbc = jdbc;
        this.json = new OrderJson(json);
        this.orderNumbers = orderNumbers;
    }

    long nextOrderNumber() {
        return orderNumbers.nextLongValue();
    }

    void insert(IllOrder o) {
        jdbc.sql("""
                INSERT INTO ill_order (order_id, status, pickup_branch_id, borrower_agency_id, patron_id, pids, ordered_pid, work_id,
                    material_type, need_before_date, order_system, responder_id, exact_edition, automated,
                    lender_branch_id, lender_agency_id, lender_answer, expected_delivery, due_date, warnings, close_reason,
                    created_by, created_at, updated_at, external_id, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
            .params(o.orderId(), o.status().name(), o.pickupBranchId(), o.borrowerAgencyId(), o.patronId(), String.join(",", o.pids()),
                o.orderedPid(), o.workId(), o.materialType(), o.needBeforeDate(), o.orderSystem().name(), o.responderId(),
                o.exactEdition(), o.automated(), o.lenderBranchId(), o.lenderAgencyId(), o.lenderAnswer(),
                o.expectedDelivery(), o.dueDate(), json.write(o.warnings()), o.closeReason(), o.createdBy(), utc(o.createdAt()),
                utc(o.updatedAt()), o.externalId())
            .update();
        saveAutomation(o);
        insertEvents(o);
        o.clearNewEvents(0);
    }

    private void saveAutomation(IllOrder o) {
        if (!o.automationChanged() || o.automation() == null) {
            return;
        }
        String packed = Gzipped.pack(json.write(o.automation()));
        if (jdbc.sql("UPDATE order_automation SET automation = ? WHERE order_id = ?").params(packed, o.orderId()).update() == 0) {
            jdbc.sql("INSERT INTO order_automation (order_id, automation) VALUES (?, ?)").params(o.orderId(), packed).update();
        }
    }

    private Automation automation(long orderId) {
        return jdbc.sql("SELECT automation FROM order_automation WHERE order_id = ?").param(orderId).query(String.class).optional()
            .map(stored -> json.read(Gzipped.unpack(stored), Automation.class)).orElse(null);
    }

    /** Saves the order's state and new events; fails when someone else saved it since it was read. */
    void update(IllOrder o) {
        int updated;
        LentItem item = o.item();
        saveAutomation(o);
        updated = jdbc.sql("""
                UPDATE ill_order SET status = ?, automated = ?, lender_branch_id = ?, lender_agency_id = ?,
                    lender_answer = ?, expected_delivery = ?, due_date = ?, close_reason = ?, lender_attempts = ?, updated_at = ?,
                    item_id = ?, shipment = ?, pickup_by = ?, patron_due_date = ?, renewals = ?, forwarded_to = ?, forwarded_from = ?,
                    version = version + 1
                WHERE order_id = ? AND version = ?""")
            .params(o.status().name(), o.automated(), o.lenderBranchId(), o.lenderAgencyId(),
                o.lenderAnswer(), o.expectedDelivery(), o.dueDate(), o.closeReason(),
                o.attempts().isEmpty() ? null : json.write(o.attempts()), utc(o.updatedAt()),
                item.itemId(), json.write(item.shipment()), item.pickupBy(), item.patronDueDate(), item.renewals(), item.forwardedTo(),
                item.forwardedFrom(),
                o.orderId(), o.version())
            .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Order " + o.orderId() + " was changed concurrently");
        }
        insertEvents(o);
        o.clearNewEvents(o.version() + 1);
    }

    Optional<IllOrder> find(long orderId) {
        return jdbc.sql("SELECT * FROM ill_order WHERE order_id = ?").param(orderId).query(this::order).optional();
    }

    Optional<IllOrder> findExternal(OrderSystem system, String borrowerAgencyId, String externalId) {
        return jdbc.sql("SELECT * FROM ill_order WHERE order_system = ? AND borrower_agency_id = ? AND external_id = ?")
            .params(system.name(), borrowerAgencyId, externalId).query(this::order).optional();
    }

    List<IllOrder> find(String borrowerAgencyId, String lenderAgencyId, List<OrderStatus> statuses, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ill_order WHERE 1 = 1");
        Map<String, Object> params = filters(sql, borrowerAgencyId, lenderAgencyId, statuses);
        sql.append(" ORDER BY order_id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY");
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::order).list();
    }

    long count(String borrowerAgencyId, String lenderAgencyId, List<OrderStatus> statuses) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ill_order WHERE 1 = 1");
        Map<String, Object> params = filters(sql, borrowerAgencyId, lenderAgencyId, statuses);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * Open orders for a work that could use an item of this lender: asked from the lender and not yet supplied,
     * or with no lender yet. Earliest need-before date first.
     */
    List<IllOrder> findWaitingFor(String workId, String lenderAgencyId, long exceptOrderId) {
        return jdbc.sql("""
                SELECT * FROM ill_order WHERE work_id = :work AND order_id <> :except AND (
                    (lender_agency_id = :lender AND status IN ('SENT_TO_LENDER', 'WILL_SUPPLY', 'EXPECT_TO_SUPPLY'))
                    OR status IN ('RECEIVED', 'AWAITING_MANUAL'))
                ORDER BY need_before_date, order_id""")
            .param("work", workId).param("lender", lenderAgencyId).param("except", exceptOrderId)
            .query(this::order).list();
    }

    /** The order as it is now, its row locked until the transaction ends (a second caller waits). */
    Optional<IllOrder> findForUpdate(long orderId) {
        return jdbc.sql("SELECT * FROM ill_order WHERE order_id = ? FOR UPDATE").param(orderId).query(this::order).optional();
    }

    /** Locks the order's row until the transaction ends and answers its status as it is now. */
    Optional<OrderStatus> lockStatus(long orderId) {
        return jdbc.sql("SELECT status FROM ill_order WHERE order_id = ? FOR UPDATE").param(orderId)
            .query(String.class).optional().map(OrderStatus::valueOf);
    }

    /** A lender's items out on ILL: orders it supplied whose item has not come back. */
    List<IllOrder> findItemsOut(String lenderAgencyId) {
        return jdbc.sql("""
                SELECT * FROM ill_order WHERE lender_agency_id = ? AND status IN ('SHIPPED', 'AT_PICKUP', 'ON_LOAN', 'RETURN_SHIPPED')
                ORDER BY order_id""")
            .param(lenderAgencyId).query(this::order).list();
    }

    boolean existsOpenFor(String agencyId, String patronId, List<OrderStatus> openStatuses) {
        return jdbc.sql("SELECT COUNT(*) FROM ill_order WHERE borrower_agency_id = :a AND patron_id = :p AND status IN (:s)")
            .param("a", agencyId).param("p", patronId).param("s", openStatuses.stream().map(Enum::name).toList())
            .query(Long.class).single() > 0;
    }

    List<OrderEvent> events(long orderId) {
        return jdbc.sql("SELECT * FROM order_event WHERE order_id = ? ORDER BY event_id").param(orderId)
            .query((rs, n) -> new OrderEvent(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("event"),
                json.facts(rs.getString("args")), rs.getString("actor")))
            .list();
    }

    // idempotency ------------------------------------------------------------------------------

    Optional<OrderRepository.IdempotentRequest> findIdempotencyKey(String clientId, String key) {
        return jdbc.sql("SELECT request_hash, order_id FROM idempotency_key WHERE client_id = ? AND idempotency_key = ?")
            .params(clientId, key)
            .query((rs, n) -> new OrderRepository.IdempotentRequest(rs.getString("request_hash"), rs.getLong("order_id")))
            .optional();
    }

    void insertIdempotencyKey(String clientId, String key, String requestHash, long orderId, Instant now) {
        jdbc.sql("INSERT INTO idempotency_key (client_id, idempotency_key, request_hash, order_id, created_at) VALUES (?, ?, ?, ?, ?)")
            .params(clientId, key, requestHash, orderId, utc(now))
            .update();
    }

    // mapping ----------------------------------------------------------------------------------

    private Map<String, Object> filters(StringBuilder sql, String borrower, String lender, List<OrderStatus> statuses) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (borrower != null) {
            sql.append(" AND borrower_agency_id = :borrower");
            params.put("borrower", borrower);
        }
        if (lender != null) {
            sql.append(" AND lender_agency_id = :lender");
            params.put("lender", lender);
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND status IN (:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        return params;
    }

    private void insertEvents(IllOrder o) {
        for (OrderEvent e : o.newEvents()) {
            jdbc.sql("INSERT INTO order_event (order_id, occurred_at, event, args, actor) VALUES (?, ?, ?, ?, ?)")
                .params(o.orderId(), utc(e.at()), e.event(), json.eventArgs(e.args()), e.actor())
                .update();
        }
    }

    private IllOrder order(ResultSet rs, int n) throws SQLException {
        IllOrder o = new IllOrder(rs.getLong("order_id"), OrderStatus.valueOf(rs.getString("status")), rs.getString("pickup_branch_id"),
            rs.getString("borrower_agency_id"), rs.getString("patron_id"), Arrays.asList(rs.getString("pids").split(",")),
            rs.getString("work_id"), rs.getInt("material_type"), rs.getObject("need_before_date", LocalDate.class),
            OrderSystem.valueOf(rs.getString("order_system")), rs.getString("responder_id"), rs.getBoolean("exact_edition"),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version")).knownAs(rs.getString("external_id"));
        long orderId = o.orderId();
        o.restore(rs.getBoolean("automated"), () -> automation(orderId),
            rs.getString("lender_branch_id"),
            rs.getString("lender_agency_id"), rs.getString("lender_answer"), rs.getObject("expected_delivery", LocalDate.class),
            rs.getObject("due_date", LocalDate.class), json.warnings(rs.getString("warnings")), rs.getString("close_reason"),
            json.attempts(rs.getString("lender_attempts")));
        o.item().restore(rs.getString("item_id"), json.read(rs.getString("shipment"), dk.fjernlaan.courier.Shipment.class),
            rs.getObject("pickup_by", LocalDate.class), rs.getObject("patron_due_date", LocalDate.class), rs.getInt("renewals"),
            (Long) rs.getObject("forwarded_to", Long.class), (Long) rs.getObject("forwarded_from", Long.class));
        return o;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
