package dk.fjernlaan.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** When a lender that will supply later keeps the request (plain Java). */
class RotaPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate NEED_BEFORE = TODAY.plusDays(30);

    @Test
    void aDateAfterTheNeedBeforeDateIsNeverAcceptable() {
        assertThat(RotaPolicy.expectedDateAcceptable(NEED_BEFORE.plusDays(1), NEED_BEFORE, Optional.empty(), 7)).isFalse();
        assertThat(RotaPolicy.expectedDateAcceptable(NEED_BEFORE, NEED_BEFORE, Optional.empty(), 7)).isTrue();
    }

    @Test
    void aLaterDateIsAcceptableWithinTheMarginOfWhatAnotherLenderCanDoNow() {
        assertThat(RotaPolicy.expectedDateAcceptable(TODAY.plusDays(7), NEED_BEFORE, Optional.of(TODAY), 7)).isTrue();
        assertThat(RotaPolicy.expectedDateAcceptable(TODAY.plusDays(8), NEED_BEFORE, Optional.of(TODAY), 7)).isFalse();
    }

    @Test
    void withNoOtherLenderAnyDateByTheNeedBeforeDateIsAcceptable() {
        assertThat(RotaPolicy.expectedDateAcceptable(TODAY.plusDays(25), NEED_BEFORE, Optional.empty(), 7)).isTrue();
        assertThat(RotaPolicy.expectedDateAcceptable(null, NEED_BEFORE, Optional.of(TODAY), 7)).isTrue();
    }
}
