package dk.fjernlaan.automation;

/** VIP's three-way switch for automated ILL: take part, try it out (annotate only), or not. */
public enum Participation {
    YES, TEST, NO
}
