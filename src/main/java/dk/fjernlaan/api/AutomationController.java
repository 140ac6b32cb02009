package dk.fjernlaan.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.automation.AutomationSettings;
import dk.fjernlaan.automation.AutomationSettingsService;
import dk.fjernlaan.automation.BorrowerSettings;
import dk.fjernlaan.automation.LenderSettings;
import dk.fjernlaan.automation.LoanRules;
import dk.fjernlaan.automation.Participation;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.texts.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A library's automated-ILL settings (VIP section E) over HTTP. */
@RestController
@Tag(name = "Automated ILL settings", description = "Per library and material type; the age thresholds live in the DMN table AgeThresholds")
class AutomationController {

    private final AutomationSettingsService settings;

    AutomationController(AutomationSettingsService settings) {
        this.settings = settings;
    }

    record BorrowerBody(@NotNull Participation willSend, @NotNull @Min(0) @Max(3650) Integer minAgeDays,
                        @NotNull @Schema(description = "\"ALL\" or a list of agency ids", oneOf = {String.class, String[].class}) JsonNode lenders,
                        @NotNull Boolean reserve, @NotNull Participation ownMaterial, @NotNull @Min(1) @Max(9) Integer ownProfile) {}

    record LenderBody(@NotNull Boolean willReceive, @Min(0) @Max(3650) Integer minAgeDays, Boolean allowForwarding,
                      @Min(1) @Max(365) Integer renewalDays, @Min(0) @Max(20) Integer maxRenewals) {}

    record LenderView(boolean willReceive, Integer minAgeDays, boolean allowForwarding, int renewalDays, int maxRenewals) {}

    record SettingsBody(Integer materialType, @NotNull @Valid BorrowerBody borrower, @NotNull @Valid LenderBody lender) {}

    record BorrowerView(Participation willSend, Integer minAgeDays, Object lenders, boolean reserve, Participation ownMaterial, int ownProfile) {}

    record SettingsView(int materialType, BorrowerView borrower, LenderView lender, Integer decisionVersion) {}

    private SettingsView view(String agencyId, AutomationSettings s) {
        BorrowerSettings b = s.borrower();
        LoanRules rules = settings.loanRules(agencyId, s.materialType());
        return new SettingsView(s.materialType(), new BorrowerView(b.willSend(), b.minAgeDays(), b.lenders() == null ? "ALL" : b.lenders(),
            b.reserve(), b.ownMaterial(), b.ownProfile()),
            new LenderView(s.lender().willReceive(), s.lender().minAgeDays(), rules.allowForwarding(), rules.renewalDays(), rules.maxRenewals()),
            s.decisionVersion());
    }

    record AllSettings(List<SettingsView> materialTypes) {}

    @GetMapping("/api/libraries/{agencyId}/automation")
    @Operation(summary = "The library's effective automated-ILL settings for every material type")
    AllSettings get(@PathVariable String agencyId) {
        return new AllSettings(settings.all(agencyId).stream().map(s -> view(agencyId, s)).toList());
    }

    @PutMapping("/api/libraries/{agencyId}/automation/{materialType}")
    @Operation(summary = "Set the library's settings for a material type; changed age thresholds deploy a new decision version")
    SettingsView put(@PathVariable String agencyId, @PathVariable int materialType, @Valid @RequestBody SettingsBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.materialType() != null && body.materialType() != materialType) {
            problems.add(FieldProblem.of("materialType", "problem.settings.materialTypeDiffers", materialType));
        }
        if (Boolean.TRUE.equals(body.lender().willReceive()) && body.lender().minAgeDays() == null) {
            problems.add(FieldProblem.of("lender.minAgeDays", "problem.settings.lenderMinAgeRequired"));
        }
        List<String> lenders = lenders(body.borrower().lenders(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(Text.of("problem.settings.incomplete"), problems);
        }
        BorrowerBody b = body.borrower();
        LenderBody l = body.lender();
        LoanRules current = settings.loanRules(agencyId, materialType);
        LoanRules rules = new LoanRules(l.allowForwarding() == null ? current.allowForwarding() : l.allowForwarding(),
            l.renewalDays() == null ? current.renewalDays() : l.renewalDays(), l.maxRenewals() == null ? current.maxRenewals() : l.maxRenewals());
        AutomationSettings saved = settings.update(agencyId, new AutomationSettings(materialType,
            new BorrowerSettings(b.willSend(), b.minAgeDays(), lenders, b.reserve(), b.ownMaterial(), b.ownProfile()),
            new LenderSettings(l.willReceive(), l.minAgeDays()), null), rules);
        return view(agencyId, saved);
    }

    private static List<String> lenders(JsonNode node, List<FieldProblem> problems) {
        if (node.isTextual() && "ALL".equals(node.asText())) {
            return null;
        }
        if (node.isArray()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode id = node.get(i);
                if (!id.isTextual() || !id.asText().matches("\\d{6}")) {
                    problems.add(FieldProblem.of("borrower.lenders[" + i + "]", "problem.settings.agencyId"));
                } else {
                    ids.add(id.asText());
                }
            }
            return ids;
        }
        problems.add(FieldProblem.of("borrower.lenders", "problem.settings.lenders"));
        return null;
    }
}
