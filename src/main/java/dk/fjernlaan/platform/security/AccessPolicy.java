package dk.fjernlaan.platform.security;

import dk.fjernlaan.platform.web.ApiException;

/** The checks the API makes before it changes a library's data. */
public final class AccessPolicy {

    private AccessPolicy() {}

    public static Actor requireAgency(String agencyId) {
        Actor actor = Actor.current();
        if (!actor.mayActFor(agencyId)) {
            throw ApiException.forbidden("Only staff of library " + agencyId + " (or an administrator) may do this.");
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
        throw ApiException.forbidden("Only staff of library " + String.join(" or ", agencyIds) + " (or an administrator) may do this.");
    }

    public static Actor requireCourierAdmin() {
        Actor actor = Actor.current();
        if (!actor.mayEditCourierData()) {
            throw ApiException.forbidden("Courier route data is maintained by SLKS: only the slks-admin group may change it.");
        }
        return actor;
    }
}
