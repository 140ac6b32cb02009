package dk.fjernlaan.workbench;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.fjernlaan.courier.Shipment;
import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
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
 * Skranken, the borrower's desk: items on their way, arrived and waiting for the patron, on loan and due back;
 * Modtag, Udlevér, Ikke afhentet and Registrér aflevering through the delivery's use case.
 */
@Controller
class DeskPage {

    static final List<OrderStatus> AT_THE_DESK = List.of(OrderStatus.SHIPPED, OrderStatus.AT_PICKUP, OrderStatus.ON_LOAN);

    /** One item at the desk. {@code step}: what staff do next (receive, handOut, takeBack). */
    record Item(long orderId, String title, String itemId, String patronId, String lender, String pickup, String status,
                String when, boolean overdue, String step, OrderStatus orderStatus) {}

    private final Orders orders;
    private final DeliveryService delivery;
    private final Names names;
    private final Frame frame;
    private final FjernlaanClock clock;

    DeskPage(Orders orders, DeliveryService delivery, Names names, Frame frame, FjernlaanClock clock) {
        this.orders = orders;
        this.delivery = delivery;
        this.names = names;
        this.frame = frame;
        this.clock = clock;
    }

    @GetMapping("/arbejdsbord/skranken")
    String desk(@RequestParam(name = "bibliotek", required = false) String asked, Model model, HttpSession session, Locale locale) {
        Optional<Agency> library = frame.fill(model, session, asked, "desk");
        if (library.isEmpty()) {
            return "arbejdsbord/vaelg-bibliotek";
        }
        List<Item> items = orders.list(library.get().agencyId(), null, AT_THE_DESK, 0, 1000).stream().map(o -> item(o, locale))
            .sorted(Comparator.comparing((Item i) -> AT_THE_DESK.indexOf(i.orderStatus())).thenComparing(Item::orderId)).toList();
        model.addAttribute("items", items);
        return "arbejdsbord/skranken";
    }

    @PostMapping("/arbejdsbord/skranken/{orderId}/{step}")
    String act(@PathVariable long orderId, @PathVariable String step, Model model, HttpSession session, Locale locale,
               HttpServletResponse response, RedirectAttributes redirect) {
        Optional<IllOrder> order = orders.find(orderId).filter(o -> Actor.current().mayActFor(o.borrowerAgencyId()));
        if (order.isEmpty() || !List.of("modtag", "udlever", "ikke-afhentet", "aflevering").contains(step)) {
            frame.fill(model, session, null, "desk");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "arbejdsbord/ikke-fundet";
        }
        try {
            switch (step) {
                case "modtag" -> delivery.requesterMessage(orderId, "Received");
                case "udlever" -> delivery.patronEvent(orderId, "PickedUp");
                case "ikke-afhentet" -> delivery.patronEvent(orderId, "NotPickedUp");
                default -> delivery.patronEvent(orderId, "Returned");
            }
        } catch (Refusal refusal) {
            model.addAttribute("errorOrder", orderId);
            model.addAttribute("error", names.say(refusal.detail(), locale));
            response.setStatus(422);
            return desk(null, model, session, locale);
        }
        redirect.addFlashAttribute("done", names.say(Text.of("wb.done.desk." + step, String.valueOf(orderId)), locale));
        return "redirect:/arbejdsbord/skranken";
    }

    private String dated(String key, LocalDate date, Locale locale) {
        return date == null ? "" : names.say(Text.of(key, date), locale);
    }

    private Item item(IllOrder o, Locale locale) {
        String title = orders.askedTitle(o);
        Shipment shipment = o.item().shipment();
        String step;
        String when;
        boolean overdue = false;
        switch (o.status()) {
            case SHIPPED -> {
                step = "receive";
                when = dated("wb.desk.expected", shipment == null ? null : shipment.expectedArrival(), locale);
            }
            case AT_PICKUP -> {
                step = "handOut";
                when = dated("wb.desk.keptUntil", o.item().pickupBy(), locale);
            }
            default -> {
                step = "takeBack";
                when = dated("wb.desk.due", o.item().patronDueDate(), locale);
                overdue = o.item().patronDueDate() != null && o.item().patronDueDate().isBefore(clock.today());
            }
        }
        return new Item(o.orderId(), title, o.item().itemId() == null ? "" : o.item().itemId(), o.patronId(), names.branch(o.lenderBranchId()),
            names.branch(o.pickupBranchId()), names.status(o, locale), when, overdue, step, o.status());
    }
}
