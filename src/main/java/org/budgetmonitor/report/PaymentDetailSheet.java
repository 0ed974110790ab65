package org.budgetmonitor.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.budgetmonitor.money.Money;
import org.budgetmonitor.spending.FlaggedPaymentSource;
import org.budgetmonitor.variance.Flag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 支付明细 sheet: every payment of the RED and YELLOW projects (and unplanned codes) up to the
 * as-of date, grouped by project with a 项目小计 row whose 元 sum is a SUBTOTAL formula over its
 * payments and whose 万元 figure is the report's actual. Payments come from the database one at a
 * time and go straight to the streaming sheet, so a project with 100,000 payments costs no memory;
 * past Excel's row limit the list carries on in a sheet of its own.
 */
final class PaymentDetailSheet {

    private static final Logger log = LoggerFactory.getLogger(PaymentDetailSheet.class);

    static final List<String> HEADINGS = List.of("col.code", "col.name", "xlsx.col.flag", "xlsx.col.payDate",
            "xlsx.col.voucher", "xlsx.col.payee", "xlsx.col.summary", "xlsx.col.amountYuan", "xlsx.col.fundingSource",
            "xlsx.col.file", "xlsx.col.line", "xlsx.col.subtotalWan", WorkbookColumn.ROW_TYPE);
    private static final List<Integer> WIDTHS = List.of(24, 24, 8, 11, 18, 26, 32, 14, 14, 30, 7, 12, 9);
    private static final int AMOUNT = 7;
    private static final int WAN = 11;
    /** Rows a sheet takes before the list continues on the next: Excel's limit, less the 合计 row. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportText text;
    private final VarianceReport report;
    private final int maxRows;
    private final Map<String, FlaggedPaymentSource.Project> projects = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    /** The payment ranges of every sheet so far, for the 合计. */
    private final List<String> allRanges = new ArrayList<>();
    private SXSSFSheet sheet;
    private int sheets;
    private int r;
    // The project being written: its ranges (one per sheet it spans), first row here, sum and count.
    private FlaggedPaymentSource.Project current;
    private final List<String> ranges = new ArrayList<>();
    private int first;
    private BigDecimal sum = BigDecimal.ZERO;
    private long count;
    private BigDecimal total = BigDecimal.ZERO;
    private long payments;

    private PaymentDetailSheet(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text, VarianceReport report,
            int maxRows) {
        this.workbook = workbook;
        this.styles = styles;
        this.text = text;
        this.report = report;
        this.maxRows = maxRows;
    }

    static void write(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text, VarianceReport report,
            FlaggedPaymentSource source) {
        write(workbook, styles, text, report, source, MAX_ROWS);
    }

    /** @param maxRows rows per sheet (headings included) before the list continues on another */
    static void write(SXSSFWorkbook workbook, WorkbookStyles styles, ReportText text, VarianceReport report,
            FlaggedPaymentSource source, int maxRows) {
        PaymentDetailSheet detail = new PaymentDetailSheet(workbook, styles, text, report, maxRows);
        detail.newSheet();
        if (source == null) {
            VarianceWorkbook.text(detail.sheet.createRow(1), 0, styles.plain, text.get("xlsx.payments.none"));
            return;
        }
        source.projects(report.asOf()).forEach(p -> detail.projects.put(p.code(), p));
        source.forEach(report.asOf(), detail::payment);
        detail.close();
        // Flagged projects without a payment this year: a 项目小计 of 0 each, after the others.
        for (FlaggedPaymentSource.Project project : detail.projects.values()) {
            if (!detail.seen.contains(project.code())) {
                detail.open(project);
                detail.close();
            }
        }
        detail.finish();
    }

    private void payment(FlaggedPaymentSource.Payment payment) {
        if (current == null || !current.code().equals(payment.projectCode())) {
            close();
            FlaggedPaymentSource.Project project = projects.get(payment.projectCode());
            if (project == null) {
                return; // flagged after the list was read (not in one run): left to the next report
            }
            open(project);
        }
        if (r >= maxRows) {
            endRange();
            newSheet();
            first = r;
        }
        Row row = sheet.createRow(r++);
        label(row, current, styles.text);
        Cell day = row.createCell(3);
        day.setCellValue(Date.valueOf(payment.payDate()));
        day.setCellStyle(styles.date);
        VarianceWorkbook.text(row, 4, styles.text, payment.voucherNo());
        VarianceWorkbook.text(row, 5, styles.text, payment.payee());
        VarianceWorkbook.text(row, 6, styles.text, payment.summary());
        Cell amount = row.createCell(AMOUNT);
        // 元 with 2 decimals: a double holds it exactly up to 10^13 元.
        amount.setCellValue(payment.amountYuan().doubleValue());
        amount.setCellStyle(styles.amount);
        VarianceWorkbook.text(row, 8, styles.text, payment.fundingSource());
        VarianceWorkbook.text(row, 9, styles.text, payment.sourceFile());
        Cell line = row.createCell(10);
        if (payment.sourceLine() != null) { // none for a payment passed on from a holding stored before V17
            line.setCellValue(payment.sourceLine());
        }
        line.setCellStyle(styles.center);
        VarianceWorkbook.text(row, WAN, styles.text, "");
        VarianceWorkbook.text(row, 12, styles.text, text.get("xlsx.rowType.payment"));
        sum = sum.add(payment.amountYuan());
        count++;
    }

