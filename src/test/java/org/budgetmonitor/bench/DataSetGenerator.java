package org.budgetmonitor.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a realistic, reproducible data set for benchmarks and load tests: U units, P projects
 * with spending plans and indicators, and N payment lines over the year in F monthly exports with
 * reversals, identical payments and overlapping exports mixed in; optionally one day's export.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:DEPENDENCIES org.budgetmonitor.bench.DataSetGenerator \
 *     --out=bench-data --units=500 --projects=50000 --rows=10000000 --files=12 --seed=42 [--daily-rows=40000]
 * </pre>
 */
public final class DataSetGenerator {

    private final Random random;
    private final int year;

    private DataSetGenerator(long seed, int year) {
        this.random = new Random(seed);
        this.year = year;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Path out = Path.of(options.getOrDefault("out", "bench-data"));
        int units = Integer.parseInt(options.getOrDefault("units", "5"));
        int projects = Integer.parseInt(options.getOrDefault("projects", "50"));
        long rows = Long.parseLong(options.getOrDefault("rows", "10000"));
        int files = Integer.parseInt(options.getOrDefault("files", "12"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int year = Integer.parseInt(options.getOrDefault("year", "2026"));
        int dailyRows = Integer.parseInt(options.getOrDefault("daily-rows", "0"));

        DataSetGenerator generator = new DataSetGenerator(seed, year);
        List<String> codes = generator.writePlan(out.resolve("plan"), units, projects);
        // With a day's export (on 1 December), the year's exports run up to the day before it, as a
        // nightly run finds them.
        LocalDate day = LocalDate.of(year, 12, 1);
        int lastDayOfExports = dailyRows > 0 ? day.getDayOfYear() - 1 : LocalDate.of(year, 12, 31).getDayOfYear();
        generator.writeExports(out.resolve("inbox"), codes, rows, files, lastDayOfExports);
        if (dailyRows > 0) {
            generator.writeDay(out.resolve("daily"), codes, dailyRows, day);
        }
        System.out.printf("wrote %d units, %d projects, %d payment lines in %d files to %s%n", units, projects, rows,
                files, out.toAbsolutePath());
    }

    private List<String> writePlan(Path dir, int units, int projects) throws IOException {
        Files.createDirectories(dir);
        List<String> codes = new ArrayList<>();
        try (BufferedWriter p = Files.newBufferedWriter(dir.resolve("projects.csv"), StandardCharsets.UTF_8);
                BufferedWriter i = Files.newBufferedWriter(dir.resolve("indicators.csv"), StandardCharsets.UTF_8)) {
            p.write("fiscal_year,unit_code,unit_name,project_code,project_name,budget_wan,fiscal_funds_wan,"
                    + "other_funds_wan,purpose,goal,plan_unit,plan_03-31,plan_06-30,plan_10-31,plan_12-31\n");
            i.write("project_code,level1,level2,level3,description,target,basis\n");
            for (int n = 0; n < projects; n++) {
                int unit = n % units;
                String unitCode = String.valueOf(400001 + unit);
                String code = String.format("%d%sP%08d", 130916, unitCode, n);
                codes.add(code);
                long budgetFen = 50_000_00L + (long) (random.nextDouble() * 4_950_000_00L); // 5 to 500 万元, in 分
                BigDecimal budget = BigDecimal.valueOf(budgetFen / 100 * 100, 6); // whole 元, in 万元
                BigDecimal q1 = share(budget, 5, 30);
                BigDecimal q2 = q1.max(share(budget, 30, 60));
                BigDecimal q3 = q2.max(share(budget, 60, 85));
                p.write(String.join(",", String.valueOf(year), unitCode, "预算单位" + unitCode, code, "项目" + n,
                        budget.toPlainString(), budget.toPlainString(), "", "用途", "目标", "WAN", q1.toPlainString(),
                        q2.toPlainString(), q3.toPlainString(), budget.toPlainString()));
                p.write('\n');
                i.write(code + ",产出指标,数量指标,完成数量,完成数量,≥" + (5 + random.nextInt(50)) + "个,依据\n");
                i.write(code + ",产出指标,成本指标,预算总成本,预算总成本,控制在预算内,依据\n");
                i.write(code + ",满意度指标,服务对象满意度指标,满意度,满意度,≥90百分比,依据\n");
            }
        }
        return codes;
    }

    private BigDecimal share(BigDecimal budget, int fromPct, int toPct) {
        int pct = fromPct + random.nextInt(toPct - fromPct + 1);
        return budget.multiply(BigDecimal.valueOf(pct)).movePointLeft(2).setScale(2, java.math.RoundingMode.DOWN);
    }

    /** Monthly exports; each repeats the last days of the one before (the overlap real exports have). */
    private void writeExports(Path dir, List<String> codes, long rows, int files, int lastDay) throws IOException {
        Files.createDirectories(dir);
        long perFile = Math.max(1, rows / files);
        long serial = 0;
        List<String> tail = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            long count = f == files - 1 ? rows - perFile * (files - 1) : perFile;
            int dayFrom = 1 + f * lastDay / files;
            int dayTo = (f + 1) * lastDay / files;
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(String.format("export-%02d.csv", f + 1)),
                    StandardCharsets.UTF_8)) {
                w.write("支付日期,项目编码,金额,凭证号,收款人,摘要\n");
                for (String line : tail) {
                    w.write(line);
                }
                List<String> newTail = new ArrayList<>();
                for (long r = 0; r < count; r++) {
                    LocalDate date = LocalDate.ofYearDay(year, dayFrom + (int) ((dayTo - dayFrom) * r / Math.max(1, count)));
                    String line = line(codes, date, serial++);
                    w.write(line);
                    if (random.nextInt(200) == 0) {
                        w.write(line); // an identical second payment in the same export
                    }
                    if (r >= count - Math.max(1, count / 20)) {
                        newTail.add(line);
                    }
                }
                tail = newTail;
            }
        }
    }

    private void writeDay(Path dir, List<String> codes, int rows, LocalDate day) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("export-" + day + ".csv"), StandardCharsets.UTF_8)) {
            w.write("支付日期,项目编码,金额,凭证号,收款人,摘要\n");
            for (int r = 0; r < rows; r++) {
                w.write(line(codes, day, 900_000_000L + r));
            }
        }
    }

    private String line(List<String> codes, LocalDate date, long serial) {
        String code = codes.get(random.nextInt(codes.size()));
        long fen = 10_000 + random.nextInt(2_000_000);
        if (random.nextInt(33) == 0) {
            fen = -fen / 3; // a reversal
        }
        String amount = BigDecimal.valueOf(fen, 2).toPlainString();
        return date + "," + code + "," + amount + ",V" + serial + ",收款单位" + (serial % 997) + ",支出\n";
    }
}
