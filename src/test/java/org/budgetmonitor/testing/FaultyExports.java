package org.budgetmonitor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes payment exports with the faults real payment systems and machines produce, each beside
 * the good lines it hides among, and says what a correct night makes of it: which amounts count
 * and which file and line are rejected.
 */
public final class FaultyExports {

    /** The faults of the kind issue 13 names: syntax, encodings, amounts, damaged and unreadable files, copies. */
    public enum Fault {
        /** Good lines only. */
        NONE,
        /** A quote opened in a field and never closed: the file is rejected at the line where it opened. */
        UNTERMINATED_QUOTE,
        /** {@code "沧州某公司"分公司}: text after a closing quote, taken as text; the line counts. */
        STRAY_QUOTE,
        /** UTF-8 with Chinese text and one Latin-1 byte: rejected whole at the line of the byte, never read as GB18030. */
        MIXED_ENCODING,
        /** A GBK export with an ASCII header holding the same payments as a UTF-8 one: they count once. */
        GBK_OVERLAPPING_UTF8,
        /** An amount no budget payment reaches: that line is rejected, the rest counts. */
        ABSURD_AMOUNT,
        /** Two very large amounts (under the bound) in one month: both count, exactly. */
        LARGE_AMOUNTS,
        /** A folder named like an export: rejected with its cause. */
        UNREADABLE,
        /** A file cut off in the middle of its last line (a full disk, a crash while copying). */
        TRUNCATED,
        /** NUL bytes: binary, rejected whole. */
        BINARY,
        /** An identical copy of a good export under another name: adds nothing. */
        COPY,
        /** A summary longer than its column: that line is rejected. */
        FIELD_TOO_LONG,
        /** A date in no accepted form: that line is rejected. */
        BAD_DATE
    }

    /** Where a reject entry must be, with a word its reason must contain. */
    public record RejectAt(String file, long line, String reasonContains) {
    }

    /** What a correct night makes of the files written. */
    public record Expected(BigDecimal countedYuan, int payments, List<RejectAt> rejects) {

        static Expected none() {
            return new Expected(BigDecimal.ZERO, 0, List.of());
        }

        public Expected plus(Expected other) {
            List<RejectAt> all = new ArrayList<>(rejects);
            all.addAll(other.rejects);
            return new Expected(countedYuan.add(other.countedYuan), payments + other.payments, all);
        }
    }

    private static final String ASCII_HEADER = "date,project_code,amount,voucher_no,payee,summary";
    private static final Charset GBK = Charset.forName("GBK");

    private FaultyExports() {
    }

