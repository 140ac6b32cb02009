package dk.fjernlaan.platform.texts;

import java.util.List;
import java.util.Locale;

import dk.fjernlaan.platform.FjernlaanSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The API answers in Danish unless the client asks for English with {@code Accept-Language}. */
@Configuration
class LocaleConfig {

    @Bean
    LocaleResolver localeResolver(FjernlaanSettings settings) {
        String defaultLocale = settings.texts().locale();
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.forLanguageTag("da"), Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.forLanguageTag(defaultLocale));
        return resolver;
    }
}
