package dk.fjernlaan.automation;

/** A library's settings as lender for one material type ({@code minAgeDays} from the decision table). */
public record LenderSettings(boolean willReceive, Integer minAgeDays) {
}
