package dk.fjernlaan.workbench;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.fjernlaan.automation.Automation;
import dk.fjernlaan.automation.Candidate;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.ManualQueue;
import dk.fjernlaan.order.OrderEvent;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Component;

/** One order as staff read it: status, the decision in words, the candidates by name, the history as a timeline. */
@Component
class OrderSheet {

    /** A holder the decision weighed. {@code mark}: now, later or excluded. */
    record CandidateRow(String branchId, String branch, String library, String availability, String mark, String markText,
                        String excludedText, Integer routePosition, boolean chosen) {}

    /** One step of the order's history. */
    record Step(String at, String text, String actor) {}

    record Sheet(long orderId, String title, String author, String edition, String pid, OrderStatus status, String statusText,
                 String borrower, String pickup, String needBefore, String lender, boolean inManualQueue, boolean mayDecide,
                 String result, String reasonText, List<String> explanation, List<String> notes, List<CandidateRow> candidates,
                 List<Step> history) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Orders orders;
    private final CatalogueService catalogue;
    private final Names names;
    private final FjernlaanClock clock;

    OrderSheet(Orders orders, CatalogueService catalogue, Names names, FjernlaanClock clock) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.names = names;
        this.clock = clock;
    }

    /** The order, when the user works for its borrower or its lender; empty otherwise (as if it did not exist). */
    Optional<Sheet> sheet(long orderId, Locale locale) {
        Optional<IllOrder> found = orders.find(orderId);
        Actor actor = Actor.current();
        if (found.isEmpty() || !(actor.mayActFor(found.get().borrowerAgencyId())
            || (found.get().lenderAgencyId() != null && actor.mayActFor(found.get().lenderAgencyId())))) {
            return Optional.empty();
        }
        IllOrder o = found.get();
        Optional<BibRecord> record = catalogue.findRecord(o.orderedPid());
        Automation automation = o.automation();
        boolean inQueue = ManualQueue.WAITING.contains(o.status());
        return Optional.of(new Sheet(o.orderId(), record.map(BibRecord::title).orElse(o.orderedPid()), record.map(BibRecord::author).orElse(""),
            record.map(BibRecord::edition).orElse(""), o.orderedPid(), o.status(),
            names.status(o, locale),
            names.library(o.borrowerAgencyId()), names.branch(o.pickupBranchId()), Names.date(o.needBeforeDate(), locale),
            o.lenderBranchId() == null ? null : names.branch(o.lenderBranchId()),
            inQueue, inQueue && actor.mayActFor(o.borrowerAgencyId()),
            automation == null ? null : say(Text.of(automation.automated() ? "wb.result.automated" : "wb.result.manual"), locale),
            automation == null || automation.reason() == null ? null : say(Text.of("wb.reason." + automation.reason()), locale),
            automation == null ? List.of() : automation.explanationParts().stream().map(t -> names.say(t, locale)).toList(),
            automation == null || automation.noteParts() == null ? List.of() : automation.noteParts().stream().map(t -> names.say(t, locale)).toList(),
            automation == null ? List.of() : candidates(automation.candidates(), o.lenderBranchId(), locale),
            orders.history(orderId).stream().map(e -> step(e, locale)).toList()));
    }

    private List<CandidateRow> candidates(List<Candidate> candidates, String lender, Locale locale) {
        return candidates.stream()
            .sorted(Candidate.BEST_FIRST)
            .map(c -> {
                String mark = c.excludedBecause() != null ? "excluded"
                    : c.availabilityDate() != null && !c.availabilityDate().isAfter(clock.today()) ? "now" : "later";
                return new CandidateRow(c.branchId(), names.branch(c.branchId()), names.library(c.agencyId()),
                    Names.date(c.availabilityDate(), locale), mark, say(Text.of("wb.mark." + mark), locale),
                    c.excludedBecause() == null ? "" : say(Text.of("wb.reason." + c.excludedBecause()), locale), c.routePosition(),
                    c.branchId().equals(lender));
            })
            .toList();
    }

    private Step step(OrderEvent e, Locale locale) {
        ZoneId zone = clock.zone();
        return new Step(WHEN.format(e.at().atZone(zone)), names.say(new Text("event." + e.event(), e.args().stream().map(a -> a == null ? "" : a).toList()), locale),
            e.actor() == null ? "" : e.actor());
    }

    private String say(Text text, Locale locale) {
        return names.say(text, locale);
    }
}
