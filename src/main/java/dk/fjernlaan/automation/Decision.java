package dk.fjernlaan.automation;

import java.time.LocalDate;
import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/**
 * The outcome of the automation rules. {@code route} says where the order goes next: to the chosen lender
 * ({@link Route#AUTOMATED}), to the lender staff chose ({@link Route#STAFF_CHOSEN}), to the borrower's
 * manual queue ({@link Route#MANUAL}) or to the local reservation queue ({@link Route#LOCAL}).
 */
public record Decision(Route route, String reason, boolean own, String lenderBranchId, String lenderAgencyId,
                       LocalDate availabilityDate, List<Candidate> candidates, List<Text> explanation,
                       List<Text> note, int decisionVersion) {

    /** The edition the chosen lender is asked for (the one it holds), or null when there is no chosen lender. */
    public String lenderPid() {
        return candidates.stream().filter(c -> c.branchId().equals(lenderBranchId) && c.excludedBecause() == null)
            .map(Candidate::pid).findFirst().orElse(null);
    }

    public enum Route { AUTOMATED, STAFF_CHOSEN, MANUAL, LOCAL }

    public boolean automated() {
        return route == Route.AUTOMATED;
    }

    public Automation toAutomation() {
        return new Automation(automated() ? Automation.AUTOMATED : Automation.NON_AUTOMATED, reason, own, note, explanation,
            decisionVersion, candidates);
    }
}
