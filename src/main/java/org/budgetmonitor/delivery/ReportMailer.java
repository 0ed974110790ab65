package org.budgetmonitor.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        String html;
        try {
            html = htmlBody(delivery);
        } catch (IOException e) {
            return new Outcome(false, 0, "cannot read the HTML body: " + e.getMessage());
        }
        Duration wait = settings.backoff();
        String error = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                var message = sender.createMimeMessage();
                // multipart/mixed: the body (text, or text and HTML as multipart/alternative), then the files.
                var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(delivery.recipients().toArray(String[]::new));
                helper.setSubject(delivery.subject());
                addContent(helper, delivery, html);
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

    /** The delivery's HTML page (see {@code DeliveryTasklet.withHtmlBody}), or null for a text-only message. */
    static String htmlBody(Delivery delivery) throws IOException {
        for (Path file : delivery.files()) {
            if (isHtml(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The body as plain text and, when there is one, the HTML page as its alternative; every other file attached. */
    private static void addContent(MimeMessageHelper helper, Delivery delivery, String html) throws MessagingException {
        if (html == null) {
            helper.setText(delivery.body());
        } else {
            helper.setText(delivery.body(), html);
        }
        for (Path file : delivery.files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".xlsx")) {
                // Java's type map does not know it; as application/octet-stream a phone offers no viewer.
                helper.addAttachment(name, new FileSystemResource(file), XLSX);
            } else if (!isHtml(file)) {
                helper.addAttachment(name, new FileSystemResource(file));
            }
        }
    }

    private static boolean isHtml(Path file) {
        return file.getFileName().toString().endsWith(".html");
    }
}
