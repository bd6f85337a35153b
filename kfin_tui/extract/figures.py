"""Figures: money, percent, multiple, count, date and range (see shared spec/extraction.md).

One permissive pattern reads approximation word + sign + number + magnitude + unit at once, so that no
rule can eat the start of another (``超38倍`` is one multiple, never a count ``超38`` and a stray
``倍``). Python then decides the kind from the unit, joins ``A-B`` / ``A至B`` ranges, and drops what
is not a figure (bare numbers, codes, models, idioms). Dates have their own pattern and win overlaps.

Matching runs on a length-preserving NFKC form of the text, so offsets index the original text.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .model import Figure
from .numerals import CN_DIGITS, magnitude, parse_number
from .segment import lcut
from .spans import Occupancy

# --- vocabulary -----------------------------------------------------------------------------------
APPROX_WORDS = ["近乎", "不超过", "不超", "超过", "不足", "不到", "将近", "接近", "大约", "约", "逾", "超", "近"]
CURRENCIES = ["美元", "港元", "港币", "欧元", "日元", "英镑", "韩元", "澳元", "加元", "新台币", "台币", "人民币", "美金", "美分",
              "卢布", "新加坡元", "新元", "瑞郎", "港仙", "瑞士法郎", "法郎", "瑞典克朗", "丹麦克朗", "挪威克朗", "克朗", "泰铢",
              "林吉特", "印尼盾", "越南盾", "卢比", "雷亚尔", "比索", "里拉", "兰特", "印度卢比", "巴西雷亚尔", "墨西哥比索",
              "菲律宾比索", "阿根廷比索", "土耳其里拉", "南非兰特", "马来西亚林吉特", "俄罗斯卢布", "奈拉", "埃及镑", "新西兰元", "令吉",
              "里亚尔", "沙特里亚尔", "迪拉姆", "分钱", "澳分", "欧分", "元"]
# (7.4 分钱: fen, as the press writes a price's rise; 1,400 澳分: the wool price index in Australian cents)
# 亿元新台币, 万元人民币: the currency named after 元 is the unit
CURRENCIES += ["元" + c for c in ("人民币", "新台币", "台币", "港币", "美元", "日元", "韩元", "欧元")]
PER_UNITS = ["kWh", "GWh", "MWh", "Wh", "W", "千瓦时", "兆瓦时", "度电", "平方英尺", "立方米", "公里", "英里", "磅", "蒲式耳", "标准箱", "TEU", "吨", "股", "件", "台", "片", "辆", "平方米", "平米", "斤", "公斤",
             "千克", "克", "盎司", "桶", "月", "年", "人", "张", "次", "份", "套", "个", "颗", "枚", "瓦", "度", "瓶", "杯", "盒", "箱",
             "包", "只", "头", "升", "部", "晚", "天", "小时", "周", "千瓦", "兆瓦", "千tokens", "百万tokens", "万tokens",
             "tokens", "千Tokens", "百万Tokens", "Tokens"]
PERCENT_UNITS = ["个百分点", "百分点", "个基点", "基点", "个bp", "个BP", "‰", "%", "bps", "bp", "BP", "pcts", "pct", "ppt"]
MEASURES_CJK = [
    "个季度", "个交易日", "个工作日", "个月", "人次", "万吨", "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "兆瓦", "吉瓦",
    "公里", "千米", "公斤", "千克", "小时", "分钟", "家", "个", "款", "次", "人", "名", "位", "台", "片", "枚", "手",
    "辆", "户", "股", "只", "项", "件", "套", "条", "部", "座", "张", "份", "笔", "单", "场", "艘", "架", "颗", "块",
    "所", "支", "篇", "例", "头", "亩", "吨", "米", "瓦", "度", "桶", "克", "斤", "盎司", "年", "天", "周", "秒", "票", "宗", "席", "双", "万千升", "千升",
    "岁", "期", "轮", "种", "类", "批次", "批", "层", "处", "座", "站", "辆次", "元", "间", "组", "班", "城", "伙", "列",
    "瓶", "箱", "罐", "盒", "锭", "针", "课时", "船次", "兆瓦时", "吉瓦时", "太瓦时", "瓦时", "亿千瓦时", "英寸", "英尺", "英里", "海里", "公顷", "标准箱", "标箱", "标准组", "剂", "毫米", "厘米",
    "页", "纳米", "微米", "平方千米", "平方英尺", "升", "毫升", "马力", "克拉", "磅", "帧", "像素", "核", "摄氏度", "℃", "千伏",
    "伏", "立方英尺", "蒲式耳", "个交易日", "万吨标准煤", "毫克", "分钟", "人民币", "干吨", "万干吨", "湿吨", "万湿吨",
    "大类", "档", "粒", "株", "道", "集", "首", "根",
]
MEASURES_LATIN = ["TWh", "GWh", "MWh", "kWh", "Wh", "GW", "MW", "kW", "mAh", "Ah", "GHz", "MHz", "Hz", "nm", "mm",
                  "cm", "km/h", "km", "GB", "TB", "PB", "MB", "EB", "W", "TOPS", "TFLOPS", "PFLOPS", "EFLOPS", "FLOPS",
                  "Tbps", "Gbps", "Mbps", "kV", "TEU", "°C", "tokens", "Tokens", "token", "Token",
                  # hash rates (全网算力 180 EH/s, 单台 110 TH/s)
                  "EH/s", "PH/s", "TH/s", "GH/s", "MH/s"]
# single Chinese digits (两 … 九) count only with these; 一 never (一起, 一位, 一方面, 一点)
SMALL_CN_MEASURES = {"个", "家", "款", "项", "次", "名", "位", "台", "件", "年", "个月", "个季度", "天", "周", "种"}
MONEY_CUES = ["市场规模", "规模", "营收", "收入", "利润", "亏损", "融资", "估值", "市值", "投资", "金额", "资金", "消耗",
              "销售额", "成交额", "交易额", "GMV", "营业额", "净额", "现金", "资产", "负债", "补贴", "罚款", "花费", "成本",
              "费用", "开支", "预算", "募资", "出资", "注资", "价值", "薪酬", "税", "贷款", "存款", "保费", "订单金额", "总价",
              "买单", "认购", "申购", "成交", "净买入", "净卖出", "买入", "卖出", "流入", "流出", "募集", "财富", "身家",
              "退款", "冻结", "赔偿", "罚没", "出售", "转让", "拍卖", "作价", "对价", "授信", "额度", "回款", "净流入",
              "净流出", "缴纳", "支付", "收益", "盈利", "净赚", "赚", "亏", "花", "发行", "债", "门槛", "获批", "总额"]
COUNT_CUES = ["用户", "人数", "买家", "商家", "客户", "粉丝", "次数", "数量", "量", "人次", "观看", "下载", "访问",
              "员工", "语料", "参数", "个", "家"]
CONTEXT_WORDS = sorted({"同比增长", "同比下降", "同比减少", "同比提升", "同比上升", "环比增长", "环比下降", "环比减少", "环比提升", "同比", "环比", "增速", "增幅", "降幅", "涨幅", "跌幅", "营业收入", "营收", "总收入", "收入", "净利润", "经调整净利润", "归母净利润", "扣非净利润", "归母净利", "净利", "净亏损", "亏损", "毛利率", "净利率", "毛利", "市场份额", "份额", "市场规模", "规模", "市值", "估值", "融资", "现金流", "经营性现金流净额", "现金及现金等价物", "现金", "股价", "目标价", "收盘价", "发行价", "出货量", "销量", "交付量", "装机量", "产量", "产能", "订单量", "销售额", "成交额", "GMV", "月活", "日活", "用户", "渗透率", "市占率", "占比", "利润", "分红", "股息率", "回购", "收购", "募资", "营业利润", "研发投入", "研发费用", "负债率", "资产", "总资产", "净资产", "营业额", "利率", "贷款", "存款", "降准", "加息", "降息", "汇率", "指数", "涨", "跌", "下跌", "上涨", "增长", "下降", "提升", "减少", "搜索量", "观看", "商家", "买家", "客户", "用户数", "人数", "消耗", "投资", "补贴", "价格", "单价", "成本", "报价", "售价", "均价", "中标单价", "配售价", "入场费", "冻资", "出口", "进口", "交付", "发货量", "出货", "净息差", "不良贷款率", "拨备覆盖率", "资本开支", "营业总收入", "运价", "金价", "油价", "电价", "成交量", "换手率", "市盈率", "超额认购", "募资额", "门店数", "员工", "研发人员", "利息", "现金红利", "红利", "股息", "派息", "市销率", "市净率", "新业务价值", "净值", "单位净值", "累计净值", "印花税", "税率", "费率", "佣金", "保证金"}, key=len, reverse=True)
CONTEXT_AFTER = re.compile(r"的?(市场份额|份额|市占率|增长|增速|增幅|毛利率|占比|涨幅|跌幅|用户|商家|客户|门店|员工)")

CONTEXT_RE = re.compile("|".join(re.escape(w) for w in CONTEXT_WORDS))

# --- patterns -------------------------------------------------------------------------------------
def _alt(words):
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

# thousands separators (ASCII, or full-width ， after NFKC) only in number shape: 1-3 digits, then groups of
# exactly three; 2021，100家 is a year and a clause, not 2021100
NUM_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
NUM_CN = r"(?:[数几][十百千万亿]+|[零〇一二两三四五六七八九十百千万亿]*[二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*|[一二两三四五六七八九])"
MAG = r"(?:[十百千]?万亿|[十百千]?亿|[十百千]?万|千(?![瓦米克]))"
EVENTS = r"起(?![售步价跳始点飞来码诉草源见因伏色量投拍租付购息征算])"  # 38起 (events), not iPhone 16起售价
# 1 分/千瓦时, 0.3分/度: a tariff in fen (or li) per unit of power or gas; 分 and 厘 alone are no currency
PRICE_IN_CENTS = r"[分厘]/(?:千瓦时|度电|度|kWh|立方米|方)"
UNIT = (
    r"(?:(?:" + _alt(CURRENCIES) + r")(?:/(?:" + _alt(PER_UNITS) + r"))?"
    r"|" + PRICE_IN_CENTS +
    r"|" + _alt(PERCENT_UNITS) +
    r"|倍|成(?![本功立长交为员绩果熟])"
    r"|(?:" + _alt(MEASURES_LATIN) + r")(?![A-Za-z0-9])"
    r"|(?:" + _alt([u for u in MEASURES_CJK if u not in ("年", "类", "批", "项")]) + r"|年(?![期级代])|类(?![似型别比推])"
    r"|批(?![价复准])|项(?!下的)|船(?![厂企东舶只体坞员])"  # 国窖1573批价 (a wholesale price), 2106.90项下的 (a tariff line)
    r"|趟|车(?![型间道企主规身位展联库辆险价贷队厂友商载用])"
    r"|点(?![0-9一二三四五六七八九十半钟])"
    r"|(?<=[十百千万亿余多 \u00a0])(?:[把顶节口]|门(?![店槛户类口票诊窗禁市面板]))"  # (600万把, 1,200 余口, 8,000 顶,
    # 12 门课程: these measures only after a magnitude, 余 or a space (where the spaced measures' guard reads the word
    # they may begin); glued to a number they begin words: 节点, 顶级, 门店
    r"|(?<=[0-9余多 \u00a0])(?:省份|省(?![级内会钱去下委政长市区份]))"  # (13 省, 31省份, 10余省份; not 2022省级, 10万亿省份)
    r"|" + EVENTS + r")"
    r")"
)
# measure words of counts a scraped text sets off by a space too (603 家, 3,000 台, 94 起)
SPACED_COUNTS = ["家", "只", "台", "辆", "款", "项", "名", "位", "件", "笔", "艘", "架", "套", "户", "例", "万手", "手", "个",
                 "人", "票", "次", "条", "座", "宗", "吨", "万吨", "点", "公里", "席", "双", "万双", "单", "场", "组", "间",
                 "头", "份", "股", "班", "部", "张", "篇", "枚", "支", "颗", "块", "片", "批", "轮", "种", "类", "处", "站",
                 "所", "城", "批次", "千瓦时", "万千瓦时", "亿千瓦时", "千瓦", "万千瓦", "平方米", "万平方米", "立方米", "万立方米",
                 "亿立方米", "公斤", "千克", "小时", "伙", "列", "干吨", "万干吨", "湿吨", "万湿吨", "亩", "万亩", "公顷",
                 "平方公里", "天", "车", "趟", "瓶", "箱", "罐", "盒", "期", "船", "船次", "锭", "万锭", "针", "口", "把", "万把", "节", "课时", "顶", "万顶", "米", "岁", "标准组", "标准箱", "万标准箱", "剂", "亿剂", "万剂",
                 "页", "秒", "分钟", "兆瓦", "吉瓦", "兆瓦时", "吉瓦时", "太瓦时", "大类", "档", "升", "千升", "万千升", "克",
                 "粒", "门", "省", "省份", "株", "道", "集", "首", "根", "层"]
SPACED_COUNT_SET = frozenset([*SPACED_COUNTS, "起"])
_METALS_OF_CONTRACTS = frozenset("铜铝锌铅镍锡")  # (a metal's three-month contract: 三个月期铜)
# the words 多元 begins where a bare 万 before it is a name's (申万多元金融指数), not an amount (获利万多元)
_DIVERSIFIED_AFTER = ("金融", "化", "发展", "经营", "布局", "业务", "投资", "配置", "资产", "文化", "产业")
# what a unit's last character begins instead of closing it (20亿澳分公司: 澳 Australia; 100道口, 12亿道路)
_WORD_AFTER_UNIT = {"集": ("团", "中", "体", "成", "合", "资", "聚", "结", "装", "市", "群", "散", "采", "约", "训", "会", "锦", "邮", "运", "控", "齐",
                          "卡", "港", "疏", "输"),
                    # (1,000 首 songs; not 首次, 首日, 首发, 首批, 首家, 7.884亿首超 …: a first)
                    "首": ("次", "日", "发", "批", "家", "个", "位", "款", "单", "笔", "都", "付", "选", "映", "播", "届", "秀",
                          "度", "期", "轮", "例", "创", "席", "富", "页", "先", "要", "推", "尾", "府", "长", "相", "季", "年",
                          "月", "周", "笔", "只", "部", "台", "套", "条", "站", "场", "位", "枚", "座", "艘", "辆", "架", "款",
                          "超", "破", "达", "登", "现", "进", "入", "获", "遭", "亏", "盈", "涨", "跌", "降", "升", "提", "开"),
                    "新元": ("素", "件", "宇宙", "年", "旦", "古", "代", "器"),
                    "澳分": ("析", "公司", "别", "歧", "红", "支"), "欧分": ("析", "公司", "别", "歧", "红", "支"),
                    "道": ("口", "路", "琼", "指", "德", "理", "歉", "具", "教", "家", "观", "行", "地", "岔", "场"),
                    # (150 根 rods, 3根K线; not 根据, 根本, 根源 …: words 根 begins)
                    "根": ("据", "本", "源", "基", "除", "治", "深", "系", "部", "茎", "植", "号", "底", "由", "须", "性", "雕", "骨",
                          "脉", "廷")}


def jieba_freq(word: str) -> int:
    """jieba's frequency of ``word`` (jieba loaded with the company words first, as the company
    pass loads it: the same answer whichever pass asks first)."""
    from .segment import ensure_jieba

    ensure_jieba()
    import jieba

    return jieba.dt.FREQ.get(word, 0)
# units a scraped text may set off by a space (3000 万元, 6.5 亿, 12 %, 305.20 港元, 100 GW)
SPACED_UNIT = r"(?:" + PRICE_IN_CENTS + "|" + _alt(CURRENCIES + PERCENT_UNITS + MEASURES_LATIN + ["倍"] + SPACED_COUNTS) + "|" + EVENTS + r")"
SPACE = r"[ \u00a0]"
FIG_RE = re.compile(
    r"(?P<approx>" + _alt(APPROX_WORDS) + r"|上(?=[百千万亿]))?"
    r"(?P<sign>(?<![0-9A-Za-z.])[-−+]|负)?"
    r"(?<![0-9A-Za-z._])(?:(?<![A-Za-z][-−])|(?=[0-9]+(?:\.[0-9]+)?%))"  # (PD-1单抗, COVID-19: a name's number; DAX-1.2%: a change)
    r"(?:(?P<ar>" + NUM_AR + r")|(?P<cn>" + NUM_CN + r"))"
    r"(?P<post1>余|多|几)?"
    # a space before a magnitude (3000 万) only when the magnitude ends the number: a unit, no word, or
    # the other end of a range after it (9 万至 10 万元); before a spaced unit, maybe after 余 (2,400 余户)
    r"(?(ar)(?:" + SPACE + r"(?=" + MAG + r"(?:" + SPACE + r"?" + UNIT + r"|[^\u4e00-\u9fff]|$|[至到]" + SPACE
    + r"?[0-9]|(?<=[万亿])(?![科达家向象物纬航联邦通华顺丰润隆盛辰泰安业元])(?!和(?![ \u00a0]?[0-9]))" + r")|[余多]?" + SPACED_UNIT
    + r"|[余多]" + MAG + r"(?:" + SPACE + r"?" + UNIT + r")))?)"
    # (1,200 余万港元: the count's 余 after the space, then the magnitude)
    r"(?P<post0>(?<=[ \u00a0])[余多](?=" + MAG + r"))?"
    r"(?P<mag>" + MAG + r")?"
    r"(?P<post2>余|多)?"
    r"(?:" + SPACE + r"(?=" + SPACED_UNIT + r"))?"
    r"(?P<unit>" + UNIT + r")?"
)
# ¥+0.0140, ￥3.5亿, US$12, HK$3.2: a currency sign before the number (explicit sign kept)
SIGN_CUR_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<cur>HK\$|US\$|[¥$])\s?(?P<sign>[-−+])?(?P<ar>" + NUM_AR + r")(?P<mag>" + MAG + r")?"
    r"(?P<unit>元|美元|港元)?")
SIGN_CURRENCY = {"¥": "元", "$": "美元", "US$": "美元", "HK$": "港元"}
BOUND_WORDS = {"不超过": "max", "不超": "max", "超过": "min", "超": "min", "逾": "min", "上": "min", "不足": "max", "不到": "max"}
RANGE_SEP = re.compile(r"[ \u00a0]?(?:-|~|～|—|–|至|到)[ \u00a0]?")  # (not a tab or a line end: a table's cells are two figures)
PCT_CN_RE = re.compile(r"(?P<approx>" + _alt(APPROX_WORDS) + r")?(?<![十百千万亿])(?P<base>百|千|万)分之(?P<num>[零〇一二两三四五六七八九十百点0-9.]+)")

YEAR = r"(?:(?:19|20)[0-9]{2}|二〇[零〇一二三四五六七八九]{2})"
# 一季度, 第1季度, 2至3季度, 一至三季度, 第一至三季度, 第一至第三季度; 第一财季 (a fiscal quarter)
QUARTER = (r"(?:第?[一二三四1-4](?:[至到~～-]第?[一二三四1-4])?季度(?!假(?:区|村|酒店))|前[二三两]季度|第[一二三四1-4]财季"
           r"|[Qq][1-4](?![0-9]))")
# 5月, 1-7月, 3至4月, 3—4月 (a period of months: one date), 5月18日, 5月中旬, 三月, 三至四月
_MONTH_NO = r"(?:1[0-2]|0?[1-9])"  # (a month: 1-12; Model 3 月销量, 60 月均线 are none)
_NO_MODEL_BEFORE = r"(?<![0-9.A-Za-z])(?<![A-Za-z] )"  # (iPhone 13 月销量: a model's number)
MONTH = (r"(?:" + _NO_MODEL_BEFORE + _MONTH_NO + r" ?月 ?(?:至|到|-|—|–) ?" + _MONTH_NO + r" ?月(?:份)?"
         r"(?: ?[0-9]{1,2} ?[日号])?"  # 2 月至 5 月, 1月至8月25日: one period
         r"|" + _NO_MODEL_BEFORE + r"(?:[0-9]{1,2}(?:(?:-|~|～|—|–|至|到)[0-9]{1,2})?月"
         r"|" + _MONTH_NO + r"(?:(?:-|~|～|—|–|至|到)" + _MONTH_NO + r")? 月(?!龄|均线|期))(?:份)?"  # (10 月: spaced, 1-12)
         r"(?: ?[0-9]{1,2} ?[日号](?: ?(?:至|到|-|~|～) ?[0-9]{1,2} ?[日号])?|[上中下]旬)?"
         # (11月7日至8日: days of one month, one date; 6月8日至7月30日 is two, as real-dev.json keys it)
         r"|[一二三四五六七八九十]{1,3}(?:[至到~～][一二三四五六七八九十]{1,3})?月(?:份)?(?:[上中下]旬)?)")
# 前11个月, and 前10月 without 个 (the first ten months: one period, 前 part of it; not 此前/目前/之前
# before a month and day: 此前10月15日)
FIRST_MONTHS = (r"前(?:[0-9]{1,2}|[两二三四五六七八九十]|十[一二])个月"
                r"|(?<![目此之以提日事从])前 ?(?:[0-9]{1,2}|[两二三四五六七八九十]|十[一二]) ?月(?![0-9一二三四五六七八九十]|份?[上中下]旬)")
DATE_RE = re.compile(
    r"(?:(?<![0-9A-Za-z.])(?:(?:19|20)[0-9]|[0-9])0[ \u00a0]?|(?<![一二三四五六七八九十])[一二三四五六七八九]十)年代(?![工理表价言替购销偿])|"
    # 90年代, 2030 年代, 八十年代: a decade (not 20年代工经验, 2020年代表: years and a verb)
    # 2022年至2024年, 2018年-2020年上半年: a span of years written with both 年, one date
    r"(?<![0-9A-Za-z])" + YEAR + r"[ \u00a0]?年(?:至|到|-|—|~|～)" + YEAR + r"[ \u00a0]?年(?:度)?"
    r"(?:" + QUARTER + r"|[上下]半年|" + FIRST_MONTHS + r"|" + MONTH + r")?"
    r"|(?<![0-9A-Za-z])" + YEAR + r"(?:(?:-|至|到|~)" + YEAR + r")?[ \u00a0]?年(?:度)?"
    r"(?:[ \u00a0]?(?:" + QUARTER + r"|[上下]半年|" + FIRST_MONTHS + r"|" + MONTH + r"))?"  # (2021 年 5 月 18 日)
    r"|" + FIRST_MONTHS +
    r"|(?<![0-9A-Za-z.])[0-9]{2}年(?:" + QUARTER + r"|[上下]半年|" + MONTH + r")"  # 20年一季度, 21年上半年
    r"|(?<![0-9A-Za-z])" + YEAR + r"(?:/[0-9]{2})?(?:财年|学年)(?:第[一二三四1-4]财?季度?|[上下]半年)?"  # 2026财年第二财季, 2026/27财年下半年, 2020学年: one period
    # a season across two years, as crops and trade count them: 2020/21榨季, 2021/22年榨季, 2020/21年度
    r"|(?<![0-9A-Za-z])" + YEAR + r"/(?:[0-9]{2}|" + YEAR + r")(?:年?(?:榨季|产季|销售季)|年度|作物年度)"
    r"|(?<![0-9A-Za-z])" + YEAR + r"(?:Q[1-4]|H[12])(?![0-9A-Za-z])"
    r"|(?<![0-9A-Za-z])" + YEAR + r"(?:第[一二三四1-4]季度|[上下]半年)"  # 2020第四季度: 年 left out
    r"|(?<![个第0-9])" + QUARTER +
    r"|第[一二三四1-4]季度"
    r"|" + MONTH +
    r"|(?<![0-9.])(?<![0-9]月)[0-9]{1,2}日(?![均])"  # 18日, 本月18日 (6月18日 is one date above)
)

PERCENT_SET = set(PERCENT_UNITS)
_HOME_WORD_ENDS = ("庭", "长", "居", "具", "电", "用", "乡", "园", "人")
# units a round magnitude (千万, 百亿) does not count as goods: times, orders, kinds
NOT_GOODS = frozenset({"年", "天", "周", "秒", "小时", "分钟", "个月", "个季度", "岁", "次", "期", "轮", "层", "类", "种",
                       "倍", "成", "点", "个交易日", "个工作日", "城", "伙", "班", "席", "宗", "票"})
BASIS_POINTS = {"个基点", "基点", "个bp", "个BP", "bps", "bp", "BP"}
# a bare round magnitude before what it measures the scale of (千亿市场, 百亿估值, 百亿盐企, 百亿水果商): money
# (not 百亿级, the class of it, nor 百亿农研, a programme's name)
SCALE_MAGNITUDES = frozenset({"百亿", "千亿", "万亿"})
SCALE_AFTER = re.compile(r"(?:市场|估值|赛道|市值|营收|规模(?!参数)|产业|行业)|[\u4e00-\u9fff]{1,2}?[企商](?![业品标场务量谈])")
# a bare magnitude reached or passed is a figure (突破千万, 成交破万亿): not the idiom 千万 (by all means)
REACH_BEFORE = re.compile(r"(?:突破|跌破|冲破|站上|迈过|跨过|达到|高达|超过|逾|破|达)$")
CURRENCY_SET = set(CURRENCIES) | {"分", "厘"}  # (分 and 厘 only in PRICE_IN_CENTS)


def figures(text: str, norm: str, blocked: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """All figures in ``text`` (``norm`` is its length-preserving NFKC form); ``blocked`` spans
    (company names, ticker codes) never hold a figure."""
    cands: list[tuple] = []  # (start, end, kind, value, unit, approx[, value_high])
    for m in DATE_RE.finditer(norm):
        if m.group().endswith("日") and not re.search("[年月]", m.group()) and _clock_or_noise(norm, m):
            continue
        if m.group().startswith("第") and not m.group().endswith(("季度", "财季")):
            continue
        kind = "range" if re.match(YEAR + r"(?:至|到)" + YEAR + r"年$", m.group()) else "date"  # 2022至2023年
        cands.append((m.start(), m.end(), kind, None, "", False))
    for m in PCT_CN_RE.finditer(norm):
        v = parse_number(m.group("num"))
        if v is not None:
            if m.group("base") == "千":  # 千分之一: 0.1%
                v = float(f"{v / 10:.10g}")
            elif m.group("base") == "万":  # 万分之2.6 (a commission rate): 0.026%
                v = float(f"{v / 100:.10g}")
            cands.append((m.start(), m.end(), "percent", v, "%", bool(m.group("approx"))))
    for m in SIGN_CUR_RE.finditer(norm):
        v = parse_number(m.group("ar"))
        if v is None:
            continue
        v = _scaled(v, m.group("mag") or "")
        if m.group("sign") in ("-", "−"):
            v = -v
        unit = m.group("unit") or SIGN_CURRENCY[m.group("cur")]
        cands.append((m.start(), m.end(), "money", v, unit, False))
    for m in FIG_RE.finditer(norm):
        c = _classify(norm, m)
        if c is not None:
            cands.append(c)
    cands.extend(_compound_numbers(norm, cands))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2] != "date"))
    out: list[Figure] = []
    last_end = -1
    prev_end = 0
    taken = Occupancy(len(norm), blocked)
    for c in cands:
        s, e, kind, value, unit, approx = c[:6]
        if unit == "分钱" and _CLOCK_BEFORE.search(norm, max(0, s - 4), s):
            continue  # 10点30分钱江新城: a clock's minutes, then a place, no money
        if s < last_end or taken.overlaps(s, e):
            continue
        last_end = e
        high = c[6] if len(c) > 6 else None
        if not approx and kind != "date" and norm.startswith("左右", e):
            approx = True
        ctx = context_of(norm, s, e, kind, prev_end)
        if (not ctx or _VERB_END.fullmatch(ctx)) and kind != "date" and out and out[-1].kind != "date" \
                and CONNECTOR.fullmatch(norm, prev_end, s):
            # 下调10个基点至4.20%, 毛利率由40%提升至45%: the level of the same metric
            ctx = _metric_of(out[-1].context) or ctx
        last = next((f for f in reversed(out) if f.kind != "date"), None)
        if kind == "count" and not unit and last is not None and last.kind == "money" and "/" not in last.unit \
                and s - last.end <= 16 and not re.search(r"[。！？；;\n]", norm[last.end:s]) \
                and not any(c in norm[last.end:s] or c in ctx for c in COUNT_CUES):
            kind = "money"  # 净利润6500万元，较二季度的4200万: a bare magnitude next to an amount is one too
        out.append(Figure(text[s:e], kind, value, _unit_name(unit), approx, s, e, ctx, high, _bound(norm, s)))
        prev_end = e
    _shared_currency(norm, out)
    return out


COMPOUND_HEAD = re.compile(r"(?<![0-9.])[0-9]{1,4}(?P<mag>[万亿])")
COMPOUND_BELOW = {"万": 1e4, "亿": 1e8}


def _compound_numbers(norm: str, cands: list[tuple]) -> list[tuple]:
    """9万4947吨, 1亿2000万元, 3万5千人: a magnitude followed at once by a smaller number is one
    figure (94947吨, 1.2亿元), not two; the kind and unit are those of the smaller part."""
    by_start: dict[int, tuple] = {}
    by_end: dict[int, tuple] = {}
    for c in cands:
        if c[2] in ("money", "count") and len(c) == 6:
            by_start.setdefault(c[0], c)
            by_end.setdefault(c[1], c)
    out = []
    for m in COMPOUND_HEAD.finditer(norm):
        tail = by_start.get(m.end())
        head = by_end.get(m.end())  # 9万, or 约1万 with its approximation word
        if tail is None or head is None or head[0] > m.start() or head[4] or tail[3] is None:
            continue
        if not 0 < tail[3] < COMPOUND_BELOW[m.group("mag")]:
            continue
        value = float(f"{float(m.group()[:-1]) * COMPOUND_BELOW[m.group('mag')] + tail[3]:.10g}")
        out.append((head[0], tail[1], tail[2], value, tail[4], head[5] or tail[5]))
    return out


LIST_JOIN = re.compile(r"(?:、|,|和|及|与|或)")


def _shared_currency(norm: str, out: list[Figure]) -> None:
    """分别为12亿、6亿、6亿美元: bare magnitudes listed before an amount share its currency (money)."""
    for i in range(len(out) - 2, -1, -1):
        f, g = out[i], out[i + 1]
        if f.kind == "count" and not f.unit and g.kind == "money" and LIST_JOIN.fullmatch(norm, f.end, g.start):
            out[i] = dataclasses.replace(f, kind="money")


CONNECTOR = re.compile(r"(?:降|升|增|涨|跌|回落|提升|提高|下调|上调|下降|上升|增长|减少|降低|上涨|下跌|增加|扩大|收窄)?(?:至|到)"
                       r"|达到|达")
_VERB_END = re.compile(r"(?:同比|环比)?(?:下调|上调|下降|上升|增长|减少|提升|提高|降低|回落|上涨|下跌|增加|扩大|收窄|涨|跌)$")


def _metric_of(context: str) -> str:
    """LPR下调 → LPR; 同比增长 → '' (a change, not a level)."""
    rest = _VERB_END.sub("", context)
    return rest if len(rest) >= 2 and rest not in ("同比", "环比") else ""


def _unit_name(unit: str) -> str:
    """亿元新台币 → 新台币, 元人民币 → 人民币 (the named currency), other units as written."""
    base, sep, per = unit.partition("/")
    if len(base) > 1 and base[0] == "元" and base in CURRENCY_SET:
        return base[1:] + sep + per
    return unit


_CLOCK_BEFORE = re.compile(r"[0-9一二三四五六七八九十][点时:：]$")


def _bound(norm: str, start: int) -> str:
    for w in ("不超过", "不超", "超过", "不足", "不到", "超", "逾", "上"):
        if norm.startswith(w, start):
            return "" if w == "上" and not re.match(r"上[百千万亿]", norm[start:start + 2]) else BOUND_WORDS[w]
    return ""


def _clock_or_noise(norm: str, m: re.Match) -> bool:
    before = norm[max(0, m.start() - 1):m.start()]
    if before in ("至", "止") and norm[max(0, m.start() - 2):m.start() - 1] == "截":
        return False  # 截至18日收盘: a day, not the end of a range
    return bool(before) and before in "-~至到"


# what comes right before a bare magnitude that names a table's unit: an opening bracket
# (（百万元）, （人民币百万元）, （单位：百万元）) or a 单位 label (单位：百万元)
BRACKET_UNIT_BEFORE = re.compile(r"[(（](?:单位[:：]\s?)?(?:人民币|美元|港元|港币)?$")
UNIT_LABEL_BEFORE = re.compile(r"单位[:：]\s?(?:人民币)?$")
# a count set off by a space (603 家) is not read where the number ends a Latin name (Mate 70 手机,
# Windows 11 家庭版, Top 50 名单) or the measure word begins a word of its own (手机, 台北, 项目)
LATIN_WORD_SPACE_BEFORE = re.compile(r"(?<![A-Za-z0-9.\-])[A-Za-z][A-Za-z0-9.\-]* $")
ACRONYM = re.compile(r"[A-Z]{2,5} ")
# an acronym's number counts (地方AMC 59 家, ABS 15 笔交易, 供应链ABS 62 单; 消耗APT 150 吨，: other units only before
# punctuation or the end; 单 not before a model's word: TOP 10 单品, RTX 4090 单卡, ES 8 单电机, GPT 4 单次)
_SONG_WORDS = ("歌", "曲", "单曲", "作品", "音乐", "正版", "原创", "经典", "诗", "以上", "左右")
_MODEL_AFTER_DAN = ("品", "卡", "机", "电", "核", "条", "次", "体", "车", "板", "价", "位", "元", "颗", "张", "通道")
HAS_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
SPACED_WORD_FREQ = 100  # jieba frequency from which measure + next character is read as a word
# 起 counts events (38起并购, 融资事件 94 起) unless it starts from a price, an amount or a year: after
# a price word or 自/从/由 (售价9999起, 自2026起), after a magnitude (1万起购) or before 购/息/售 …
EVENTS_NOT_BEFORE = re.compile(r"(?:价|费|自|从|由|元|起点|门槛|每[晚人位间天月次件张])\s?$")


def _starts_a_word(norm: str, end: int, unit: str) -> bool:
    """The measure word ending at ``end`` begins a word with the next character (手机, 位数, 台北),
    unless that character begins a more frequent word of its own (7 家中国药企: 中国, not 家中;
    40 家中概股: 中概股)."""
    joined = jieba_freq(norm[end - len(unit):end + 1])
    after = max((jieba_freq(norm[end:end + k]) for k in (2, 3, 4) if end + k <= len(norm)), default=0)
    if unit == "家" and after > 0:
        return False  # 28 家中小银行: a firm counted, whatever 家中 would be
    return joined >= SPACED_WORD_FREQ and after < joined


def _year_like(ar: str | None) -> bool:
    """An Arabic number that reads as a year (2026 款, 自2026起), not a count."""
    return ar is not None and len(ar) == 4 and ar[:2] in ("19", "20")


_POLICY_NAME_OPEN = re.compile(r"[“\"「『][\u4e00-\u9fff]{1,4}$")


_SEASON_YEAR_BEFORE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}/$")


def _single(norm: str, m: re.Match):
    """(start, end, kind, value, unit, approx) of one FIG_RE match, or None if it is no figure."""
    ar, cn, unit, mag = m.group("ar"), m.group("cn"), m.group("unit") or "", m.group("mag") or ""
    approx_word, sign = m.group("approx") or "", m.group("sign") or ""
    post = (m.group("post1") or "") + (m.group("post0") or "") + (m.group("post2") or "")
    start, end = m.start(), m.end()
    if ar in ("11", "12") and not sign and not approx_word and start > 0 and \
            (norm[start - 1] == "双" or norm.endswith("双 ", 0, start)):
        return None  # 双11, 双12, 双 11: shopping festivals (a name, as 618 in 618大促)
    if unit == "条" and norm[end:end + 1] in ("”", "\"", "」", "』") and _POLICY_NAME_OPEN.search(norm, max(0, start - 5), start):
        return None  # “新十条”, “金融16条”, “国九条”: a policy's name, no count
    if cn and len(cn) == 1 and norm.endswith(("星期", "礼拜"), 0, start):
        return None  # 星期六年内: a weekday (a firm's name), no number
    if unit == "秒" and norm.startswith("杀", end):
        return None  # 618 秒杀: a flash sale, no seconds
    if unit == "个月" and norm.startswith("期", end) and norm[end + 1:end + 2] in _METALS_OF_CONTRACTS:
        return None  # LME三个月期锡: a contract's tenor, part of its name (not 三个月期货, 3个月期和6个月期Shibor)
    if unit == "首" and end < len(norm) and HAS_CJK_CHAR.match(norm, end) and not norm.startswith(_SONG_WORDS, end):
        # 小米13首销, 2022首颗卫星, 上证50首支期权, 7.884亿首超: a first; songs only before punctuation or a word for them
        shorter = FIG_RE.match(norm, start, end - len(unit))
        return _single(norm, shorter) if shorter is not None and shorter.end() > start else None
    if unit == "株" and norm.startswith("洲", end):
        return None  # 3株洲企业: the city 株洲, no plants counted
    if ar and len(ar) == 2 and not sign and not approx_word and _SEASON_YEAR_BEFORE.search(norm, max(0, start - 5), start):
        return None  # 2020/21种植季: the second year of a season written across two, no count (榨季 … are dates above)
    if unit and unit in SPACED_COUNT_SET and norm[end - len(unit) - 1:end - len(unit)] == " ":
        num_start = start + len(m.group("approx") or "") + len(m.group("sign") or "")
        latin = LATIN_WORD_SPACE_BEFORE.search(norm, max(0, num_start - 24), num_start)
        if (latin and not (ACRONYM.fullmatch(latin.group())
                           and (unit in ("家", "只", "笔", "宗") or (unit == "单" and not norm.startswith(_MODEL_AFTER_DAN, end))
                                or end == len(norm) or not HAS_CJK_CHAR.match(norm, end)))
                and "," not in (ar or "")) or \
                _year_like(ar) or (unit == "位" and norm.startswith("数", end)) or \
                (end < len(norm) and _starts_a_word(norm, end, unit)):
            return None  # Mate 70 手机, Windows 11 家庭版, 2026 款, 2 位数 (but 地方AMC 59 家, ABS 62 单: counted)
    if unit in _WORD_AFTER_UNIT and norm.startswith(_WORD_AFTER_UNIT[unit], end):
        shorter = FIG_RE.match(norm, start, end - len(unit))
        return _single(norm, shorter) if shorter is not None and shorter.end() > start else None  # (约20亿澳分公司: 约20亿)
    if unit == "起" and (mag or EVENTS_NOT_BEFORE.search(norm, max(0, start - 3), start) or _year_like(ar)):
        # 售价9999起, 1万起购, 自2026起: a starting price, amount or year; the number without 起
        shorter = FIG_RE.match(norm, start, end - 1)
        return _single(norm, shorter) if shorter is not None and shorter.end() > start else None
    if cn in ("千", "百") and not unit and not mag and not post:
        return None  # 不足千禾的十分之一: a bare 千 before a name, no number
    if cn:
        if cn == "万" and post == "多" and unit == "元" and not approx_word and not sign and start > 0 and \
                "\u4e00" <= norm[start - 1] <= "\u9fff" and norm.startswith(_DIVERSIFIED_AFTER, end):
            return None  # 申万多元金融指数: a name's 万 and the word 多元, no amount (获利万多元 is one)
        if cn[0] in "数几":
            num, approx_num = None, True
        elif _or_next(cn):
            # 四五天, 两三百辆: "N or N+1", read at the low end (四五 → 4, 两三百 → 200), approximate
            num, approx_num = parse_number(cn[0] + cn[2:]), True
            if num is None:
                return None
        else:
            num, approx_num = parse_number(cn), False
            if num is None:
                return None
        if unit == "位" and norm.startswith("数", end):
            return None  # 两位数增长, 三位数: the number of digits, an idiom
        single = len(cn) == 1 and cn in CN_DIGITS
        if len(cn) > 1 and all(c in CN_DIGITS for c in cn) and not _adjacent_pair(cn):
            return None  # 五一, 二〇二四 without 年: holidays, names, years (the date pattern reads years)
        if (cn == "一" and unit not in ("倍", "成")) or (single and unit not in SMALL_CN_MEASURES and unit not in ("倍", "成")):
            return None
        if not unit and not mag and cn[-1] not in "万亿" and not (approx_word and cn[-1] in "十百千"):
            return None
        reached = bool(re.fullmatch(r"[十百千]?[万亿]+|[百千]", cn)) and bool(REACH_BEFORE.search(norm, max(0, start - 2), start)) \
            and (len(cn) > 1 or (unit != "" and unit not in NOT_GOODS))  # (突破千公里: a bare 千 only with its measure)
        if not unit and not approx_word and not sign and cn in SCALE_MAGNITUDES and SCALE_AFTER.match(norm, end) and \
                not (start > 0 and norm[start - 1] in CN_DIGITS):
            return start, end, "money", num, "", False
            # 千亿市场, 百亿盐企, 百亿水果商: a market's or a firm's scale in money, written as a bare magnitude
        money_word = bool(re.fullmatch(r"[十百千]?[万亿]+", cn)) and unit.split("/")[0] in CURRENCY_SET
        if money_word and not approx_word and not sign and not post and \
                ((BRACKET_UNIT_BEFORE.search(norm, max(0, start - 8), start) and norm.startswith((")", "）"), end))
                 or UNIT_LABEL_BEFORE.search(norm, max(0, start - 6), start)):
            return None  # 营业总收入（百万元）, 单位：百万元: the unit a table is given in, no amount
        if not unit and not (any(c in CN_DIGITS for c in cn) or approx_word or cn[0] in "数几" or reached):
            return None  # 百万, 千万 without a digit or approximation: idioms
        if unit == "成" and not single:
            return None
        if cn == "二" and unit != "成":
            return None  # 二次上市, 二手: ordinals and words; counts say 两
        several = cn[0] in "数几" and (cn[-1] in "万亿" or unit.split("/")[0] in CURRENCY_SET)
        # 千万吨, 百万辆, 千万盒: a round magnitude of goods (but not 万吨级, 千万年, 万家)
        goods = bool(re.fullmatch(r"[百千]万|[十百千]亿|万亿", cn)) and unit not in NOT_GOODS \
            and not norm.startswith("级", end) and not (unit == "家" and norm.startswith(_HOME_WORD_ENDS, end))
        # (千万家庭, 百万家居: 家 begins a word, no count)
        if unit and not approx_word and not any(c in CN_DIGITS for c in cn) and cn[0] != "十" \
                and not (money_word or reached or several or goods or (cn in ("百", "千") and post)):
            # (百余万亩, 千余家: over a hundred, a thousand, counted)
            return None  # 每百元, 千家万户 (but 百亿元, 突破万亿元, 数百万美元 are amounts)
        if _preceded_by_ordinal(norm, start + len(approx_word) + len(sign)):
            return None
    else:
        num, approx_num = parse_number(ar), False
        if unit == "成" and not re.fullmatch(r"[1-9]", ar):
            return None
        if unit == "点" and (re.search(r"(?:上午|下午|晚上|凌晨|早上|中午|晚|早)$", norm[max(0, start - 2):start])
                            or (num is not None and num < 24 and "." not in ar and not approx_word)):
            return None  # 下午3点, 10点: clock times
        if _preceded_by_ordinal(norm, start + len(approx_word) + len(sign)):
            return None
    has_mag = bool(mag) or bool(cn and (cn[-1] in "万亿" or (approx_word and cn[-1] in "十百千") or cn[0] in "数几"))
    if unit and not approx_word and not sign and start > 0 and norm[start - 1] == "每" and \
            unit not in PERCENT_SET and unit.split("/")[0] not in CURRENCY_SET and unit != "倍":
        return None  # 每10股派3元, 每100元: the base of a ratio, not a figure
    if unit == "元" and not mag and norm.startswith("钱", end):
        return None  # 1元钱, 几块钱: idioms of small change
    if not unit and not has_mag:  # bare numbers (codes, models, 100多) are no figures
        return None
    value = None if num is None else _scaled(num, mag)
    if value is not None and (sign in ("-", "−", "负")):
        value = -value
    approx = bool(approx_word or post or approx_num)
    if unit in ("倍",):
        return start, end, "multiple", value, "倍", approx
    if unit in PERCENT_SET or unit == "成":
        if unit == "成" and value is not None:
            value *= 10
        if unit in BASIS_POINTS and value is not None:
            value = float(f"{value / 100:.10g}")  # 150个基点: a change of 1.5 percentage points
        return start, end, "percent", value, "%" if unit == "成" else unit, approx
    base_unit = unit.split("/")[0]
    if base_unit in CURRENCY_SET:
        return start, end, "money", value, unit, approx
    if unit:
        if unit == "年" and ar and len(ar) == 4 and ar.startswith(("19", "20")):
            return None  # a year: the date pattern reads it
        return start, end, "count", value, unit, approx
    # magnitude only: money in a money context, else a count
    kind = "money" if _money_context(norm, start, end) else "count"
    return start, end, kind, value, "", approx


# a change of a holding before "A至B": A is the change and B the holding left (减持7万股至12万股)
# (a plan, 拟增持1亿元至2亿元, gives a range)
HOLDING_CHANGE_BEFORE = re.compile(r"(?!.*(?:拟|计划|将|预计|不低于|不超过|不少于|区间|之间))"
                                   r".*(?:增持|减持|加仓|减仓)[^，。；;,\s0-9]{0,16}$")


_CHANGE_VERBS = (r"(?:增加|减少|净增|净减|下降|上升|回落|回升|降低|提高|扩大|收窄|缩减|缩小|攀升|下滑"
                 r"|上调|下调|调升|调降|调高|调低|上涨|下跌|上浮|下浮|压降)")
# a change of a quantity before "A至B" (库存增加1,380吨至12.4万吨, 合同负债增加18.6亿元至42.3亿元): A is
# the change and B the level reached, two figures; not in a plan or a forecast (预计增加5亿元至8亿元),
# and not for percentages (同比增长15%至20% is a range of growth)
QUANTITY_CHANGE_BEFORE = re.compile(r"(?!.*(?:拟|计划|将|预计|预期|有望|不低于|不超过|不少于|区间|之间|约|或))"
                                    r".*" + _CHANGE_VERBS +
                                    r"[^，。；;,\s0-9至到]{0,2}[ \u00a0]?$")  # (上调至 A 至 B: the level, a range)


# the same, the change approximate or the verb after 将 as the object's marker (减少约 1,000 亿元至 5,718 亿元,
# 将某某预测下调 600 万部至 7,800 万部): read so only where the level is many times the change, as no range's
# ends are
_CHANGE_VERB = _CHANGE_VERBS + r"约?[ \u00a0]?$"
QUANTITY_CHANGE_BEFORE_LOOSE = re.compile(r"(?!.*(?:拟|计划|预计|预期|有望|不低于|不超过|不少于|区间|之间|或|同比|环比|同期))"
                                          r"(?!.*将[^，。；;,]{0,3}" + _CHANGE_VERB + r")"  # (将增加: a plan)
                                          r".*" + _CHANGE_VERB)


def _clause_start(norm: str, start: int) -> int:
    """The punctuation mark that opens the clause ``start`` is in (within 30 characters), or -1."""
    return max(norm.rfind(p, max(0, start - 30), start) for p in "，。；;,\n")


def _held_after_change(norm: str, start: int, quantity: bool = False, far: bool = False) -> bool:
    clause = _clause_start(norm, start)
    if HOLDING_CHANGE_BEFORE.match(norm, max(clause + 1, start - 30), start) is not None:
        return True
    strict = QUANTITY_CHANGE_BEFORE.match(norm, max(clause + 1, start - 30), start) is not None if quantity else False
    if not quantity or (not strict and not (far and QUANTITY_CHANGE_BEFORE_LOOSE.match(norm, max(clause + 1, start - 30), start))):
        return False
    # 预计……净利润17.2亿元至18.6亿元，同比增加10.6亿元至12.0亿元: in a forecast's sentence both are ranges
    # (read loosely, in the sentence before too: 预计…4 亿元至 5 亿元。与上年同期相比，…增加约 1 亿元至 3.2 亿元)
    sentence = max(norm.rfind(p, max(0, start - 80), start) for p in "。；;\n")
    if far and not strict:
        sentence = max(norm.rfind(p, max(0, sentence - 120), max(0, sentence)) for p in "。；;\n")
    return FORECAST_IN_SENTENCE.search(norm, sentence + 1, start) is None


FORECAST_IN_SENTENCE = re.compile(r"预计|预告|预增|预减|预亏|预盈")
# a change or a start before two magnitudes of one unit joined by 至/到 (增长5000万至1.5亿元, 由8000万到1.2亿元)
_CHANGE_BEFORE_MIXED = re.compile(r"(?:增长|增加|减少|下降|下滑|增资|追加|压缩|新增|上调|下调|提高|降低|扩大|缩小|提升|上升|增|减|从|由|了)"
                                  r"[^，。；;,]{0,6}$")


def _classify(norm: str, m: re.Match):
    first = _single(norm, m)
    sep = RANGE_SEP.match(norm, m.end())
    if sep is None:
        return first
    m2 = FIG_RE.match(norm, sep.end())
    if m2 is None or m2.group("approx") or m2.group("sign") == "负":
        return first
    second = _single(norm, m2)
    if second is None or second[2] == "date":
        return first
    unit1, unit2 = m.group("unit") or "", m2.group("unit") or ""
    mag1 = m.group("mag") or ""
    if unit1 and unit1 != unit2 and unit2.split("/")[0] != unit1:
        return first  # (4.2 元至 4.5 元/公斤: the same unit, a price per kilogram)
    if not unit1 and mag1 and mag1 != (m2.group("mag") or "") and \
            not (unit2 and first is not None and first[3] is not None and second[3] is not None and second[3] > first[3]
                 and not _CHANGE_BEFORE_MIXED.search(norm, max(0, m.start() - 10), m.start())):
        return first  # (5,000 万至 1.5 亿元: magnitudes of one unit, rising, a range; not after a change or 从/由:
        # 营收增长5000万至1.5亿元, 从5000万至1.5亿元, a change or a start and the level reached)
    if first is None and _preceded_by_ordinal(norm, m.start()):
        return first  # 第3-5名
    if m.group("cn") and not unit1 and sep.group().strip() in ("-", "~", "～", "—", "–"):
        return first
    far = first is not None and first[3] is not None and second[3] is not None and first[3] > 0 and \
        second[3] >= 3 * first[3]  # (a level many times the change: 减少约 1,000 亿元至 5,718 亿元)
    if sep.group().strip() in ("至", "到") and not (first is not None and _round_pair(first[3], second[3]) and
                                                  _per_unit_or_price_change(norm, m.start())) and \
            _held_after_change(norm, m.start(), second[2] != "percent" and first is not None, far):
        # 减持某股7.32万股至12.54万股: what was sold, then what is left, not a range; a bare first
        # number is the low end of the change (每箱上调 4 至 8 元)
        return first
    lo = first[3] if first else _bare_value(m, m2)
    return m.start(), m2.end(), "range", lo, second[4], bool(m.group("approx") or second[5]), second[3]


def _round_pair(a: float | None, b: float | None) -> bool:
    """Two round amounts of one significant digit, the second less than three times the first (上调 3,000 元至
    6,000 元, 成本下降 5,000 元至 8,000 元): the ends of a range of changes, not a change and the level reached
    (增加18.6亿元至42.3亿元, 减少约 1,000 亿元至 5,718 亿元)."""
    if not a or not b or a <= 0 or not a < b < 3 * a:
        return False
    return all(float(f"{v:.1g}") == v for v in (a, b))


_PER_UNIT_OR_PRICE_CHANGE = re.compile(r"每|单[台辆件吨位套]|上调|下调|提价|降价|涨价|调价|调高|调低"
                                       r"|可能|或将|估算|估计|预计|预期|有望")  # (an estimate's range: 出货量可能减少 300 万至 600 万部)


def _per_unit_or_price_change(norm: str, start: int) -> bool:
    """Whether the clause before ``start`` speaks of a price adjusted or an amount per unit (每吨…下降, 车型上调): where a
    change's round ends are a range of changes, not a change and the level reached (研发投入增加 1,000 万元至 2,000 万元)."""
    clause = _clause_start(norm, start)
    return _PER_UNIT_OR_PRICE_CHANGE.search(norm, clause + 1, start) is not None


