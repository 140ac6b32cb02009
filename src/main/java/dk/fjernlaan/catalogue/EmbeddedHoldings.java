package dk.fjernlaan.catalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/** The first adapter of the holdings port: the embedded holdings store answers for every branch at once. */
@Component
class EmbeddedHoldings implements HoldingsPort {

    private final CatalogueRepository repository;

    EmbeddedHoldings(CatalogueRepository repository) {
        this.repository = repository;
    }

    @Override
    public Collection<String> holders(Collection<String> pids) {
        return new TreeSet<>(repository.findHolderBranches(pids));
    }

    @Override
    public Map<String, HolderAnswer> availability(Collection<String> branchIds, Collection<String> pids, Duration timeout) {
        java.util.Set<String> asked = new java.util.HashSet<>(branchIds);
        Map<String, List<HoldingItem>> byBranch = new HashMap<>();
        for (HoldingItem item : repository.findHoldingsOfPids(pids)) {
            if (asked.contains(item.branchId())) {
                byBranch.computeIfAbsent(item.branchId(), b -> new ArrayList<>()).add(item);
            }
        }
        Map<String, HolderAnswer> answers = new LinkedHashMap<>();
        for (String branchId : branchIds) {
            answers.put(branchId, HolderAnswer.answered(branchId, byBranch.getOrDefault(branchId, List.of())));
        }
        return answers;
    }
}
