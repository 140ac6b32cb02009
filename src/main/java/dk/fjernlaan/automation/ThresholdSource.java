package dk.fjernlaan.automation;

import dk.fjernlaan.directory.AgencyType;

/** The age thresholds and own-material profiles, as decided by the current version of their decision tables. */
public interface ThresholdSource {

    /** The thresholds as of now: one version of the tables, used for a whole decision. */
    Table current();

    interface Table {
        /** Version of the age-threshold decision that answers. */
        int version();

        Thresholds forLibrary(String agencyId, String branchId, AgencyType type, int materialType);

        OwnProfile ownProfile(int profile);
    }
}
