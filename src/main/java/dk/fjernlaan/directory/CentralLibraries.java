package dk.fjernlaan.directory;

import java.util.List;

/** The six central libraries and the national overcentral (Det Kgl. Bibliotek). */
public final class CentralLibraries {

    public static final String GENTOFTE = "715700";
    public static final String ROSKILDE = "726500";
    public static final String ODENSE = "746100";
    public static final String VEJLE = "763000";
    public static final String HERNING = "765700";
    public static final String AALBORG = "785100";
    /** Det Kgl. Bibliotek: overcentral, the national top-level lender. */
    public static final String KB = "800010";

    public static final List<String> ALL = List.of(GENTOFTE, ROSKILDE, ODENSE, VEJLE, HERNING, AALBORG);

    private CentralLibraries() {}

    public static boolean isCentralLibrary(String agencyId) {
        return ALL.contains(agencyId);
    }
}
