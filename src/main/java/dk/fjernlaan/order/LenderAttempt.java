package dk.fjernlaan.order;

import java.time.Instant;

/**
 * One lender the order was sent to: which edition it was asked for ({@code pid}: the record it holds, which need not be
 * the one the patron ordered), when, and how it ended ({@code outcome} null while it is the current request; else
 * {@code LOANED}, {@code UNFILLED}, {@code RETRY_POSSIBLE}, {@code SILENT}, {@code WITHDRAWN}).
 */
public record LenderAttempt(String branchId, String agencyId, String pid, Instant sentAt, String outcome, String reason, Instant endedAt) {

    public static final String LOANED = "LOANED";
    public static final String UNFILLED = "UNFILLED";
    public static final String RETRY_POSSIBLE = "RETRY_POSSIBLE";
    public static final String SILENT = "SILENT";
    public static final String WITHDRAWN = "WITHDRAWN";

    LenderAttempt ended(String how, String why, Instant at) {
        return new LenderAttempt(branchId, agencyId, pid, sentAt, how, why, at);
    }

    public boolean open() {
        return outcome == null;
    }
}
