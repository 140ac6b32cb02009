package dk.fjernlaan.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records and holdings: the embedded catalogue (in production fed from the national and local systems). */
@Repository
public class CatalogueRepository {

    private final JdbcClient jdbc;

    public CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BibRecord> findRecord(String pid) {
        return jdbc.sql("SELECT * FROM bib_record WHERE pid = ?").param(pid).query(CatalogueRepository::record).optional();
    }

    public List<BibRecord> findRecords(Collection<String> pids) {
        if (pids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM bib_record WHERE pid IN (:pids)").param("pids", pids).query(CatalogueRepository::record).list();
    }

    public List<BibRecord> findRecordsOfWork(String workId) {
        return jdbc.sql("SELECT * FROM bib_record WHERE work_id = ? ORDER BY pid").param(workId).query(CatalogueRepository::record).list();
    }

    /** @return true when the record was new */
    public boolean saveRecord(BibRecord r, OffsetDateTime now) {
        int updated = jdbc.sql("""
                UPDATE bib_record SET work_id = ?, title = ?, author = ?, edition = ?, first_edition = ?, material_type = ?,
                       record_created = ?, bkm_week = ?, overbygning = ?, physical = ?, updated_at = ?
                WHERE pid = ?""")
            .params(r.workId(), r.title(), r.author(), r.edition(), r.firstEdition(), r.materialType(), r.recordCreated(),
                r.bkmWeek(), r.overbygning(), r.physical(), now, r.pid())
            .update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO bib_record (pid, work_id, title, author, edition, first_edition, material_type, record_created,
                                        bkm_week, overbygning, physical, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(r.pid(), r.workId(), r.title(), r.author(), r.edition(), r.firstEdition(), r.materialType(),
                r.recordCreated(), r.bkmWeek(), r.overbygning(), r.physical(), now)
            .update();
        return true;
    }

    public List<HoldingItem> findHoldings(String pid) {
        return jdbc.sql("SELECT * FROM holding_item WHERE pid = ? ORDER BY branch_id, item_id").param(pid)
            .query(CatalogueRepository::item).list();
    }

    public List<HoldingItem> findHoldings(String pid, String branchId) {
        return jdbc.sql("SELECT * FROM holding_item WHERE pid = ? AND branch_id = ? ORDER BY item_id").params(pid, branchId)
            .query(CatalogueRepository::item).list();
    }

    public List<String> findHolderBranches(Collection<String> pids) {
        if (pids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT branch_id FROM holding_item WHERE pid IN (:pids)").param("pids", pids)
            .query(String.class).list();
    }

    public List<HoldingItem> findHoldingsOfPids(Collection<String> pids) {
        if (pids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM holding_item WHERE pid IN (:pids) ORDER BY branch_id, pid, item_id").param("pids", pids)
            .query(CatalogueRepository::item).list();
    }

    public void replaceHoldings(String pid, String branchId, List<HoldingItem> items) {
        jdbc.sql("DELETE FROM holding_item WHERE pid = ? AND branch_id = ?").params(pid, branchId).update();
        for (HoldingItem item : items) {
            jdbc.sql("INSERT INTO holding_item (pid, branch_id, item_id, status, due_date, loanable_for_ill, reservation_queue) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(pid, branchId, item.itemId(), item.status().name(), item.dueDate(), item.loanableForIll(), item.reservationQueue())
                .update();
        }
    }

    private static BibRecord record(ResultSet rs, int n) throws SQLException {
        return new BibRecord(rs.getString("pid"), rs.getString("work_id"), rs.getString("title"), rs.getString("author"),
            rs.getString("edition"), rs.getBoolean("first_edition"), rs.getInt("material_type"),
            rs.getObject("record_created", LocalDate.class), rs.getString("bkm_week"), rs.getBoolean("overbygning"),
            rs.getBoolean("physical"));
    }

    private static HoldingItem item(ResultSet rs, int n) throws SQLException {
        return new HoldingItem(rs.getString("pid"), rs.getString("branch_id"), rs.getString("item_id"),
            ItemStatus.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class), rs.getBoolean("loanable_for_ill"),
            rs.getObject("reservation_queue", Integer.class));
    }
}
