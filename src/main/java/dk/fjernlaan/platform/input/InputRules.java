package dk.fjernlaan.platform.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import dk.fjernlaan.platform.refusal.InvalidInput;

/**
 * The one place for what input may look like (the messages of the rules are in {@code messages*.properties}): the shapes of ids, the lengths of texts (each fits its column and
 * everything built from it), and the dates a client may give. The API's bean validation uses the constants, the
 * checks behind Tasklist's forms use the same methods, so a value refused at the API is refused in the process.
 */
public final class InputRules {

    /** A library (agency) or branch number. */
    public static final String AGENCY_ID = "\\d{6}";
    public static final String AGENCY_ID_MESSAGE = "{validation.agencyId}";

    /** A record id (pid), at most {@value #ID_LENGTH} characters. */
    public static final String PID = "(?=.{1,100}$)\\d{6}-[a-z0-9]+:[A-Za-z0-9._-]+";
    public static final String PID_MESSAGE = "{validation.pid}";

    /** A patron id as the library's system gives it. */
    public static final String PATRON_ID = "[A-Za-z0-9._-]{1,100}";
    public static final String PATRON_ID_MESSAGE = "{validation.patronId}";

    /** Ids of records, works, items, patrons (columns of 100 characters). */
    public static final int ID_LENGTH = 100;
    /** Reasons, notes, titles (columns of 500 characters). */
    public static final int TEXT_LENGTH = 500;
    public static final int NAME_LENGTH = 200;
    public static final int EMAIL_LENGTH = 320;
    public static final int IDEMPOTENCY_KEY_LENGTH = 200;

    /** What the engine can store as a task's name. */
    public static final int TASK_NAME_LENGTH = 255;
    /** What the outbox can store as a mail's subject. */
    public static final int MAIL_SUBJECT_LENGTH = 300;

    /** Any date given in the API or a form: {@code yyyy-MM-dd} within these years. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** How far ahead a date of the order's life may lie: need-before, expected delivery, due dates (two years). */
    public static final int DAYS_AHEAD = 730;

    /** The largest patron debt that can be recorded (kr.). */
    public static final String MAX_DEBT_KR = "1000000";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STAFF_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private InputRules() {}

    /**
     * A date exactly as the contract writes it ({@code yyyy-MM-dd}, a real calendar day, within the years above).
     *
     * @throws InvalidInput naming the field, when it is not
     */
    public static LocalDate date(String field, String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw InvalidInput.field(field, "problem.date.format", abbreviate(String.valueOf(text), 40), EARLIEST_DATE, LATEST_DATE);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, DATE);
        } catch (DateTimeException e) {
            throw InvalidInput.field(field, "problem.date.noSuchDay", text);
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw InvalidInput.field(field, "problem.date.format", text, EARLIEST_DATE, LATEST_DATE);
        }
        return date;
    }

    /**
     * A date as staff type it in a screen or a Tasklist form: Danish {@code dd-mm-åååå} (a dot or a slash may stand
     * for the dash; day and month may have one digit), or the contract's {@code åååå-mm-dd}; a real calendar day
     * within the years above. Empty when the text is none of these.
     */
    public static Optional<LocalDate> staffDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().replace('.', '-').replace('/', '-');
        try {
            LocalDate date = t.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(t, DATE)
                : t.matches("\\d{1,2}-\\d{1,2}-\\d{4}") ? LocalDate.parse(t, DANISH_DATE) : null;
            return date == null || date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A date written as staff write it: {@code dd-mm-åååå}. */
    public static String staffDate(LocalDate date) {
        return STAFF_DATE.format(date);
    }

    /**
     * {@link #staffDate(String)}, refused when the text is not a date.
     *
     * @throws InvalidInput naming the field, with the way to write it
     */
    public static LocalDate staffDate(String field, String text) {
        return staffDate(text).orElseThrow(() -> InvalidInput.field(field, "problem.date.staffFormat", abbreviate(String.valueOf(text), 40)));
    }

    /** Whether a date of the order's life lies no further ahead than {@link #DAYS_AHEAD} days. */
    public static boolean withinReach(LocalDate date, LocalDate today) {
        return !date.isAfter(today.plusDays(DAYS_AHEAD));
    }

    /** A text built from given parts, cut to what its column holds (an ellipsis marks the cut). */
    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
