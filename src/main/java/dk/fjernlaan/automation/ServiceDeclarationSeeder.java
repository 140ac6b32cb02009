package dk.fjernlaan.automation;

import java.util.HashSet;
import java.util.Set;

import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.AgencyType;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.BundledCsv;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the VIP part of the published service declarations (June 2025, Danish books = material type 1): the
 * libraries send automatically, lend automatically unless their lender value is empty, and allow own
 * material as declared. The first row of a library counts. Their age thresholds are rows of the seeded
 * decision table. Only libraries without stored settings are seeded, so later changes are kept.
 */
@Component
@Order(20)
class ServiceDeclarationSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceDeclarationSeeder.class);
    static final String DECLARATIONS = "data/service-declarations-2025.csv";

    private final AutomationSettingsRepository repository;
    private final DirectoryService directory;
    private final FjernlaanClock clock;

    ServiceDeclarationSeeder(AutomationSettingsRepository repository, DirectoryService directory, FjernlaanClock clock) {
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Set<String> seen = new HashSet<>();
        int seeded = 0;
        for (CSVRecord row : BundledCsv.read(DECLARATIONS)) {
            String agencyId = row.get("agencyId");
            if (!seen.add(agencyId)) {
                continue; // the first row of a library counts
            }
            Agency agency = directory.findAgency(agencyId).orElse(null);
            if (agency == null || repository.exists(agencyId, 1)) {
                continue; // a branch (KB Aarhus: its thresholds are a branch row of the table) or already set
            }
            repository.save(new AutomationSettingsRepository.Row(agencyId, 1, Participation.YES, null, true,
                    "yes".equalsIgnoreCase(row.get("ownMaterial")) ? Participation.YES : Participation.NO,
                    agency.type() == AgencyType.PUBLIC ? 1 : 2, !row.get("lenderMinAgeDays").isBlank()),
                "service-declarations-2025", clock.nowUtc());
            seeded++;
        }
        if (seeded > 0) {
            log.info("Seeded the automated-ILL settings of {} libraries from the service declarations", seeded);
        }
    }
}
