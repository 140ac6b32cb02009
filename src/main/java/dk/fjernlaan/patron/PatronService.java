package dk.fjernlaan.patron;

import java.util.Optional;

import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patrons: registered by their library's system, read by the order engine for the patron check and notices. */
@Service
public class PatronService {

    /** Answers whether a patron still has orders that are not closed (then the patron cannot be deleted). */
    public interface OpenOrders {
        boolean existFor(String agencyId, String patronId);
    }

    private final PatronRepository repository;
    private final DirectoryService directory;
    private final FjernlaanClock clock;
    private final OpenOrders openOrders;

    PatronService(PatronRepository repository, DirectoryService directory, FjernlaanClock clock, OpenOrders openOrders) {
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
        this.openOrders = openOrders;
    }

    public Optional<Patron> find(String agencyId, String patronId) {
        return repository.find(agencyId, patronId);
    }

    @Transactional
    public boolean save(Patron patron) {
        if (directory.findAgency(patron.agencyId()).isEmpty()) {
            throw Unacceptable.field("agencyId", "problem.library.unknown", patron.agencyId());
        }
        AccessPolicy.requireAgency(patron.agencyId());
        return repository.save(patron, clock.nowUtc());
    }

    @Transactional
    public void delete(String agencyId, String patronId) {
        AccessPolicy.requireAgency(agencyId);
        if (repository.find(agencyId, patronId).isEmpty()) {
            throw new NotFound("problem.patron.notFound", agencyId);
        }
        if (openOrders.existFor(agencyId, patronId)) {
            throw new NotInState(null, "problem.patron.openOrders");
        }
        repository.delete(agencyId, patronId);
    }
}
