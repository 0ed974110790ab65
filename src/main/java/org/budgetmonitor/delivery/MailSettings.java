package org.budgetmonitor.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who receives which unit's report ({@code monitor.mail.*}). The SMTP server itself is Spring
 * Boot's {@code spring.mail.*} (host, port, username, password, TLS), set in the environment of
 * the host, e.g. {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PASSWORD} — never in the repository.
 *
 * @param enabled false: reports are only written to disk
 * @param recipients per unit code, the officers' addresses
 * @param attempts tries per message in one run before it is left for the next run
 * @param backoff wait before the second try; doubled before each further try
 */
@ConfigurationProperties("monitor.mail")
public record MailSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("budget-monitor@localhost") String from,
        @DefaultValue Map<String, List<String>> recipients,
        @DefaultValue("3") int attempts,
        @DefaultValue("5s") Duration backoff) {
}
