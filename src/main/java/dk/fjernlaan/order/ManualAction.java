package dk.fjernlaan.order;

/** What staff decide for an order in their manual queue. */
public enum ManualAction {
    /** send it to a lender chosen by staff */
    SEND,
    /** let the automation try again (e.g. after settings or holdings changed) */
    RETRY_AUTOMATION,
    /** close it without supply */
    REJECT
}
