package dk.fjernlaan.workbench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Dates as staff type them: dd-mm-åååå (also with dots or slashes), or åååå-mm-dd as a date picker sends it. */
final class StaffDates {

    private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

    private StaffDates() {}

    /** The date, or empty when the text is not one. */
    static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().replace('.', '-').replace('/', '-');
        try {
            return Optional.of(t.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(t) : LocalDate.parse(t, DANISH));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
