package dk.fjernlaan.workbench;

import java.util.Optional;

import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.order.ManualQueue;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.platform.security.Actor;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every workbench page shows around its content: who is logged in, for which library, the choice of it, and
 * how much waits in each of the library's lists.
 */
@Component
class Frame {

    private final StaffLibrary libraries;
    private final Orders orders;

    Frame(StaffLibrary libraries, Orders orders) {
        this.libraries = libraries;
        this.orders = orders;
    }

    /** Fills the page's frame; the library the page is for, if one is chosen. */
    Optional<Agency> fill(Model model, HttpSession session, String asked, String page) {
        Actor actor = Actor.current();
        Optional<Agency> library = libraries.current(actor, session, asked);
        model.addAttribute("user", actor.userId());
        model.addAttribute("page", page);
        model.addAttribute("library", library.orElse(null));
        model.addAttribute("ownLibraries", libraries.choosable(actor));
        model.addAttribute("choosesAny", libraries.choosesAny(actor));
        model.addAttribute("askedLibrary", asked);
        library.ifPresent(a -> {
            model.addAttribute("manualCount", orders.count(a.agencyId(), null, ManualQueue.WAITING));
            model.addAttribute("requestCount", orders.count(null, a.agencyId(), LenderRequestsPage.OPEN));
            model.addAttribute("deskCount", orders.count(a.agencyId(), null, DeskPage.AT_THE_DESK));
        });
        model.addAttribute("libraryUnknown", asked != null && !asked.isBlank() && library.map(a -> !a.agencyId().equals(asked.trim())).orElse(true));
        return library;
    }
}
