package dk.fjernlaan.iso18626.xml;

/** An agency as ISO 18626 names it: a type (ISIL, ...) and a value; written as the symbol {@code TYPE:VALUE}. */
public record AgencyId(String type, String value) {

    public static AgencyId of(String symbol) {
        int colon = symbol.indexOf(':');
        if (colon <= 0 || colon == symbol.length() - 1) {
            throw new IllegalArgumentException("A symbol is TYPE:VALUE, not " + symbol);
        }
        return new AgencyId(symbol.substring(0, colon), symbol.substring(colon + 1));
    }

    public String symbol() {
        return type + ":" + value;
    }

    @Override
    public String toString() {
        return symbol();
    }
}