def _scaled(num: float, mag: str) -> float:
    v = num * magnitude(mag)
    return float(f"{v:.10g}") if v else v


def _bare_value(m: re.Match, m2: re.Match) -> float | None:
    num = parse_number(m.group("ar") or m.group("cn") or "")
    if num is None:
        return None
    return _scaled(num, m.group("mag") or m2.group("mag") or "")


def _adjacent_pair(cn: str) -> bool:
    """两三, 三四, 四五 …: an approximate count, not a digit string."""
    if len(cn) != 2:
        return False
    a, b = CN_DIGITS[cn[0]], CN_DIGITS[cn[1]]
    return b == a + 1 or cn == "两三"


def _or_next(cn: str) -> bool:
    """四五, 两三百, 七八十: two adjacent digits that mean "N or N+1", then at most a magnitude."""
    return len(cn) >= 2 and cn[0] in CN_DIGITS and cn[0] not in "零〇" and cn[1] in CN_DIGITS \
        and _adjacent_pair(cn[:2]) and (len(cn) == 2 or cn[2] not in CN_DIGITS)


def _preceded_by_ordinal(norm: str, pos: int) -> bool:
    return pos > 0 and (norm[pos - 1] == "第" or (norm[pos - 1] in " \u00a0" and norm[pos - 2:pos - 1] == "第"))  # (第 3 期)


