package dk.fjernlaan.directory;

/** Kind of library, as in VIP's agency type. */
public enum AgencyType {
    PUBLIC, RESEARCH, SCHOOL, OTHER;

    /** Maps VIP's Danish type names ("Folkebibliotek", "Forskningsbibliotek", "Skolebibliotek", ...). */
    public static AgencyType fromVip(String vipType) {
        return switch (vipType == null ? "" : vipType.trim()) {
            case "Folkebibliotek" -> PUBLIC;
            case "Forskningsbibliotek" -> RESEARCH;
            case "Skolebibliotek" -> SCHOOL;
            default -> OTHER;
        };
    }
}
