package dk.fjernlaan.platform.refusal;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/** Well-formed input that refers to unknown things or breaks a rule (HTTP 422). */
public final class Unacceptable extends Refusal {

    public Unacceptable(Text detail, List<FieldProblem> problems) {
        super(detail, problems);
    }

    public static Unacceptable field(String field, String key, Object... args) {
        FieldProblem problem = FieldProblem.of(field, key, args);
        return new Unacceptable(Text.of("problem.field", field, problem.message()), List.of(problem));
    }

    public static Unacceptable of(String key, List<FieldProblem> problems) {
        return new Unacceptable(Text.of(key), problems);
    }
}
