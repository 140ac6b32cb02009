package dk.fjernlaan.platform.texts;

import java.util.Locale;

import dk.fjernlaan.platform.FjernlaanSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * User-facing texts (status texts, history, task names, mails, problem answers) from {@code messages*.properties}:
 * Danish by default, English with {@code Accept-Language: en} on the API or {@code fjernlaan.texts.locale=en} for the
 * texts the engine writes (task names).
 */
@Component
public class Texts {

    private final MessageSource messages;
    private final Locale defaultLocale;

    public Texts(MessageSource messages, FjernlaanSettings settings) {
        this.messages = messages;
        this.defaultLocale = Locale.forLanguageTag(settings.texts().locale());
        Text.sayWith(this::getDefault);
    }

    /** In the language of the current request, or the configured language outside requests. */
    public String get(String key, Object... args) {
        return say(key, args, requestLocale());
    }

    /** In the configured language (for texts stored by the engine, such as task names). */
    public String getDefault(String key, Object... args) {
        return say(key, args, defaultLocale);
    }

    public String get(Text text) {
        return say(text, requestLocale());
    }

    public String getDefault(Text text) {
        return say(text, defaultLocale);
    }

    public String say(Text text, Locale locale) {
        return say(text.key(), text.args().toArray(), locale);
    }

    /** Whether there is a text of this key. */
    public boolean has(String key) {
        return messages.getMessage(key, null, null, defaultLocale) != null;
    }

    public Locale defaultLocale() {
        return defaultLocale;
    }

    private String say(String key, Object[] args, Locale locale) {
        Object[] facts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // a number is a fact such as an order number: as it is, without the locale's digit grouping
            facts[i] = args[i] instanceof Text inner ? say(inner, locale) : args[i] instanceof Number n ? n.toString() : args[i];
        }
        return messages.getMessage(key, facts, key, locale);
    }

    private Locale requestLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? defaultLocale : locale;
    }
}
