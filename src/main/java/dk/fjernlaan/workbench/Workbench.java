package dk.fjernlaan.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the login page, and the start page (the manual queue). */
@Controller
class Workbench {

    @GetMapping("/arbejdsbord/login")
    String login() {
        return "arbejdsbord/login";
    }

    @GetMapping({"/arbejdsbord", "/arbejdsbord/"})
    String start() {
        return "redirect:/arbejdsbord/manuel-koe";
    }
}
