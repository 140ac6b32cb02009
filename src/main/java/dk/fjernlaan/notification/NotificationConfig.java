package dk.fjernlaan.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is retried on a schedule. */
@Configuration
@EnableScheduling
class NotificationConfig {
}
