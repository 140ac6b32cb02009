package dk.fjernlaan.order;

/** The life of an order, as the contract names it. Closed statuses end the order. */
public enum OrderStatus {
    RECEIVED(false),
    LOCAL_RESERVATION(false),
    AWAITING_MANUAL(false),
    SENT_TO_LENDER(false),
    WILL_SUPPLY(false),
    EXPECT_TO_SUPPLY(false),
    SHIPPED(false),
    AT_PICKUP(false),
    ON_LOAN(false),
    RETURN_SHIPPED(false),
    FORWARDED(false),
    COMPLETED(true),
    EXPIRED(true),
    CANCELLED(true),
    UNFILLED(true);

    private final boolean closed;

    OrderStatus(boolean closed) {
        this.closed = closed;
    }

    public boolean closed() {
        return closed;
    }

    /** Before the lender has dispatched the item: the order can still be cancelled or expire. */
    public boolean beforeDispatch() {
        return ordinal() < SHIPPED.ordinal();
    }
}
