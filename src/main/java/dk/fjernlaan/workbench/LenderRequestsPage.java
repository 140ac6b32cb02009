package dk.fjernlaan.workbench;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingItem;
import dk.fjernlaan.catalogue.ItemStatus;
import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderNotices;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.time.FjernlaanClock;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Indgående anmodninger: the lender's open requests with what to pull from the shelf, a pull slip to print, and
 * the answers (Leverer, Leverer senere, Kan ikke levere, Afsendt) through the lender conversation's use case.
 */
@Controller
class LenderRequestsPage {

    static final List<OrderStatus> OPEN = List.of(OrderStatus.SENT_TO_LENDER, OrderStatus.WILL_SUPPLY, OrderStatus.EXPECT_TO_SUPPLY);
    /** Lent to another library: on the way, at its desk, on loan, and on the way back. */
    static final List<OrderStatus> LENT = List.of(OrderStatus.SHIPPED, OrderStatus.AT_PICKUP, OrderStatus.ON_LOAN, OrderStatus.RETURN_SHIPPED);

    /** A notice to confirm: the order no longer needs the library's item. */
    record NoticeRow(String id, long orderId, String title, String text, String given) {}

    /** One item lent out: recalled while it is out, received back when it is returned. */
    record Loan(long orderId, String title, String itemId, String borrower, String status, String due, boolean returning) {}

    /** One request, with the item to pull and where it goes. */
    record Request(long orderId, String title, String author, String edition, String pid, String itemId, String status,
                   String borrower, String pickup, String junction, String routeNumber, String needBefore, String branch,
                   boolean answered) {}

    private final Orders orders;
    private final CatalogueService catalogue;
    private final DirectoryService directory;
    private final LenderConversation conversation;
    private final DeliveryService delivery;
    private final LenderNotices notices;
    private final Names names;
    private final Frame frame;
    private final FjernlaanClock clock;
    private final int loanPeriodDays;

    LenderRequestsPage(Orders orders, CatalogueService catalogue, DirectoryService directory, LenderConversation conversation,
                       DeliveryService delivery, LenderNotices notices, Names names, Frame frame, FjernlaanClock clock,
                       FjernlaanSettings settings) {
        this.delivery = delivery;
        this.notices = notices;
        this.orders = orders;
        this.catalogue = catalogue;
        this.directory = directory;
        this.conversation = conversation;
        this.names = names;
        this.frame = frame;
        this.clock = clock;
        this.loanPeriodDays = settings.automation().ownLoanPeriodDays();
    }

    @GetMapping("/arbejdsbord/anmodninger")
    String requests(@RequestParam(name = "bibliotek", required = false) String asked, Model model, HttpSession session, Locale locale) {
        Optional<Agency> library = frame.fill(model, session, asked, "requests");
        if (library.isEmpty()) {
            return "arbejdsbord/vaelg-bibliotek";
        }
        model.addAttribute("requests", orders.list(null, library.get().agencyId(), OPEN, 0, 500).stream()
            .map(o -> request(o, locale)).toList());
        model.addAttribute("notices", notices.open(library.get().agencyId()).stream().map(n -> new NoticeRow(n.id(), n.orderId(),
            orders.find(n.orderId()).map(orders::title).orElse(""), names.say(Text.of("notice." + n.notice()), locale),
            Names.date(LocalDate.ofInstant(n.given(), clock.zone()), locale))).toList());
        model.addAttribute("loans", orders.list(null, library.get().agencyId(), LENT, 0, 1000).stream()
            .map(o -> loan(o, locale)).sorted(Comparator.comparing(Loan::returning).reversed().thenComparing(Loan::orderId)).toList());
        // the browser's own date picker (in the browser's language) sends åååå-mm-dd; text typed where there is
        // none may also be dd-mm-åååå
        LocalDate today = clock.today();
        model.addAttribute("today", today.toString());
        model.addAttribute("latest", today.plusDays(InputRules.DAYS_AHEAD).toString());
        model.addAttribute("defaultDue", today.plusDays(loanPeriodDays).toString());
        model.addAttribute("unfilledReasons", OrderPage.unfilledReasons(names, locale));
        return "arbejdsbord/anmodninger";
    }

    @GetMapping("/arbejdsbord/anmodninger/{orderId}/plukseddel")
    String pullSlip(@PathVariable long orderId, Model model, HttpSession session, Locale locale, HttpServletResponse response) {
        frame.fill(model, session, null, "requests");
        Optional<IllOrder> order = lent(orderId);
        if (order.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "arbejdsbord/ikke-fundet";
        }
        model.addAttribute("request", request(order.get(), locale));
        return "arbejdsbord/plukseddel";
    }

