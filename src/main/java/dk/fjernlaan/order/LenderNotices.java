package dk.fjernlaan.order;

import java.time.Instant;
import java.util.List;

/**
 * The notices a lender working in Fjernlån has been given (the order no longer needs its item: withdrawn,
 * cancelled, expired) and not yet confirmed; its staff confirm them in Tasklist or the workbench.
 */
public interface LenderNotices {

    /** One notice waiting to be confirmed. */
    record Open(String id, long orderId, LenderChannel.Notice notice, Instant given) {}

    /** The lender library's open notices, oldest first. */
    List<Open> open(String lenderAgencyId);

    /**
     * Confirms the notice, when it is one of the library's.
     *
     * @return false when there is no such open notice for the library
     */
    boolean confirm(String noticeId, String lenderAgencyId);
}
