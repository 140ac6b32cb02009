package dk.fjernlaan.automation;

/** The national reason codes of the automation decision. */
public final class Reason {

    public static final String DELIVERY_BEFORE_DEADLINE = "delivery_before_deadline";
    public static final String NEW_FOR_REQUESTER = "new_for_requester";
    public static final String NEW_FOR_AUT_OWN = "new_for_aut_own";
    public static final String TEST = "test";
    public static final String TEST_AUT_OWN = "test_aut_own";
    public static final String NOT_POSSIBLE = "not_possible";
    public static final String USER_DATE_EXCEEDED = "user_date_exceeded";
    public static final String NEW_FOR_RESPONDER = "new_for_responder";
    public static final String NOT_ON_SHELF = "not_on_shelf";
    public static final String NOT_FOR_LOAN = "not_for_loan";
    public static final String NO_DELIVERY_DATE = "no_delivery_date";
    public static final String NO_PROVIDER = "no_provider";

    /** When no candidate remains: the first of these that applies to any holder tells staff what would have to change. */
    static final java.util.List<String> PRIORITY = java.util.List.of(USER_DATE_EXCEEDED, NEW_FOR_RESPONDER, NOT_ON_SHELF,
        NOT_FOR_LOAN, NO_DELIVERY_DATE);

    // why a holder was left out without a national code of its own (they all count as no_provider)
    public static final String NOT_PARTICIPATING = "not_participating";
    public static final String NOT_ALLOWED_BY_BORROWER = "not_allowed_by_borrower";
    public static final String CLOSED_FOR_ILL = "closed_for_ill";
    public static final String OVERBYGNING_CENTRAL_ONLY = "overbygning_central_libraries_only";
    /** the holder's own library system did not answer in time, or answered with an error or garbage */
    public static final String HOLDER_TIMEOUT = "holder_timeout";
    public static final String HOLDER_ERROR = "holder_error";

    private Reason() {}
}
