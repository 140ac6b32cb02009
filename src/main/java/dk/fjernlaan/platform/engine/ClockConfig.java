package dk.fjernlaan.platform.engine;

import java.time.ZoneId;

import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock is the engine's. */
@Configuration
class ClockConfig {

    @Bean
    EngineClock engineClock() {
        return new EngineClock();
    }

    @Bean
    FjernlaanClock fjernlaanClock(EngineClock engineClock, FjernlaanSettings settings) {
        return new FjernlaanClock(engineClock, ZoneId.of(settings.zone()));
    }
}
