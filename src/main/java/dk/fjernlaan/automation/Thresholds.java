package dk.fjernlaan.automation;

/** The age thresholds of one library (and branch) for one material type; null = no threshold set. */
public record Thresholds(Integer borrowerMinAgeDays, Integer lenderMinAgeDays) {
}
