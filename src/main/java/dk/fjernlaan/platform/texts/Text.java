package dk.fjernlaan.platform.texts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A text for people, kept as a key of {@code messages*.properties} and its facts, and put into words only when it
 * is shown, in the reader's language. A fact may itself be a text. {@link #toString()} says it in the configured
 * language (for logs and the engine's incident messages).
 */
public record Text(String key, List<Object> args) {

    private static volatile Function<Text, String> words = t -> t.key() + t.args();

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    }

    /** Set once by {@link Texts} when the application starts. */
    static void sayWith(Function<Text, String> renderer) {
        words = renderer;
    }

    @Override
    public String toString() {
        return words.apply(this);
    }
}
