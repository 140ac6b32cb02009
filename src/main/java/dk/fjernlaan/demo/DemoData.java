package dk.fjernlaan.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.patron.Patron;
import dk.fjernlaan.patron.PatronService;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small demo catalogue, holdings and patrons so that a fresh start can place the README's example order.
 * Loaded once (when its first record is missing); dates are relative to the day of loading.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "fjernlaan.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CatalogueService catalogue;
    private final PatronService patrons;
    private final FjernlaanClock clock;

    DemoData(CatalogueService catalogue, PatronService patrons, FjernlaanClock clock) {
        this.catalogue = catalogue;
        this.patrons = patrons;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalogue.findRecord("870970-basis:1001").isPresent()) {
            return;
        }
        LocalDate today = clock.today();
        // an older Danish classic, on the shelf in several libraries
        record("870970-basis:1001", "work-kongens-fald", "Kongens fald", "Johannes V. Jensen", "12. udgave", false, today.minusYears(8), null);
        holding("870970-basis:1001", "715700", ItemStatus.OnShelf, null);
        holding("870970-basis:1001", "726500", ItemStatus.OnShelf, null);
        holding("870970-basis:1001", "746100", ItemStatus.OnLoan, today.plusDays(10));
        holding("870970-basis:1001", "763000", ItemStatus.OnShelf, null);
        holding("870970-basis:1001", "775100", ItemStatus.OnShelf, null);
        // a popular novel: the patron's own library has it out, other libraries have it on the shelf
        record("870970-basis:1002", "work-house-of-sky-and-breath", "House of Sky and Breath", "Sarah J. Maas", "1. udgave", true, today.minusYears(3), null);
        holding("870970-basis:1002", "710100", ItemStatus.OnLoan, today.plusDays(21));
        holding("870970-basis:1002", "715700", ItemStatus.OnShelf, null);
        holding("870970-basis:1002", "751000", ItemStatus.OnShelf, null);
        holding("870970-basis:1002", "785100", ItemStatus.OnShelf, null);
        // brand new: registered six weeks ago, still in the BKM news period
        String bkm = String.format("BKM%d%02d", today.minusWeeks(2).getYear(),
            today.minusWeeks(2).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        record("870970-basis:1003", "work-ny-roman", "Den nye roman", "Demo Forfatter", "1. udgave", true, today.minusDays(45), bkm);
        holding("870970-basis:1003", "765700", ItemStatus.OnShelf, null);
        holding("870970-basis:1003", "773000", ItemStatus.OnShelf, null);
        // one work in two editions
        record("870970-basis:1004", "work-det-forsoemte-foraar", "Det forsømte forår", "Hans Scherfig", "1. udgave", true, today.minusYears(20), null);
        record("870970-basis:1005", "work-det-forsoemte-foraar", "Det forsømte forår", "Hans Scherfig", "9. udgave", false, today.minusYears(2), null);
        holding("870970-basis:1004", "800010", ItemStatus.OnShelf, null);
        holding("870970-basis:1005", "710100", ItemStatus.OnShelf, null);
        holding("870970-basis:1005", "746100", ItemStatus.OnLoan, today.plusDays(5));

        patrons.save(new Patron("710100", "P-1001", "Demo Låner", "laaner1001@example.org", BigDecimal.ZERO));
        patrons.save(new Patron("710100", "P-1002", "Demo Skyldner", "laaner1002@example.org", new BigDecimal("250")));
        patrons.save(new Patron("775100", "P-2001", "Demo Aarhusianer", "laaner2001@example.org", BigDecimal.ZERO));
        log.info("Demo data loaded: 5 records, their holdings and 3 patrons");
    }

    private void record(String pid, String workId, String title, String author, String edition, boolean first, LocalDate created, String bkm) {
        catalogue.saveRecord(new BibRecord(pid, workId, title, author, edition, first, 1, created, bkm, false, true));
    }

    private void holding(String pid, String branchId, ItemStatus status, LocalDate due) {
        catalogue.replaceHoldings(pid, branchId, List.of(new HoldingItem(pid, branchId, pid.substring(13) + "-" + branchId, status, due, true)));
    }
}
