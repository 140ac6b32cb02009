package dk.fjernlaan.iso18626;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.NotAllowed;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The peers: registered, changed and removed by administrators and integrations; looked up by symbol and library. */
@Service
public class Peers {

    /** {@code TYPE:VALUE}, e.g. {@code ISIL:DK-820010}. */
    public static final String SYMBOL = "[A-Za-z0-9]{1,20}:[A-Za-z0-9._/-]{1,39}";

    /** A peer as shown: without its security code, with its delivery state. */
    public record PeerState(Peer peer, long pendingMessages, String lastError, OffsetDateTime lastErrorAt) {}

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final FjernlaanClock clock;

    Peers(JdbcClient jdbc, DirectoryService directory, FjernlaanClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public Peer put(Peer peer) {
        mayManage();
        check(peer);
        if (peer.agencyId() != null) {
            Optional<Peer> other = forAgency(peer.agencyId()).filter(p -> !p.symbol().equals(peer.symbol()));
            if (other.isPresent()) {
                throw Unacceptable.field("agencyId", "problem.peer.agencyTaken", peer.agencyId(), other.get().symbol());
            }
        }
        int changed = jdbc.sql("""
                UPDATE iso18626_peer SET name = ?, address = ?, account_id = ?, security_code = ?, version = ?, agency_id = ?
                WHERE symbol = ?""")
            .params(peer.name(), peer.address(), peer.accountId(), peer.securityCode(), peer.version(), peer.agencyId(), peer.symbol())
            .update();
        if (changed == 0) {
            jdbc.sql("""
                    INSERT INTO iso18626_peer (symbol, name, address, account_id, security_code, version, agency_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(peer.symbol(), peer.name(), peer.address(), peer.accountId(), peer.securityCode(), peer.version(), peer.agencyId())
                .update();
        }
        return peer;
    }

    @Transactional
    public void delete(String symbol) {
        mayManage();
        if (jdbc.sql("DELETE FROM iso18626_peer WHERE symbol = ?").param(symbol).update() == 0) {
            throw new NotFound("problem.peer.notFound", symbol);
        }
    }

    public List<Peer> all() {
        mayManage();
        return jdbc.sql("SELECT * FROM iso18626_peer ORDER BY symbol").query(Peers::peer).list();
    }

    public PeerState state(String symbol) {
        mayManage();
        Peer peer = find(symbol).orElseThrow(() -> new NotFound("problem.peer.notFound", symbol));
        long pending = jdbc.sql("SELECT COUNT(*) FROM iso18626_message WHERE peer = ? AND direction = 'OUT' AND status = 'PENDING'")
            .param(symbol).query(Long.class).single();
        return jdbc.sql("SELECT last_error, last_error_at FROM iso18626_peer WHERE symbol = ?").param(symbol)
            .query((rs, n) -> new PeerState(peer, pending, rs.getString("last_error"), rs.getObject("last_error_at", OffsetDateTime.class)))
            .single();
    }

    public Optional<Peer> find(String symbol) {
        return jdbc.sql("SELECT * FROM iso18626_peer WHERE symbol = ?").param(symbol).query(Peers::peer).optional();
    }

    /** The peer that stands for a Danish library: its messages go to that library's own system. */
    public Optional<Peer> forAgency(String agencyId) {
        return jdbc.sql("SELECT * FROM iso18626_peer WHERE agency_id = ?").param(agencyId).query(Peers::peer).optional();
    }

    /** What went wrong last when a message was delivered to the peer (null when it went well again). */
    void lastError(String symbol, String error) {
        jdbc.sql("UPDATE iso18626_peer SET last_error = ?, last_error_at = ? WHERE symbol = ?")
            .params(error == null ? null : InputRules.abbreviate(error, 1000), error == null ? null : clock.nowUtc(), symbol).update();
    }

    private static Peer peer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Peer(rs.getString("symbol"), rs.getString("name"), rs.getString("address"), rs.getString("account_id"),
            rs.getString("security_code"), rs.getString("version"), rs.getString("agency_id"));
    }

    private static void mayManage() {
        Actor actor = Actor.current();
        if (!actor.isAdmin() && !actor.groups().contains(Actor.SYSTEM_GROUP)) {
            throw new NotAllowed("problem.peer.onlyAdmin");
        }
    }

    private void check(Peer peer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (peer.symbol() == null || !peer.symbol().matches(SYMBOL)) {
            problems.add(FieldProblem.of("symbol", "problem.peer.symbol"));
        }
        required(problems, "name", peer.name(), InputRules.NAME_LENGTH);
        required(problems, "accountId", peer.accountId(), InputRules.ID_LENGTH);
        required(problems, "securityCode", peer.securityCode(), InputRules.NAME_LENGTH);
        if (required(problems, "address", peer.address(), 500) && !isHttpAddress(peer.address())) {
            problems.add(FieldProblem.of("address", "problem.peer.address"));
        }
        if (peer.version() == null || !Set.of(Peer.VERSION_1_2, Peer.VERSION_2021).contains(peer.version())) {
            problems.add(FieldProblem.of("version", "problem.peer.version"));
        }
        if (peer.agencyId() != null && !peer.agencyId().matches(InputRules.AGENCY_ID)) {
            problems.add(FieldProblem.of("agencyId", "validation.agencyId"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems);
        }
        if (peer.agencyId() != null && directory.findAgency(peer.agencyId()).isEmpty()) {
            throw Unacceptable.field("agencyId", "problem.library.notFound", peer.agencyId());
        }
    }

    private static boolean required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "problem.required"));
            return false;
        }
        if (value.length() > max) {
            problems.add(FieldProblem.of(field, "problem.text.tooLong", max));
            return false;
        }
        return true;
    }

    private static boolean isHttpAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
