package dk.fjernlaan.platform.engine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.FieldProblem;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.time.FjernlaanClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulation clock (profile {@code sim} only): move the one clock and let everything due run. */
@RestController
@Profile("sim")
@RequestMapping("/api/sim/clock")
@Tag(name = "Simulation clock", description = "Profile sim only: moves the clock that the engine and all date logic use")
class SimClockController {

    /** The clock moves within the years that dates may have ({@link InputRules}). */
    private static final Instant EARLIEST = InputRules.EARLIEST_DATE.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = InputRules.LATEST_DATE.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    private final FjernlaanClock clock;
    private final EngineClock engineClock;
    private final JobRunner jobRunner;

    SimClockController(FjernlaanClock clock, EngineClock engineClock, JobRunner jobRunner) {
        this.clock = clock;
        this.engineClock = engineClock;
        this.jobRunner = jobRunner;
    }

    record ClockState(Instant now, Long pendingJobs) {}

    record ClockChange(Instant now, String advance) {}

    @GetMapping
    @Operation(summary = "The current time of the one clock")
    ClockState get() {
        return new ClockState(clock.now(), null);
    }

    @PostMapping
    @Operation(summary = "Set or advance the clock, then run every job and timer due at the new time (at most 60 s)")
    synchronized ClockState move(@RequestBody ClockChange change) {
        if ((change.now() == null) == (change.advance() == null)) {
            throw new InvalidInput(Text.of("problem.clock.oneOf"), List.of(FieldProblem.of("now", "problem.clock.oneOfField")));
        }
        Instant target = change.now() != null ? change.now() : advance(clock.now(), change.advance());
        if (target.isBefore(EARLIEST) || target.isAfter(LATEST)) {
            throw new Unacceptable(Text.of("problem.clock.range", EARLIEST, LATEST),
                List.of(FieldProblem.of(change.now() != null ? "now" : "advance", "problem.clock.rangeField", EARLIEST, LATEST)));
        }
        engineClock.set(target);
        long pending = jobRunner.runDueJobs(Duration.ofSeconds(60));
        return new ClockState(clock.now(), pending);
    }

    private Instant advance(Instant from, String text) {
        Instant target;
        try {
            try {
                target = from.atZone(clock.zone()).plus(Period.parse(text)).toInstant();
            } catch (DateTimeParseException notAPeriod) {
                target = from.plus(Duration.parse(text));
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Text.of("problem.clock.notPeriod"), List.of(FieldProblem.of("advance", "problem.clock.example")));
        } catch (DateTimeException | ArithmeticException outOfRange) {
            throw new Unacceptable(Text.of("problem.clock.range", EARLIEST, LATEST),
                List.of(FieldProblem.of("advance", "problem.clock.rangeField", EARLIEST, LATEST)));
        }
        if (!target.isAfter(from)) {
            throw new Unacceptable(Text.of("problem.clock.forward"), List.of(FieldProblem.of("advance", "problem.clock.positive")));
        }
        return target;
    }
}
