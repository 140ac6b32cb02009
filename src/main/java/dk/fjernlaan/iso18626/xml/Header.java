package dk.fjernlaan.iso18626.xml;

import java.time.OffsetDateTime;

/**
 * The header of a request or an agency message: who supplies, who requests, the requester's id for the request
 * (and the supplier's, once it has one), and the sender's credentials.
 */
public record Header(AgencyId supplyingAgencyId, AgencyId requestingAgencyId, String multipleItemRequestId,
                     OffsetDateTime timestamp, String requestingAgencyRequestId, String supplyingAgencyRequestId,
                     String accountId, String securityCode) {

    /** The header again without the credentials (they are not kept). */
    public Header withoutCredentials() {
        return new Header(supplyingAgencyId, requestingAgencyId, multipleItemRequestId, timestamp, requestingAgencyRequestId,
            supplyingAgencyRequestId, null, null);
    }
}
