package dk.fjernlaan.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one clock: the engine's timers and every date rule of the project read the same time. In profile
 * {@code sim} the clock can be moved (see {@link SimClockController}); otherwise it follows the system clock.
 */
@Component
public class FjernlaanClock {

    private final ZoneId zone;

    public FjernlaanClock(@Value("${fjernlaan.zone:Europe/Copenhagen}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
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

    /** Moves the clock; only the simulation clock calls this. */
    void set(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Lets the clock follow the system time again. */
    void reset() {
        ClockUtil.reset();
    }
}
