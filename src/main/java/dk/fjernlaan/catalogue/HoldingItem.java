package dk.fjernlaan.catalogue;

import java.time.LocalDate;

/**
 * One copy held by a branch. {@code dueDate} is set for items on loan; {@code reservationQueue}, where the
 * library's system reports it, is how many patrons wait for the record at the branch (null: not reported).
 */
public record HoldingItem(String pid, String branchId, String itemId, ItemStatus status, LocalDate dueDate,
                          boolean loanableForIll, Integer reservationQueue) {

    public HoldingItem(String pid, String branchId, String itemId, ItemStatus status, LocalDate dueDate, boolean loanableForIll) {
        this(pid, branchId, itemId, status, dueDate, loanableForIll, null);
    }
}
