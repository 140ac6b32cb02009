package dk.fjernlaan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fjernlån: the order engine for Danish interlibrary loan. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FjernlaanApplication {

    public static void main(String[] args) {
        SpringApplication.run(FjernlaanApplication.class, args);
    }
}
