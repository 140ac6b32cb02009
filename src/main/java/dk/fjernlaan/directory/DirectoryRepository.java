package dk.fjernlaan.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The directory's tables: agencies, branches, lending routes, closings. */
@Repository
public class DirectoryRepository {

    private final JdbcClient jdbc;

    public DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // agencies and branches ------------------------------------------------------------------

    public Optional<Agency> findAgency(String agencyId) {
        return jdbc.sql("SELECT * FROM agency WHERE agency_id = ?").param(agencyId).query(DirectoryRepository::agency).optional();
    }

    public List<Agency> findAllAgencies() {
        return jdbc.sql("SELECT * FROM agency ORDER BY agency_id").query(DirectoryRepository::agency).list();
    }

    public List<Agency> findAgencies(String type, String nameContains, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM agency
                WHERE (CAST(:type AS VARCHAR(10)) IS NULL OR agency_type = :type)
                  AND (CAST(:name AS VARCHAR(200)) IS NULL OR LOWER(name) LIKE :name)
                ORDER BY agency_id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
            .param("type", type)
            .param("name", nameContains == null ? null : "%" + nameContains.toLowerCase() + "%")
            .param("offset", offset).param("limit", limit)
            .query(DirectoryRepository::agency).list();
    }

    public Optional<Branch> findBranch(String branchId) {
        return jdbc.sql("SELECT * FROM branch WHERE branch_id = ?").param(branchId).query(DirectoryRepository::branch).optional();
    }

    public List<Branch> findBranches(String agencyId) {
        return jdbc.sql("SELECT * FROM branch WHERE agency_id = ? ORDER BY branch_id").param(agencyId).query(DirectoryRepository::branch).list();
    }

    public List<Branch> findAllBranches() {
        return jdbc.sql("SELECT * FROM branch ORDER BY branch_id").query(DirectoryRepository::branch).list();
    }

    public long countBranches() {
        return jdbc.sql("SELECT COUNT(*) FROM branch").query(Long.class).single();
    }

    /** Agencies with at least one branch that receives ILL requests: the libraries that lend. */
    public List<Agency> findLendingAgencies() {
        return jdbc.sql("""
                SELECT * FROM agency a WHERE EXISTS
                  (SELECT 1 FROM branch b WHERE b.agency_id = a.agency_id AND b.will_receive_ill = TRUE)
                ORDER BY a.agency_id""").query(DirectoryRepository::agency).list();
    }

