package dk.fjernlaan.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.fjernlaan.automation.AutomationService;
import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.Closure;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.web.ApiException;
import dk.fjernlaan.platform.web.FieldProblem;
import dk.fjernlaan.platform.web.InputRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The order's use cases: accept, look up, list, decide manually; and the steps the process calls back. */
@Service
public class OrderService {

    public static final int DEFAULT_NEED_BEFORE_DAYS = 180;

    private final OrderRepository orders;
    private final DirectoryService directory;
    private final CatalogueService catalogue;
    private final PatronService patrons;
    private final OrderProcess process;
    private final AutomationService automation;
    private final FjernlaanClock clock;
    private final TransactionTemplate tx;
    private final OrderChanges changes;
    private final ObjectMapper canonicalJson;

    public OrderService(OrderRepository orders, DirectoryService directory, CatalogueService catalogue, PatronService patrons,
                        OrderProcess process, AutomationService automation, FjernlaanClock clock, TransactionTemplate tx,
                        OrderChanges changes, ObjectMapper json) {
        this.orders = orders;
        this.directory = directory;
        this.catalogue = catalogue;
        this.patrons = patrons;
        this.process = process;
        this.automation = automation;
        this.clock = clock;
        this.tx = tx;
        this.changes = changes;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public record Placed(IllOrder order, boolean replayed) {}

    // placing an order -------------------------------------------------------------------------

    /**
     * Accepts an order and starts its process in one transaction (committed before the answer). With an
     * idempotency key, a repeated request with the same body answers with the first order.
     */
    public Placed place(PlaceOrder request, String idempotencyKey) {
        Actor actor = Actor.current();
        String hash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null) {
            Optional<Placed> earlier = replay(actor, idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Accepted accepted = validate(request);
        AccessPolicy.requireAgency(accepted.pickup().agencyId());
        List<OrderWarning> warnings = automation.warnings(accepted.ordered(), directory.agency(accepted.pickup().agencyId()),
                accepted.pickup().branchId()).stream()
            .map(w -> new OrderWarning(w.code(), w.message()))
            .toList();
        try {
            IllOrder order = tx.execute(status -> {
                LocalDate needBefore = accepted.needBefore();
                IllOrder o = IllOrder.received(orders.nextOrderNumber(), accepted.pickup().branchId(), accepted.pickup().agencyId(),
                    request.patronId(), accepted.pids(), accepted.ordered().workId(), accepted.ordered().materialType(), needBefore,
                    request.orderSystem(), request.responderId(), request.exactEdition(), warnings, actor.userId(), clock.now());
                orders.insert(o);
                if (idempotencyKey != null) {
                    orders.insertIdempotencyKey(actor.userId(), idempotencyKey, hash, o.orderId(), clock.now());
                }
                process.start(o);
                return o;
            });
            return new Placed(order, false);
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            return replay(actor, idempotencyKey, hash).orElseThrow(() -> sameKeyAtTheSameTime);
        }
    }

    private Optional<Placed> replay(Actor actor, String key, String hash) {
        return orders.findIdempotencyKey(actor.userId(), key).map(earlier -> {
            if (!earlier.requestHash().equals(hash)) {
                throw ApiException.unprocessable("Idempotency-Key " + key + " was used before with a different request.",
                    List.of(new FieldProblem("Idempotency-Key", "already used for order " + earlier.orderId() + " with another body")));
            }
            return new Placed(order(earlier.orderId()), true);
        });
    }

    private record Accepted(Branch pickup, BibRecord ordered, List<String> pids, LocalDate needBefore) {}

    private Accepted validate(PlaceOrder request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = clock.today();

        Optional<Branch> pickup = directory.findBranch(request.pickupBranchId());
        if (pickup.isEmpty()) {
            problems.add(new FieldProblem("pickupBranchId", "unknown branch " + request.pickupBranchId()));
        } else if (!pickup.get().pickupAllowed()) {
            problems.add(new FieldProblem("pickupBranchId", "branch " + request.pickupBranchId() + " does not allow pickup"));
        } else if (request.orderSystem() == OrderSystem.bibliotekdk) {
            closure(request.pickupBranchId(), today, false).ifPresent(c -> problems.add(new FieldProblem("pickupBranchId",
                "branch " + request.pickupBranchId() + " is closed for orders from end users until " + c.to() + ": " + c.reason())));
        }

        if (pickup.isPresent()) {
            Optional<Patron> patron = patrons.find(pickup.get().agencyId(), request.patronId());
            if (patron.isEmpty()) {
                problems.add(new FieldProblem("patronId", "not a patron of library " + pickup.get().agencyId()));
            } else if (patron.get().blocked()) {
                problems.add(new FieldProblem("patronId", "the patron is blocked: a debt of " + Patron.DEBT_LIMIT_KR
                    + " kr. or more must be settled before ordering"));
            }
        }

        List<String> pids = List.copyOf(new LinkedHashSet<>(request.pids()));
        List<BibRecord> records = catalogue.records(pids);
        Set<String> found = new LinkedHashSet<>(records.stream().map(BibRecord::pid).toList());
        for (int i = 0; i < request.pids().size(); i++) {
            if (!found.contains(request.pids().get(i))) {
                problems.add(new FieldProblem("pids[" + i + "]", "unknown record " + request.pids().get(i)));
            }
        }
        BibRecord ordered = records.stream().filter(r -> r.pid().equals(pids.get(0))).findFirst().orElse(null);
        if (ordered != null && records.stream().anyMatch(r -> !r.workId().equals(ordered.workId()))) {
            problems.add(new FieldProblem("pids", "the records belong to different works; an order is for one work"));
        }

        LocalDate needBefore = request.needBeforeDate() == null ? today.plusDays(DEFAULT_NEED_BEFORE_DAYS) : request.needBeforeDate();
        if (!needBefore.isAfter(today.plusDays(1))) {
            problems.add(new FieldProblem("needBeforeDate", "must be after tomorrow (" + today.plusDays(1) + ")"));
        } else if (!InputRules.withinReach(needBefore, today)) {
            problems.add(new FieldProblem("needBeforeDate", "must be at most " + InputRules.DAYS_AHEAD + " days ahead"));
        }

        if (request.responderId() != null && pickup.isPresent()) {
            problems.addAll(lenderProblems("responderId", request.responderId(), pickup.get().agencyId(), today));
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("The order cannot be accepted.", problems);
        }
        return new Accepted(pickup.get(), ordered, pids, needBefore);
    }

    /** Why a branch cannot be sent an ILL request from this borrower (empty when it can). */
    List<FieldProblem> lenderProblems(String field, String branchId, String borrowerAgencyId, LocalDate today) {
        Optional<Branch> lender = directory.findBranch(branchId);
        if (lender.isEmpty()) {
            return List.of(new FieldProblem(field, "unknown branch " + branchId));
        }
        if (lender.get().agencyId().equals(borrowerAgencyId)) {
            return List.of(new FieldProblem(field, "branch " + branchId + " belongs to the borrowing library itself"));
        }
        if (!lender.get().willReceiveIll()) {
            return List.of(new FieldProblem(field, "branch " + branchId + " does not receive ILL requests"));
        }
        return closure(branchId, today, true)
            .map(c -> List.of(new FieldProblem(field, "branch " + branchId + " is closed for ILL until " + c.to() + ": " + c.reason())))
            .orElse(List.of());
    }

    private Optional<Closure> closure(String branchId, LocalDate day, boolean ill) {
        return directory.activeClosures(Set.of(branchId), day).stream()
            .filter(c -> ill ? c.scope().closesIll() : c.scope().closesEndUsers())
            .findFirst();
    }

    private String hash(PlaceOrder request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(canonicalJson.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    // reading ----------------------------------------------------------------------------------

    public IllOrder order(long orderId) {
        return orders.find(orderId).orElseThrow(() -> ApiException.notFound("No order " + orderId + "."));
    }

    public List<OrderEvent> history(long orderId) {
        return orders.events(orderId);
    }

    public List<IllOrder> list(String borrowerAgencyId, String lenderAgencyId, List<OrderStatus> statuses, int page, int size) {
        return orders.find(borrowerAgencyId, lenderAgencyId, statuses, page * size, size);
    }

    public long count(String borrowerAgencyId, String lenderAgencyId, List<OrderStatus> statuses) {
        return orders.count(borrowerAgencyId, lenderAgencyId, statuses);
    }

    public List<IllOrder> manualQueue(String agencyId) {
        directory.agency(agencyId);
        return orders.find(agencyId, null, List.of(OrderStatus.AWAITING_MANUAL, OrderStatus.LOCAL_RESERVATION), 0, 1000);
    }

    // the manual queue -------------------------------------------------------------------------

    /** Staff decide an order in their manual queue (the same as completing the task in Tasklist). */
    public IllOrder decideManually(long orderId, ManualDecision decision) {
        changes.locked(orderId, order -> {
            AccessPolicy.requireAgency(order.borrowerAgencyId());
            String taskId = process.manualTaskId(orderId).orElseThrow(() -> ApiException.conflict(
                "Order " + orderId + " is not in a manual queue; its status is " + order.status() + ".", order.status().name()));
            checkManualDecision(order, decision);
            process.completeManualTask(taskId, decision);
            return null;
        });
        return order(orderId);
    }

    /** Validates a manual decision before the task is completed (from the API or from Tasklist). */
    public void checkManualDecision(long orderId, ManualDecision decision) {
        checkManualDecision(order(orderId), decision);
    }

    private void checkManualDecision(IllOrder order, ManualDecision decision) {
        if (decision.action() == null) {
            throw ApiException.badRequest("action", "is required: SEND, RETRY_AUTOMATION or REJECT");
        }
        switch (decision.action()) {
            case SEND -> {
                if (decision.lenderBranchId() == null || decision.lenderBranchId().isBlank()) {
                    throw ApiException.badRequest("lenderBranchId", "is required to send the order");
                }
                List<FieldProblem> problems = lenderProblems("lenderBranchId", decision.lenderBranchId(), order.borrowerAgencyId(), clock.today());
                if (!problems.isEmpty()) {
                    throw ApiException.unprocessable(problems.get(0).message(), problems);
                }
            }
            case REJECT -> {
                if (decision.reason() == null || decision.reason().isBlank()) {
                    throw ApiException.badRequest("reason", "is required to reject the order");
                }
                if (decision.reason().length() > InputRules.TEXT_LENGTH) {
                    throw ApiException.badRequest("reason", "must be at most " + InputRules.TEXT_LENGTH + " characters");
                }
            }
            case RETRY_AUTOMATION -> { }
        }
    }

    // the conversation with the lender ----------------------------------------------------------

    private static final java.util.Set<SupplierStatus> ANSWERS = java.util.EnumSet.of(SupplierStatus.WillSupply,
        SupplierStatus.ExpectToSupply, SupplierStatus.Unfilled, SupplierStatus.RetryPossible, SupplierStatus.Loaned);

    /**
     * A message from the lender over the API: it completes the lender's task (as in Tasklist). A message from a
     * lender that is no longer asked is recorded in the history and otherwise ignored; a message that only repeats
     * what the lender already said (a client's retry, the same message sent twice at once) changes nothing.
     */
    public IllOrder supplierMessage(long orderId, SupplierMessage message) {
        Actor actor = Actor.current();
        changes.locked(orderId, order -> {
            String sender = senderAgency(order, message, actor);
            if (sender != null && !sender.equals(order.lenderAgencyId())) {
                if (order.attempts().stream().noneMatch(a -> a.agencyId().equals(sender))) {
                    throw ApiException.forbidden("Library " + sender + " was not asked to supply order " + orderId + ".");
                }
                if (!order.alreadySaid(sender, message)) {
                    order.lateAnswer(sender, message.status().name(), clock.now(), actor.userId());
                    orders.update(order);
                }
                return null;
            }
            if (order.lenderAgencyId() == null) {
                throw ApiException.conflict("Order " + orderId + " is with no lender; its status is " + order.status() + ".", order.status().name());
            }
            if (!actor.mayActFor(order.lenderAgencyId())) {
                throw ApiException.forbidden("Only staff of the lender (or an administrator) may answer for order " + orderId + ".");
            }
            if (!ANSWERS.contains(message.status())) {
                throw notFitting(order, message);
            }
            checkSupplierMessage(message);
            if (order.alreadySaid(order.lenderAgencyId(), message)) {
                return null;
            }
            String task = process.lenderTaskId(orderId).orElseThrow(() -> order.status().beforeDispatch() && !order.status().closed()
                ? ApiException.conflict("Order " + orderId + " is being processed right now (status " + order.status()
                    + "); try again in a moment.", order.status().name())
                : notFitting(order, message));
            process.completeLenderTask(task, message);
            return null;
        });
        return order(orderId);
    }

    private static ApiException notFitting(IllOrder order, SupplierMessage message) {
        return ApiException.conflict("The message " + message.status() + " does not fit order " + order.orderId() + " in status "
            + order.status() + ".", order.status().name());
    }

    /**
     * The lender library a message comes from: the one of the branch it names (the caller must be allowed to act for
     * it), else the caller's library group, else (an administrator or integration) the current lender.
     */
    private static String senderAgency(IllOrder order, SupplierMessage message, Actor actor) {
        if (message.supplierBranchId() != null) {
            String agency = order.attempts().stream().filter(a -> a.branchId().equals(message.supplierBranchId()))
                .map(LenderAttempt::agencyId).reduce((a, b) -> b).orElse(message.supplierBranchId());
            if (!actor.mayActFor(agency)) {
                throw ApiException.forbidden("Only staff of library " + agency + " (or an administrator) may answer for branch "
                    + message.supplierBranchId() + ".");
            }
            return agency;
        }
        if (order.lenderAgencyId() != null && actor.groups().contains(order.lenderAgencyId())) {
            return order.lenderAgencyId();
        }
        return actor.groups().stream()
            .filter(g -> order.attempts().stream().anyMatch(a -> a.agencyId().equals(g)))
            .findFirst().orElse(null);
    }

    /** Validates a lender's message before its task is completed (from the API or from Tasklist). */
    public void checkSupplierMessage(SupplierMessage message) {
        if (message.status() == null) {
            throw ApiException.badRequest("status", "is required");
        }
        if (message.reason() != null && message.reason().length() > InputRules.TEXT_LENGTH) {
            throw ApiException.badRequest("reason", "must be at most " + InputRules.TEXT_LENGTH + " characters");
        }
        if (message.itemId() != null && message.itemId().length() > InputRules.ID_LENGTH) {
            throw ApiException.badRequest("itemId", "must be at most " + InputRules.ID_LENGTH + " characters");
        }
        LocalDate today = clock.today();
        switch (message.status()) {
            case ExpectToSupply -> {
                if (message.expectedDeliveryDate() == null) {
                    throw ApiException.badRequest("expectedDeliveryDate", "is required with ExpectToSupply");
                }
                if (message.expectedDeliveryDate().isBefore(today)) {
                    throw ApiException.unprocessable("expectedDeliveryDate", "is in the past");
                }
                if (!InputRules.withinReach(message.expectedDeliveryDate(), today)) {
                    throw ApiException.unprocessable("expectedDeliveryDate", "must be at most " + InputRules.DAYS_AHEAD + " days ahead");
                }
            }
            case Loaned -> {
                if (message.dueDate() == null) {
                    throw ApiException.badRequest("dueDate", "is required with Loaned");
                }
                if (!message.dueDate().isAfter(today)) {
                    throw ApiException.unprocessable("dueDate", "must be after today");
                }
                if (!InputRules.withinReach(message.dueDate(), today)) {
                    throw ApiException.unprocessable("dueDate", "must be at most " + InputRules.DAYS_AHEAD + " days ahead");
                }
            }
            case WillSupply, Unfilled, RetryPossible -> { }
            default -> throw ApiException.unprocessable("status", message.status() + " is not an answer to a request");
        }
    }

    /** Records the current lender's answer (called when its task is completed). */
    public void recordSupplierAnswer(long orderId, SupplierMessage message, String userId) {
        IllOrder order = order(orderId);
        order.lenderAnswered(message, clock.now(), userId);
        orders.update(order);
    }

    public void lenderSilent(long orderId, int workingDays) {
        IllOrder order = order(orderId);
        order.lenderSilent(workingDays, clock.now());
        orders.update(order);
    }

    /**
     * Whether the lender's expected date is acceptable: not after the need-before date, and not more than the
     * margin later than another lender of the rota can deliver now.
     */
    public boolean expectedDateAcceptable(long orderId, int marginDays) {
        IllOrder order = order(orderId);
        LocalDate expected = order.expectedDelivery();
        if (expected == null) {
            return true;
        }
        if (expected.isAfter(order.needBeforeDate())) {
            return false;
        }
        Optional<Decision> other = rotaAlternative(order);
        return other.map(d -> !d.availabilityDate().plusDays(marginDays).isBefore(expected)).orElse(true);
    }

    public void withdrawRequest(long orderId, String why) {
        IllOrder order = order(orderId);
        order.requestWithdrawn(why, clock.now());
        orders.update(order);
    }

    /** The next lender of the rota that still qualifies now; none for orders that staff sent to a lender. */
    public Optional<String> nextLender(long orderId) {
        return rotaAlternative(order(orderId)).map(Decision::lenderBranchId);
    }

    private Optional<Decision> rotaAlternative(IllOrder order) {
        if (!order.automated()) {
            return Optional.empty();
        }
        java.util.Set<String> asked = new java.util.HashSet<>();
        order.attempts().forEach(a -> asked.add(a.branchId()));
        Decision decision = automation.decideExcluding(new AutomationService.DecisionRequest(order.borrowerAgencyId(), order.pickupBranchId(),
            order.orderSystem().name(), null, order.pids(), order.orderedPid(), order.exactEdition(), order.materialType(),
            order.needBeforeDate()), asked);
        return decision.automated() ? Optional.of(decision) : Optional.empty();
    }

    public void rotaExhausted(long orderId) {
        IllOrder order = order(orderId);
        order.rotaExhausted(clock.now());
        orders.update(order);
    }

    public void expire(long orderId) {
        IllOrder order = order(orderId);
        order.expired(clock.now());
        orders.update(order);
    }

    // the borrower's messages -----------------------------------------------------------------

    /** Cancels the order (patron or staff) before the lender has dispatched it. */
    public IllOrder cancel(long orderId, String note) {
        changes.locked(orderId, order -> {
            AccessPolicy.requireAgency(order.borrowerAgencyId());
            if (order.status().closed() || !order.status().beforeDispatch()) {
                throw ApiException.conflict("Order " + orderId + " cannot be cancelled in status " + order.status()
                    + (order.status().closed() ? "." : ": the lender has dispatched it."), order.status().name());
            }
            if (!process.cancel(orderId, note)) {
                throw ApiException.conflict("Order " + orderId + " is being processed right now; try again in a moment.", order.status().name());
            }
            return null;
        });
        return order(orderId);
    }

    /** Called by the process when the cancellation has stopped everything before dispatch. */
    public void recordCancelled(long orderId, String note, String userId) {
        IllOrder order = order(orderId);
        order.cancelled(note, clock.now(), userId);
        orders.update(order);
    }

    // steps called by the process --------------------------------------------------------------

    /** What a task for staff shows about the order. */
    public record TaskFacts(String title, String summary) {}

    /** The title, and one line for Tasklist: title, pickup branch, need-before date. */
    public TaskFacts taskFacts(long orderId) {
        IllOrder order = order(orderId);
        String title = catalogue.findRecord(order.orderedPid()).map(BibRecord::title).orElse(order.orderedPid());
        String pickup = directory.findBranch(order.pickupBranchId()).map(b -> b.name() + " (" + b.branchId() + ")").orElse(order.pickupBranchId());
        return new TaskFacts(title, title + " · " + pickup + " · " + order.needBeforeDate());
    }

    /** Makes the automation decision for the order and keeps it on the order; the process follows its route. */
    public Decision decideAutomation(long orderId) {
        IllOrder order = order(orderId);
        Decision decision = automation.decide(new AutomationService.DecisionRequest(order.borrowerAgencyId(), order.pickupBranchId(),
            order.orderSystem().name(), order.responderId(), order.pids(), order.orderedPid(), order.exactEdition(),
            order.materialType(), order.needBeforeDate()));
        order.automationDecided(decision.toAutomation(), decision.route(), decision.lenderBranchId(), clock.now(), Actor.current().userId());
        orders.update(order);
        return decision;
    }

    public void recordManualDecision(long orderId, ManualDecision decision, String userId) {
        IllOrder order = order(orderId);
        String detail = switch (decision.action()) {
            case SEND -> decision.lenderBranchId();
            case REJECT -> decision.reason();
            case RETRY_AUTOMATION -> "";
        };
        order.manualDecisionMade(clock.now(), userId, decision.action().name(), detail);
        orders.update(order);
    }

    /** @return the lender's agency (whose staff answer the request) */
    public String sendToLender(long orderId, String lenderBranchId) {
        IllOrder order = order(orderId);
        Branch lender = directory.findBranch(lenderBranchId)
            .orElseThrow(() -> new IllegalStateException("Lender branch " + lenderBranchId + " is not in the directory"));
        order.sentToLender(lender.branchId(), lender.agencyId(), clock.now(), Actor.current().userId());
        orders.update(order);
        return lender.agencyId();
    }

    public void reject(long orderId, String reason) {
        IllOrder order = order(orderId);
        order.rejected(reason, clock.now(), Actor.current().userId());
        orders.update(order);
    }
}
