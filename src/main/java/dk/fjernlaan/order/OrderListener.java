package dk.fjernlaan.order;

import java.util.List;

/**
 * Hears what happened to an order when it is saved, in the same transaction: its new history entries. For those
 * who tell another system about the order (a requesting library's own system), so that what they tell is written
 * with the change or not at all.
 */
public interface OrderListener {

    void saved(IllOrder order, List<OrderEvent> events);
}
