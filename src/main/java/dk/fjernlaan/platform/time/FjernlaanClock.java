package dk.fjernlaan.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock, in Denmark's time zone: the engine's timers and every date rule of the project read the same time
 * (a {@link Clock}; in the application the engine's, which profile {@code sim} can move).
 */
public class FjernlaanClock {

    private final Clock clock;
    private final ZoneId zone;

    public FjernlaanClock(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public OffsetDateTime nowUtc() {
        return now().atOffset(ZoneOffset.UTC);
    }

    /** Today's date in Denmark: all date rules (ages, need-before dates, closings) use it. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
