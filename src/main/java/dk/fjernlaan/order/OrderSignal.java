package dk.fjernlaan.order;

/** What happens to an order's item after dispatch, as its process hears about it. */
public enum OrderSignal {
    ITEM_RECEIVED, PICKED_UP, NOT_PICKED_UP, RETURNED, DUE_DATE_CHANGED, LOAN_COMPLETED, ITEM_FORWARDED, FORWARDED_ITEM_ARRIVED
}
