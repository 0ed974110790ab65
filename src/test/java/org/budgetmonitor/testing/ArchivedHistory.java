package org.budgetmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.budgetmonitor.run.ExitCodes;

/**
 * Several nights of the command line with {@code --archive-dir}, as cron runs them: overlapping
 * exports, a correction on a later night and a second correction on the same night (archived as
 * {@code NAME.1}). What the database then holds is the "uninterrupted history" a rebuild must give.
 */
public final class ArchivedHistory {

    /** Payment count, sum and the monthly totals of every project, as rows of text. */
    public record Figures(long payments, String totalYuan, List<String> projectYearTotals) {
    }

    private final Path root;
    private final List<String> extraArgs;

    public ArchivedHistory(Path root, String... extraArgs) {
        this.root = root;
        this.extraArgs = List.of(extraArgs);
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path out() {
        return root.resolve("out");
    }

    /** The command line with this history's folders, report off (the tests look at the figures). */
    public CommandLine.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--plan-dir=sample-data/plan", "--inbox=" + inbox(),
                "--archive-dir=" + archive(), "--output-dir=" + out(), "--data-dir=" + data(),
                "--monitor.report.enabled=false"));
        all.addAll(extraArgs);
        all.addAll(List.of(args));
        return CommandLine.run(all.toArray(String[]::new));
    }

    /** Four runs over three nights; each must complete. */
    public void play() throws IOException {
        Path samples = Path.of("sample-data/disbursements");
        String janToJun = "finance-2026-01-01_2026-06-30.csv";
        Files.createDirectories(inbox());
        Files.copy(samples.resolve(janToJun), inbox().resolve(janToJun));
        night("2026-06-30");

        // The Jan–Jul export overlaps the Jan–Jun one: its first half is not counted again.
        Files.copy(samples.resolve("finance-2026-01-01_2026-07-31.csv"), inbox().resolve("finance-2026-01-01_2026-07-31.csv"));
        night("2026-07-31");

        // A correction of the Jan–Jun export (one amount changed) and the treasury export.
        String original = Files.readString(samples.resolve(janToJun), StandardCharsets.UTF_8);
        String corrected = original.replace("5000.00,JZ-2026-0020", "5600.00,JZ-2026-0020");
        assertThat(corrected).isNotEqualTo(original);
        Files.writeString(inbox().resolve(janToJun), corrected, StandardCharsets.UTF_8);
        Files.copy(samples.resolve("treasury-2026-08-01_2026-11-30.csv"), inbox().resolve("treasury-2026-08-01_2026-11-30.csv"));
        night("2026-08-31");

        // The same night again with a second correction: archived beside the first as NAME.1.
        Files.writeString(inbox().resolve(janToJun), original.replace("5000.00,JZ-2026-0020", "5700.00,JZ-2026-0020"),
                StandardCharsets.UTF_8);
        night("2026-08-31");
        assertThat(archive().resolve("2026-08-31").resolve(janToJun + ".1")).exists();
    }

    private void night(String asOf) {
        CommandLine.Run run = run("--as-of=" + asOf);
        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCodes.SUCCESS);
    }

    /** The H2 database file of this history. */
    public Path databaseFile() {
        return data().resolve("budget-monitor.mv.db");
    }

    /** Reads the figures of the H2 file database (no process may have it open). */
    public Figures h2Figures() throws SQLException {
        // Read-only: a read-write open would compact the file on close and change what a test then damages.
        String url = "jdbc:h2:file:" + data().toAbsolutePath().resolve("budget-monitor") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return figures(connection);
        }
    }

    public static Figures figures(Connection connection) throws SQLException {
        long count;
        String total;
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT COUNT(*), COALESCE(SUM(amount_yuan), 0) FROM disbursement")) {
            rs.next();
            count = rs.getLong(1);
            total = rs.getBigDecimal(2).stripTrailingZeros().toPlainString();
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT * FROM project_year_total ORDER BY fiscal_year, project_code")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    row.append(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : value)
                            .append(c < columns ? "," : "");
                }
                rows.add(row.toString());
            }
        }
        return new Figures(count, total, rows);
    }
}
