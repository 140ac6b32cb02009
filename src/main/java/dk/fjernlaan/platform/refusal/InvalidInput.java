package dk.fjernlaan.platform.refusal;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/** Malformed or missing input (HTTP 400). */
public final class InvalidInput extends Refusal {

    public InvalidInput(Text detail, List<FieldProblem> problems) {
        super(detail, problems);
    }

    /** One field is wrong: the detail names it. */
    public static InvalidInput field(String field, String key, Object... args) {
        FieldProblem problem = FieldProblem.of(field, key, args);
        return new InvalidInput(Text.of("problem.field", field, problem.message()), List.of(problem));
    }

    public static InvalidInput of(List<FieldProblem> problems) {
        return new InvalidInput(Text.of("problem.invalid"), problems);
    }
}
