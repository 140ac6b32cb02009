package dk.fjernlaan.automation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.catalogue.HoldingsPort.HolderAnswer;
import dk.fjernlaan.catalogue.HoldingsPort;
import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.CentralLibraries;
import dk.fjernlaan.directory.Closure;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.directory.LendingRoute;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;

/**
 * The automation decision as a use case: gathers the facts (record, settings, thresholds of the current
 * decision version, holders and their answers, closings, the lending route) and applies {@link AutomationRules}.
 */
@Service
public class AutomationService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AutomationService.class);

    /**
     * The decisions made and how long they took (Micrometer timer, at {@code /actuator/metrics}), by route and by
     * whether it was the first ({@code rota=first}) or the next lender of the rota ({@code rota=next}).
     */
    public static final String DECISIONS = "fjernlaan.automation.decisions";

    /** What the decision needs to know about an order. */
    public record DecisionRequest(String borrowerAgencyId, String pickupBranchId, String orderSystem, String responderId,
                                  List<String> pids, String orderedPid, boolean exactEdition, int materialType,
                                  LocalDate needBeforeDate) {}

    private final CatalogueService catalogue;
    private final HoldingsPort holdings;
    private final DirectoryService directory;
    private final AutomationSettingsService settings;
    private final ThresholdSource thresholds;
    private final FjernlaanClock clock;
    private final Duration holdingsTimeout;
    private final int ownLoanPeriodDays;
    private final MeterRegistry meters;

    @SuppressWarnings("java:S107")
    AutomationService(CatalogueService catalogue, HoldingsPort holdings, DirectoryService directory, AutomationSettingsService settings,
                      ThresholdSource thresholds, FjernlaanClock clock, FjernlaanSettings fjernlaan, MeterRegistry meters) {
        this.catalogue = catalogue;
        this.holdings = holdings;
        this.directory = directory;
        this.settings = settings;
        this.thresholds = thresholds;
        this.clock = clock;
        this.holdingsTimeout = fjernlaan.automation().holdingsTimeout();
        this.ownLoanPeriodDays = fjernlaan.automation().ownLoanPeriodDays();
        this.meters = meters;
    }

    public Decision decide(DecisionRequest request) {
        return decideExcluding(request, Set.of());
    }

    /**
     * The decision again, now, leaving out lenders already asked: the next lender of the rota that still qualifies
     * (closings and availability checked at this moment).
     */
    public Decision decideExcluding(DecisionRequest request, Set<String> excludedBranches) {
        Timer.Sample sample = Timer.start(meters);
        Decision decision = decideNow(request, excludedBranches);
        sample.stop(meters.timer(DECISIONS, "route", decision.route().name(), "rota", excludedBranches.isEmpty() ? "first" : "next"));
        return decision;
    }

    private Decision decideNow(DecisionRequest request, Set<String> excludedBranches) {
        LocalDate today = clock.today();
        BibRecord ordered = catalogue.record(request.orderedPid());
        ThresholdSource.Table table = thresholds.current();
        Agency borrowerAgency = directory.agency(request.borrowerAgencyId());
        AutomationSettingsRepository.Row row = settings.row(borrowerAgency, request.materialType());
        Thresholds own = table.forLibrary(borrowerAgency.agencyId(), request.pickupBranchId(), borrowerAgency.type(), request.materialType());
        BorrowerSettings borrower = new BorrowerSettings(row.willSend(), own.borrowerMinAgeDays(), row.lenders(), row.reserve(),
            row.ownMaterial(), row.ownProfile());
        OwnProfile profile = table.ownProfile(row.ownProfile());

        List<DecisionInput.Holder> holders = request.responderId() == null
            ? holders(request, ordered, table, today).stream().filter(h -> !excludedBranches.contains(h.branchId())).toList()
            : List.of();
        Map<String, Integer> positions = positions(directory.route(request.borrowerAgencyId()));

        return AutomationRules.decide(new DecisionInput(today, request.borrowerAgencyId(), request.orderSystem(), request.responderId(),
            request.needBeforeDate(), request.orderedPid(), request.materialType(), ordered.recordCreated(), ordered.overbygning(), borrower, profile,
            ownLoanPeriodDays,
            holders, positions, table.version()));
    }

    /** The records that can fill the order: the ordered one (exact edition), or every edition of the work of its type. */
    private Set<String> acceptablePids(DecisionRequest request, BibRecord ordered) {
        Set<String> pids = new LinkedHashSet<>();
        pids.add(ordered.pid());
        if (!request.exactEdition()) {
            pids.addAll(request.pids());
            catalogue.recordsOfWork(ordered.workId()).stream()
                .filter(r -> r.materialType() == ordered.materialType())
                .forEach(r -> pids.add(r.pid()));
        }
        return pids;
    }

    private List<DecisionInput.Holder> holders(DecisionRequest request, BibRecord ordered, ThresholdSource.Table table, LocalDate today) {
        Set<String> pids = acceptablePids(request, ordered);
        Collection<String> holderIds = holdings.holders(pids);
        Map<String, Branch> branches = directory.branches(holderIds);
        Set<String> agencyIds = new HashSet<>();
        branches.values().forEach(b -> agencyIds.add(b.agencyId()));
        Map<String, Agency> agencies = directory.agencies(agencyIds);
        Map<String, AutomationSettingsRepository.Row> lenderRows = settings.rows(agencies.values(), request.materialType());
        Set<String> closedForIll = new HashSet<>();
        for (Closure closure : directory.activeClosures(new HashSet<>(holderIds), today)) {
            if (closure.scope().closesIll()) {
                closedForIll.addAll(closure.branchIds());
            }
        }
        Map<String, HolderAnswer> answers = holdings.availability(branches.keySet(), pids, holdingsTimeout);
        if (!answers.isEmpty() && answers.values().stream().noneMatch(a -> a.outcome() == HoldingsPort.Outcome.ANSWERED)) {
            // nobody could be asked: a technical failure (the step is tried again), not "nobody holds it"
            throw new IllegalStateException("No holder's library system could be asked: " + answers.size() + " holders did not answer");
        }

        List<DecisionInput.Holder> holders = new ArrayList<>();
        for (Branch branch : branches.values()) {
            Agency agency = agencies.get(branch.agencyId());
            AutomationSettingsRepository.Row lenderRow = lenderRows.get(agency.agencyId());
            Integer lenderMin = table.forLibrary(agency.agencyId(), branch.branchId(), agency.type(), request.materialType()).lenderMinAgeDays();
            HolderAnswer answer = answers.getOrDefault(branch.branchId(), HolderAnswer.failed(branch.branchId(), HoldingsPort.Outcome.FAILED));
            holders.add(new DecisionInput.Holder(branch.branchId(), agency.agencyId(), CentralLibraries.isCentralLibrary(agency.agencyId()),
                branch.willReceiveIll(), new LenderSettings(lenderRow.willReceive(), lenderMin), closedForIll.contains(branch.branchId()),
                answer.outcome(), answer.items(), answer.waited()));
        }
        return holders;
    }

    private static Map<String, Integer> positions(LendingRoute route) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < route.agencyIds().size(); i++) {
            positions.putIfAbsent(route.agencyIds().get(i), i + 1);
        }
        return positions;
    }

    /** The new-material warnings for an order about to be placed. */
    public List<NewMaterialWarning> warnings(BibRecord record, Agency borrower, String pickupBranchId) {
        Integer borrowerMin;
        try {
            ThresholdSource.Table table = thresholds.current();
            borrowerMin = table.forLibrary(borrower.agencyId(), pickupBranchId, borrower.type(), record.materialType()).borrowerMinAgeDays();
        } catch (RuntimeException e) {
            // a warning must never stop an order: without the library's threshold, that warning is left out
            log.warn("Age thresholds could not be evaluated for the new-material warning: {}", e.getMessage());
            borrowerMin = null;
        }
        return NewMaterialRules.warnings(record.physical(), record.firstEdition(), record.bkmWeek(), record.recordCreated(),
            borrowerMin, clock.today());
    }
}
