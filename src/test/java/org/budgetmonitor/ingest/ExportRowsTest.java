package org.budgetmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

import org.budgetmonitor.ingest.ExportRows.Kind;
import org.budgetmonitor.support.HeaderMapping;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExportRowsTest {

    private static final List<String> HEADER = List.of("支付日期", "项目编码", "金额（元）", "凭证号", "收款人");

    private final ExportRows rows = new ExportRows(HEADER);

    private Kind kind(String... cells) {
        return rows.kind(List.of(cells));
    }

    @Test
    void anOrdinaryPaymentIsData() {
        assertThat(kind("2026-01-01", "130916400220P00002219", "11539.73", "V0", "收款单位0")).isEqualTo(Kind.DATA);
        assertThat(kind("2026/3/5", "T-2026", "１２３", "V1", "Total Logistics Ltd")).isEqualTo(Kind.DATA);
    }

    @Test
    void aRowOfEmptyOrBlankCellsIsBlank() {
        assertThat(kind()).isEqualTo(Kind.BLANK);
        assertThat(kind("")).isEqualTo(Kind.BLANK);
        assertThat(kind("", "  ", "\u3000", "\t")).isEqualTo(Kind.BLANK);
    }

    @Test
    void readsTotalLabelsInChineseAndEnglish() {
        assertThat(kind("合计", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("总计:", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("累计合计", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("Total", "", "1000.00")).isEqualTo(Kind.TOTAL);
    }

    @Test
    void readsTotalLabelsWrittenFullWidthOrSpacedOut() {
        assertThat(kind("合 计", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("本月合计：", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("ＴＯＴＡＬ:", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("ｔｏｔａｌ", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("T O T A L ：", "", "1000.00")).isEqualTo(Kind.TOTAL);
    }

    @Test
    void findsTheLabelInAnyOfTheFirstThreeCells() {
        assertThat(kind("", "", "合计", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("", "", "", "合计", "1000.00")).isEqualTo(Kind.DATA);
    }

    @Test
    void readsSubtotalLabels() {
        assertThat(kind("小计", "", "10.00")).isEqualTo(Kind.SUBTOTAL);
        assertThat(kind("本页小计：", "", "10.00")).isEqualTo(Kind.SUBTOTAL);
        assertThat(kind("Subtotal", "", "10.00")).isEqualTo(Kind.SUBTOTAL);
        assertThat(kind("ＳＵＢ ＴＯＴＡＬ:", "", "10.00")).isEqualTo(Kind.SUBTOTAL);
    }

    @Test
    void readsTotalLabelsThatCountTheirLines() {
        assertThat(kind("合计（共12笔）", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("合计：共 3 笔", "", "1000.00")).isEqualTo(Kind.TOTAL);
        assertThat(kind("本页小计(2条)", "", "10.00")).isEqualTo(Kind.SUBTOTAL);
        assertThat(kind("合计12", "", "10.00")).isEqualTo(Kind.DATA);
    }

    @Test
    void aCellThatOnlyMentionsATotalIsNoLabel() {
        assertThat(kind("合计金额", "", "10.00")).isEqualTo(Kind.DATA);
        assertThat(kind("totals", "", "10.00")).isEqualTo(Kind.DATA);
        assertThat(kind("本年合计", "", "10.00")).isEqualTo(Kind.DATA);
    }

    @Test
    void recognisesTheHeaderRepeated() {
        assertThat(rows.kind(HEADER)).isEqualTo(Kind.REPEATED_HEADER);
    }

    @Test
    void recognisesTheHeaderRepeatedWithSpacesFullWidthFormsOrUnitSuffixes() {
        assertThat(kind(" 支付 日期", "项目编码", "金额", "凭证号", "收款人")).isEqualTo(Kind.REPEATED_HEADER);
        assertThat(kind("支付日期", "项目编码", "金额(元)", "凭证号", "收款人")).isEqualTo(Kind.REPEATED_HEADER);
        assertThat(kind("支付日期", "项目编码", "金额（万元）", "凭证号", "收款人", "")).isEqualTo(Kind.REPEATED_HEADER);

        ExportRows english = new ExportRows(List.of("Date", "PROJECT_CODE", "amount"));
        assertThat(english.kind(List.of("ＤＡＴＥ", "project_code", " Amount "))).isEqualTo(Kind.REPEATED_HEADER);
    }

    @Test
    void aRowDifferingFromTheHeaderInOneCellIsData() {
        assertThat(kind("支付日期", "项目编码", "金额", "凭证号")).isEqualTo(Kind.DATA);
        assertThat(kind("支付日期", "项目编码", "金额", "凭证号", "收款人", "摘要")).isEqualTo(Kind.DATA);
        assertThat(kind("支付日期", "项目代码", "金额", "凭证号", "收款人")).isEqualTo(Kind.DATA);
    }

    /**
     * The shortcut's premise, over every UTF-16 unit: a character it passes over is not one NFKC
     * and lower-casing turn into a 't' or a '计', the letters every label holds.
     */
    @Test
    void noCharacterPassedOverCanBecomePartOfALabel() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (ExportRows.mayBecomeLabelCharacter((char) c)) {
                continue;
            }
            String s = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC).toLowerCase();
            assertThat(s).as("U+%04X", c).doesNotContain("t", "计");
        }
    }

    /** How rows were told apart before: every cell normalised, the header with them, each row. */
    private static Kind definition(List<String> row, List<String> header) {
        if (row.stream().allMatch(cell -> cell == null || cell.isBlank())) {
            return Kind.BLANK;
        }
        for (int i = 0; i < Math.min(3, row.size()); i++) {
            String cell = Normalizer.normalize(row.get(i), Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase();
            if (Pattern.matches("(本页|本月|累计|全部)?(合计|总计)[:：]?(\\(?共?\\d+(笔|条|行)\\)?)?|total:?", cell)) {
                return Kind.TOTAL;
            }
            if (Pattern.matches("(本页|本月)?小计[:：]?(\\(?共?\\d+(笔|条|行)\\)?)?|subtotal:?", cell)) {
                return Kind.SUBTOTAL;
            }
        }
        for (int i = 0; i < Math.max(row.size(), header.size()); i++) {
            String a = i < row.size() ? HeaderMapping.normalise(row.get(i)) : "";
            String b = i < header.size() ? HeaderMapping.normalise(header.get(i)) : "";
            if (!a.equals(b)) {
                return Kind.DATA;
            }
        }
        return Kind.REPEATED_HEADER;
    }

    @Property(tries = 3000)
    void classifiesEveryRowAsTheDefinitionDoes(@ForAll("rows") List<String> row) {
        assertThat(rows.kind(row)).isEqualTo(definition(row, HEADER));
    }

    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> labels = Arbitraries.of("合计", "合 计", "本月合计：", "总计:", "全部总计", "小计", "本页小计",
                "合计（共12笔）", "合计：3 笔", "小计(2条)", "合计共", "合计12",
                "ＴＯＴＡＬ:", "total", "Subtotal", "ｓｕｂｔｏｔａｌ：", "𝐭𝐨𝐭𝐚𝐥", "ⓣⓞⓣⓐⓛ", "sub\u3000total");
        Arbitrary<String> headerCells = Arbitraries.of("支付日期", " 支付日期 ", "项目编码", "金额", "金额(元)", "金额（万元）",
                "凭证号", "收款人", "ＡＭＯＵＮＴ");
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("合总小计本月页累全部:：tTｔＴsubtotalＳ 　\t0123456789-.,()（）元™ﬆ共笔条")
                .ofMaxLength(8);
        Arbitrary<String> cell = Arbitraries.oneOf(labels, headerCells, tricky, Arbitraries.strings().ofMaxLength(6));
        return cell.list().ofMaxSize(6);
    }
}
