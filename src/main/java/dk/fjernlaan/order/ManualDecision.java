package dk.fjernlaan.order;

/** A decision on a manual order: the action, the lender branch (SEND) or the reason (REJECT). */
public record ManualDecision(ManualAction action, String lenderBranchId, String reason) {
}
