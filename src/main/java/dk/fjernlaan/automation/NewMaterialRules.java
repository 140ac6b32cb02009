package dk.fjernlaan.automation;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.platform.texts.Text;

/**
 * When to warn that brand-new material is ordered as ILL. New = physical, first edition, within the news
 * period: the BKM week + 4 weeks (BKM202520: up to and including week 24 of 2025). Also: material newer than
 * the library's own minimum age as borrower.
 */
public final class NewMaterialRules {

    public static final String NEW_MATERIAL = "NEW_MATERIAL";
    public static final String NEWER_THAN_OWN_RULE = "NEWER_THAN_OWN_RULE";
    static final int NEWS_WEEKS = 4;

    private NewMaterialRules() {}

    /** The last day of the news period of a BKM week code, e.g. BKM202520 -> Sunday of ISO week 24, 2025. */
    public static Optional<LocalDate> newsPeriodEnd(String bkmWeek) {
        if (bkmWeek == null || !bkmWeek.matches("BKM\\d{6}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(bkmWeek.substring(3, 7));
        int week = Integer.parseInt(bkmWeek.substring(7));
        LocalDate monday = LocalDate.of(year, 6, 1)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
            .with(DayOfWeek.MONDAY);
        return Optional.of(monday.plusWeeks(NEWS_WEEKS).with(DayOfWeek.SUNDAY));
    }

    public static List<NewMaterialWarning> warnings(boolean physical, boolean firstEdition, String bkmWeek, LocalDate recordCreated,
                                                    Integer borrowerMinAgeDays, LocalDate today) {
        List<NewMaterialWarning> warnings = new ArrayList<>();
        if (physical && firstEdition) {
            newsPeriodEnd(bkmWeek).filter(end -> !today.isAfter(end)).ifPresent(end -> warnings.add(new NewMaterialWarning(NEW_MATERIAL,
                Text.of("warning.NEW_MATERIAL", bkmWeek, end.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), end.get(IsoFields.WEEK_BASED_YEAR)))));
        }
        long age = DAYS.between(recordCreated, today);
        if (borrowerMinAgeDays != null && age < borrowerMinAgeDays) {
            warnings.add(new NewMaterialWarning(NEWER_THAN_OWN_RULE, Text.of("warning.NEWER_THAN_OWN_RULE", borrowerMinAgeDays, age)));
        }
        return warnings;
    }
}
