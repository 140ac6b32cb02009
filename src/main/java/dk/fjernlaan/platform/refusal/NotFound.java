package dk.fjernlaan.platform.refusal;

import java.util.List;

import dk.fjernlaan.platform.texts.Text;

/** What the request names does not exist (HTTP 404). */
public final class NotFound extends Refusal {

    public NotFound(String key, Object... args) {
        super(Text.of(key, args), List.of());
    }

    public static NotFound order(long orderId) {
        return new NotFound("problem.order.notFound", orderId);
    }
}
