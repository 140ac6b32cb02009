package dk.fjernlaan.directory;

/**
 * A library agency (the unit that orders and lends). {@code centralLibraryAreaOf} is the agency id of the
 * central library whose area a public library belongs to; {@code inSnapshot} is false for an agency known
 * only from the municipality list (no branches in the directory snapshot).
 */
public record Agency(String agencyId, String name, AgencyType type, boolean centralLibrary,
                     String centralLibraryAreaOf, String municipalityCode, boolean inSnapshot) {

    public boolean isPublic() {
        return type == AgencyType.PUBLIC;
    }
}