    @PostMapping("/arbejdsbord/anmodninger/{orderId}/svar")
    String answer(@PathVariable long orderId, @RequestParam(name = "svar", required = false) String answer,
                  @RequestParam(name = "dato", required = false) String date, @RequestParam(name = "aarsag", required = false) String reason,
                  @RequestParam(name = "vare", required = false) String itemId, Model model, HttpSession session, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (lent(orderId).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            frame.fill(model, session, null, "requests");
            return "arbejdsbord/ikke-fundet";
        }
        SupplierStatus status;
        try {
            status = SupplierStatus.valueOf(answer == null ? "" : answer);
        } catch (IllegalArgumentException e) {
            return refused(orderId, "svar", Text.of("wb.answer.choose"), model, session, locale, response);
        }
        LocalDate when = null;
        if (status == SupplierStatus.ExpectToSupply || status == SupplierStatus.Loaned) {
            if (date == null || date.isBlank()) {
                return refused(orderId, "dato-" + status, Text.of(status == SupplierStatus.Loaned ? "wb.answer.dueRequired"
                    : "wb.answer.dateRequired"), model, session, locale, response);
            }
            Optional<LocalDate> parsed = InputRules.staffDate(date);
            if (parsed.isEmpty()) {
                return refused(orderId, "dato-" + status, Text.of("wb.answer.dateFormat", date.trim()), model, session, locale, response);
            }
            when = parsed.get();
        }
        if (status == SupplierStatus.Unfilled && (reason == null || !OrderPage.REJECT_REASONS.contains(reason))) {
            return refused(orderId, "aarsag", Text.of("wb.reject.reasonRequired"), model, session, locale, response);
        }
        SupplierMessage message = new SupplierMessage(status, status == SupplierStatus.Unfilled ? reason : null,
            status == SupplierStatus.ExpectToSupply ? when : null, status == SupplierStatus.Loaned ? when : null,
            itemId == null || itemId.isBlank() ? null : itemId.trim(), null);
        try {
            conversation.answer(orderId, message);
        } catch (Refusal refusal) {
            String field = status == SupplierStatus.ExpectToSupply || status == SupplierStatus.Loaned ? "dato-" + status : "svar";
            Text detail = refusal.problems().isEmpty() ? refusal.detail() : refusal.problems().get(0).message();
            return refused(orderId, field, detail, model, session, locale, response);
        }
        redirect.addFlashAttribute("done", names.say(Text.of("wb.done.answer." + status.name(), String.valueOf(orderId)), locale));
        return "redirect:/arbejdsbord/anmodninger";
    }

    /** Confirms a notice: the library has seen that the order no longer needs its item. */
    @PostMapping("/arbejdsbord/anmodninger/beskeder/{noticeId}/kvitter")
    String confirmNotice(@PathVariable String noticeId, Model model, HttpSession session, Locale locale, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Optional<Agency> library = frame.fill(model, session, null, "requests");
        if (library.isEmpty() || !notices.confirm(noticeId, library.get().agencyId())) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "arbejdsbord/ikke-fundet";
        }
        redirect.addFlashAttribute("done", names.say(Text.of("wb.done.notice"), locale));
        return "redirect:/arbejdsbord/anmodninger";
    }

    /** The lender's steps with an item lent out: {@code kald-tilbage} (recall it), {@code modtaget} (it is back). */
    @PostMapping("/arbejdsbord/anmodninger/{orderId}/udlaan/{step}")
    String loanStep(@PathVariable long orderId, @PathVariable String step, Model model, HttpSession session, Locale locale,
                    HttpServletResponse response, RedirectAttributes redirect) {
        if (lent(orderId).isEmpty() || !List.of("kald-tilbage", "modtaget").contains(step)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            frame.fill(model, session, null, "requests");
            return "arbejdsbord/ikke-fundet";
        }
        SupplierStatus status = "modtaget".equals(step) ? SupplierStatus.LoanCompleted : SupplierStatus.Recalled;
        try {
            delivery.lenderMessage(orderId, new SupplierMessage(status, null, null, null, null, null));
        } catch (Refusal refusal) {
            return refused(orderId, "udlaan", refusal.detail(), model, session, locale, response);
        }
        redirect.addFlashAttribute("done", names.say(Text.of("wb.done.loan." + step, String.valueOf(orderId)), locale));
        return "redirect:/arbejdsbord/anmodninger";
    }

    private Loan loan(IllOrder o, Locale locale) {
        return new Loan(o.orderId(), orders.askedTitle(o), o.item().itemId() == null ? "" : o.item().itemId(),
            names.library(o.borrowerAgencyId()), names.status(o, locale), Names.date(o.dueDate(), locale), o.status() == OrderStatus.RETURN_SHIPPED);
    }

    private String refused(long orderId, String field, Text why, Model model, HttpSession session, Locale locale, HttpServletResponse response) {
        model.addAttribute("errorOrder", orderId);
        model.addAttribute("errorField", field);
        model.addAttribute("error", names.say(why, locale));
        response.setStatus(422);
        return requests(null, model, session, locale);
    }

    /** The order, when the user works for the library it was asked to lend. */
    private Optional<IllOrder> lent(long orderId) {
        return orders.find(orderId).filter(o -> o.lenderAgencyId() != null && Actor.current().mayActFor(o.lenderAgencyId()));
    }

    private Request request(IllOrder o, Locale locale) {
        String pid = Orders.askedPid(o);
        Optional<BibRecord> record = catalogue.findRecord(pid);
        String item = catalogue.holdings(pid).stream()
            .filter(i -> i.branchId().equals(o.lenderBranchId()) && i.status() == ItemStatus.OnShelf && i.loanableForIll())
            .map(HoldingItem::itemId).findFirst().orElse(o.item().itemId());
        Optional<Branch> pickup = directory.findBranch(o.pickupBranchId());
        return new Request(o.orderId(), record.map(BibRecord::title).orElse(pid), record.map(BibRecord::author).orElse(""),
            record.map(BibRecord::edition).orElse(""), pid, item == null ? "" : item,
            names.status(o, locale), names.library(o.borrowerAgencyId()), names.branch(o.pickupBranchId()),
            pickup.map(Branch::junction).map(names::branch).orElse(""), pickup.map(Branch::routeNumber).orElse(""),
            Names.date(o.needBeforeDate(), locale), names.branch(o.lenderBranchId()), o.status() != OrderStatus.SENT_TO_LENDER);
    }
}
