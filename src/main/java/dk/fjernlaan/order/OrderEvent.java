package dk.fjernlaan.order;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an order's history: what happened ({@code event}, a code), its facts ({@code args}) and who
 * did it. The text shown to people is rendered from the code in their language.
 */
public record OrderEvent(Instant at, String event, List<String> args, String actor) {
}
