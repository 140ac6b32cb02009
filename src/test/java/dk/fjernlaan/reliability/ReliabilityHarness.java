package dk.fjernlaan.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reliability harness: the real jar as separate processes on H2 (the embedded default) or PostgreSQL, driven
 * over HTTP the way clients drive it, with the failures operators meet. Run after {@code mvn package -DskipTests}:
 * {@code mvn -q test-compile exec:java@reliability -Dreliability.db=h2|postgres}. It prints what it counted and
 * exits with 1 when anything acknowledged was lost, doubled or left undecided.
 *
 * <ul>
 *   <li><b>crash</b>: 1,000 orders with Idempotency-Keys from 8 clients; kill -9 when 40 % are acknowledged;
 *       restart on the same data; retry what got no answer, replay what was acknowledged. Counts accepted, lost,
 *       doubled, order numbers handed out again, orders still RECEIVED 60 s after the restart, incidents.</li>
 *   <li><b>stop</b>: the same under a graceful stop (SIGTERM) halfway: requests in progress answered, jobs taken
 *       but not begun handed back (none locked after the stop).</li>
 *   <li><b>nodes</b> (PostgreSQL): two nodes on one database; the same lender message sent to both at the same
 *       moment (WillSupply, Loaned, Unfilled); then one node killed under load and the other takes over.</li>
 * </ul>
 */
public final class ReliabilityHarness {

    static final String ORDER = "{\"pickupBranchId\":\"710104\",\"patronId\":\"P-1001\",\"pids\":[\"870970-basis:1001\"],\"orderSystem\":\"bibliotekdk\"}";
    static final String PG_DATABASE = "fjernlaan_reliability";
    static final int CLIENTS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String db;
    private final Path base;
    private final Path jar = Path.of(System.getProperty("reliability.jar", "target/fjernlaan.jar"));
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> report = new LinkedHashMap<>();

    private ReliabilityHarness(String db) {
        this.db = db;
        this.base = Path.of("target", "reliability", db);
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("reliability.db", "h2");
        int orders = Integer.getInteger("reliability.orders", 1000);
        Set<String> scenarios = Set.of(System.getProperty("reliability.scenarios",
            "postgres".equals(db) ? "crash,stop,nodes" : "crash,stop").split(","));
        ReliabilityHarness harness = new ReliabilityHarness(db);
        if (!Files.exists(harness.jar)) {
            throw new IllegalStateException("No " + harness.jar + ": run mvn package -DskipTests first");
        }
        if (!"h2".equals(db) && !"postgres".equals(db)) {
            throw new IllegalArgumentException("reliability.db is h2 or postgres");
        }
        if (scenarios.contains("nodes") && !"postgres".equals(db)) {
            throw new IllegalArgumentException("two nodes share a database server: use -Dreliability.db=postgres");
        }
        Node node = null;
        if (scenarios.contains("crash")) {
            node = harness.crash(orders);
        }
        if (scenarios.contains("stop")) {
            node = harness.gracefulStop(node, Math.max(100, orders / 3));
        }
        if (node != null && node.alive()) {
            node.stop();
        }
        if (scenarios.contains("nodes")) {
            harness.twoNodes(Math.max(20, orders / 20));
        }
        System.out.println();
        System.out.println("== Reliability on " + db);
        harness.report.forEach((what, figure) -> System.out.printf(Locale.ROOT, "  %-62s %s%n", what, figure));
        if (!harness.failures.isEmpty()) {
            System.out.println("!! FAILED:");
            harness.failures.forEach(f -> System.out.println("   - " + f));
            System.exit(1);
        }
        System.out.println("== all targets met");
        System.exit(0);
    }

    // scenarios ----------------------------------------------------------------------------------

    private Node crash(int orders) throws Exception {
        fresh();
        Node node = node("crash");
        node.start();
        Load load = post(node, "crash-", orders, orders * 2 / 5, false);
        report.put("crash: orders posted (8 clients)", String.valueOf(orders));
        report.put("crash: acknowledged (201) before and at the kill -9", String.valueOf(load.acknowledged.size()));
        report.put("crash: without an answer (in flight or refused)", String.valueOf(load.unanswered.size()));
        expectZero("crash: answers other than 201 before the kill", load.otherAnswers.get());
        Duration restart = node.start();
        report.put("crash: restart on the same data", seconds(restart));
        long restartedAt = System.nanoTime();
        verify("crash", node, load, restartedAt);
        return node;
    }

