package dk.fjernlaan.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import dk.fjernlaan.FjernlaanApplication;
import dk.fjernlaan.automation.AutomationService;
import dk.fjernlaan.automation.AutomationSettings;
import dk.fjernlaan.automation.AutomationSettingsService;
import dk.fjernlaan.automation.BorrowerSettings;
import dk.fjernlaan.automation.LenderSettings;
import dk.fjernlaan.automation.Participation;
import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.AgencyType;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryRepository;
import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark harness of the automation decision and the order's way to the lender, against a baseline in
 * the same run. Run with {@code mvn -q test-compile exec:java@benchmark}; it prints the figures.
 *
 * <p>Set-up: the national directory, the age-threshold table with a row for every library that lends, and
 * one title held by 400 branches of all municipal library systems (several branches each; 60 % on the shelf,
 * 30 % on loan, 10 % not for loan). The borrowers are municipal libraries that hold the title themselves (own
 * material allowed, their copies out for two months), so every decision runs the whole rule set.
 *
 * <ul>
 *   <li><b>decision</b>: the automation decision as a use case ({@link AutomationService#decide}), sequentially:
 *       decisions per second, p50 and p99 latency.</li>
 *   <li><b>end to end</b>: {@code POST /api/orders} over HTTP (8 clients) until every order is
 *       {@code SENT_TO_LENDER}, with the job executor running the process: orders per second.</li>
 *   <li><b>baseline</b>: the same engine, HTTP clients, authentication and transactions (request, step after the
 *       start, the step where the decision would be) on a process of the same shape whose steps do nothing.</li>
 * </ul>
 * Sizes can be changed with {@code -Dbench.decisions=}, {@code -Dbench.orders=}.
 */
public final class Benchmark {

    static final String BASELINE = "BenchBaseline";
    static final String BASELINE_CHILD = "BenchBaselineConversation";
    static final String WORK = "bench-work";
    static final String PID = "870970-basis:BENCH1";
    static final String ADMIN_PASSWORD = "bench-admin-secret";

    private static final int CLIENTS = 8;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        int decisions = Integer.getInteger("bench.decisions", 3000);
        int orders = Integer.getInteger("bench.orders", 1000);
        harness(app -> run(app, decisions, orders, postgres()));
    }

    /** The work of one harness on the started application. */
    interface Harness {
        void run(ConfigurableApplicationContext app) throws Exception;
    }

    /** Starts the application ({@link #start}), runs the harness, stops, and exits with 1 when the harness failed. */
    static void harness(Harness harness) throws Exception {
        ConfigurableApplicationContext app = start(postgres());
        int exit = 0;
        try {
            harness.run(app);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("bench.db", "h2"));
    }

    /** Starts the application for a harness: on a fresh H2 folder, or a fresh PostgreSQL database ({@code -Dbench.db=postgres}). */
    static ConfigurableApplicationContext start(boolean postgres) throws Exception {
        deleteRecursively(Path.of("target/bench"));
        Locale.setDefault(Locale.ROOT);
        if (postgres) {
            try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS fjernlaan_bench");
                st.execute("CREATE DATABASE fjernlaan_bench");
            }
        }
        System.out.println("Database: " + (postgres ? "PostgreSQL (127.0.0.1:5432/fjernlaan_bench)" : "H2 file (target/bench)"));
        return new SpringApplicationBuilder(FjernlaanApplication.class)
            .profiles(postgres ? new String[] {"bench", "benchpg"} : new String[] {"bench"}).run();
    }

    static void run(ConfigurableApplicationContext app, int decisionCount, int orderCount, boolean postgres) throws Exception {
        FjernlaanClock clock = app.getBean(FjernlaanClock.class);
        AutomationService automation = app.getBean(AutomationService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        LocalDate today = clock.today();

        // --- set-up -------------------------------------------------------------------------------
        Title title = setUpTitle(app);
        List<Agency> lenders = title.lenders();
        List<Branch> borrowers = title.borrowers();
        long holderCount = title.holderCount();
        long agencyCount = title.agencyCount();
        // the shape of an automated order's path through IllOrder and LenderConversation, with the same
        // asynchronous boundaries, timers and subscriptions, but every step a no-op
        BpmnModelInstance baseline = Bpmn.createExecutableProcess(BASELINE).camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Started")
            .subProcess("SubProcess_Before").embeddedSubProcess()
                .startEvent("StartEvent_Inner")
                .exclusiveGateway("Gateway_Merge1")
                .serviceTask("Task_NoOpDecide").camundaAsyncBefore().camundaExpression("${true}")
                .exclusiveGateway("Gateway_Fork")
                .exclusiveGateway("Gateway_Merge2")
                .callActivity("CallActivity_Conversation").calledElement(BASELINE_CHILD).camundaInBusinessKey("#{execution.processBusinessKey}")
                .exclusiveGateway("Gateway_Outcome")
                .endEvent("EndEvent_Inner")
            .subProcessDone()
            .exclusiveGateway("Gateway_After")
            .exclusiveGateway("Gateway_DeliveryMerge")
            .callActivity("CallActivity_Delivery").calledElement("BenchDelivery").camundaInBusinessKey("#{execution.processBusinessKey}")
            .exclusiveGateway("Gateway_PickedUp")
            .callActivity("CallActivity_Loan").calledElement("BenchLoan").camundaInBusinessKey("#{execution.processBusinessKey}")
            .exclusiveGateway("Gateway_ReturnMerge")
            .callActivity("CallActivity_Return").calledElement("BenchReturn").camundaInBusinessKey("#{execution.processBusinessKey}")
            .endEvent("EndEvent_Done")
            .moveToActivity("SubProcess_Before").boundaryEvent("BoundaryEvent_Timer").timerWithDate("2099-01-01T00:00:00").endEvent("EndEvent_Timer")
            .moveToActivity("SubProcess_Before").boundaryEvent("BoundaryEvent_Message").message("BenchCancel").endEvent("EndEvent_Message")
            .done();
        BpmnModelInstance conversation = Bpmn.createExecutableProcess(BASELINE_CHILD).camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Child")
            .exclusiveGateway("Gateway_SendMerge")
            .serviceTask("Task_NoOpSend").camundaExpression("${true}")
            .userTask("Task_Answer").camundaCandidateGroups("bench")
            .exclusiveGateway("Gateway_Answer")
            .exclusiveGateway("Gateway_ShipMerge")
            .userTask("Task_Ship").camundaCandidateGroups("bench")
            .exclusiveGateway("Gateway_ShipAnswer")
            .exclusiveGateway("Gateway_DispatchedMerge")
            .endEvent("EndEvent_Child")
            .moveToActivity("Task_Answer").boundaryEvent("BoundaryEvent_Silent").timerWithDate("2099-01-01T00:00:00").endEvent("EndEvent_Silent")
            .done();
        repository.createDeployment().name(BASELINE_CHILD).addModelInstance(BASELINE_CHILD + ".bpmn", conversation).deploy();
        BpmnModelInstance delivery = Bpmn.createExecutableProcess("BenchDelivery").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_NoOpPlan").camundaExpression("${true}")
            .userTask("Task_Arrival").camundaCandidateGroups("bench")
            .serviceTask("Task_NoOpNotify").camundaExpression("${true}")
            .exclusiveGateway().exclusiveGateway()
            .userTask("Task_Pickup").camundaCandidateGroups("bench")
            .exclusiveGateway().serviceTask("Task_NoOpPickedUp").camundaExpression("${true}").endEvent()
            .moveToActivity("Task_Pickup").boundaryEvent("BoundaryEvent_PickupOver").timerWithDate("2099-01-01T00:00:00").endEvent()
            .done();
        BpmnModelInstance loan = Bpmn.createExecutableProcess("BenchLoan").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_NoOpStart").camundaExpression("${true}").exclusiveGateway()
            .userTask("Task_OnLoan").camundaCandidateGroups("bench").endEvent()
            .moveToActivity("Task_OnLoan").boundaryEvent("BoundaryEvent_Reminder").cancelActivity(false).timerWithDate("2099-01-01T00:00:00").endEvent()
            .moveToActivity("Task_OnLoan").boundaryEvent("BoundaryEvent_Overdue").cancelActivity(false).timerWithCycle("R3/2099-01-01T00:00:00/P7D").endEvent()
            .moveToActivity("Task_OnLoan").boundaryEvent("BoundaryEvent_Renew").message("BenchRenew").endEvent()
            .moveToActivity("Task_OnLoan").boundaryEvent("BoundaryEvent_Recall").message("BenchRecall").endEvent()
            .done();
        BpmnModelInstance back = Bpmn.createExecutableProcess("BenchReturn").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_NoOpFind").camundaAsyncBefore().camundaExpression("${true}").exclusiveGateway()
            .serviceTask("Task_NoOpShip").camundaExpression("${true}")
            .userTask("Task_Receipt").camundaCandidateGroups("bench")
            .exclusiveGateway().serviceTask("Task_NoOpComplete").camundaExpression("${true}").endEvent()
            .done();
        for (BpmnModelInstance model : List.of(delivery, loan, back)) {
            String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
            repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
        }
        repository.createDeployment().name(BASELINE).addModelInstance(BASELINE + ".bpmn", baseline).deploy();

        System.out.printf("%nSet-up: %d branches hold the title (%d agencies); %d lending libraries with a row in AgeThresholds v%d;"
                + " borrowers: %d municipal libraries (own material).%n",
            holderCount, agencyCount, lenders.size(), latestThresholdVersion(repository), borrowers.size());

        if (postgres) {
            // the planner's statistics as a running database has them, not as they are right after the bulk set-up
            jdbc.sql("VACUUM ANALYZE").update();
        }

        // --- the decision ---------------------------------------------------------------------------
        List<AutomationService.DecisionRequest> requests = new ArrayList<>();
        for (Branch b : borrowers) {
            requests.add(new AutomationService.DecisionRequest(b.agencyId(), b.branchId(), "bibliotekdk", null, List.of(PID), PID, false, 1,
                today.plusDays(180)));
        }
        Decision sample = automation.decide(requests.get(0));
        System.out.printf("A decision: %s, reason %s, lender %s, %d candidates (%d eligible)%n", sample.route(), sample.reason(),
            sample.lenderBranchId(), sample.candidates().size(), sample.candidates().stream().filter(c -> c.excludedBecause() == null).count());
        if (!sample.automated()) {
            throw new IllegalStateException("The benchmark order is not automated: " + sample.reason());
        }
        for (int i = 0; i < 300; i++) {
            automation.decide(requests.get(i % requests.size()));
        }
        long[] latencies = new long[decisionCount];
        long start = System.nanoTime();
        for (int i = 0; i < decisionCount; i++) {
            long t = System.nanoTime();
            automation.decide(requests.get(i % requests.size()));
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("Decision (%d holders, 1 thread, %d decisions): %.0f decisions/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            holderCount, decisionCount, decisionCount / seconds, percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6,
            latencies[latencies.length - 1] / 1e6);

        // --- end to end against the baseline ---------------------------------------------------------
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        org.camunda.bpm.engine.TaskService taskService = app.getBean(org.camunda.bpm.engine.TaskService.class);
        org.camunda.bpm.engine.HistoryService history = app.getBean(org.camunda.bpm.engine.HistoryService.class);
        java.util.function.Function<String, LongSupplier> waitingAt = key -> () -> taskService.createTaskQuery().taskDefinitionKey(key).count();
        LongSupplier baselineDone = () -> history.createHistoricProcessInstanceQuery().processDefinitionKey(BASELINE).finished().count();
        java.util.function.Function<String, LongSupplier> inStatus = st -> () -> statusCount(jdbc, st);

        // warm both paths up, through the whole life (so that no order is left waiting for the title)
        List<String> warmKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
        measure("warm-up", 200, i -> warmKeys.add(post(http, port, "/api/bench/baseline", "", auth)), waitingAt.apply("Task_Answer"));
        for (String next : new String[] {"Task_Ship", "Task_Arrival", "Task_Pickup", "Task_OnLoan", "Task_Receipt", null}) {
            measure("warm-up", warmKeys.size(), i -> post(http, port, "/api/bench/baseline/" + warmKeys.get(i) + "/answer", "", auth),
                next == null ? baselineDone : waitingAt.apply(next));
        }
        List<String> warmIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        measure("warm-up", 200, i -> warmIds.add(post(http, port, "/api/orders", order(borrowers.get(i % borrowers.size())), auth)),
            inStatus.apply("SENT_TO_LENDER"));
        lifeOfOrders(http, port, auth, jdbc, warmIds, today);

        // alternate rounds of the baseline and the orders, so that both see the same machine and database
        int rounds = Integer.getInteger("bench.rounds", 3);
        int batch = orderCount / rounds;
        List<Double> baseAsked = new ArrayList<>();
        List<Double> realAsked = new ArrayList<>();
        List<Double> baseLife = new ArrayList<>();
        List<Double> baseCycle = new ArrayList<>();
        List<Double> realCycle = new ArrayList<>();
        List<Double> realLife = new ArrayList<>();
        long growth = 0;
        long completed = 0;
        for (int round = 1; round <= rounds; round++) {
            List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
            long baseStart = System.nanoTime();
            baseAsked.add(measure("Baseline start", batch, i -> keys.add(post(http, port, "/api/bench/baseline", "", auth)),
                waitingAt.apply("Task_Answer")));
            for (String next : new String[] {"Task_Ship", "Task_Arrival", "Task_Pickup", "Task_OnLoan", "Task_Receipt", null}) {
                measure("baseline step", keys.size(), i -> post(http, port, "/api/bench/baseline/" + keys.get(i) + "/answer", "", auth),
                    next == null ? baselineDone : waitingAt.apply(next));
                if ("Task_Arrival".equals(next)) {
                    baseCycle.add(batch / ((System.nanoTime() - baseStart) / 1e9));
                }
            }
            baseLife.add(batch / ((System.nanoTime() - baseStart) / 1e9));

            long sizeBefore = databaseSize(jdbc, postgres);
            long completedBefore = statusCount(jdbc, "COMPLETED");
            List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
            long realStart = System.nanoTime();
            realAsked.add(measure("Orders POST -> SENT_TO_LENDER", batch,
                i -> ids.add(post(http, port, "/api/orders", order(borrowers.get(i % borrowers.size())), auth)), inStatus.apply("SENT_TO_LENDER")));
            long shippedAt = lifeOfOrders(http, port, auth, jdbc, ids, today);
            realCycle.add(batch / ((shippedAt - realStart) / 1e9));
            realLife.add(batch / ((System.nanoTime() - realStart) / 1e9));
            completed += statusCount(jdbc, "COMPLETED") - completedBefore;
            growth += databaseSize(jdbc, postgres) - sizeBefore;
            System.out.printf("Round %d: to the lender %.0f/s (baseline %.0f/s); whole life %.1f/s (baseline %.1f/s)%n", round,
                realAsked.get(round - 1), baseAsked.get(round - 1), realLife.get(round - 1), baseLife.get(round - 1));
        }
        double ask = median(realAsked);
        double askBase = median(baseAsked);
        double life = median(realLife);
        double lifeBase = median(baseLife);
        System.out.printf("%nTo the lender (POST -> decision -> SENT_TO_LENDER), median of %d rounds of %d: %.0f orders/s; baseline %.0f/s: %.0f %%%n",
            rounds, batch, ask, askBase, 100 * ask / askBase);
        System.out.printf("Answer cycle (POST -> decision -> WillSupply -> Loaned): %.1f orders/s; baseline %.1f/s: %.0f %%%n",
            median(realCycle), median(baseCycle), 100 * median(realCycle) / median(baseCycle));
        System.out.printf("Whole life (POST -> WillSupply -> Loaned -> Received -> PickedUp -> Returned -> LoanCompleted): %d completed,"
            + " %.1f orders/s; baseline %.1f/s: %.0f %%%n", completed, life, lifeBase, 100 * life / lifeBase);
        System.out.printf("Database growth: %.1f MB for %d completed orders = %.0f MB per 10,000 (history level %s)%n%n",
            growth / 1e6, completed, growth / 1e6 * 10_000 / Math.max(1, completed), app.getEnvironment().getProperty("camunda.bpm.history-level"));
    }

    /** The title of the harnesses, its 400 holders and the borrowers, as the class comment describes. */
    record Title(List<Agency> lenders, List<Branch> holders, List<Branch> borrowers, long holderCount, long agencyCount) {}

    static Title setUpTitle(ConfigurableApplicationContext app) throws IOException {
        FjernlaanClock clock = app.getBean(FjernlaanClock.class);
        DirectoryRepository directory = app.getBean(DirectoryRepository.class);
        CatalogueService catalogue = app.getBean(CatalogueService.class);
        PatronService patrons = app.getBean(PatronService.class);
        AutomationSettingsService settings = app.getBean(AutomationSettingsService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        LocalDate today = clock.today();
        List<Agency> lenders = directory.findLendingAgencies();
        seedThresholdRows(repository, lenders);
        catalogue.saveRecord(new BibRecord(PID, WORK, "Benchmarkbogen", "Bench", "1. udgave", true, 1, today.minusYears(2), null, false, true));
        List<Branch> holders = holders(directory, 400);
        for (int i = 0; i < holders.size(); i++) {
            ItemStatus status = i % 10 < 6 ? ItemStatus.OnShelf : i % 10 < 9 ? ItemStatus.OnLoan : ItemStatus.NotForLoan;
            LocalDate due = status == ItemStatus.OnLoan ? today.plusDays(1 + i % 20) : null;
            catalogue.replaceHoldings(PID, holders.get(i).branchId(),
                List.of(new HoldingItem(PID, holders.get(i).branchId(), "b" + i, status, due, true)));
        }
        List<Branch> borrowers = borrowers(directory, holders, 10);
        java.util.Set<String> borrowerAgencies = new java.util.HashSet<>(borrowers.stream().map(Branch::agencyId).toList());
        for (Branch holder : holders) {
            if (borrowerAgencies.contains(holder.agencyId())) {
                // the borrowers' own copies are out for two months; own material is allowed (profile 1)
                catalogue.replaceHoldings(PID, holder.branchId(),
                    List.of(new HoldingItem(PID, holder.branchId(), "own", ItemStatus.OnLoan, today.plusDays(60), true)));
            }
        }
        for (Branch borrower : borrowers) {
            patrons.save(new Patron(borrower.agencyId(), "BENCH", "Bench Låner", "bench@example.org", BigDecimal.ZERO));
            settings.update(borrower.agencyId(), new AutomationSettings(1,
                new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1), new LenderSettings(true, 0), null));
        }
        long holderCount = jdbc.sql("SELECT COUNT(DISTINCT branch_id) FROM holding_item WHERE pid = ?").param(PID).query(Long.class).single();
        long agencyCount = jdbc.sql("SELECT COUNT(DISTINCT b.agency_id) FROM holding_item h JOIN branch b ON b.branch_id = h.branch_id WHERE h.pid = ?")
            .param(PID).query(Long.class).single();
        return new Title(lenders, holders, borrowers, holderCount, agencyCount);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The lender's and the borrower's messages over the API, step by step for all the orders, to COMPLETED. */
    /** @return when the last of them was SHIPPED (System.nanoTime) */
    static long lifeOfOrders(HttpClient http, int port, String auth, JdbcClient jdbc, List<String> ids, LocalDate today) throws Exception {
        String loaned = "{\"status\":\"Loaned\",\"dueDate\":\"" + today.plusDays(45) + "\",\"itemId\":\"b\"}";
        Object[][] steps = {
            {"/supplier-messages", "{\"status\":\"WillSupply\"}", "WILL_SUPPLY"},
            {"/supplier-messages", loaned, "SHIPPED"},
            {"/requester-messages", "{\"action\":\"Received\"}", "AT_PICKUP"},
            {"/patron-events", "{\"event\":\"PickedUp\"}", "ON_LOAN"},
            {"/patron-events", "{\"event\":\"Returned\"}", "RETURN_SHIPPED"},
            {"/supplier-messages", "{\"status\":\"LoanCompleted\"}", "COMPLETED"}};
        long completedBefore = statusCount(jdbc, "COMPLETED");
        long shippedAt = 0;
        for (Object[] step : steps) {
            String path = (String) step[0];
            String body = (String) step[1];
            String target = (String) step[2];
            LongSupplier reached = target.equals("COMPLETED") ? () -> statusCount(jdbc, "COMPLETED") - completedBefore : () -> statusCount(jdbc, target);
            measure("order step " + target, ids.size(), i -> post(http, port, "/api/orders/" + ids.get(i) + path, body, auth), reached);
            if (target.equals("SHIPPED")) {
                shippedAt = System.nanoTime();
            }
        }
        return shippedAt;
    }

    /** Bytes the tables and indexes take now (PostgreSQL after a vacuum; H2 as its tables report it, not the file). */
    static long databaseSize(JdbcClient jdbc, boolean postgres) {
        if (postgres) {
            jdbc.sql("VACUUM").update();
            return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        }
        return jdbc.sql("""
                SELECT SUM(DISK_SPACE_USED('"' || TABLE_SCHEMA || '"."' || TABLE_NAME || '"')) FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'""").query(Long.class).single();
    }

    static long statusCount(JdbcClient jdbc, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM ill_order WHERE status = ?").param(status).query(Long.class).single();
    }

    interface Step {
        void run(int i) throws Exception;

    }

    /** Sends n requests from the clients and waits until the done counter has grown by n: answers per second. */
    static double measure(String name, int n, Step step, LongSupplier done) throws Exception {
        long before = done.getAsLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            sent.add(clients.submit(() -> {
                step.run(index);
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double accepted = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (done.getAsLong() - before < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long finished = done.getAsLong() - before;
        if (!name.startsWith("warm-up")) {
            System.out.printf("%s: %d of %d through in %.1f s = %.0f per second (requests answered in %.1f s)%n",
                name, finished, n, seconds, finished / seconds, accepted);
        }
        return finished / seconds;
    }

    /** Posts and answers the order id of the answer (if it has one). */
    static String post(HttpClient http, int port, String path, String body, String auth) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"orderId\":\"([^\"]+)\"").matcher(answer.body());
        return id.find() ? id.group(1) : null;
    }

    static String order(Branch pickup) {
        return "{\"pickupBranchId\":\"" + pickup.branchId() + "\",\"patronId\":\"BENCH\",\"pids\":[\"" + PID
            + "\"],\"orderSystem\":\"bibliotekdk\"}";
    }

    /** Branches of all municipal library systems that receive ILL, a few of each, until there are n. */
    static List<Branch> holders(DirectoryRepository directory, int n) {
        List<Agency> municipal = directory.findAllAgencies().stream()
            .filter(a -> a.type() == AgencyType.PUBLIC && a.municipalityCode() != null).toList();
        List<List<Branch>> perAgency = new ArrayList<>();
        for (Agency a : municipal) {
            List<Branch> branches = directory.findBranches(a.agencyId()).stream().filter(Branch::willReceiveIll).toList();
            if (!branches.isEmpty()) {
                perAgency.add(branches);
            }
        }
        List<Branch> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < n; round++) {
            boolean any = false;
            for (List<Branch> branches : perAgency) {
                if (round < branches.size() && chosen.size() < n) {
                    chosen.add(branches.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return chosen;
    }

    /** Main branches of municipal libraries that allow pickup, that hold the title. */
    static List<Branch> borrowers(DirectoryRepository directory, List<Branch> holders, int n) {
        return holders.stream().filter(b -> b.branchId().equals(b.agencyId()) && b.pickupAllowed())
            .sorted(Comparator.comparing(Branch::branchId)).limit(n).toList();
    }

    /** One AgeThresholds version with a row for every library that lends (material type 1), as a full national table. */
    static void seedThresholdRows(RepositoryService repository, List<Agency> lenders) throws IOException {
        DecisionDefinition current = repository.createDecisionDefinitionQuery().decisionDefinitionKey("AgeThresholds").latestVersion().singleResult();
        String xml;
        try (InputStream in = repository.getDecisionModel(current.getId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder rows = new StringBuilder();
        for (Agency a : lenders) {
            String id = "Rule_Bench_" + a.agencyId();
            int lenderMin = Math.abs(a.agencyId().hashCode()) % 4 == 0 ? 180 : 0;
            rows.append("<rule id=\"").append(id).append("\">")
                .append("<inputEntry id=\"").append(id).append("_1\"><text>\"").append(a.agencyId()).append("\"</text></inputEntry>")
                .append("<inputEntry id=\"").append(id).append("_2\"><text>-</text></inputEntry>")
                .append("<inputEntry id=\"").append(id).append("_3\"><text>-</text></inputEntry>")
                .append("<inputEntry id=\"").append(id).append("_4\"><text>1</text></inputEntry>")
                .append("<outputEntry id=\"").append(id).append("_5\"><text>0</text></outputEntry>")
                .append("<outputEntry id=\"").append(id).append("_6\"><text>").append(lenderMin).append("</text></outputEntry>")
                .append("</rule>\n");
        }
        int first = xml.indexOf("<rule ");
        String table = xml.substring(0, first) + rows + xml.substring(first);
        repository.createDeployment().name("AgeThresholds").source("benchmark")
            .addInputStream("AgeThresholds.dmn", new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    static int latestThresholdVersion(RepositoryService repository) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("AgeThresholds").latestVersion().singleResult().getVersion();
    }

    static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