def _clause_before(norm: str, start: int, width: int = 18) -> str:
    seg = norm[max(0, start - width):start]
    cut = max(seg.rfind(p) for p in "，。；！？\n,;:：（(“”\"")
    return seg[cut + 1:]


def _money_context(norm: str, start: int, end: int) -> bool:
    after = norm[end:end + 6]
    if re.match(r"(?:的)?(?:市场)?(?:规模|市值|资金|营收|收入|估值|投资|补贴|财富|身家|成交额|资产|现金|净利润?)"
                r"|(?:元)?(?:售出|出售|转让|卖出|买下|拿下|竞得|收购|募资|融资|成交|退款|赔偿|罚款)", after):
        return True
    if re.match(r"(?:名|位)?(?:用户|人|商家|买家|粉丝|次|中文|条|个)", after):
        return False
    before = _clause_before(norm, start, 20)
    best_money = max((before.rfind(c) + len(c) for c in MONEY_CUES if c in before), default=-1)
    best_count = max((before.rfind(c) + len(c) for c in COUNT_CUES if c in before), default=-1)
    return best_money > best_count


# verbs and function words between a metric and its figure (营收达, 毛利率为, 净利润约)
TRAIL_WORDS = {"达到了", "达到", "达", "为", "至", "约", "的", "是", "了", "超过", "近", "超", "有", "共", "计", "共计", "合计", "拥有", "约为", "已", "已经", "将", "再", "仅", "仅为", "只有", "分别", "分别为", "高达", "逾", "在", "有望", "预计", "预期", "或", "将达", "按", "按照", "以", "连续", "大多", "集中在", "可", "仍", "正", "可达", "能", "仍然", "依然", "则", "也", "均", "都", "已达", "突破", "录得", "实现", "报", "收于", "报收", "定为", "维持", "保持", "升至", "降至", "跌至", "涨至", "增至"}
# function words that never begin a context (其中新业务价值 → 新业务价值)
LEAD_WORDS = {"其中", "而", "但", "且", "并", "和", "与", "及", "以及", "或", "其", "该", "此", "这", "那", "由于", "因为", "对于", "随着", "同时", "此外", "另外", "以", "在", "于", "从", "将", "把", "被", "就", "则", "也", "还", "又", "的", "了", "着", "是", "为", "有", "我们", "公司", "今年", "去年", "当年", "目前", "截至", "截止", "此前", "之后", "以来", "期间", "本月", "本周", "本季度", "当月", "上月", "上周", "今日", "昨日", "近日", "日前", "当前", "当日", "当天", "此次", "本次"}
METRIC_END = tuple("率额量值润入价比数费息差模本益利")
COUNT_NOUNS = {"用户", "商家", "客户", "门店", "员工"}
VACUOUS = re.compile(r"(?:您|你|我|他|她|它|咱|大家|我们|你们|他们|这个|那个|这些|那些).*|数字|数据|数值|数目|字数|(?:连续)?[0-9一二两三四五六七八九十多数几近]*[日天年月周次]|连续"
                     # verbs and adverbs that say when or how, not what (未来5年, 截至发稿, 处于)
                     r"|未来|现在|获得|修改|处于|发稿|相当于|直到|披露|左右")


