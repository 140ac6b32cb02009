package dk.fjernlaan.platform.security;

import dk.fjernlaan.platform.refusal.NotAllowed;

/** The checks the API makes before it changes a library's data. */
public final class AccessPolicy {

    private AccessPolicy() {}

    public static Actor requireAgency(String agencyId) {
        Actor actor = Actor.current();
        if (!actor.mayActFor(agencyId)) {
            throw new NotAllowed("problem.agency.forbidden", agencyId);
        }
        return actor;
    }

    public static Actor requireAnyAgency(String... agencyIds) {
        Actor actor = Actor.current();
        for (String agencyId : agencyIds) {
            if (agencyId != null && actor.mayActFor(agencyId)) {
                return actor;
            }
        }
        throw new NotAllowed("problem.agency.forbidden", String.join(" / ", java.util.Arrays.stream(agencyIds).filter(java.util.Objects::nonNull).toList()));
    }

    public static Actor requireCourierAdmin() {
        Actor actor = Actor.current();
        if (!actor.mayEditCourierData()) {
            throw new NotAllowed("problem.courier.forbidden");
        }
        return actor;
    }
}
