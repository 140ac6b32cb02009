package dk.fjernlaan.automation;

/**
 * An own-material profile: automation of the library's own material is tried only for material older than
 * {@code minAgeDays} when no own copy is expected back within {@code notExpectedBackWithinDays}.
 */
public record OwnProfile(int profile, int minAgeDays, int notExpectedBackWithinDays) {
}
