package dk.fjernlaan.patron;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PatronRepository {

    private final JdbcClient jdbc;

    PatronRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Patron> find(String agencyId, String patronId) {
        return jdbc.sql("SELECT * FROM patron WHERE agency_id = ? AND patron_id = ?").params(agencyId, patronId)
            .query((rs, n) -> new Patron(rs.getString("agency_id"), rs.getString("patron_id"), rs.getString("name"),
                rs.getString("email"), rs.getBigDecimal("debt_kr")))
            .optional();
    }

    boolean save(Patron p, OffsetDateTime now) {
        int updated = jdbc.sql("UPDATE patron SET name = ?, email = ?, debt_kr = ?, updated_at = ? WHERE agency_id = ? AND patron_id = ?")
            .params(p.name(), p.email(), p.debtKr(), now, p.agencyId(), p.patronId()).update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO patron (agency_id, patron_id, name, email, debt_kr, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
            .params(p.agencyId(), p.patronId(), p.name(), p.email(), p.debtKr(), now).update();
        return true;
    }

    int delete(String agencyId, String patronId) {
        return jdbc.sql("DELETE FROM patron WHERE agency_id = ? AND patron_id = ?").params(agencyId, patronId).update();
    }
}
