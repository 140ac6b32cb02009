package dk.fjernlaan.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Sending a returned item straight on to the next borrower (plain Java). */
class NextBorrowerPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void theNextOrderMustReceiveTheItemByItsNeedBeforeDate() {
        assertThat(NextBorrowerPolicy.canTake(false, "p1", "p2", TODAY.plusDays(3), TODAY.plusDays(3))).isTrue();
        assertThat(NextBorrowerPolicy.canTake(false, "p1", "p2", TODAY.plusDays(4), TODAY.plusDays(3))).isFalse();
    }

    @Test
    void anOrderForTheExactEditionTakesOnlyThatEdition() {
        assertThat(NextBorrowerPolicy.canTake(true, "p1", "p2", TODAY, TODAY.plusDays(10))).isFalse();
        assertThat(NextBorrowerPolicy.canTake(true, "p1", "p1", TODAY, TODAY.plusDays(10))).isTrue();
    }

    @Test
    void theNextLoanLastsAsLongAsTheFirstAndAtLeastTwoWeeks() {
        assertThat(NextBorrowerPolicy.dueDate(TODAY.minusDays(10), TODAY.plusDays(30), TODAY)).isEqualTo(TODAY.plusDays(40));
        assertThat(NextBorrowerPolicy.dueDate(TODAY, TODAY.plusDays(5), TODAY)).isEqualTo(TODAY.plusDays(14));
        assertThat(NextBorrowerPolicy.dueDate(null, null, TODAY)).isEqualTo(TODAY.plusDays(30));
    }
}
