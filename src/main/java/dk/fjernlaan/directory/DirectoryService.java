package dk.fjernlaan.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's use cases: look up libraries, maintain lending routes, close and reopen branches. */
@Service
public class DirectoryService {

    /** Agencies and branches change seldom and are read by every order: they are kept in memory. */
    private record Snapshot(Map<String, Agency> agencies, Map<String, Branch> branches, Map<String, List<Branch>> byAgency, long loadedAt) {}

    private static final long SNAPSHOT_NANOS = java.time.Duration.ofMinutes(1).toNanos();

    private final DirectoryRepository repository;
    private final FjernlaanClock clock;
    private volatile Snapshot snapshot;

    public DirectoryService(DirectoryRepository repository, FjernlaanClock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > SNAPSHOT_NANOS) {
            Map<String, Agency> agencies = new HashMap<>();
            repository.findAllAgencies().forEach(a -> agencies.put(a.agencyId(), a));
            Map<String, Branch> branches = new HashMap<>();
            Map<String, List<Branch>> byAgency = new HashMap<>();
            for (Branch b : repository.findAllBranches()) {
                branches.put(b.branchId(), b);
                byAgency.computeIfAbsent(b.agencyId(), k -> new ArrayList<>()).add(b);
            }
            current = new Snapshot(Map.copyOf(agencies), Map.copyOf(branches), Map.copyOf(byAgency), System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    /** Forgets the in-memory directory (after an import or a change), so the next read loads it again. */
    public void refresh() {
        snapshot = null;
    }

    public Optional<Agency> findAgency(String agencyId) {
        return Optional.ofNullable(snapshot().agencies().get(agencyId));
    }

    public Agency agency(String agencyId) {
        return findAgency(agencyId).orElseThrow(() -> new NotFound("problem.library.notFound", agencyId));
    }

    public Optional<Branch> findBranch(String branchId) {
        return Optional.ofNullable(snapshot().branches().get(branchId));
    }

    public Map<String, Branch> branches(Collection<String> branchIds) {
        Map<String, Branch> all = snapshot().branches();
        Map<String, Branch> result = new LinkedHashMap<>();
        for (String id : branchIds) {
            Branch b = all.get(id);
            if (b != null) {
                result.put(id, b);
            }
        }
        return result;
    }

    public Map<String, Agency> agencies(Collection<String> agencyIds) {
        Map<String, Agency> all = snapshot().agencies();
        Map<String, Agency> result = new LinkedHashMap<>();
        for (String id : agencyIds) {
            Agency a = all.get(id);
            if (a != null) {
                result.put(id, a);
            }
        }
        return result;
    }

    public List<Branch> branches(String agencyId) {
        return snapshot().byAgency().getOrDefault(agencyId, List.of()).stream()
            .sorted(java.util.Comparator.comparing(Branch::branchId)).toList();
    }

    /** Branches whose name (or library's name) contains the text, or whose number starts with it: for type-ahead. */
    public List<Branch> findBranches(String text, int limit) {
        String wanted = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Snapshot all = snapshot();
        return all.branches().values().stream()
            .filter(b -> b.branchId().startsWith(wanted) || b.name().toLowerCase(java.util.Locale.ROOT).contains(wanted)
                || java.util.Optional.ofNullable(all.agencies().get(b.agencyId())).map(a -> a.name().toLowerCase(java.util.Locale.ROOT).contains(wanted)).orElse(false))
            .sorted(java.util.Comparator.comparing(Branch::name).thenComparing(Branch::branchId))
            .limit(limit)
            .toList();
    }

    public List<Agency> agencies(String type, String nameContains, int page, int size) {
        return repository.findAgencies(type, nameContains, page * size, size);
    }

    // closings ---------------------------------------------------------------------------------

    /** The closings of these branches that are in force on the day. */
    public List<Closure> activeClosures(Set<String> branchIds, LocalDate day) {
        return repository.findActiveClosuresOfBranches(branchIds, day);
    }

    public boolean isClosedForIll(String branchId, LocalDate day) {
        return closingForIll(branchId, day).isPresent();
    }

    public boolean isClosedForEndUsers(String branchId, LocalDate day) {
        return closingForEndUsers(branchId, day).isPresent();
    }

    /** The closing that keeps ILL requests from the branch on the day, if any. */
    public Optional<Closure> closingForIll(String branchId, LocalDate day) {
        return activeClosures(Set.of(branchId), day).stream().filter(c -> c.scope().closesIll()).findFirst();
    }

    /** The closing that keeps end users' orders from the branch on the day, if any. */
    public Optional<Closure> closingForEndUsers(String branchId, LocalDate day) {
        return activeClosures(Set.of(branchId), day).stream().filter(c -> c.scope().closesEndUsers()).findFirst();
    }

    public List<Closure> closures(String agencyId) {
        agency(agencyId);
        return repository.findClosures(agencyId);
    }

    public Closure closure(long closureId) {
        return repository.findClosure(closureId).orElseThrow(() -> new NotFound("problem.closure.notFound", closureId));
    }

    @Transactional
    public Closure close(String agencyId, ClosureScope scope, LocalDate from, LocalDate to, String reason, List<String> branchIds) {
        agency(agencyId);
        Actor actor = AccessPolicy.requireAgency(agencyId);
        List<FieldProblem> problems = new ArrayList<>();
        if (to.isBefore(from)) {
            problems.add(FieldProblem.of("to", "problem.closure.toBeforeFrom"));
        }
        if (to.isBefore(clock.today())) {
            problems.add(FieldProblem.of("to", "problem.closure.toInPast"));
        }
        List<Branch> own = branches(agencyId);
        Set<String> ownIds = new HashSet<>(own.stream().map(Branch::branchId).toList());
        List<String> targets;
        if (branchIds == null || branchIds.isEmpty()) {
            targets = List.copyOf(ownIds);
            if (targets.isEmpty()) {
                problems.add(FieldProblem.of("branchIds", "problem.closure.noBranches", agencyId));
            }
        } else {
            targets = branchIds.stream().distinct().toList();
            for (int i = 0; i < branchIds.size(); i++) {
                if (!ownIds.contains(branchIds.get(i))) {
                    problems.add(FieldProblem.of("branchIds[" + i + "]", "problem.closure.notBranchOf", branchIds.get(i), agencyId));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Unacceptable.of("problem.closure.notRegistered", problems);
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
        return repository.findRoute(agencyId).orElseThrow(() -> new NotFound("problem.route.notFound", agencyId));
    }

    @Transactional
    public LendingRoute reorderRoute(String agencyId, List<String> proposed) {
        LendingRoute current = route(agencyId);
        AccessPolicy.requireAgency(agencyId);
        LendingRoutePolicy.checkReorder(current, proposed).ifPresent(problem -> {
            throw new Unacceptable(problem, List.of(new FieldProblem("agencyIds", problem)));
        });
        LendingRoute updated = new LendingRoute(agencyId, proposed, current.reorderableCount(), true);
        repository.updateRoute(updated, clock.nowUtc());
        return updated;
    }

    // courier data -----------------------------------------------------------------------------

    @Transactional
    public Branch setRouteNumber(String agencyId, String branchId, String routeNumber) {
        agency(agencyId);
        Branch branch = findBranch(branchId).filter(b -> b.agencyId().equals(agencyId))
            .orElseThrow(() -> new NotFound("problem.branch.notFound", agencyId, branchId));
        AccessPolicy.requireCourierAdmin();
        repository.updateRouteNumber(branch.branchId(), routeNumber == null || routeNumber.isBlank() ? null : routeNumber.trim());
        refresh();
        return repository.findBranch(branchId).orElseThrow();
    }
}
