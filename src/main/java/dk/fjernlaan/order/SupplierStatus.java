package dk.fjernlaan.order;

/** The lender's messages (ISO 18626 vocabulary). */
public enum SupplierStatus {
    WillSupply, ExpectToSupply, Unfilled, RetryPossible, Loaned, Recalled, LoanCompleted
}