    private void open(FlaggedPaymentSource.Project project) {
        current = project;
        seen.add(project.code());
        ranges.clear();
        first = r;
        sum = BigDecimal.ZERO;
        count = 0;
    }

    /** The current project's 项目小计: SUBTOTAL over its payments, in 元 and, rounded, in 万元. */
    private void close() {
        if (current == null) {
            return;
        }
        endRange();
        if (r >= maxRows) {
            newSheet();
        }
        Row row = sheet.createRow(r++);
        label(row, current, styles.subtotalText);
        for (int c = 3; c <= 12; c++) {
            VarianceWorkbook.text(row, c, styles.subtotalText, "");
        }
        String note = text.format("xlsx.payments.count", count);
        if (current.actualYuan() != null && sum.compareTo(current.actualYuan()) != 0) {
            // The report's actual and its payments must agree; if they ever do not, the sheet says so.
            log.warn("Payments of {} add up to {} 元, the report's actual is {} 元", current.code(), sum,
                    current.actualYuan());
            note += text.format("xlsx.payments.mismatch", Money.ofYuan(current.actualYuan()).wanForDisplay());
        }
        VarianceWorkbook.text(row, 6, styles.subtotalText, note);
        Cell amount = row.createCell(AMOUNT);
        if (ranges.isEmpty()) {
            amount.setCellValue(0);
            amount.setCellStyle(styles.subtotalAmount);
        } else {
            VarianceWorkbook.formula(amount, "SUBTOTAL(9," + String.join(",", ranges) + ")", sum,
                    styles.subtotalAmount);
        }
        String cell = "H" + r;
        VarianceWorkbook.formula(row.createCell(WAN), "ROUND(" + cell + "/10000,2)", Money.ofYuan(sum).wanForDisplay(),
                styles.subtotalAmount);
        VarianceWorkbook.text(row, 12, styles.subtotalText, text.get("xlsx.rowType.projectSubtotal"));
        total = total.add(sum);
        payments += count;
        current = null;
    }

    /** Ends the current project's payments on this sheet (if it has any here). */
    private void endRange() {
        if (r > first) {
            ranges.add(ref(sheet, "H" + (first + 1) + ":H" + r));
        }
    }

    private static String ref(SXSSFSheet on, String range) {
        return "'" + on.getSheetName().replace("'", "''") + "'!" + range;
    }

    /** The 合计 row after the last project, over every sheet's payments, and each sheet's filter. */
    private void finish() {
        Row row = sheet.createRow(r);
        label(row, null, styles.totalText);
        for (int c = 2; c <= 12; c++) {
            VarianceWorkbook.text(row, c, styles.totalText, "");
        }
        // Projects and unplanned codes counted apart, as everywhere else.
        long codes = seen.stream().filter(code -> !projects.get(code).planned()).count();
        VarianceWorkbook.text(row, 1, styles.totalText, codes == 0
                ? text.format("xlsx.total.payments", seen.size(), payments)
                : text.format("xlsx.total.paymentsAndCodes", seen.size() - codes, codes, payments));
        if (r > 1) {
            allRanges.add(ref(sheet, "H2:H" + r));
        }
        if (payments == 0) {
            row.createCell(AMOUNT).setCellValue(0);
            row.getCell(AMOUNT).setCellStyle(styles.totalAmount);
        } else {
            // Over the whole list: SUBTOTAL leaves out the 项目小计 rows in it, so each payment counts once.
            VarianceWorkbook.formula(row.createCell(AMOUNT), "SUBTOTAL(9," + String.join(",", allRanges) + ")", total,
                    styles.totalAmount);
        }
        VarianceWorkbook.formula(row.createCell(WAN), "ROUND(H" + (r + 1) + "/10000,2)",
                Money.ofYuan(total).wanForDisplay(), styles.totalAmount);
        VarianceWorkbook.text(row, 12, styles.totalText, text.get("xlsx.rowType.total"));
        VarianceWorkbook.filter(sheet, r - 1, HEADINGS.size() - 1);
    }

    private void newSheet() {
        if (sheet != null) {
            if (r > 1) {
                allRanges.add(ref(sheet, "H2:H" + r));
            }
            VarianceWorkbook.filter(sheet, r - 1, HEADINGS.size() - 1);
        }
        sheets++;
        String name = sheets == 1 ? text.get("xlsx.sheet.payments") : text.format("xlsx.sheet.paymentsMore", sheets);
        sheet = VarianceWorkbook.table(workbook, styles, text, report, name, HEADINGS, WIDTHS);
        r = 1;
    }

    /** Code, name and flag of the project, on each of its rows so that a filter by project keeps them together. */
    private void label(Row row, FlaggedPaymentSource.Project project, org.apache.poi.ss.usermodel.CellStyle style) {
        if (project == null) {
            VarianceWorkbook.text(row, 0, style, "");
            return;
        }
        VarianceWorkbook.text(row, 0, style, project.code());
        VarianceWorkbook.text(row, 1, style, project.planned() ? project.name() : text.get("reason.UNPLANNED"));
        // An unplanned code is stored RED but is no RED project: it says what it is, as the CSV's UNPLANNED does.
        VarianceWorkbook.text(row, 2, style, project.planned() ? text.flag(Flag.valueOf(project.flag()))
                : text.get("xlsx.flag.unplanned"));
    }
}
