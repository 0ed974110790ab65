package org.budgetmonitor.ingest;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the exports of one payment system are read ({@code monitor.ingest.profiles[n].*}). Anything
 * left out is detected: the encoding (UTF-8, else GB18030/GBK), the delimiter, the header line.
 *
 * @param name shown in the run summary and the reject file
 * @param filePattern a glob on the file name, e.g. {@code 国库*.csv}
 * @param encoding e.g. {@code GBK}; empty to detect
 * @param delimiter {@code ,}, {@code ;}, {@code |} or {@code tab}; empty to detect
 * @param amountUnit {@code YUAN} or {@code WAN}; empty to take it from the header or notes (default 元)
 * @param columns header names of this system, per field ({@code date}, {@code project_code},
 *     {@code amount}, {@code voucher_no}, …), tried before the built-in aliases
 */
public record SourceProfile(
        String name,
        @DefaultValue("*") String filePattern,
        String encoding,
        String delimiter,
        AmountUnit amountUnit,
        @DefaultValue Map<String, List<String>> columns) {

    public boolean matches(Path file) {
        return FileSystems.getDefault().getPathMatcher("glob:" + filePattern).matches(file.getFileName());
    }

    public Charset charset() {
        return encoding == null || encoding.isBlank() ? null : Charset.forName(encoding.strip());
    }

    public Character delimiterChar() {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        return delimiter.equalsIgnoreCase("tab") || delimiter.equals("\t") ? '\t' : delimiter.charAt(0);
    }
}
