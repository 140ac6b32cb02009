package dk.fjernlaan.platform;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * All of Fjernlån's own settings ({@code fjernlaan.*}), in one place. Every default is in {@code application.yml}
 * with a word on what it does; a setting that is missing or out of range stops the start with a message.
 */
@Validated
@ConfigurationProperties("fjernlaan")
public record FjernlaanSettings(
    @NotBlank String zone,
    @NotNull @Valid TextSettings texts,
    @NotNull @Valid Security security,
    @NotNull @Valid Demo demo,
    @NotEmpty Map<Integer, String> materialTypes,
    @NotNull @Valid Automation automation,
    @NotNull @Valid Lender lender,
    @NotNull @Valid Courier courier,
    @NotNull @Valid Pickup pickup,
    @NotNull @Valid Loan loan,
    @NotNull @Valid Mail mail,
    @NotNull @Valid Iso18626 iso18626,
    @NotNull @Valid Holdings holdings,
    @NotNull @Valid Webapps webapps) {

    public FjernlaanSettings {
        materialTypes = materialTypes == null ? Map.of() : new TreeMap<>(materialTypes);
    }

    /** Camunda's webapps: whether operators who know may hide the Camunda 7 Community Edition end-of-life banner. */
    public record Webapps(boolean hideEndOfLifeBanner) {}

    /** The language of the texts the engine writes (task names) and of mails. */
    public record TextSettings(@NotBlank String locale) {}

    public record Security(@NotBlank String adminUser, String adminPassword, @NotNull Duration credentialCache,
                           @NotNull @Valid LoginThrottle loginThrottle) {}

    public record LoginThrottle(@Min(1) int failures, @NotNull Duration window) {}

    public record Demo(boolean enabled) {}

    public record Automation(@NotNull Duration holdingsTimeout, @Min(1) @Max(365) int ownLoanPeriodDays) {}

    public record Lender(@Min(1) int silenceWorkingDays, @Min(0) int expectedDateMarginDays) {}

    public record Courier(@Min(1) int transitDaysSameJunction, @Min(1) int transitDaysOtherJunction) {}

    public record Pickup(@Min(1) int periodDays) {}

    public record Loan(@Min(0) int reminderDaysBefore, @Min(1) int overdueNotices, @Min(1) int overdueIntervalDays,
                       @Min(1) int recallDays) {}

    public record Mail(@NotBlank String from, @NotNull Duration retryInterval) {}

    public record Holdings(@NotNull Duration cacheTtl, @Min(1) int parallelism, @Min(2) int breakerWindow,
                           @NotNull Duration breakerOpenFor) {}

    public record Iso18626(@NotBlank String symbol, @NotNull Duration deliveryInterval, @NotNull Duration timeout,
                           @NotNull Duration maxBackoff, @NotNull Duration undeliveredWarning) {}
}
