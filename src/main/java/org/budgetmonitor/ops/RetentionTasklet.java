package org.budgetmonitor.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.FileSystemUtils;

/**
 * Prunes the dated folders ({@code yyyy-MM-dd}) of old reports and archived exports older than
 * {@code monitor.retention.keep-days} before today. Only folders named by a date are candidates,
 * and nothing younger than the limit is ever touched.
 */
public class RetentionTasklet implements Tasklet {

    public static final String PRUNED = "retention.pruned";

    private static final Logger log = LoggerFactory.getLogger(RetentionTasklet.class);

    private final List<Path> roots;
    private final LocalDate today;
    private final int keepDays;

    public RetentionTasklet(List<Path> roots, LocalDate today, int keepDays) {
        this.roots = roots;
        this.today = today;
        this.keepDays = keepDays;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        List<String> pruned = prune();
        contribution.getStepExecution().getJobExecution().getExecutionContext().putInt(PRUNED, pruned.size());
        return RepeatStatus.FINISHED;
    }

    List<String> prune() throws IOException {
        List<String> pruned = new ArrayList<>();
        if (keepDays <= 0) {
            return pruned; // 0 keeps everything
        }
        LocalDate oldestKept = today.minusDays(keepDays);
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(root)) {
                for (Path dir : listing.filter(Files::isDirectory).sorted().toList()) {
                    LocalDate date;
                    try {
                        date = LocalDate.parse(dir.getFileName().toString());
                    } catch (DateTimeParseException e) {
                        continue; // not one of ours
                    }
                    if (date.isBefore(oldestKept)) {
                        FileSystemUtils.deleteRecursively(dir);
                        pruned.add(dir.toString());
                        log.info("Pruned {} (older than {} days)", dir, keepDays);
                    }
                }
            }
        }
        return pruned;
    }
}
