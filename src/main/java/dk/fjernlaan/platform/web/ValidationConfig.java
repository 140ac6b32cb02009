package dk.fjernlaan.platform.web;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** Problem answers are for the developers of client systems: their validation messages are always English. */
@Configuration
class ValidationConfig {

    @Bean
    static LocalValidatorFactoryBean defaultValidator() {
        LocalValidatorFactoryBean factory = new LocalValidatorFactoryBean();
        MessageInterpolator standard = new ResourceBundleMessageInterpolator();
        factory.setMessageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return standard.interpolate(template, context, Locale.ENGLISH);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return standard.interpolate(template, context, Locale.ENGLISH);
            }
        });
        return factory;
    }
}
