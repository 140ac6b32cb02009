package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every name in {@link ProcessModel} is an element (or a message) of the models in {@code processes/}. */
class ProcessModelTest {

    @Test
    void everyNameTheCodeUsesIsInTheModels() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                Matcher id = Pattern.compile("<bpmn:\\w+ id=\"([^\"]+)\"").matcher(xml);
                while (id.find()) {
                    ids.add(id.group(1));
                }
                Matcher message = Pattern.compile("<bpmn:message id=\"[^\"]+\" name=\"([^\"]+)\"").matcher(xml);
                while (message.find()) {
                    messages.add(message.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Field field : ProcessModel.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                if (!ids.contains(name) && !messages.contains(name)) {
                    missing.add(field.getName() + " = " + name);
                }
            }
        }
        assertThat(missing).as("names in ProcessModel that no model has").isEmpty();
        assertThat(messages).contains(ProcessModel.CANCEL_REQUESTED, ProcessModel.ITEM_FORWARDED);
    }
}
