package dk.fjernlaan.platform.refusal;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/**
 * A request that cannot be carried out, said in the domain's words: the use cases throw one of the kinds below
 * before they change anything (or inside the transaction that is then rolled back), and the edge turns it into
 * an answer (a problem over HTTP, a message in Tasklist) in the reader's language.
 */
public abstract sealed class Refusal extends RuntimeException permits InvalidInput, Unacceptable, NotFound, NotInState, NotAllowed {

    private final Text detail;
    private final List<FieldProblem> problems;

    Refusal(Text detail, List<FieldProblem> problems) {
        super(null, null, false, false);
        this.detail = detail;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The detail in the configured language (for logs and the engine's messages). */
    @Override
    public String getMessage() {
        return detail.toString();
    }

    public Text detail() {
        return detail;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
