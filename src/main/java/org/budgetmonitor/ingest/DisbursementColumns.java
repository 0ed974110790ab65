package org.budgetmonitor.ingest;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header names payment exports use for each of our fields. Names are compared after NFKC
 * normalisation (full-width letters and brackets become ASCII), without spaces or case, and
 * without a unit suffix such as （元） or （万元）, which {@link #unitOf} reads separately.
 */
public final class DisbursementColumns {

    public static final String DATE = "date";
    public static final String PROJECT_CODE = "project_code";
    public static final String AMOUNT = "amount";
    public static final String VOUCHER_NO = "voucher_no";
    public static final String PAYEE = "payee";
    public static final String SUMMARY = "summary";
    public static final String FUNDING_SOURCE = "funding_source";
    public static final String PAYMENT_ID = "payment_id";
    /** The bank-confirmed amount (实际支付金额): where present it, not the requested amount, is the actual. */
    public static final String CONFIRMED_AMOUNT = "confirmed_amount";
    public static final String CONFIRMED_DATE = "confirmed_date";
    /** The voucher a refund document points back to (原凭证号). */
    public static final String ORIGINAL_VOUCHER_NO = "original_voucher_no";
    /** A document-type column whose 退回 / 冲销 / 红字 marks a reversal. */
    public static final String KIND = "kind";

    public static final List<String> REQUIRED = List.of(DATE, PROJECT_CODE, AMOUNT, VOUCHER_NO);

    /** The Chinese name each field is known by, used in messages for officers. */
    public static final Map<String, String> CHINESE_NAMES = Map.ofEntries(
            Map.entry(DATE, "支付日期"), Map.entry(PROJECT_CODE, "项目编码"), Map.entry(AMOUNT, "金额"),
            Map.entry(VOUCHER_NO, "凭证号"), Map.entry(PAYEE, "收款人"), Map.entry(SUMMARY, "摘要"),
            Map.entry(FUNDING_SOURCE, "资金性质"), Map.entry(PAYMENT_ID, "支付流水号"),
            Map.entry(CONFIRMED_AMOUNT, "实际支付金额"), Map.entry(CONFIRMED_DATE, "实际支付日期"),
            Map.entry(ORIGINAL_VOUCHER_NO, "原凭证号"), Map.entry(KIND, "业务类型"));

    public static final Map<String, List<String>> ALIASES = aliases();

    private DisbursementColumns() {
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(DATE, List.of("date", "支付日期", "记账日期", "日期", "凭证日期", "payment_date", "pay_date"));
        map.put(PROJECT_CODE, List.of("project_code", "项目编码", "项目代码", "预算项目编码", "预算项目代码"));
        map.put(AMOUNT, List.of("amount", "金额", "支付金额", "付款金额", "amount_yuan", "amount_wan"));
        map.put(VOUCHER_NO, List.of("voucher_no", "凭证号", "凭证编号", "支付凭证号", "voucher"));
        map.put(PAYEE, List.of("payee", "收款人", "收款人名称", "收款单位"));
        map.put(SUMMARY, List.of("summary", "摘要", "用途"));
        map.put(FUNDING_SOURCE, List.of("funding_source", "资金性质", "资金来源"));
        map.put(PAYMENT_ID, List.of("payment_id", "支付流水号", "交易流水号", "流水号"));
        map.put(CONFIRMED_AMOUNT, List.of("confirmed_amount", "实际支付金额"));
        map.put(CONFIRMED_DATE, List.of("confirmed_date", "实际支付日期"));
        map.put(ORIGINAL_VOUCHER_NO, List.of("original_voucher_no", "原凭证号", "原支付凭证号", "原凭证编号"));
        map.put(KIND, List.of("kind", "业务类型", "凭证类型", "收支类型", "类型"));
        return map;
    }

    /** The amount unit a header names, if any: 金额（万元） and amount_wan are in 万元. */
    public static AmountUnit unitOf(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (s.contains("万元") || s.endsWith("_wan")) {
            return AmountUnit.WAN;
        }
        return s.contains("元") || s.endsWith("_yuan") ? AmountUnit.YUAN : null;
    }

    public static String describe(List<String> fields) {
        return fields.stream().map(DisbursementColumns::label).toList().toString();
    }

    /** How reasons name a field: 金额 (amount). */
    public static String label(String field) {
        return CHINESE_NAMES.getOrDefault(field, field) + " (" + field + ")";
    }
}
