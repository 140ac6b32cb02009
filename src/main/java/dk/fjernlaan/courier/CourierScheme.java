package dk.fjernlaan.courier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The national courier scheme: an item goes from the sending branch to its drop-off branch and junction, on to
 * the receiving branch's junction and to the receiving branch. Transit in working days: one figure when both
 * branches are served from the same junction, another when the parcel changes junction.
 */
@Component
public class CourierScheme {

    private final DirectoryService directory;
    private final WorkingDays workingDays;
    private final int sameJunctionDays;
    private final int otherJunctionDays;

    public CourierScheme(DirectoryService directory, WorkingDays workingDays,
                         FjernlaanSettings settings) {
        this.directory = directory;
        this.workingDays = workingDays;
        this.sameJunctionDays = settings.courier().transitDaysSameJunction();
        this.otherJunctionDays = settings.courier().transitDaysOtherJunction();
    }

    public Shipment route(String fromBranchId, String toBranchId, LocalDate shippedOn) {
        Branch from = directory.findBranch(fromBranchId).orElseThrow(() -> new IllegalStateException("Unknown branch " + fromBranchId));
        Branch to = directory.findBranch(toBranchId).orElseThrow(() -> new IllegalStateException("Unknown branch " + toBranchId));
        if (from.branchId().equals(to.branchId())) {
            // the item stays where it is (the next borrower picks it up at the same branch)
            return new Shipment(from.branchId(), to.branchId(), List.of(), List.of(), true, shippedOn, shippedOn);
        }
        List<String> stops = new ArrayList<>();
        add(stops, from.branchId());
        add(stops, from.dropOffBranch());
        add(stops, from.junction());
        add(stops, to.junction());
        add(stops, to.branchId());
        List<String> routeNumbers = new ArrayList<>();
        for (String stop : stops) {
            directory.findBranch(stop).map(Branch::routeNumber).filter(Objects::nonNull).ifPresent(n -> {
                if (!routeNumbers.contains(n)) {
                    routeNumbers.add(n);
                }
            });
        }
        boolean sameJunction = from.junction() != null && from.junction().equals(to.junction());
        LocalDate arrival = workingDays.plusWorkingDays(shippedOn, transitDays(from, to));
        List<String> via = stops.size() > 2 ? List.copyOf(stops.subList(1, stops.size() - 1)) : List.of();
        return new Shipment(from.branchId(), to.branchId(), via, routeNumbers,
            sameJunction, shippedOn, arrival);
    }

    /** Working days between the two branches. */
    public int transitDays(String fromBranchId, String toBranchId) {
        Branch from = directory.findBranch(fromBranchId).orElseThrow();
        Branch to = directory.findBranch(toBranchId).orElseThrow();
        return transitDays(from, to);
    }

    private int transitDays(Branch from, Branch to) {
        return from.junction() != null && from.junction().equals(to.junction()) ? sameJunctionDays : otherJunctionDays;
    }

    /** Where a lender's items go back to: its drop-off branch, or the branch itself without one. */
    public String returnAddress(String lenderBranchId) {
        return directory.findBranch(lenderBranchId).map(b -> b.dropOffBranch() != null && directory.findBranch(b.dropOffBranch()).isPresent()
            ? b.dropOffBranch() : b.branchId()).orElse(lenderBranchId);
    }

    private static void add(List<String> stops, String branchId) {
        if (branchId != null && (stops.isEmpty() || !stops.get(stops.size() - 1).equals(branchId))) {
            stops.add(branchId);
        }
    }
}
