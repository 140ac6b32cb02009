package dk.fjernlaan.automation;

/** A library's automated-ILL settings for one material type, as the contract shapes them. */
public record AutomationSettings(int materialType, BorrowerSettings borrower, LenderSettings lender, Integer decisionVersion) {
}
