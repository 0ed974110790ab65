package org.budgetmonitor.spending;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The flagged projects' payments of a date split by unit in one read, for the workbooks of many units
 * and the combined one.
 *
 * <p>Why: there is no index of the payments by project (the ingest keeps only the indexes it needs, V6),
 * so each unit reading its own share would read the year's payments once per unit — 500 reads of a
 * million lines at production size — and even one read in project order is a sort of the year that H2
 * spills to disk (61–67 s for a million lines, against 8 s unsorted). Instead the payments are read once,
 * in no order ({@link FlaggedPaymentSource#forEachUnordered}), and each unit's lines go to a file of its
 * own in a temporary folder (the lines of codes without a unit to one more); each file is then sorted in
 * memory (a unit's few thousand lines) by project, pay date and stored order, which is the order
 * {@link FlaggedPaymentSource#forEach} gives. A unit's workbook reads its file; the combined workbook
 * reads every project's run of lines, in project order, from the files. The folder is deleted on
 * {@link #close()}, and a run killed meanwhile leaves it in {@code <data-dir>/tmp}, which the next start empties.
 */
public final class UnitPaymentSpill implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;
    /** The file of the payments of codes without a unit (unplanned codes): only the combined workbook lists them. */
    private static final String NO_UNIT = "";
    private static final Comparator<Line> ORDER = Comparator.comparing((Line l) -> l.payment().projectCode())
            .thenComparing(l -> l.payment().payDate()).thenComparingLong(Line::seq);

    private final FlaggedPaymentSource all;
    private final LocalDate asOf;
    private final Path folder;
    private final Map<String, Path> files = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    /** The flagged projects of the date, read once: every workbook asks for them (49,000 at production size). */
    private List<FlaggedPaymentSource.Project> projects = List.of();
    private final Map<String, List<FlaggedPaymentSource.Project>> projectsByUnit = new HashMap<>();
    /** Where each project's lines lie, by project code in order: the combined workbook's read. */
    private final TreeMap<String, Run> runs = new TreeMap<>();

    /** A payment and the number that orders it among its project's payments of the same day. */
    private record Line(FlaggedPaymentSource.Payment payment, long seq) {
    }

    /** One project's lines: {@code count} records from byte {@code offset} of {@code file}. */
    private record Run(Path file, long offset, int count) {
    }

    private UnitPaymentSpill(FlaggedPaymentSource all, LocalDate asOf, Path folder) {
        this.all = all;
        this.asOf = asOf;
        this.folder = folder;
    }

    /** Reads the payments of {@code asOf}'s flagged projects once and writes each unit's to its own file. */
    public static UnitPaymentSpill of(FlaggedPaymentSource all, LocalDate asOf, Path temporaryFiles) throws IOException {
        Files.createDirectories(temporaryFiles);
        UnitPaymentSpill spill = new UnitPaymentSpill(all, asOf, Files.createTempDirectory(temporaryFiles, "unit-payments-"));
        try {
            spill.split();
            for (String unit : spill.files.keySet()) {
                spill.sort(unit);
            }
        } catch (IOException | RuntimeException e) {
            spill.close();
            throw e;
        }
        return spill;
    }

    private void split() throws IOException {
        Map<String, String> unitOf = new HashMap<>();
        projects = List.copyOf(all.projects(asOf));
        for (FlaggedPaymentSource.Project p : projects) {
            if (p.planned() && p.unitCode() != null) {
                unitOf.put(p.code(), p.unitCode());
                projectsByUnit.computeIfAbsent(p.unitCode(), u -> new ArrayList<>()).add(p);
            }
        }
        Map<String, DataOutputStream> out = new HashMap<>();
        try {
            all.forEachUnordered(asOf, (payment, seq) -> {
                String unit = unitOf.getOrDefault(payment.projectCode(), NO_UNIT);
                try {
                    DataOutputStream stream = out.get(unit);
                    if (stream == null) {
                        Path file = folder.resolve("unit-" + out.size() + ".bin");
                        files.put(unit, file);
                        stream = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
                        out.put(unit, stream);
                    }
                    stream.writeLong(seq);
                    write(stream, payment);
                    counts.merge(unit, 1, Integer::sum);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            closeAll(out);
            throw e.getCause();
        }
        IOException failed = closeAll(out);
        if (failed != null) {
            throw failed;
        }
    }

    /** Rewrites a unit's file in project, pay-date and stored order, noting where each project's lines start. */
    private void sort(String unit) throws IOException {
        Path file = files.get(unit);
        int count = counts.get(unit);
        List<Line> lines = new ArrayList<>(count);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            for (int i = 0; i < count; i++) {
                long seq = in.readLong();
                lines.add(new Line(read(in), seq));
            }
        }
        lines.sort(ORDER);
        Path sorted = file.resolveSibling(file.getFileName() + ".sorted");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(sorted), BUFFER))) {
            for (int i = 0; i < lines.size(); i++) {
                String project = lines.get(i).payment().projectCode();
                if (i == 0 || !project.equals(lines.get(i - 1).payment().projectCode())) {
                    int n = 1;
                    while (i + n < lines.size() && project.equals(lines.get(i + n).payment().projectCode())) {
                        n++;
                    }
                    runs.put(project, new Run(file, out.size(), n));
                }
                write(out, lines.get(i).payment());
            }
        }
        Files.move(sorted, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static IOException closeAll(Map<String, DataOutputStream> out) {
        IOException failed = null;
        for (DataOutputStream stream : out.values()) {
            try {
                stream.close();
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        return failed;
    }

    /** The combined report's payments and each unit's share, all from the spilled files. */
    public FlaggedPaymentSource asSource() {
        return new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate date) {
                return date.equals(asOf) ? projects : all.projects(date);
            }

            @Override
            public void forEach(LocalDate date, Consumer<Payment> sink) {
                if (!date.equals(asOf)) {
                    all.forEach(date, sink); // not the date spilled: read it as the source reads it
                    return;
                }
                for (Map.Entry<String, Run> run : runs.entrySet()) {
                    readRun(run.getValue(), run.getKey(), sink);
                }
            }

            @Override
            public OptionalLong paymentCount(LocalDate date) {
                return date.equals(asOf) ? OptionalLong.of(counts.values().stream().mapToLong(n -> n).sum())
                        : OptionalLong.empty();
            }

            @Override
            public FlaggedPaymentSource ofUnit(String unitCode) {
                return UnitPaymentSpill.this.ofUnit(unitCode);
            }
        };
    }

    private static void readRun(Run run, String project, Consumer<FlaggedPaymentSource.Payment> sink) {
        try (InputStream file = Files.newInputStream(run.file())) {
            file.skipNBytes(run.offset());
            DataInputStream in = new DataInputStream(new BufferedInputStream(file, BUFFER));
            for (int i = 0; i < run.count(); i++) {
                sink.accept(read(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the payments of project " + project + " from " + run.file(), e);
        }
    }

    /** One unit's flagged projects and their payments, as {@link FlaggedPaymentSource#ofUnit} gives them. */
    public FlaggedPaymentSource ofUnit(String unitCode) {
        FlaggedPaymentSource unit = all.ofUnit(unitCode);
        Path file = unitCode == null || unitCode.equals(NO_UNIT) ? null : files.get(unitCode);
        int count = file == null ? 0 : counts.getOrDefault(unitCode, 0);
        return new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate date) {
                // As FlaggedPaymentSource.ofUnit gives them: the unit's planned projects, in the source's order.
                return date.equals(asOf) ? List.copyOf(projectsByUnit.getOrDefault(unitCode, List.of())) : unit.projects(date);
            }

            @Override
            public OptionalLong paymentCount(LocalDate date) {
                return date.equals(asOf) ? OptionalLong.of(count) : OptionalLong.empty();
            }

            @Override
            public void forEach(LocalDate date, Consumer<Payment> sink) {
                if (!date.equals(asOf)) {
                    unit.forEach(date, sink); // not the date spilled: read it as the source reads it
                    return;
                }
                if (file == null) {
                    return; // no payment of this unit's flagged projects
                }
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
                    // Exactly as many as were written: a file cut short is an error, never a shorter list.
                    for (int i = 0; i < count; i++) {
                        sink.accept(read(in));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the payments of unit " + unitCode + " from " + file, e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                for (Path file : entries.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private static void write(DataOutputStream out, FlaggedPaymentSource.Payment p) throws IOException {
        out.writeUTF(p.projectCode());
        out.writeLong(p.payDate().toEpochDay());
        text(out, p.voucherNo());
        text(out, p.payee());
        text(out, p.summary());
        // The amount exactly as stored: unscaled digits and scale.
        byte[] digits = p.amountYuan().unscaledValue().toByteArray();
        out.writeInt(p.amountYuan().scale());
        out.writeInt(digits.length);
        out.write(digits);
        text(out, p.fundingSource());
        text(out, p.sourceFile());
        out.writeBoolean(p.sourceLine() != null);
        if (p.sourceLine() != null) {
            out.writeLong(p.sourceLine());
        }
    }

    private static FlaggedPaymentSource.Payment read(DataInputStream in) throws IOException {
        String project = in.readUTF();
        LocalDate payDate = LocalDate.ofEpochDay(in.readLong());
        String voucher = text(in);
        String payee = text(in);
        String summary = text(in);
        int scale = in.readInt();
        byte[] digits = new byte[in.readInt()];
        in.readFully(digits);
        BigDecimal amount = new BigDecimal(new BigInteger(digits), scale);
        String funding = text(in);
        String sourceFile = text(in);
        Long line = in.readBoolean() ? in.readLong() : null;
        return new FlaggedPaymentSource.Payment(project, payDate, voucher, payee, summary, amount, funding, sourceFile, line);
    }

    // writeUTF holds at most 65,535 bytes: a summary of 2,000 characters can be up to 6,000, so text goes as bytes.
    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
