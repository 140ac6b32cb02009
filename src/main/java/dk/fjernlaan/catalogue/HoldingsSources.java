package dk.fjernlaan.catalogue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.security.AccessPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The libraries' holdings sources, set by the library's staff, an integration or an administrator. The libraries
 * asked live are kept in memory for a few seconds (each decision needs them), so a change counts on every node
 * within that time.
 */
@Service
public class HoldingsSources {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private volatile Map<String, HoldingsSource> live;
    private volatile long liveSince;

    HoldingsSources(JdbcClient jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public HoldingsSource get(String agencyId) {
        directory.agency(agencyId);
        return jdbc.sql("SELECT * FROM holdings_source WHERE agency_id = ?").param(agencyId).query(HoldingsSources::source).optional()
            .orElse(HoldingsSource.embedded(agencyId));
    }

    @Transactional
    public HoldingsSource put(HoldingsSource source) {
        directory.agency(source.agencyId());
        AccessPolicy.requireAgency(source.agencyId());
        check(source);
        jdbc.sql("DELETE FROM holdings_source WHERE agency_id = ?").param(source.agencyId()).update();
        if (source.kind() == HoldingsSource.Kind.ISO20775) {
            jdbc.sql("INSERT INTO holdings_source (agency_id, kind, url, timeout_ms) VALUES (?, ?, ?, ?)")
                .params(source.agencyId(), source.kind().name(), source.url(), source.timeoutMs()).update();
        }
        live = null;
        return get(source.agencyId());
    }

    /** The libraries asked live (ISO 20775), by agency. */
    public Map<String, HoldingsSource> live() {
        Map<String, HoldingsSource> known = live;
        if (known == null || System.nanoTime() - liveSince > FRESH_FOR.toNanos()) {
            known = jdbc.sql("SELECT * FROM holdings_source WHERE kind = 'ISO20775'").query(HoldingsSources::source).list().stream()
                .collect(Collectors.toUnmodifiableMap(HoldingsSource::agencyId, Function.identity()));
            live = known;
            liveSince = System.nanoTime();
        }
        return known;
    }

    private static void check(HoldingsSource source) {
        List<FieldProblem> problems = new ArrayList<>();
        if (source.kind() == null) {
            problems.add(FieldProblem.of("kind", "problem.required"));
        } else if (source.kind() == HoldingsSource.Kind.ISO20775) {
            if (source.url() == null || source.url().isBlank()) {
                problems.add(FieldProblem.of("url", "problem.requiredWith", "ISO20775"));
            } else if (source.url().length() > 500 || !isHttp(source.url())) {
                problems.add(FieldProblem.of("url", "problem.peer.address"));
            }
            if (source.timeoutMs() == null) {
                problems.add(FieldProblem.of("timeoutMs", "problem.requiredWith", "ISO20775"));
            } else if (source.timeoutMs() < HoldingsSource.MIN_TIMEOUT_MS || source.timeoutMs() > HoldingsSource.MAX_TIMEOUT_MS) {
                problems.add(FieldProblem.of("timeoutMs", "problem.holdings.timeout", HoldingsSource.MIN_TIMEOUT_MS, HoldingsSource.MAX_TIMEOUT_MS));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInput.of(problems);
        }
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getRawQuery() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static HoldingsSource source(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new HoldingsSource(rs.getString("agency_id"), HoldingsSource.Kind.valueOf(rs.getString("kind")), rs.getString("url"),
            (Integer) rs.getObject("timeout_ms", Integer.class));
    }
}
