package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Tasklist forms: every form a task names exists, and every date field is labelled in Danish and required where it shows. */
class FormsTest {

    private static List<JsonNode> forms() throws Exception {
        List<JsonNode> forms = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                forms.add(new ObjectMapper().readTree(form.toFile()));
            }
        }
        return forms;
    }

    @Test
    void everyDateIsWrittenTheDanishWayWithTheFormatInItsLabelAndIsRequiredWhereItShows() throws Exception {
        List<String> dates = new ArrayList<>();
        for (JsonNode form : forms()) {
            for (JsonNode component : form.get("components")) {
                String key = component.path("key").asText();
                String where = form.get("id").asText() + "/" + key;
                // form-js's date picker takes its format from the browser's locale (mm/dd/yyyy in many), and a
                // Danish date typed into it silently becomes another day: dates are text in the Danish format
                assertThat(component.path("type").asText()).as(where).isNotEqualTo("datetime");
                if (key.endsWith("Date")) {
                    dates.add(where);
                    assertThat(component.path("type").asText()).as(where).isEqualTo("textfield");
                    assertThat(component.path("label").asText()).as(where).endsWith("(dd-mm-åååå)");
                    assertThat(component.path("validate").path("required").asBoolean()).as(where).isTrue();
                }
            }
        }
        assertThat(dates).contains("LenderAnswer/expectedDeliveryDate", "LenderAnswer/dueDate", "ShipItem/dueDate");
    }

    @Test
    void formsShowLibrariesByNameNotByNumber() throws Exception {
        for (JsonNode form : forms()) {
            for (JsonNode component : form.get("components")) {
                if (component.path("readonly").asBoolean()) {
                    assertThat(component.path("key").asText()).as(form.get("id").asText())
                        .isNotIn("borrowerAgencyId", "lenderAgencyId", "pickupBranchId");
                }
            }
        }
    }

    @Test
    void everyFormATaskNamesExistsAndSendingTheMaterialHasAFormOfItsOwn() throws Exception {
        List<String> ids = forms().stream().map(f -> f.get("id").asText()).toList();
        String conversation = Files.readString(Path.of("processes", "LenderConversation.bpmn"));
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(Files.readString(model));
                while (ref.find()) {
                    assertThat(ids).as(model + " names form " + ref.group(1)).contains(ref.group(1));
                }
            }
        }
        assertThat(conversation).containsPattern("id=\"Task_ShipItem\"[^>]*camunda:formRef=\"ShipItem\"");
    }
}
