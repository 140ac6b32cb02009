package dk.fjernlaan.catalogue;

/** An item's state as a local system reports it (ISO 20775 availability). */
public enum ItemStatus {
    OnShelf, OnLoan, OnOrder, NotForLoan, Lost, Discarded
}
