package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.budgetmonitor.money.Money;
import org.budgetmonitor.support.HeaderMapping;
import org.junit.jupiter.api.Test;

class DisbursementParserTest {

    private final DisbursementParser parser = new DisbursementParser();

    private final ExportFormat chinese = format(AmountUnit.YUAN,
            "支付日期", "项目编码", "金额", "凭证号", "收款人", "摘要", "资金性质", "支付流水号");

    static ExportFormat format(AmountUnit unit, String... header) {
        return new ExportFormat(StandardCharsets.UTF_8, ',', 0,
                HeaderMapping.of(List.of(header), DisbursementColumns.ALIASES), unit, "test");
    }

    private Disbursement parse(String... cells) {
        return payment(chinese, cells);
    }

    private Disbursement payment(ExportFormat format, String... cells) {
        return ((ParsedRow.Payment) parser.parse(format, List.of(cells))).disbursement();
    }

    @Test
    void readsAPaymentFromChineseHeaders() {
        Disbursement d = parse("2026-03-31", "P1", "1,234.56", "JZ-1", "某公司", "场地费", "一般公共预算", "TS1");

        assertThat(d.payDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(d.projectCode()).isEqualTo("P1");
        assertThat(d.amount()).isEqualTo(Money.ofYuan("1234.56"));
        assertThat(d.voucherNo()).isEqualTo("JZ-1");
        assertThat(d.paymentId()).isEqualTo("TS1");
    }

    @Test
    void readsEnglishHeaderAliases() {
        ExportFormat english = format(AmountUnit.YUAN, "Date", "PROJECT_CODE", " amount ", "voucher_no");

        Disbursement d = payment(english, "2026/3/5", "P1", "-800", "V1");

        assertThat(d.payDate()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(d.amount()).isEqualTo(Money.ofYuan("-800"));
        assertThat(d.hasPaymentId()).isFalse();
    }

    @Test
    void rejectsADateThatDoesNotExist() {
        assertThatThrownBy(() -> parse("2026-02-30", "P1", "1", "V1", "", "", "", ""))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("支付日期 (date) '2026-02-30' does not exist");
    }

    @Test
    void rejectsTextThatIsNotADate() {
        assertThatThrownBy(() -> parse("三月底", "P1", "1", "V1", "", "", "", ""))
                .hasMessageContaining("is not a date (2026-03-31, 2026/3/31, 2026年3月31日 or 20260331)");
    }

    @Test
    void rejectsAnAmountThatIsNotANumberOrHasFractionsOfAFen() {
        assertThatThrownBy(() -> parse("2026-03-01", "P1", "12块", "V1", "", "", "", ""))
                .hasMessage("金额 (amount): '12块' is not a number");
        assertThatThrownBy(() -> parse("2026-03-01", "P1", "1.005", "V1", "", "", "", ""))
                .hasMessageContaining("is not a whole number of 分");
        assertThatThrownBy(() -> parse("2026-03-01", "P1", "1,23.00", "V1", "", "", "", ""))
                .hasMessageContaining("is not a number");
    }

    @Test
    void rejectsAMissingProjectCodeOrVoucher() {
        assertThatThrownBy(() -> parse("2026-03-01", "", "1", "V1", "", "", "", ""))
                .hasMessage("项目编码 (project_code) is empty");
        assertThatThrownBy(() -> parse("2026-03-01", "P1", "1", " ", "", "", "", ""))
                .hasMessage("凭证号 (voucher_no) is empty");
    }

    @Test
    void givesEqualAmountsWrittenDifferentlyTheSameDedupeKey() {
        Disbursement a = parse("2026-03-01", "P1", "1200", "V1", "X", "Y", "", "");
        Disbursement b = parse("2026-3-1", "P1", "1,200.00", "V1", "X", "Y", "", "");

        assertThat(DedupeKey.of(a)).isEqualTo(DedupeKey.of(b));
        assertThat(DedupeKey.of(a)).isNotEqualTo(DedupeKey.of(parse("2026-03-01", "P1", "1200", "V2", "X", "Y", "", "")));
    }

    @Test
    void rejectsALineWhoseAmountIsAboveTheBoundWithTheFigureAndTheBound() {
        assertThatThrownBy(() -> parse("2026-03-01", "P1", "99999999999999999.99", "V1", "", "", "", ""))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("金额 (amount) '99999999999999999.99' is 99,999,999,999,999,999.99 元, more than the"
                        + " 1,000,000,000,000 元 a payment line may hold (monitor.ingest.max-amount-yuan)");
        // A reversal is bounded by its absolute value.
        assertThatThrownBy(() -> parse("2026-03-01", "P1", "-1000000000000.01", "V1", "", "", "", ""))
                .hasMessageContaining("more than the 1,000,000,000,000 元");
    }

    @Test
    void acceptsAnAmountAtTheBound() {
        assertThat(parse("2026-03-01", "P1", "1,000,000,000,000.00", "V1", "", "", "", "").amount())
                .isEqualTo(Money.ofYuan("1000000000000"));
        assertThat(parse("2026-03-01", "P1", "-1000000000000", "V1", "", "", "", "").amount())
                .isEqualTo(Money.ofYuan("-1000000000000"));
    }

    @Test
    void boundsTheAmountInYuanWhateverUnitTheExportUses() {
        ExportFormat wan = format(AmountUnit.WAN, "支付日期", "项目编码", "金额", "凭证号");

        assertThat(payment(wan, "2026-03-01", "P1", "100000000", "V1").amount()).isEqualTo(Money.ofYuan("1000000000000"));
        assertThatThrownBy(() -> payment(wan, "2026-03-01", "P1", "100000000.01", "V1"))
                .hasMessage("金额 (amount) '100000000.01' is 1,000,000,000,100.00 元, more than the"
                        + " 1,000,000,000,000 元 a payment line may hold (monitor.ingest.max-amount-yuan)");
    }

    @Test
    void boundsTheConfirmedAmountAndThePendingAmount() {
        ExportFormat confirmed = format(AmountUnit.YUAN, "支付日期", "项目编码", "金额", "凭证号", "实际支付金额", "实际支付日期");

        assertThatThrownBy(() -> parser.parse(confirmed,
                List.of("2026-03-01", "P1", "10.00", "V1", "50000000000000000.00", "2026-03-02")))
                .hasMessageStartingWith("实际支付金额 (confirmed_amount) '50000000000000000.00' is 50,000,000,000,000,000.00 元");
        // The requested amount of a confirmed line is bounded too: an absurd figure anywhere on the line rejects it.
        assertThatThrownBy(() -> parser.parse(confirmed,
                List.of("2026-03-01", "P1", "50000000000000000.00", "V1", "10.00", "2026-03-02")))
                .hasMessageStartingWith("金额 (amount) '50000000000000000.00'");
        // Awaiting the bank: still bounded.
        assertThatThrownBy(() -> parser.parse(confirmed, List.of("2026-03-01", "P1", "50000000000000000.00", "V1", "", "")))
                .hasMessageStartingWith("金额 (amount) '50000000000000000.00'");
    }

    @Test
    void takesItsBoundFromConfiguration() {
        var strict = new DisbursementParser(new java.math.BigDecimal("500"));

        assertThatThrownBy(() -> strict.parse(chinese, List.of("2026-03-01", "P1", "500.01", "V1", "", "", "", "")))
                .hasMessageContaining("more than the 500 元");
        assertThat(((ParsedRow.Payment) strict.parse(chinese, List.of("2026-03-01", "P1", "500", "V1", "", "", "", "")))
                .disbursement().amount()).isEqualTo(Money.ofYuan("500"));
    }
}
