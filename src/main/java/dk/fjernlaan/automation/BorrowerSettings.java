package dk.fjernlaan.automation;

import java.util.List;

/**
 * A library's settings as borrower for one material type. {@code lenders} null means all libraries;
 * {@code minAgeDays} comes from the age-threshold decision table.
 */
public record BorrowerSettings(Participation willSend, Integer minAgeDays, List<String> lenders, boolean reserve,
                               Participation ownMaterial, int ownProfile) {

    public boolean allows(String lenderAgencyId) {
        return lenders == null || lenders.contains(lenderAgencyId);
    }
}
