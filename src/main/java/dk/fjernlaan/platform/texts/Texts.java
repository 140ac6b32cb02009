package dk.fjernlaan.platform.texts;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * User-facing texts (status texts, history, task names, mails) from {@code messages*.properties}: Danish by
 * default, English with {@code Accept-Language: en} on the API or {@code fjernlaan.texts.locale=en} for the
 * texts the engine writes (task names).
 */
@Component
public class Texts {

    private final MessageSource messages;
    private final Locale defaultLocale;

    public Texts(MessageSource messages, @Value("${fjernlaan.texts.locale:da}") String defaultLocale) {
        this.messages = messages;
        this.defaultLocale = Locale.forLanguageTag(defaultLocale);
    }

    /** In the language of the current request, or the configured language outside requests. */
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, requestLocale());
    }

    /** In the configured language (for texts stored by the engine, such as task names). */
    public String getDefault(String key, Object... args) {
        return messages.getMessage(key, args, key, defaultLocale);
    }

    public Locale defaultLocale() {
        return defaultLocale;
    }

    private Locale requestLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? defaultLocale : locale;
    }
}
