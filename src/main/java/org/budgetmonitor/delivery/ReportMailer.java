package org.budgetmonitor.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;

/** Sends one report e-mail, trying again with back-off while the mail server fails. */
public class ReportMailer {

    /** How the mailer waits between tries; tests do not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The outcome of sending one message. */
    public record Outcome(boolean sent, int attempts, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final Sleeper sleeper;

    public ReportMailer(JavaMailSender sender, MailSettings settings, Sleeper sleeper) {
        this.sender = sender;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    public Outcome send(Delivery delivery) {
        for (Path file : delivery.files()) {
            if (!Files.isRegularFile(file)) {
                return new Outcome(false, 0, "attachment missing: " + file);
            }
        }
        Duration wait = settings.backoff();
        String error = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                var message = sender.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(delivery.recipients().toArray(String[]::new));
                helper.setSubject(delivery.subject());
                helper.setText(delivery.body());
                for (Path file : delivery.files()) {
                    helper.addAttachment(file.getFileName().toString(), new FileSystemResource(file));
                }
                sender.send(message);
                return new Outcome(true, attempt, null);
            } catch (MailException | MessagingException e) {
                error = e.getMessage();
                log.warn("Sending {} to {} failed (try {} of {}): {}", delivery.subject(), delivery.recipients(),
                        attempt, settings.attempts(), error);
                if (attempt < settings.attempts()) {
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return new Outcome(false, attempt, "interrupted");
                    }
                    wait = wait.multipliedBy(2);
                }
            }
        }
        return new Outcome(false, settings.attempts(), error);
    }
}
