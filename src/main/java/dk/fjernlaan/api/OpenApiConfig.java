package dk.fjernlaan.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the API: its name, HTTP Basic (so Swagger UI can log in), and the problem answers every
 * operation can give, next to its own.
 */
@Configuration
@OpenAPIDefinition(
    info = @Info(title = "Fjernlån", version = "1",
        description = "The order engine for Danish interlibrary loan: orders, the lender conversation (ISO 18626 vocabulary), "
            + "delivery, loan and return, the directory (VIP), automated-ILL settings, catalogue and holdings. Errors are "
            + "RFC 9457 problems (application/problem+json) in the caller's language (Accept-Language: da or en).",
        license = @License(name = "Open source")),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "An engine user (Camunda Admin); its groups give its rights")
class OpenApiConfig {

    /** The problems an operation can answer with, besides its own answer. */
    private static final Map<String, String> PROBLEMS = Map.of(
        "400", "Malformed or missing input (a problem with errors[{field, message}])",
        "401", "Not logged in",
        "403", "Not allowed for this user",
        "404", "No such thing, or no such path",
        "409", "Does not fit the current state (currentStatus names it)",
        "413", "Body larger than 1 MiB",
        "422", "Well formed, but refers to unknown things or breaks a rule",
        "429", "Too many failed logins from this address");

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            Schema<?> problem = new ObjectSchema().description("RFC 9457 problem")
                .addProperty("type", new Schema<String>().type("string"))
                .addProperty("title", new Schema<String>().type("string"))
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new Schema<String>().type("string"))
                .addProperty("errors", new Schema<>().type("array"))
                .addProperty("currentStatus", new Schema<String>().type("string"));
            openApi.getComponents().addSchemas("Problem", problem);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses();
                PROBLEMS.forEach((code, description) -> responses.putIfAbsent(code, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
            }));
        };
    }
}
