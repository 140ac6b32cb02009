package dk.fjernlaan.iso18626;

import dk.fjernlaan.iso18626.xml.AgencyId;

/**
 * Another ILL system Fjernlån talks ISO 18626 with: its symbol, the address it takes messages at, the credentials
 * both sides put in the header, the version it speaks, and the Danish library it stands for, if any (a library
 * whose own system handles its ILL).
 */
public record Peer(String symbol, String name, String address, String accountId, String securityCode, String version,
                   String agencyId) {

    public static final String VERSION_1_2 = "1.2";
    public static final String VERSION_2021 = "2021";

    public AgencyId agency() {
        return AgencyId.of(symbol);
    }
}
