package dk.fjernlaan.process;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dk.fjernlaan.platform.refusal.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Staff's mistakes in Tasklist are answered 400 with the reason in words, not 500: the engine wraps a refusal from
 * a task listener into an engine error and its REST API into "Cannot complete task" with status 500; this mapper
 * finds the refusal inside and answers with its words (in the engine's shape, which Tasklist shows as the message).
 * Anything else is answered as the engine's REST API does. Such a refusal is logged in one line, not as the
 * engine's error with its stack trace.
 */
@Provider
@Priority(1)
class TasklistRefusals implements ExceptionMapper<RestException> {

    private static final Logger log = LoggerFactory.getLogger(TasklistRefusals.class);

    private final RestExceptionHandler engineAnswer = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // the check of staff's input words it for the form (StaffTasks); a refusal met elsewhere, as it is
            String message = t instanceof BadUserRequestException && t.getCause() instanceof Refusal ? t.getMessage()
                : t instanceof Refusal refusal ? refusal.getMessage() : null;
            if (message != null) {
                log.info("Refused a task form: {}", message);
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "InvalidRequestException", "message", message)).build();
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

    /**
     * Tasklist itself submits its forms to the webapp's own copy of the engine's REST API ("Engine Api", under
     * {@code /camunda/api/engine}), which the webapp starter registers: the mapper is added to it as a provider
     * once every initializer has run, before the servlet starts.
     */
    @Component
    static class WebappEngineRest implements ServletContextInitializer {

        static final String SERVLET = "Engine Api";

        @Override
        public void onStartup(jakarta.servlet.ServletContext servletContext) {
            servletContext.addListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    ServletRegistration engineApi = servletContext.getServletRegistration(SERVLET);
                    if (engineApi == null) {
                        log.warn("The webapps' engine API ({}) is not there: Tasklist's form refusals keep the engine's status", SERVLET);
                    } else {
                        engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, TasklistRefusals.class.getName());
                    }
                }
            });
        }
    }

    /** What staff typed wrong in a task form is refused (above), not an error of the engine's: not in its error log. */
    static boolean staffMistake(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BadUserRequestException && t.getCause() instanceof Refusal) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the engine's command log ("ENGINE-16004 Exception while closing command context") for real errors. */
    @Component
    static class QuietEngineLog extends TurboFilter {

        @PostConstruct
        void install() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof QuietEngineLog)) {
                setName("tasklist-refusals");
                start();
                context.addTurboFilter(this);
            }
        }

        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm.engine")) {
                return FilterReply.NEUTRAL;
            }
            if (staffMistake(t)) {
                return FilterReply.DENY;
            }
            if (params != null) {
                for (Object p : params) {
                    if (p instanceof Throwable thrown && staffMistake(thrown)) {
                        return FilterReply.DENY;
                    }
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
