package dk.fjernlaan.platform.web;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.InvalidInput;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read as the contract writes it, nothing guessed: a number is not an enum, a string or a date; a string
 * is not a number or a boolean; a date is {@code yyyy-MM-dd} within {@link InputRules}' years (not an epoch day,
 * not a date-time, not empty); a key given twice is an error.
 */
@Configuration
class StrictJsonConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictInput() {
        return builder -> builder
            .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .deserializerByType(LocalDate.class, new StrictDate())
            .postConfigurer(mapper -> {
                for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean}) {
                    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                }
                mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            });
    }

    /** A date of the contract: a JSON string {@code yyyy-MM-dd}, checked by {@link InputRules#date}. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                return InputRules.date(p.currentName(), text);
            } catch (InvalidInput e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, LocalDate.class);
            }
        }
    }
}
