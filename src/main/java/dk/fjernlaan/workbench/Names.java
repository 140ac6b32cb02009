package dk.fjernlaan.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import org.springframework.stereotype.Component;

/**
 * Libraries by name: a branch or library number becomes its name from the directory, in the workbench's
 * sentences too (the domain's texts name libraries by number, as the contract does).
 */
@Component
class Names {

    private static final Pattern LIBRARY_NUMBER = Pattern.compile("\\d{6}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final DirectoryService directory;
    private final Texts texts;

    Names(DirectoryService directory, Texts texts) {
        this.directory = directory;
        this.texts = texts;
    }

    /** The branch's name, or its number when the directory does not know it. */
    String branch(String branchId) {
        if (branchId == null) {
            return "";
        }
        return directory.findBranch(branchId).map(Branch::name).orElseGet(() -> library(branchId));
    }

    /** The library's name, or its number when the directory does not know it. */
    String library(String agencyId) {
        if (agencyId == null) {
            return "";
        }
        return directory.findAgency(agencyId).map(Agency::name).orElse(agencyId);
    }

    /** The order's status in words; it says "automatiseret" exactly when the order was automated (as the API does). */
    String status(dk.fjernlaan.order.IllOrder order, Locale locale) {
        String status = say(Text.of("status." + order.status().name()), locale);
        return order.automated() ? say(Text.of("status.automated", status), locale) : status;
    }

    /** A domain text in the reader's language, with every library number in it said as the library's name. */
    String say(Text text, Locale locale) {
        return texts.say(named(text, locale), locale);
    }

    /** A date as staff read it: dd-MM-yyyy in Danish. */
    static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return "en".equals(locale.getLanguage()) ? date.toString() : InputRules.staffDate(date);
    }

    private Text named(Text text, Locale locale) {
        // the sentence's shape tells whether a number stands for a branch ("filial 715700") or a library
        // ("bibliotek 715700"): the same number is often both, the library and its main branch
        List<Object> markers = new ArrayList<>();
        for (int i = 0; i < text.args().size(); i++) {
            markers.add("\u0001" + i + "\u0002");
        }
        String shape = texts.say(new Text(text.key(), markers), locale).toLowerCase(Locale.ROOT);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < text.args().size(); i++) {
            int at = shape.indexOf("\u0001" + i + "\u0002");
            String before = at < 0 ? "" : shape.substring(Math.max(0, at - 12), at);
            boolean library = before.endsWith("bibliotek ") || before.endsWith("biblioteks ") || before.endsWith("library ");
            args.add(named(text.args().get(i), library, locale));
        }
        return new Text(text.key(), args);
    }

    private Object named(Object arg, boolean library, Locale locale) {
        if (arg instanceof Text inner) {
            return named(inner, locale);
        }
        if (arg instanceof LocalDate date) {
            return date(date, locale);
        }
        if (arg instanceof String s && library && LIBRARY_NUMBER.matcher(s).matches() && directory.findAgency(s).isPresent()) {
            return library(s);
        }
        if (arg instanceof String s && ISO_DATE.matcher(s).matches()) {
            return date(LocalDate.parse(s), locale);
        }
        if (arg instanceof String s && LIBRARY_NUMBER.matcher(s).matches()) {
            return directory.findBranch(s).map(Branch::name).orElseGet(() -> directory.findAgency(s).map(Agency::name).orElse(s));
        }
        return arg;
    }
}
