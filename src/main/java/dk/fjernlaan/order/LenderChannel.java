package dk.fjernlaan.order;

/**
 * How Fjernlån talks to a lender: the request; a notice that the order no longer needs its item (its request is
 * withdrawn, the order was cancelled or expired), so that it releases a hold and puts the item back; and what
 * happens to the item it lent. A library that works in Tasklist gets the request and notices in its queue; a
 * library whose own system is an ISO 18626 peer gets them as messages.
 */
public interface LenderChannel {

    enum Notice { WITHDRAWN, CANCELLED, EXPIRED }

    /** What happened to the lent item at the borrower's end. */
    enum ItemEvent { RECEIVED, SHIPPED_RETURN, SHIPPED_FORWARD }

    /**
     * Sends the order's request to its current lender.
     *
     * @return true when the lender's own system answers it (not its staff in Tasklist)
     */
    boolean request(IllOrder order);

    /**
     * Tells the lender that the order no longer needs its item. {@code saidYes}: the lender had said it will supply
     * (and may have put the item aside); a lender that had not answered yet loses the request from its Tasklist
     * queue without a notice, while a lender's own system is always told.
     */
    void tell(IllOrder order, String lenderAgencyId, Notice notice, boolean saidYes);

    /**
     * Asks the lender to renew the loan.
     *
     * @return true when the lender's own system was asked and its answer decides; false when Fjernlån decides by
     *     the lender's loan rules
     */
    boolean askRenewal(IllOrder order);

    /** Tells the lender what happened to its item; a library that works in Tasklist sees it on the order. */
    void itemEvent(IllOrder order, ItemEvent event);
}
