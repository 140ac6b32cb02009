package dk.fjernlaan.platform.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start: the administrator, the system groups and Tasklist access. */
@Component
@Order(0)
class IdentityStartup implements ApplicationRunner {

    private final IdentitySetup identitySetup;

    IdentityStartup(IdentitySetup identitySetup) {
        this.identitySetup = identitySetup;
    }

    @Override
    public void run(ApplicationArguments args) {
        identitySetup.ensureBaseIdentity();
    }
}
