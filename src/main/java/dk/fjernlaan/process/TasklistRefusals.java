package dk.fjernlaan.process;

import java.util.Map;

import dk.fjernlaan.platform.refusal.Refusal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Staff's mistakes in Tasklist are answered 400 with the reason in words, not 500: the engine wraps a refusal from
 * a task listener into an engine error and its REST API into "Cannot complete task" with status 500; this mapper
 * finds the refusal inside and answers with its words (in the engine's shape, which Tasklist shows as the message).
 * Anything else is answered as the engine's REST API does.
 */
@Provider
@Priority(1)
class TasklistRefusals implements ExceptionMapper<RestException> {

    private final RestExceptionHandler engineAnswer = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", refusal.getMessage())).build();
            }
        }
        return engineAnswer.toResponse(exception);
    }

    /** The engine's REST resources, with the mapper above. */
    @Component
    static class EngineRest extends CamundaJerseyResourceConfig {

        @Override
        protected void registerAdditionalResources() {
            super.registerAdditionalResources();
            register(TasklistRefusals.class);
        }
    }
}
