package dk.fjernlaan.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.automation.Decision.Route;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.HoldingsPort;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.platform.texts.Text;
import org.junit.jupiter.api.Test;

/**
 * The automation rules as plain Java, without the engine or a database: the webinar's scenarios and the libraries'
 * questions, each a decision over facts laid out in the test.
 */
class AutomationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String BORROWER = "737000";
    static final String PID = "870970-basis:1";

    /** The facts of one decision, built up by a test. */
    private static final class Facts {
        String orderSystem = "bibliotekdk";
        String staffChosen;
        LocalDate needBefore = TODAY.plusDays(180);
        String orderedPid = PID;
        long ageDays = 400;
        boolean overbygning;
        BorrowerSettings borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.NO, 1);
        OwnProfile profile = new OwnProfile(1, 365, 14);
        int loanPeriodDays = 30;
        final List<DecisionInput.Holder> holders = new ArrayList<>();
        final Map<String, Integer> route = new HashMap<>();

        Facts holder(String agencyId, int lenderMinAge, HoldingItem... items) {
            return holder(agencyId, false, lenderMinAge, items);
        }

        Facts holder(String agencyId, boolean central, int lenderMinAge, HoldingItem... items) {
            holders.add(new DecisionInput.Holder(agencyId, agencyId, central, true, new LenderSettings(true, lenderMinAge), false,
                HoldingsPort.Outcome.ANSWERED, List.of(items)));
            route.putIfAbsent(agencyId, route.size() + 1);
            return this;
        }

        Decision decide() {
            return AutomationRules.decide(new DecisionInput(TODAY, BORROWER, orderSystem, staffChosen, needBefore, orderedPid, 1,
                TODAY.minusDays(ageDays), overbygning, borrower, profile, loanPeriodDays, holders, route, 7));
        }
    }

    private static HoldingItem onShelf(String branch) {
        return new HoldingItem(PID, branch, "i-" + branch, ItemStatus.OnShelf, null, true);
    }

    private static HoldingItem onLoan(String branch, int dueInDays) {
        return new HoldingItem(PID, branch, "i-" + branch, ItemStatus.OnLoan, TODAY.plusDays(dueInDays), true);
    }

    private static String candidateExclusion(Decision d, String branch) {
        return d.candidates().stream().filter(c -> c.branchId().equals(branch)).findFirst().orElseThrow().excludedBecause();
    }

    @Test
    void scenario1_aBookOf180DaysWithTheOnlyLenderAt365DaysIsAManualOrderForTheBorrower() {
        Facts facts = new Facts();
        facts.ageDays = 180;
        facts.holder("715700", 365, onShelf("715700"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.MANUAL);
        assertThat(d.reason()).isEqualTo(Reason.NEW_FOR_RESPONDER);
        assertThat(candidateExclusion(d, "715700")).isEqualTo(Reason.NEW_FOR_RESPONDER);
    }

    @Test
    void scenario2_ownMaterialAllowedGoesToALenderWithItOnTheShelfWhenTheOwnCopyIsNotBackWithin14Days() {
        Facts facts = new Facts();
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1);
        facts.holder(BORROWER, 0, onLoan(BORROWER, 30));
        facts.holder("739000", 0, onLoan("739000", 2));
        facts.holder("746100", 0, onShelf("746100"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.AUTOMATED);
        assertThat(d.own()).isTrue();
        assertThat(d.lenderBranchId()).isEqualTo("746100");
        // own material goes only to a lender that has it on the shelf: a hold on a loaned copy does not count
        assertThat(candidateExclusion(d, "739000")).isEqualTo(Reason.NOT_ON_SHELF);
    }

    private static HoldingItem onLoanWithQueue(String branch, String item, int dueInDays, int queue) {
        return new HoldingItem(PID, branch, item, ItemStatus.OnLoan, TODAY.plusDays(dueInDays), true, queue);
    }

    @Test
    void houseOfSkyAndBreath_threeAheadInTheQueueAtHomeSendsTheOrderToALenderWithItOnTheShelf() {
        Facts facts = new Facts();
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1);
        // the own copy is due back in 10 days, within the profile's 14, but three patrons wait for it first
        facts.holder(BORROWER, 0, onLoanWithQueue(BORROWER, "own-1", 10, 3));
        facts.holder("746100", 0, onShelf("746100"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.AUTOMATED);
        assertThat(d.own()).isTrue();
        assertThat(d.lenderBranchId()).isEqualTo("746100");
        // 10 days, then three loans of 30 days: day 100
        assertThat(d.explanation()).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("explain.ownQueueBeyond");
            assertThat(t.args()).containsExactly(TODAY.plusDays(10), 3, TODAY.plusDays(100), 30, 1, 14);
        });
    }

    @Test
    void houseOfSkyAndBreath_withoutTheQueueTheSameOwnCopyKeepsThePatronAtHome() {
        Facts facts = new Facts();
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1);
        facts.holder(BORROWER, 0, onLoan(BORROWER, 10));
        facts.holder("746100", 0, onShelf("746100"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.LOCAL);
        assertThat(d.explanation()).extracting(Text::key).contains("explain.ownDueBack");
    }

    @Test
    void aShortQueueServedByTwoOwnCopiesStillReachesThePatronWithinTheLimit() {
        Facts facts = new Facts();
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1);
        facts.profile = new OwnProfile(1, 365, 40);
        // one ahead takes the copy due in 5 days; the patron gets the one due in 12 days
        facts.holder(BORROWER, 0, onLoanWithQueue(BORROWER, "own-1", 5, 1), onLoanWithQueue(BORROWER, "own-2", 12, 1));
        facts.holder("746100", 0, onShelf("746100"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.LOCAL);
        assertThat(d.explanation()).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("explain.ownQueueWithin");
            assertThat(t.args()).containsExactly(TODAY.plusDays(5), 1, TODAY.plusDays(12), 30, 1, 40);
        });
    }

    @Test
    void thePatronsTurnIsTheCopyFreeAfterTheLoansAhead() {
        List<LocalDate> due = List.of(TODAY.plusDays(3), TODAY.plusDays(20));
        assertThat(AutomationRules.patronsTurn(due, 0, 30)).isEqualTo(TODAY.plusDays(3));
        assertThat(AutomationRules.patronsTurn(due, 1, 30)).isEqualTo(TODAY.plusDays(20));
        assertThat(AutomationRules.patronsTurn(due, 2, 30)).isEqualTo(TODAY.plusDays(33));
        assertThat(AutomationRules.patronsTurn(due, 3, 30)).isEqualTo(TODAY.plusDays(50));
    }

    @Test
    void scenario2_anOwnCopyExpectedBackWithin14DaysKeepsThePatronAtHome() {
        Facts facts = new Facts();
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1);
        facts.holder(BORROWER, 0, onLoan(BORROWER, 10));
        facts.holder("746100", 0, onShelf("746100"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.LOCAL);
        assertThat(d.reason()).isEqualTo(Reason.NOT_POSSIBLE);
    }

    @Test
    void scenario2_ownMaterialYoungerThanTheProfilesYearIsNotAutomated() {
        Facts facts = new Facts();
        facts.ageDays = 300;
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, true, Participation.YES, 1);
        facts.holder(BORROWER, 0, onLoan(BORROWER, 30));
        facts.holder("746100", 0, onShelf("746100"));
        assertThat(facts.decide().reason()).isEqualTo(Reason.NEW_FOR_AUT_OWN);
    }

    @Test
    void libraryQuestion2_theLendersNinetyDaysAreRespectedWhenTheBorrowerAllowsThirty() {
        Facts facts = new Facts();
        facts.ageDays = 45;
        facts.borrower = new BorrowerSettings(Participation.YES, 30, null, true, Participation.NO, 1);
        facts.holder("715700", 90, onShelf("715700"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.MANUAL);
        assertThat(d.reason()).isEqualTo(Reason.NEW_FOR_RESPONDER);
    }

    @Test
    void theBorrowersOwnMinimumIsCheckedBeforeAnyLender() {
        Facts facts = new Facts();
        facts.ageDays = 20;
        facts.borrower = new BorrowerSettings(Participation.YES, 90, null, true, Participation.NO, 1);
        facts.holder("715700", 0, onShelf("715700"));
        Decision d = facts.decide();
        assertThat(d.reason()).isEqualTo(Reason.NEW_FOR_REQUESTER);
        assertThat(d.candidates()).isEmpty();
    }

    @Test
    void theEarliestAvailabilityWinsAndOnEqualDatesTheLendingRoute() {
        Facts facts = new Facts();
        facts.holder("726500", 0, onLoan("726500", 5));
        facts.holder("746100", 0, onShelf("746100"));
        facts.holder("763000", 0, onShelf("763000"));
        Decision d = facts.decide();
        assertThat(d.lenderBranchId()).isEqualTo("746100");
        assertThat(d.availabilityDate()).isEqualTo(TODAY);
        facts.route.put("763000", 1);
        facts.route.put("726500", 2);
        facts.route.put("746100", 3);
        assertThat(facts.decide().lenderBranchId()).isEqualTo("763000");
    }

    @Test
    void nothingByTheNeedBeforeDateIsNotAutomated() {
        Facts facts = new Facts();
        facts.needBefore = TODAY.plusDays(3);
        facts.holder("726500", 0, onLoan("726500", 10));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.MANUAL);
        assertThat(d.reason()).isEqualTo(Reason.USER_DATE_EXCEEDED);
    }

    @Test
    void houseOfSkyAndBreath_withoutOwnMaterialThePatronIsQueuedAtHomeEvenWithCopiesOnShelvesElsewhere() {
        Facts facts = new Facts();
        facts.holder(BORROWER, 0, onLoan(BORROWER, 21));
        facts.holder("715700", 0, onShelf("715700"));
        facts.holder("751000", 0, onShelf("751000"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.LOCAL);
        assertThat(d.own()).isTrue();
    }

    @Test
    void question4_thePatronOrdersTheWorkAndTheFirstAvailableEditionIsAskedFor() {
        Facts facts = new Facts();
        facts.orderedPid = "870970-basis:NEW";
        facts.holder("739000", 0, new HoldingItem("870970-basis:NEW", "739000", "n", ItemStatus.OnLoan, TODAY.plusDays(20), true));
        facts.holder("746100", 0, new HoldingItem("870970-basis:OLD", "746100", "o", ItemStatus.OnShelf, null, true));
        Decision d = facts.decide();
        assertThat(d.lenderBranchId()).isEqualTo("746100");
        assertThat(d.lenderPid()).isEqualTo("870970-basis:OLD");
        assertThat(d.explanation()).anySatisfy(t -> assertThat(t.key()).isEqualTo("explain.otherEdition"));
    }

    @Test
    void onTheSameDayTheEditionThePatronOrderedIsPreferred() {
        Facts facts = new Facts();
        facts.orderedPid = "870970-basis:NEW";
        facts.holder("746100", 0, new HoldingItem("870970-basis:OLD", "746100", "o", ItemStatus.OnShelf, null, true),
            new HoldingItem("870970-basis:NEW", "746100", "n", ItemStatus.OnShelf, null, true));
        assertThat(facts.decide().lenderPid()).isEqualTo("870970-basis:NEW");
    }

    @Test
    void overbygning_newForeignMaterialGoesToACentralLibraryWhateverItsAge() {
        Facts facts = new Facts();
        facts.ageDays = 10;
        facts.overbygning = true;
        facts.orderSystem = "localcatalog";
        facts.holder("739000", false, 0, onShelf("739000"));
        facts.holder("763000", true, 365, onShelf("763000"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.AUTOMATED);
        assertThat(d.lenderBranchId()).isEqualTo("763000");
        assertThat(candidateExclusion(d, "739000")).isEqualTo(Reason.OVERBYGNING_CENTRAL_ONLY);
    }

    @Test
    void testModeNamesTheLenderItWouldHaveChosenAndLeavesTheOrderWithStaff() {
        Facts facts = new Facts();
        facts.borrower = new BorrowerSettings(Participation.TEST, 0, null, true, Participation.NO, 1);
        facts.holder("746100", 0, onShelf("746100"));
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.MANUAL);
        assertThat(d.reason()).isEqualTo(Reason.TEST);
        assertThat(d.note()).singleElement().satisfies(t -> assertThat(t.args()).contains("746100"));
    }

    @Test
    void aLenderChosenByStaffIsNotAutomated() {
        Facts facts = new Facts();
        facts.staffChosen = "746100";
        Decision d = facts.decide();
        assertThat(d.route()).isEqualTo(Route.STAFF_CHOSEN);
        assertThat(d.reason()).isEqualTo(Reason.NOT_POSSIBLE);
    }

    @Test
    void whenHoldersFailForDifferentReasonsTheOneThatTellsStaffWhatToChangeIsGiven() {
        Facts facts = new Facts();
        facts.ageDays = 100;
        facts.borrower = new BorrowerSettings(Participation.YES, 0, null, false, Participation.NO, 1);
        facts.holder("739000", 365, onShelf("739000"));
        facts.holder("746100", 0, onLoan("746100", 5));
        facts.holder("763000", 0, new HoldingItem(PID, "763000", "x", ItemStatus.NotForLoan, null, true));
        assertThat(facts.decide().reason()).isEqualTo(Reason.NEW_FOR_RESPONDER);
    }
}
