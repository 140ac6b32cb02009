package dk.fjernlaan.order;

import java.time.LocalDate;

/** A message from the lender about an order. {@code supplierBranchId} says who sends it, when known. */
public record SupplierMessage(SupplierStatus status, String reason, LocalDate expectedDeliveryDate, LocalDate dueDate,
                              String itemId, String supplierBranchId) {
}
