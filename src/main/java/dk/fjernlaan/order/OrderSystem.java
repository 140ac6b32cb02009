package dk.fjernlaan.order;

/** Where an order comes from (lower case, as the contract spells them). */
@SuppressWarnings("java:S115")
public enum OrderSystem {
    /** a patron in Bibliotek.dk */
    bibliotekdk,
    /** library staff in Netpunkt */
    netpunkt,
    /** a library's own catalogue (overbygning material) */
    localcatalog,
    /** a library's own ILL system, over ISO 18626 (the library's peer sent a Request) */
    iso18626
}
