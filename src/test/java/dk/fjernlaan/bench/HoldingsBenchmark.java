package dk.fjernlaan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fjernlaan.automation.AutomationService;
import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.HoldingsSource;
import dk.fjernlaan.catalogue.HoldingsSources;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The automation decision with its 400 holders (97 library systems) answering over HTTP in ISO 20775, next to the
 * embedded store in the same run: a real HTTP server answers for every library system as the embedded rows say;
 * first all fast, then with 5 % of the systems slower than their timeout and 2 % answering 500. Answers are not
 * reused between decisions here ({@code fjernlaan.holdings.cache-ttl=PT0S}), so every decision asks every system.
 * Run with {@code mvn -q test-compile exec:java@benchmark-holdings} ({@code -Dbench.db=postgres},
 * {@code -Dbench.decisions=}).
 */
public final class HoldingsBenchmark {

    static final int TIMEOUT_MS = 200;

    private HoldingsBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("fjernlaan.holdings.cache-ttl", "PT0S");
        // the simulated library systems answer without waiting for the client's delayed acknowledgement
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Benchmark.harness(HoldingsBenchmark::run);
    }

    static void run(ConfigurableApplicationContext app) throws Exception {
        HttpServer server = null;
        try {
            Benchmark.Title title = Benchmark.setUpTitle(app);
            CatalogueService catalogue = app.getBean(CatalogueService.class);
            Map<String, List<HoldingItem>> byAgency = new HashMap<>();
            Map<String, String> agencyOf = new HashMap<>();
            title.holders().forEach(b -> agencyOf.put(b.branchId(), b.agencyId()));
            for (HoldingItem item : catalogue.holdings(Benchmark.PID)) {
                byAgency.computeIfAbsent(agencyOf.get(item.branchId()), a -> new ArrayList<>()).add(item);
            }
            Set<String> slow = new HashSet<>();
            Set<String> failing = new HashSet<>();
            server = server(byAgency, slow, failing);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/h/";
            int decisions = Integer.getInteger("bench.decisions", 1000);
            List<AutomationService.DecisionRequest> requests = new ArrayList<>();
            FjernlaanClock clock = app.getBean(FjernlaanClock.class);
            for (Branch b : title.borrowers()) {
                requests.add(new AutomationService.DecisionRequest(b.agencyId(), b.branchId(), "bibliotekdk", null, List.of(Benchmark.PID),
                    Benchmark.PID, false, 1, clock.today().plusDays(180)));
            }
            AutomationService automation = app.getBean(AutomationService.class);
            System.out.printf("%nSet-up: %d branches of %d library systems hold the title; the systems' timeout %d ms.%n",
                title.holderCount(), byAgency.size(), TIMEOUT_MS);

            run("Embedded store", automation, requests, decisions);
            HoldingsSources sources = app.getBean(HoldingsSources.class);
            Actor admin = new Actor("bench", Set.of(Actor.ADMIN_GROUP));
            admin.runAs(() -> {
                byAgency.keySet().forEach(a -> sources.put(new HoldingsSource(a, HoldingsSource.Kind.ISO20775, base + a, TIMEOUT_MS)));
                return null;
            });
            run("ISO 20775, every system fast", automation, requests, decisions);
            List<String> agencies = byAgency.keySet().stream().sorted().toList();
            for (int i = 0; i < agencies.size(); i++) {
                if (i % 20 == 3) {
                    slow.add(agencies.get(i));
                } else if (i % 50 == 7) {
                    failing.add(agencies.get(i));
                }
            }
            System.out.printf("Now %d systems (%.0f %%) answer after %d ms and %d (%.0f %%) answer 500.%n", slow.size(),
                100.0 * slow.size() / agencies.size(), TIMEOUT_MS + 100, failing.size(), 100.0 * failing.size() / agencies.size());
            run("ISO 20775, some slow, some failing", automation, requests, Math.max(50, decisions / 5));
            System.out.printf("Targets: p99 <= %d ms with slow systems (the timeout + 50 ms); p99 <= 25 ms with every system fast.%n%n",
                TIMEOUT_MS + 50);
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    static void run(String name, AutomationService automation, List<AutomationService.DecisionRequest> requests, int n) {
        for (int i = 0; i < Math.min(300, n); i++) {
            automation.decide(requests.get(i % requests.size()));
        }
        long[] latencies = new long[n];
        Map<String, Integer> exclusions = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Decision decision = automation.decide(requests.get(i % requests.size()));
            latencies[i] = System.nanoTime() - t;
            if (i == n - 1) {
                decision.candidates().stream().filter(c -> c.excludedBecause() != null && c.excludedBecause().startsWith("holder_"))
                    .forEach(c -> exclusions.merge(c.excludedBecause(), 1, Integer::sum));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%s (%d decisions, 1 thread): %.0f decisions/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; holders left out in the last: %s%n",
            name, n, n / seconds, Benchmark.percentile(latencies, 50) / 1e6, Benchmark.percentile(latencies, 99) / 1e6,
            latencies[n - 1] / 1e6, exclusions);
    }

    /** One ISO 20775 answer per library system: every branch of it with its items as the embedded rows have them. */
    static HttpServer server(Map<String, List<HoldingItem>> byAgency, Set<String> slow, Set<String> failing) throws IOException {
        Map<String, byte[]> answers = new HashMap<>();
        byAgency.forEach((agency, items) -> answers.put(agency, holdings(items).getBytes(StandardCharsets.UTF_8)));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/h/", exchange -> answer(exchange, answers, slow, failing));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, Map<String, byte[]> answers, Set<String> slow, Set<String> failing) throws IOException {
        String agency = exchange.getRequestURI().getPath().substring(3);
        try {
            if (slow.contains(agency)) {
                Thread.sleep(TIMEOUT_MS + 100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = failing.contains(agency) ? "error".getBytes(StandardCharsets.UTF_8) : answers.getOrDefault(agency, new byte[0]);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        try {
            exchange.sendResponseHeaders(failing.contains(agency) ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException gone) {
            exchange.close();
        }
    }

    static String holdings(List<HoldingItem> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><holdings xmlns=\"info:ofi/fmt:xml:xsd:iso20775\">");
        for (HoldingItem item : items) {
            String status = item.status() == ItemStatus.OnShelf ? "1" : "2";
            xml.append("<holding><institutionIdentifier><value>").append(item.branchId()).append("</value></institutionIdentifier>")
                .append("<holdingStructured><set><component><pieceIdentifier><value>").append(item.itemId()).append("</value></pieceIdentifier>")
                .append("<availabilityInformation><status><availabilityStatus>").append(status).append("</availabilityStatus>")
                .append("<availableFor>").append(item.status() == ItemStatus.NotForLoan ? "4" : "1").append("</availableFor>")
                .append(item.dueDate() == null ? "" : "<dateTimeAvailable>" + item.dueDate() + "</dateTimeAvailable>")
                .append("</status></availabilityInformation></component></set></holdingStructured></holding>");
        }
        return xml.append("<resource><resourceIdentifier><value>").append(Benchmark.PID)
            .append("</value></resourceIdentifier></resource></holdings>").toString();
    }
}
