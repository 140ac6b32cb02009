package dk.fjernlaan.automation;

/** Changes a library's row of the age-threshold table by deploying a new version of the decision. */
public interface ThresholdEditor {

    /**
     * Sets the library's thresholds for a material type (null = no threshold of its own, the default row applies).
     *
     * @return the decision version that now answers (a new one when anything changed)
     */
    int setLibraryThresholds(String agencyId, int materialType, Integer borrowerMinAgeDays, Integer lenderMinAgeDays);
}
