package dk.fjernlaan.automation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.catalogue.MaterialTypes;
import dk.fjernlaan.directory.Agency;
import dk.fjernlaan.directory.AgencyType;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A library's effective automated-ILL settings: its stored VIP settings (or the defaults of its library type)
 * with the age thresholds that the current decision table gives it.
 */
@Service
public class AutomationSettingsService {

    static final String THRESHOLD_DECISION = "AgeThresholds";

    private final AutomationSettingsRepository repository;
    private final ThresholdSource thresholds;
    private final ThresholdEditor editor;
    private final DirectoryService directory;
    private final MaterialTypes materialTypes;
    private final FjernlaanClock clock;

    AutomationSettingsService(AutomationSettingsRepository repository, ThresholdSource thresholds, ThresholdEditor editor,
                              DirectoryService directory, MaterialTypes materialTypes, FjernlaanClock clock) {
        this.repository = repository;
        this.thresholds = thresholds;
        this.editor = editor;
        this.directory = directory;
        this.materialTypes = materialTypes;
        this.clock = clock;
    }

    /** The settings of a library that has stored none: public and research libraries take part, others do not. */
    static AutomationSettingsRepository.Row defaults(Agency agency, int materialType) {
        boolean participates = agency.type() == AgencyType.PUBLIC || agency.type() == AgencyType.RESEARCH;
        Participation send = participates ? Participation.YES : Participation.NO;
        int profile = agency.type() == AgencyType.PUBLIC ? 1 : 2;
        return new AutomationSettingsRepository.Row(agency.agencyId(), materialType, send, null, participates, Participation.NO,
            profile, participates);
    }

    public List<AutomationSettings> all(String agencyId) {
        Agency agency = directory.agency(agencyId);
        ThresholdSource.Table table = thresholds.current();
        List<AutomationSettings> result = new ArrayList<>();
        for (int type : materialTypes.materialTypes().keySet()) {
            result.add(effective(agency, type, table));
        }
        return result;
    }

    public AutomationSettings effective(Agency agency, int materialType, ThresholdSource.Table table) {
        AutomationSettingsRepository.Row row = repository.find(agency.agencyId(), materialType).orElse(defaults(agency, materialType));
        Thresholds t = table.forLibrary(agency.agencyId(), null, agency.type(), materialType);
        return combine(row, t, table.version());
    }

    /** The stored (or default) VIP settings of many lender agencies at once. */
    Map<String, AutomationSettingsRepository.Row> rows(Collection<Agency> agencies, int materialType) {
        Map<String, AutomationSettingsRepository.Row> rows = repository.find(agencies.stream().map(Agency::agencyId).toList(), materialType);
        for (Agency agency : agencies) {
            rows.computeIfAbsent(agency.agencyId(), id -> defaults(agency, materialType));
        }
        return rows;
    }

    /** The lender's rules for its loans of a material type. */
    public LoanRules loanRules(String agencyId, int materialType) {
        return directory.findAgency(agencyId).map(a -> row(a, materialType).loanRules()).orElse(LoanRules.DEFAULT);
    }

    AutomationSettingsRepository.Row row(Agency agency, int materialType) {
        return repository.find(agency.agencyId(), materialType).orElse(defaults(agency, materialType));
    }

    static AutomationSettings combine(AutomationSettingsRepository.Row row, Thresholds t, int version) {
        return new AutomationSettings(row.materialType(),
            new BorrowerSettings(row.willSend(), t.borrowerMinAgeDays(), row.lenders(), row.reserve(), row.ownMaterial(), row.ownProfile()),
            new LenderSettings(row.willReceive(), t.lenderMinAgeDays()), version);
    }

    /**
     * Stores a library's settings for a material type; a change of its age thresholds deploys a new version of
     * the decision table, which the next decision uses.
     */
    @Transactional
    public AutomationSettings update(String agencyId, AutomationSettings settings) {
        return update(agencyId, settings, null);
    }

    /** As {@link #update(String, AutomationSettings)}, with the lender's loan rules (null: keep them). */
    @Transactional
    public AutomationSettings update(String agencyId, AutomationSettings settings, LoanRules loanRules) {
        Agency agency = directory.agency(agencyId);
        AccessPolicy.requireAgency(agencyId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!materialTypes.isKnown(settings.materialType())) {
            problems.add(FieldProblem.of("materialType", "problem.materialType.unknown", settings.materialType()));
        }
        BorrowerSettings b = settings.borrower();
        if (b.lenders() != null) {
            for (int i = 0; i < b.lenders().size(); i++) {
                if (directory.findAgency(b.lenders().get(i)).isEmpty()) {
                    problems.add(FieldProblem.of("borrower.lenders[" + i + "]", "problem.library.unknown", b.lenders().get(i)));
                }
            }
        }
        try {
            thresholds.current().ownProfile(b.ownProfile());
        } catch (IllegalStateException e) {
            problems.add(FieldProblem.of("borrower.ownProfile", "problem.profile.unknown", b.ownProfile()));
        }
        if (!problems.isEmpty()) {
            throw Unacceptable.of("problem.settings.notSaved", problems);
        }
        repository.lockDecision(THRESHOLD_DECISION);
        LoanRules rules = loanRules != null ? loanRules : row(agency, settings.materialType()).loanRules();
        repository.save(new AutomationSettingsRepository.Row(agencyId, settings.materialType(), b.willSend(),
                b.lenders() == null ? null : b.lenders().stream().distinct().toList(), b.reserve(), b.ownMaterial(), b.ownProfile(),
                settings.lender().willReceive(), rules),
            dk.fjernlaan.platform.security.Actor.current().userId(), clock.nowUtc());
        editor.setLibraryThresholds(agencyId, settings.materialType(), b.minAgeDays(), settings.lender().minAgeDays());
        return effective(agency, settings.materialType(), thresholds.current());
    }
}
