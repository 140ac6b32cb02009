package dk.fjernlaan.automation;

import java.util.List;

/** A piece of an explanation: a message key and its facts, rendered in the reader's language. */
public record TextPart(String key, List<String> args) {

    public static TextPart of(String key, Object... args) {
        return new TextPart(key, java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList());
    }
}
