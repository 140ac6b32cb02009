package dk.fjernlaan.order;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an order's history: what happened ({@code event}, a code), its facts ({@code args}: words as given,
 * or {@link dk.fjernlaan.platform.texts.Text texts} that are put into words when shown) and who did it. The text
 * shown to people is rendered from the code in their language.
 */
public record OrderEvent(Instant at, String event, List<Object> args, String actor) {
}
