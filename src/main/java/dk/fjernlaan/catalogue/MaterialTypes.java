package dk.fjernlaan.catalogue;

import java.util.Map;

import dk.fjernlaan.platform.FjernlaanSettings;
import org.springframework.stereotype.Component;

/**
 * VIP's ILL material types (1-7 and 9). Only type 1 ("Bøger på dansk") is published with certainty, so the
 * list is configuration ({@code fjernlaan.material-types}).
 */
@Component
public class MaterialTypes {

    private final Map<Integer, String> materialTypes;

    public MaterialTypes(FjernlaanSettings settings) {
        this.materialTypes = settings.materialTypes();
    }

    public Map<Integer, String> materialTypes() {
        return materialTypes;
    }

    public boolean isKnown(int type) {
        return materialTypes.containsKey(type);
    }

    public String name(int type) {
        return materialTypes.getOrDefault(type, "type " + type);
    }
}
