package dk.fjernlaan.order;

import dk.fjernlaan.patron.PatronService;
import org.springframework.stereotype.Component;

/** Tells the patron register whether a patron still has open orders. */
@Component
class PatronOpenOrders implements PatronService.OpenOrders {

    private final OrderRepository orders;

    PatronOpenOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public boolean existFor(String agencyId, String patronId) {
        return orders.existsOpenFor(agencyId, patronId,
            java.util.Arrays.stream(OrderStatus.values()).filter(s -> !s.closed()).toList());
    }
}
