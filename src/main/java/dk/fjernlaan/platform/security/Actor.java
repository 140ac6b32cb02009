package dk.fjernlaan.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: an engine identity user and the groups it belongs to. Groups are the engine's groups:
 * {@code camunda-admin} (everything), {@code fjernlaan-system} (integrations acting for any library),
 * {@code slks-admin} (the state agency: courier route numbers), and one group per library agency
 * (group id = agency id) for its staff.
 */
public record Actor(String userId, Set<String> groups) {

    public static final String GROUP_PREFIX = "GROUP_";
    public static final String ADMIN_GROUP = "camunda-admin";
    public static final String SYSTEM_GROUP = "fjernlaan-system";
    public static final String SLKS_GROUP = "slks-admin";

    /** The caller of the current request, or a system actor outside of requests (jobs, start-up). */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new Actor("system", Set.of(SYSTEM_GROUP));
        }
        Set<String> groups = auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith(GROUP_PREFIX))
            .map(a -> a.substring(GROUP_PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet());
        return new Actor(auth.getName(), groups);
    }

    /**
     * Runs the work as this actor (another system that is not an engine user, such as an ISO 18626 peer acting for
     * its library), then as the caller again.
     */
    public <T> T runAs(java.util.function.Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
            groups.stream().map(g -> new SimpleGrantedAuthority(GROUP_PREFIX + g)).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    /** Staff of the library, an integration acting for libraries, or an administrator. */
    public boolean mayActFor(String agencyId) {
        return isAdmin() || groups.contains(SYSTEM_GROUP) || groups.contains(agencyId);
    }

    public boolean mayEditCourierData() {
        return isAdmin() || groups.contains(SLKS_GROUP);
    }
}
