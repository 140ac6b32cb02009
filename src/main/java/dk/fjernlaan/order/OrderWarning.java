package dk.fjernlaan.order;

/** A warning given when the order was placed (e.g. brand-new material ordered as ILL). */
public record OrderWarning(String code, String message) {
}
