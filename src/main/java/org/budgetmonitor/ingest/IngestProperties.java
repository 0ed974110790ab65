package org.budgetmonitor.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How exports are taken from the inbox ({@code monitor.ingest.*}).
 *
 * @param chunkSize lines per transaction
 * @param accept which files in the inbox are complete enough to read
 * @param stableSeconds with {@code accept=STABLE}: how long a file must have been left unchanged
 * @param maxLineBytes a physical line (or quoted field) longer than this rejects the file: it is
 *     garbage, and reading it would only exhaust memory
 * @param archiveDir where ingested files are moved ({@code --archive-dir}); empty leaves them in place
 * @param profiles one per payment system: how to recognise and read its exports
 * @param postgresCopy on PostgreSQL, load each chunk with COPY into a staging table and store it in
 *     set-based statements; false stores it with the batched statements every database runs
 * @param maxAmountYuan the largest absolute amount (元) a payment line may hold; a line above it is
 *     rejected as a line. No budget payment comes near 10^12 元, and the bound keeps every stored
 *     figure, and every sum of them, far inside the database's columns
 */
@ConfigurationProperties("monitor.ingest")
public record IngestProperties(
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("ALL") AcceptMode accept,
        @DefaultValue("60") long stableSeconds,
        @DefaultValue("1048576") int maxLineBytes,
        String archiveDir,
        @DefaultValue List<SourceProfile> profiles,
        @DefaultValue("true") boolean postgresCopy,
        @DefaultValue("1000000000000") BigDecimal maxAmountYuan) {

    @ConstructorBinding
    public IngestProperties {
        if (maxAmountYuan == null || maxAmountYuan.signum() <= 0) {
            throw new IllegalArgumentException("monitor.ingest.max-amount-yuan must be a positive amount in 元");
        }
    }

    /** With the default bound on amounts. */
    public IngestProperties(int chunkSize, AcceptMode accept, long stableSeconds, int maxLineBytes, String archiveDir,
            List<SourceProfile> profiles, boolean postgresCopy) {
        this(chunkSize, accept, stableSeconds, maxLineBytes, archiveDir, profiles, postgresCopy, DEFAULT_MAX_AMOUNT_YUAN);
    }

    public static final BigDecimal DEFAULT_MAX_AMOUNT_YUAN = new BigDecimal("1000000000000");

    /** When a file in the inbox counts as completely written. */
    public enum AcceptMode {
        /** Every {@code *.csv} (the exporter writes elsewhere and moves files in). */
        ALL,
        /** Only when a marker file {@code NAME.ok} or {@code NAME.done} exists beside it. */
        MARKER,
        /** Only when its size and modification time have not changed for {@code stable-seconds}. */
        STABLE
    }

    public static IngestProperties defaults() {
        return new IngestProperties(1000, AcceptMode.ALL, 60, 1 << 20, null, List.of(), true, DEFAULT_MAX_AMOUNT_YUAN);
    }

    /** The first profile whose file pattern matches the file, if any. */
    public Optional<SourceProfile> profileFor(Path file) {
        return profiles.stream().filter(p -> p.matches(file)).findFirst();
    }

    public Optional<Path> archivePath() {
        return archiveDir == null || archiveDir.isBlank() ? Optional.empty() : Optional.of(Path.of(archiveDir));
    }
}
