package dk.fjernlaan.automation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.HoldingsPort;

/**
 * Everything the automation rules look at, gathered before they run: the order, the record's age facts, the
 * borrower's settings, each holder with its settings and its answer, and the borrower's lending route.
 */
public record DecisionInput(
    LocalDate today,
    String borrowerAgencyId,
    String orderSystem,
    String staffChosenLender,
    LocalDate needBeforeDate,
    String orderedPid,
    int materialType,
    LocalDate recordCreated,
    boolean overbygning,
    BorrowerSettings borrower,
    OwnProfile ownProfile,
    int ownLoanPeriodDays,
    List<Holder> holders,
    Map<String, Integer> routePositions,
    int decisionVersion) {

    /** A branch holding the work, with what the rules need to know about it. */
    /** A holder, with its availability as its system answered ({@code waited}: the time it was given, if it did not answer). */
    public record Holder(String branchId, String agencyId, boolean centralLibrary, boolean branchReceivesIll,
                         LenderSettings lender, boolean closedForIll, HoldingsPort.Outcome answer, List<HoldingItem> items,
                         java.time.Duration waited) {

        public Holder(String branchId, String agencyId, boolean centralLibrary, boolean branchReceivesIll, LenderSettings lender,
                      boolean closedForIll, HoldingsPort.Outcome answer, List<HoldingItem> items) {
            this(branchId, agencyId, centralLibrary, branchReceivesIll, lender, closedForIll, answer, items, null);
        }
    }
}
