package dk.fjernlaan.workbench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.order.ManualAction;
import dk.fjernlaan.order.ManualDecision;
import dk.fjernlaan.order.ManualQueue;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.texts.Text;
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
 * Bestilling: one order with its decision and candidates, and the manual queue's actions (send to a candidate or
 * to a branch found by name, try automation again, reject with a reason) through the same use case as the API.
 */
@Controller
class OrderPage {

    /** ISO 18626 reasonUnfilled: the reasons staff can give for closing an order without supply. */
    static final List<String> REJECT_REASONS = List.of("NotHeld", "NotOnShelf", "NotAvailableForILL", "NonCirculating", "PolicyProblem",
        "PoorCondition");

    private static final Pattern BRANCH_NUMBER = Pattern.compile("(?:^|\\()\\s*(\\d{6})\\s*\\)?\\s*$");

    private final OrderSheet sheets;
    private final ManualQueue queue;
    private final DirectoryService directory;
    private final Names names;
    private final Frame frame;

    OrderPage(OrderSheet sheets, ManualQueue queue, DirectoryService directory, Names names, Frame frame) {
        this.sheets = sheets;
        this.queue = queue;
        this.directory = directory;
        this.names = names;
        this.frame = frame;
    }

    /** "Find bestilling" in the frame: an order number goes to the order; anything else is not one. */
    @GetMapping("/arbejdsbord/bestillinger")
    String find(@RequestParam(name = "nr", required = false) String number, Model model, HttpSession session, HttpServletResponse response) {
        String wanted = number == null ? "" : number.trim();
        if (wanted.matches("\\d{1,18}")) {
            return "redirect:/arbejdsbord/bestillinger/" + wanted;
        }
        frame.fill(model, session, null, null);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "arbejdsbord/ikke-fundet";
    }

    @GetMapping("/arbejdsbord/bestillinger/{orderId}")
    String order(@PathVariable long orderId, Model model, HttpSession session, Locale locale, HttpServletResponse response) {
        return show(orderId, model, session, locale, response);
    }

    @PostMapping("/arbejdsbord/bestillinger/{orderId}/send")
    String send(@PathVariable long orderId, @RequestParam(name = "filial", required = false) String branch, Model model,
                HttpSession session, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> branchId = branchId(branch);
        if (branchId.isEmpty()) {
            model.addAttribute("errorField", "filial");
            model.addAttribute("error", names.say(Text.of(branch == null || branch.isBlank() ? "wb.send.branchRequired" : "wb.send.branchUnknown",
                branch == null ? "" : branch.trim()), locale));
            model.addAttribute("branchValue", branch);
            response.setStatus(422);
            return show(orderId, model, session, locale, response);
        }
        return decide(orderId, new ManualDecision(ManualAction.SEND, branchId.get(), null), "filial", branch,
            Text.of("wb.done.sent", branchId.get()), model, session, locale, response, redirect);
    }

    @PostMapping("/arbejdsbord/bestillinger/{orderId}/igen")
    String retry(@PathVariable long orderId, Model model, HttpSession session, Locale locale, HttpServletResponse response,
                 RedirectAttributes redirect) {
        return decide(orderId, new ManualDecision(ManualAction.RETRY_AUTOMATION, null, null), null, null, Text.of("wb.done.retried"),
            model, session, locale, response, redirect);
    }

    @PostMapping("/arbejdsbord/bestillinger/{orderId}/afvis")
    String reject(@PathVariable long orderId, @RequestParam(name = "aarsag", required = false) String reason,
                  @RequestParam(name = "note", required = false) String note, Model model, HttpSession session, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (reason == null || !REJECT_REASONS.contains(reason)) {
            model.addAttribute("errorField", "aarsag");
            model.addAttribute("error", names.say(Text.of("wb.reject.reasonRequired"), locale));
            response.setStatus(422);
            return show(orderId, model, session, locale, response);
        }
        String words = names.say(Text.of("wb.unfilled." + reason), locale) + (note == null || note.isBlank() ? "" : ": " + note.trim());
        return decide(orderId, new ManualDecision(ManualAction.REJECT, null, words), "note", note, Text.of("wb.done.rejected"),
            model, session, locale, response, redirect);
    }

    /** Branches by name or number for the type-ahead of "Send til". */
    @GetMapping("/arbejdsbord/filialer")
    String branches(@RequestParam(name = "filial", required = false) String text, Model model) {
        List<Branch> found = directory.findBranches(text, 20);
        model.addAttribute("branches", found.stream().map(b -> new Choice(b.branchId(), label(b))).toList());
        return "arbejdsbord/filialer :: options";
    }

    /** One option of a list: the value sent, the words shown. */
    record Choice(String value, String label) {}

    /** The ISO 18626 reasons for not supplying, in the reader's words. */
    static List<Choice> unfilledReasons(Names names, Locale locale) {
        return REJECT_REASONS.stream().map(code -> new Choice(code, names.say(Text.of("wb.unfilled." + code), locale))).toList();
    }

    private String label(Branch b) {
        String library = names.library(b.agencyId());
        return (library.equals(b.name()) ? b.name() : b.name() + ", " + library) + " (" + b.branchId() + ")";
    }

    private String decide(long orderId, ManualDecision decision, String field, String value, Text done, Model model, HttpSession session,
                          Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            queue.decide(orderId, decision);
        } catch (Refusal refusal) {
            List<FieldProblem> problems = refusal.problems();
            model.addAttribute("errorField", field);
            model.addAttribute("error", problems.isEmpty() ? names.say(refusal.detail(), locale)
                : problems.stream().map(p -> names.say(p.message(), locale)).reduce((a, b) -> a + "; " + b).orElse(""));
            model.addAttribute("branchValue", "filial".equals(field) ? value : null);
            response.setStatus(422);
            return show(orderId, model, session, locale, response);
        }
        redirect.addFlashAttribute("done", names.say(done, locale));
        return "redirect:/arbejdsbord/bestillinger/" + orderId;
    }

    private String show(long orderId, Model model, HttpSession session, Locale locale, HttpServletResponse response) {
        frame.fill(model, session, null, "order");
        Optional<OrderSheet.Sheet> sheet = sheets.sheet(orderId, locale);
        if (sheet.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("orderId", orderId);
            return "arbejdsbord/ikke-fundet";
        }
        model.addAttribute("order", sheet.get());
        model.addAttribute("rejectReasons", unfilledReasons(names, locale));
        return "arbejdsbord/bestilling";
    }

    /** "Name (123456)" as the type-ahead offers it, or a bare branch number; empty when it names no branch. */
    private Optional<String> branchId(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher number = BRANCH_NUMBER.matcher(text.trim());
        if (number.find()) {
            return directory.findBranch(number.group(1)).map(Branch::branchId);
        }
        List<Branch> named = directory.findBranches(text, 2).stream().filter(b -> b.name().equalsIgnoreCase(text.trim())).toList();
        return named.size() == 1 ? Optional.of(named.get(0).branchId()) : Optional.empty();
    }
}
