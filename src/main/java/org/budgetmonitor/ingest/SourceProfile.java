package org.budgetmonitor.ingest;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param sameNameCorrects true for a system that re-sends a corrected export under the file name
 *     of the one it corrects: any changed file under a known name replaces its earlier versions.
 *     False (default): it replaces only the versions whose pay dates it covers, and is otherwise
 *     the next export of a system that reuses one file name every day
 * @param finalLineBreak true (default): the system ends every line of its exports with a line break,
 *     the last too, so a file whose last line has none may have been cut off and that line is not read
 *     as a payment. False for a system that writes no line break after its last line: that line is read
 */
public record SourceProfile(
        String name,
        String filePattern,
        String encoding,
        String delimiter,
        AmountUnit amountUnit,
        Map<String, List<String>> columns,
        boolean sameNameCorrects,
        boolean finalLineBreak) {

    @ConstructorBinding
    public SourceProfile(String name, @DefaultValue("*") String filePattern, String encoding, String delimiter,
            AmountUnit amountUnit, @DefaultValue Map<String, List<String>> columns,
            @DefaultValue("false") boolean sameNameCorrects, @DefaultValue("true") boolean finalLineBreak) {
        this.name = name;
        this.filePattern = filePattern;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.amountUnit = amountUnit;
        this.columns = columns;
        this.sameNameCorrects = sameNameCorrects;
        this.finalLineBreak = finalLineBreak;
    }

    /** A profile of a system that names each export afresh (corrections told by their pay dates). */
    public SourceProfile(String name, String filePattern, String encoding, String delimiter, AmountUnit amountUnit,
            Map<String, List<String>> columns) {
        this(name, filePattern, encoding, delimiter, amountUnit, columns, false, true);
    }

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
