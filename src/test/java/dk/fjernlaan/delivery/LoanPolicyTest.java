package dk.fjernlaan.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dk.fjernlaan.automation.LoanRules;
import dk.fjernlaan.platform.texts.Text;
import org.junit.jupiter.api.Test;

/** The rules of the patron's loan (plain Java). */
class LoanPolicyTest {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant NOW = TODAY.atTime(12, 0).atZone(DENMARK).toInstant();

    @Test
    void thePatronsDueDateIsTheLendersLessTheWayBackButNeverBeforeTomorrow() {
        assertThat(LoanPolicy.patronDue(TODAY.plusDays(20), TODAY)).isEqualTo(TODAY.plusDays(20));
        assertThat(LoanPolicy.patronDue(TODAY.minusDays(1), TODAY)).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void theReminderIsThreeDaysBeforeAtNineAndThreeOverdueNoticesFollowAWeekApart() {
        LoanPolicy.Timers timers = LoanPolicy.timers(TODAY.plusDays(30), 3, 3, 7, DENMARK, NOW);
        assertThat(timers.reminderAt()).isEqualTo(TODAY.plusDays(27).atTime(9, 0).atZone(DENMARK).toInstant());
        // the engine fires a cycle at its start and repeats it: R2 gives three notices
        assertThat(timers.overdueCycle()).startsWith("R2/" + TODAY.plusDays(31) + "T09:00").endsWith("/P7D");
    }

    @Test
    void aReminderWhoseTimeHasPassedIsSentAtOnce() {
        assertThat(LoanPolicy.timers(TODAY.plusDays(1), 3, 3, 7, DENMARK, NOW).reminderAt()).isEqualTo(NOW);
    }

    @Test
    void aRenewalIsRefusedWhenAnotherPatronWaitsOrTheLendersMaximumIsReached() {
        LoanRules rules = new LoanRules(true, 30, 2);
        LoanPolicy.Renewal granted = LoanPolicy.renewal(false, 1, rules, TODAY.plusDays(10));
        assertThat(granted.granted()).isTrue();
        assertThat(granted.lenderDue()).isEqualTo(TODAY.plusDays(40));
        assertThat(LoanPolicy.renewal(true, 0, rules, TODAY).refusal()).isEqualTo(Text.of("renewal.refused.waiting"));
        assertThat(LoanPolicy.renewal(false, 2, rules, TODAY).refusal()).isEqualTo(Text.of("renewal.refused.maxRenewals", 2));
    }

    @Test
    void aRecallWithoutADateWantsTheItemBackWithinTheRecallPeriodButNeverLater() {
        assertThat(LoanPolicy.recallDue(TODAY.plusDays(30), TODAY, 7)).isEqualTo(TODAY.plusDays(7));
        assertThat(LoanPolicy.recallDue(TODAY.plusDays(3), TODAY, 7)).isEqualTo(TODAY.plusDays(3));
    }
}