    public void insertAgency(Agency a) {
        jdbc.sql("""
                INSERT INTO agency (agency_id, name, agency_type, central_library, central_library_area_of, municipality_code, in_snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(a.agencyId(), a.name(), a.type().name(), a.centralLibrary(), a.centralLibraryAreaOf(), a.municipalityCode(), a.inSnapshot())
            .update();
    }

    public void insertBranch(Branch b, LocalDate lastUpdated) {
        jdbc.sql("""
                INSERT INTO branch (branch_id, agency_id, name, isil, junction, drop_off_branch, route_number,
                                    national_delivery_service, will_receive_ill, pickup_allowed, last_updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(b.branchId(), b.agencyId(), b.name(), b.isil(), b.junction(), b.dropOffBranch(), b.routeNumber(),
                b.nationalDeliveryService(), b.willReceiveIll(), b.pickupAllowed(), lastUpdated)
            .update();
    }

    public void insertMunicipality(String code, String name, String agencyId, String region, String centralLibrary) {
        jdbc.sql("INSERT INTO municipality VALUES (?, ?, ?, ?, ?)").params(code, name, agencyId, region, centralLibrary).update();
    }

    public long countMunicipalities() {
        return jdbc.sql("SELECT COUNT(*) FROM municipality").query(Long.class).single();
    }

    public int updateRouteNumber(String branchId, String routeNumber) {
        return jdbc.sql("UPDATE branch SET route_number = ? WHERE branch_id = ?").params(routeNumber, branchId).update();
    }

    // lending routes ---------------------------------------------------------------------------

    public Optional<LendingRoute> findRoute(String agencyId) {
        return jdbc.sql("SELECT * FROM lending_route WHERE agency_id = ?").param(agencyId)
            .query((rs, n) -> new LendingRoute(rs.getString("agency_id"), split(rs.getString("agency_ids")),
                rs.getInt("reorderable_count"), rs.getBoolean("customized")))
            .optional();
    }

    public List<String> findAgenciesWithRoute() {
        return jdbc.sql("SELECT agency_id FROM lending_route").query(String.class).list();
    }

    public void insertRoute(LendingRoute route, OffsetDateTime now) {
        jdbc.sql("INSERT INTO lending_route (agency_id, agency_ids, reorderable_count, customized, updated_at) VALUES (?, ?, ?, ?, ?)")
            .params(route.agencyId(), String.join(",", route.agencyIds()), route.reorderableCount(), route.customized(), now)
            .update();
    }

    public void updateRoute(LendingRoute route, OffsetDateTime now) {
        jdbc.sql("UPDATE lending_route SET agency_ids = ?, reorderable_count = ?, customized = ?, updated_at = ? WHERE agency_id = ?")
            .params(String.join(",", route.agencyIds()), route.reorderableCount(), route.customized(), now, route.agencyId())
            .update();
    }

    // closings ---------------------------------------------------------------------------------

    public long insertClosure(String agencyId, ClosureScope scope, LocalDate from, LocalDate to, String reason,
                              List<String> branchIds, String createdBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO closure (agency_id, scope, from_date, to_date, reason, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(agencyId, scope.name(), from, to, reason, now, createdBy)
            .update(keys, "closure_id");
        long id = keys.getKey().longValue();
        for (String branchId : branchIds) {
            jdbc.sql("INSERT INTO closure_branch (closure_id, branch_id) VALUES (?, ?)").params(id, branchId).update();
        }
        return id;
    }

    public Optional<Closure> findClosure(long closureId) {
        List<Closure> found = closures("WHERE c.closure_id = :id", "id", closureId);
        return found.stream().findFirst();
    }

    public List<Closure> findClosures(String agencyId) {
        return closures("WHERE c.agency_id = :agency", "agency", agencyId);
    }

    /** Closings in force on the day that touch any of the branches. */
    public List<Closure> findActiveClosuresOfBranches(Collection<String> branchIds, LocalDate day) {
        if (branchIds.isEmpty()) {
            return List.of();
        }
        // few closings are open at any time: read them all and keep those that touch the branches
        java.util.Set<String> asked = new java.util.HashSet<>(branchIds);
        return closures("WHERE c.reopened_at IS NULL AND c.from_date <= :day AND c.to_date >= :day", "day", day).stream()
            .filter(c -> c.branchIds().stream().anyMatch(asked::contains))
            .toList();
    }

    public int reopen(long closureId, OffsetDateTime now) {
        return jdbc.sql("UPDATE closure SET reopened_at = ? WHERE closure_id = ? AND reopened_at IS NULL").params(now, closureId).update();
    }

    private List<Closure> closures(String where, String name, Object param) {
        Map<Long, Closure> byId = new LinkedHashMap<>();
        Map<Long, List<String>> branches = new LinkedHashMap<>();
        jdbc.sql("SELECT c.*, cb.branch_id FROM closure c JOIN closure_branch cb ON cb.closure_id = c.closure_id "
                + where + " ORDER BY c.closure_id, cb.branch_id")
            .param(name, param)
            .query(rs -> {
                long id = rs.getLong("closure_id");
                branches.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("branch_id"));
                if (!byId.containsKey(id)) {
                    OffsetDateTime reopened = rs.getObject("reopened_at", OffsetDateTime.class);
                    byId.put(id, new Closure(id, rs.getString("agency_id"), ClosureScope.valueOf(rs.getString("scope")),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                        rs.getString("reason"), List.of(), reopened == null ? null : reopened.toInstant()));
                }
            });
        List<Closure> result = new ArrayList<>();
        byId.forEach((id, c) -> result.add(new Closure(c.closureId(), c.agencyId(), c.scope(), c.from(), c.to(), c.reason(),
            List.copyOf(branches.get(id)), c.reopenedAt())));
        return result;
    }

    // mapping ----------------------------------------------------------------------------------

    private static Agency agency(ResultSet rs, int n) throws SQLException {
        return new Agency(rs.getString("agency_id"), rs.getString("name"), AgencyType.valueOf(rs.getString("agency_type")),
            rs.getBoolean("central_library"), rs.getString("central_library_area_of"), rs.getString("municipality_code"),
            rs.getBoolean("in_snapshot"));
    }

    private static Branch branch(ResultSet rs, int n) throws SQLException {
        return new Branch(rs.getString("branch_id"), rs.getString("agency_id"), rs.getString("name"), rs.getString("isil"),
            rs.getString("junction"), rs.getString("drop_off_branch"), rs.getString("route_number"),
            rs.getBoolean("national_delivery_service"), rs.getBoolean("will_receive_ill"), rs.getBoolean("pickup_allowed"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
