package dk.fjernlaan.bench;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import dk.fjernlaan.automation.AutomationSettings;
import dk.fjernlaan.automation.AutomationSettingsService;
import dk.fjernlaan.automation.BorrowerSettings;
import dk.fjernlaan.automation.LenderSettings;
import dk.fjernlaan.automation.Participation;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.iso18626.PeerSimulator;
import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole life of an order between two libraries' own systems, over real HTTP with two peer simulators (each its
 * own HTTP server): the borrowing library's system sends a Request, the lending library's system gets Fjernlån's
 * Request and answers Loaned, the borrower's system says Received, then ShippedReturn, the lender's LoanCompleted;
 * each step for all orders of a round, the next step when every message of the step has been delivered. Against
 * it, in alternating rounds of the same run, the JSON API's whole life between two libraries without peers (POST,
 * WillSupply, Loaned, Received, PickedUp, Returned, LoanCompleted). Every order has a title of its own, so no
 * item is forwarded from one order to another. Run with {@code mvn -q test-compile exec:java@benchmark-iso18626}
 * ({@code -Dbench.db=postgres}, {@code -Dbench.orders=}, {@code -Dbench.rounds=}).
 */
public final class Iso18626Benchmark {

    static final String BROKER = "ISIL:DK-FJERNLAAN";
    /** Glostrup borrows from its own system from Herlev's own system; Albertslund borrows from Ballerup over JSON. */
    static final String ISO_BORROWER = "716100";
    static final String ISO_LENDER = "716300";
    static final String JSON_BORROWER = "716500";
    static final String JSON_LENDER = "715100";

    private Iso18626Benchmark() {}

    public static void main(String[] args) throws Exception {
        Benchmark.harness(app -> {
            try (PeerSimulator borrower = new PeerSimulator("ISIL:DK-" + ISO_BORROWER);
                 PeerSimulator lender = new PeerSimulator("ISIL:DK-" + ISO_LENDER)) {
                run(app, borrower, lender);
            }
        });
    }

    static void run(ConfigurableApplicationContext app, PeerSimulator borrower, PeerSimulator lender) throws Exception {
        FjernlaanClock clock = app.getBean(FjernlaanClock.class);
        CatalogueService catalogue = app.getBean(CatalogueService.class);
        AutomationSettingsService settings = app.getBean(AutomationSettingsService.class);
        PatronService patrons = app.getBean(PatronService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String endpoint = "http://127.0.0.1:" + port + "/iso18626";
        LocalDate today = clock.today();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Benchmark.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        for (String agency : List.of(ISO_BORROWER, ISO_LENDER, JSON_BORROWER, JSON_LENDER)) {
            settings.update(agency, new AutomationSettings(1, new BorrowerSettings(Participation.YES, 0, null, true, Participation.NO, 1),
                new LenderSettings(true, 0), null));
        }
        patrons.save(new Patron(JSON_BORROWER, "BENCH", "Bench Låner", "bench@example.org", BigDecimal.ZERO));
        put(http, port, auth, "/api/peers/" + borrower.symbol(), peer(borrower, "bench-borrower", ISO_BORROWER));
        put(http, port, auth, "/api/peers/" + lender.symbol(), peer(lender, "bench-lender", ISO_LENDER));

        int rounds = Integer.getInteger("bench.rounds", 3);
        int batch = Integer.getInteger("bench.orders", 600) / rounds;
        List<Double> iso = new ArrayList<>();
        List<Double> json = new ArrayList<>();
        int[] sequence = {0};
        // warm both up
        isoLife(jdbc, catalogue, borrower, lender, endpoint, today, 100, sequence);
        jsonLife(http, port, auth, jdbc, catalogue, today, 100, sequence);
        for (int round = 1; round <= rounds; round++) {
            json.add(jsonLife(http, port, auth, jdbc, catalogue, today, batch, sequence));
            iso.add(isoLife(jdbc, catalogue, borrower, lender, endpoint, today, batch, sequence));
            System.out.printf("Round %d: ISO 18626 whole life %.1f orders/s; JSON API whole life %.1f orders/s%n", round,
                iso.get(round - 1), json.get(round - 1));
        }
        long errors = jdbc.sql("SELECT COUNT(*) FROM iso18626_message WHERE status = 'ERROR'").query(Long.class).single();
        Thread.sleep(2000);
        List<String> pending = jdbc.sql("SELECT type || ' ' || direction FROM iso18626_message WHERE status = 'PENDING'")
            .query(String.class).list();
        double perOrder = jdbc.sql("SELECT COUNT(*) FROM iso18626_message").query(Long.class).single()
            / (double) jdbc.sql("SELECT COUNT(*) FROM ill_order WHERE order_system = 'iso18626'").query(Long.class).single();
        System.out.printf("%nWhole life between two libraries' own systems (Request -> Loaned -> Received -> ShippedReturn ->"
                + " LoanCompleted, %.1f messages per order over HTTP), median of %d rounds of %d: %.1f orders/s;"
                + " JSON API whole life (7 calls per order) %.1f orders/s: %.0f %%. ERROR confirmations: %d, messages pending 2 s later: %s%n%n",
            perOrder, rounds, batch, Benchmark.median(iso), Benchmark.median(json), 100 * Benchmark.median(iso) / Benchmark.median(json), errors,
            pending);
    }

    /** Records of their own for n orders, each held on the shelf by the lender only. */
    static List<String> records(CatalogueService catalogue, String lenderBranch, LocalDate today, int n, int[] sequence) {
        List<String> pids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = ++sequence[0];
            String pid = "870970-basis:ISO" + number;
            catalogue.saveRecord(new BibRecord(pid, "iso-work-" + number, "Benchmarkbog " + number, "Bench", "1. udgave", true, 1,
                today.minusYears(2), null, false, true));
            catalogue.replaceHoldings(pid, lenderBranch, List.of(new HoldingItem(pid, lenderBranch, "i" + number, ItemStatus.OnShelf, null, true)));
            pids.add(pid);
        }
        return pids;
    }

