package dk.fjernlaan.conversation;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.automation.AutomationService;
import dk.fjernlaan.automation.Candidate;
import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderAttempt;
import dk.fjernlaan.order.LenderChannel;
import dk.fjernlaan.order.OrderChanges;
import dk.fjernlaan.order.OrderProcess;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.NotAllowed;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;

/**
 * The conversation with the lender ({@code LenderConversation}): the request goes to one lender of the rota after
 * the other; the lender answers (from Tasklist or the API, in ISO 18626's words), is silent, or gives a date that
 * is too late; until the item is dispatched or no lender is left.
 */
@Service
public class LenderConversation {

    private static final Set<SupplierStatus> ANSWERS = EnumSet.of(SupplierStatus.WillSupply, SupplierStatus.ExpectToSupply,
        SupplierStatus.Unfilled, SupplierStatus.RetryPossible, SupplierStatus.Loaned);

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final OrderProcess process;
    private final LenderChannel lenders;
    private final AutomationService automation;
    private final DirectoryService directory;
    private final CatalogueService catalogue;
    private final FjernlaanClock clock;

    LenderConversation(OrderRepository orders, OrderChanges changes, OrderProcess process, LenderChannel lenders,
                       AutomationService automation, DirectoryService directory, CatalogueService catalogue, FjernlaanClock clock) {
        this.orders = orders;
        this.changes = changes;
        this.process = process;
        this.lenders = lenders;
        this.automation = automation;
        this.directory = directory;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    private IllOrder order(long orderId) {
        return orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
    }

    // the lender's messages ------------------------------------------------------------------------

    /**
     * A message from the lender over the API: it completes the lender's task as Tasklist does, so it is checked and
     * recorded in one place, the task's listener ({@link #check}, {@link #record}). A message from a
     * lender that is no longer asked is recorded in the history and otherwise ignored; a message that only repeats
     * what the lender already said (a client's retry, the same message sent twice at once) changes nothing.
     */
    public IllOrder answer(long orderId, SupplierMessage message) {
        Actor actor = Actor.current();
        changes.locked(orderId, order -> {
            String sender = senderAgency(order, message, actor);
            if (sender != null && !sender.equals(order.lenderAgencyId())) {
                if (order.attempts().stream().noneMatch(a -> a.agencyId().equals(sender))) {
                    throw new NotAllowed("problem.lender.notAsked", sender, orderId);
                }
                if (!RepeatedAnswer.repeats(order, sender, message)) {
                    order.lateAnswer(sender, message.status().name(), clock.now(), actor.userId());
                    orders.update(order);
                }
                return null;
            }
            if (order.lenderAgencyId() == null) {
                throw new NotInState(order.status().name(), "problem.order.noLender", orderId, order.status());
            }
            if (!actor.mayActFor(order.lenderAgencyId())) {
                throw new NotAllowed("problem.lender.onlyStaff", orderId);
            }
            if (!ANSWERS.contains(message.status())) {
                throw notFitting(order, message);
            }
            if (RepeatedAnswer.repeats(order, order.lenderAgencyId(), message)) {
                return null;
            }
            String task = process.lenderTaskId(orderId).orElseThrow(() -> order.status().beforeDispatch() && !order.status().closed()
                ? new NotInState(order.status().name(), "problem.order.busy", orderId, order.status())
                : notFitting(order, message));
            process.completeLenderTask(task, message);
            return null;
        });
        return order(orderId);
    }

    private static NotInState notFitting(IllOrder order, SupplierMessage message) {
        return new NotInState(order.status().name(), "problem.message.notFitting", message.status(), order.orderId(), order.status());
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
                throw new NotAllowed("problem.lender.onlyStaffOfBranch", agency, message.supplierBranchId());
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
    public void check(SupplierMessage message) {
        if (message.status() == null) {
            throw InvalidInput.field("status", "problem.required");
        }
        if (message.reason() != null && message.reason().length() > InputRules.TEXT_LENGTH) {
            throw InvalidInput.field("reason", "problem.text.tooLong", InputRules.TEXT_LENGTH);
        }
        if (message.itemId() != null && message.itemId().length() > InputRules.ID_LENGTH) {
            throw InvalidInput.field("itemId", "problem.text.tooLong", InputRules.ID_LENGTH);
        }
        LocalDate today = clock.today();
        switch (message.status()) {
            case ExpectToSupply -> {
                if (message.expectedDeliveryDate() == null) {
                    throw InvalidInput.field("expectedDeliveryDate", "problem.requiredWith", "ExpectToSupply");
                }
                if (message.expectedDeliveryDate().isBefore(today)) {
                    throw Unacceptable.field("expectedDeliveryDate", "problem.date.past");
                }
                if (!InputRules.withinReach(message.expectedDeliveryDate(), today)) {
                    throw Unacceptable.field("expectedDeliveryDate", "problem.date.tooFar", InputRules.DAYS_AHEAD);
                }
            }
            case Loaned -> {
                if (message.dueDate() == null) {
                    throw InvalidInput.field("dueDate", "problem.requiredWith", "Loaned");
                }
                if (!message.dueDate().isAfter(today)) {
                    throw Unacceptable.field("dueDate", "problem.date.afterToday");
                }
                if (!InputRules.withinReach(message.dueDate(), today)) {
                    throw Unacceptable.field("dueDate", "problem.date.tooFar", InputRules.DAYS_AHEAD);
                }
            }
            case WillSupply, Unfilled, RetryPossible -> { }
            default -> throw Unacceptable.field("status", "problem.message.notAnAnswer", message.status());
        }
    }

    /** Records the current lender's answer (called when its task is completed). */
    public void record(long orderId, SupplierMessage message, String userId) {
        IllOrder order = order(orderId);
        order.lenderAnswered(message, clock.now(), userId);
        orders.update(order);
    }

    // the steps of the conversation ---------------------------------------------------------------

    /**
     * The request as sent to a lender: its library, and whether its own system answers (ISO 18626) or its staff
     * in Tasklist.
     */
    public record SentRequest(String lenderAgencyId, boolean bySystem) {}

    public SentRequest sendRequest(long orderId, String lenderBranchId) {
        IllOrder order = order(orderId);
        Branch lender = directory.findBranch(lenderBranchId)
            .orElseThrow(() -> new IllegalStateException("Lender branch " + lenderBranchId + " is not in the directory"));
        order.sentToLender(lender.branchId(), lender.agencyId(), editionAt(order, lender.branchId()), clock.now(), Actor.current().userId());
        orders.update(order);
        return new SentRequest(lender.agencyId(), lenders.request(order));
    }

    /**
     * The edition a lender branch is asked for: the one the automation found it can send soonest; for a lender
     * chosen by staff, the first of the order's records that it holds; else the ordered one.
     */
    private String editionAt(IllOrder order, String branchId) {
        if (order.automation() != null) {
            Optional<String> decided = order.automation().candidates().stream()
                .filter(c -> c.branchId().equals(branchId) && c.excludedBecause() == null && c.pid() != null)
                .map(Candidate::pid).findFirst();
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        Set<String> held = new HashSet<>();
        catalogue.holdingsOfPids(order.pids()).stream().filter(i -> i.branchId().equals(branchId)).forEach(i -> held.add(i.pid()));
        return order.pids().stream().filter(held::contains).findFirst().orElse(order.orderedPid());
    }

    /**
     * The lender did not answer in time: the next one is asked. Its request is withdrawn: from its Tasklist queue
     * with the task, and a lender's own system is told.
     */
    public void lenderSilent(long orderId, int workingDays) {
        IllOrder order = order(orderId);
        String lender = order.lenderAgencyId();
        order.lenderSilent(workingDays, clock.now());
        orders.update(order);
        if (lender != null) {
            lenders.tell(order, lender, LenderChannel.Notice.WITHDRAWN, false);
        }
    }

    /**
     * Whether the lender's later date is acceptable ({@link RotaPolicy#expectedDateAcceptable}), and the lender of the
     * rota it was weighed against, if any: the one to ask next when it is not.
     */
    public record DateCheck(boolean acceptable, Optional<String> alternative) {}

    public DateCheck checkExpectedDate(long orderId, int marginDays) {
        IllOrder order = order(orderId);
        if (order.expectedDelivery() == null || order.expectedDelivery().isAfter(order.needBeforeDate())) {
            return new DateCheck(RotaPolicy.expectedDateAcceptable(order.expectedDelivery(), order.needBeforeDate(), Optional.empty(), marginDays),
                Optional.empty());
        }
        Optional<Decision> alternative = rotaAlternative(order);
        return new DateCheck(RotaPolicy.expectedDateAcceptable(order.expectedDelivery(), order.needBeforeDate(),
            alternative.map(Decision::availabilityDate), marginDays), alternative.map(Decision::lenderBranchId));
    }

    /** The request is taken back from the lender (its date is too late), and the lender is told. */
    public void withdrawRequest(long orderId, String why) {
        IllOrder order = order(orderId);
        String lender = order.lenderAgencyId();
        order.requestWithdrawn(why, clock.now());
        orders.update(order);
        if (lender != null) {
            lenders.tell(order, lender, LenderChannel.Notice.WITHDRAWN, true);
        }
    }

    /** The next lender of the rota that still qualifies now; none for orders that staff sent to a lender. */
    public Optional<String> nextLender(long orderId) {
        return rotaAlternative(order(orderId)).map(Decision::lenderBranchId);
    }

    private Optional<Decision> rotaAlternative(IllOrder order) {
        if (!order.automated()) {
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>();
        order.attempts().forEach(a -> asked.add(a.branchId()));
        Decision decision = automation.decideExcluding(new AutomationService.DecisionRequest(order.borrowerAgencyId(), order.pickupBranchId(),
            order.orderSystem().name(), null, order.pids(), order.orderedPid(), order.exactEdition(), order.materialType(),
            order.needBeforeDate()), asked);
        return decision.automated() ? Optional.of(decision) : Optional.empty();
    }

    /** No lender is left to ask: back to the borrower's manual queue. */
    public void rotaExhausted(long orderId) {
        IllOrder order = order(orderId);
        order.rotaExhausted(clock.now());
        orders.update(order);
    }
}