def context_of(norm: str, start: int, end: int, kind: str, floor: int = 0) -> str:
    """The words before a figure that say what it measures (``营收``, ``同比增长``, ``毛利率``,
    ``1年期LPR``), cut at word boundaries, never past the previous figure; or a metric right after it."""
    before = _clause_before(norm, start, 24)
    if start - len(before) < floor:
        before = before[len(before) - (start - floor):] if start > floor else ""
    toks = lcut(before) if before else []
    # drop trailing verbs and function words: the phrase must sit right before the figure
    while toks and (toks[-1] in TRAIL_WORDS or not toks[-1].strip()):
        toks.pop()
    eff = sum(len(t) for t in toks)
    bounds, p = {0}, 0
    for t in toks:
        p += len(t)
        bounds.add(p)
    best, best_end = "", -1
    for m in CONTEXT_RE.finditer(before, 0, eff):
        if (m.start() in bounds or len(m.group()) >= 4) and m.end() in bounds and m.end() >= best_end:
            best, best_end = m.group(), m.end()
    if best and best_end == eff and _VERB_END.fullmatch(best) and LEVEL_BEFORE.search(before):
        metric_end = _metric_before(before, bounds, best_end - len(best))
        if metric_end:  # 毛利率(同比)提升至53%: a level of the metric, not a change
            return _with_modifier(toks, metric_end[1], metric_end[0])
    if best and best_end == eff:
        return _tenor_named(toks, _with_modifier(toks, best_end, best))
    after = CONTEXT_AFTER.match(norm, end)
    if after and kind != "count" and after.group(1) in COUNT_NOUNS:
        after = None  # 20万元/吨的客户: customers are not what a price measures
    phrase = _phrase(toks)
    if phrase and VACUOUS.fullmatch(phrase):
        phrase = ""  # 连续多日, 您制作, 数字: words that do not say what the figure measures
    if (phrase and (not best or phrase.endswith(METRIC_END) or best_end < eff - 3)
            and (phrase.endswith(METRIC_END) or not after)):
        return _tenor_named(toks, phrase)
    if after and (not best or best_end < eff - 3):
        return after.group(1)
    if best:
        return best
    if kind == "date":
        return ""
    return phrase


