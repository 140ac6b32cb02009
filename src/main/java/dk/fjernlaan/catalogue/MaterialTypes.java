package dk.fjernlaan.catalogue;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * VIP's ILL material types (1-7 and 9). Only type 1 ("Bøger på dansk") is published with certainty, so the
 * list is configuration ({@code fjernlaan.material-types}).
 */
@ConfigurationProperties("fjernlaan")
public record MaterialTypes(Map<Integer, String> materialTypes) {

    public MaterialTypes {
        materialTypes = materialTypes == null ? Map.of() : new TreeMap<>(materialTypes);
    }

    public boolean isKnown(int type) {
        return materialTypes.containsKey(type);
    }

    public String name(int type) {
        return materialTypes.getOrDefault(type, "type " + type);
    }
}
