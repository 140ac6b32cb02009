package dk.fjernlaan.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The embedded catalogue: records and the branches' holdings. */
@Service
public class CatalogueService {

    private final CatalogueRepository repository;
    private final DirectoryService directory;
    private final MaterialTypes materialTypes;
    private final FjernlaanClock clock;

    public CatalogueService(CatalogueRepository repository, DirectoryService directory, MaterialTypes materialTypes, FjernlaanClock clock) {
        this.repository = repository;
        this.directory = directory;
        this.materialTypes = materialTypes;
        this.clock = clock;
    }

    public Optional<BibRecord> findRecord(String pid) {
        return repository.findRecord(pid);
    }

    public BibRecord record(String pid) {
        return repository.findRecord(pid).orElseThrow(() -> new NotFound("problem.record.notFound", pid));
    }

    public List<BibRecord> records(List<String> pids) {
        return repository.findRecords(pids);
    }

    public List<BibRecord> recordsOfWork(String workId) {
        return repository.findRecordsOfWork(workId);
    }

    public List<HoldingItem> holdings(String pid) {
        record(pid);
        return repository.findHoldings(pid);
    }

    public List<HoldingItem> holdingsOfPids(List<String> pids) {
        return repository.findHoldingsOfPids(pids);
    }

    /** @return true when the record was created, false when it replaced an existing one */
    @Transactional
    public boolean saveRecord(BibRecord record) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!materialTypes.isKnown(record.materialType())) {
            problems.add(FieldProblem.of("materialType", "problem.materialType.unknownOf", record.materialType(),
                materialTypes.materialTypes().keySet()));
        }
        if (record.recordCreated().isAfter(clock.today())) {
            problems.add(FieldProblem.of("recordCreated", "problem.date.future"));
        }
        if (record.bkmWeek() != null) {
            int week = Integer.parseInt(record.bkmWeek().substring(7));
            if (week < 1 || week > 53) {
                problems.add(FieldProblem.of("bkmWeek", "problem.bkm.noSuchWeek", week));
            }
        }
        if (!problems.isEmpty()) {
            throw Unacceptable.of("problem.record.notSaved", problems);
        }
        return repository.saveRecord(record, clock.nowUtc());
    }

    @Transactional
    public List<HoldingItem> replaceHoldings(String pid, String branchId, List<HoldingItem> items) {
        List<FieldProblem> problems = new ArrayList<>();
        if (repository.findRecord(pid).isEmpty()) {
            problems.add(FieldProblem.of("pid", "problem.record.unknown", pid));
        }
        Optional<Branch> branch = directory.findBranch(branchId);
        if (branch.isEmpty()) {
            problems.add(FieldProblem.of("branchId", "problem.branch.unknown", branchId));
        }
        if (!problems.isEmpty()) {
            throw Unacceptable.of("problem.holding.notSaved", problems);
        }
        AccessPolicy.requireAgency(branch.get().agencyId());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            HoldingItem item = items.get(i);
            if (!ids.add(item.itemId())) {
                problems.add(FieldProblem.of("items[" + i + "].itemId", "problem.item.twice", item.itemId()));
            }
            if (item.status() == ItemStatus.OnLoan && item.dueDate() == null) {
                problems.add(FieldProblem.of("items[" + i + "].dueDate", "problem.item.dueRequired"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(Text.of("problem.holding.incomplete"), problems);
        }
        repository.replaceHoldings(pid, branchId, items);
        return repository.findHoldings(pid, branchId);
    }
}
