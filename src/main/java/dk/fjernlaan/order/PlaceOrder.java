package dk.fjernlaan.order;

import java.time.LocalDate;
import java.util.List;

/** A request for an order, as validated for form by the API. */
public record PlaceOrder(String pickupBranchId, String patronId, List<String> pids, LocalDate needBeforeDate,
                         OrderSystem orderSystem, String responderId, boolean exactEdition) {
}