TENOR = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十]+)(?:年期|个月期?|天期?)")
LEVEL_BEFORE = re.compile(r"(?:至|到)\s?$")


def _metric_before(before: str, bounds: set[int], verb_start: int, max_gap: int = 6) -> tuple[str, int] | None:
    """The last metric word (毛利率, 营收) that ends at a word boundary shortly before a change verb."""
    found = None
    for m in CONTEXT_RE.finditer(before, 0, verb_start):
        word = m.group()
        if (m.start() in bounds or len(word) >= 4) and m.end() in bounds and _metric_of(word) == word:
            found = (word, m.end())
    if found is None or verb_start - found[1] > max_gap:
        return None
    return found


def _tenor_named(toks: list[str], word: str) -> str:
    """1年期MLF利率, 10年期美债收益率: a metric named with its tenor keeps the tenor."""
    named = _phrase(toks, 12)
    if named != word and named.endswith(word) and TENOR.match(named):
        return named
    return word


ATTACHED = {"以上", "以下", "以内", "及以上", "期以上"}  # 5年期以上LPR: never the first word of a context
MODIFIERS = {"静态", "动态", "滚动", "全年", "单季", "单季度", "年化", "加权", "平均", "综合", "整体", "累计"}


def _with_modifier(toks: list[str], end: int, word: str) -> str:
    """静态 + 市销率: one modifier token right before a known metric word belongs to it."""
    p, prev = 0, None
    for t in toks:
        if p + len(t) > end - len(word):
            break
        prev = t
        p += len(t)
    if prev in MODIFIERS and p == end - len(word):
        return prev + word
    return word


