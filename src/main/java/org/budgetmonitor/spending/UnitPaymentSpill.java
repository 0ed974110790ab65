package org.budgetmonitor.spending;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The flagged projects' payments of a date split by unit in one read, for the workbooks of many units.
 *
 * <p>Why: there is no index of the payments by project (the ingest keeps only the indexes it needs, V6),
 * so each unit reading its own share would read the year's payments once per unit — 500 reads of a
 * million lines at production size. Instead the payments are read once, in the order the source gives
 * (project, then pay date), and each unit's lines are written to a file of its own in a temporary folder;
 * a unit's workbook reads its file. The folder is deleted on {@link #close()}, and a run killed meanwhile
 * leaves it in {@code <data-dir>/tmp}, which the next start empties.
 */
public final class UnitPaymentSpill implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final FlaggedPaymentSource all;
    private final LocalDate asOf;
    private final Path folder;
    private final Map<String, Path> files = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    private UnitPaymentSpill(FlaggedPaymentSource all, LocalDate asOf, Path folder) {
        this.all = all;
        this.asOf = asOf;
        this.folder = folder;
    }

    /** Reads the payments of {@code asOf}'s flagged projects once and writes each unit's to its own file. */
    public static UnitPaymentSpill of(FlaggedPaymentSource all, LocalDate asOf, Path temporaryFiles) throws IOException {
        Files.createDirectories(temporaryFiles);
        UnitPaymentSpill spill = new UnitPaymentSpill(all, asOf, Files.createTempDirectory(temporaryFiles, "unit-payments-"));
        Map<String, String> unitOf = new HashMap<>();
        for (FlaggedPaymentSource.Project p : all.projects(asOf)) {
            if (p.planned() && p.unitCode() != null) {
                unitOf.put(p.code(), p.unitCode());
            }
        }
        Map<String, DataOutputStream> out = new HashMap<>();
        try {
            all.forEach(asOf, payment -> {
                String unit = unitOf.get(payment.projectCode());
                if (unit == null) {
                    return; // an unplanned code: no unit's
                }
                try {
                    DataOutputStream stream = out.get(unit);
                    if (stream == null) {
                        Path file = spill.folder.resolve("unit-" + out.size() + ".bin");
                        spill.files.put(unit, file);
                        stream = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
                        out.put(unit, stream);
                    }
                    write(stream, payment);
                    spill.counts.merge(unit, 1, Integer::sum);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            spill.closeAll(out);
            spill.close();
            throw e.getCause();
        }
        IOException failed = spill.closeAll(out);
        if (failed != null) {
            spill.close();
            throw failed;
        }
        return spill;
    }

    private IOException closeAll(Map<String, DataOutputStream> out) {
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

    /** The source itself for the combined report, and each unit's share from its spilled file. */
    public FlaggedPaymentSource asSource() {
        return new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate date) {
                return all.projects(date);
            }

            @Override
            public void forEach(LocalDate date, Consumer<Payment> sink) {
                all.forEach(date, sink);
            }

            @Override
            public FlaggedPaymentSource ofUnit(String unitCode) {
                return UnitPaymentSpill.this.ofUnit(unitCode);
            }
        };
    }

    /** One unit's flagged projects and their payments, as {@link FlaggedPaymentSource#ofUnit} gives them. */
    public FlaggedPaymentSource ofUnit(String unitCode) {
        FlaggedPaymentSource unit = all.ofUnit(unitCode);
        Path file = files.get(unitCode);
        int count = counts.getOrDefault(unitCode, 0);
        return new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate date) {
                return unit.projects(date);
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
