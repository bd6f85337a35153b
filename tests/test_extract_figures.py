"""Figures: every kind, Chinese numerals, signs, ranges and the traps of the spec."""
import pytest

from kfin_tui.extract import extract


def figs(text):
    out = extract(text).figures
    for f in out:
        assert text[f.start:f.end] == f.text
    return out


def texts(text):
    return [f.text for f in figs(text)]


def one(text):
    out = figs(text)
    assert len(out) == 1, [f.text for f in out]
    return out[0]


@pytest.mark.parametrize("text, fig, kind, value, unit", [
    ("公司营收为512.3亿元，", "512.3亿元", "money", 51_230_000_000, "元"),
    ("融资金额为3.5亿美元。", "3.5亿美元", "money", 350_000_000, "美元"),
    ("每股派息1.2港元。", "1.2港元", "money", 1.2, "港元"),
    ("储能电芯报价为0.42元/Wh。", "0.42元/Wh", "money", 0.42, "元/Wh"),
    ("一般公共预算收入为8.2万亿元。", "8.2万亿元", "money", 8.2e12, "元"),
    ("估值达到两千亿元。", "两千亿元", "money", 2e11, "元"),
    ("净利润同比增长27%。", "27%", "percent", 27, "%"),
    ("不良率为1.5‰。", "1.5‰", "percent", 1.5, "‰"),
    ("毛利率提升3.2个百分点。", "3.2个百分点", "percent", 3.2, "个百分点"),
    ("利率下调25个基点。", "25个基点", "percent", 0.25, "个基点"),  # basis points: percentage points of change
    ("累计加息150个基点。", "150个基点", "percent", 1.5, "个基点"),
    ("增速约为百分之十四。", "约为百分之十四", None, None, None),
    ("海外收入占比达三成。", "三成", "percent", 30, "%"),
    ("销售额同比增长12倍。", "12倍", "multiple", 12, "倍"),
    ("全国共有34家钢厂。", "34家", "count", 34, "家"),
    ("月活跃用户达1.31亿。", "1.31亿", "count", 131_000_000, ""),
    ("封单达18万手。", "18万手", "count", 180_000, "手"),
    ("装机量为35.6GWh。", "35.6GWh", "count", 35.6, "GWh"),
    ("出货量为12万台。", "12万台", "count", 120_000, "台"),
    ("月产能为3万片晶圆。", "3万片", "count", 30_000, "片"),
    ("年内发射了8枚火箭。", "8枚", "count", 8, "枚"),
    ("面积约7.8亿平方米。", "约7.8亿平方米", "count", 780_000_000, "平方米"),
])
def test_kinds_values_units(text, fig, kind, value, unit):
    if kind is None:  # 约为 is not an approximation word: the figure is 百分之十四
        f = one(text)
        assert f.text == "百分之十四" and f.kind == "percent" and f.value == 14
        return
    f = one(text)
    assert (f.text, f.kind, f.unit) == (fig, kind, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("text, fig, value", [
    ("平台上有近两万商家。", "近两万", 20_000),
    ("已有超十余个合作伙伴。", "超十余个", 10),
    ("使用人数已超百万。", "超百万", 1_000_000),
    ("通过数十亿中文语料训练。", "数十亿", None),
    ("市场规模将增长至近千亿。", "近千亿", 1e11),
    ("门店超过4.5万家。", "超过4.5万家", 45_000),
    ("逾5258倍超额认购", "逾5258倍", 5258),
    ("净利润不足3亿元。", "不足3亿元", 300_000_000),
    ("上百家企业参展。", "上百家", 100),
])
def test_approximations(text, fig, value):
    f = one(text)
    assert f.text == fig and f.approx
    assert f.value == (pytest.approx(value) if value is not None else None)


def test_signs_are_explicit_only():
    assert one("现金流净额为-31.87亿元。").value == pytest.approx(-3_187_000_000)
    assert one("利润增速为−5%。").value == -5
    assert one("利润增速为负3%。").value == -3
    f = one("利润同比下降12%。")
    assert f.value == 12 and f.context == "同比下降"


@pytest.mark.parametrize("text, fig", [
    ("上调废钢采购价20-450元。", "20-450元"),
    ("预计增长18%至20%。", "18%至20%"),
    ("降幅在-15%至-20%之间。", "-15%至-20%"),
    ("销量达到1650万辆至1700万辆。", "1650万辆至1700万辆"),
    ("价格区间为1.5万~2万元。", "1.5万~2万元"),
])
def test_ranges(text, fig):
    f = one(text)
    assert (f.text, f.kind) == (fig, "range")


def test_a_verb_between_is_no_range():
    assert texts("月活同比增长14.1%至1.31亿。") == ["14.1%", "1.31亿"]


@pytest.mark.parametrize("text, fig", [
    ("8月5日讯", "8月5日"), ("2021年财报显示", "2021年"), ("截至2022年第一季度", "2022年第一季度"),
    ("今年二季度", "二季度"), ("2024年上半年营收", "2024年上半年"), ("1-7月国企利润", "1-7月"),
    ("今年6月的日均消耗", "6月"), ("2024年前三季度收入", "2024年前三季度"), ("2025财年业绩", "2025财年"),
])
def test_dates(text, fig):
    f = one(text)
    assert (f.text, f.kind) == (fig, "date")


def test_leftmost_trap_multiple_before_count():
    assert [(f.text, f.kind) for f in figs("销售额同比提升了超38倍，订单量同比提升超10倍。")] == [
        ("超38倍", "multiple"), ("超10倍", "multiple")]


@pytest.mark.parametrize("text", [
    "快手（01024）与贵州茅台600519", "SDXL/SD3等开源模型", "英伟达H100芯片", "5G基站建设", "《财富》500强榜单",
    "成为所有上榜企业中的第一名", "我们一起努力", "一位技术人员表示", "一方面加强建设", "合作扩大至百城万店",
    "这一点很重要", "二次上市", "千万不要", "每百元营业收入", "GPT-4o与Qwen2.5-72B", "做好两手准备",
])
def test_not_figures(text):
    assert texts(text) == []


def test_figures_inside_company_names_are_skipped():
    assert texts("三只松鼠与三一重工、七匹狼发布公告") == []


def test_money_or_count_for_bare_magnitudes():
    assert one("日均消耗也达到了2000万。").kind == "money"
    assert one("依托7亿老铁的流量池。").kind == "count"


def test_context():
    out = figs("快手营收603.8亿元，同比增长14%；毛利率为55.3%。")
    assert [f.context for f in out] == ["营收", "同比增长", "毛利率"]


def test_full_width_digits_keep_offsets():
    text = "营收为１２３．５亿元，同比增长１４％。"
    out = figs(text)
    assert [f.text for f in out] == ["１２３．５亿元", "１４％"]
    assert out[0].value == pytest.approx(12_350_000_000)


@pytest.mark.parametrize("text, fig, kind, unit", [
    ("算力达到1000TOPS", "1000TOPS", "count", "TOPS"),
    ("售电量为3002万兆瓦时", "3002万兆瓦时", "count", "兆瓦时"),
    ("发电量1.2万亿千瓦时", "1.2万亿千瓦时", "count", "千瓦时"),
    ("吞吐量3000万标准箱", "3000万标准箱", "count", "标准箱"),
    ("油价报80美元/桶", "80美元/桶", "money", "美元/桶"),
    ("电价为0.5元/千瓦时", "0.5元/千瓦时", "money", "元/千瓦时"),
    ("毛利率提升2.3pct", "2.3pct", "percent", "pct"),
    ("BDI收于1,615点", "1,615点", "count", "点"),
    ("净利润增长近一倍", "近一倍", "multiple", "倍"),
])
def test_more_units(text, fig, kind, unit):
    f = one(text)
    assert (f.text, f.kind, f.unit) == (fig, kind, unit)


@pytest.mark.parametrize("text", ["下午3点开盘", "二十届三中全会", "1年期LPR", "5年期以上LPR", "这两点"])
def test_clock_times_tenors_and_meetings_are_not_figures(text):
    assert texts(text) == []


def test_bare_first_number_range():
    assert [(f.text, f.kind) for f in figs("年内还将再降息2到3次")] == [("2到3次", "range")]
    assert [(f.text, f.kind) for f in figs("目标价区间为55-62元")] == [("55-62元", "range")]


@pytest.mark.parametrize("text, expected", [
    ("四五天", ["四五天"]), ("两三百辆", ["两三百辆"]), ("五粮液普五一批价", []), ("电动两轮车", []), ("完成3轮融资", ["3轮"]),
])
def test_chinese_digit_strings(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text, fig", [("2025年前5个月", "2025年前5个月"), ("今年前10个月", "前10个月"), ("前两个月", "前两个月")])
def test_first_months_are_dates(text, fig):
    f = one(text)
    assert (f.text, f.kind) == (fig, "date")


# --- review fixes: currencies, ranges, permille, currency signs, ratio bases, bounds, context ------------

@pytest.mark.parametrize("text, fig, unit", [
    ("该厂商季度营收为1234.5亿元新台币。", "1234.5亿元新台币", "新台币"),
    ("全年营收约987.6亿新台币。", "约987.6亿新台币", "新台币"),
    ("本轮融资为2.5亿元人民币。", "2.5亿元人民币", "人民币"),
    ("折合约300亿日元。", "约300亿日元", "日元"),
    ("订单金额为12亿欧元。", "12亿欧元", "欧元"),
    ("售价为45英镑。", "45英镑", "英镑"),
    ("投资规模达5000亿韩元。", "5000亿韩元", "韩元"),
    ("股价收于123.40 港元，", "123.40 港元", "港元"),
])
def test_named_currencies_are_the_unit(text, fig, unit):
    f = one(text)
    assert (f.text, f.kind, f.unit) == (fig, "money", unit)


def test_range_carries_unit_and_both_ends():
    f = one("预计全年营收为150亿至160亿美元。")
    assert (f.kind, f.unit, f.value, f.value_high) == ("range", "美元", 15e9, 16e9)
    d = f.to_json()
    assert d["value"] == 15e9 and d["value_high"] == 16e9
    assert "value_high" not in one("营收为150亿美元。").to_json()
    assert one("目标价区间为55-62元").value_high == 62


@pytest.mark.parametrize("text, fig, value", [("手续费率为千分之一。", "千分之一", 0.1), ("佣金降至千分之零点五。", "千分之零点五", 0.05)])
def test_permille_in_words(text, fig, value):
    f = one(text)
    assert (f.text, f.kind, f.unit) == (fig, "percent", "%") and f.value == pytest.approx(value)


def test_currency_sign_before_the_number():
    out = figs("单位净值日涨跌¥+0.0152，昨日为¥-0.0037，对比HK$8.5。")
    assert [(f.text, f.kind, f.unit) for f in out] == [("¥+0.0152", "money", "元"), ("¥-0.0037", "money", "元"),
                                                       ("HK$8.5", "money", "港元")]
    assert out[0].value == pytest.approx(0.0152) and out[1].value == pytest.approx(-0.0037)


@pytest.mark.parametrize("text, expected", [
    ("拟向全体股东每10股派发现金红利6元。", ["6元"]),
    ("每100股转增20股。", ["20股"]),
    ("这点事花不了2元钱。", []),
    ("每手200股。", ["200股"]),
])
def test_ratio_bases_and_small_change_are_not_figures(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text, bound", [
    ("营收超过8亿元。", "min"), ("用户逾3000万。", "min"), ("上千家门店", "min"), ("净利润不足2亿元。", "max"),
    ("拟减持不超120万股。", "max"), ("市场份额约12%。", ""), ("营收近9亿元。", ""),
])
def test_one_sided_bounds(text, bound):
    f = one(text)
    assert f.approx and f.bound == bound
    assert f.to_json().get("bound", "") == bound


def test_approx_after_the_number():
    f = one("年产能在50万吨左右。")
    assert f.text == "50万吨" and f.approx


@pytest.mark.parametrize("text, context", [
    ("目前2年期LPR为3.15%。", "2年期LPR"),
    ("当前7年期以上LPR为3.9%。", "7年期以上LPR"),
    ("其中新业务价值为120.5亿元。", "新业务价值"),
    ("个险渠道新业务价值为88.2亿元。", "新业务价值"),
    ("对应总市值约50亿元动态市销率为12.3倍。", "动态市销率"),
    ("日涨跌¥+0.0152", "日涨跌"),
    ("本月LPR连续6个月保持不变", "LPR"),
    ("处理tokens数量超过3万亿", "数量"),
])
def test_context_sits_on_word_boundaries(text, context):
    assert figs(text)[-1].context == context


def test_context_never_reaches_past_the_previous_figure():
    out = figs("政策利率下调20个基点至3.1%。")
    assert out[0].context and out[1].context != "个基点"
    assert not any(f.context.startswith(("个", "点")) for f in out)


def test_a_level_after_a_change_names_the_same_metric():
    out = figs("MLF利率下调10个基点至2.3%。")
    assert [f.context for f in out] == ["利率", "利率"]
    assert [f.context for f in figs("LPR下调10个基点至3.45%。")] == ["LPR下调", "LPR"]
    assert figs("营收增长10%至20亿元。")[1].context == ""


@pytest.mark.parametrize("text, context", [
    ("股东李某拟减持不超50万股。", "减持"),
    ("大股东拟被动减持不超2%。", "被动减持"),
    ("短视频号背靠微信生态吸引超300万商家。", "商家"),
    ("发行后静态市销率为8.1倍。", "静态市销率"),
    ("相比H100性能提升3倍。", "提升"),
    ("售价只要5元钱就可以买到10万tokens。", "可以买到"),
])
def test_context_drops_subjects_fragments_and_units(text, context):
    assert figs(text)[-1].context == context


@pytest.mark.parametrize("text, context", [
    ("拟每10股派发现金红利3元。", "现金红利"), ("印花税按千分之一征收。", "印花税"),
])
def test_context_prefers_the_metric_noun(text, context):
    assert figs(text)[-1].context == context


@pytest.mark.parametrize("text, contexts", [
    ("公司未来3年将投入200亿元。", ["", "投入"]),  # not 未来 for 3年
    ("这家公司获得3000万元融资。", [""]),  # not 获得
    ("该公司未来5年营收有望翻倍。", [""]),
])
def test_context_is_empty_rather_than_a_word_that_says_when_or_how(text, contexts):
    assert [f.context for f in figs(text)] == contexts


@pytest.mark.parametrize("text, fig, value", [
    ("装修工期大概要四五天。", "四五天", 4),
    ("展厅外停了两三百辆新车。", "两三百辆", 200),
    ("门店附近只有三四个停车位。", "三四个", 3),
    ("园区里入驻了七八家供应商。", "七八家", 7),
])
def test_adjacent_chinese_digits_are_an_approximate_count_at_the_low_end(text, fig, value):
    f = one(text)
    assert (f.text, f.kind, f.value, f.approx) == (fig, "count", value, True)


@pytest.mark.parametrize("text", [
    "今年订单有望实现两位数的增长。", "出口保持两位数增长。", "费用出现三位数下滑，利润仅个位数增长。",
])
def test_number_of_digits_is_an_idiom_not_a_count(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, context", [
    ("本季度公司毛利率提升至48%。", "毛利率"),
    ("门店净利率同比下降至6.5%。", "净利率"),
    ("该产品毛利率由31%提升至36%。", "毛利率"),
    ("全年营收由4亿元增长到7亿元。", "营收"),
])
def test_a_level_reached_by_a_change_names_the_metric_not_the_verb(text, context):
    assert figs(text)[-1].context == context


