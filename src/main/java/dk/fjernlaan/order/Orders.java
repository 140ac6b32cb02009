package dk.fjernlaan.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.automation.Candidate;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.NotFound;
import org.springframework.stereotype.Service;

/** Reading orders: one with its history, lists by library and status, what a staff task shows. */
@Service
public class Orders {

    /** What a task for staff shows about the order. */
    public record TaskFacts(String title, String summary, String borrowerLibrary) {}

    /**
     * A branch staff may send a manual order to: one the automation considered, by name, when it can deliver, and
     * why it was left out (a reason code; null when it was not).
     */
    public record LenderChoice(String branchId, String branchName, String libraryName, LocalDate availableFrom, String excludedBecause) {}

    private final OrderRepository orders;
    private final OrderProcess process;
    private final CatalogueService catalogue;
    private final DirectoryService directory;

    Orders(OrderRepository orders, OrderProcess process, CatalogueService catalogue, DirectoryService directory) {
        this.orders = orders;
        this.process = process;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    public Optional<IllOrder> find(long orderId) {
        return orders.find(orderId);
    }

    public IllOrder order(long orderId) {
        return orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
    }

    /** Whether the order is still moving on from the last change (a step of its process runs in the background). */
    public boolean continuing(long orderId) {
        return process.continuing(orderId);
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

    /** The title of what the order asks for (its pid when the record is gone). */
    public String title(IllOrder order) {
        return catalogue.findRecord(order.orderedPid()).map(BibRecord::title).orElse(order.orderedPid());
    }

    /** The edition the lender is (or was) asked for; the ordered one before a lender is chosen. */
    public static String askedPid(IllOrder order) {
        return order.lenderPid() == null ? order.orderedPid() : order.lenderPid();
    }

    /** The title of the edition the lender is asked for (its pid when the record is gone). */
    public String askedTitle(IllOrder order) {
        String pid = askedPid(order);
        return catalogue.findRecord(pid).map(BibRecord::title).orElse(pid);
    }

    /**
     * The title, and one line for Tasklist: title, pickup branch, need-before date; while a lender is asked, the
     * edition it is asked for (which may not be the one the patron ordered); the borrowing library by name.
     */
    public TaskFacts taskFacts(long orderId) {
        IllOrder order = order(orderId);
        String title = title(order);
        String pickup = directory.findBranch(order.pickupBranchId()).map(b -> b.name() + " (" + b.branchId() + ")").orElse(order.pickupBranchId());
        String edition = order.currentAttempt().map(a -> a.pid() == null ? order.orderedPid() : a.pid())
            .map(pid -> " · " + catalogue.findRecord(pid).map(r -> r.edition() == null ? pid : r.edition() + ", " + pid).orElse(pid))
            .orElse("");
        String borrower = directory.findAgency(order.borrowerAgencyId()).map(a -> a.name() + " (" + a.agencyId() + ")").orElse(order.borrowerAgencyId());
        return new TaskFacts(title, title + edition + " · " + pickup + " · " + order.needBeforeDate(), borrower);
    }

    /** The candidates of the order's automation decision, those that can lend soonest first. */
    public List<LenderChoice> lenderChoices(long orderId) {
        IllOrder order = order(orderId);
        if (order.automation() == null) {
            return List.of();
        }
        return order.automation().candidates().stream().sorted(Candidate.BEST_FIRST)
            .map(c -> new LenderChoice(c.branchId(), directory.findBranch(c.branchId()).map(b -> b.name()).orElse(c.branchId()),
                directory.findAgency(c.agencyId()).map(a -> a.name()).orElse(c.agencyId()), c.availabilityDate(), c.excludedBecause()))
            .toList();
    }
}
