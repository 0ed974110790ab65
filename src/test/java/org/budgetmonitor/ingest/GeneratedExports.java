package org.budgetmonitor.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Realistic export text for the encoding tests: payees, 摘要, amounts, under a Chinese or ASCII header. */
final class GeneratedExports {

    private static final String[] CITY = {"沧州", "石家庄", "保定", "廊坊", "邯郸", "邢台", "衡水", "唐山", "秦皇岛", "张家口",
        "承德", "北京", "天津", "济南", "郑州", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "武汉",
        "长沙", "广州", "南宁", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "银川", "乌鲁木齐", "任丘", "黄骅", "泊头", "河间"};
    private static final String[] NAME = {"华彩", "恒通", "鑫源", "金桥", "宏达", "瑞丰", "永安", "东方", "新世纪", "中联", "博远",
        "泰和", "德信", "明珠", "汇丰", "长城", "天成", "裕隆", "嘉禾", "兴业", "众诚", "佳美", "兆丰", "睿智", "晟", "昊天",
        "鹏程", "祥瑞", "骏", "堃", "喆", "昇", "珺", "玥"};
    private static final String[] TRADE = {"印务", "科技", "建筑工程", "商贸", "物业管理", "餐饮服务", "文化传媒", "办公设备",
        "信息技术", "医疗器械", "劳务派遣", "汽车租赁", "会展服务", "环保科技", "园林绿化"};
    private static final String[] FORM = {"有限公司", "有限责任公司", "股份有限公司", "分公司", "经营部", "服务中心", "事务所"};
    private static final String[] SUMMARY = {"办公用品", "差旅费", "会议费", "培训费", "印刷费", "邮电费", "水电费", "物业费",
        "维修（护）费", "租赁费", "专用材料费", "劳务费", "委托业务费", "公务接待费", "公务用车运行维护费", "其他交通费用",
        "办公设备购置", "信息网络及软件购置更新", "专项业务费", "场地费（含布展）", "第一季度", "退回", "冲销", "红字",
        "预付款", "尾款", "购置电脑3台", "宣传费"};
    private static final String[] PERSON = {"张三", "李四", "王五", "赵六", "刘洋", "陈静", "杨帆", "黄磊", "周敏", "吴昊",
        "徐丽", "孙强", "马超", "朱婷", "胡军", "郭鹏", "何欢", "高峰", "林", "罗", "王昇", "李珺"};

    private GeneratedExports() {
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String payee(Random random) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return pick(random, PERSON);
        }
        if (kind < 4) {
            return pick(random, CITY) + "市财政局";
        }
        return pick(random, CITY) + pick(random, NAME) + pick(random, TRADE) + pick(random, FORM);
    }

    /** A header and {@code lines} payment lines, each ending in a line break. */
    static String lines(Random random, int lines, boolean chineseHeader) {
        StringBuilder text = new StringBuilder(chineseHeader ? "支付日期,项目编码,金额,凭证号,收款人,摘要\n"
                : "date,project_code,amount,voucher_no,payee,summary\n");
        for (int i = 0; i < lines; i++) {
            text.append("2026-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10)).append(",P")
                    .append(1 + random.nextInt(3)).append(',').append(random.nextInt(100_000)).append('.')
                    .append(10 + random.nextInt(90)).append(",V").append(i).append(',')
                    // at least one Chinese field per line, as real exports have
                    .append(random.nextInt(5) == 0 ? "" : payee(random)).append(',').append(pick(random, SUMMARY))
                    .append('\n');
        }
        return text.toString();
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
