package dk.fjernlaan.iso18626.xml;

import java.time.OffsetDateTime;

/**
 * The header of a request or an agency message: who supplies, who requests, the requester's id for the request
 * (and the supplier's, once it has one), and the sender's credentials.
 */
public record Header(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, String multipleItemRequestId,
                     OffsetDateTime timestamp, String requestingAgencyRequestId, String supplyingAgencyRequestId,
                     String accountId, String securityCode) {
}
