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
               Participation ownMaterial, int ownProfile, boolean willReceive) {}

    private final JdbcClient jdbc;

    AutomationSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String agencyId, int materialType) {
        return jdbc.sql("SELECT * FROM automation_settings WHERE agency_id = ? AND material_type = ?")
            .params(agencyId, materialType).query(AutomationSettingsRepository::row).optional();
    }

    List<Row> findAll(String agencyId) {
        return jdbc.sql("SELECT * FROM automation_settings WHERE agency_id = ? ORDER BY material_type")
            .param(agencyId).query(AutomationSettingsRepository::row).list();
    }

    Map<String, Row> find(Collection<String> agencyIds, int materialType) {
        Map<String, Row> rows = new HashMap<>();
        if (agencyIds.isEmpty()) {
            return rows;
        }
        jdbc.sql("SELECT * FROM automation_settings WHERE material_type = :type AND agency_id IN (:ids)")
            .param("type", materialType).param("ids", agencyIds)
            .query(AutomationSettingsRepository::row).list()
            .forEach(r -> rows.put(r.agencyId(), r));
        return rows;
    }

    boolean exists(String agencyId, int materialType) {
        return find(agencyId, materialType).isPresent();
    }

    void save(Row r, String user, OffsetDateTime now) {
        String lenders = r.lenders() == null ? null : String.join(",", r.lenders());
        int updated = jdbc.sql("""
                UPDATE automation_settings SET will_send = ?, lenders = ?, reserve = ?, own_material = ?, own_profile = ?,
                    will_receive = ?, updated_at = ?, updated_by = ?
                WHERE agency_id = ? AND material_type = ?""")
            .params(r.willSend().name(), lenders, r.reserve(), r.ownMaterial().name(), r.ownProfile(), r.willReceive(), now, user,
                r.agencyId(), r.materialType())
            .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO automation_settings (agency_id, material_type, will_send, lenders, reserve, own_material, own_profile,
                        will_receive, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.agencyId(), r.materialType(), r.willSend().name(), lenders, r.reserve(), r.ownMaterial().name(),
                    r.ownProfile(), r.willReceive(), now, user)
                .update();
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
            Participation.valueOf(rs.getString("own_material")), rs.getInt("own_profile"), rs.getBoolean("will_receive"));
    }
}
