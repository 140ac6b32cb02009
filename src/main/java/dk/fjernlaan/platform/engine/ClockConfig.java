package dk.fjernlaan.platform.engine;

import java.time.ZoneId;

import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.beans.factory.annotation.Value;
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
    FjernlaanClock fjernlaanClock(EngineClock engineClock, @Value("${fjernlaan.zone:Europe/Copenhagen}") String zone) {
        return new FjernlaanClock(engineClock, ZoneId.of(zone));
    }
}
