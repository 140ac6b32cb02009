package dk.fjernlaan.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The VIP part of the automated-ILL settings (everything but the age thresholds). */
@Repository
class AutomationSettingsRepository {

    /** A stored row: the settings without thresholds. */
    record Row(String agencyId, int materialType, Participation willSend, List<String> lenders, boolean reserve,
               Participation ownMaterial, int ownProfile, boolean willReceive, LoanRules loanRules) {

        Row(String agencyId, int materialType, Participation willSend, List<String> lenders, boolean reserve,
            Participation ownMaterial, int ownProfile, boolean willReceive) {
            this(agencyId, materialType, willSend, lenders, reserve, ownMaterial, ownProfile, willReceive, LoanRules.DEFAULT);
        }
    }

    /** The stored rows of one material type, kept in memory: read by every decision, changed seldom. */
    private record Cached(Map<String, Row> rows, long loadedAt) {}

    private static final long CACHE_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    private final JdbcClient jdbc;
    private final Map<Integer, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    AutomationSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Map<String, Row> rowsOf(int materialType) {
        Cached cached = cache.get(materialType);
        if (cached == null || System.nanoTime() - cached.loadedAt() > CACHE_NANOS) {
            Map<String, Row> rows = new HashMap<>();
            jdbc.sql("SELECT * FROM automation_settings WHERE material_type = ?").param(materialType)
                .query(AutomationSettingsRepository::row).list().forEach(r -> rows.put(r.agencyId(), r));
            cached = new Cached(Map.copyOf(rows), System.nanoTime());
            cache.put(materialType, cached);
        }
        return cached.rows();
    }

    Optional<Row> find(String agencyId, int materialType) {
        return Optional.ofNullable(rowsOf(materialType).get(agencyId));
    }

    Map<String, Row> find(Collection<String> agencyIds, int materialType) {
        Map<String, Row> all = rowsOf(materialType);
        Map<String, Row> rows = new HashMap<>();
        for (String id : agencyIds) {
            Row r = all.get(id);
            if (r != null) {
                rows.put(id, r);
            }
        }
        return rows;
    }

    boolean exists(String agencyId, int materialType) {
        return find(agencyId, materialType).isPresent();
    }

    /** Forgets the rows kept in memory; the next read loads them again. */
    void forget() {
        cache.clear();
    }

    void save(Row r, String user, OffsetDateTime now) {
        forget();
        String lenders = r.lenders() == null ? null : String.join(",", r.lenders());
        int updated = jdbc.sql("""
                UPDATE automation_settings SET will_send = ?, lenders = ?, reserve = ?, own_material = ?, own_profile = ?,
                    will_receive = ?, allow_forwarding = ?, renewal_days = ?, max_renewals = ?, updated_at = ?, updated_by = ?
                WHERE agency_id = ? AND material_type = ?""")
            .params(r.willSend().name(), lenders, r.reserve(), r.ownMaterial().name(), r.ownProfile(), r.willReceive(),
                r.loanRules().allowForwarding(), r.loanRules().renewalDays(), r.loanRules().maxRenewals(), now, user,
                r.agencyId(), r.materialType())
            .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO automation_settings (agency_id, material_type, will_send, lenders, reserve, own_material, own_profile,
                        will_receive, allow_forwarding, renewal_days, max_renewals, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.agencyId(), r.materialType(), r.willSend().name(), lenders, r.reserve(), r.ownMaterial().name(),
                    r.ownProfile(), r.willReceive(), r.loanRules().allowForwarding(), r.loanRules().renewalDays(),
                    r.loanRules().maxRenewals(), now, user)
                .update();
        }
        // after commit too, so that no reader keeps the rows of before the change
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        forget();
                    }
                });
        }
    }

    /** Takes the lock that serializes API changes of a decision table, until the transaction ends. */
    void lockDecision(String decisionKey) {
        jdbc.sql("SELECT decision_key FROM decision_edit_lock WHERE decision_key = ? FOR UPDATE").param(decisionKey)
            .query(String.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String lenders = rs.getString("lenders");
        return new Row(rs.getString("agency_id"), rs.getInt("material_type"), Participation.valueOf(rs.getString("will_send")),
            lenders == null ? null : lenders.isEmpty() ? List.of() : Arrays.asList(lenders.split(",")), rs.getBoolean("reserve"),
            Participation.valueOf(rs.getString("own_material")), rs.getInt("own_profile"), rs.getBoolean("will_receive"),
            new LoanRules(rs.getBoolean("allow_forwarding"), rs.getInt("renewal_days"), rs.getInt("max_renewals")));
    }
}
