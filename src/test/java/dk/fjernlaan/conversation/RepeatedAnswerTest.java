package dk.fjernlaan.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import org.junit.jupiter.api.Test;

/** Which lender messages only repeat what the order has (a client's retry), over the order itself (plain Java). */
class RepeatedAnswerTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 4, 1);

    private static IllOrder sentTo(String... agencies) {
        IllOrder order = IllOrder.received(1, "710100", "710100", "p", List.of("870970-basis:1"), "w", 1, DUE.plusDays(60),
            OrderSystem.bibliotekdk, null, false, List.of(), "test", NOW);
        for (String agency : agencies) {
            order.sentToLender(agency, agency, "870970-basis:1", NOW, "system");
        }
        return order;
    }

    private static SupplierMessage says(SupplierStatus status) {
        return new SupplierMessage(status, null, status == SupplierStatus.ExpectToSupply ? DUE : null,
            status == SupplierStatus.Loaned ? DUE : null, null, null);
    }

    @Test
    void theSameAnswerToTheCurrentRequestIsARepeat() {
        IllOrder order = sentTo("715700");
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.WillSupply))).isFalse();
        order.lenderAnswered(says(SupplierStatus.WillSupply), NOW, "715700");
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.WillSupply))).isTrue();
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.ExpectToSupply))).isFalse();
    }

    @Test
    void anExpectedDateIsARepeatOnlyWithTheSameDate() {
        IllOrder order = sentTo("715700");
        order.lenderAnswered(says(SupplierStatus.ExpectToSupply), NOW, "715700");
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.ExpectToSupply))).isTrue();
        assertThat(RepeatedAnswer.repeats(order, "715700",
            new SupplierMessage(SupplierStatus.ExpectToSupply, null, DUE.plusDays(1), null, null, null))).isFalse();
    }

    @Test
    void aDispatchIsARepeatWithTheSameDueDateAndAnUnfilledOnceTheRequestEndedSo() {
        IllOrder order = sentTo("715700");
        order.lenderAnswered(says(SupplierStatus.Loaned), NOW, "715700");
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.Loaned))).isTrue();
        assertThat(RepeatedAnswer.repeats(order, "715700",
            new SupplierMessage(SupplierStatus.Loaned, null, null, DUE.plusDays(7), null, null))).isFalse();

        IllOrder other = sentTo("715700");
        other.lenderAnswered(says(SupplierStatus.Unfilled), NOW, "715700");
        assertThat(RepeatedAnswer.repeats(other, "715700", says(SupplierStatus.Unfilled))).isTrue();
        assertThat(RepeatedAnswer.repeats(other, "715700", says(SupplierStatus.RetryPossible))).isFalse();
    }

    @Test
    void aLenderNeverAskedOrAskedBeforeTheCurrentOneIsJudgedByItsOwnLastRequest() {
        IllOrder order = sentTo("715700");
        order.lenderAnswered(says(SupplierStatus.Unfilled), NOW, "715700");
        order.sentToLender("726500", "726500", "870970-basis:1", NOW, "system");
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.Unfilled))).as("its own last answer").isTrue();
        assertThat(RepeatedAnswer.repeats(order, "715700", says(SupplierStatus.WillSupply))).isFalse();
        assertThat(RepeatedAnswer.repeats(order, "726500", says(SupplierStatus.Unfilled))).isFalse();
        assertThat(RepeatedAnswer.repeats(order, "761500", says(SupplierStatus.WillSupply))).as("never asked").isFalse();
    }
}
