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
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.input.InputRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order arrives: it is checked (pickup branch, patron, records of one work, need-before date, a lender chosen by
 * staff), stored and its process started in one transaction, committed before the answer. With an idempotency key,
 * a repeated request with the same body answers with the first order.
 */
@Service
public class OrderPlacement {

    public static final int DEFAULT_NEED_BEFORE_DAYS = 180;

    public record Placed(IllOrder order, boolean replayed) {}

    private record Accepted(Branch pickup, BibRecord ordered, List<String> pids, LocalDate needBefore) {}

    private final OrderRepository orders;
    private final DirectoryService directory;
    private final CatalogueService catalogue;
    private final PatronService patrons;
    private final AutomationService automation;
    private final LenderEligibility lenders;
    private final OrderProcess process;
    private final FjernlaanClock clock;
    private final TransactionTemplate tx;
    private final ObjectMapper canonicalJson;

    @SuppressWarnings("java:S107")
    OrderPlacement(OrderRepository orders, DirectoryService directory, CatalogueService catalogue, PatronService patrons,
                   AutomationService automation, LenderEligibility lenders, OrderProcess process, FjernlaanClock clock,
                   TransactionTemplate tx, ObjectMapper json) {
        this.orders = orders;
        this.directory = directory;
        this.catalogue = catalogue;
        this.patrons = patrons;
        this.automation = automation;
        this.lenders = lenders;
        this.process = process;
        this.clock = clock;
        this.tx = tx;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public Placed place(PlaceOrder request, String idempotencyKey) {
        if (request.orderSystem() == OrderSystem.iso18626) {
            throw InvalidInput.field("orderSystem", "problem.order.iso18626Only");
        }
        return place(request, idempotencyKey, null);
    }

    /**
     * An order from a library's own system (ISO 18626 Request): known by the system's request id, which is also its
     * idempotency key (the same Request again is the same order; another one with the same id is refused). The
     * patron is the library's: Fjernlån keeps the id it is given and checks nothing about the patron.
     */
    public Placed placeFromPeer(PlaceOrder request, String requestId) {
        return place(request, requestId, requestId);
    }

    private Placed place(PlaceOrder request, String idempotencyKey, String externalId) {
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
            .map(w -> OrderWarning.of(w.code(), w.message()))
            .toList();
        try {
            IllOrder order = tx.execute(status -> {
                IllOrder o = IllOrder.received(orders.nextOrderNumber(), accepted.pickup().branchId(), accepted.pickup().agencyId(),
                    request.patronId(), accepted.pids(), accepted.ordered().workId(), accepted.ordered().materialType(),
                    accepted.needBefore(), request.orderSystem(), request.responderId(), request.exactEdition(), warnings,
                    actor.userId(), clock.now()).knownAs(externalId);
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
                throw new Unacceptable(Text.of("problem.order.idempotencyReused", key),
                    List.of(FieldProblem.of("Idempotency-Key", "problem.order.idempotencyReusedFor", earlier.orderId())));
            }
            return new Placed(orders.find(earlier.orderId()).orElseThrow(), true);
        });
    }

    private Accepted validate(PlaceOrder request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = clock.today();

        Optional<Branch> pickup = directory.findBranch(request.pickupBranchId());
        if (pickup.isEmpty()) {
            problems.add(FieldProblem.of("pickupBranchId", "problem.branch.unknown", request.pickupBranchId()));
        } else if (!pickup.get().pickupAllowed()) {
            problems.add(FieldProblem.of("pickupBranchId", "problem.branch.noPickup", request.pickupBranchId()));
        } else if (request.orderSystem() == OrderSystem.bibliotekdk) {
            directory.closingForEndUsers(request.pickupBranchId(), today).ifPresent(c -> problems.add(
                FieldProblem.of("pickupBranchId", "problem.branch.closedForEndUsers", request.pickupBranchId(), c.to(), c.reason())));
        }

        if (pickup.isPresent() && request.orderSystem() != OrderSystem.iso18626) {
            Optional<Patron> patron = patrons.find(pickup.get().agencyId(), request.patronId());
            if (patron.isEmpty()) {
                problems.add(FieldProblem.of("patronId", "problem.patron.notPatron", pickup.get().agencyId()));
            } else if (patron.get().blocked()) {
                problems.add(FieldProblem.of("patronId", "problem.patron.blocked", Patron.DEBT_LIMIT_KR));
            }
        }

        List<String> pids = List.copyOf(new LinkedHashSet<>(request.pids()));
        List<BibRecord> records = catalogue.records(pids);
        Set<String> found = new LinkedHashSet<>(records.stream().map(BibRecord::pid).toList());
        for (int i = 0; i < request.pids().size(); i++) {
            if (!found.contains(request.pids().get(i))) {
                problems.add(FieldProblem.of("pids[" + i + "]", "problem.record.unknown", request.pids().get(i)));
            }
        }
        BibRecord ordered = records.stream().filter(r -> r.pid().equals(pids.get(0))).findFirst().orElse(null);
        if (ordered != null && records.stream().anyMatch(r -> !r.workId().equals(ordered.workId()))) {
            problems.add(FieldProblem.of("pids", "problem.order.differentWorks"));
        }

        LocalDate needBefore = request.needBeforeDate() == null ? today.plusDays(DEFAULT_NEED_BEFORE_DAYS) : request.needBeforeDate();
        if (!needBefore.isAfter(today.plusDays(1))) {
            problems.add(FieldProblem.of("needBeforeDate", "problem.needBefore.tooSoon", today.plusDays(1)));
        } else if (!InputRules.withinReach(needBefore, today)) {
            problems.add(FieldProblem.of("needBeforeDate", "problem.date.tooFar", InputRules.DAYS_AHEAD));
        }

        if (request.responderId() != null && pickup.isPresent()) {
            problems.addAll(lenders.problems("responderId", request.responderId(), pickup.get().agencyId(), today));
        }
        if (!problems.isEmpty()) {
            throw Unacceptable.of("problem.order.notAccepted", problems);
        }
        return new Accepted(pickup.get(), ordered, pids, needBefore);
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
}
