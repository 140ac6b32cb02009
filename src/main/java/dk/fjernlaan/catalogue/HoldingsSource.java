package dk.fjernlaan.catalogue;

/**
 * Where a library's availability comes from: the embedded store that its system pushes into ({@code EMBEDDED}, the
 * default), or its own library system asked live over ISO 20775 at {@code url}, given {@code timeoutMs} to answer.
 */
public record HoldingsSource(String agencyId, Kind kind, String url, Integer timeoutMs) {

    public enum Kind { EMBEDDED, ISO20775 }

    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_TIMEOUT_MS = 30_000;

    public static HoldingsSource embedded(String agencyId) {
        return new HoldingsSource(agencyId, Kind.EMBEDDED, null, null);
    }
}
