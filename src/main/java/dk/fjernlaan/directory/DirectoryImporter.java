package dk.fjernlaan.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.fjernlaan.platform.BundledCsv;
import dk.fjernlaan.platform.security.IdentitySetup;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the national library directory bundled with the app (the VIP snapshot, the municipalities and their
 * central-library areas) and generates the default lending routes. Idempotent: only what is missing is added,
 * so data maintained since (route numbers, reordered routes) is kept.
 */
@Component
public class DirectoryImporter {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImporter.class);
    static final String AGENCIES = "data/vip-agencies-2021.csv";
    static final String MUNICIPALITIES = "data/municipalities.csv";

    private final DirectoryRepository repository;
    private final DirectoryService directory;
    private final IdentitySetup identitySetup;
    private final FjernlaanClock clock;

    public DirectoryImporter(DirectoryRepository repository, DirectoryService directory, IdentitySetup identitySetup, FjernlaanClock clock) {
        this.repository = repository;
        this.directory = directory;
        this.identitySetup = identitySetup;
        this.clock = clock;
    }

    public record Summary(int agenciesAdded, int branchesAdded, int routesAdded) {}

    @Transactional
    public Summary importDirectory() {
        List<CSVRecord> municipalities = BundledCsv.read(MUNICIPALITIES);
        List<CSVRecord> branches = BundledCsv.read(AGENCIES);

        Map<String, CSVRecord> municipalityByAgency = new HashMap<>();
        for (CSVRecord m : municipalities) {
            municipalityByAgency.put(m.get("publicLibraryAgencyId"), m);
        }
        if (repository.countMunicipalities() == 0) {
            for (CSVRecord m : municipalities) {
                repository.insertMunicipality(m.get("municipalityCode"), m.get("municipality"), m.get("publicLibraryAgencyId"),
                    m.get("region"), m.get("centralLibraryAgencyId"));
            }
        }

        Set<String> knownAgencies = new HashSet<>();
        repository.findAllAgencies().forEach(a -> knownAgencies.add(a.agencyId()));
        Set<String> knownBranches = new HashSet<>();
        repository.findAllBranches().forEach(b -> knownBranches.add(b.branchId()));

        Map<String, List<CSVRecord>> byAgency = new LinkedHashMap<>();
        for (CSVRecord row : branches) {
            byAgency.computeIfAbsent(row.get("agencyId"), k -> new ArrayList<>()).add(row);
        }

        int agenciesAdded = 0;
        int branchesAdded = 0;
        for (Map.Entry<String, List<CSVRecord>> entry : byAgency.entrySet()) {
            String agencyId = entry.getKey();
            List<CSVRecord> rows = entry.getValue();
            if (knownAgencies.add(agencyId)) {
                repository.insertAgency(agencyFrom(agencyId, rows, municipalityByAgency.get(agencyId)));
                agenciesAdded++;
            }
            for (CSVRecord row : rows) {
                if (knownBranches.add(row.get("branchId"))) {
                    repository.insertBranch(branchFrom(row), lastUpdated(row.get("lastUpdated")));
                    branchesAdded++;
                }
            }
        }
        // a municipal library that the snapshot lacks (Fanø) is still a library with a central-library area
        for (CSVRecord m : municipalities) {
            String agencyId = m.get("publicLibraryAgencyId");
            if (knownAgencies.add(agencyId)) {
                repository.insertAgency(new Agency(agencyId, m.get("municipality") + " Bibliotek", AgencyType.PUBLIC,
                    CentralLibraries.isCentralLibrary(agencyId), m.get("centralLibraryAgencyId"), m.get("municipalityCode"), false));
                agenciesAdded++;
            }
        }

        int routesAdded = generateMissingRoutes();
        if (agenciesAdded + branchesAdded + routesAdded > 0) {
            log.info("Directory loaded: {} agencies, {} branches and {} lending routes added", agenciesAdded, branchesAdded, routesAdded);
        }
        Map<String, String> names = new LinkedHashMap<>();
        repository.findAllAgencies().forEach(a -> names.put(a.agencyId(), a.name()));
        identitySetup.ensureAgencyGroups(names);
        directory.refresh();
        return new Summary(agenciesAdded, branchesAdded, routesAdded);
    }

    private int generateMissingRoutes() {
        Set<String> withRoute = new HashSet<>(repository.findAgenciesWithRoute());
        List<Agency> lenders = repository.findLendingAgencies();
        int added = 0;
        for (Agency agency : repository.findAllAgencies()) {
            if (!withRoute.contains(agency.agencyId())) {
                repository.insertRoute(LendingRoutePolicy.defaultRoute(agency, lenders), clock.nowUtc());
                added++;
            }
        }
        return added;
    }

    private static Agency agencyFrom(String agencyId, List<CSVRecord> rows, CSVRecord municipality) {
        CSVRecord main = rows.stream().filter(r -> r.get("branchId").equals(agencyId)).findFirst().orElse(rows.get(0));
        String name = main.get("agencyName").isBlank() ? main.get("branchName").trim() : main.get("agencyName").trim();
        AgencyType type = AgencyType.fromVip(main.get("agencyType"));
        String area = null;
        String municipalityCode = null;
        if (municipality != null) {
            area = municipality.get("centralLibraryAgencyId");
            municipalityCode = municipality.get("municipalityCode");
        } else if (type == AgencyType.PUBLIC && CentralLibraries.isCentralLibrary(main.get("junction"))) {
            // public libraries outside the municipal list (e.g. the Danish library in South Schleswig): the
            // central library that serves their courier junction
            area = main.get("junction");
        }
        return new Agency(agencyId, name, type, CentralLibraries.isCentralLibrary(agencyId), area, municipalityCode, true);
    }

    private static Branch branchFrom(CSVRecord row) {
        String junction = blankToNull(row.get("junction"));
        if ("000000".equals(junction)) {
            junction = null;
        }
        return new Branch(row.get("branchId"), row.get("agencyId"), row.get("branchName").trim(), blankToNull(row.get("isil")),
            junction, blankToNull(row.get("dropOffBranch")), null, "1".equals(row.get("nationalDeliveryService")),
            "1".equals(row.get("willReceiveIll")), "True".equalsIgnoreCase(row.get("pickupAllowed")));
    }

    private static LocalDate lastUpdated(String timestamp) {
        return timestamp == null || timestamp.length() < 10 ? null : LocalDate.parse(timestamp.substring(0, 10));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
