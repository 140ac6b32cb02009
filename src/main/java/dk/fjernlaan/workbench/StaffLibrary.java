package dk.fjernlaan.workbench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.security.Actor;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * The library a user works for in the workbench: a library's staff work for their library (choosing when they
 * belong to several); administrators and integrations choose any library, kept for the session.
 */
@Component
class StaffLibrary {

    static final String SESSION_KEY = "arbejdsbord.bibliotek";

    private final DirectoryService directory;

    StaffLibrary(DirectoryService directory) {
        this.directory = directory;
    }

    /** The libraries the user may choose between (all for administrators), by name. */
    List<Agency> choosable(Actor actor) {
        if (actor.isAdmin() || actor.groups().contains(Actor.SYSTEM_GROUP)) {
            return List.of();
        }
        return actor.groups().stream().map(directory::findAgency).flatMap(Optional::stream)
            .sorted(Comparator.comparing(Agency::name)).toList();
    }

    /** Whether the user chooses the library by number (administrators) rather than from their own. */
    boolean choosesAny(Actor actor) {
        return actor.isAdmin() || actor.groups().contains(Actor.SYSTEM_GROUP);
    }

    /** The library asked for (when the user may work for it), else the one chosen before, else their only one. */
    Optional<Agency> current(Actor actor, HttpSession session, String asked) {
        if (asked != null && !asked.isBlank()) {
            Optional<Agency> agency = directory.findAgency(asked.trim()).filter(a -> actor.mayActFor(a.agencyId()));
            agency.ifPresent(a -> session.setAttribute(SESSION_KEY, a.agencyId()));
            if (agency.isPresent()) {
                return agency;
            }
        }
        Object chosen = session.getAttribute(SESSION_KEY);
        if (chosen instanceof String agencyId && actor.mayActFor(agencyId)) {
            return directory.findAgency(agencyId);
        }
        List<Agency> own = choosable(actor);
        return own.isEmpty() ? Optional.empty() : Optional.of(own.get(0));
    }
}
