package dk.fjernlaan.directory;

/**
 * A service point of an agency, with its place in the courier scheme: {@code junction} (knudepunkt),
 * {@code dropOffBranch} (afsætningsbibliotek) and {@code routeNumber} (from SLKS).
 */
public record Branch(String branchId, String agencyId, String name, String isil, String junction,
                     String dropOffBranch, String routeNumber, boolean nationalDeliveryService,
                     boolean willReceiveIll, boolean pickupAllowed) {
}
