package dk.fjernlaan.order;

import dk.fjernlaan.platform.texts.Text;

/**
 * A warning given when the order was placed (e.g. brand-new material ordered as ILL): its code and its text, put
 * into words in the reader's language. ({@code message} holds the words of warnings kept before texts were kept.)
 */
public record OrderWarning(String code, Text text, String message) {

    public static OrderWarning of(String code, Text text) {
        return new OrderWarning(code, text, null);
    }
}
