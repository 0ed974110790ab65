package org.budgetmonitor.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The header names a payment export may use for each of our fields. */
public final class DisbursementColumns {

    public static final String DATE = "date";
    public static final String PROJECT_CODE = "project_code";
    public static final String AMOUNT = "amount";
    public static final String VOUCHER_NO = "voucher_no";
    public static final String PAYEE = "payee";
    public static final String SUMMARY = "summary";
    public static final String FUNDING_SOURCE = "funding_source";
    public static final String PAYMENT_ID = "payment_id";

    public static final List<String> REQUIRED = List.of(DATE, PROJECT_CODE, AMOUNT, VOUCHER_NO);

    /** The Chinese name each field is known by, used in messages for officers. */
    public static final Map<String, String> CHINESE_NAMES = Map.of(
            DATE, "支付日期", PROJECT_CODE, "项目编码", AMOUNT, "金额", VOUCHER_NO, "凭证号",
            PAYEE, "收款人", SUMMARY, "摘要", FUNDING_SOURCE, "资金性质", PAYMENT_ID, "支付流水号");

    public static final Map<String, List<String>> ALIASES = aliases();

    private DisbursementColumns() {
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(DATE, List.of("date", "支付日期", "payment_date", "pay_date"));
        map.put(PROJECT_CODE, List.of("project_code", "项目编码"));
        map.put(AMOUNT, List.of("amount", "金额", "amount_yuan"));
        map.put(VOUCHER_NO, List.of("voucher_no", "凭证号", "voucher"));
        map.put(PAYEE, List.of("payee", "收款人"));
        map.put(SUMMARY, List.of("summary", "摘要"));
        map.put(FUNDING_SOURCE, List.of("funding_source", "资金性质"));
        map.put(PAYMENT_ID, List.of("payment_id", "支付流水号"));
        return map;
    }

    public static String describe(List<String> fields) {
        return fields.stream().map(f -> CHINESE_NAMES.getOrDefault(f, f) + " (" + f + ")").toList().toString();
    }
}
