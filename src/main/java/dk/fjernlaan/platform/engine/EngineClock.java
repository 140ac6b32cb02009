package dk.fjernlaan.platform.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link java.time.Clock}: the engine's timers and every date rule of the project read the
 * same time, and the simulation clock moves both at once.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new EngineClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the clock (the simulation clock only). */
    public void set(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Lets the clock follow the system time again. */
    public void reset() {
        ClockUtil.reset();
    }
}
