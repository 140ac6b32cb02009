package dk.fjernlaan.order;

/**
 * How Fjernlån tells a lender that the order no longer needs its item (its request is withdrawn, the order was
 * cancelled or expired), so that it releases a hold and puts the item back. A library that works in Tasklist gets
 * a notice in its queue.
 */
public interface LenderChannel {

    enum Notice { WITHDRAWN, CANCELLED, EXPIRED }

    void tell(IllOrder order, String lenderAgencyId, Notice notice);
}
