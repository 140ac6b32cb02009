package dk.fjernlaan.catalogue;

/** An item's state as a local system reports it (ISO 20775 availability). */
public enum ItemStatus {
    OnShelf, OnLoan, OnOrder, NotForLoan, Lost, Discarded,
    /** the local system cannot say when the item is available (ISO 20775 status unknown, possibly, or out without a date) */
    Unknown
}
