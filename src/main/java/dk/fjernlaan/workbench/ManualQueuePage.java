package dk.fjernlaan.workbench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.fjernlaan.automation.Automation;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.ManualQueue;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.time.FjernlaanClock;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Manuel kø: the library's orders that wait for staff, with the reason in words; filtered, searched and sorted. */
@Controller
class ManualQueuePage {

    /** One row of the queue. */
    record Row(long orderId, String title, String author, String status, String reason, String reasonText, LocalDate needBefore,
               String needBeforeText, String waited, Instant since) {}

    /** A reason to filter by, with how many orders have it. */
    record ReasonChoice(String code, String text, long count) {}

    /** Orders on one page of the queue. */
    static final int PAGE_SIZE = 50;

    private final ManualQueue queue;
    private final CatalogueService catalogue;
    private final Texts texts;
    private final FjernlaanClock clock;
    private final Frame frame;
    private final Names names;

    ManualQueuePage(ManualQueue queue, CatalogueService catalogue, Texts texts, FjernlaanClock clock, Frame frame, Names names) {
        this.queue = queue;
        this.catalogue = catalogue;
        this.texts = texts;
        this.clock = clock;
        this.frame = frame;
        this.names = names;
    }

    @GetMapping("/arbejdsbord/manuel-koe")
    String queue(@RequestParam(name = "bibliotek", required = false) String asked,
                 @RequestParam(name = "aarsag", required = false) String reason,
                 @RequestParam(name = "soeg", required = false) String search,
                 @RequestParam(name = "sortering", required = false, defaultValue = "behov") String sort,
                 @RequestParam(name = "side", required = false, defaultValue = "1") String pageAsked,
                 Model model, HttpSession session, Locale locale) {
        Optional<Agency> library = frame.fill(model, session, asked, "queue");
        if (library.isEmpty()) {
            return "arbejdsbord/vaelg-bibliotek";
        }
        List<Row> all = queue.queue(library.get().agencyId()).stream().map(o -> row(o, locale)).toList();
        String wanted = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        List<Row> rows = all.stream()
            .filter(r -> reason == null || reason.isBlank() || reason.equals(r.reason()))
            .filter(r -> wanted.isEmpty() || String.valueOf(r.orderId()).equals(wanted) || r.title().toLowerCase(Locale.ROOT).contains(wanted))
            .sorted("alder".equals(sort) ? Comparator.comparing(Row::since)
                : Comparator.comparing(Row::needBefore, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Row::since))
            .toList();
        List<ReasonChoice> reasons = all.stream().map(Row::reason).filter(r -> r != null).distinct().sorted()
            .map(code -> new ReasonChoice(code, reasonText(code, locale), all.stream().filter(r -> code.equals(r.reason())).count()))
            .toList();
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        // a page number that is not one, or beyond the last, shows the nearest page
        int page = pageAsked.matches("\\d{1,6}") ? Math.min(Math.max(Integer.parseInt(pageAsked), 1), pages) : 1;
        model.addAttribute("rows", rows.subList((page - 1) * PAGE_SIZE, Math.min(page * PAGE_SIZE, rows.size())));
        model.addAttribute("matching", rows.size());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("total", all.size());
        model.addAttribute("reasons", reasons);
        model.addAttribute("reason", reason);
        model.addAttribute("search", search);
        model.addAttribute("sort", sort);
        return "arbejdsbord/manuel-koe";
    }

    private Row row(IllOrder o, Locale locale) {
        Optional<BibRecord> record = catalogue.findRecord(o.orderedPid());
        Automation automation = o.automation();
        String reason = automation == null ? null : automation.reason();
        Instant since = o.updatedAt() == null ? o.createdAt() : o.updatedAt();
        return new Row(o.orderId(), record.map(BibRecord::title).orElse(o.orderedPid()), record.map(BibRecord::author).orElse(""),
            names.status(o, locale), reason,
            reason == null ? "" : reasonText(reason, locale), o.needBeforeDate(), Names.date(o.needBeforeDate(), locale),
            waited(since, locale), since);
    }

    private String reasonText(String code, Locale locale) {
        return texts.say(Text.of("wb.reason." + code), locale);
    }

    private String waited(Instant since, Locale locale) {
        Duration waited = Duration.between(since, clock.now());
        long days = waited.toDays();
        long hours = waited.toHours();
        return days >= 1 ? texts.say(Text.of("wb.waited.days", days), locale)
            : texts.say(Text.of("wb.waited.hours", Math.max(hours, 0)), locale);
    }
}
