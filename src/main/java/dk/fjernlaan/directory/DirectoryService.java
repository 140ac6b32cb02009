package dk.fjernlaan.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.web.ApiException;
import dk.fjernlaan.platform.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's use cases: look up libraries, maintain lending routes, close and reopen branches. */
@Service
public class DirectoryService {

    private final DirectoryRepository repository;
    private final FjernlaanClock clock;

    public DirectoryService(DirectoryRepository repository, FjernlaanClock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Optional<Agency> findAgency(String agencyId) {
        return repository.findAgency(agencyId);
    }

    public Agency agency(String agencyId) {
        return repository.findAgency(agencyId).orElseThrow(() -> ApiException.notFound("No library with agency id " + agencyId + "."));
    }

    public Optional<Branch> findBranch(String branchId) {
        return repository.findBranch(branchId);
    }

    public java.util.Map<String, Branch> branches(java.util.Collection<String> branchIds) {
        return repository.findBranches(branchIds);
    }

    public java.util.Map<String, Agency> agencies(java.util.Collection<String> agencyIds) {
        return repository.findAgencies(agencyIds);
    }

    public List<Branch> branches(String agencyId) {
        return repository.findBranches(agencyId);
    }

    public List<Agency> agencies(String type, String nameContains, int page, int size) {
        return repository.findAgencies(type, nameContains, page * size, size);
    }

    // closings ---------------------------------------------------------------------------------

    /** The closings of these branches that are in force on the day. */
    public List<Closure> activeClosures(Set<String> branchIds, LocalDate day) {
        return repository.findOpenClosuresOfBranches(branchIds).stream().filter(c -> c.activeOn(day)).toList();
    }

    public boolean isClosedForIll(String branchId, LocalDate day) {
        return activeClosures(Set.of(branchId), day).stream().anyMatch(c -> c.scope().closesIll());
    }

    public boolean isClosedForEndUsers(String branchId, LocalDate day) {
        return activeClosures(Set.of(branchId), day).stream().anyMatch(c -> c.scope().closesEndUsers());
    }

    public List<Closure> closures(String agencyId) {
        agency(agencyId);
        return repository.findClosures(agencyId);
    }

    public Closure closure(long closureId) {
        return repository.findClosure(closureId).orElseThrow(() -> ApiException.notFound("No closing with id " + closureId + "."));
    }

    @Transactional
    public Closure close(String agencyId, ClosureScope scope, LocalDate from, LocalDate to, String reason, List<String> branchIds) {
        agency(agencyId);
        Actor actor = AccessPolicy.requireAgency(agencyId);
        List<FieldProblem> problems = new ArrayList<>();
        if (to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must not be before 'from'"));
        }
        if (to.isBefore(clock.today())) {
            problems.add(new FieldProblem("to", "is in the past: the closing would already be over"));
        }
        List<Branch> own = repository.findBranches(agencyId);
        Set<String> ownIds = new HashSet<>(own.stream().map(Branch::branchId).toList());
        List<String> targets;
        if (branchIds == null || branchIds.isEmpty()) {
            targets = List.copyOf(ownIds);
            if (targets.isEmpty()) {
                problems.add(new FieldProblem("branchIds", "library " + agencyId + " has no branches in the directory"));
            }
        } else {
            targets = branchIds.stream().distinct().toList();
            for (int i = 0; i < branchIds.size(); i++) {
                if (!ownIds.contains(branchIds.get(i))) {
                    problems.add(new FieldProblem("branchIds[" + i + "]", "branch " + branchIds.get(i) + " is not a branch of library " + agencyId));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("The closing cannot be registered.", problems);
        }
        long id = repository.insertClosure(agencyId, scope, from, to, reason.trim(), targets.stream().sorted().toList(),
            actor.userId(), clock.nowUtc());
        return closure(id);
    }

    @Transactional
    public void reopen(long closureId) {
        Closure closure = closure(closureId);
        AccessPolicy.requireAgency(closure.agencyId());
        repository.reopen(closureId, clock.nowUtc());
    }

    // lending routes ---------------------------------------------------------------------------

    public LendingRoute route(String agencyId) {
        agency(agencyId);
        return repository.findRoute(agencyId).orElseThrow(() -> ApiException.notFound("Library " + agencyId + " has no lending route."));
    }

    @Transactional
    public LendingRoute reorderRoute(String agencyId, List<String> proposed) {
        LendingRoute current = route(agencyId);
        AccessPolicy.requireAgency(agencyId);
        LendingRoutePolicy.checkReorder(current, proposed).ifPresent(problem -> {
            throw ApiException.unprocessable(problem, List.of(new FieldProblem("agencyIds", problem)));
        });
        LendingRoute updated = new LendingRoute(agencyId, proposed, current.reorderableCount(), true);
        repository.updateRoute(updated, clock.nowUtc());
        return updated;
    }

    // courier data -----------------------------------------------------------------------------

    @Transactional
    public Branch setRouteNumber(String agencyId, String branchId, String routeNumber) {
        agency(agencyId);
        Branch branch = repository.findBranch(branchId).filter(b -> b.agencyId().equals(agencyId))
            .orElseThrow(() -> ApiException.notFound("Library " + agencyId + " has no branch " + branchId + "."));
        AccessPolicy.requireCourierAdmin();
        repository.updateRouteNumber(branch.branchId(), routeNumber == null || routeNumber.isBlank() ? null : routeNumber.trim());
        return repository.findBranch(branchId).orElseThrow();
    }
}
