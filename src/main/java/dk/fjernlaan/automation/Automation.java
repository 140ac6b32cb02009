package dk.fjernlaan.automation;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/**
 * The automation decision as kept on the order: national result and reason codes, whether it is own
 * material, the note (TEST mode) and the explanation (as text parts, rendered in the reader's language),
 * the decision version of the age thresholds used, and the candidates.
 */
public record Automation(String result, String reason, boolean own, List<Text> noteParts, List<Text> explanationParts,
                         Integer decisionVersion, List<Candidate> candidates) {

    public static final String AUTOMATED = "automated";
    public static final String NON_AUTOMATED = "non_automated";

    public boolean automated() {
        return AUTOMATED.equals(result);
    }
}
