package dk.fjernlaan.courier;

import java.time.LocalDate;
import java.util.List;

/**
 * An item's way through the courier scheme (kørselsordning): the branches it passes (from, drop-off branch,
 * junctions, destination), the route numbers where SLKS has given them, when it was handed over and when it is
 * expected to arrive.
 */
public record Shipment(String fromBranchId, String toBranchId, List<String> via, List<String> routeNumbers, boolean sameJunction,
                       LocalDate shippedOn, LocalDate expectedArrival) {
}
