package dk.fjernlaan.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.texts.Text;

/** How the order's JSON columns are written and read: warnings, lender attempts, the shipment, the decision, events' facts. */
final class OrderJson {

    /** The column {@code order_event.args}. */
    private static final int EVENT_ARGS_LENGTH = 4000;
    private static final TypeReference<List<OrderWarning>> WARNINGS = new TypeReference<>() {};
    private static final TypeReference<List<Object>> FACTS = new TypeReference<>() {};
    private static final TypeReference<List<LenderAttempt>> ATTEMPTS = new TypeReference<>() {};

    private final ObjectMapper json;

    OrderJson(ObjectMapper json) {
        this.json = json;
    }

    List<OrderWarning> warnings(String text) {
        return read(text, WARNINGS);
    }

    List<LenderAttempt> attempts(String text) {
        return read(text, ATTEMPTS);
    }

    /** An event's facts as stored: words stay words, texts ({key, args}) become texts again. */
    List<Object> facts(String text) {
        return facts(read(text, FACTS));
    }

    /** An event's facts as JSON that fits its column: the longest fact in words is cut (e.g. a long list of lenders tried). */
    String eventArgs(List<Object> args) {
        List<Object> fitted = new ArrayList<>(args);
        String text = write(fitted);
        while (text.length() > EVENT_ARGS_LENGTH) {
            int longest = -1;
            for (int i = 0; i < fitted.size(); i++) {
                if (fitted.get(i) instanceof String word && (longest < 0 || word.length() > ((String) fitted.get(longest)).length())) {
                    longest = i;
                }
            }
            if (longest < 0 || ((String) fitted.get(longest)).length() <= 1) {
                break;
            }
            String arg = (String) fitted.get(longest);
            fitted.set(longest, InputRules.abbreviate(arg, Math.max(1, arg.length() / 2)));
            text = write(fitted);
        }
        return text;
    }

    /** The facts as stored: words stay words, texts ({key, args}) become texts again. */
    @SuppressWarnings("unchecked")
    private static List<Object> facts(List<Object> stored) {
        List<Object> facts = new ArrayList<>();
        for (Object fact : stored) {
            if (fact instanceof Map<?, ?> map && map.get("key") instanceof String key) {
                Object args = map.get("args");
                facts.add(new Text(key, args instanceof List<?> list ? (List<Object>) list : List.of()));
            } else {
                facts.add(fact == null ? "" : fact);
            }
        }
        return facts;
    }

    String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write order data as JSON", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        return read(text, json.getTypeFactory().constructType(type));
    }

    private <T> T read(String text, TypeReference<T> type) {
        return read(text, json.getTypeFactory().constructType(type));
    }

    private <T> T read(String text, JavaType type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read order data from JSON", e);
        }
    }
}