    static double isoLife(JdbcClient jdbc, CatalogueService catalogue, PeerSimulator borrower, PeerSimulator lender, String endpoint,
                          LocalDate today, int n, int[] sequence) throws Exception {
        List<String> pids = records(catalogue, ISO_LENDER, today, n, sequence);
        List<String> requestIds = new ArrayList<>();
        pids.forEach(pid -> requestIds.add("BENCH-" + pid.substring(pid.indexOf(':') + 1)));
        long start = System.nanoTime();
        Benchmark.measure("ISO Request -> Request to the lender's system", n,
            i -> ok(borrower.send(endpoint, borrower.request(BROKER, requestIds.get(i), "bench-borrower", "code-bench-borrower", pids.get(i),
                today.plusDays(60), null))),
            received(lender, r -> "request".equals(r.type())));
        List<String> orderIds = new CopyOnWriteArrayList<>();
        for (PeerSimulator.Received r : lender.received()) {
            if ("request".equals(r.type()) && pids.contains(r.text("supplierUniqueRecordId"))) {
                orderIds.add(r.requestingAgencyRequestId());
            }
        }
        Benchmark.measure("ISO Loaned -> Loaned to the borrower's system", n,
            i -> ok(lender.send(endpoint, lender.supplyingAgencyMessage("ISIL:DK-" + ISO_BORROWER, orderIds.get(i), "bench-lender",
                "code-bench-lender", "RequestResponse", "Loaned", null, null, today.plusDays(45), "item"))),
            received(borrower, r -> "Loaned".equals(r.status())));
        Benchmark.measure("ISO Received -> ON_LOAN", n,
            i -> ok(borrower.send(endpoint, borrower.requestingAgencyMessage(BROKER, requestIds.get(i), "bench-borrower", "code-bench-borrower",
                "Received"))),
            () -> Benchmark.statusCount(jdbc, "ON_LOAN"));
        Benchmark.measure("ISO ShippedReturn -> ShippedReturn to the lender's system", n,
            i -> ok(borrower.send(endpoint, borrower.requestingAgencyMessage(BROKER, requestIds.get(i), "bench-borrower", "code-bench-borrower",
                "ShippedReturn"))),
            received(lender, r -> "ShippedReturn".equals(r.action())));
        Benchmark.measure("ISO LoanCompleted -> LoanCompleted to the borrower's system", n,
            i -> ok(lender.send(endpoint, lender.supplyingAgencyMessage("ISIL:DK-" + ISO_BORROWER, orderIds.get(i), "bench-lender",
                "code-bench-lender", "StatusChange", "LoanCompleted", null, null, null, null))),
            received(borrower, r -> "LoanCompleted".equals(r.status())));
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static double jsonLife(HttpClient http, int port, String auth, JdbcClient jdbc, CatalogueService catalogue, LocalDate today, int n,
                           int[] sequence) throws Exception {
        List<String> pids = records(catalogue, JSON_LENDER, today, n, sequence);
        List<String> ids = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        Benchmark.measure("JSON POST -> SENT_TO_LENDER", n, i -> ids.add(Benchmark.post(http, port, "/api/orders",
                "{\"pickupBranchId\":\"" + JSON_BORROWER + "\",\"patronId\":\"BENCH\",\"pids\":[\"" + pids.get(i)
                    + "\"],\"orderSystem\":\"bibliotekdk\",\"needBeforeDate\":\"" + today.plusDays(60) + "\"}", auth)),
            () -> Benchmark.statusCount(jdbc, "SENT_TO_LENDER"));
        Benchmark.lifeOfOrders(http, port, auth, jdbc, ids, today);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static LongSupplier received(PeerSimulator peer, java.util.function.Predicate<PeerSimulator.Received> kind) {
        return () -> peer.received().stream().filter(kind).count();
    }

    private static void ok(HttpResponse<String> answer) {
        if (answer.statusCode() != 200 || !answer.body().contains(">OK<")) {
            throw new IllegalStateException("Not taken: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static String peer(PeerSimulator peer, String account, String agency) {
        return "{\"name\":\"" + account + "\",\"address\":\"" + peer.address() + "\",\"accountId\":\"" + account + "\",\"securityCode\":\"code-"
            + account + "\",\"version\":\"1.2\",\"agencyId\":\"" + agency + "\"}";
    }

    private static void put(HttpClient http, int port, String auth, String path, String body) throws Exception {
        HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .header("Authorization", auth).header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
