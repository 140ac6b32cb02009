package dk.fjernlaan.order;

import java.util.List;

/**
 * The automation decision as shown on the order: national result and reason codes, whether it is own
 * material, a note (TEST mode), the explanation in words, the decision version used, and the candidates.
 */
public record Automation(String result, String reason, boolean own, String note, String explanation,
                         Integer decisionVersion, List<Candidate> candidates) {

    public static final String AUTOMATED = "automated";
    public static final String NON_AUTOMATED = "non_automated";

    public boolean automated() {
        return AUTOMATED.equals(result);
    }
}
