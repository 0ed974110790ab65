package org.budgetmonitor.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
public class DeliveryConfig {

    /**
     * Boot defines a mail sender only when {@code spring.mail.host} is set; without one, mail that is
     * switched on fails on localhost and waits, pending, for the configuration to be fixed.
     */
    @Bean
    ReportMailer reportMailer(ObjectProvider<JavaMailSender> mailSender, MailSettings settings) {
        return new ReportMailer(mailSender.getIfAvailable(JavaMailSenderImpl::new), settings,
                duration -> Thread.sleep(duration.toMillis()));
    }
}
