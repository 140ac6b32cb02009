package dk.fjernlaan.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NewMaterialRulesTest {

    static final LocalDate CREATED = LocalDate.of(2025, 5, 1);

    @Test
    void theNewsPeriodOfBkm202520EndsWithWeek24() {
        assertThat(NewMaterialRules.newsPeriodEnd("BKM202520")).contains(LocalDate.of(2025, 6, 15));
        assertThat(NewMaterialRules.newsPeriodEnd("202520")).isEmpty();
    }

    @Test
    void physicalFirstEditionsAreNewUpToAndIncludingWeek24() {
        assertThat(NewMaterialRules.warnings(true, true, "BKM202520", CREATED, null, LocalDate.of(2025, 6, 15)))
            .extracting(NewMaterialWarning::code).containsExactly(NewMaterialRules.NEW_MATERIAL);
        assertThat(NewMaterialRules.warnings(true, true, "BKM202520", CREATED, null, LocalDate.of(2025, 6, 16))).isEmpty();
    }

    @Test
    void laterEditionsAndNonPhysicalMaterialAreNotNew() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(NewMaterialRules.warnings(true, false, "BKM202520", CREATED, null, day)).isEmpty();
        assertThat(NewMaterialRules.warnings(false, true, "BKM202520", CREATED, null, day)).isEmpty();
        assertThat(NewMaterialRules.warnings(true, true, null, CREATED, null, day)).isEmpty();
    }

    @Test
    void materialNewerThanTheLibrarysOwnRuleIsWarnedAbout() {
        assertThat(NewMaterialRules.warnings(true, false, null, CREATED, 90, CREATED.plusDays(89)))
            .singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(NewMaterialRules.NEWER_THAN_OWN_RULE);
                assertThat(w.message()).isEqualTo(dk.fjernlaan.platform.texts.Text.of("warning.NEWER_THAN_OWN_RULE", 90, 89L));
            });
        assertThat(NewMaterialRules.warnings(true, false, null, CREATED, 90, CREATED.plusDays(90))).isEmpty();
    }
}
