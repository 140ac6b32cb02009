package dk.fjernlaan.catalogue;

import java.time.LocalDate;

/** One copy held by a branch. {@code dueDate} is set for items on loan. */
public record HoldingItem(String pid, String branchId, String itemId, ItemStatus status, LocalDate dueDate,
                          boolean loanableForIll) {
}
