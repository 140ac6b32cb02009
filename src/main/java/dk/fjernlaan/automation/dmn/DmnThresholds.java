package dk.fjernlaan.automation.dmn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dk.fjernlaan.automation.OwnProfile;
import dk.fjernlaan.automation.ThresholdEditor;
import dk.fjernlaan.automation.ThresholdSource;
import dk.fjernlaan.automation.Thresholds;
import dk.fjernlaan.directory.AgencyType;
import dk.fjernlaan.platform.refusal.NotInState;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.stereotype.Component;

/**
 * The age thresholds and own-material profiles as DMN decision tables on the engine. Every decision reads the
 * latest deployed version (so a table deployed from Camunda Modeler or the REST API takes effect at once);
 * answers depend only on the settings, so they are cached per decision version. Changes through the API edit
 * the library's row of the latest table and deploy it as a new version.
 */
@Component
class DmnThresholds implements ThresholdSource, ThresholdEditor {

    static final String AGE_THRESHOLDS = "AgeThresholds";
    static final String OWN_PROFILES = "OwnMaterialProfiles";

    private static final long LATEST_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    private record Latest(DecisionDefinition definition, long generation, long loadedAt) {}

    private final RepositoryService repository;
    private final DecisionDeployments deployments;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Thresholds>> thresholdCache = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, OwnProfile>> profileCache = new ConcurrentHashMap<>();

    DmnThresholds(RepositoryService repository, DecisionDeployments deployments) {
        this.repository = repository;
        this.deployments = deployments;
        this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    /**
     * The deployed table, parsed once per version, evaluated on a plain DMN engine (FEEL, as the process engine's):
     * no engine command, so a
     * table that fails to evaluate fails this decision only and leaves the surrounding transaction usable.
     */
    private DmnDecision decision(String definitionId, String key) {
        if (parsed.size() > 16) {
            parsed.clear(); // older versions are no longer asked
        }
        return parsed.computeIfAbsent(definitionId, id -> dmn.parseDecision(key, repository.getDmnModelInstance(id)));
    }

    @Override
    public Table current() {
        DecisionDefinition thresholds = latest(AGE_THRESHOLDS);
        DecisionDefinition profiles = latest(OWN_PROFILES);
        Map<String, Thresholds> tCache = cacheFor(thresholdCache, thresholds.getId());
        Map<Integer, OwnProfile> pCache = cacheFor(profileCache, profiles.getId());
        return new Table() {
            @Override
            public int version() {
                return thresholds.getVersion();
            }

            @Override
            public Thresholds forLibrary(String agencyId, String branchId, AgencyType type, int materialType) {
                String key = agencyId + "/" + branchId + "/" + type + "/" + materialType;
                return tCache.computeIfAbsent(key, k -> evaluateThresholds(thresholds.getId(), agencyId, branchId, type, materialType));
            }

            @Override
            public OwnProfile ownProfile(int profile) {
                return pCache.computeIfAbsent(profile, p -> evaluateProfile(profiles.getId(), p));
            }
        };
    }

    private Thresholds evaluateThresholds(String definitionId, String agencyId, String branchId, AgencyType type, int materialType) {
        DmnDecisionResult result = dmn.evaluateDecision(decision(definitionId, AGE_THRESHOLDS),
            Variables.createVariables().putValue("agencyId", agencyId).putValue("branchId", branchId)
                .putValue("agencyType", type.name()).putValue("materialType", materialType));
        DmnDecisionResultEntries first = result.getFirstResult();
        if (first == null) {
            return new Thresholds(null, null);
        }
        return new Thresholds(entry(first, "borrowerMinAgeDays"), entry(first, "lenderMinAgeDays"));
    }

    private OwnProfile evaluateProfile(String definitionId, int profile) {
        DmnDecisionResultEntries first = dmn.evaluateDecision(decision(definitionId, OWN_PROFILES),
            Variables.createVariables().putValue("ownProfile", profile)).getFirstResult();
        if (first == null) {
            throw new IllegalStateException("The decision " + OWN_PROFILES + " has no row for profile " + profile);
        }
        Integer minAge = entry(first, "minAgeDays");
        Integer notBack = entry(first, "notExpectedBackWithinDays");
        return new OwnProfile(profile, minAge == null ? 0 : minAge, notBack == null ? 0 : notBack);
    }

    @Override
    public int setLibraryThresholds(String agencyId, int materialType, Integer borrowerMinAgeDays, Integer lenderMinAgeDays) {
        DecisionDefinition definition = queryLatest(AGE_THRESHOLDS);
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(AGE_THRESHOLDS);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            throw structure(dk.fjernlaan.platform.texts.Text.of("problem.decisionTable.noTable", AGE_THRESHOLDS));
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int agencyColumn = inputColumn(inputs, "agencyId");
        int branchColumn = inputColumn(inputs, "branchId");
        int typeColumn = inputColumn(inputs, "materialType");
        int borrowerColumn = outputColumn(outputs, "borrowerMinAgeDays");
        int lenderColumn = outputColumn(outputs, "lenderMinAgeDays");
        String agencyEntry = "\"" + agencyId + "\"";
        String typeEntry = String.valueOf(materialType);

        Rule libraryRule = null;
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            if (agencyEntry.equals(text(entries.get(agencyColumn).getText())) && isAny(text(entries.get(branchColumn).getText()))
                    && typeEntry.equals(text(entries.get(typeColumn).getText()))) {
                libraryRule = rule;
                break;
            }
        }
        String borrowerText = borrowerMinAgeDays == null ? "" : borrowerMinAgeDays.toString();
        String lenderText = lenderMinAgeDays == null ? "" : lenderMinAgeDays.toString();
        if (libraryRule != null) {
            List<OutputEntry> out = new ArrayList<>(libraryRule.getOutputEntries());
            if (borrowerText.equals(text(out.get(borrowerColumn).getText())) && lenderText.equals(text(out.get(lenderColumn).getText()))) {
                return definition.getVersion();
            }
            setText(model, out.get(borrowerColumn), borrowerText);
            setText(model, out.get(lenderColumn), lenderText);
        } else {
            if (borrowerMinAgeDays == null && lenderMinAgeDays == null) {
                return definition.getVersion();
            }
            Rule rule = model.newInstance(Rule.class);
            String id = "Rule_" + agencyId + "_" + materialType + "_" + UUID.randomUUID().toString().substring(0, 8);
            rule.setId(id);
            Description description = model.newInstance(Description.class);
            description.setTextContent("Bibliotek " + agencyId + ", materialetype " + materialType + " (sat via API)");
            rule.setDescription(description);
            for (int i = 0; i < inputs.size(); i++) {
                InputEntry entry = model.newInstance(InputEntry.class);
                entry.setId(id + "_In" + (i + 1));
                entry.setText(text(model, i == agencyColumn ? agencyEntry : i == typeColumn ? typeEntry : "-"));
                rule.getInputEntries().add(entry);
            }
            for (int i = 0; i < outputs.size(); i++) {
                OutputEntry entry = model.newInstance(OutputEntry.class);
                entry.setId(id + "_Out" + (i + 1));
                entry.setText(text(model, i == borrowerColumn ? borrowerText : i == lenderColumn ? lenderText : ""));
                rule.getOutputEntries().add(entry);
            }
            // library rows go first: with hit policy FIRST they win over the defaults below them
            table.insertElementAfter(rule, outputs.get(outputs.size() - 1));
        }
        repository.createDeployment()
            .name(AGE_THRESHOLDS)
            .source("Fjernlån API")
            .addModelInstance(AGE_THRESHOLDS + ".dmn", model)
            .deploy();
        return queryLatest(AGE_THRESHOLDS).getVersion();
    }