@pytest.mark.parametrize("text, context", [
    ("本期2年期MLF利率为2.2%。", "2年期MLF利率"),
    ("当天30年期国债收益率报2.4%。", "30年期国债收益率"),
    ("三年期存款利率为1.9%。", "三年期存款利率"),
])
def test_a_rate_keeps_its_tenor(text, context):
    assert figs(text)[-1].context == context


@pytest.mark.parametrize("text, expected", [
    ("某私募去年减持某某电子6.5万股至20.1万股，位列第五大股东。", ["6.5万股", "20.1万股"]),
    ("该产品增持了甲乙科技3万股到9万股。", ["3万股", "9万股"]),
    ("某基金减持了机械企业——某某重工12万股至40万股。", ["12万股", "40万股"]),
])
def test_a_holding_change_then_the_holding_left_are_two_figures(text, expected):
    assert [t for t in texts(text) if "股" in t] == expected


@pytest.mark.parametrize("text, rng", [
    ("控股股东拟增持1亿元至2亿元。", "1亿元至2亿元"),
    ("公司计划减持1%至2%的股份。", "1%至2%"),
    ("公司拟回购500万股至800万股。", "500万股至800万股"),
    ("预计净利润增长10%至15%。", "10%至15%"),
])
def test_a_planned_change_between_two_amounts_stays_a_range(text, rng):
    f = [f for f in figs(text) if f.kind == "range"]
    assert [x.text for x in f] == [rng]


@pytest.mark.parametrize("text, fig", [
    ("某公司发布2019第三季度财报。", "2019第三季度"),
    ("预计2022上半年交付。", "2022上半年"),
])
def test_a_year_before_a_period_without_its_nian_is_one_date(text, fig):
    f = one(text)
    assert (f.text, f.kind) == (fig, "date")
