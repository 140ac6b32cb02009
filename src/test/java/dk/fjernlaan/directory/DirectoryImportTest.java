package dk.fjernlaan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.fjernlaan.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

class DirectoryImportTest extends IntegrationTest {

    @Autowired DirectoryRepository repository;
    @Autowired DirectoryImporter importer;

    @Test
    void loadsEveryBranchOfTheNationalDirectory() {
        assertThat(repository.countBranches()).isEqualTo(1280);
        assertThat(repository.findAllBranches().stream().map(Branch::agencyId).distinct().count()).isEqualTo(678);
    }

    @Test
    void loadsTheNinetyEightMunicipalLibrariesEachInItsCentralLibraryArea() throws Exception {
        List<CSVRecord> municipalities = csv(DirectoryImporter.MUNICIPALITIES);
        assertThat(municipalities).hasSize(98);
        for (CSVRecord m : municipalities) {
            Agency agency = repository.findAgency(m.get("publicLibraryAgencyId")).orElseThrow();
            assertThat(agency.type()).as(agency.agencyId()).isEqualTo(AgencyType.PUBLIC);
            assertThat(agency.centralLibraryAreaOf()).as(agency.agencyId()).isEqualTo(m.get("centralLibraryAgencyId"));
            assertThat(agency.municipalityCode()).isEqualTo(m.get("municipalityCode"));
        }
        // Fanø has no agency in the 2021 snapshot; it is still a municipal library in Vejle's area
        Agency fanoe = repository.findAgency("756300").orElseThrow();
        assertThat(fanoe.inSnapshot()).isFalse();
        assertThat(fanoe.centralLibraryAreaOf()).isEqualTo(CentralLibraries.VEJLE);
    }

    @Test
    void marksTheSixCentralLibraries() {
        List<String> central = repository.findAllAgencies().stream().filter(Agency::centralLibrary).map(Agency::agencyId).toList();
        assertThat(central).containsExactlyInAnyOrderElementsOf(CentralLibraries.ALL);
        // each central library is in its own area
        CentralLibraries.ALL.forEach(id -> assertThat(repository.findAgency(id).orElseThrow().centralLibraryAreaOf()).isEqualTo(id));
    }

    @Test
    void keepsTheCourierDataOfTheSnapshot() throws Exception {
        Map<String, CSVRecord> rows = csv(DirectoryImporter.AGENCIES).stream().collect(Collectors.toMap(r -> r.get("branchId"), r -> r));
        Branch blaagaarden = repository.findBranch("710104").orElseThrow();
        assertThat(blaagaarden.junction()).isEqualTo(rows.get("710104").get("junction"));
        assertThat(blaagaarden.dropOffBranch()).isEqualTo("710123");
        assertThat(blaagaarden.isil()).isEqualTo("DK-710104");
        assertThat(blaagaarden.nationalDeliveryService()).isTrue();
        assertThat(blaagaarden.routeNumber()).isNull();
        long receiving = rows.values().stream().filter(r -> r.get("willReceiveIll").equals("1")).count();
        assertThat(repository.findAllBranches().stream().filter(Branch::willReceiveIll).count()).isEqualTo(receiving);
    }

    @Test
    void importIsIdempotent() {
        DirectoryImporter.Summary again = importer.importDirectory();
        assertThat(again.agenciesAdded()).isZero();
        assertThat(again.branchesAdded()).isZero();
        assertThat(again.routesAdded()).isZero();
        assertThat(repository.countBranches()).isEqualTo(1280);
    }

    @Test
    void everyLibraryHasAGeneratedRouteStartingWithItself() {
        for (Agency agency : repository.findAllAgencies()) {
            LendingRoute route = repository.findRoute(agency.agencyId()).orElseThrow();
            assertThat(route.agencyIds().get(0)).isEqualTo(agency.agencyId());
        }
    }

    private static List<CSVRecord> csv(String resource) throws Exception {
        try (var reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