    /** The latest version of a table, kept until the next deployment of a table on this engine (or 10 s). */
    private DecisionDefinition latest(String key) {
        long generation = deployments.generation();
        Latest known = latest.get(key);
        if (known != null && known.generation() == generation && System.nanoTime() - known.loadedAt() < LATEST_NANOS) {
            return known.definition();
        }
        DecisionDefinition definition = queryLatest(key);
        latest.put(key, new Latest(definition, generation, System.nanoTime()));
        return definition;
    }

    private DecisionDefinition queryLatest(String key) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision " + key + " is not deployed");
        }
        return definition;
    }

    private static <K, V> Map<K, V> cacheFor(Map<String, Map<K, V>> caches, String definitionId) {
        Map<K, V> cache = caches.get(definitionId);
        if (cache == null) {
            // only the latest version is asked: forget the answers of older versions
            caches.clear();
            cache = caches.computeIfAbsent(definitionId, id -> new ConcurrentHashMap<>());
        }
        return cache;
    }

    private static int inputColumn(List<Input> inputs, String expression) {
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            if (input.getInputExpression() != null && expression.equals(text(input.getInputExpression().getText()))) {
                return i;
            }
        }
        throw structure(dk.fjernlaan.platform.texts.Text.of("problem.decisionTable.noInput", expression));
    }

    private static int outputColumn(List<Output> outputs, String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        throw structure(dk.fjernlaan.platform.texts.Text.of("problem.decisionTable.noOutput", name));
    }

    private static NotInState structure(dk.fjernlaan.platform.texts.Text problem) {
        return new NotInState(null, "problem.decisionTable.structure", AGE_THRESHOLDS, problem);
    }

    private static boolean isAny(String entry) {
        return entry.isEmpty() || "-".equals(entry);
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().trim();
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    private static void setText(DmnModelInstance model, OutputEntry entry, String content) {
        entry.setText(text(model, content));
    }

    /** An output of the matched row; an empty output entry gives no entry at all, i.e. no threshold. */
    private static Integer entry(DmnDecisionResultEntries entries, String name) {
        Object value = entries.getEntryMap().get(name);
        return value == null ? null : ((Number) value).intValue();
    }
}
