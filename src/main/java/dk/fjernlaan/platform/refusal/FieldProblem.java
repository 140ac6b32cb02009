package dk.fjernlaan.platform.refusal;

import dk.fjernlaan.platform.texts.Text;

/** What is wrong with one input field. */
public record FieldProblem(String field, Text message) {

    public static FieldProblem of(String field, String key, Object... args) {
        return new FieldProblem(field, Text.of(key, args));
    }
}
