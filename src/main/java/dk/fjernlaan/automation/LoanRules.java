package dk.fjernlaan.automation;

/**
 * A lender's rules for its loans to other libraries: may a returned item be sent straight on to the next borrower,
 * how long a renewal extends the loan, how many renewals it grants.
 */
public record LoanRules(boolean allowForwarding, int renewalDays, int maxRenewals) {

    public static final LoanRules DEFAULT = new LoanRules(true, 30, 2);
}