def _phrase(toks: list[str], max_chars: int = 6) -> str:
    """The run of content tokens that ends the clause: whole tokens, a number glued to the tenor
    after it (1年期LPR), no leading function words, no Latin fragments, no subject before 拟/将."""
    out: list[str] = []
    n = 0
    cut = False
    for t in reversed(toks):
        if re.fullmatch(r"[0-9.]+", t):
            if out and re.match(r"[年月天日期号]", out[0]) and n + len(t) <= max_chars + 2:
                out.insert(0, t)  # 1年期, 5年期, 92号: a tenor or grade, part of the name
                n += len(t)
            elif out:
                out.pop(0)  # 1元钱可以 → the unit of a number that is no figure is no context
                while out and len(out[0]) == 1:
                    out.pop(0)
            break
        if not re.fullmatch(f"[{CJK_RANGE}A-Za-z0-9]+", t) or t in LEAD_WORDS:
            break
        if t in INNER_CUT and out:
            break  # 某某拟减持 → 减持: the subject before the modal is no context
        if out and n + len(t) > max_chars and out[0] not in ATTACHED:
            cut = True
            break
        out.insert(0, t)
        n += len(t)
    while out and (out[0] in LEAD_WORDS or out[0] in TRAIL_WORDS or (cut and len(out[0]) == 1 and len(out) > 1
                                                                           and out[0] not in PREFIX_CHARS)):
        out.pop(0)  # cut by length: never start with a lone character (视频号 → 号)
    text = "".join(out)
    if len(text) < 2:
        return ""
    if re.fullmatch(r"[0-9A-Za-z.\-]+", text) and not re.fullmatch(r"[A-Z]{2,6}", text):
        return ""  # Long, lite, H100: fragments of names and models; LPR, MLF, GDP stay
    return text


INNER_CUT = {"拟", "将", "仍", "已", "共", "还", "可", "再", "也", "都", "又", "仅", "正", "正在"}
PREFIX_CHARS = set("新总净单日月年毛全老大小高低平均首次副主")
CJK_RANGE = "\u4e00-\u9fff"