    /**
     * Writes the export {@code <name>.csv} (and for some faults a companion file) into the inbox.
     *
     * @param name also the prefix of its vouchers, so that payments of different files never meet
     *     by chance
     */
    public static Expected write(Path inbox, String name, Fault fault) {
        String file = name + ".csv";
        List<String> good = new ArrayList<>();
        BigDecimal goodSum = BigDecimal.ZERO;
        for (int i = 1; i <= 4; i++) {
            BigDecimal amount = new BigDecimal((i * 137 + name.length() * 11) % 900 + 1 + ".50");
            good.add("2026-0" + i + "-1" + i + ",P1," + amount.toPlainString() + "," + name + "-V" + i + ",收款单位" + i
                    + ",办公用品采购" + i);
            goodSum = goodSum.add(amount);
        }
        Expected allGood = new Expected(goodSum, good.size(), List.of());
        switch (fault) {
            case NONE -> {
                utf8(inbox, file, lines(good));
                return allGood;
            }
            case UNTERMINATED_QUOTE -> {
                // header line 1, good lines 2–3, the open quote on line 4, more lines after it
                List<String> lines = lines(good.subList(0, 2));
                lines.add("2026-04-01,P1,10.00," + name + "-Q,\"未闭合的引号,摘要");
                lines.addAll(good.subList(2, 4));
                utf8(inbox, file, lines);
                return new Expected(BigDecimal.ZERO, 0, List.of(new RejectAt(file, 4, "quote")));
            }
            case STRAY_QUOTE -> {
                List<String> lines = lines(good);
                lines.add("2026-04-01,P1,100.00," + name + "-SQ,\"沧州某公司\"分公司,办公用品");
                utf8(inbox, file, lines);
                return new Expected(goodSum.add(new BigDecimal("100.00")), good.size() + 1, List.of());
            }
            case MIXED_ENCODING -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                List<String> lines = lines(good);
                for (int i = 0; i < lines.size(); i++) {
                    bytes.writeBytes((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                    if (i == 2) {
                        // line 4: a payee typed on a Latin-1 machine
                        bytes.writeBytes(("2026-03-20,P1,5.00," + name + "-L,Caf").getBytes(StandardCharsets.UTF_8));
                        bytes.write(0xE9);
                        bytes.writeBytes("s,摘要\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
                writeBytes(inbox, file, bytes.toByteArray());
                return new Expected(BigDecimal.ZERO, 0, List.of(new RejectAt(file, 4, "UTF-8")));
            }
            case GBK_OVERLAPPING_UTF8 -> {
                List<String> gbk = new ArrayList<>(List.of(ASCII_HEADER));
                gbk.addAll(good);
                writeBytes(inbox, file, (String.join("\r\n", gbk) + "\r\n").getBytes(GBK));
                utf8(inbox, name + "-utf8.csv", lines(good.subList(1, 4)));
                return allGood;
            }
            case ABSURD_AMOUNT -> {
                List<String> lines = lines(good);
                lines.add(2, "2026-02-02,P1,99999999999999999.99," + name + "-X,收款单位,摘要");
                utf8(inbox, file, lines);
                return new Expected(goodSum, good.size(), List.of(new RejectAt(file, 3, "99")));
            }
            case LARGE_AMOUNTS -> {
                List<String> lines = lines(good);
                lines.add("2026-05-02,P1,500000000000.00," + name + "-B1,收款单位,摘要");
                lines.add("2026-05-03,P1,499999999999.99," + name + "-B2,收款单位,摘要");
                utf8(inbox, file, lines);
                return new Expected(goodSum.add(new BigDecimal("999999999999.99")), good.size() + 2, List.of());
            }
            case UNREADABLE -> {
                try {
                    Files.createDirectories(inbox.resolve(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Expected(BigDecimal.ZERO, 0, List.of(new RejectAt(file, 0, "cannot read")));
            }
            case TRUNCATED -> {
                String text = String.join("\n", lines(good)) + "\n" + "2026-05-0";
                writeBytes(inbox, file, text.getBytes(StandardCharsets.UTF_8));
                return new Expected(goodSum, good.size(), List.of(new RejectAt(file, 6, "may have been cut off")));
            }
            case BINARY -> {
                List<String> lines = lines(good);
                lines.set(2, lines.get(2) + "\0\0\0");
                utf8(inbox, file, lines);
                return new Expected(BigDecimal.ZERO, 0, List.of(new RejectAt(file, 3, "NUL")));
            }
            case COPY -> {
                utf8(inbox, file, lines(good));
                utf8(inbox, name + "-copy.csv", lines(good));
                return allGood;
            }
            case FIELD_TOO_LONG -> {
                List<String> lines = lines(good);
                lines.add(2, "2026-02-03,P1,1.00," + name + "-LONG,收款单位," + "很长的摘要".repeat(401));
                utf8(inbox, file, lines);
                return new Expected(goodSum, good.size(), List.of(new RejectAt(file, 3, "2000")));
            }
            case BAD_DATE -> {
                List<String> lines = lines(good);
                lines.add(3, "31/03/2026,P1,1.00," + name + "-D,收款单位,摘要");
                utf8(inbox, file, lines);
                return new Expected(goodSum, good.size(), List.of(new RejectAt(file, 4, "not a date")));
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
    }

    private static List<String> lines(List<String> data) {
        List<String> lines = new ArrayList<>(List.of(Exports.HEADER));
        lines.addAll(data);
        return lines;
    }

    private static void utf8(Path inbox, String file, List<String> lines) {
        writeBytes(inbox, file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(Path inbox, String file, byte[] bytes) {
        try {
            Files.createDirectories(inbox);
            Files.write(inbox.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
