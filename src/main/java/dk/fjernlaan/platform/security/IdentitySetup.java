package dk.fjernlaan.platform.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dk.fjernlaan.platform.FjernlaanSettings;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's users, groups and authorizations that the project needs: the first administrator (from
 * configuration, or with a random password printed once), the system groups, one group per library agency
 * (its staff), Tasklist for every user with a shared "Manuel kø" filter.
 */
@Component
public class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
    public static final String AGENCY_GROUP_TYPE = "AGENCY";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, FilterService filterService,
                  TaskService taskService, FjernlaanSettings settings) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.adminUser = settings.security().adminUser();
        this.adminPassword = settings.security().adminPassword();
    }

    public void ensureBaseIdentity() {
        ensureGroup(Actor.ADMIN_GROUP, "Fjernlån-administratorer", Groups.GROUP_TYPE_SYSTEM);
        for (Resource resource : Resources.values()) {
            grantGroup(Actor.ADMIN_GROUP, resource, Authorization.ANY, Permissions.ALL);
        }
        ensureGroup(Actor.SYSTEM_GROUP, "Integrationer (Bibliotek.dk, Netpunkt, lokale systemer)", Groups.GROUP_TYPE_SYSTEM);
        ensureGroup(Actor.SLKS_GROUP, "Slots- og Kulturstyrelsen (kørselsordning)", Groups.GROUP_TYPE_SYSTEM);
        grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        ensureAdminUser();
        // every user reads the shared filters; the administrators' own filter comes first for them only (the
        // library filter is empty for someone in no library group)
        revokeGlobal(Resources.FILTER, Authorization.ANY);
        grantGlobal(Resources.FILTER, ensureFilter("Mit biblioteks opgaver", -10, "Opgaver til dit biblioteks grupper",
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()), Permissions.READ);
        grantGlobal(Resources.FILTER, ensureFilter("Alle opgaver", 0, "Alle opgaver, du har adgang til", taskService.createTaskQuery()),
            Permissions.READ);
        ensureFilter(ADMIN_FILTER, -20, "Bestillinger i alle bibliotekers manuelle køer, ældste først",
            taskService.createTaskQuery().taskDefinitionKey("Task_HandleManually").orderByTaskCreateTime().asc());
    }

    /** The administrators' default filter in Tasklist. */
    public static final String ADMIN_FILTER = "Manuelle køer, alle biblioteker";

    private void revokeGlobal(Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource)
            .resourceId(resourceId).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }

    /** One group per library agency, so that an administrator can put staff into their library in Camunda Admin. */
    public void ensureAgencyGroups(Map<String, String> agencyNames) {
        Set<String> existing = new HashSet<>();
        identityService.createGroupQuery().groupType(AGENCY_GROUP_TYPE).list().forEach(g -> existing.add(g.getId()));
        int created = 0;
        for (Map.Entry<String, String> agency : agencyNames.entrySet()) {
            if (!existing.contains(agency.getKey())) {
                ensureGroup(agency.getKey(), agency.getValue(), AGENCY_GROUP_TYPE);
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} library groups", created);
        }
    }

    /** Creates a user in the given groups if it does not exist (used for demo and test users). */
    public void ensureUser(String userId, String password, String firstName, Collection<String> groups) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName("");
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
                identityService.createMembership(userId, group);
            }
        }
    }

    private void ensureAdminUser() {
        if (identityService.createUserQuery().userId(adminUser).count() > 0) {
            return;
        }
        String password = adminPassword == null || adminPassword.isBlank() ? randomPassword() : adminPassword;
        ensureUser(adminUser, password, "Administrator", Set.of(Actor.ADMIN_GROUP));
        if (adminPassword == null || adminPassword.isBlank()) {
            // printed once, when the administrator is created; set FJERNLAAN_SECURITY_ADMIN_PASSWORD to choose it
            System.out.println("""

                ==========================================================================
                 Fjernlån: created the administrator '%s' with the generated password
                     %s
                 It is shown only this once. Log in to Cockpit, Tasklist and Admin with it.
                ==========================================================================
                """.formatted(adminUser, password));
        } else {
            log.info("Created the administrator '{}' with the configured password", adminUser);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() == 0) {
            Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizationService.saveAuthorization(auth);
        }
    }

    private void grantGlobal(Resource resource, String resourceId, Permission permission) {
        if (authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() == 0) {
            Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            auth.setUserId(Authorization.ANY);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizationService.saveAuthorization(auth);
        }
    }

    /** The filter's id, made when it is not there yet. */
    private String ensureFilter(String name, int priority, String description, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filter.setQuery(query);
        return filterService.saveFilter(filter).getId();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