    private Node gracefulStop(Node running, int orders) throws Exception {
        Node node = running;
        if (node == null) {
            fresh();
            node = node("crash");
            node.start();
        }
        Load load = post(node, "stop-", orders, orders / 2, true);
        report.put("stop: acknowledged before and during SIGTERM", String.valueOf(load.acknowledged.size()) + " of " + orders);
        report.put("stop: graceful stop took", seconds(load.stopTook));
        expectZero("stop: answers other than 201 before the stop", load.otherAnswers.get());
        expectZero("stop: jobs still locked after the stop", lockedJobs());
        node.start();
        verify("stop", node, load, System.nanoTime());
        return node;
    }

    /** After a restart: retry the unanswered, replay the acknowledged, and count. */
    private void verify(String scenario, Node node, Load load, long restartedAt) throws Exception {
        Map<String, Long> finalIds = new ConcurrentHashMap<>();
        int retriesFailed = 0;
        for (String key : load.unanswered) {
            Long id = postUntilAnswered(node, key);
            if (id == null) {
                retriesFailed++;
            } else {
                finalIds.put(key, id);
            }
        }
        expectZero(scenario + ": retries that got no order", retriesFailed);
        int lost = 0;
        for (Map.Entry<String, Long> acked : load.acknowledged.entrySet()) {
            Long replayed = postUntilAnswered(node, acked.getKey());
            finalIds.put(acked.getKey(), replayed == null ? -1L : replayed);
            boolean exists = node.get("/api/orders/" + acked.getValue()).statusCode() == 200;
            if (!acked.getValue().equals(replayed) || !exists) {
                lost++;
            }
        }
        Map<Long, String> owner = new HashMap<>();
        finalIds.forEach((key, id) -> owner.put(id, key));
        int reused = 0;
        for (Map.Entry<String, Long> acked : load.acknowledged.entrySet()) {
            String now = owner.get(acked.getValue());
            if (now != null && !now.equals(acked.getKey())) {
                reused++;
            }
        }
        long distinct = new HashSet<>(finalIds.values()).size();
        long ordersOfScenario = countOrders(node, scenario);
        expectZero(scenario + ": acknowledged orders lost", lost);
        expectZero(scenario + ": order numbers handed out again", reused);
        expectZero(scenario + ": orders doubled (more orders than keys)", ordersOfScenario - distinct);
        report.put(scenario + ": keys with exactly one order after the retries", distinct + " of " + finalIds.size());

        // every order decided: none still RECEIVED 60 s after the restart
        long deadline = restartedAt + Duration.ofSeconds(60).toNanos();
        long received;
        while ((received = count(node, "/api/orders?status=RECEIVED&size=1")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long decidedAfter = (System.nanoTime() - restartedAt) / 1_000_000_000L;
        expectZero(scenario + ": orders still RECEIVED 60 s after the restart", received);
        report.put(scenario + ": every order decided, seconds after the restart", received == 0 ? String.valueOf(decidedAfter) : "no");
        long processes = count(node, "/engine-rest/history/process-instance/count?processDefinitionKey=IllOrder", "count");
        expectZero(scenario + ": orders without their IllOrder process", count(node, "/api/orders?size=1") - processes);
        expectZero(scenario + ": incidents", count(node, "/engine-rest/incident/count", "count"));
    }

    private void twoNodes(int orders) throws Exception {
        fresh();
        Node a = node("node-a");
        Node b = node("node-b");
        a.start();
        b.start();
        Node[] nodes = {a, b};
        LocalDate due = LocalDate.now().plusDays(30);

        // the same answer to both nodes at the same moment
        List<Long> answered = place(nodes, "pair-", orders);
        awaitStatus(a, answered, "SENT_TO_LENDER");
        Map<Integer, Integer> codes = new HashMap<>();
        for (long id : answered) {
            String lender = order(a, id).path("lender").path("branchId").asText();
            pair(a, b, "/api/orders/" + id + "/supplier-messages", "{\"status\":\"WillSupply\",\"supplierBranchId\":\"" + lender + "\"}", codes);
        }
        awaitStatus(a, answered, "WILL_SUPPLY");
        for (long id : answered) {
            String lender = order(a, id).path("lender").path("branchId").asText();
            pair(a, b, "/api/orders/" + id + "/supplier-messages",
                "{\"status\":\"Loaned\",\"dueDate\":\"" + due + "\",\"supplierBranchId\":\"" + lender + "\"}", codes);
        }
        awaitStatus(a, answered, "SHIPPED");
        int doubleSteps = 0;
        for (long id : answered) {
            List<String> events = events(order(a, id));
            if (events.stream().filter("LENDER_WILL_SUPPLY"::equals).count() != 1 || events.stream().filter("LENDER_SHIPPED"::equals).count() != 1
                    || events.stream().filter("SHIPMENT_PLANNED"::equals).count() != 1) {
                doubleSteps++;
            }
        }
        expectZero("nodes: orders where a doubled WillSupply or Loaned counted twice", doubleSteps);

        // the same Unfilled to both nodes: the next lender is asked once
        List<Long> unfilled = place(nodes, "unfilled-", orders);
        awaitStatus(a, unfilled, "SENT_TO_LENDER");
        Map<Long, String> first = new HashMap<>();
        for (long id : unfilled) {
            String lender = order(a, id).path("lender").path("branchId").asText();
            first.put(id, lender);
            pair(a, b, "/api/orders/" + id + "/supplier-messages",
                "{\"status\":\"Unfilled\",\"reason\":\"not-available\",\"supplierBranchId\":\"" + lender + "\"}", codes);
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int doubleRequests;
        do {
            doubleRequests = 0;
            int moved = 0;
            for (long id : unfilled) {
                JsonNode order = order(b, id);
                JsonNode attempts = order.path("lenderAttempts");
                Set<String> branches = new HashSet<>();
                attempts.forEach(at -> branches.add(at.path("branchId").asText()));
                long openTasks = count(a, "/engine-rest/task/count?processInstanceBusinessKey=" + id, "count");
                boolean next = "SENT_TO_LENDER".equals(order.path("status").asText()) && !first.get(id).equals(order.path("lender").path("branchId").asText());
                if (next) {
                    moved++;
                }
                if (branches.size() != attempts.size() || attempts.size() > 2 || openTasks > 1
                        || events(order).stream().filter("SENT_TO_LENDER"::equals).count() > 2) {
                    doubleRequests++;
                }
            }
            if (moved == unfilled.size()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        expectZero("nodes: double lender requests", doubleRequests);
        long serverErrors = codes.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0).mapToLong(Map.Entry::getValue).sum();
        report.put("nodes: simultaneous duplicate messages (pairs sent to both nodes)", String.valueOf(codes.values().stream().mapToInt(i -> i).sum() / 2));
        report.put("nodes: their answers", new java.util.TreeMap<>(codes).toString());
        expectZero("nodes: answers of 5xx (or none) to simultaneous duplicates", serverErrors);

        // one node killed under load: the other takes over its jobs
        Load load = post(a, "takeover-", orders * 4, orders * 2, false);
        long killedAt = System.nanoTime();
        long received;
        long deadline = killedAt + Duration.ofSeconds(90).toNanos();
        while ((received = count(b, "/api/orders?status=RECEIVED&size=1")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        report.put("nodes: orders acknowledged by the node killed", String.valueOf(load.acknowledged.size()));
        report.put("nodes: the other node decided all its orders, seconds after the kill",
            received == 0 ? String.valueOf((System.nanoTime() - killedAt) / 1_000_000_000L) : "no");
        expectZero("nodes: orders still RECEIVED 90 s after one node was killed", received);
        int lost = 0;
        for (Map.Entry<String, Long> acked : load.acknowledged.entrySet()) {
            if (b.get("/api/orders/" + acked.getValue()).statusCode() != 200) {
                lost++;
            }
        }
        expectZero("nodes: acknowledged orders lost with the killed node", lost);
        expectZero("nodes: incidents", count(b, "/engine-rest/incident/count", "count"));
        b.stop();
    }

    // load ---------------------------------------------------------------------------------------

    private static final class Load {
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final AtomicInteger otherAnswers = new AtomicInteger();
        Duration stopTook = Duration.ZERO;
    }

    /**
     * Posts orders from 8 clients; when {@code failAfter} are acknowledged the node is killed (or stopped gracefully),
     * and the clients go on until every key was tried once.
     */
    private Load post(Node node, String prefix, int orders, int failAfter, boolean graceful) throws Exception {
        Load load = new Load();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < orders) {
                    String key = prefix + i;
                    try {
                        HttpResponse<String> answer = node.post("/api/orders", ORDER, Map.of("Idempotency-Key", key));
                        if (answer.statusCode() == 201) {
                            load.acknowledged.put(key, JSON.readTree(answer.body()).get("orderId").asLong());
                        } else {
                            load.unanswered.add(key);
                            if (node.alive()) {
                                load.otherAnswers.incrementAndGet();
                            }
                        }
                    } catch (IOException noAnswer) {
                        load.unanswered.add(key);
                    }
                }
                return null;
            });
        }
        while (load.acknowledged.size() < failAfter && next.get() < orders) {
            Thread.sleep(2);
        }
        if (graceful) {
            load.stopTook = node.stop();
        } else {
            node.kill();
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        return load;
    }

    private Long postUntilAnswered(Node node, String key) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                HttpResponse<String> answer = node.post("/api/orders", ORDER, Map.of("Idempotency-Key", key));
                if (answer.statusCode() == 201) {
                    return JSON.readTree(answer.body()).get("orderId").asLong();
                }
            } catch (IOException e) {
                // try again
            }
            Thread.sleep(500);
        }
        return null;
    }

