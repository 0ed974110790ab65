package org.budgetmonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a payment across export files, so that re-reading a file or reading
 * overlapping exports never counts a payment twice.
 *
 * <p>Where the export has a payment id (支付流水号) it is the identity. Otherwise the identity is
 * (date, project, amount, voucher, payee, summary) together with its occurrence number within its
 * file: two identical lines in one file are two payments, and a payment is counted as many times
 * as it occurs in the one file that holds it most often.
 */
public final class DedupeKey {

    private DedupeKey() {
    }

    public static String of(Disbursement d) {
        String identity = d.hasPaymentId()
                ? "id\u0000" + d.paymentId()
                : String.join("\u0000", "line", d.payDate().toString(), d.projectCode(),
                        d.amount().yuan().stripTrailingZeros().toPlainString(), d.voucherNo(),
                        nullToEmpty(d.payee()), nullToEmpty(d.summary()));
        return sha256(identity);
    }

    /**
     * A field's text in the one form it is stored and identified in: a line break inside a quoted
     * field as LF, whether the export wrote CRLF, LF or CR (a file's copy after a text-mode transfer
     * is the same payments).
     */
    public static String text(String value) {
        if (value == null || value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A key of its own for a part of a payment (a whole-voucher refund split over its lines). */
    public static String part(String key, int index, String projectCode) {
        return sha256(key + "|part|" + index + "|" + projectCode);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // 128 of SHA-256's bits: collisions stay out of reach (~1e-24 for 1e7 payments) at half the index size.
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