    private List<Long> place(Node[] nodes, String prefix, int orders) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Long id = postUntilAnswered(nodes[i % nodes.length], prefix + i);
            if (id == null) {
                throw new IllegalStateException("order " + prefix + i + " was not accepted");
            }
            ids.add(id);
        }
        return ids;
    }

    /** The same POST to both nodes at the same moment. */
    private void pair(Node a, Node b, String path, String body, Map<Integer, Integer> codes) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Node node : List.of(a, b)) {
                answers.add(two.submit(() -> {
                    start.await();
                    try {
                        return node.post(path, body, Map.of()).statusCode();
                    } catch (IOException e) {
                        return -1;
                    }
                }));
            }
            for (Future<Integer> answer : answers) {
                codes.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            two.shutdownNow();
        }
    }

    private void awaitStatus(Node node, List<Long> ids, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (long id : ids) {
            while (!status.equals(order(node, id).path("status").asText())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order " + id + " is " + order(node, id).path("status").asText() + ", not " + status);
                }
                Thread.sleep(100);
            }
        }
    }

    // reading ------------------------------------------------------------------------------------

    private static JsonNode order(Node node, long id) throws Exception {
        return JSON.readTree(node.get("/api/orders/" + id).body());
    }

    private static List<String> events(JsonNode order) {
        List<String> events = new ArrayList<>();
        order.path("history").forEach(h -> events.add(h.path("event").asText()));
        return events;
    }

    private static long count(Node node, String path) throws Exception {
        return count(node, path, "totalElements");
    }

    private static long count(Node node, String path, String field) throws Exception {
        HttpResponse<String> answer = node.get(path);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get(field).asLong();
    }

    /** The orders of a scenario: all orders, less those of the scenarios before it on the same data. */
    private long countOrders(Node node, String scenario) throws Exception {
        long all = count(node, "/api/orders?size=1");
        long before = scenarioCounts.values().stream().mapToLong(Long::longValue).sum();
        scenarioCounts.put(scenario, all - before);
        return all - before;
    }

    private final Map<String, Long> scenarioCounts = new LinkedHashMap<>();

    // the database -------------------------------------------------------------------------------

    private Node node(String name) throws IOException {
        Path dir = base.resolve(name);
        if ("postgres".equals(db)) {
            return new Node(name, jar, dir, Map.of("FJERNLAAN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + PG_DATABASE),
                List.of("--spring.profiles.active=postgres"));
        }
        return new Node(name, jar, dir, Map.of(), List.of());
    }

    /** A new, empty database: the H2 folder removed, or the PostgreSQL database made again. */
    private void fresh() throws Exception {
        scenarioCounts.clear();
        if ("postgres".equals(db)) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        } else if (Files.exists(base)) {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Jobs whose lock is held, read from the database of a node that has stopped. */
    private long lockedJobs() throws Exception {
        String url = "postgres".equals(db) ? "jdbc:postgresql://127.0.0.1:5432/" + PG_DATABASE
            : "jdbc:h2:file:" + base.resolve("crash").resolve("data").resolve("fjernlaan").toAbsolutePath() + ";WRITE_DELAY=0";
        String user = "postgres".equals(db) ? "postgres" : "sa";
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // the report ---------------------------------------------------------------------------------

    private void expectZero(String what, long figure) {
        report.put(what, String.valueOf(figure));
        if (figure != 0) {
            failures.add(what + ": " + figure);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
