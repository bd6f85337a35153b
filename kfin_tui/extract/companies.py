"""Companies: dictionary names, names given with a ticker, and names a dictionary cannot know.

Sources, strongest first:
1. cashtags ``$快手-W(HK|01024)$`` and the loader's tickers (name + code);
2. dictionary forms (Aho-Corasick, leftmost-longest) that sit on jieba token boundaries; entries of
   kind ``block`` (regulators, exchanges, boards, indexes) shadow what they contain;
3. a bracket of codes after a name ``海油发展（600968.SH）`` — the name is read leftwards;
4. organisation suffixes (集团, 银行, 证券, 科技 …) with a guarded left boundary;
5. Latin names after a cue (研究机构SNE Research) and acquisition targets (收购了…平台一起写).
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter
from typing import NamedTuple

import ahocorasick_rs
import jieba

from ..tickers import Ticker, find_cashtags
from .codes import (
    CODE_ITEMS,
    a_share_code,
    bracket_codes,
    bracket_latin_name,
    find_brackets,
    find_prose_codes,
    opener_positions,
    parse_item,
    parse_items,
)
from .dictionary import LISTING_SUFFIX, Dictionary, Entry, get_dictionary
from .model import Company, Mention
from .names import (
    FUND_PARTNERSHIP_NAME,
    LAST_ITEM_THEN_CLOSE,
    LATIN_AFTER_COMPANY_WORD,
    LATIN_AFTER_COMPANY_WORDS,
    LATIN_BEFORE_COMPANY_WORD,
    LATIN_BEFORE_ROLE,
    LATIN_NOT_FIRM,
    LATIN_ORG_NAME,
    LATIN_UNIT_NAME,
    LATIN_UNIT_WORDS,
    LEGAL_FULL_NAME,
    NOT_A_NAME,
    PARTNERSHIP,
    QUOTED_AFTER_COMPANY_WORD,
    QUOTED_COMPANY_WORDS,
    counted_as_companies,
    counted_bare,
    enumeration_items,
    in_epithet,
    latin_firm_ok,
    latin_name_ok,
    legal_name_ok,
    listed_as_companies,
    named_again_bare,
)
from .segment import LazyBounds, ensure_jieba, lcut, make_room
from .spans import Occupancy
from .textnorm import nfkc_same_length

CJK = r"\u4e00-\u9fff"
STOP_TOKENS = {"的", "了", "在", "与", "和", "及", "以及", "或", "是", "为", "由", "对", "向", "从", "将", "已", "于", "被", "把", "让", "据", "称", "表示", "宣布", "发布", "公告", "披露", "显示", "其中", "包括", "如", "例如", "比如", "同时", "此外", "另外", "今日", "昨日", "近日", "日前", "今天", "昨天", "本周", "上周", "旗下", "子公司", "公司", "企业", "龙头", "股东", "控股股东", "投资", "收购", "入股", "合作", "伙伴", "以", "等", "而", "但", "也", "还", "则", "并", "就", "都", "上市", "港股", "美股", "A股", "概念股", "个股", "成分股", "次新股", "新股", "牛股", "妖股", "白马股", "权重股", "题材股", "绩优股", "强势股", "人气股", "连板股", "小盘股", "大盘股", "主体", "发行人", "其", "该", "这", "那", "此", "受益", "涨", "跌", "大涨", "领涨", "涨停", "跌停", "包含", "来自", "通过", "联合", "携手", "同", "跟", "给", "替", "中", "里", "上", "下", "前", "后", "内", "外", "个", "家", "位", "名", "只", "市场", "行业", "板块", "概念", "龙头股", "之", "所", "着", "过", "又", "再", "即", "系", "属", "归", "称为", "叫", "作为", "成为", "认为", "指出", "预计", "预测", "数据", "报告", "研报", "分析师", "机构", "投行", "券商", "厂商", "巨头", "根据", "看好", "支持", "选择", "成立", "起诉", "推出", "完成", "获得", "引入", "牵手", "联手", "透露", "介绍", "对手", "竞争对手", "竞争", "竞品", "客户", "供应商", "背后", "加入",
               # a firm named by its former name (某某电子原名某某仪表股份有限公司): the words between the names
               "原名", "曾用名", "前身", "前身为", "更名", "更名为", "改名", "改名为", "现名", "原称", "全称",
               "持仓", "布局", "不及", "借壳", "借壳上市"}
# verbs that begin no name: what a fund does with a sector or a stock (重仓半导体的某某基金), a rank against
# another firm (成为仅次于某某有限公司的第二大股东), a plan for a line of business (做强融资租赁); stop tokens
# too, and checked as a name's first characters where jieba cut them apart (做|强融资租赁)
NAME_NEVER_STARTS = frozenset({"仅次于", "次于", "高于", "低于", "超过", "超越", "领先于", "落后于", "相当于", "做强", "做大",
                               "出借", "借入", "融出", "融入",  # (出借证券市值: securities lent, no firm)
                               "投建", "扩建", "募投",  # (募资…投建智能床垫基地: what the money builds)
                               "做优", "做精", "做实", "深耕", "聚焦", "拓展", "发力", "加码", "壮大", "强化", "优化", "重仓",
                               "加仓", "减仓", "建仓", "清仓", "调仓", "超配", "低配", "增配", "减配", "押注",
                               "只能", "只好", "只能靠", "依靠", "必须", "不得不", "需要",
                               "倒欠", "拖欠", "欠", "欠下"})  # (只能靠银行短期贷款, 倒欠银行保证金: no bank)
STOP_TOKENS |= NAME_NEVER_STARTS
# words that open a clause before a name read before its code: conjunctions and prepositions (随着某某集团
# （00546.HK）公布…, 除某某外), and verbs of turning to something (转向标品信托)
STOP_TOKENS |= {"除", "转向", "转投", "投向", "随着", "伴随", "伴随着", "由于", "因为", "鉴于", "基于", "虽然", "尽管", "即使", "如果", "假如", "倘若", "关于",
                "对于", "至于", "除了", "为了", "不仅", "不但", "自从", "得益于", "随后", "此后", "其后", "之后", "只要",
                "无论", "不管", "一旦"}
GENERIC_PREFIX = {"金控", "未上市", "非上市", "轻奢", "油服", "油气", "中国", "全球", "国内", "国外", "海外", "美国", "日本", "韩国", "欧洲", "德国", "英国", "法国", "香港", "台湾", "中资", "外资", "民营", "国有", "国营", "本土", "传统", "新兴", "大型", "中型", "小型", "头部", "主要", "其他", "各大", "各家", "多家", "相关", "领先", "知名", "龙头", "大", "小", "新", "老", "这家", "那家", "该", "本", "某", "此类", "金融", "互联网", "科技", "汽车", "新能源", "智能", "电动", "商业", "中央", "地方", "海量", "精准", "优质", "高端", "领军", "全新", "专业", "综合", "数字", "网络", "信息", "独立", "第三方", "投资", "股份制", "自研", "自主", "外购", "城市", "农村", "农商", "上市", "创新", "国家", "全国", "省级", "区域", "产业", "实体", "中小", "中小型", "公募", "私募", "央企", "国企", "具身", "储能", "跨境", "冷链", "智慧", "绿色", "低空", "消费", "工业", "物流", "医疗", "健康", "养老", "文旅", "光伏", "风电", "锂电", "氢能", "核电", "算力", "数据", "云", "算法", "芯片", "存储", "显示", "面板", "电池", "材料", "化工", "能源", "电力", "电网", "通信", "卫星", "航天", "机器人", "无人", "自动驾驶", "网约车", "外卖", "电商", "直播", "游戏", "影视", "教育", "保险", "证券", "银行", "信托", "基金", "券商", "期货", "资管", "理财", "财富", "融资", "城投", "平台", "小微", "初创", "独角兽", "科创", "高新", "先进", "前沿", "新型", "跨国", "国际", "本地", "乡村", "县域", "社区", "生物", "医药", "半导体", "集成电路", "软件", "硬件", "网络安全", "安全", "军工", "国防", "车企", "药企", "房企", "险企", "银行业", "零售", "批发", "制造", "服务", "服务业", "农业", "矿业", "钢铁", "有色", "煤炭", "石油", "天然气", "化学", "化合物", "功率", "人形", "扫地", "协作", "手术", "家用", "四足", "双足", "仿生", "陪伴", "清洁", "巡检", "配送", "特种", "送餐", "聊天", "虚拟", "数字化", "智能化", "头部企业", "全资", "控股", "参股", "合资", "外商", "港资", "台资", "中外", "官方", "公立", "民办", "持牌", "燃料电池", "氢燃料电池", "燃料电池汽车", "无人驾驶", "智能驾驶", "辅助驾驶", "低碳", "零碳", "可再生",
                  # countries and regions written before a foreign firm's name (芬兰芬林集团, 巴西矿企某某矿业):
                  # no part of it (a name that begins with one, 瑞士再保险, is in the dictionary)
                  "芬兰", "瑞典", "挪威", "丹麦", "荷兰", "比利时", "瑞士", "奥地利", "意大利", "西班牙", "葡萄牙", "爱尔兰",
                  "巴西", "智利", "阿根廷", "秘鲁", "墨西哥", "加拿大", "澳大利亚", "澳洲", "新西兰", "印度", "印尼",
                  "越南", "泰国", "马来西亚", "菲律宾", "沙特", "阿联酋", "卡塔尔", "以色列", "土耳其", "俄罗斯", "南非",
                  "埃及", "波兰", "北美", "南美", "拉美", "欧美", "日韩", "中东", "非洲", "东南亚",
                  "几内亚", "刚果", "刚果金", "赞比亚", "津巴布韦", "哈萨克斯坦", "乌兹别克斯坦", "乌克兰", "白俄罗斯",
                  "伊朗", "伊拉克", "科威特", "阿曼", "尼日利亚", "肯尼亚", "埃塞俄比亚", "摩洛哥", "阿尔及利亚", "缅甸", "老挝",
                  "柬埔寨", "孟加拉", "巴基斯坦", "斯里兰卡", "哥伦比亚", "委内瑞拉", "厄瓜多尔", "玻利维亚", "希腊", "捷克",
                  "匈牙利", "罗马尼亚", "加纳", "坦桑尼亚", "莫桑比克", "安哥拉", "纳米比亚", "马里",
                  # a round or batch: 新一轮股份回购 buys shares, names no firm
                  "新一轮", "上一轮", "下一轮", "本轮", "首轮", "新一批", "上一批", "首批",
                  # where a line of shipping runs: 近洋航运公司 is a kind of firm
                  "近洋", "沿海", "内河",
                  # kinds of product before 基金 or 信托 (可转债基金, 标品信托): no manager
                  "可转债", "标品", "非标",
                  # kinds of money (险资地产: insurers' money in property, no firm)
                  "险资", "民资", "游资",
                  # firsts (首起证券纠纷: the first securities case) and kinds of insurance or network
                  # banks or firms of a case or newly signed (涉事村镇银行, 新签银行): no name
                  "涉事", "涉案", "新签",
                  "首起", "首例", "首家", "首只", "首单", "首笔", "首台", "首套", "首款", "首颗", "首条", "首座", "巨灾", "责任", "财产", "意外", "重疾", "普惠", "专网", "年金", "寿险",
                  # a depositary bank (ADS持有人可通过存托银行…): a role, no bank's name
                  "存托"}
COMPOUND_GROUPS = ("发展集团", "投资集团", "建设集团", "城建集团", "城投集团", "交通投资集团", "城建投资集团",
                   "城市发展集团", "城市建设投资集团", "国有资本投资运营集团", "国有资产经营集团", "产业投资集团",
                   "实业集团", "产业集团", "文旅集团", "水务集团", "交通集团", "国资集团", "酒店集团", "酒店管理集团")
# trades that name a firm only after a name no word of the language (峡川供应链, 楚牧饲料, 赣鸿服饰)
TRADE_SUFFIXES = frozenset({"造船", "船业", "饲料", "服饰", "供应链", "水务", "轮胎", "电路", "储能", "糖业", "电源", "冶金"})
# …and products, which name a firm only right after a word for its kind (民营轮胎企业某某轮胎的负责人)
PRODUCT_SUFFIXES = frozenset({"轮胎", "电路", "储能", "电源"})
ORG_SUFFIXES = ["集成电路", "研究院", "半导体", "微电子", "新材料", "集团", "银行", "证券", "股份", "科技", "汽车", "咨询", "资本",
                "控股", "保险", "能源", "医药", "药业", "生物", "电子", "资讯", "智能", "动力", "通信", "传媒", "物流",
                "地产", "置业", "航空", "软件", "光电", "电气", "重工", "机械", "机器人", "互娱",
                # industrial firms named once by their trade (某某实业, 某某炼化): mostly private, in no list
                "实业", "炼化", "石化", "化工", "钢铁", "制药", "矿业", "乳业", "航运", "锂业", "钴业", "铀业", "镍业", "铜业",
                "铝业", "锌业", "钨业", "钼业", "钛业", "镁业", "琴行",
                *sorted(TRADE_SUFFIXES), "光学", "硅业", "纸业", "酒业", "酒庄", "茶业",
                # financial institutions and professional firms (guarded by FIN_NOT_AFTER / FUND_PRODUCT)
                "基金", "资产", "投资", "资产管理", "创投", "信托", "金融租赁", "融资租赁", "消费金融", "商业保理",
                # the press's short forms of licensed lenders (汇澄小贷, 湖北消金; not after a place of places_cn.txt:
                # 广东小贷公司)
                "小贷", "消金",
                "律师事务所", "会计师事务所", "保险经纪", "保险代理", "保险服务", "征信",
                # rural and village banks named by their place (某某农商银行, 某某农村商业银行, 某某村镇银行)
                "农商银行", "农商行", "农村商业银行", "村镇银行",
                # groups named by their line of business (地方国企、城投: 某某城建投资集团, 某某发展集团): the
                # business words are the suffix's, the name is what comes before them
                *COMPOUND_GROUPS]
FIN_SUFFIXES = {"基金", "资产", "投资", "资产管理", "创投", "资本"}
# after these suffixes the word is an activity or a quantity, not an organisation (长期投资者, 资产规模)
FIN_NOT_AFTER = re.compile(
    r"(?:者|人|机构|组合|价值|收益|回报|策略|逻辑|机会|主线|建议|方向|标的|风格|理念|框架|范围|比例|额|规模|了|过|于"
    # (投资在…领域: invested in; but 某某投资在其年度策略报告中表示: the firm, saying where it said so)
    r"|在(?!其[^，。；,;]{1,16}?[中上](?:表示|称|指出|认为|提到|写道|预计))"
    r"|建设|项目|计划|领域|总额|热|性|力度|增速|需求|决策|活动|主体|方|周期|意愿|风险|经理|份额|净值|合同|代码|持仓|定投"
    r"|负债|质量|配置|价格|证券化|端|包|减值|重组|注入|荒|池|支持|交易|评估|处置|出表|占比|业绩|排名|会|公积|开支|支出"
    r"|市场|运作|充足率|结构|实力|力量|寒冬|追捧|涌入|加持|入局|进入|退出|大佬|圈|型|类|净额|现金流|总量|增值|保值|安全)")
# a fund product, not its manager: 某某成长混合, 某某中证500ETF联接, 某某2号基金
FUND_PRODUCT = re.compile(r"(?:混合|股票|债券|指数|联接|成长|价值|精选|优选|配置|主题|行业|策略|收益|回报|稳健|红利|量化|灵活|平衡"
                          r"|增强|纯债|货币|中证|沪深|创业板|科创|先锋|龙头|核心|领先|机遇|趋势|动力|产业|专项|引导|发展|母|子"
                          r"|偏股|偏债|股基|债基|翻倍|明星|爆款|绩优|顶流|新发|次新|百亿|千亿|亏损|赚钱|王牌|冠军"
                          r"|ETF|LOF|QDII|FOF|REITs?|[0-9一二三四五六七八九十]+[号期]|[A-Z]$)")
SUFFIX_RE = re.compile("|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)))
_SUFFIX_AC: list[ahocorasick_rs.AhoCorasick] = []


def _suffix_spans(norm: str) -> list[tuple[int, int, int]]:
    """(index, start, end) of ``SUFFIX_RE.finditer(norm)``'s matches: the same leftmost-longest,
    non-overlapping matches of the same literals, found by an automaton (a text's suffixes in
    ~5 µs instead of ~45 µs: the regex tries its 71 alternatives at every character)."""
    if not _SUFFIX_AC:  # (a DFA: the same matches as the default NFA, ~30 % faster; ~0.1 MB for these few words)
        _SUFFIX_AC.append(ahocorasick_rs.AhoCorasick(sorted(ORG_SUFFIXES, key=len, reverse=True),
                                                     matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                                     implementation=ahocorasick_rs.Implementation.DFA))
    return _SUFFIX_AC[0].find_matches_as_indexes(norm)


# after a suffix these mean an industry, a market or a body, not a company
NOT_COMPANY_AFTER = re.compile(r"(?:网(?=[，。,；;、：:）)\s]|监测|数据|报道|统计|消息|显示|讯|报价|调研)|容量|能力|功能|载荷|速率|频段|模块|链路|特气|级|交易所|营业部|业|报|市场|开支|支出|运作|充足率|回报|账户|卡|贷款|理财|存款|监督|监管|委员会|协会|局|部|厅|署|办|指数|板块|概念|行业|ETF|类|股"
                               r"|园|岛|间|化|产品|领域|赛道|企业|公司们|圈|界|品牌|技术|产业|巨头|龙头|厂商|服务|烟|眼镜|电池|质(?!量)"
                               r"|公司(?:ETF|LOF|指数|联接)|[\u4e00-\u9fff]{1,4}指数|(?:I{1,3}|IV|[ⅠⅡⅢⅣ])指数"
                               # a kind of material (碳化硅半导体材料, 含氟电子气体), not a firm's (某某电子材料有限公司)
                               r"|(?:材料|气体|制品)(?!公司|有限|股份|集团|科技|技术|工程|厂|研究所|研究院"
                               r"|[(（][\u4e00-\u9fff]{2,4}[)）](?:有限|股份)))")
# (中证全指证券公司ETF, 申万医药商业指数: an index)
# the characters NOT_COMPANY_AFTER's alternatives begin with, but for [\u4e00-\u9fff]{1,4}指数, which begins with
# any (its 指数 then begins one to four characters on): where neither is, it cannot match
# (tests/test_extract_first_chars.py derives the set from the pattern)
_NOT_COMPANY_FIRST = frozenset("EIⅠⅡⅢⅣ网业交产企充公制办功化协卡厂厅品回园圈委存容局岛巨市开技报指支服材板概模气烟特理电界监眼类级署股能营行账质贷赛载运速部链间领频龙")
# an ambiguous name written with its company word (夏普公司, 杜邦公司 beside 夏普比率, 杜邦分析), or in a longer
# form that holds it (全家便利店), is the firm
ST_NAMES = ("ST", "*ST")
COMPANY_WORD_FORMS = ("公司", "集团", "股份", "控股", "株式会社")
COMPANY_CUE_AFTER = re.compile(r"\s*(?:[(（]\s*(?:[0-9]{6}|股票代码|证券代码)|股份|集团|有限|旗下)")  # (中国电子旗下的…)
LEGAL_TAIL_AFTER = re.compile(r"(?:[(（]集团[)）])?(?:股份有限公司|有限责任公司|有限公司|股份公司)")
LEGAL_NAME_END = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)$")
LEGAL_TAIL = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团股份有限公司)\s*")
BETWEEN_NAME_AND_CODE = re.compile(r"\s*(?:股份|集团|控股|公司|\s(?:Group|Holdings|Inc\.?|Corp\.?|Ltd\.?|Limited|Technologies))?"
                                   r"(?:[-－]?(?:SW|WR|UW|W|S|U|R|B))?(?:[AHBN港美]股|的(?:美国)?存托(?:股份?|凭证))?[”\"」』]?\s*")
# (中兴通讯H股（00763.HK）, 美团港股（03690.HK）, 东方航空的美国存托股（CEA.US）: a class of the name's shares)
# a known name glued to its legal or group tail (中国人寿保险(集团)公司, 嘉实基金管理有限公司): jieba may cut the
# tail together with the name's last characters, the name still ends there
ORG_CONTINUATION = re.compile(r"(?:保险|管理(?=有限|股份|公司|集团|[(（]))?(?:[(（]集团[)）]|集团|控股|股份|有限|公司)")
# a listed name followed by a financial business is a subsidiary of its own (华融信托, 国新资本)
# a broker's desk or a market's sector after the business word (国泰海通地产团队, 恒大地产板块): no unit
SECTOR_DESK_AFTER = re.compile(r"(?:团队|分析师|研究|首席|小组|组|行业|板块|指数|销售|业务|部门|部(?![分署件队长位])"
                               # (华泰证券财富管理部门, 广发证券资产管理板块: a line of business, no arm named)
                               r"|管理(?:部|板块|业务|条线|规模|能力|收入|转型|需求|领域))")
SUBSIDIARY_AFTER = re.compile(r"(?:信托|金融租赁|融资租赁|消费金融|商业保理|产投|免税(?!店|政策|额度|购物|商品|品|业务|牌照|市场|行业|板块|概念|销售|城|额|业|经营|资质|区|渠道|运营)|小贷(?!业务|牌照|行业|市场)|消金(?!业务|牌照|行业|市场)|资本|资产|创投|风投|氢能|数字能源"
                              r"|财富(?!管理)|资管|地产|房产|不动产|集运|物业"  # (瑞银财富管理: a bank's line, the bank)
                              # (雪人股份冷链压缩机, 东方财富冷链物流板块: the firm's goods, a board of a trade)
                              r"|冷(?:链|运)(?!物流(?:板块|概念|指数|行业|股)|压缩机|设备|装备|车(?!队|辆)|箱|柜|板块|概念|指数|产品|业务)|货运(?!量|价|业务|市场|能力|需求|收入)"
                              r"|(?:销售|营销|进出口)公司"
                              r"|期货(?!公司|合约|价格|市场|交易|品种|主力|盘|价|期权|业务|经纪|账户|保证金|持仓|行情|收盘|资管"
                              r"|子公司|牌照|部|板块|指数)"
                              r"|征信(?!机构|系统|中心|报告|数据|体系|记录|信息|查询|牌照|平台|管理|服务)"
                              # 京东金融, 美团金融: a platform's finance arm (not its finance business or a market)
                              r"|金融(?!市场|服务|产品|牌照|监管|属性|工具|创新|街|中心|部|体系|科技|平台|生态"
                              r"|数据|场景|资产|许可|子公司|控股|集团))(?!管理(?:有限|股份|公司|集团))")
# licensed finance firms the press names with their city (重庆蚂蚁消费金融): the place is the name's
_PLACE_NAMED_SUBSIDIARY = ("消费金融", "金融租赁", "信托")
# job titles: a code bracket after 董事会主席 names no company
ROLE_WORDS = {"主席", "董事长", "总裁", "总经理", "首席执行官", "创始人", "董事", "行长", "副总裁", "CEO", "CFO", "负责人",
              "合伙人", "经理", "董秘", "会长", "理事长", "秘书长", "院长", "所长"}
ROLE_ENDS = tuple(ROLE_WORDS)
CUED_LATIN = {"IDC", "Wind", "Arm", "ARM", "SMM", "BCG", "CRIC", "GGII", "Yole"}
SOURCE_CUE_BEFORE = re.compile(r"(?:(?:据|根据|来自|机构|援引|引述)\s?|(?:研究所|研究院|研究中心|咨询|机构|公司)\s?[(（]\s?)$")
SOURCE_CUE_AFTER = re.compile(r"\s?(?:的?(?:数据|统计|报告|预测|预计|显示|发布|指出|称(?!为)|表示|研究|调研|分析|认为|估计|测算)"
                              r"|(?:则|也|还|亦|曾|日前|近日|此前|最新)(?:预测|预计|指出|表示|认为|估计|测算|统计|数据显示|报告))")
# (IDC也称/亦称/又称/称为 …: another name for the thing, not a firm speaking)
NUMBERED_INDEX_AFTER = re.compile(r"[0-9]{2,4}指数")
# an association named after a trade whose first words are a listed firm's name (中国建筑防水协会, 中国建筑材料
# 联合会: the builder 中国建筑 is not spoken of)
ASSOCIATION_AFTER = re.compile(r"(?P<gap>[\u4e00-\u9fff]{1,4})(?:协会|联合会|学会|研究会|商会|联盟)"
                               r"|(?P<trade>[\u4e00-\u9fff]{0,4}进出口)商会"
                               r"|(?P<two>[\u4e00-\u9fff]{1,4}[与和及][\u4e00-\u9fff]{1,4})(?:协会|联合会|学会|研究会|商会)")
# (中国五矿化工进出口商会: a chamber of trade; 中国建筑玻璃与工业玻璃协会: two trades joined)
# what a firm does with an association (加入协会, 退出联盟, 当选会长单位): the firm is spoken of
_ASSOCIATION_VERBS = re.compile(r"加入|退出|成立|出席|当选|牵头|发起|参加|参与|联合|组建|入选|成为|担任|主办|承办|倡议|召开|举办|主导|推动")
INDUSTRY_AFTER = re.compile(r"(?:业(?![务绩])|行业|产业|板块|指数|间|协会|交易所|监管|委员会|联合会|学会|研究会)")
# words for makers: a firm's Latin name may stand after them (检测设备商STI), and they end a description
# (新加坡半导体检测设备商)
_MAKER_WORDS = ("设备商", "供应商", "制造商", "服务商", "运营商", "开发商", "生产商", "材料商", "方案商")
LATIN_CUE_WORDS = ("市场研究机构", "市场调研机构", "市场调查机构", "研究机构", "调研机构", "咨询机构", "咨询公司", "数据机构",
                   "分析机构", "研究公司", "数据公司", "科技公司", "初创公司", "投行", "券商", "芯片厂商", "厂商", "巨头", "机构",
                   *_MAKER_WORDS)
LATIN_CUE_RE = re.compile(
    r"(?:" + "|".join(LATIN_CUE_WORDS) + r")\s?"  # (检测设备商STI)
    # (no group inside the cues' alternation: it keeps the scan's fast first-character test)
    r"(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:['’](?:s|[A-Z][A-Za-z0-9&.\-]*))?(?:\s(?:&\s)?[A-Z][A-Za-z0-9&.\-]*){0,2})")
# (Gold's Gym, Dell'Oro Group)
YEAR_IN_TITLE = re.compile(r"\s*(?:19[5-9][0-9]|20[0-4][0-9])\s*")
LATIN_STOP = {"ADS", "ADR", "ADSs", "ADRs", "GDR", "CDR", "SPAC", "SPACs", "REITs", "REIT", "Web", "WEB", "Pro", "AI", "CEO", "CFO", "CTO", "COO", "IPO", "GPU", "CPU", "APP", "App", "ETF", "PE", "VC", "PPT", "PC", "IT", "SaaS", "PaaS", "API", "SDK", "GMV", "ARPU", "DAU", "MAU", "The", "A", "B", "H",
              # ratios and measures a kind word may precede (头部券商ROE可稳定在…)
              "ROE", "ROA", "ROIC", "EPS", "EBITDA", "EBIT", "NAV", "AUM", "NIM", "NPL", "PMI", "CPI", "PPI", "GDP",
              "PB", "PS", "TTM", "CAGR", "KPI", "PUE",
              # kinds of maker, service or product after a word for makers (制造商OEM, 服务商CRO, 设备商HJT设备)
              "OEM", "ODM", "CRO", "CDMO", "CMO", "CXO", "OLED", "LCD", "IGBT", "SUV", "MCN", "BMS", "HJT", "TOPCon",
              "PERC", "FTTH", "EV", "PCB", "MLCC", "SoC", "MCU", "CVD", "ITO",
              # memory and its kinds (公司NOR Flash、SLC NAND和MCU三条产品线)
              "NOR", "NAND", "DRAM", "SRAM", "SLC", "MLC", "TLC", "QLC", "SSD", "HBM", "Flash",
              # partners of a fund and kinds of securitised debt (机构LP, 供应链ABS): roles and products, no firm
              "LP", "GP", "LPs", "GPs", "ABS", "ABN", "CMBS", "RMBS", "MBS", "CLO", "FOF", "MOM"}
# what follows a technology's acronym that is also a firm's (PTC加热, PTC方案: a heater; PTC管理层: the firm)
_TECH_AFTER_ACRONYM = re.compile(r"\s?(?:电?加热|加热器|热敏|方案|材料|工艺|元件|器件)")
_TECH_ACRONYMS = frozenset({"PTC", "NTC"})  # (only these: AMD方案, 3M材料, ADI器件 are the firms' own)
# a zone of a city: the name before it is a place, not the firm of that name (上海临港新片区)
# a fund house's name beginning a fund product's (国投瑞银白银期货证券投资基金（LOF）, 某某成长混合A): the product
FUND_PRODUCT_TAIL = re.compile(r"(?:(?![的了在与和及或是为由对向从将已于被把让均也都还并而但称])[\u4e00-\u9fffA-Za-z0-9]){1,14}?"
                               r"(?:证券投资基金|投资基金|混合型?|联接|ETF|LOF|QDII|FOF"
                               r"|债券型?基金|指数型?基金|股票型?基金|纯债|货币基金)")
PLACE_AFTER = re.compile(r"(?:新片区|片区|开发区|自贸区|保税区|高新区|经开区|新区|主产区|产区)")
# where something stands, before a name that begins with a place (设在上海临港)
LOCATIVE_BEFORE = re.compile(r"(?:设在|设于|位于|落户|坐落于|地处|选址|建在|迁至|搬至)$")
# a product of a company (谷歌趋势, 百度地图): the company is not spoken of
PRODUCT_AFTER = re.compile(r"(?:趋势|地图|翻译|云盘|网盘|浏览器|输入法|邮箱|学术|百科|指数|搜索|输入|文库|贴吧|应用商店|转债|定转"
                           r"|白条|花呗|借呗|月付|分付|小金库)")
# a separate organisation that extends a listed name (深圳某某资产管理集团 is not the listed 深圳某某)
_LISTED_BODY_ENDS = ("交易所", "港交所", "联交所", "新交所", "伦交所", "德交所")
_REGION_BRACKET_END = re.compile(r"[(（](?P<region>亚洲|中国|香港|国际|控股|集团)[)）]\s*$")
MANAGEMENT_LEGAL_AFTER = re.compile(r"管理(?:集团|股份有限公司|有限责任公司|有限公司|合伙企业)")
ORG_EXTENSION = re.compile(r"(?:[(（][\u4e00-\u9fff]{2,3}[)）])?(?:资产管理|投资管理|基金管理|(?:产业|创业|股权)投资(?:基金)?(?:管理)?|私募基金管理"
                           r"|投资|实业|置业|资本|金融控股|财务)"
                           r"(?:集团|股份有限公司|有限责任公司|有限公司|公司)")
# current ST / *ST names: ST + a two-character short name (ST某某), listed companies under risk warning
ST_WORDS = {"摘帽", "戴帽", "摘星", "帽子", "风险", "警示", "股票", "个股", "板块", "公司", "企业", "概念", "制度", "标签", "名单", "行情", "撤销", "处理", "状态"}
ST_RE = re.compile(r"ST(?=[" + CJK + r"]{2})")  # (its prefix and the boundary before it: _st_names)
ST_PREFIX_BEFORE = re.compile(r"(?:S\*?)?\*?$")
# after an ST name whose base is an ordinary word (*ST当代, ST全新): what says a stock is meant
ST_NAME_AFTER = re.compile(r"\s?(?:[：:（(]|公告|发布|披露|收到|股价|股票|午后|早盘|盘中|尾盘|开盘|连续|近日|今日|[涨跌]停?)")
# a name of three characters after ST, closed by punctuation (ST红太阳：)
ST_LONG_END = re.compile(r"[：:，,、。；;（(\s]")
ACQUIRE_VERBS = ("收购", "并购", "入股")
ACQUIRE_RE = re.compile(
    r"(?:" + "|".join(ACQUIRE_VERBS) + r")了?[^，。；！？,;!?\n]{0,12}?(?:平台|公司|企业|初创公司|厂商|品牌|团队)"
    r"(?P<name>[" + CJK + r"A-Za-z0-9]{2,6})(?=[，。、；！？,;!?\n]|$)")

# a stake in a firm: the name between a deal's verb and the share of it dealt in (收购彰泰服务 80% 的股权,
# 对中民物业 60% 股权…); a list's second stake is read after its joining word (_STAKE_AFTER_JOIN: …及新中民 51% 股权)
STAKE_RE = re.compile(
    r"(?:收购|受让|转让|出售|持有|增持|减持|取得|获得|买入|认购|对)"
    r"(?P<name>[" + CJK + r"A-Za-z][" + CJK + r"A-Za-z0-9]{1,7}?)\s?(?:约|合计|共计)?\s?\d+(?:\.\d+)?\s?$")
# …the share and what it is of (found first: the verbs are common characters, the share is rare)
_STAKE_SHARE = re.compile(r"%\s?的?(?:股权|股份|权益)")
_STAKE_AFTER_JOIN = re.compile(STAKE_RE.pattern.replace("(?:收购|受让|转让|出售|持有|增持|减持|取得|获得|买入|认购|对)", "(?:及|和|、)", 1))
# (…股权及新中民 51% 股权: a list's second stake, after its joining word)
_STAKE_LEAD = re.compile(r"(?:了|的|至|给|所|将|其)*(?:(?:全资|控股)?[子孙]公司|参股公司)?")
# (收购了岚澄, 持有的岚澄, 增持至澄岚, 出售子公司TLEA: no part of the name; 子公司至纯: 至 the name's, after the kind)
_STAKE_TAIL = re.compile(r"(?:剩余|其余|全部|另外|所持有的?|所持的?|新增|合计|持有的?|不超过?|不低于|不少于|超过|逾|约|近)+$")
# (收购澄岚剩余 49% 股权; 减持合计不超 1.05% 股份: a quantity's words, no name)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    name: str
    kind: str = "company"
    codes: list[str] = field(default_factory=list)


def _clean(name: str) -> str:
    """A name as written, without its listing suffix or the spaces scraped text puts in it (宁德 时代),
    but with one space between Latin words (Desktop Metal)."""
    return LISTING_SUFFIX.sub("", _SPACE_NOT_LATIN.sub("", _LATIN_SPACE.sub(" ", name))).strip("-·") or name


_SPACE_NOT_LATIN = re.compile(r"(?<![A-Za-z0-9&.,'])\s+|\s+(?![A-Za-z0-9&])")
_LATIN_SPACE = re.compile(r"\s+")


HAS_CJK = re.compile(f"[{CJK}]")


# the rules' patterns, compiled once (they run per candidate name)
_NAME_RUN_16 = re.compile(r"[" + CJK + r"A-Za-z0-9·&\-]{1,16}$")
_NAME_RUN_24 = re.compile(r"[" + CJK + r"A-Za-z0-9·&\-]{1,24}$")
# words for a kind of listed or private firm that a legal name may follow (科创板上市公司某某科技股份有限公司)
LISTED_KIND = {"上市公司", "科创板", "创业板", "主板", "北交所", "新三板", "港股", "美股", "A股", "民营企业", "国有企业",
               "民企", "国企", "央企", "房企", "车企", "药企", "险企", "券商", "拟上市公司", "煤企", "钢企", "电企", "船企",
               "乳企", "酒企", "油企", "锂企", "航企", "光伏企业", "矿企"}
# words for a kind of firm right before its name (品牌某某汽车, 车企某某汽车, 厂商某某科技)
KIND_BEFORE_NAME = LISTED_KIND | {"品牌", "厂商", "厂家", "供应商", "制造商", "生产商", "企业", "公司", "新势力", "初创企业",
                                  "初创公司", "独角兽", "龙头", "运营商", "服务商", "开发商", "平台", "代工厂", "工厂"}
HK_CLASS_END = re.compile(r"-(?:SW|WR|W|S|B|U|R)$")
KIND_END = re.compile("(?:" + "|".join(sorted((w for w in KIND_BEFORE_NAME if len(w) > 1), key=len, reverse=True))
                      + "|(?:集成|发展|经销|代理|承包|贸易|分销|零部件|设备|材料|矿|进口|出口|营销|安装|批发)商|[板钢纸药酒车船]厂)$")
# reporting words that end a firm's name right before its code (某某数据（02783.HK）)
# a name that begins with a few capitals, then Chinese (JS环球生活, after a word of the sentence)
_LATIN_LED_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,4}(?P<cjk>[\u4e00-\u9fff]{2,6})$")
# a market or a class of shares right before a code bracket: the code is a listing of the firm the
# paragraph speaks of (其港股（06160.HK）, 美股（BGNE.US）)
MARKET_BEFORE = re.compile(r"(?:港股|美股|A股|H股|B股|N股|ADS|存托股|存托凭证"
                           r"|存托股票|(?:登陆|登录|挂牌|赴|在|于)(?:美国|香港)?(?:纳斯达克|纽交所|纽约证券交易所|港交所|联交所))$")
# (登陆美国纳斯达克（BONA.US）, 已在纳斯达克（BGNE.US）上市: the exchange a firm listed on, the code the firm's)
_LISTING_VERBS = ("登陆", "登录", "挂牌", "赴")
_NOT_LISTER_BEFORE = ("在", "由", "经", "与", "和", "及")
_NOT_LISTER_AFTER = re.compile(r"的?(?:帮助|协助|担任|保荐|承销|主导|牵头)")


def _clause_lister(norm: str, hits: list[_Hit], bs: int) -> _Hit | None:
    """The one firm of the clause before a listing verb's code (某某生物通过IPO登陆纳斯达克（X.US）), not one
    named as a helper (在高盛的帮助下, 由花旗担任承销商), or None."""
    clause = max(norm.rfind(ch, 0, bs) for ch in "，。；！？,;!?\n") + 1
    firms = [h for h in hits if clause <= h.start and h.end <= bs and h.kind == "company" and
             not norm.endswith(_NOT_LISTER_BEFORE, 0, h.start) and not _NOT_LISTER_AFTER.match(norm, h.end)]
    return firms[0] if len({h.name for h in firms}) == 1 else None


_VS_BEFORE = re.compile(r"(?<![A-Za-z])[vV][sS]\.?$")
_LISTED_ON_END = re.compile(r"(?:登陆|登录|挂牌|赴)(?:美国|香港)?(?:纳斯达克|纽交所|纽约证券交易所|港交所|联交所)$")
_LATIN_THEN_COMPANY_WORD = re.compile(r"(?<![A-Za-z0-9])(?P<name>[A-Za-z][A-Za-z0-9]{1,15})(?:公司|集团)$")
NAME_END_WORDS = {"数据", "投资"}  # (some 投资 firms are listed: 天图投资（01973.HK）)
# a convertible bond's name (某某转债, 某某转2): an instrument, not its issuer
BOND_NAME = re.compile(r"转(?:债|[0-9])$")
# the markers Hong Kong short names carry after a Chinese name (-W weighted votes, -B pre-revenue
# biotech, -S/-SW secondary listings, -U, -R): 美团-W, 某某医疗-B
_HK_CLASS_END = re.compile(r"(?<=[\u4e00-\u9fff])-(?:SW|WR|W|B|S|U|R|P)$")
_LEGAL_AT_END = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)$")
_SHARE_CLASS_END = re.compile(r"(?<=[\u4e00-\u9fff])[AHBN美港]股$")  # (携程美股（TCOM.US）: its shares in New York)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")
_LATIN_WORDS_BEFORE = re.compile(r"(?<![A-Za-z0-9&.\-])(?:[0-9]*[a-z]*[A-Z][A-Za-z0-9&.\-]*(?:['’]s)?\s(?:&\s)?){0,4}$")
# (3D Systems, 3M; dMY Technology Group IV, fuboTV Inc, 23andMe Holding Co: a word no Latin letter runs into, with a
# capital after its digits and small letters; Silver Crest Acquisition Corporation,
# Power & Digital Infrastructure Acquisition, Pilgrim's Pride)
# a Latin name ending in a number (Hut 8（HUT.US）): the word before the number
_LATIN_BEFORE_NUMBER = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z][A-Za-z]{1,15}\s$")  # (its code spells the word: not Model 3（TSLA.US）)
# securities terms a sentence puts before a Latin name (与 SPAC Tortoise Acquisition Corp II; not H World Group, EV Mobility)
_TERMS_BEFORE_LATIN_NAME = frozenset({"SPAC", "SPACs", "ADS", "ADR", "GDR", "CDR", "REIT", "REITs", "IPO", "ETF"})
_LETTER_CODE_AT = re.compile(r"\s*[(（]\s*(?:NASDAQ|NYSE)?[:：]?\s*([A-Z]{2,5})\b")
_NUMBERED_END = re.compile(r"[0-9一二三四五六七八九十]+[号期]$")
_MEASURE_END = re.compile(r"[只个些位家种批款]$")
_SHORT_LATIN = re.compile(r"[A-Za-z0-9]{1,3}")
_CJK_THEN_SHORT_LATIN = re.compile(f"[{CJK}][A-Za-z0-9]{{1,3}}")


def _is_latin(form: str) -> bool:
    return HAS_CJK.search(form) is None


_LATIN_FORMS: dict[str, bool] = {}  # dictionary form -> _is_latin (the forms are a fixed set)
# a market suffix after a Latin form: the form is a code (摩托罗拉系统（MSI.US）), not the dictionary's name
_CODE_SUFFIX_AFTER = re.compile(r"\.(?:US|HK|SH|SZ|BJ|N|O|OQ|L|T|KS|TW)\b", re.ASCII)


def _rare(tok: str, d: Dictionary) -> bool:
    """A token that may be part of a name: unknown or rare in jieba's dictionary, or a known name."""
    if tok in d.by_form:
        return True
    return jieba.dt.FREQ.get(tok, 0) < 60


# adverbs before 有 (则有, 还有, 另有, 也有 …): 有 is the verb, what follows a name
HAVE_ADVERBS = set("则还另也共又仅只都均亦尚就即便中里")
# what is done with a firm or its shares, right before its name (宝武所持太原钢铁（集团）有限公司, 资产注入某某集团):
# a name read leftwards ends there, though jieba cuts the verb into characters (所|持)
DEAL_VERB = re.compile(r".*(?:所持|持有|注入|并入|划入|划转至|转让给|出售给|收购|受让|入股|增资|借壳|参与|[万亿]元)")


_AFTER_DEAL_VERB: dict[str, str] = {}
# the characters DEAL_VERB's verbs begin with (tests/test_extract_first_chars.py): a run without any has no deal verb
_DEAL_VERB_FIRST = frozenset("所持注并划转出收受入增借参万亿")


def _after_deal_verb(run: str) -> str:
    """What of ``run`` follows its last deal verb (all of it without one), memoised: the runs before
    suffixes recur across an archive (DEAL_VERB's backtracking tries its verbs at every character)."""
    if _DEAL_VERB_FIRST.isdisjoint(run):
        return run  # (no verb can begin in it: DEAL_VERB does not match; most runs, without a memo)
    got = _AFTER_DEAL_VERB.get(run)
    if got is None:
        m = DEAL_VERB.match(run)
        got = run if m is None else run[m.end():]
        make_room(_AFTER_DEAL_VERB, 100_000)
        _AFTER_DEAL_VERB[run] = got
    return got


# what a run of name characters right before a code may follow, for the run to be the name whole
SEGMENT_OPENERS = frozenset("，,、；;：:。！？!?\n（(“”\"'‘’《》【】 |")
# prepositions that begin names (跟谁学, 如涵控股, 以岭药业, 同花顺, 和而泰): one after 和 or 的 is the name's
NAME_START_CHARS = frozenset("如跟以和同与由为让给归")  # (的归创通桥（02190.HK）: 归 a stop token of 归属 …)
JOINING_WORDS = frozenset({"和", "与", "及", "以及", "或", "的", "是"})
HAVE_GLUED_FREQ = 50  # 有恒 (5), 有研 (23): a rare pair, the verb glued; 有线 (172), 有色 (291): a word
# a class of shares or a market before a code: H股（03750.HK）, A股, 港股, 美股, 中概股
SHARE_CLASS = re.compile(r"[A-Za-z]{1,2}股|[港美新个该此其本]股|中概股|红筹股|存托凭证|(?:美国)?存托股(?:份|票)?|CDR|GDR|ADR|ADS")
# the type word a fund product's name ends with, right before its fund code (005827)
FUND_PRODUCT_END = re.compile(r"(?:混合|债券|纯债|货币|指数|联接|增强|配置|ETF|LOF|QDII|FOF|REITs?)"
                              r"(?:型)?(?:发起式)?(?:[(（](?:QDII|LOF|FOF)[)）])?[A-E]?\s*$")


def _inside_cut_name(toks: list[str], i: int, at_start: bool) -> bool:
    """``toks[i]`` stands between characters of one name jieba cut up: a single character after it,
    and before it another single character or a place (or nothing, when ``at_start``)."""
    if i + 1 >= len(toks) or len(toks[i + 1]) != 1:
        return False
    if i == 0:
        return at_start
    return len(toks[i - 1]) == 1 or _place(toks[i - 1])


_CJK_THEN_LATIN = re.compile(r"([\u4e00-\u9fff]{1,2})([A-Za-z][A-Za-z0-9&.\- ]{2,})")


# an organisation's word after a name's words (某某油田服务集团（03337.HK）): the words before it read as they do without it
_GROUP_TAILS = ("集团", "控股")


# words before 投资 that make it the verb (对外投资控股有限公司旗下项目: investing in, not 某某投资控股)
_INVESTING_VERBS_BEFORE = frozenset({"对外", "用于", "进行", "拟", "继续", "追加", "加大", "增加", "计划", "直接", "间接", "共同",
                                     "联合", "出资", "自有", "将", "已", "再", "对", "向", "并", "或", "和", "及", "与"})


_KIND_TOKEN_ENDS = ("平台", "品牌", "厂商", "机构")  # (not 企业: 统一企业中国（00220.HK）)


def _left_name(norm: str, pos: int, d: Dictionary, max_chars: int = 8, coded: bool = False,
               dotted: bool = True) -> tuple[int, str] | None:
    """The name that ends at ``pos`` read leftwards: (start, name) or None."""
    end = pos
    while end > 0 and norm[end - 1] == " ":
        end -= 1
    m = _NAME_RUN_16.search(norm[max(0, end - 16):end])
    if not m:
        return None
    run = m.group()
    klass = _HK_CLASS_END.search(run) or _SHARE_CLASS_END.search(run)
    if klass is not None:  # 某某医疗-B（02617.HK）, 青岛港H股（06198.HK）: the share class is no part of the name
        end -= len(klass.group())
        run = run[:-len(klass.group())]
    legal = _LEGAL_AT_END.search(run)
    if legal:  # 苏州某某科技股份有限公司（688001.SH）: the whole legal name, read up to a stop word
        wide_m = _NAME_RUN_24.search(norm[max(0, end - 24):end])
        if wide_m is None:
            return None
        wide = _after_deal_verb(wide_m.group())
        toks = [*lcut(wide[:-len(legal.group())]), legal.group()]  # jieba cuts 有限责任|公司
        keep: list[str] = []
        for i in range(len(toks) - 1, -1, -1):
            tok = toks[i]
            if len(tok) == 1 and tok in STOP_TOKENS and tok != "的" and keep and _inside_cut_name(toks, i, at_start=False):
                keep.insert(0, tok)
                continue  # 北京中同华资产评估有限公司: a name jieba cut into characters (中|同|华) holds 中 and 同
            if tok == "中" and keep and (len(keep[0]) >= 2 or "中" + keep[0] in _form_prefixes()) and not _place(keep[0]) and \
                    (i == 0 or ((toks[i - 1] in STOP_TOKENS or toks[i - 1] in FUNCTION_CHARS) and
                                toks[i - 1][-1] not in _ZHONG_JOINS)):
                keep.insert(0, tok)
                break  # 通过中节能财务有限公司, 以及中烟摩迪: a state firm's name begins with 中 (not 其中, 集中);
                # jieba's 中|盐|吉兰泰: one character after 中 where 中 and it begin a known firm's form (中盐化工)
            if tok in STOP_TOKENS and not (tok in ("投资", "控股") and ("".join(keep) in (legal.group(), "集团" + legal.group())
                                                                     or keep[0] in ("运营", "发展", "建设", "经营", "管理")
                                                                     or (keep[0] in ("控股集团", "控股") and i > 0 and
                                                                         toks[i - 1] not in _INVESTING_VERBS_BEFORE and
                                                                         not toks[i - 1].endswith("资金")))):
                break  # (某某投资(集团)有限公司, 某某投资运营集团有限公司, 某某投资管理有限公司, 某某投资控股集团
                # 有限公司: 投资 before the tail, a line of business, 管理 or 控股 is the name's)
            if tok in LISTED_KIND and keep and i > 0 and toks[i - 1] == "中国":
                keep[:0] = ["中国", tok]
                break  # 中国国有企业结构调整基金股份有限公司: a name that begins so
            if tok == "有" and keep and i > 0 and toks[i - 1] in HAVE_ADVERBS:
                break  # 另有中国信托业保障基金有限责任公司: 另有 (jieba: 另|有), the name after it
            if tok == "至" and keep and i > 0 and len(toks[i - 1]) >= 2 and jieba.dt.FREQ.get(toks[i - 1], 0) > 0 and \
                    not _place(toks[i - 1]):
                break  # 已被剥离至某某资产管理有限公司: 至 after a verb, the name after it (not 至本, 至信: names)
            if tok in LISTED_KIND or TIME_WORD.fullmatch(tok) or (tok in ("年", "月", "日") and i > 0 and toks[i - 1].isdigit()):
                break  # 科创板上市公司某某股份有限公司: the kind of firm, not its name (nor 今年 before it)
            keep.insert(0, tok)
        full = "".join(keep)
        base = full[:len(full) - len(legal.group())]
        if len(base) >= 2:
            return end - len(full), full
        return None
    acc = ""
    run_toks = lcut(run)
    # the run is all there is between a punctuation mark and the code (、上机数控（603185）, ；探索传播（DISCA.US）):
    # the name whole, though it begins with a common word, when no word in it reads as the sentence's
    run_start = end - len(run)
    whole = (len(run) <= 6 and (run_start == 0 or norm[run_start - 1] in SEGMENT_OPENERS)
             and not any(t in STOP_TOKENS or t in FUNCTION_CHARS or TIME_WORD.fullmatch(t) for t in run_toks)
             and run_toks[0] not in KIND_BEFORE_NAME
             and (run_toks[0] not in GENERIC_PREFIX or (coded and len(run_toks) == 2 and SUFFIX_RE.fullmatch(run_toks[1])
                                                        is not None)))
    # (。国际纸业（IP.US）: a generic word and a trade, all there is before a code that says its market)
    for i in range(len(run_toks) - 1, -1, -1):
        tok = run_toks[i]
        if tok == "中" and acc and _inside_cut_name(run_toks, i, at_start=True):
            acc = tok + acc
            continue  # 中电光谷(00798.HK): 中 begins a name jieba cut into characters (中|电|光谷)
        if i == 1 and len(tok) == 1 and acc and tok in STOP_TOKENS and tok not in _GLUE_CHARS and len(run_toks[0]) == 1 and \
                run_toks[0] not in STOP_TOKENS and run_toks[0] not in FUNCTION_CHARS and run_toks[0] not in _LEAD_CHARS and \
                HAS_CJK.match(run_toks[0]) and \
                (run_start == 0 or norm[run_start - 1] in SEGMENT_OPENERS) and len(run) <= 6:
            acc = run_toks[0] + tok + acc
            break  # ；达内教育（TEDU.US）: jieba cut the brand into characters (达|内), one of them a word of its own
        if tok in NAME_START_CHARS and acc and i > 0 and run_toks[i - 1] in JOINING_WORDS and len(acc) <= 4 \
                and jieba.dt.FREQ.get(tok + acc, 0) == 0:
            acc = tok + acc
            break  # 和跟谁学（GSX.US）, 的如涵控股（RUHN.US）: after 和 or 的, the preposition begins the name
        if tok == "企业" and acc in ("控股", "集团", "控股集团") and i > 0 and run_toks[i - 1] not in STOP_TOKENS:
            acc = tok + acc
            continue  # 某某企业控股（02048.HK）: 企业 inside the name's tail, no word for a kind of firm
        if coded and len(acc) == 2 and len(tok) == 2 and tok in STOP_TOKENS and tok not in FUNCTION_CHARS and \
                not _rare(acc, d) and (i == 0 or run_toks[i - 1] in STOP_TOKENS or run_toks[i - 1].endswith(("公司", "商"))):
            acc = tok + acc  # 母公司联合技术（UTX.US）, 租赁商联合租赁（URI.US）: a word of the language alone is no name; the word before it is
            break            # the name's (联合, a verb elsewhere)
        if tok == "商" and acc and acc[0] != "商" and i > 0 and len(run_toks[i - 1]) >= 2 and \
                jieba.dt.FREQ.get(run_toks[i - 1], 0) > 0 and run_toks[i - 1] + "商" + acc not in d.by_form:
            break  # 二手车商开心汽车（KXIN.US）: a trade's goods and 商, the kind of firm (a dealer), not the name (not
            # 百货商商业城（600306）: a name that begins with 商)
        if (tok in STOP_TOKENS and (acc or tok not in NAME_END_WORDS)) or tok in LISTED_KIND or \
                (acc and len(acc) + len(tok) > max_chars) or \
                (acc and len(tok) > 2 and tok.endswith(_KIND_TOKEN_ENDS) and tok + acc not in d.by_form):
            break  # (某某数据（02783.HK）: 数据 ends a name before its code, elsewhere a reporting word; 综合服务平台|某某
            # （BQ.US）: a word jieba ends with a word for a kind of firm, the kind, not the name)
        core = acc[:-2] if len(acc) > 2 and acc.endswith(_GROUP_TAILS) else acc  # (某某油田服务集团: as without 集团)
        if len(acc) >= 2 and len(tok) > 1 and not _rare(tok, d) and core not in ORG_SUFFIXES and \
                core not in GENERIC_PREFIX:  # (某某数字（02598.HK）: a generic word alone is no name either)
            if tok + acc in d.by_form:
                acc = tok + acc  # 运营方财富趋势（688318）: a known name of two common words
            elif _place(tok):
                acc = tok + acc  # 某地电企闽江清能（003958）: a place begins the name, and ends the reading
            elif (i == 0 or run_toks[i - 1] in STOP_TOKENS) and \
                    ((acc.endswith(CHINA_GROUP_SUFFIXES_T) and (acc[:2] in GENERIC_PREFIX or acc[:3] in GENERIC_PREFIX))
                     or (jieba.dt.FREQ.get(acc, 0) >= COMMON_WORD_FREQ and acc not in d.by_form)
                     or (len(acc) == 2 and not _rare(acc, d))) and \
                    tok not in GENERIC_PREFIX and tok not in KIND_BEFORE_NAME and tok not in FUNCTION_CHARS and \
                    len(tok) + len(acc) <= max_chars:
                acc = tok + acc  # 和卓越教育集团（03978.HK）, 和北大资源（00618.HK）: a word of the language begins the name
                # (是西部水泥（02233.HK）: a trade's word of two characters is no name alone)
            break
        acc = tok + acc  # (an organisation word alone is no name: 某某国际集团（01908.HK） reads on)
    if whole and len(acc) < len(run):
        acc = run
    led = _LATIN_LED_NAME.search(run) if acc else None
    if led is not None and led.group("cjk").endswith(acc) and len(acc) < len(led.group("cjk")) and \
            not any(t in STOP_TOKENS for t in lcut(led.group("cjk")[:-len(acc)])):  # (LME由香港交易所: a sentence)
        acc = led.group()  # 其控股股东JS环球生活（01691.HK）: a name that begins with its Latin letters
    acc = acc.lstrip("-·")
    if len(acc) >= 3 and acc[0] == "商" and end - len(acc) > 0 and HAS_CJK.match(norm, end - len(acc) - 1):
        acc = acc[1:]  # 设备商某某（688835）, 方案商某某-W: the maker's word (厂商, 供应商 …) glued to the name
    elif len(acc) >= 3 and acc[0] == "方" and not HAS_CJK.match(acc, 1) and end - len(acc) > 0 and \
            HAS_CJK.match(norm, end - len(acc) - 1):
        acc = acc[1:]  # 1药网的运营方111集团（YI.US）: a party's word (运营方, 收购方) glued to a name of digits or letters
    glued = _CJK_THEN_LATIN.fullmatch(acc)
    if glued is not None and (len(glued.group(1)) == 1 or glued.group(1) in KIND_BEFORE_NAME):
        acc = glued.group(2)  # 美国药企Calvera（CLVR.US）: 药|企 cut apart, a character of the kind word glued to it
    for k in (3, 2):  # 煤企某某煤业（003991）: the kind of firm, cut into characters by jieba
        if (acc[:k] in LISTED_KIND or (acc[:k] in GENERIC_PREFIX and acc[:k] != "中国")) and len(acc) - k >= 2 and \
                acc not in d.by_form and not (coded and whole and acc == run and acc[k:] in ORG_SUFFIXES):
            # (财富趋势（688318） is a name, though 财富 is a generic word; so is 。国际纸业（IP.US）)
            acc = acc[k:]
            break
    if BOND_NAME.search(acc):
        return None  # 某某转债（123296）: a convertible bond, not its issuer
    if len(acc) >= 4 and acc[1] == "有" and acc[0] in HAVE_ADVERBS:
        acc = acc[2:]  # 深市另有某某（301999）: 另有 read as one word and glued to the name
    elif len(acc) >= 4 and acc[0] == "有" and end - len(acc) > 0 and norm[end - len(acc) - 1] in HAVE_ADVERBS \
            and jieba.dt.FREQ.get(acc[:2], 0) < HAVE_GLUED_FREQ:
        acc = acc[1:]  # 北交所则有恒润达（920128）: jieba glued the verb to the name (有恒|润|达); not 有色金属
    if coded and acc.isdigit() and len(acc) <= 3 and \
            (word := _LATIN_BEFORE_NUMBER.search(norm, max(0, end - len(acc) - 17), end - len(acc))) is not None and \
            (code := _LETTER_CODE_AT.match(norm, pos)) is not None and word.group().upper().startswith(code.group(1)[:3]):
        acc = word.group() + acc  # 矿企Hut 8（HUT.US）: a Latin name and its number (not the number alone)
    if len(acc) < 2 or acc in GENERIC_PREFIX or acc in ORG_SUFFIXES or acc.isdigit() or acc.endswith(ROLE_ENDS):
        return None  # 董事会主席（1347.HK）: a person's title before the code; 集团 alone is no name
    if SHARE_CLASS.fullmatch(acc):
        return None  # 公司H股（03750.HK）, 港股（00700）: a class of shares or a market, not a name
    if FUND_PRODUCT_END.search(acc) or FUND_PRODUCT_END.search(norm, max(0, end - 12), end):
        return None  # 易方达蓝筹精选混合（005827）: a fund product and its fund code
    if acc.startswith("ST") and end - len(acc) > 0 and norm[end - len(acc) - 1] == "*":
        star = ST_PREFIX_BEFORE.search(norm, max(0, end - len(acc) - 3), end - len(acc))
        acc = (star.group() if star else "*") + acc  # *ST某某（003985）: the risk warning is the short name's
    dot = end - len(acc) - 1
    if dotted and dot > 1 and norm[dot] == "·" and HAS_CJK.match(acc) and HAS_CJK.match(norm, dot - 1):
        before = _left_name(norm, dot, d, max_chars=6, dotted=False)  # (one part before the dot: no chain)
        if before is not None and before[0] + len(before[1]) == dot:
            acc = before[1] + "·" + acc  # 洛克希德·马丁（LMT.US）: a foreign name written in two parts
    if _LATIN_WORD.fullmatch(acc):  # Lucid Group(NASDAQ:LCID): Latin names of several words
        words = _LATIN_WORDS_BEFORE.search(norm[max(0, end - len(acc) - 40):end - len(acc)])
        if words and words.group():
            lead = words.group()
            while (first := lead.split(" ", 1)[0]) in _TERMS_BEFORE_LATIN_NAME and " " in lead:
                lead = lead[len(first) + 1:]  # 与 SPAC Tortoise Acquisition Corp II（SNPR.US）: a term before the name (The RealReal keeps The)
            acc = lead + acc
    return end - len(acc), acc


# what a sentence puts between punctuation and a name (次为, 拟与, 一是, 另与, 均为): no brand's characters
_GLUE_CHARS = frozenset("为与是和及或同跟向对把被将于在从以")
_LEAD_CHARS = frozenset("次现亦均原另拟一二三四五六七八九十也又还都即乃系")
# (run, suffix, nca) -> (what _suffix_name_at gives, whether _name_side_may_refuse holds for it)
_SUFFIX_CACHE: dict[tuple[str, str, bool], tuple[tuple[int, str] | None, bool]] = {}
_RUN_OF_BEFORE: dict[str, str] = {}  # the ten characters before a suffix -> the run _suffix_name reads
RUN_BEFORE = re.compile(r"[" + CJK + r"A-Za-z0-9]{1,10}$")
_UP_TO_LAST_NOT_RUN = re.compile(r".*[^" + CJK + r"A-Za-z0-9]", re.DOTALL)


def _run_before(norm: str, ss: int) -> str:
    """What ``RUN_BEFORE.search(norm, max(0, ss - 10), ss)`` matches, or "": the run characters after the
    last other character of those ten, found by one match (the search tries a match at every start). A
    newline right before ``ss`` is left to the search: its ``$`` matches before a final newline too."""
    lo = ss - 10 if ss > 10 else 0
    if norm[ss - 1:ss] == "\n":
        m = RUN_BEFORE.search(norm, lo, ss)
        return "" if m is None else m.group()
    last = _UP_TO_LAST_NOT_RUN.match(norm, lo, ss)
    return norm[lo if last is None else last.end():ss]


# 智能 beginning a compound of the language (智能驾驶, 智能网联汽车, 智能制造), unless a company word follows
# within a few characters (某某智能制造有限公司 is a firm's legal name)
_SMART_COMPOUND_AFTER = re.compile(r"(?:驾驶|汽车|网联|座舱|制造|终端|硬件|家居|电网|手机|穿戴|音箱|交通|物流|工厂|装备|电动|出行"
                                   r"|船舶|芯片|计算|语音|客服|投顾|化|时代|产品|应用|算法|机器|电视|家电|设备|系统|安防|城市|仓储"
                                   r"|农业|医疗|门锁|传感|控制|充电|照明|电能表|电表|水表|燃气表|仪表|开采|采矿|运维|巡检|调度|养护"
                                   r"|分选|分拣|产线|仓)"
                                   r"(?![\u4e00-\u9fff]{0,4}(?:有限|股份|公司|集团))")


# what a place's trade does or has (上海物流全面恢复, 黑海航运受阻): no firm's verb
_PLACE_TRADE_STATE = re.compile(r"(?:全面|逐步|长期|持续|短期|受阻|恢复|中断|停滞|紧张|不畅|成本|费用|价格|运价|运力|需求|市场"
                                r"|体系|网络|通道|枢纽|园区|中心|基地|行业|企业|业)")


# trades that a listed firm is named by after 中国 (中国食品, 中国软件, 中国建材): before a word for the trade's firms
# or brands, the country's trade, no firm
_SECTOR_NOUNS = frozenset({"稀土", "医药", "船舶", "软件", "黄金", "电影", "化学", "铝业", "建筑", "出版", "核电", "重工", "电力",
                           "化工", "烟草", "茶叶", "食品", "玻璃", "水务", "燃气", "建材", "中药", "玻纤", "动力", "汽车", "钢铁"})
_SECTOR_FIRMS_AFTER = re.compile(r"企业|品牌|厂商|制造商|生产商|厂家|巨头|出口|进口|消费者|工业|矿产|产量|储量|需求量|消费量"
                                 r"|B2B|电商|交易规模|市场规模")  # (2020年中国化工B2B电商交易规模: the country's trade)


# a unit named by its parent's form and a trade (中石化销售, 中化资本, 中粮贸易), before what makes the trade's word a
# compound of the sentence's (销售收入, 资本开支, 贸易额): the parent, its sales or spending, not the unit
_TRADE_COMPOUNDS = tuple((w, re.compile(p)) for w, p in (
    ("资本", r"开支|支出|市场|运作|化|结构|充足|公积|回报|性"),
    ("销售", r"收入|额|量|费用|毛利|渠道|网络|价格|均价|规模|增速|占比|成本|政策|业绩|数据"),
    ("贸易", r"额|量|战|摩擦|顺差|逆差|壁垒|政策|往来|伙伴|业务"),
    ("天然气", r"产量|价格|销量|销售|储量|需求|消费|供应|进口|业务|板块|产销"),
    ("国际", r"业务|市场|化|油价|收入|订单|工程|贸易|形势"),
    ("投资", r"建设|收益|回报|者|额|力度|计划|项目|金额|运营"),
    ("资产", r"证券化|负债|规模|质量|减值|重组|注入|出售|总额"),
    ("物流", r"资源|业务|板块|成本|费用|网络|体系|能力"),
))


_BRAND_COUNTS: dict[int, dict[str, int]] = {}


def _brand_of_several(base: str, d: Dictionary) -> bool:
    """Whether two or more firms of the dictionary have a form that begins with ``base`` (国药: 国药集团, 国药控股 …)."""
    counts = _BRAND_COUNTS.get(id(d))
    if counts is None:
        counts = {}
        for f, ent in d.by_form.items():
            if ent.kind == "company":
                for k in (2, 3):
                    if len(f) > k:
                        counts[f[:k]] = counts.get(f[:k], 0) + 1
        _BRAND_COUNTS.clear()
        _BRAND_COUNTS[id(d)] = counts
    return counts.get(base, 0) >= 2


_MOBILITY_UNIT = re.compile(r"交通|运输")
_MOBILITY_UNIT_NEXT = re.compile(r"$|[^\u4e00-\u9fff]|牵头|表示|宣布|称|与|和|、|等|在|将|已|也|则|获|中标|签约|签署|联合|拿下|赢得|的"
                                 r"|收购|并购|合并|被")
_JOINT_STOCK_TAILS = ("股份有限公司", "股份公司")


def _listed_inside(form: str, d: Dictionary) -> Entry | None:
    """The A-share firm one of whose forms, after a place of up to two characters, heads an unlisted group's ``form``
    up to its 集团 (铜陵有色 in 铜陵有色金属集团, 外高桥 in 上海外高桥集团), or None: before 股份有限公司 such a form is the
    listed firm's legal name (parent groups are 有限公司; not 中国长城 in 中国长城资产管理股份有限公司)."""
    if not form.endswith("集团"):
        return None
    for i in range(3):
        for j in range(len(form) - 2, max(i + 1, len(form) - 5), -1):  # (the rest: 集团, 金属集团 …, up to four)
            ent = d.by_form.get(form[i:j])
            if ent is not None and ent.kind == "company" and any(t.startswith(("SH:", "SZ:", "BJ:")) for t in ent.tickers):
                return ent
    return None


def _parent_before_trade(norm: str, form: str, e: int, d: Dictionary) -> tuple[str, Entry | None] | None:
    """The parent's form and entry where an unlisted unit's form ends in a trade's word the text goes on to
    make a compound of (中石化销售|收入); ("", None) where no parent's form is known (国药资本|市场: no firm);
    None where the unit stands."""
    for word, compound in _TRADE_COMPOUNDS:
        if form.endswith(word) and len(form) - len(word) >= 2 and compound.match(norm, e):
            base = form[:-len(word)]
            while base not in d.by_form:  # 中石油天然气销售|量: 中石油, past another trade's word
                inner = next((w for w, _ in _TRADE_COMPOUNDS if base.endswith(w) and len(base) - len(w) >= 2), None)
                if inner is None:
                    break
                base = base[:-len(inner)]
            parent = d.by_form.get(base)
            if parent is not None and parent.kind == "company":
                return base, parent
            return ("", None) if _brand_of_several(base, d) else None  # (国药资本|市场: 国药 heads several firms'
            # names, a group's brand; 灵均投资 stands, its name its own)
    return None


def _group_word(norm: str, ss: int, se: int, bounds: LazyBounds, d: Dictionary) -> tuple[int, str] | None:
    """A group's name that the segmenter keeps as one word with its 集团 (红塔集团, 云南红塔集团), which the
    suffix rule, reading the words before the suffix, never sees: a head of two to four characters that is no
    common word (its count below 100: not 利益集团, 广电集团, 汽车集团), no place, no country counted (七国集团) and none
    after a country unless known (美国花旗集团: 花旗)."""
    if se not in bounds or any(p in bounds for p in range(ss + 1, se)) or NOT_COMPANY_AFTER.match(norm, se):
        return None
    x = ss - 1
    while x > ss - 5 and x not in bounds:
        x -= 1
    if x not in bounds or ss - x < 2:
        return None
    head = norm[x:ss]
    country = next((c for c in _COUNTRIES if head.startswith(c) and len(head) - len(c) >= 2), None)
    if country is not None:  # 美国花旗集团: a known foreign group after its country, or none (a party, a bloc)
        x += len(country)
        return (x, norm[x:se]) if d.lookup(norm[x:se]) is not None or norm[x:ss] in d.by_form else None
    if not HAS_CJK_ONLY.fullmatch(head) or head.endswith("国") or head in GENERIC_PREFIX or head in STOP_TOKENS or \
            jieba.dt.FREQ.get(head, 0) >= 100 or _place(head) or any(norm.endswith(c, 0, x) for c in _COUNTRIES) or \
            _BLOC_AFTER.match(norm, se):
        return None  # (以色列利库德集团: a party; 里约集团峰会: a bloc of states; 广电集团: a common word)
    if len(head) >= 4 and _place(head[:2]) and jieba.dt.FREQ.get(head[2:], 0) < 100:
        x, head = x + 2, head[2:]  # 云南红塔集团: the group, its province before it
    return x, head + "集团"


_BLOC_AFTER = re.compile(r"峰会|成员国|国家|首脑|外长|议会|选举|会议")


_GROUPS_OF_PEOPLE = tuple(w + "集团" for w in ("利益", "犯罪", "武装", "恐怖", "垄断", "统治", "反动", "流氓", "贩毒", "诈骗",
                                                "走私", "传销", "黑恶", "涉黑", "军事", "政治", "反党", "团伙"))
_OWNER_BEFORE = ("其", "其中", "的", "公司")
_PRODUCT_MEASURE_AFTER = re.compile(r"销量|销售量|产量|出货量|出口量|进口量|需求量|产销量")


_BODY_WORDS = ("协会", "联合会", "商会", "学会", "研究会", "委员会")
# words after which a 中 the segmenter cut off begins a state firm's name (来自中体彩科技, 以及中体彩印务): verbs and joins,
# never a noun that 中 locates in (股东中, 市场中, 投资中)
_BEFORE_STATE_ZHONG = frozenset({"来自", "以及", "包括", "旗下", "如", "例如", "的", "和", "与", "及", "或", "由", "向", "对", "是", "为",
                                 "并", "而", "但", "将", "把", "被", "给", "从", "据", "、", "，", "：", "；"})
# words between a city and 集团 that make no group's name (长沙市一家集团, 上海市部分国有集团, 广州市大型国企集团)
_NOT_A_CITY_TRADE = frozenset({"一家", "多家", "多个", "各类", "各家", "几家", "两家", "若干", "部分", "大型", "中型", "小型", "国有",
                               "国企", "企业", "民营", "相关", "本地", "地方", "当地", "重点", "龙头", "知名", "大型国企",
                               "国有企业", "市属", "省属", "区属", "下属", "所属", "其他", "其它", "有关", "主要"})


def _place_cut_before(norm: str, start: int, core: str) -> bool:
    """Whether one or two characters before ``start`` and ``core`` make a place of three characters or more that
    ``core`` alone is not (印度 + 尼西亚: 印度尼西亚). Memoised on what it reads: the two characters and ``core``."""
    key = (norm[start - 2:start], core)
    got = _PLACE_CUT.get(key)
    if got is None:
        got = not _place(core) and any(len(core) + k >= 3 and _place(key[0][2 - k:] + core) for k in (1, 2))
        make_room(_PLACE_CUT, 100_000)
        _PLACE_CUT[key] = got
    return got


_PLACE_CUT: dict[tuple[str, str], bool] = {}


def _suffix_name(norm: str, ss: int, se: int, d: Dictionary) -> tuple[int, str] | None:
    """A company named by an organisation suffix at [ss, se), or None. What follows the suffix is
    read here, by three patterns (none reads more than three characters); the rest is
    :func:`_suffix_name_at`, memoised on all it reads: the run of name characters before the suffix
    (at most ten), the suffix and whether NOT_COMPANY_AFTER follows (names and the words around them
    recur across an archive)."""
    suffix = norm[ss:se]
    if suffix == "动力" and norm.startswith("煤", se):
        return None  # 动力煤: thermal coal, a commodity
    if suffix == "征信" and _CREDIT_NOT_AFTER.match(norm, se):
        return None  # 数据改经征信机构转接, 征信系统: credit reporting, no bureau named
    if suffix == "智能" and (_SMART_COMPOUND_AFTER.match(norm, se) or
                           (_SMART_SERVICE_AFTER.match(norm, se) and (toks := lcut(norm[max(0, ss - 4):ss])) and
                            len(toks[-1]) >= 2 and jieba.dt.FREQ.get(toks[-1], 0) > 0)):
        return None  # 乘用车智能驾驶, 广州市智能网联汽车, 轨道交通智能检测: a kind of technology or service, no firm named
        # (华砺智能识别团队: a name of no word, then its team)
    if norm.endswith(_BODY_WORDS, 0, ss):
        return None  # 国际保赔协会集团: a body's name before the suffix (协会, 商会 …), no firm
    if suffix[-1] == "业" and norm.startswith("务", se):
        return None  # 南非锰业务: a line of business (业务), no firm 锰业
    if suffix == "地产" and norm.startswith("区", se) and not norm.startswith("区域", se):
        return None  # 南澳河地产区: a growing region (产区), no developer
    if suffix == "生物" and _BIO_COMPOUND_AFTER.match(norm, se):
        return None  # 高等级生物安全车间, 生物多样性: a word that begins with 生物, no firm named
    nca = (norm[se:se + 1] in _NOT_COMPANY_FIRST or "指数" in norm[se + 1:se + 6]) and \
        NOT_COMPANY_AFTER.match(norm, se) is not None  # (the sets first: most suffixes are followed by none)
    if suffix in FIN_SUFFIXES:
        if FIN_NOT_AFTER.match(norm, se):
            return None  # 长期投资者, 资产规模, 基金经理
        if nca and not norm.startswith(("管理", "公司"), se):
            return None
    elif nca:
        return None
    if suffix in PROFESSIONAL_SUFFIXES and norm.endswith(("(集团)", "（集团）"), 0, ss):
        # 四川某某（集团）会计师事务所: the name before the bracket, the bracket part of the firm's name
        got = _suffix_name(norm[:ss - 4] + suffix, ss - 4, ss - 4 + len(suffix), d)
        return None if got is None else (got[0], got[1][:-len(suffix)] + norm[ss - 4:ss] + suffix)
    # the run before the suffix, after its last deal verb: _run_before reads the ten characters before
    # ss only (its patterns look neither behind them nor past ss), so it is memoised on them
    before = norm[ss - 10:ss] if ss >= 10 else norm[:ss]
    run = _RUN_OF_BEFORE.get(before)
    if run is None:
        run = _run_before(before, len(before))
        if run:
            run = _after_deal_verb(run)
        make_room(_RUN_OF_BEFORE, 200_000)
        _RUN_OF_BEFORE[before] = run
    if not run:
        return None
    key = (run, suffix, nca)
    cached = _SUFFIX_CACHE.get(key)
    if cached is None:
        got = _suffix_name_at(run, suffix, nca, d)
        cached = (got, got is not None and _name_side_may_refuse(got[1], suffix))
        make_room(_SUFFIX_CACHE, 200_000)
        _SUFFIX_CACHE[key] = cached
    got, name_side = cached
    if got is None:
        return None
    start, name = got[0] + ss - len(run), got[1]
    if start >= 2 and HAS_CJK.match(norm, start - 1) and _place_cut_before(norm, start, name[:-len(suffix)]):
        return None  # 印度|尼西亚能源与矿产资源部: the name begins inside a place's name (a country and a trade), no firm
    prev = norm[start - 1:start]
    if not name_side and prev not in _CONTEXT_ONLY_BEFORE and \
            (prev != "院" or not norm.endswith(_ACADEMIES, max(0, start - 4), start)):  # (each of _ACADEMIES ends in 院)
        # none of the checks below can refuse or change the name: each needs a condition on the name
        # (_name_side_may_refuse holds them all), or one of the characters before it tested here
        return start, name
    if suffix == "控股" and norm.startswith("的", se) and len(got[1]) <= 5 and got[1][0] in SURNAMES:
        return None  # 吴某控股的某某投资: controlled by a person, no firm 吴某控股
    if _place(name[:-len(suffix)]) and _KIND_AFTER_DESCRIPTION.match(norm, se):  # (the set first: the regex is slow)
        return None  # 新加坡半导体检测设备商, 河北钢铁企业: a place's makers of a trade described, no firm named
    if norm.endswith(_ACADEMIES, max(0, start - 4), start) and \
            (_INSTITUTE_AFTER.match(norm, se) or suffix in ("研究院", "研究所")):
        # (军事科学院军事医学研究院: an academy's institute, named after it)
        return None  # 中国科学院长春光学精密机械与物理研究所: a part of an academy's institute's name, no firm
    if name.startswith("中国") and norm[start - 1:start] == "的" and name not in d.by_form and \
            _COUNTED_CLAUSE.search(norm, max(0, start - 30), start) and \
            not norm.startswith(("下属", "旗下", "子公司", "成员", "的"), se):  # (…的中国航天集团下属企业: the group)
        return None  # 首家登陆美股的中国酒店集团: a kind of firm counted and described, no name
    if norm[start - 1:start] == " " and _LATIN_WORD.fullmatch(name, 0, len(name) - len(suffix)):
        words = _LATIN_WORDS_BEFORE.search(norm, max(0, start - 40), start)
        if words and words.group():  # Adler Pelzer集团: a Latin name of several words
            start, name = words.start(), words.group() + name
    dotted = _DOTTED_BEFORE.search(norm, max(0, start - 9), start) if norm[start - 1:start] == "·" else None
    if dotted is not None:  # 费利克斯·舍勒集团: a name written in parts with a middle dot, read whole
        toks = lcut(dotted.group()[:-1])
        k = len(toks)
        while k > 0 and toks[k - 1] not in _DOT_PART_STOPS and (jieba.dt.FREQ.get(toks[k - 1], 0) < 60 or len(toks[k - 1]) == 1):
            k -= 1  # (竞争对手|费利克斯·: the name's part is what jieba does not know as a word)
        part = "".join(toks[k:])
        if 2 <= len(part) <= 5:
            start, name = start - len(part) - 1, part + "·" + name
    if name[0] == "厂" and len(name) - len(suffix) >= 3 and start > 0 and HAS_CJK.match(norm, start - 1):
        start, name = start + 1, name[1:]  # 中小厂|沅辰化工: the kind word's last character (小厂, 工厂) glued to the name
    if (name[0] in "余多来万亿千百" and _DIGIT_BEFORE.search(norm, max(0, start - 2), start)) or \
            (name[0] in _COUNTED_ITEM_FIRST and _COUNTED_ITEM.match(name)) or \
            (norm[start - 1:start] == "大" and _FEW_BIG_BEFORE.search(norm, max(0, start - 2), start)):
        return None  # 40 余条汽车零部件焊装线: a count's 余 and its measure (450 万套汽车玻璃: its magnitude); 两大装瓶集团: the firms counted
    if norm[se:se + 1] in _SITE_AFTER_FIRST and _SITE_AFTER.match(norm, se) and \
            (_place(name[:-len(suffix)]) or _bank_place(name[:-len(suffix)])):
        return None  # 其连云港石化基地: a place's site of a firm's trade, no firm
    if suffix == "集团" and name.endswith(_GROUPS_OF_PEOPLE):
        return None  # 打击犯罪集团, 维护利益集团: a group of people, no firm
    if suffix in TRADE_SUFFIXES and _PRODUCT_MEASURE_AFTER.match(norm, se) and norm.endswith(_OWNER_BEFORE, 0, start) and \
            jieba.dt.FREQ.get(name[:-len(suffix)], 0) > 0 and d.lookup(name) is None:
        return None  # 其反刍饲料销量: a kind of product of its maker's and how much of it sold, no firm (南华糖业产量:
        # a firm's output)
    if suffix in ("物流", "航运") and _place(name[:-len(suffix)]) and _PLACE_TRADE_STATE.match(norm, se):
        return None  # 上海物流全面恢复, 黑海航运受阻: a place's trade, no firm (宁波港物流公司, 长江航运表示: firms)
    if suffix in CHINA_GROUP_SUFFIXES and 2 <= len(name) - len(suffix) <= 4 and norm.endswith("中国", 0, start) and \
            name[:2] not in GENERIC_PREFIX and d.lookup(name) is None:
        return start - 2, "中国" + name  # 是中国平煤神马集团旗下的: a national group's name begins with 中国
    return start, name


# the characters right before a suffix name that checks of _suffix_name after its memo need there (as does
# _ACADEMIES ending there): a middle dot (the name read on), 大 (两大…), 国 (中国 before the name) and a space
# (a Latin name)
_CONTEXT_ONLY_BEFORE = frozenset("·大国 ")


def _name_side_may_refuse(name: str, suffix: str) -> bool:
    """Whether a condition on ``name`` (the suffix's name as _suffix_name_at gives it) that a check of
    _suffix_name after its memo needs holds: where none does, and none of the characters of
    _CONTEXT_ONLY_BEFORE is right before the name, nor an academy's word, those checks all pass and
    leave the name as it is. Each test here is implied by its check's condition (a superset: the
    dictionary's lookups are left to the checks)."""
    base = name[:-len(suffix)]
    # (_bank_place(base) holds where _place(base) does; the check of 中国 before a group's name is asked by
    # _CONTEXT_ONLY_BEFORE's 国)
    return (suffix == "控股" and len(name) <= 5 and name[0] in SURNAMES) or \
        _bank_place(base) or name.startswith("中国") or \
        _LATIN_WORD.fullmatch(name, 0, len(name) - len(suffix)) is not None or \
        (name[0] == "厂" and len(name) - len(suffix) >= 3) or name[0] in "余多来万亿千百" or \
        (name[0] in _COUNTED_ITEM_FIRST and _COUNTED_ITEM.match(name) is not None) or \
        (suffix == "集团" and name.endswith(_GROUPS_OF_PEOPLE)) or \
        (suffix in TRADE_SUFFIXES and jieba.dt.FREQ.get(base, 0) > 0)


_KIND_AFTER_DESCRIPTION = re.compile(r"(?:(?![等与和及的为作下旗之其两家子多])[\u4e00-\u9fff]){0,4}?(?:"
                                     + "|".join(_MAKER_WORDS) + r"|厂商|企业|厂家|巨头|龙头)")
_SMART_SERVICE_AFTER = re.compile(r"检测|监测|识别")
_BIO_COMPOUND_AFTER = re.compile(r"安全|多样性|样本|识别|特征|医学|科学|学家|学|武器|燃料|柴油|降解|资产")
_DOTTED_BEFORE = re.compile(r"[" + CJK + r"]{2,8}·$")
_DOT_PART_STOPS = "的和与及对在为向将被由从是了其"  # (德国的费利克斯·: the name's part begins after 的)
_CREDIT_NOT_AFTER = re.compile(r"机构|系统|中心|报告|数据|体系|记录|信息|查询|牌照|平台|管理")  # (业务, 市场 …: NOT_COMPANY_AFTER)
_SITE_AFTER = re.compile(r"基地|项目|园区|工厂|厂区|片区|装置")
_SITE_AFTER_FIRST = frozenset("基项园工厂片装")  # (the characters these begin with: a cheap test before the regex's)
# what is done with shares, before 股份 (the shares, not a firm's suffix): 获配股份限售期, 受让股份
SHARE_DEALING_WORDS = frozenset({"利害关系", "获配", "配售", "认购", "认缴", "申购", "持有", "增持", "减持", "受让", "转让", "质押",
                                 "冻结", "解禁", "回购", "限售", "流通", "发行", "新增", "剩余", "上述", "相关", "全部",
                                 "部分", "本次", "该等", "无限售", "有限售", "获得", "取得", "买入", "卖出", "出售", "拍卖"})
# professional firms (律师事务所, 会计师事务所) go by a brand of two to four characters, often two ordinary
# words (西村朝日, 竞天公诚): read after a word that ends the reading (由, 聘请, a place, a kind of firm)
PROFESSIONAL_SUFFIXES = frozenset({"律师事务所", "会计师事务所"})
ENGAGE_WORDS = frozenset({"聘请", "委托", "选聘", "聘任", "续聘", "改聘", "更换", "指定", "经", "请", "顾问", "法律顾问",
                          "财务顾问", "审计机构", "中介机构"})


# common surnames (a person's name before 控股的: a verb, not a firm's suffix)
SURNAMES = frozenset("王李张刘陈杨赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
                     "谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃戴莫孔汤")  # (not 金万高方龙石江白: firms' too)


_REGION_TRADES = frozenset({"酒庄", "酒业", "茶业"})  # trades a region is named by as its firms are


def _suffix_name_at(run: str, suffix: str, nca: bool, d: Dictionary) -> tuple[int, str] | None:
    """The company named by ``run`` + ``suffix`` (offsets in that string), or None; ``nca``:
    NOT_COMPANY_AFTER follows the suffix."""
    norm = run + suffix
    ss, se = len(run), len(norm)
    got = _suffix_name_core(norm, ss, se, d, nca)
    if got is not None and got[1][:-len(suffix)].endswith("类"):
        return None  # 事务管理类信托, 融资类信托, 权益类基金: a class of product, no firm
    if got is not None and suffix in _REGION_TRADES and (_place(got[1][:-2]) or suffix in got[1][:-2] or
                                                         got[1][:-2] in GENERIC_PREFIX):
        return None  # 宁夏酒庄, 波尔多酒庄, 安溪茶业: a region's wineries or trade; (酒庄西鸽酒庄: one after another)
    if got is None and suffix in PROFESSIONAL_SUFFIXES:
        return _professional_name(run, suffix, d)
    if got is None or suffix not in FIN_SUFFIXES:
        return got
    base = got[1][:len(got[1]) - len(suffix)]
    if FUND_PRODUCT.search(base) or _NUMBERED_END.search(norm[max(0, got[0] - 4):got[0]]):
        return None  # 某某成长混合基金, 2号致信基金: a product, not its manager
    if not HAS_CJK.search(base):
        return None  # QDII投资, ETF基金: a kind of product
    if _MEASURE_END.search(base) or base[0] in "另该这那其各每某此本":
        return None  # 另一只基金, 该基金
    return got


# what makes a Latin word after a word for makers a technology or a product, not a firm (设备商HJT设备, 运营商FTTH用户)
_MAKER_PRODUCT_AFTER = re.compile(r"\s?(?:[/／]|设备|用户|面板|机构|产线|靶材|订单|产能|电池|材料|器件|模式|行业|市场|领域"
                                  r"|赛道|服务|之一|工艺|路线|项目)")
# units of measurement named after people, which firms are named after too: a number before them, the unit
_UNITS_NAMED_AFTER_PEOPLE = frozenset({"特斯拉", "西门子", "赫兹", "高斯", "牛顿", "焦耳", "瓦特", "安培", "伏特", "欧姆"})
# (after a word of the sentence, 达到 12 特斯拉: not a rank's number at a line's or a cell's start, nor 第1)
# (10万特斯拉车主: a count of the carmaker's owners, no unit)
_NUMBER_BEFORE = re.compile(r"[\u4e00-\u9fff](?<![第前])[ \u00a0]?[0-9][0-9.,]*[ \u00a0]?$")
_PRONOUN_CHARS = frozenset("我你他她它您咱谁")
_METHOD_BEFORE = ("改良", "采用", "传统", "通过")
_METHOD_AFTER = re.compile(r"(?:生产|工艺|制备|路线|多晶硅|棒状硅)")
_LATIN_PRODUCT_NEXT = re.compile(r" (?:Play|Pay|Store|Maps|Chrome|Android|Assistant)(?![A-Za-z])")
# what happens to a listing or a debtor (退市保险: insurance against a delisting, no insurer named 退市)
_MARKET_EVENTS = frozenset({"退市", "摘牌", "停牌", "复牌", "上市", "挂牌", "破产", "违约", "重组", "借壳", "私有化"})
_COUNTED_TOKEN = re.compile(r"[一二两三四五六七八九十几多数每某该这那本此各][家个名位所]")  # 北京一家律师事务所: no brand


def _professional_name(run: str, suffix: str, d: Dictionary) -> tuple[int, str] | None:
    """A law or accounting firm whose brand is two words the suffix rule does not take (西村朝日律师
    事务所: 朝日 is a common word): at most four characters, at most one of them a common word (two when
    they are two words of two characters: 正中珠江会计师事务所), after
    a word that ends the reading, never an ordinary word or a count (境外律师事务所, 一家律师事务所)."""
    toks = lcut(run)
    acc, common, i = "", 0, len(toks) - 1
    placed = False  # (the reading stopped at a place: 广东|正中珠江)
    if i > 0 and len(toks[i]) == 1 and len(toks[i - 1]) == 1 and toks[i] in FUNCTION_CHARS and \
            toks[i - 1] not in FUNCTION_CHARS and toks[i - 1] not in STOP_TOKENS and HAS_CJK.search(toks[i - 1]):
        acc, i = toks[i], i - 1  # 广和律师事务所 (广|和): a brand cut into characters, its last a function word's
    if len(toks) == 2 and len(run) < 10 and all(len(t) == 1 for t in toks) and toks[0] in FUNCTION_CHARS and \
            toks[1] not in FUNCTION_CHARS and toks[1] not in STOP_TOKENS and HAS_CJK.search(toks[1]):
        return 0, run + suffix  # ，和信会计师事务所 (和|信 after a comma): nothing before 和 for it to join
    while i >= 0:
        tok = toks[i]
        if tok in STOP_TOKENS or tok in ENGAGE_WORDS or tok in GENERIC_PREFIX or tok in KIND_BEFORE_NAME or \
                (len(tok) == 1 and tok in FUNCTION_CHARS) or not HAS_CJK.search(tok) or _COUNTED_TOKEN.fullmatch(tok) or \
                (acc and _place(tok) and (not common or len(acc) >= 4)):  # (上海市锦天城, 广东正中珠江; but 西村
            # in 西村朝日: 朝日 alone is a word)
            placed = bool(acc) and _place(tok)
            break
        if len(acc) + len(tok) > 4 or len(tok) > 3:
            return None  # a longer run: not read
        common += len(tok) > 1 and not _rare(tok, d)  # (single characters: a name cut apart)
        acc = tok + acc
        i -= 1
    if not 2 <= len(acc) <= 4 or common > (2 if len(acc) == 4 and placed else 1) or NOT_A_NAME.search(acc) or \
            _place(acc) or \
            (jieba.dt.FREQ.get(acc, 0) >= 60 and acc not in d.by_form):
        return None
    return len(run) - len(acc), acc + suffix


def _suffix_name_core(norm: str, ss: int, se: int, d: Dictionary, nca: bool) -> tuple[int, str] | None:
    run_m = RUN_BEFORE.search(norm[max(0, ss - 10):ss])
    if not run_m:
        return None
    acc = ""
    toks = lcut(run_m.group())
    if len(toks) >= 2 and toks[-2] == "中国" and len(toks[-1]) == 2 and norm[ss:se] in CHINA_GROUP_SUFFIXES and \
            toks[-1] not in GENERIC_PREFIX and toks[-1] not in STOP_TOKENS and not nca:
        name = "中国" + toks[-1] + norm[ss:se]  # 中国某某集团: a national group named by a common word
        if jieba.dt.FREQ.get(name, 0) == 0 or name in d.by_form:
            return ss - 4, name
    run = run_m.group()
    if len(toks) >= 2 and norm[ss:se] in COMPOUND_GROUPS and 2 <= len(toks[-1]) <= 4 and toks[-1] not in STOP_TOKENS \
            and len(toks[-1]) + len(toks[-2]) <= 7 and \
            ((jieba.dt.FREQ.get(toks[-1], 0) >= 60 and len(toks[-2]) >= 3 and toks[-2][-1] in "省市" and
              _bank_place(toks[-2])) or
             (len(toks[-1]) >= 3 and jieba.dt.FREQ.get(toks[-1], 0) > 0 and _bank_place(toks[-2]))) and not nca:
        # (云南天然橡胶产业集团: a province and a trade's word of three or four characters, the place the name's)
        return ss - len(toks[-2]) - len(toks[-1]), toks[-2] + toks[-1] + norm[ss:se]  # 辽宁省城乡建设集团: the place is its own
    if norm[ss:se] == "集团" and len(toks) >= 2 and not nca:
        for k in (1, 2):  # 深圳市地铁集团, 深圳市人才安居集团, 株洲硬质合金集团: a city's group, named by its city (with 市
            # where the trade is a word of two characters; else a city or province of places_cn.txt, no country) and its trade
            if len(toks) > k and ((len(toks[-k - 1]) >= 3 and toks[-k - 1][-1] == "市" and _bank_place(toks[-k - 1])) or
                                  (sum(len(t) for t in toks[-k:]) >= 4 and toks[-k - 1] in _bank_places()[0])) and \
                    2 <= sum(len(t) for t in toks[-k:]) <= 4 and \
                    all(len(t) >= 2 and t not in STOP_TOKENS and t not in _NOT_A_CITY_TRADE and t not in KIND_BEFORE_NAME and
                        not _COUNTED_TOKEN.match(t) and HAS_CJK_ONLY.fullmatch(t) for t in toks[-k:]) and \
                    not any(toks[-k - 1] + toks[-k][:n] in d.by_form for n in range(1, len(toks[-k]) + 1)):
                # (北京文化产业集团: the listed 北京文化's words before a group's, no group)
                words = "".join(toks[-k - 1:])
                return ss - len(words), words + "集团"
    if len(toks) >= 2 and len(toks[-1]) == 1 and toks[-1] in "同和与" and len(toks[-2]) == 1 and \
            HAS_CJK_ONLY.fullmatch(toks[-2]) and toks[-2] not in FUNCTION_CHARS and toks[-2] not in STOP_TOKENS and \
            toks[-2] not in _PRONOUN_CHARS and (len(toks) == 2 or len(toks[-3]) > 1 or not HAS_CJK.match(toks[-3]) or toks[-3] in FUNCTION_CHARS) and \
            jieba.dt.FREQ.get(toks[-2] + toks[-1], 0) == 0 and not nca and \
            (cue := ORG_CUE_BEFORE.search(run, 0, len(run) - 2)) is not None and \
            cue.group().rstrip(" —:") not in ("由", "包括", "来自"):
        acc = toks[-2] + toks[-1]  # 老股东德同资本 (德|同): a brand of two characters, its last one a function word's,
        # after a word for a firm's role (not 钱和资本)
        toks = []
    for j, tok in enumerate(reversed(toks)):
        if tok == "中" and len(acc) >= 2 and HAS_CJK_ONLY.fullmatch(acc) and jieba.dt.FREQ.get("中" + acc[0], 0) < RARE_START_WORD and \
                (j == len(toks) - 1 or ((prev := toks[-j - 2]) in _BEFORE_STATE_ZHONG and prev[-1] not in _ZHONG_JOINS)):
            acc = tok + acc
            break  # 来自中体彩科技的: a state firm's name begins with 中, which the segmenter cut off (not 其中, 集中; not after
            # a noun 中 locates: 十大股东中澄泉资本, 成分股中…, 在本轮投资中…)
        if tok in STOP_TOKENS or len(acc) + len(tok) > 6:
            break
        if len(acc) >= 2 and KIND_END.search(run, 0, len(run) - len(acc)):
            break  # 护肤品|牌|澄|肤生物: a word for the kind of firm the segmenter cut apart ends the reading too
        if tok in GENERIC_PREFIX and len(tok) == 1 and acc and KIND_END.search(run, 0, len(run) - len(acc) - 1):
            acc = tok + acc
            break  # 体脂秤厂商云|麦科技: a name's first character, after a word for its kind, though 云 alone is generic
        if tok in GENERIC_PREFIX or tok.isdigit() or (len(tok) == 1 and (tok in FUNCTION_CHARS or tok in "年月日周末初底")) or \
                TIME_WORD.fullmatch(tok):
            break
        if acc and len(tok) > 1 and (tok in KIND_BEFORE_NAME or tok.endswith(("公司", "企业"))):
            break  # 新势力品牌某某汽车, 乳企某某乳业, 航运公司某某航运: a word for the kind of firm ends the reading
        if len(tok) > 1 and not _rare(tok, d) and not _place(tok):
            if acc:
                return None  # glued to an ordinary word: 发行价加算银行 is no name
            break
        if len(acc) >= 2 and len(tok) > 1 and not _place(tok):
            return None  # one word before the suffix, or a place and a word (微众银行, 渤海银行)
        acc = tok + acc
        if len(acc) >= 4:
            break
    for k in (3, 2):  # 公募岱峰基金, 房企云锦置业: jieba cut the qualifier into single characters the loop took
        if (acc[:k] in LEADING_QUALIFIERS or acc[:k] in LISTED_KIND or (acc[:k] in GENERIC_PREFIX and acc[:k] != "中国")) \
                and len(acc) - k >= 2:
            acc = acc[k:]
            if jieba.dt.FREQ.get(acc, 0) >= COMMON_WORD_FREQ and acc not in d.by_form:
                return None  # 提供保险产品咨询: what is left after the qualifier is a word of the language, no brand
            break
    if len(acc) >= 3 and acc[0] == "原" and lcut(acc)[0] == "原":
        acc = acc[1:]  # （原中投证券）: a firm's former name, 原 no part of it (原子高科: a word)
    if acc and norm[ss:se] in TRADE_SUFFIXES and ((acc in d.by_form and acc not in d.by_form[acc].short_forms) or
                                                  _place(acc) or acc[0] in FUNCTION_CHARS or
                                           any(jieba.dt.FREQ.get(t, 0) >= 60 for t in (acc, *lcut(acc)) if len(t) > 1)):
        return None  # 苹果供应链, 手机供应链, 其中海外饲料: a company's, a place's or a product's trade, no firm
    if acc and norm[ss:se] == "小贷" and acc in _bank_places()[0]:
        return None  # 广东小贷公司: a place's lenders, no firm (but 湖北消金, a licensed lender named by its province)
    if acc and norm[ss:se] in PRODUCT_SUFFIXES and not KIND_END.search(norm, 0, ss - len(acc)):
        return None  # 半钢轮胎, 户用储能: a kind of product; 轮胎企业某某轮胎: a firm (read after its kind only)
    if len(acc) < 2 or acc in GENERIC_PREFIX or TIME_WORD.match(acc) or SHARE_CLASS.fullmatch(acc) or \
            acc[:2] in NAME_NEVER_STARTS or acc[:3] in NAME_NEVER_STARTS or acc in _MARKET_EVENTS:
        return None  # (H股股份: shares of a class, no firm; 做强融资租赁: a plan, the verb cut into characters)
    if _SHORT_LATIN.fullmatch(acc) or acc in LATIN_STOP or _CJK_THEN_SHORT_LATIN.fullmatch(acc) or \
            acc.endswith(("企业", "公司")):
        return None  # AI软件, 5G通信, 这轮5G科技; 民营企业集团, 上市公司证券: a kind of firm
    if norm[ss:se] in _PRODUCT_KIND_SUFFIXES and (_CAPS_TYPE.fullmatch(acc) or _SPEC_START.match(acc)):
        return None  # SCARA机器人, ECAD软件, 六轴机器人, 双核芯片: a type of product, no firm
    if (len(acc) == 2 and acc[0] in GENERIC_SINGLE and not KIND_END.search(norm, 0, ss - len(acc))) or acc[0] == "所" or \
            (norm[ss:se] == "股份" and acc in SHARE_DEALING_WORDS):
        return None  # (所购股份, 所持股份, 获配股份: what is bought, allotted or held, no firm; 云科技, but
        # 体脂秤厂商云麦科技: a name after a word for its kind)
    if norm[ss:se] == "琴行" and _place(acc):
        return None  # 一位上海琴行负责人: a shop of a place, no name
    if acc.endswith(("地区", "区域", "一带")) and len(acc) >= 3:
        return None  # 华东地区物流: a region's trade, no firm
    if acc.endswith("险") and len(acc) >= 2:
        return None  # 旗下健康险科技平台, 车险服务: a kind of insurance, no brand
    if acc.endswith("受") and len(acc) >= 2:
        return None  # DTC假发赛道颇受资本青睐: a verb of receiving (颇受, 备受, 深受), no brand
    if acc.endswith("用") and len(acc) >= 3:
        return None  # 热泵用电子膨胀阀, 车用电子: what a product is for, no firm
    if acc.endswith(("式", "性")) and len(acc) >= 3:
        return None  # 一体式智能马桶, 分布式能源, 消耗性生物资产: a type or a kind, no firm
    if norm[ss:se] in FIN_SUFFIXES and SUFFIX_RE.fullmatch(acc):
        return None  # 旗下的糖业资产, 钢铁投资: a trade's assets or investment, no firm
    if norm[ss:se] in _DESCRIBED_SUFFIXES and acc not in d.by_form and _described(acc) and \
            not KIND_END.search(norm, 0, ss - len(acc)):
        return None  # 割草机器人, 危化品物流, 船电动力, 房抵债资产: words of the language that say what, no brand
    name = acc + norm[ss:se]
    if jieba.dt.FREQ.get(name, 0) > 0 and name not in d.by_form:
        return None  # an ordinary word: 商业银行, 新能源汽车, 投资银行
    if _COUNTED_FIRM.search(acc) or _counted_before(norm[max(0, ss - 10):ss - len(acc)]):
        return None  # 深圳一家银行科技服务商, 一家民营专科医院集团: a firm counted and described, not named
    return ss - len(acc), name


_COMMON_NAME_WORD_FREQ = 1000  # (jieba's count: 发行 3498; names the dictionary lacks are rarely so common)
# suffixes that end descriptions as often as names (叉车动力, 温控供应链, 危化品物流; not 资产: 启衡资产)
_DESCRIBED_SUFFIXES = frozenset({"动力", "供应链", "物流", "机械", "机器人", "软件", "新材料", "通信"})


def _described(acc: str) -> bool:
    """``acc`` is made only of words the segmenter knows, two characters or more each, no place: a
    description (割草, 危化品, 叉车), not a brand (a brand has a word the segmenter does not know or
    characters it cuts apart)."""
    toks = lcut(acc)
    return all(len(t) >= 2 and jieba.dt.FREQ.get(t, 0) > 0 and (not _place(t) or t in _PLACES_OF_WORDS) for t in toks)


# words jieba tags as places that say what a business is about (海洋通信, 海洋能源: a line of business; but
# 三一海洋重工 keeps its 海洋, a place before other suffixes)
_PLACES_OF_WORDS = frozenset({"海洋"})


_ACADEMIES = ("科学院", "中科院", "工程院", "社科院", "农科院", "医科院")
# the rest of an institute's or a school's name after a suffix word (长春光学|精密机械与物理研究所)
_INSTITUTE_AFTER = re.compile(r"(?:(?![的在将是为了对向从于和及旗等])[\u4e00-\u9fff]){1,12}?(?:研究所|研究院|研究中心|实验室|大学|学院|医院)"
                              r"(?![\u4e00-\u9fff]{0,2}(?:有限|股份|公司))")
# a clause that counts what it describes (首家登陆美股的…, 第二家…的): what follows is a kind, no name
_COUNTED_CLAUSE = re.compile(r"(?:首|第[一二三四五六七八九十0-9]+|一|两|多)家[^，。；,;！？]*的$")
_COUNTED_END = re.compile(r"[一两多该每各几某这那][家间所]$")


def _counted_before(before: str) -> bool:
    """``before`` (what precedes a name read before a suffix) ends with a count of firms, then only
    qualifiers (一家民营, 两家大型): the name is a description of the firm counted."""
    if "家" not in before and "间" not in before and "所" not in before:
        return False  # (the count's word ends a token of it, as _COUNTED_END reads: without one, no cut of it is asked)
    toks = lcut(before)
    if not toks or toks[-1] in KIND_BEFORE_NAME or KIND_END.search(toks[-1]):
        return False  # 一家券商某某证券: the kind of firm, then its name
    n = len(toks)
    while toks and not _COUNTED_END.search(toks[-1]) and \
            (toks[-1] in GENERIC_PREFIX or (len(toks[-1]) >= 2 and _place(toks[-1]))):
        toks.pop()  # (这家芬兰体育用品集团: a country between the count and the description)
    return len(toks) < n and bool(toks) and _COUNTED_END.search(toks[-1]) is not None


_COUNTED_FIRM = re.compile(r"[一两二三四五六七八九十多该每各几首某0-9][家间所]")  # (河南四家村镇银行: four banks)
# product words a type is named before (SCARA机器人, 六轴机器人): a Latin acronym or a numbered spec is no brand
_PRODUCT_KIND_SUFFIXES = frozenset({"机器人", "软件", "汽车", "芯片", "电子", "智能", "通信", "光电", "电气", "动力"})
_CAPS_TYPE = re.compile(r"[A-Z]{2,6}[0-9]?")
_SPEC_START = re.compile(r"[一二三四五六七八九十两双单多][轴层代相核缸头足翼]")
_DIGIT_BEFORE = re.compile(r"[0-9]\s?$")
_FEW_BIG_BEFORE = re.compile(r"[两三四五几][大]$")  # (searched only where 大 is right before: it ends so)
CHINA_GROUP_SUFFIXES = {"集团", "控股", "银行", "证券", "保险", "资本"}
CHINA_GROUP_SUFFIXES_T = tuple(CHINA_GROUP_SUFFIXES)
# a time before the suffix is no part of a name (三季度末保险资管产品, 年末银行间): where it begins the run
# before the suffix, the name stops there
TIME_WORD = re.compile(r"第?(?:[0-9一二三四]+|前[一二三四]|[上下本]?)季度[初中末底内]?|[上下]半年[初中末底]?|(?:今|去|明)[春夏秋冬]"
                       r"|(?:[0-9]{2,4}|今|去|明|前|本|当)年(?:[初中末底内]|度)?|年[初中末底内]|单[月季周日]"
                       r"|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}|本|上|下|当)月(?:[初中末底]|份)?|月[初中末底]|季[初末]"
                       r"|(?:当|本|上|同|首)季|(?:当|本|同)期|全年")  # (当季集团收入: the group's revenue in the quarter)
# words that qualify a firm and that jieba may cut into single characters before a name (公募岱峰基金)
LEADING_QUALIFIERS = {"公募", "私募", "外资", "中资", "合资", "独资", "头部", "知名", "老牌", "本土", "新设", "新晋",
                      "个人系", "券商系", "银行系", "保险系", "新成立"}
GENERIC_SINGLE = set("各该本某此这那其多大小新老全每")
FUNCTION_CHARS = set("要看说让给使有无不没很更最较都也又还再就才只仅已曾将会能可应该需请是在为以于对向从与和及或并而但若如因由被把等之其此这那每各某占含仍")
_PLACES: set[str] | None = None


COMMON_WORD_FREQ = 5000


def _glued_left(norm: str, s: int) -> bool:
    """The character before a short name forms a common word with the name's first character
    (其中, 之中, 当中, 集中): the name is an accident of the characters around it."""
    pair = norm[s - 1:s + 1]
    return jieba.dt.FREQ.get(pair, 0) >= COMMON_WORD_FREQ


def _place(tok: str) -> bool:
    """Place names (jieba tag ns) may begin a company name: 渤海银行, 硅谷银行."""
    global _PLACES
    if _PLACES is None:
        _PLACES = _places()
    return tok in _PLACES


def _places() -> set[str]:
    """The words jieba's dictionary tags ``ns`` (what ``jieba.posseg``'s word_tag_tab holds for
    them), read from the dictionary file itself: jieba.posseg would keep the tags of all its
    350,000 words in memory for the process's life (~50 MB) to give these ~18,000."""
    import re

    try:
        with jieba.dt.get_dict_file() as fh:
            text = fh.read().decode("utf-8")
    except Exception:  # noqa: BLE001 - dictionary missing or broken: no place names, names still work
        return set()
    return set(re.findall(r"^(\S+) \S+ ns\r?$", text, re.MULTILINE)) - WORDS_TAGGED_AS_PLACES


# words of the language jieba's dictionary tags as places (新建: a county, and "newly built"; 上市: a town,
# and "to list"): no place before a suffix (粤港澳大湾区新建物流设施 names no firm 大湾区新建物流)
WORDS_TAGGED_AS_PLACES = frozenset({
    "新建", "上市", "入市", "美丽", "深度", "新鲜", "普及", "长大", "莫非", "中断", "关联", "广义", "福利", "上马", "上台",
    "上山", "下山", "神圣", "青春", "云集", "英雄", "哥哥", "阿哥", "二哥", "庆典", "长度", "日志", "建国", "开国", "回国",
    "治安", "古典", "阴阳", "兴旺", "喜庆", "加盟", "密封", "安宁", "伦理", "法典", "赞美", "入门", "上岗", "上门", "立马",
    "登山", "入海", "渡江", "渡河", "天黑", "台风", "贵宾", "嘉宾", "礼拜", "如林", "上路", "正南", "中西", "中和", "中道",
    "莫大", "广布", "契约", "千古", "登极", "白嫩", "朝野", "深渊", "城堡", "池塘", "山寨", "大都", "江湖", "东西", "南北",
})


def find_companies(text: str, norm: str, tickers: Sequence[Ticker] = ()) -> tuple[list[Company], list[tuple[int, int]]]:
    """Companies in ``text`` (``norm``: its length-preserving NFKC form) and the spans that hold
    names or codes (no figure may lie inside them)."""
    hits, shadow, cashtag_spans = _find_hits(norm, tickers)
    companies = _assemble(hits, tickers, get_dictionary(), text, norm)
    blocked = [(h.start, h.end) for h in hits] + shadow + cashtag_spans
    return companies, blocked


def find_company_kinds(norm: str, tickers: Sequence[Ticker] = ()) -> dict[str, str]:
    """{name: kind} of the companies :func:`find_companies` gives for the same text, without their
    mentions, tickers and order (what a whole-archive pass stores)."""
    hits, _shadow, _cashtags = _find_hits(norm, tickers)
    return _kinds(hits, tickers, get_dictionary(), norm)


class NameKind(NamedTuple):
    name: str
    kind: str


def article_company_kinds(article) -> list[NameKind]:
    """The names and kinds of the companies ``extract.article_companies(article)`` gives (the same
    text and cashtags), without mentions: what the whole-archive pass stores of an article."""
    text = article.body_text or ""
    kinds = find_company_kinds(nfkc_same_length(text), list(article.tickers or ()))
    out = [NameKind(n, k) for n, k in kinds.items()]
    title = title_for_companies(article)
    if title:
        d = get_dictionary()
        out += [NameKind(n, k) for n, k in find_company_kinds(nfkc_same_length(title)).items()
                if n not in kinds and d.lookup(n) is not None]
    return out


def title_for_companies(article) -> str:
    """The front-matter title whose dictionary names count as the article's companies too (理想汽车
    in the title, 理想 alone in the body), or "" : a plain-text title is its headline, file name or
    lead, and a title the body repeats adds nothing. Only dictionary names are taken from it (the
    rules misread headlines: 亚市资讯播报), without mentions."""
    title = getattr(article, "title", "") or ""
    if getattr(article, "format", "") not in ("html", "markdown") or not title \
            or title.rstrip("…. ") in (article.body_text or "") or not may_name_known(title):
        return ""
    return title


_SPACES = re.compile(r"\s+")


def may_name_known(text: str) -> bool:
    """Whether the rules could read a dictionary name in ``text`` (False is certain: a title where
    this is False adds no company, and its rules need not run). A dictionary name comes from a form
    the scan finds in the text as it is (Goldman Sachs, spaces and all), or from a name the rules
    read as a run of the text, which :meth:`Dictionary.lookup` knows only as a form, or a form
    followed by a listing or legal suffix, once spaces are dropped: the text then holds a form
    without its spaces. The exception is an ST name (``*ST金正`` → 金正大), read from the prefix of
    a listed name."""
    norm = nfkc_same_length(text)
    if "ST" in norm:
        return True
    d = get_dictionary()
    if d.scan(norm):
        return True
    bare = _SPACES.sub("", norm)
    return bare != norm and bool(d.scan(bare))


# platforms on which a firm keeps its official account (官方微博, 官方抖音)
_PLATFORMS_OF_ACCOUNTS = frozenset({"微博", "微信", "抖音", "快手", "小红书", "B站", "哔哩哔哩", "知乎", "头条", "今日头条", "视频号"})
# measure words of things, not firms (6 个苹果, 两箱苹果), right before a name, after a number
_THINGS_COUNTED = frozenset("斤箱吨颗筐串盒袋枚")  # (not 个, 只: 下一个宁德时代, 三只宁德时代概念股)
_THING_COUNTED_BEFORE = re.compile(r"(?<![A-Za-z])[0-9一二两三四五六七八九十几多数]+\s?[个只斤箱吨颗筐串盒袋枚]$")
_LONGEST_FORM = 40  # (characters: longer than any form the dictionary holds)
# what may follow a short form of curated_forms.tsv beginning with 中 after a word (…与中钢集团, 。中铝表示)
_SHORT_FORM_AFTER_CUE = re.compile(r"集团|公司|股份|表示|发布|公告|宣布|称|旗下|董事")  # (not 迁安中化”: a place's name)


# a bracket that gives a firm's code, then its former name up to where a name is read (…（以下简称“某某”，002812，原名“):
# the name read there, after a place its legal name may begin with, is the firm's own of before
_FORMER_NAME_IN_CODE_BRACKET = re.compile(r"[(（][^()（）]{0,30}?(?:[0-9]{6}|[0-9]{4,5}\.HK|[A-Z]{1,5}\.(?:US|N|O))"
                                          r"[^()（）]{0,3}?原名为?[“\"「]?(?P<place>[\u4e00-\u9fff]{0,3})$")


def _former_name_of_coded(norm: str, s: int) -> bool:
    """Whether the name read at ``s`` is the former name a code bracket gives its own firm."""
    m = _FORMER_NAME_IN_CODE_BRACKET.search(norm, max(0, s - 48), s)
    return m is not None and (not m.group("place") or _place(m.group("place")))


_METRO_ENDS = ("地铁", "轨道交通", "轨交", "城轨")  # (not 申通地铁1号线资产, 隆基股份5号线: a listed firm's, its line)
_CHINA_ARM_ENDS = ("证券", "银行", "保险", "基金", "投资", "资管", "期货", "信托", "人寿")  # (the arms a foreign financial
# firm sets up in China under its own name and （中国）)
_LINE_NUMBER_AFTER = re.compile(r"\s?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s?号线")
_PLACE_WORD_AFTER_GLOSS = re.compile(r"运河|港|郡|州|河|湾|岛|省|县|山|湖|海峡|大学|机场|地区|市(?!场|值|占)|城(?!市)")
_PERSON_TITLE_BEFORE = re.compile(r"(?:总统|总理|首相|主席|部长|画家|歌手|演员|球星|作家|教授|导演|诗人|议员|大使)的?$")


_LATIN_GLOSS_AT = re.compile(r"[(（]\s?([A-Za-z][A-Za-z0-9 .&'\-]{0,40}?)\s?[)）]")


def _glossed_by_own_name(norm: str, s: int, e: int, entry: Entry) -> bool:
    """An ambiguous form right before one of the entry's own Latin names in brackets (苏伊士（Suez）, 通力（KONE）):
    the text says which it means, the firm; not a place's name so glossed (苏伊士（Suez）运河, 桑托斯（Santos）港),
    nor a person's after a title (前副总统戈尔（Gore）)."""
    m = _LATIN_GLOSS_AT.match(norm, e)
    if m is None or _PLACE_WORD_AFTER_GLOSS.match(norm, m.end()) or _PERSON_TITLE_BEFORE.search(norm, max(0, s - 4), s):
        return False
    gloss = m.group(1).casefold()
    return any(a.casefold() == gloss for a in entry.aliases)


def _own_form(text: str, entry: Entry) -> bool:
    """``text`` is the entry's name or one of its aliases. (Not ``text in (entry.name, *entry.aliases)``: mypyc,
    which compiles this module for installs, cannot build a membership test of a starred tuple.)"""
    return text == entry.name or text in entry.aliases


def _find_hits(norm: str, tickers: Sequence[Ticker]) -> tuple[list[_Hit], list[tuple[int, int]], list[tuple[int, int]]]:
    """Every mention of a company (hits), and the spans of block entries, code brackets and cashtags."""
    ensure_jieba()
    d = get_dictionary()
    bounds = LazyBounds(norm)
    hits: list[_Hit] = []
    shadow: list[tuple[int, int]] = []  # block entries and code brackets
    cashtag_spans: list[tuple[int, int]] = []

    for s, e, t in find_cashtags(norm):
        cashtag_spans.append((s, e))
        raw = t.name
        ns = norm.find(raw, s)
        entry = d.lookup(raw)
        if entry is None and _no_stock_code(t.code):
            continue  # $华夏中国交建REIT(SH508018)$, $沪深300ETF(SH510300)$: a fund, no company
        hits.append(_Hit(ns, ns + len(raw), entry.name if entry else _clean(raw),
                         entry.kind if entry else "company", [t.code]))

    pending: list[_Hit] = []  # ambiguous names, kept if the article names them with a code
    groups_named: set[str] = set()  # listed firms' forms whose parent group the text names by its legal name
    in_cashtag = Occupancy(len(norm), cashtag_spans)
    at_bound = bounds.__contains__
    latin = _LATIN_FORMS
    matches = d.scan(norm)
    k = -1
    while k + 1 < len(matches):
        k += 1
        last, (form, entry) = matches[k]
        if entry is None:
            continue
        s, e = last - len(form) + 1, last + 1
        cut = _parent_before_trade(norm, form, e, d) if entry.kind == "company" and not entry.tickers else None
        if cut is not None:
            parent_form, parent_entry = cut
            if parent_entry is None:
                continue
            form, entry = parent_form, parent_entry  # 中石化销售收入, 中石化资本开支: the parent's sales or spending, not its unit 中石化销售
            e = s + len(form)  # (the segmenter, which knows the unit's form as a word, begins no word at e)
        if entry.kind == "company" and not entry.tickers and norm.startswith(_JOINT_STOCK_TAILS, e) and \
                (listed := _listed_inside(form, d)) is not None:
            entry = listed  # 铜陵有色金属集团股份有限公司: the listed firm's legal name, not its parent group's
        s_bound = None  # (at_bound(s) where asked here: asked again below)
        if e - s == 2 and ((s > 0 and not (s_bound := at_bound(s))) or _glued_left(norm, s)):
            # 其|中软|银愿景基金: a form of two characters the text does not begin there hides a longer one
            # that begins inside it (the scan takes the leftmost): read the text again from its second character
            hidden = [(last2 + s + 1, hit) for last2, hit in d.scan(norm[s + 1:s + 1 + _LONGEST_FORM])
                      if last2 - len(hit[0]) + 1 == 0 and hit[1] is not None]
            if hidden:  # (the scan's next match begins at e or later: none begins inside the hidden one's start)
                end = hidden[0][0]
                while k + 1 < len(matches) and matches[k + 1][0] - len(matches[k + 1][1][0]) + 1 <= end:
                    del matches[k + 1]  # (matches the hidden one overlaps)
                matches.insert(k + 1, hidden[0])
        if cashtag_spans and in_cashtag.overlaps(s, e):
            continue
        is_latin = latin.get(form)
        if is_latin is None:
            is_latin = latin[form] = _is_latin(form)
        if is_latin:
            if _glued_to_latin(norm, s, e) or _CODE_SUFFIX_AFTER.match(norm, e):
                continue  # (摩托罗拉系统（MSI.US）: a code, not a name the dictionary holds)
        elif not (at_bound(s) if s_bound is None else s_bound) or (form[0].isascii() and s > 0 and norm[s - 1].isascii() and norm[s - 1].isalnum() and
                                 not _VS_BEFORE.search(norm, max(0, s - 3), s)):
            continue  # (CMP材料: no MP材料 inside a longer Latin word; 京东方VSLG显示 reads on)
        elif not at_bound(e) and cut is None and not _continued(norm, e, bounds):
            across = _alias_across(norm, s, e, entry, d, bounds)
            if across is None:
                continue
            e = across  # 中国银河|证券 cut 中国/银河证券: the name runs on into its own alias
        if entry.kind == "block":
            shadow.append((s, e))
            continue
        if (len(form) <= 3 or (form[0] == "中" and norm[s - 1:s] in "其之当集")) and s > 0 and _glued_left(norm, s):
            continue  # 其中海外 is 其中 + 海外, not 中海外
        if form in entry.short_forms and (not at_bound(e) or
                                          (form[0] == "中" and s > 0 and HAS_CJK.match(norm, s - 1) and
                                           norm[s - 1] not in FUNCTION_CHARS and norm[s - 1] not in "、和与及" and
                                           not _SHORT_FORM_AFTER_CUE.match(norm, e))):
            continue  # 调整中钢价, 整合中船企: 中 after a word, then a word (钢价); a short form is read whole only
        if in_epithet(norm, s, e):
            continue  # 素有“东北茅台”之称: a nickname, not the company
        if entry.kind == "company" and s >= 4 and "原名" in norm[max(0, s - 8):s] and _former_name_of_coded(norm, s):
            continue  # （…002812，原名“云南创新新材料股份有限公司”）: the coded firm's own former name, no other firm
        if form != entry.name and entry.kind == "company" and norm.find("等", e, e + 200) >= 0 and _listed_as_place(norm, s, e):
            continue  # 为峨眉山、九寨沟等 260 余家景区: a scenic spot, not 峨眉山A named by its place
        if form in _UNITS_NAMED_AFTER_PEOPLE and _NUMBER_BEFORE.search(norm, max(0, s - 16), s):
            continue  # 12 特斯拉的磁场: a unit (the tesla), not the carmaker
        if norm.startswith("法", e) and not norm.startswith("法国", e) and \
                (norm.endswith(_METHOD_BEFORE, 0, s) or _METHOD_AFTER.match(norm, e + 1)):
            continue  # 采用改良西门子法生产棒状硅: a process named after the firm, no firm
        if is_latin and _LATIN_PRODUCT_NEXT.match(norm, e):
            continue  # Google Play, Apple Pay: a store or a service of the firm's, named as a product
        if form in CUED_LATIN and not (SOURCE_CUE_BEFORE.search(norm, max(0, s - 8), s)
                                       or SOURCE_CUE_AFTER.match(norm, e)):
            continue  # IDC业务 (data centres), Wind: only as a source of data
        managed = MANAGEMENT_LEGAL_AFTER.match(norm, e) if entry.kind == "company" and \
            form.endswith(("投资", "资本", "资产")) else None
        if managed is not None:
            s0 = _with_place_before(norm, s)  # (林芝某某投资管理: the place the legal name begins with)
            hits.append(_Hit(s0, managed.end(), LEGAL_NAME_END.sub("", norm[s0:managed.end()])))
            continue  # 某某投资管理有限公司: the management company, as 某某 + 投资管理有限公司 reads
        if entry.kind == "company" and not form.endswith("集团") and norm.startswith("集团", e) and \
                not norm.startswith("集团股份", e) and (form in groups_named or (norm.startswith(_GROUP_LEGAL_TAILS, e) and
                                          any(t[:3] in ("SH:", "SZ:", "BJ:") for t in entry.tickers))):
            group = d.by_form.get(form + "集团")  # 广州珠江啤酒集团有限公司, 中国石油天然气集团有限公司: the listed firm's
            # (a 股份有限公司) parent group, another firm, and the text's later 珠江啤酒集团 too; by the short name
            # the text gives it (广州市珠江实业集团有限公司（下称“珠江实业”）: the group the text so names)
            tail = LEGAL_TAIL_AFTER.match(norm, e + 2)
            given = SHORT_NAME_AFTER.match(norm, tail.end()) if tail is not None else None
            hits.append(_Hit(s, e + 2, given.group("name") if given is not None else
                             group.name if group is not None and group is not entry else form + "集团"))
            groups_named.add(form)
            continue
        goes_on = None  # (asked once: name characters run on before the entry)
        if entry.kind == "company" and LEGAL_TAIL_AFTER.match(norm, e):
            goes_on = _name_goes_on_left(norm, s)
            if goes_on:
                continue  # 北京某某航天科技股份有限公司: a listed name (航天科技) ending a longer legal name
        if entry.ambiguous or (entry.ambiguous_forms and form in entry.ambiguous_forms):
            if not (COMPANY_CUE_AFTER.match(norm, e) and form not in entry.short_forms) and \
                    not form.endswith(COMPANY_WORD_FORMS) and \
                    not (len(form) > len(entry.name) and entry.name in form) and \
                    (norm[e:e + 1] not in "(（" or (bracket_codes(norm, e) is None and
                                                    not _glossed_by_own_name(norm, s, e, entry))) and \
                    not (norm.endswith(_UNIT_CUE_BEFORE, max(0, s - 4), s) and
                         (jieba.dt.FREQ.get(form, 0) == 0 or
                          (jieba.dt.FREQ.get(form, 0) < 500 and _UNIT_CLAUSE_NEXT.match(norm, e) and
                           _after_named_parent(norm, s, hits)))):
                # (58同城旗下的转转则…: a rarer word after its parent, then the clause goes on, is the unit)
                # (not a short form of curated_forms.tsv before 集团: 长城集团 is no 长城汽车)
                pending.append(_Hit(s, e, entry.name, entry.kind))
                continue  # 新产业, 数字人, 太阳能: only with a code or 股份/集团 after them, or named by a ticker
            if goes_on is None and _name_goes_on_left(norm, s):
                continue  # 深圳某某机器人有限公司: the end of a longer legal name (read by _legal_names), not 机器人
        if norm.startswith(("”", "」"), e) and entry.kind == "company" and s >= 2 and HAS_CJK.match(norm, s - 1) and \
                (q := max(norm.rfind("“", s - 4, s), norm.rfind("「", s - 4, s))) >= 0 and q < s - 1 and \
                HAS_CJK_ONLY.fullmatch(norm, q + 1, s) is not None and \
                (norm[q - 1:q] in ("”", "」") or norm.startswith(("”“", "」「", "”等", "」等"), e)):
            continue  # “浪奇”“高富力”等品牌: a brand in a list of quoted brands that ends with a firm's name (富力), no
            # mention of the firm (not “下一个宁德时代”, a comparison with it)
        if entry.kind == "company" and norm.endswith("官方", 0, s) and form in _PLATFORMS_OF_ACCOUNTS:
            continue  # 通过官方微博发布: the firm's own account on a platform, not the platform's firm
        if form[0] == "大" and s > 0 and norm[s - 1] in "两三四五六七八九十几数" and entry.kind == "company":
            continue  # 重庆的两大摩企: the two big motorcycle makers, not 大摩 (Morgan Stanley)
        if entry.kind == "company" and norm[s - 1:s] in _THINGS_COUNTED and _THING_COUNTED_BEFORE.search(norm, max(0, s - 8), s):
            continue  # 两箱苹果, 3 吨苹果: a thing counted by a measure of goods, not the firm of that name
        if entry.kind == "company" and (INDUSTRY_AFTER.match(norm, e) or NUMBERED_INDEX_AFTER.match(norm, e) or
                                        _names_association(norm, e) or
                                        (form.endswith(("化工", "石化")) and _GOODS_AFTER_TRADE.match(norm, e))):
            continue  # 中国建筑业, 中国软件产业; 澳洲标普200指数: an index of a compiler's
        if entry.kind == "company" and form.startswith("中国") and form[2:] in _SECTOR_NOUNS and \
                _SECTOR_FIRMS_AFTER.match(norm, e):
            continue  # 并购中国食品品牌, 中国软件企业出海: the country's firms of a trade, not the firm of that name
        if entry.name.endswith("基金") and not form.endswith("基金") and FUND_PRODUCT_TAIL.match(norm, e):
            shadow.append((s, e))
            continue  # 国投瑞银白银期货证券投资基金: a product of the house, not the house
        if entry.kind == "company" and (PLACE_AFTER.match(norm, e) or
                                        (norm.startswith("区", e) and not norm.startswith(("区域", "区块"), e) and
                                         form.endswith(("高新", "开发", "经开", "保税", "自贸", "石化", "化工")))):
            continue  # 上海临港新片区, 武汉东湖高新区, 宁波大榭石化区: a zone named like a firm
        if entry.kind == "company" and not entry.tickers and form.endswith(_METRO_ENDS) and \
                _LINE_NUMBER_AFTER.match(norm, e):
            continue  # 深圳地铁14号线: a metro line named by its operator, not the firm
        if entry.kind == "company" and LOCATIVE_BEFORE.search(norm, max(0, s - 3), s) and _place(form[:2]) and \
                not COMPANY_CUE_AFTER.match(norm, e):
            continue  # 生产基地设在上海临港: the place a listed firm is named after
        product = PRODUCT_AFTER.match(norm, e) if entry.kind == "company" else None
        if product is not None and product.end() in bounds:
            shadow.append((s, product.end()))
            continue  # 谷歌趋势, 百度地图: a product, not the company
        ext = ORG_EXTENSION.match(norm, e) if entry.kind == "company" else None
        if ext is not None:
            s0 = _with_place_before(norm, s)
            hits.append(_Hit(s0, ext.end(), LEGAL_NAME_END.sub("", norm[s0:ext.end()])))
            continue  # 某某资产管理集团: its own organisation (辽宁某某集团实业有限公司: with its place)
        if entry.kind == "company" and not entry.tickers and _SITE_ONLY_AFTER.match(norm, e) and _place_and_trade(form):
            continue  # 防城港钢铁基地一期项目: a site named by its place and trade, not the (unlisted) firm
        if entry.kind == "company" and len(form) == 2 and form != entry.name and \
                (other := _SHORT_FORM_THEN_SUFFIX.match(norm, e)) is not None and other.end() in bounds and \
                _SHORT_FORM_NEXT.match(norm, other.end()) is not None and \
                other.group() not in entry.name and d.lookup(norm[s:other.end()]) is None and \
                not FIN_NOT_AFTER.match(norm, other.end()) and not NOT_COMPANY_AFTER.match(norm, other.end()):
            hits.append(_Hit(s, other.end(), norm[s:other.end()]))
            continue  # 达钢能源, 永钢药业: a short form (达钢 of 达州钢铁) and another trade, another firm
        sub = SUBSIDIARY_AFTER.match(norm, e) if entry.kind == "company" and not _is_latin(form) else None
        if sub is not None and sub.group().startswith(("消金", "小贷")) and entry.name.endswith(("消费金融", "小贷", "小额贷款")):
            sub = None  # 招联消金: the lender's own short form (招联消费金融), no unit of it: the firm, as written
            e += 2
        if sub is None and entry.kind == "company" and not entry.tickers and norm.startswith(("交通", "运输"), e) and \
                _MOBILITY_UNIT_NEXT.match(norm, e + 2):
            sub = _MOBILITY_UNIT.match(norm, e)  # 西门子交通牵头, 庞巴迪运输。: an unlisted maker's transport arm,
            # the clause going on (not 顺丰运输效率, 百度交通大脑: a listed firm's trade, nor before a noun)
        if sub is not None and sub.group().startswith("期货") and \
                not any(f.endswith(_FINANCIAL_GROUP_ENDS) for f in (entry.name, *entry.aliases)) and \
                not any(t[:3] in ("SH:", "SZ:", "HK:") for t in entry.tickers):
            sub = None  # 苹果期货: a commodity's futures; a broker's or a group's arm only (中信建投期货)
        if sub is not None and sub.end() in bounds and not FIN_NOT_AFTER.match(norm, sub.end()) \
                and not SECTOR_DESK_AFTER.match(norm, sub.end()) \
                and not entry.name.endswith(sub.group()) and jieba.dt.FREQ.get(norm[s:sub.end()], 0) == 0:
            s0 = _with_place_before(norm, s) if sub.group() in _PLACE_NAMED_SUBSIDIARY else s
            hits.append(_Hit(s0, sub.end(), norm[s0:sub.end()]))
            continue  # 华融信托, 国新资本: a subsidiary named after its group, its own company
        if entry.kind == "company" and norm.startswith("国际", e) and entry.name.endswith(("基金", "证券")) and \
                not form.endswith(("基金", "证券")) and e + 2 in bounds:
            hits.append(_Hit(s, e + 2, norm[s:e + 2]))
            continue  # 博时国际, 嘉实国际: a fund house's or a broker's Hong Kong arm, its own company
        if entry.name.startswith(ST_NAMES) and not form.startswith(ST_NAMES) and entry.kind == "company":
            plain = SUFFIX_RE.match(norm, e)
            if plain is not None and plain.end() in bounds:
                hits.append(_Hit(s, plain.end(), norm[s:plain.end()], "company", list(entry.tickers)))
                continue  # 正邦科技 in a text of its day: the list's *ST正邦 is a later risk warning
        if form.endswith("股份") and ((norm.startswith("行", e) and (e + 1 == len(norm) or norm[e + 1] in _BANK_KIND_NEXT)) or
                                     norm.startswith(("制银行", "制商业银行", "制改造", "制改革"), e)):
            continue  # 同为股份行的浙商银行: a joint-stock bank's kind, no firm (同为股份; not 金科股份行政处罚, 河钢股份制造)
        if form in _TECH_ACRONYMS and _TECH_AFTER_ACRONYM.match(norm, e):
            continue  # 传统的PTC加热方式, PTC方案: a technology's acronym (a heater), not the firm of those letters
        if entry.kind == "company" and norm.startswith(("（中国）", "(中国)"), e) and form.endswith(_CHINA_ARM_ENDS) and \
                not any(t[:3] in ("SH:", "SZ:", "BJ:") for t in entry.tickers):
            tail = LEGAL_TAIL_AFTER.match(norm, e + 4)
            hits.append(_Hit(s, tail.end() if tail is not None else e + 4, form + "（中国）"))
            continue  # 大和证券（中国）, 摩根大通证券（中国）有限责任公司: a foreign firm's arm in China, a firm of its own
        hits.append(_Hit(s, e, entry.name, entry.kind))

    coded_heads: list[_Hit] = []  # known names a coded name begins with (removed after the loop: by_end indexes hits)
    heads_at: dict[int, list[_Hit]] = {}  # the dictionary's hits by where they begin
    for h in hits:
        heads_at.setdefault(h.start, []).append(h)
    by_end: dict[int, list[int]] = {}  # end offset -> indices into hits (the latest added hit wins)
    for i, h in enumerate(hits):
        by_end.setdefault(h.end, []).append(i)
    for bs, be, codes in find_brackets(norm):
        if in_cashtag.overlaps(bs, be):
            continue
        if norm.startswith("》", be) and len(codes) == 1 and YEAR_IN_TITLE.fullmatch(norm, bs + 1, be - 1):
            continue  # 《…经验发生率表（2020）》: a document's year, no Hong Kong code
        cands = sorted((i for end, idx in by_end.items() if bs - 20 <= end <= bs for i in idx), reverse=True)
        before = next((hits[i] for i in cands if hits[i].end == bs or BETWEEN_NAME_AND_CODE.fullmatch(norm, hits[i].end, bs)
                       or LEGAL_TAIL.fullmatch(norm, hits[i].end, bs)
                       or (_ORG_TAIL_RUN.fullmatch(norm, hits[i].end, bs) and _holds_a_code(d, hits[i], codes))), None)
        # (新东方教育科技集团（09901.HK）: the known firm's fuller name before a code it holds)
        letters_only = all(not c.split(":")[1].isdigit() and not explicit for c, explicit in codes)
        if before is not None and norm.startswith("控股", before.end) and before.kind == "company":
            known = d.lookup(before.name)
            hk = [c for c, _ in codes if c.startswith("HK:")]
            if known is not None and known.tickers and hk and not any(c in known.tickers for c in hk) and \
                    not known.name.endswith("控股") and BETWEEN_NAME_AND_CODE.fullmatch(norm, before.end + 2, bs):
                # 中国稀土控股（00769.HK） beside the A-share 中国稀土: a Hong Kong firm of its own name
                hits.remove(before)
                hits.append(_Hit(before.start, before.end + 2, norm[before.start:before.end + 2], "company",
                                 [c for c, _ in codes]))
                shadow.append((bs, be))
                continue
        if before is not None and before.kind == "media" and all(explicit for _, explicit in codes):
            # 新浪公司（SINA.US）: a news site's owner given its own stock code is the listed company, named as written
            before.name, before.kind = _clean(norm[before.start:before.end]), "company"
        if before is not None:
            known = d.lookup(before.name)
            if letters_only and not (known and any(c in known.tickers for c, _ in codes)) and \
                    not (known and len(codes) == 1 and known.tickers and
                         not ((known.ambiguous or norm[before.start:before.end] in known.ambiguous_forms) and
                              _glossed_by_own_name(norm, before.start, bs, known))):
                continue  # (通力（KONE）: an ambiguous form read by its Latin name, that name no code of its; an
                # unambiguous one keeps it, as 美国国际集团（AIG） does; a firm the dictionary knows unlisted takes no
                # letters as a code: 联合发射联盟（ULA）, an acronym)
            before.codes.extend(c for c, _ in codes)
            shadow.append((bs, be))
            continue
        word = _LATIN_THEN_COMPANY_WORD.search(norm, max(0, bs - 20), bs) if norm.endswith(("公司", "集团"), 0, bs) else None
        if word is not None and word.group("name").upper() in {c.split(":")[1] for c, _ in codes}:
            entry = d.lookup(word.group("name")) or d.lookup(word.group())  # 其母公司IMAX公司（IMAX.US）: the firm its code spells
            hits.append(_Hit(word.start("name"), word.end("name"), entry.name if entry else word.group("name"),
                             "company", [c for c, _ in codes]))
            shadow.append((bs, be))
            continue
        if letters_only:
            continue
        got = _left_name(norm, bs, d, coded=all(explicit for _, explicit in codes))
        if got is not None and LEGAL_NAME_END.search(got[1]) and \
                (k := max(norm.rfind(")", max(0, got[0] - 3), got[0]), norm.rfind("）", max(0, got[0] - 3), got[0]))) >= 0 \
                and (k + 1 == got[0] or HAS_CJK_ONLY.fullmatch(norm, k + 1, got[0]) is not None):
            # 易居（中国）企业控股有限公司（02048.HK）: the name runs on before a bracketed place to the brand
            got = _with_bracketed_place(norm, (k + 1, norm[k + 1:got[0]] + got[1]), d)
            got = got if got[1] else None
        if got is not None and len(got[1]) <= 3 and jieba.dt.FREQ.get(got[1], 0) >= _COMMON_NAME_WORD_FREQ and \
                d.lookup(got[1]) is None and got[0] + len(got[1]) < bs:
            got = None  # 京粮控股同时发行B股（京粮B，200505）: a verb before the shares, no name (the firm's other listing;
            # 先锋（06831.HK）, with nothing between, keeps its name)
        if got is not None and _LISTED_ON_END.search(got[1]):
            shadow.append((bs, be))
            if (lister := _clause_lister(norm, hits, bs)) is not None:  # 蓝海生物科技通过IPO登陆纳斯达克（BLUH.US）
                lister.codes.extend(c for c, _ in codes if c not in lister.codes)
            continue  # 通过IPO登陆纽交所（TDOC.US）: a listing verb and its exchange, no name; the code the clause's one firm's
            # (not the paragraph's last firm's: 在花旗的帮助下通过IPO登陆纽交所 names the bank before)
        shadow.append((bs, be))
        region = _REGION_BRACKET_END.search(norm, max(0, bs - 6), bs) if got is None else None
        if region is not None and (inner := _left_name(norm, region.start(), d)) is not None:
            got = (inner[0], inner[1] + "（" + region.group("region") + "）")  # 某某（亚洲）（03366.HK）: the name holds its region
        if (got is None or (_is_block(d, got[1]) and not (got[1].endswith(_LISTED_BODY_ENDS) and _exchange_own_codes(codes, d)))) \
                and (market := MARKET_BEFORE.search(norm, max(0, bs - 12), bs)) is not None:  # (在港交所（00388.HK）…带动下: the exchange's own)
            para = norm.rfind("\n", 0, bs) + 1
            firm = max((h for h in hits if para <= h.start and h.end <= bs and h.kind == "company"),
                       key=lambda h: h.end, default=None) if not market.group().startswith(_LISTING_VERBS) else \
                _clause_lister(norm, hits, bs)  # (在高盛的帮助下登陆纽交所（X.US）: the clause's firm, not the bank)
            if firm is not None:  # 百济神州……同日，其港股（06160.HK）收跌，美股（BGNE.US）: the firm's other listings
                firm.codes.extend(c for c, _ in codes if c not in firm.codes)
            continue
        if got is None:
            lead = bracket_latin_name(norm, bs)
            if lead is not None:  # 某某收购公司（Aquila Acquisition Corporation，07836.HK）: the firm by its Latin name
                name = norm[lead[0]:lead[1]]
                entry = d.lookup(name)
                hits.append(_Hit(lead[0], lead[1], entry.name if entry else name, "company", [c for c, _ in codes]))
            continue
        ns, raw = got
        if len(raw) > 3 and raw[1] == "股" and raw[0] in "ABH":
            para = norm.rfind("\n", 0, bs) + 1
            firm = max((h for h in hits if para <= h.start and h.end <= ns and h.kind == "company"),
                       key=lambda h: h.end, default=None) if norm.endswith("其", 0, ns) else None
            if firm is not None:  # 佛山照明（000541）及其B股粤照明B（200541）: the firm's other class of shares (not
                # 腾讯控股走强，H股某某医疗（02999）: another firm's shares of that class)
                firm.codes.extend(c for c, _ in codes if c not in firm.codes)
                continue
            ns, raw = ns + 2, raw[2:]
        entry = d.lookup(raw)
        if entry is None and len(raw) >= 3 and HAS_CJK.match(raw):
            owner = next((o for o in (d.by_ticker.get(c) for c, _ in codes) if o is not None and o.kind == "company"), None)
            if owner is not None and _own_form(raw[1:], owner):
                ns, raw, entry = ns + 1, raw[1:], owner  # 原始权益人|盐田港（000088）: a word's last character glued to the
                # name of the code's own firm
        if entry is None and ns > 1:  # 其中熊猫|金控（600599.SH）: the code's firm's name (ST熊猫's 熊猫) right before the reading
            for c, _ in codes:
                owner = d.by_ticker.get(c)
                base = re.sub(r"^\*?ST", "", owner.name) if owner is not None else ""
                if len(base) >= 2 and norm.endswith(base, 0, ns):
                    ns, raw = ns - len(base), base + raw
                    break
        if entry is None and ns > 0 and norm[ns - 1] in STOP_TOKENS and HAS_CJK.match(norm, ns - 1) and \
                any(d.by_ticker.get(c) is not None and d.by_ticker[c].name[0] == norm[ns - 1] for c, _ in codes):
            ns, raw = ns - 1, norm[ns - 1] + raw  # 同|程艺龙（00780.HK）: the name begins with a character the reading stops at
        if entry is None and (LEGAL_NAME_END.search(raw) or (len(raw) >= 4 and HAS_CJK.match(raw))):
            owners = {id(o): o for o in (d.by_ticker.get(c) for c, _ in codes) if o is not None}
            owner = next(iter(owners.values())) if len(owners) == 1 else None
            legal = LEGAL_NAME_END.search(raw) is not None
            if owner is not None and any(_abbreviates(f, raw) and (legal or f[0] == raw[0])
                                         for f in (owner.name, *owner.aliases) if HAS_CJK.match(f)):
                # (a fuller name than the short one, 中远海运发展（601866.SH）, 中远海发's, is read whole over
                # the known names inside it, 中远海运: the name the text writes, the codes' firm's name of its day)
                hits[:] = [h for h in hits if not (ns <= h.start and h.end <= ns + len(raw))]
                if legal or (raw.startswith(owner.name) and SUFFIX_RE.fullmatch(raw, len(owner.name))):
                    entry = owner  # (科伦博泰生物（06990.HK）: the known name and a trade's word, the firm's own)
                # 中国能源建设股份有限公司（601868.SH、03996.HK）: the legal name of the firm its codes are,
                # when its name abbreviates the legal one (a code another firm holds names no firm of its own)
        if entry is not None and entry.kind == "block":
            if raw.endswith(_LISTED_BODY_ENDS) and _exchange_own_codes(codes, d):  # (和港交所（06160.HK）: another firm's)
                # 香港交易所（00388.HK）: an exchange given its own stock code is the listed company it is
                hits.append(_Hit(ns, ns + len(raw), _clean(raw), "company", [c for c, _ in codes]))  # (as written)
            continue
        hits.append(_Hit(ns, ns + len(raw), entry.name if entry else _clean(LEGAL_NAME_END.sub("", raw)),
                         entry.kind if entry else "company", [c for c, _ in codes]))
        by_end.setdefault(ns + len(raw), []).append(len(hits) - 1)
        coded_heads.extend(h for h in heads_at.get(ns, ()) if h.end < ns + len(raw) and not h.codes and
                     h.kind == "company" and h.name != hits[-1].name and
                     not ((known := d.by_form.get(h.name)) is not None and any(c in known.tickers for c, _ in codes)))
        # (中粮肉食（01610.HK）: the coded firm's name, not the group 中粮 its first word is; but 新东方在线科技（01797.HK）
        # keeps 新东方在线, the known firm whose code it is)
    if coded_heads:
        dropped = {id(h) for h in coded_heads}
        hits[:] = [h for h in hits if id(h) not in dropped]

    asked: set[str] = set()  # the words of _ASKED_WORDS the text holds (found by the cue words' pass)
    cue_starts = _cue_word_starts(norm, asked)
    st_taken = Occupancy(len(norm), [(h.start, h.end) for h in hits] + shadow + cashtag_spans)
    for m in ST_RE.finditer(norm) if "ST" in asked else ():
        s, e = m.start(), m.end() + 2
        prefix = ST_PREFIX_BEFORE.search(norm, max(0, s - 3), s)
        s -= len(prefix.group()) if prefix else 0
        if s > 0 and ((norm[s - 1].isascii() and norm[s - 1].isalnum()) or norm[s - 1] == "*"):
            continue  # the end of a Latin word (FIRST海外)
        if e < len(norm) and e not in bounds and _st_long_name(norm, m.end()):
            e += 1  # ST红太阳：a three-character short name that jieba keeps whole
        if st_taken.overlaps(s, e) or (e < len(norm) and e not in bounds):
            continue
        base = norm[m.end():e]
        if base in GENERIC_PREFIX or base in STOP_TOKENS or base in ST_WORDS or base[0] in "股类帽板" or \
                base[0] in "的了和与及或是在":
            continue  # ST公司, ST板块, ST的股价: the category, not a name
        raw = norm[s:e]
        entry = d.lookup(raw) or d.st_base(base)  # *ST金正 → 金正大: the listed company under risk warning
        if entry is None and jieba.dt.FREQ.get(base, 0) >= 60 and \
                not (ST_NAME_AFTER.match(norm, e) or ST_LONG_END.match(norm, e)):
            continue  # ST当代 is a stock only where a stock is spoken of: *ST当代：…, ST当代公告
        hits.append(_Hit(s, e, entry.name if entry else raw, "company"))

    confirmed = {h.name for h in hits if h.codes}
    for t in tickers:
        found = d.lookup(t.name) if t.name else d.by_ticker.get(t.code)
        if found is not None:
            confirmed.add(found.name)
    # (the words asked of the text more than once are asked once: each asking scans the text)
    short_named = "简称" in asked or "下称" in asked
    if short_named:
        _short_names_with_codes(norm, hits, confirmed, d)
    kept = [h for h in pending if h.name in confirmed or _code_in_next_cell(norm, h, d)]
    hits.extend(kept)
    _listed_with_companies(norm, hits, [h for h in pending if h.name not in confirmed])

    _place_banks(norm, hits, shadow, d)
    if "合资" in asked or "持" in norm:  # (what _VENTURE_BEFORE needs: 合资的, (各)持股…的)
        _joint_ventures(norm, hits, d)
    taken = Occupancy(len(norm), [(h.start, h.end) for h in hits] + shadow)
    # a firm's short form (三一 for 三一重工, 中节能 for 中国节能: curated_forms.tsv; any alias of two characters)
    # where more name characters
    # follow: it may head a longer name of the text's (三一海洋重工), which the suffix and legal-name rules read over it
    heads = {h.start: h for h in hits if h.kind == "company" and not h.codes and h.end < len(norm) and
             HAS_CJK.match(norm, h.end) and (entry := d.lookup(h.name)) is not None and
             (norm[h.start:h.end] in entry.short_forms or (h.end - h.start == 2 and norm[h.start:h.end] != h.name))}
    # (the forms of curated_forms.tsv read as the suffix rules read before the dictionary held them: 华电科技)
    short_heads = {p for p, h in heads.items()
                   if (he := d.lookup(h.name)) is not None and norm[h.start:h.end] in he.short_forms}
    under = "旗下" in asked
    units = "子公司" in asked
    if under:
        _units_under_parent(norm, hits, taken, d)
    if "两家" in asked or "二家" in asked or "2家" in asked:  # (what _PAIR_COUNTED needs: 家 alone is in most texts)
        _pair_counted(norm, hits, taken, d, heads)
    if (under and ("旗下）" in asked or "旗下)" in asked)) or (units and "子公司）" in asked):
        _unit_with_parent_in_bracket(norm, hits, taken, d)
    if "国网" in asked or "电网公司" in asked:
        _grid_companies(norm, hits, taken, d)
    if units or under:
        spans = {id(h): (h.start, h.end) for h in heads.values()}
        _units_by_legal_name(norm, hits, d)
        heads = {p: h for p, h in heads.items() if (h.start, h.end) == spans[id(h)]}  # (not a head made a unit)
    _legal_names(norm, hits, taken, d, heads)
    _bureau_names(norm, hits, taken, d)
    weak: list[_Hit] = []
    known_starts = {h.start for h in hits if h.kind == "company"}
    known_ends = {h.end for h in hits if h.kind == "company"}
    occupied = taken.taken  # (what taken.overlaps reads, read here without a call per suffix)
    titled = "《" in norm
    if _NAME_CHECKS[0] is not d:  # (its memo holds what this dictionary gives)
        _NAME_CHECKS[:] = [d, {}]
    name_memo = _NAME_CHECKS[1]
    for _k, ss, se in _suffix_spans(norm):
        if 1 in occupied[ss:se]:
            continue
        if titled and _in_book_title(norm, ss):
            continue  # 《证券期货业科技发展规划》: a document's title names no firm
        got = _suffix_name(norm, ss, se, d)
        if got is None and norm[ss:se] in COMPOUND_GROUPS:
            ss = se - 2  # 中国水务集团: read with the bare 集团, as before the compound suffixes
            got = _suffix_name(norm, ss, se, d)
        suffix_word = norm[ss:se]  # (the suffix read: the text's from ss to se until se moves on past a 集团 below)
        if got is not None and 1 in occupied[got[0]:se] and (head := heads.get(got[0])) is not None and \
                any(x is head for x in hits) and 1 not in occupied[head.end:se] and \
                ((known := d.lookup(got[1])) is None or known.name == head.name) and \
                (head.end < ss or head.start in short_heads or not _SHORT_FORM_THEN_SUFFIX.fullmatch(norm, ss, se) or
                 _SHORT_FORM_NEXT.match(norm, se) is not None or norm.startswith("集团", se)):
            # (right before the suffix, only before a cue or punctuation, as _SHORT_FORM_THEN_SUFFIX reads: not
            # 海尔智能冰箱, a brand and its product)
            hits[:] = [x for x in hits if x is not head]  # 三一|海洋重工, 中盐|长江盐化: a firm's short form heading a longer name of its own
            occupied[head.start:head.end] = bytes(head.end - head.start)
        whole = suffix_word == "集团" and ss not in bounds and (got is None or got[0] not in bounds)
        # (the suffix's word first: asking the segmenter's bounds at every suffix costs a cut of the text there)
        if whole:
            got = _group_word(norm, ss, se, bounds, d)  # 红塔集团: a group's name jieba keeps whole
        if got is None or 1 in occupied[got[0]:se] or \
                (ss not in bounds and not whole and not (suffix_word in COMPOUND_GROUPS and got[0] in bounds)):
            continue  # (a compound suffix may begin inside a word jieba made: 城乡|建设 read as 城乡建设)
        if norm.endswith(("（原", "(原"), 0, got[0]) and got[0] >= 3 and norm[got[0] - 3] not in "，,。；;：:" and \
                norm[se:se + 1] in ("）", ")"):
            continue  # 澄汇证券（原澄泰证券）: the firm's former name, glossed after it (a name before the bracket, the
            # bracket closed after the suffix: not 王某（原鼎新证券首席经济学家）), no firm of its own
        if "会" in norm[se:se + 8] and _names_association(norm, se):
            continue  # 中国五矿化工|进出口商会: an association's name, no firm
        after = norm[se:se + 1]  # (the patterns below that read on from se are tried only where they can begin)
        if (after in "量额" and _MEASURE_OF_SUFFIX_WORD.match(norm, se)) or \
                (suffix_word in ("资产", "资本") and _SIZE_OF_ASSETS_AFTER.match(norm, se)):
            continue  # 平台的退订咨询量, 新增投资额, 投顾资产规模, 重大项目资本金: a measure of the suffix's word, no firm
        if after in _SITE_AFTER_PLACED_TRADE_FIRST and _SITE_AFTER_PLACED_TRADE.match(norm, se) and _placed_trade(got[1]):
            continue  # 惠州化工综合体项目, 惠州大亚湾石化区: a site or zone named by its place and trade, no firm
        # (the name's entry, and whether the checks of the name alone refuse it: memoised on the name and its
        # suffix's length, all they read)
        checked = name_memo.get((got[1], se - ss))
        if checked is None:
            make_room(name_memo, 100_000)
            checked = name_memo[(got[1], se - ss)] = _suffix_name_checks(got[1], se - ss, d)
        entry, refused, core = checked
        if refused:
            continue
        if norm.startswith("馆", se):
            continue  # 天猫医药馆, 上海科技馆: a shop or a museum, no firm
        if entry is None and norm[got[0] - 1:got[0]] == "被" and suffix_word.endswith("银行") and \
                jieba.dt.FREQ.get(core, 0) > 0:
            continue  # 被注资银行: a verb of the passive before the trade's word, no brand
        if entry is None and got[0] >= 4 and norm[got[0] - 1] in ")）" and LEGAL_TAIL_AFTER.match(norm, se):
            place = _PLACE_BRACKET_END.search(norm, max(0, got[0] - 6), got[0])
            if place is not None and place.start() in known_ends:
                continue  # 元气森林（北京）食品科技集团有限公司: the known firm's legal name, its trade words no firm
        if entry is None and (core in GENERIC_PREFIX or
                              ((se in known_starts or (_glossed_name_at(norm, se) and norm[se] not in _ENDS_NAME
                                                       and norm[se] != "则")) and
                               all(len(t) > 1 and jieba.dt.FREQ.get(t, 0) > 0 for t in lcut(core)))):
            continue  # 新东方教育科技集团: no 科技集团; 日本人力资源集团瑞可利: the kind of firm the name after it is
        if entry is None and got[0] > 0 and 1 in occupied[got[0] - 1:got[0]] and HAS_CJK.match(norm, got[0] - 1) and \
                LEGAL_TAIL_AFTER.match(norm, se) and _known_ends_at(hits, got[0], d):
            continue  # 中复神鹰碳纤维股份有限公司: the known firm's legal name, its trade words no firm
        if entry is None and norm.startswith("集团", se) and se + 2 in bounds and not norm.startswith(("化", "内", "层面"), se + 2) \
                and not suffix_word.endswith("集团"):
            taken.add(se, se + 2)
            got, se = (got[0], got[1] + "集团"), se + 2  # 广西汽车集团: the group's word is the name's
        hit = _Hit(got[0], se, entry.name if entry else got[1], entry.kind if entry else "company")
        if entry is None and norm[ss:se] in WEAK_SUFFIXES and not _org_cue(norm, got[0], se):
            weak.append(hit)  # 凯丰投资 … : kept with a cue, in a list with companies, or named so elsewhere
        else:
            hits.append(hit)
        taken.add(got[0], se)
    if weak:
        sure = {h.name for h in hits}
        weak_sure = [h for h in weak if h.name in sure or any(w.name == h.name and _org_cue(norm, w.start, w.end)
                                                               for w in weak)]
        hits.extend(weak_sure)
        _listed_with_companies(norm, hits, [h for h in weak if h not in weak_sure])

    for m in _matches_at(LATIN_CUE_RE, norm, cue_starts[4]):
        name = m.group("name").rstrip(".-")
        s = m.start("name")
        if name in LATIN_STOP or taken.overlaps(s, s + len(name)) or len(name) < 2:
            continue
        maker = norm.startswith(_MAKER_WORDS, m.start())
        if maker and ((known := d.lookup(name)) is None or known.kind != "company") and \
                (_PRODUCT_WORD_AFTER.match(norm, s + len(name)) or _MAKER_PRODUCT_AFTER.match(norm, s + len(name))):
            continue  # 设备商HJT设备, 运营商IDC业务, 制造商OEM/ODM: a technology or a product after a maker's word;
            # a firm's name goes on to the clause (检测设备商STI，…, 制造商MTD剩余股权, 运营商IWG（雷格斯母公司）)
        entry = known if maker else d.lookup(name)
        hits.append(_Hit(s, s + len(name), entry.name if entry else name, entry.kind if entry else "company"))
        taken.add(s, s + len(name))

    bracketed = "(" in norm or "（" in norm
    if bracketed:
        for b in _matches_at(_SPELT_OUT, norm, opener_positions(norm, "(（")):  # (a bracket holding Latin words: the
            # only places to look; its matches begin with the bracket: matched there alone, as finditer finds them)
            a = _ACRONYM_BEFORE.search(norm, max(0, b.start() - 7), b.start())
            if a is None:
                continue
            short, full = a.group("short"), b.group("full")
            initials = "".join(w[0] for w in full.split() if w[0].isupper())
            if initials == short and short not in LATIN_STOP and _FIRM_WORD_LATIN.search(full) and \
                    not taken.overlaps(a.start("short"), a.end("short")):
                _add_named(norm, hits, taken, d, a.start("short"), a.end("short"), short)
                # 子公司CUB（Carlton & United Breweries）: an acronym its bracket spells out as a firm's name
    if "国家" in asked:
        _state_firms(norm, hits, taken, d)
    if bracketed:
        _glossed_names(norm, hits, taken, d)
    _names_beyond_dictionary(norm, hits, taken, d, cue_starts)
    _names_after_kind_words(norm, hits, taken, d, cue_starts[0])
    _enumerated_names(norm, hits, taken, d)
    _line_list_names(norm, hits, taken, d)
    if "一家" in asked:
        _defined_names(norm, hits, taken, d)
    if "“" in norm or '"' in norm:
        _quoted_after_kind(norm, hits, taken, d)

    for m in _matches_at(ACQUIRE_RE, norm, cue_starts[5]):
        s, e = m.span("name")
        if taken.overlaps(s, e):
            continue
        name = m.group("name")
        if "的" in name and name not in d.by_form:
            name = name[:name.index("的")]  # 收购…企业SAM的资产: the firm's name ends before 的 (收购…公司的股权: none)
            e = s + len(name)
            if len(name) < 2 or taken.overlaps(s, e):
                continue
        if (jieba.dt.FREQ.get(name, 0) > 0 and name not in d.by_form) or name[0] in FUNCTION_CHARS:
            continue  # (企业将易主: a verb after the word for a firm, no name)
        if name not in d.by_form and all(len(t) > 1 and jieba.dt.FREQ.get(t, 0) > 0 for t in lcut(name)):
            continue  # 收购某某有限公司全部股权: words of the language after the firm (what is bought), no name
        hits.append(_Hit(s, e, name))
        taken.add(s, e)

    if "%" in norm and ("股权" in asked or "权益" in asked or "股份" in asked):
        _stakes(norm, hits, taken, d)
    if short_named:
        _short_names_after_latin_gloss(norm, hits, taken, d, bounds)
        _legal_names_over_known_forms(norm, hits, d)
    _short_names(norm, hits, d, taken, bounds, asked)
    if "”" in norm or '"' in norm:
        _codes_after_quoted_names(norm, hits, shadow, d)
    _prose_codes(norm, hits, shadow, d)
    _more_mentions_of_new_names(norm, hits, tickers, d, taken)
    if "|" in norm or "\t" in norm:  # (a table's cells)
        _codes_in_next_cells(norm, hits, shadow)
        if "代码" in asked:
            _code_column(norm, hits, taken, shadow, d)
    return hits, shadow, cashtag_spans


# what shows a joint venture named by its parents' two names glued, right before it in its clause
# (华域与麦格纳合资的华域麦格纳, 各持股 50% 的延锋安道拓座椅有限公司, 持股 49.2% 并纳入合并报表的海信日立):
# not 合资品牌, 合资车企 (a kind), nor a
# legal name that makes one of the two its short name (益海嘉里金龙鱼…（以下简称“金龙鱼”）)
def _suffix_name_checks(name: str, suffix_len: int, d: Dictionary) -> tuple[Entry | None, bool, str]:
    """(the entry of a suffix's name by its full form, whether the name alone shows it no firm's, its core:
    the name without its suffix), for the suffix rule of :func:`_find_hits`."""
    entry: Entry | None = _known_by_full_form(name, d)  # (长城集团: no 长城汽车 by its short form 长城)
    core = name[:len(name) - suffix_len]
    if entry is not None and entry.kind == "block":
        return entry, True, core
    if entry is None and core[:1] in _SCALE_OR_TIME_FIRST and (_MAGNITUDE_CORE.fullmatch(core) or
                                                               _PER_UNIT_CORE.fullmatch(core) or _TIME_CORE.fullmatch(core)):
        return entry, True, core  # “千亿地产黑马”, 百亿私募: a scale, no brand; 单台机器人: one unit of the thing
    if entry is None and len(core) == 2 and core[1] in "将要会可能" and core[0] in "拟即还也仍已均正或":
        return entry, True, core  # 公司拟将控股子公司…分拆: a modal before the suffix's word, no brand
    if entry is None and (core.endswith("指数") or (len(core) == 2 and core[0] == "可" and core[1] in "配售转交流")):
        return entry, True, core  # 价格指数保险: an index's insurance; 可配股份: shares one may take up; no brand
    if entry is None and len(core) >= 3 and (core.endswith(("级", "特色", "型")) or
                                             (core[-1] in "和与及或" and (jieba.dt.FREQ.get(core[:-1], 0) > 0 or
                                                                         core[:-1] in STOP_TOKENS))):
        return entry, True, core  # 企业级软件, 中国特色证券集体诉讼: a grade or a kind, no brand; 投行和会计师事务所: a list of trades
    return entry, False, core


_NAME_CHECKS: list = [None, {}]  # (the dictionary, {(name, suffix length): what _suffix_name_checks gives})


_VENTURE_BEFORE = re.compile(r"(?:合资(?:的|成立的?|设立的?|组建的?)|(?:各持股?|持股)[^，。；,;]{0,14}的)[^，。；,;]{0,4}$"
                             r"|合资的[^，。；,;由将]{0,6}子公司$|合资(?:子)?公司$|合资企业$")
# (与日立合资的中央空调子公司海信日立, 合资公司华域麦格纳; not 合资的数据中心项目将由中国电信天翼云: a firm and its unit)
_VENTURE_LEGAL_AFTER = re.compile(r"[" + CJK + r"]{0,6}?(?:股份有限公司|有限责任公司|有限公司)")


def _joint_ventures(norm: str, hits: list[_Hit], d: Dictionary) -> None:
    """Two known firms' names written together (延锋|安道拓, 华域|麦格纳) right after the words that make
    them a venture (合资的, 各持股…的): the venture, one firm of that name, there and every other place the
    pair is written. Two names glued without that stay two firms (中国电信天翼云, 标普高盛, 合资品牌长安福特
    马自达: a firm and its unit, a list without its comma)."""
    firms = sorted((h for h in hits if h.kind == "company" and not h.codes and HAS_CJK.match(norm, h.start)),
                   key=attrgetter("start"))
    at_start = {h.start: h for h in firms}
    pairs = [(a, b) for a in firms if (b := at_start.get(a.end)) is not None and a.name != b.name and
             HAS_CJK.match(norm, a.end - 1) and HAS_CJK.match(norm, b.end - 1) and
             (e := d.lookup(a.name)) is not None and e.kind == "company" and
             (f := d.lookup(b.name)) is not None and f.kind == "company"]
    ventures = {norm[a.start:b.end] for a, b in pairs
                if _VENTURE_BEFORE.search(norm, max(0, a.start - 20), a.start) and
                not ((legal := _VENTURE_LEGAL_AFTER.match(norm, b.end)) is not None and
                     (short := SHORT_NAME_AFTER.match(norm, legal.end())) is not None and
                     short.group("name") in (norm[a.start:a.end], norm[b.start:b.end]))}
    for a, b in pairs:
        name = norm[a.start:b.end]
        if name in ventures and a in hits and b in hits:
            hits.remove(b)
            a.end, a.name = b.end, name


_COUNT_CHARS = frozenset("一二两三四五六七八九十百千几数多各每")  # (槟城两座封测厂各 85% 股权: counted, no name)


# a firm's Latin name and the short name the text gives it, in one bracket after its Chinese name
# (索恩格汽车部件（SEG Automotive，以下简称“索恩格”）): the short name is a firm's, and its mentions after
LATIN_GLOSS_SHORT_NAME = re.compile(r"[(（][A-Za-z][A-Za-z0-9 .&'+\-\u00c0-\u00ff]{1,40}[,，]\s?(?:以下简称|以下称|下称|简称)\s?[:：]?\s?"
                                    r"[\"“](?P<name>[" + CJK + r"]{2,8}|[A-Z][A-Za-z0-9&]{1,10})[\"”][)）]")
# (钴业总公司（Entreprise Générale du Cobalt，简称“EGC”）: a short name in Latin letters, a gloss with accents)


_CJK_RUN_BEFORE = re.compile(r"[" + CJK + r"]{2,16}$")
_NOT_FIRM_END = re.compile(r"(?:条例|协定|协议|准则|法案?|办法|规定|标准|组织|联盟|小组|工作组|局|会|委|署|院|厅|部|府)$")


def _not_firm_end(name: str) -> bool:
    """Whether ``name`` ends as a law, a rule or a body does (证券法, 欧盟数据保护条例, 谈判小组): a
    name ending in 法 alone is a law only when what comes before is words of the language (证券|法),
    not a transliteration (英纳法 for Inalfa)."""
    m = _NOT_FIRM_END.search(name)
    if m is None:
        return False
    if m.group() != "法":
        return True
    return all(len(t) > 1 and jieba.dt.FREQ.get(t, 0) > 0 for t in lcut(name[:-1])) if len(name) > 1 else True


def _short_names_after_latin_gloss(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary,
                                   bounds: LazyBounds) -> None:
    for m in LATIN_GLOSS_SHORT_NAME.finditer(norm):
        s, e = m.span("name")
        name = m.group("name")
        before = _CJK_RUN_BEFORE.search(norm, max(0, m.start() - 16), m.start())
        run = before.group() if before is not None else ""
        if not run or _not_firm_end(run) or not (run.startswith(name[:2]) or SUFFIX_RE.search(run[-4:]) or
                                                        KIND_END.search(run)):
            continue  # 欧盟通用数据保护条例（GDPR，以下简称“…”）, 张三（Zhang San，…）: a law, a body, a person
        if name.isascii() and any(h.end > m.start() - len(run) and h.start < m.start() for h in hits):
            continue  # 马士基集装箱工业有限公司（…，以下简称“MCI”）: a known firm's unit, whose rules take its short name
        if name.isascii() and (not re.search(r"(?:总公司|有限公司|集团)$", run) or name in LATIN_STOP or name in LATIN_NOT_FIRM or
                               _described(re.sub(r"(?:总公司|有限公司|集团)$", "", run))):
            continue  # 特殊目的收购公司（…，简称“SPAC”）, 电动汽车（…，简称“EV”）: a term's acronym; a firm's comes after
            # a firm's own name ending in its company word (钴业总公司（…，简称“EGC”）)
        entry = d.lookup(name)
        if taken.overlaps(s, e) or (entry is not None and entry.kind != "company") or name in STOP_TOKENS or \
                name in GENERIC_PREFIX or name.endswith(_GENERIC_ENDS) or name.endswith(("项目", "计划", "协议", "基金")) or \
                (jieba.dt.FREQ.get(name, 0) > 0 and entry is None):
            continue
        hits.append(_Hit(s, e, entry.name if entry else name))
        taken.add(s, e)
        _bare_mentions(norm, hits, taken, bounds, name, m.end(), entry.name if entry else name)


def _stakes(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """A firm a stake is dealt in (收购彰泰服务 80% 的股权): the name before the share, where it is no
    word of the language, no kind or role (标的公司, 子公司), and not words of the language alone
    (员工持股平台)."""
    for share in _STAKE_SHARE.finditer(norm):
        m, pos = None, max(0, share.start() - 22)
        while (later := STAKE_RE.search(norm, pos, share.start())) is not None:
            m, pos = later, later.start() + 1  # (the verb nearest the share: 澄岚持有的岚澄 51% 股权 is 岚澄's)
        if m is None:
            m = _STAKE_AFTER_JOIN.search(norm, max(0, share.start() - 12), share.start())
        if m is None:
            continue
        s, e = m.span("name")
        joined = max(norm.rfind(j, s + 1, e) for j in "和及、")
        if joined > s + 1:
            s = joined + 1  # 受让澄岚和岚澄 51% 股权: the last of the firms (和芯电子: a name that begins so)
        lead = _STAKE_LEAD.match(norm, s, e)
        s += lead.end() - lead.start() if lead else 0
        tail = _STAKE_TAIL.search(norm, s, e)
        e = tail.start() if tail else e
        name = norm[s:e]
        if len(name) < 2 or name.startswith(("自然人", "个人")) or norm.endswith(("自然人", "个人"), 0, s) or \
                (len(name) <= 4 and (name[0] in SURNAMES or "某" in name) and re.fullmatch(f"[{CJK}]+", name) and
                 name not in d.by_form and norm.startswith(("所持", "持有"), e)):
            continue  # (受让自然人李某 30% 股权, 受让柴琇所持的 5% 股份: a person; 澄岚和岚澄: two firms, no name)
        if taken.overlaps(s, e) or name[0] in FUNCTION_CHARS or name[0] in "其该本此各每某这那所" or \
                _COUNTED_TOKEN.search(name) or name[-2:] in _KIND_WORD_SET or \
                (name not in d.by_form and any(ch in _COUNT_CHARS for ch in name)) or \
                name.endswith(("公司", "企业", "集团", "平台", "股东", "机构")) or name in STOP_TOKENS or \
                name in GENERIC_PREFIX or (jieba.dt.FREQ.get(name, 0) > 0 and name not in d.by_form):
            continue
        if name not in d.by_form and all(len(t) > 1 and jieba.dt.FREQ.get(t, 0) > 0 for t in lcut(name)):
            continue  # (员工持股平台, 合伙企业: words of the language, no name)
        entry = d.lookup(name)
        if entry is not None and entry.kind == "block":
            continue
        hits.append(_Hit(s, e, entry.name if entry else name, entry.kind if entry else "company"))
        taken.add(s, e)


_PLACE_BRACKET_END = re.compile(r"[(（][" + CJK + r"]{2,3}[)）]$")
# a name glossed with its Latin name in brackets (爱生雅（Essity）), as a firm's kind may precede it
_GLOSSED_NAME_AT = re.compile(r"[" + CJK + r"]{2,6}[(（][A-Za-z][A-Za-z0-9 .&'\-]{1,30}[)）]")


def _glossed_name_at(norm: str, pos: int) -> bool:
    """``_GLOSSED_NAME_AT`` matches at ``pos``: tried only where its bracket can open, two to six characters on."""
    ahead = norm[pos + 2:pos + 7]
    return ("(" in ahead or "（" in ahead) and _GLOSSED_NAME_AT.match(norm, pos) is not None
_ORG_TAIL_RUN = re.compile(r"[" + CJK + r"]{0,8}(?:集团|控股|股份|公司)")


def _is_block(d: Dictionary, name: str) -> bool:
    entry = d.lookup(name)
    return entry is not None and entry.kind == "block"


def _holds_a_code(d: Dictionary, h: _Hit, codes: Sequence[tuple[str, bool]]) -> bool:
    known = d.lookup(h.name)
    return known is not None and any(c in known.tickers for c, _ in codes)


# city, rural and village banks go by their place, then (for most) a word of their own: 洛阳银行, 阳泉市商业银行,
# 许昌农商银行, 禹州新民生村镇银行, 营口沿海银行
BANK_SUFFIX = re.compile(r"村镇银行|农村商业银行|农商银行|商业银行|银行")
_PLACE_LEVEL = frozenset("市县州区省")


_BANK_KINDS = ("中小", "中小型", "地方", "民营", "外资", "股份制", "国有", "大型", "头部", "部分", "涉事", "涉案", "当地")


def _place_banks(norm: str, hits: list[_Hit], shadow: list[tuple[int, int]], d: Dictionary) -> None:
    """A bank named by a place (a city or county: not a country, 日本银行 being a central bank) and at
    most four characters of its own before the bank word: read whole, though the characters
    between are common words (惠民, 沿海) or a name of something else (开封新东方村镇银行)."""
    if "银行" not in norm:
        return
    for m in _matches_at(BANK_SUFFIX, norm, _bank_word_starts(norm)):
        ss, se = m.span()
        if NOT_COMPANY_AFTER.match(norm, se) or norm.startswith(("间", "业"), se):
            continue
        run_m = _BANK_RUN.search(norm, max(0, ss - 8), ss)
        if run_m is None:
            continue
        run = run_m.group()
        if run in _BANK_START:
            back = _BANK_START[run]
        else:
            back = _BANK_START[run] = _place_back(run)
            make_room(_BANK_START, 50_000)
        if back is None:
            continue
        start = ss - back
        name = norm[start:se]
        middle = norm[start:ss]
        if len(name) - len(m.group()) > 8 or middle in GENERIC_PREFIX or _COUNTED_FIRM.search(middle):
            continue
        if middle.endswith(_BANK_KINDS):
            shadow.append((start, se))  # (nor does the suffix rule read it: 北京股份制银行, no 北京股份)
            continue  # 河南中小银行, 浙江民营银行: the banks of a kind in a place, not one bank
        if m.group() != "银行" and (_bank_place(middle) and (m.group() == "村镇银行" or middle in _bank_places()[1])):
            shadow.append((start, se))  # (nor does the suffix rule read it)
            continue  # 河南村镇银行, 江苏农商银行: the banks of a kind in a place, not one bank (四川银行, 许昌农商银行 are)
        entry = d.lookup(name)
        if entry is not None and entry.kind == "block":
            continue
        if any(a <= start and se <= b for a, b in shadow) or \
                any(h.start <= start and se <= h.end for h in hits):
            continue  # (named already, or inside a name or a code read before)
        if any(h.start < start < h.end or h.start < se < h.end for h in hits):
            continue  # crosses a name read before
        hits[:] = [h for h in hits if not (start <= h.start and h.end <= se)]  # 新东方 inside 开封新东方村镇银行
        hits.append(_Hit(start, se, entry.name if entry else name, entry.kind if entry else "company"))


def _bank_word_starts(norm: str) -> list[int]:
    """Where a match of BANK_SUFFIX can begin: each of its words is fixed and ends in 银行 (of two, four or six
    characters), so two and four characters before each 银行 of the text, and at it. Matched there alone,
    in order (_matches_at), it finds what its finditer finds, without a scan that tests its first characters'
    set at every character of the text."""
    starts: set[int] = set()
    q = norm.find("银行")
    while q >= 0:
        starts.update(p for p in (q - 4, q - 2, q) if p >= 0)
        q = norm.find("银行", q + 1)
    return sorted(starts)


_BANK_RUN = re.compile(f"[{CJK}]{{1,8}}$")
_BANK_START: dict[str, int | None] = {}  # run before a bank word -> how far back its place begins (runs recur)


def _place_back(run: str) -> int | None:
    """How many characters before the bank word the name begins: at the leftmost place the run
    reaches from its end without a stop word or a kind of bank (固镇新淮河 at 固镇, not 淮河); None."""
    toks = lcut(run)
    back, width = None, 0
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        width += len(tok)
        if tok in STOP_TOKENS or tok in FUNCTION_CHARS or tok.isdigit() or TIME_WORD.fullmatch(tok):
            break
        if _bank_place(tok) and tok not in GENERIC_PREFIX and len(tok) > 1:
            back = width
        elif tok in GENERIC_PREFIX and not (i > 0 and _bank_place(toks[i - 1])):
            break  # 股份制商业银行, 中小银行: a kind of bank
        if width > 8:
            break
    return back
@functools.lru_cache(maxsize=1)
def _bank_places() -> tuple[frozenset[str], frozenset[str]]:
    """(every place of data/places_cn.txt, its provinces): cities, provinces and regions."""
    from importlib import resources

    text = resources.files(__package__).joinpath("data/places_cn.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {"": []}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections[section] = []
        else:
            sections[section].append(line)
    return frozenset(w for names in sections.values() for w in names), frozenset(sections.get("provinces", ()))


def _bank_place(tok: str) -> bool:
    """A province or a city (data/places_cn.txt, with or without 市 州 县 …) or a place jieba knows."""
    places = _bank_places()[0]
    return tok in places or (len(tok) > 2 and tok[-1] in _PLACE_LEVEL and tok[:-1] in places) or _place(tok)


# a table row's next cell holding a stock code: | 某某 | 002588 | …
# (the loader gives a Markdown table's cells tab-separated; a table left as text keeps its bars)
_NEXT_CELL_CODE = re.compile(r" *(?:\t|\|) *([0-9]{4,6})(?:\.(?:SH|SZ|BJ|HK))? *(?:\t|\||\n|$)")
_CELL_START = re.compile(r"(?:^|\n|\t|\|) *$")


def _code_in_next_cell(norm: str, h: _Hit, d: Dictionary) -> bool:
    """An ambiguous name (史丹利) in a table's cell with its own code in the next one: the company."""
    m = _NEXT_CELL_CODE.match(norm, h.end)
    if m is None or not _CELL_START.search(norm, max(0, h.start - 4), h.start):
        return False
    entry = d.lookup(h.name)
    return entry is not None and any(t.split(":")[1] == m.group(1) for t in entry.tickers)


_NEXT_CELL_MARKET_CODE = re.compile(r" *(?:\t|\|) *([0-9]{4,6}\.(?:SH|SZ|BJ|HK)|[A-Z]{1,5}\.(?:US|N|O)) *(?=\t|\||\n|$)")


def _codes_in_next_cells(norm: str, hits: list[_Hit], shadow: list[tuple[int, int]]) -> None:
    """A firm filling a table's cell, with a code that says its market filling the next (| 某某保险服务 |
    02798.HK |): the firm's code, though no dictionary knows the firm. A bare number there may be a
    year or an amount: not read."""
    for h in hits:
        if h.codes or h.kind != "company":
            continue
        m = _NEXT_CELL_MARKET_CODE.match(norm, h.end)
        if m is None or not _CELL_START.search(norm, max(0, h.start - 4), h.start):
            continue
        code, _explicit = parse_item(m.group(1))
        if code is not None:
            h.codes.append(code)
            shadow.append(m.span(1))


_NO_CODE = frozenset({"—", "-", "--", "——", "－", "/", "未上市", "非上市"})  # (| 某某财险 | — |: a firm with no listing)
_NOT_A_ROW_NAME = frozenset({"合计", "总计", "小计", "其他", "其它", "其余", "平均", "均值", "行业平均", "中位数", "公司",
                             "名称", "股东", "机构"})
_NOT_A_FIRM_CELL = re.compile(r"(?:分公司|区域|地区|大区|事业部|部门|业务|板块|省|市|区)$")
_CODE_HEADER = re.compile(r"(?:股票|证券|公司)?代码")
_TABLE_RULE = re.compile(r"[\s|:\-—]*")
_COLUMN_CODE = re.compile(r"[0-9]{4,6}(?:\.(?:SH|SZ|BJ|HK))?|[A-Z]{1,5}(?:\.(?:US|N|O|OQ))?")
_CELL_NAME = re.compile(r"(?:[A-Za-z][A-Za-z0-9&.'\-]*(?: [A-Za-z0-9&.'\-]+){0,3}|[" + CJK + r"]{2,8}[A-Za-z]{0,2})")


def _code_column(norm: str, hits: list[_Hit], taken: Occupancy, shadow: list[tuple[int, int]], d: Dictionary) -> None:
    """A table whose header names a column of codes (| 公司 | 代码 | …): each row's code, a bare number
    or a US ticker's capitals (| iRobot | IRBT |), is the code of the firm in the cell before it,
    though no dictionary knows the firm. Only in such a column: elsewhere a bare number may be a year."""
    col = -1
    pos = 0
    rows: list[tuple[int, int, int, str, str, str | None]] = []  # (name start, end, code start, name, cell, code)
    for line in norm.split("\n"):
        start, pos = pos, pos + len(line) + 1
        sep = "|" if "|" in line else "\t" if "\t" in line else None
        if sep is None:
            col = -1
            continue
        cells = line.split(sep)
        if col < 1:
            heads = [i for i, c in enumerate(cells) if _CODE_HEADER.fullmatch(c.strip())]
            col = heads[0] if len(heads) == 1 and heads[0] >= 1 else -1
            continue
        if col >= len(cells) or _TABLE_RULE.fullmatch(line):
            continue
        code_cell, name_cell = cells[col].strip(), cells[col - 1].strip()
        unlisted = code_cell in _NO_CODE
        if not (unlisted or _COLUMN_CODE.fullmatch(code_cell)) or not _CELL_NAME.fullmatch(name_cell) or \
                name_cell in _NOT_A_ROW_NAME:
            continue
        code = None if unlisted else f"US:{code_cell}" if code_cell.isalpha() else parse_item(code_cell)[0]
        if code is None and not unlisted:
            continue
        ns = start + sum(len(c) + 1 for c in cells[:col - 1])
        ns = norm.find(name_cell, ns)
        rows.append((ns, ns + len(name_cell), norm.find(code_cell, ns + len(name_cell)), name_cell, code_cell, code))
    listed = any(code is not None for *_, code in rows)
    for ns, ne, cs, name_cell, code_cell, code in rows:
        if code is None and (not listed or _NOT_A_FIRM_CELL.search(name_cell) or _place(name_cell) or
                             _bank_place(name_cell) or (len(name_cell) <= 3 and name_cell[0] in SURNAMES)):
            continue  # (| 华东区域 | — |, | 张小明 | — |: no firm; — only in a column that holds codes)
        inside = [h for h in hits if ns <= h.start and h.end <= ne]
        if inside:
            if code is not None and len(inside) == 1 and inside[0].kind == "company" and not inside[0].codes and \
                    (inside[0].start, inside[0].end) == (ns, ne) and \
                    ((known := d.lookup(inside[0].name)) is None or not known.tickers):
                inside[0].codes.append(code)  # | 澄源智能 | 688999 |: a name the suffix rules read (or one the
                # dictionary knows with no listing: | iRobot | IRBT |), its code here
                shadow.append((cs, cs + len(code_cell)))
            continue
        if taken.overlaps(ns, ne) or d.lookup(name_cell) is not None or jieba.dt.FREQ.get(name_cell, 0) > 0 or \
                name_cell in LATIN_STOP or name_cell.isdigit():
            continue
        hits.append(_Hit(ns, ne, name_cell, "company", [code] if code else []))
        taken.add(ns, ne)
        if code is not None:
            shadow.append((cs, cs + len(code_cell)))


# a short name in quotes, maybe with its Hong Kong class, then its code: 股票简称“某某医疗-B”（02235.HK）
_QUOTED_NAME_CODE = re.compile(r"(?P<label>简称\s?[:：]?\s?)?[“\"「](?P<name>[" + CJK + r"A-Za-z0-9·]{2,12}?)(?:[-－](?:SW|WR|W|S|U|R|B))?"
                               r"[”\"」]\s?[(（](?P<codes>" + CODE_ITEMS + r")[)）]")


def _codes_after_quoted_names(norm: str, hits: list[_Hit], shadow: list[tuple[int, int]], d: Dictionary) -> None:
    """A code in brackets after a quoted short name (股票简称“某某医疗-B”（02235.HK）) is the code of the
    company of that name, wherever the article names it; after 简称, a company though no rule read it."""
    for m in _QUOTED_NAME_CODE.finditer(norm):
        codes = [code for code, _ in parse_items(m.group("codes"))]
        if not codes:
            continue
        name = m.group("name")
        entry = d.lookup(name)
        if entry is not None and entry.kind != "company":
            continue
        target = entry.name if entry is not None else name
        same = [h for h in hits if h.kind == "company" and h.name == target]
        if same:
            for h in same[:1]:
                h.codes.extend(c for c in codes if c not in h.codes)
        elif entry is not None or m.group("label"):
            hits.append(_Hit(m.start("name"), m.end("name"), target, "company", codes))
        else:
            continue
        shadow.append(m.span("codes"))


_SPONSOR_AFTER = re.compile(r"保荐|承销|财务顾问")


def _prose_codes(norm: str, hits: list[_Hit], shadow: list[tuple[int, int]], d: Dictionary) -> None:
    """A Hong Kong code given in prose (…在港交所挂牌，股份代号为02763), or a US one near a US market's name
    (将以“THCH”为代码在纳斯达克挂牌): the code of the last firm the sentence names before it; of the name right before it when that ends in a share-class marker
    (某某医疗-B，股份代号为02763); else of none (no name is guessed)."""
    for bs, be, code in find_prose_codes(norm):
        sentence = max(norm.rfind(p, 0, bs) for p in "。！？!?\n") + 1
        before = max((h for h in hits if sentence <= h.start and h.end <= bs and h.kind == "company"),
                     key=lambda h: h.end, default=None)
        owner = d.by_ticker.get(code) if before is None else None
        at = max((norm.rfind(f, sentence, bs), f) for f in (owner.name, *owner.aliases)) if owner is not None else (-1, "")
        if before is not None and (known := d.lookup(before.name)) is not None and code not in known.tickers and \
                _SPONSOR_AFTER.search(norm, before.end, bs):
            continue  # 由中信证券保荐的某某医疗…，A股证券代码为688999: the listing's sponsor, not the firm the code is
        if before is not None:
            if code not in before.codes:
                before.codes.append(code)
        elif owner is not None and at[0] >= 0 and owner.kind == "company":
            hits.append(_Hit(at[0], at[0] + len(at[1]), owner.name, "company", [code]))  # 中国黄金…，证券代码为 600916:
            # the code's own firm, named in the sentence though no rule read it there (an ambiguous form)
        elif HK_CLASS_END.search(norm, max(0, bs - 4), bs) and (got := _left_name(norm, bs, d)) is not None:
            ns, raw = got
            entry = d.lookup(raw)
            if entry is not None and entry.kind == "block":
                continue
            hits.append(_Hit(ns, ns + len(raw), entry.name if entry else _clean(LEGAL_NAME_END.sub("", raw)),
                             entry.kind if entry else "company", [code]))
        else:
            continue
        shadow.append((bs, be))


_SHORT_NAME_BRACKET = re.compile(r"[(（](?=以下简称|以下称|下称|简称)")


def _short_names_with_codes(norm: str, hits: list[_Hit], confirmed: set[str], d: Dictionary) -> None:
    """A legal name's bracket giving a short name and a code (某某珠宝股份有限公司（以下简称“某某”，600000.SH）):
    the code's firm is named in the article (its ambiguous forms are the firm's there); an exchange's
    short name so given with its own stock code (香港交易及结算所有限公司（以下简称“香港交易所”，00388.HK）)
    is the listed company it is, as 香港交易所（00388.HK） is."""
    held: set[str] | None = None  # (the codes of the firms already read: 新希望六和…（以下简称“新希望”，000876）)
    for b in _SHORT_NAME_BRACKET.finditer(norm):  # (a first character to look for: not the whole pattern at every one)
        m = SHORT_NAME_AFTER.match(norm, b.start())
        if m is None or not m.group("codes"):
            continue
        codes = parse_items(m.group("codes"))
        if held is None:
            held = {t for h in hits if h.kind == "company" and (e := d.lookup(h.name)) is not None for t in e.tickers}
        for c, _ in codes:
            owner = d.by_ticker.get(c)
            if owner is not None and owner.kind == "company" and c not in held:
                confirmed.add(owner.name)
        name = m.group("name")
        entry = d.lookup(name)
        if entry is not None and entry.kind == "block" and name.endswith(_LISTED_BODY_ENDS) and _exchange_own_codes(codes, d):
            hits.append(_Hit(m.start("name"), m.end("name"), _clean(name), "company", [c for c, _ in codes]))


def _name_goes_on_left(norm: str, s: int) -> bool:
    """Name characters run on before ``s`` (an ordinary word that is also a listed short name,
    机器人, 太阳能, before 有限公司): the word is the end of a longer name. Not after a function word,
    a verb of the sentence or punctuation."""
    run = RUN_BEFORE.search(norm, max(0, s - 10), s)
    if run is None:
        return False
    last = lcut(run.group())[-1]
    if last in STOP_TOKENS or last in FUNCTION_CHARS or last.isdigit() or (len(last) > 1 and _place(last)) or last in "的了着过原现":
        return False
    # the characters of an unknown name: jieba cuts them one by one, or into a rare word (a common
    # word before the name, 流通股东中信证券, is the sentence's)
    return len(last) == 1 or jieba.dt.FREQ.get(last, 0) == 0


# a firm named only after a word for its kind (河北民营钢企某某某某因…, 液冷初创企业某某某某则…): four
# characters jieba does not know as a word, then the sentence goes on
# the words for a kind of firm a name follows (名为: "named"); the class of their first characters lets the
# pattern fail at once at almost every position of a text (the alternatives alone took ~70 µs a text)
_KIND_WORDS = ("企业", "公司", "钢企", "锂企", "乳企", "药企", "车企", "房企", "险企", "酒企", "煤企", "电企", "国企", "央企",
               "矿企", "船企", "船东",
               "民企", "厂商", "制造商", "供应商", "服务商", "运营商", "开发商", "生产商", "经销商", "零售商", "分销商",
               "贸易商", "代理商", "总包商", "承包商", "研发商", "发行商", "方案商", "提供商", "集成商", "外包商",
               "进口商", "出口商", "营销商", "安装商", "批发商", "加盟商",
               "代工厂", "独角兽", "新势力", "卖家", "品牌", "工作室", "私募",
               "连锁", "船厂", "厂牌", "机构", "平台", "AMC", "厂", "牧场", "养殖场", "煤矿", "酒庄")  # (厂牌: a record label)
_KIND_WORD_SET = frozenset(_KIND_WORDS)
# kind words that name a firm only when it is introduced (一家…机构某某对记者表示): alone they precede much else
_KIND_WORDS_INTRODUCED_ONLY = frozenset({"机构", "平台", "厂", "牧场", "养殖场", "煤矿", "酒庄"})
# a firm's sites, branches, plants and staff after a kind word (一家平台上海站点, 一家车企上海工厂, 一家企业华东销售)
_FIRM_SITE_WORDS = frozenset({"站点", "分站", "分行", "支行", "仓库", "工厂", "新厂", "基地", "矿井", "井田", "牧场", "新址",
                              "办公室", "总部", "分部", "分公司", "门店", "园区", "厂区", "销售", "客服", "团队", "事业部",
                              "部门", "工地", "车间", "产线", "研究院", "办事处", "代表处", "营业部", "分店", "网点", "项目"})
_FIRM_SITE_ENDS = ("办公室", "事业部", "营业部", "办事处", "代表处")
# staff words that, beginning a name after a kind word, make it a person (客服小李, 销售小王)
_STAFF_WORDS = frozenset({"客服", "销售", "经理", "主管", "店长", "员工", "高管", "老板", "厂长", "矿长", "庄主"})
# words that call a person, before a name after a kind word (私募大佬某某, 券商一哥)
PERSON_WORDS = frozenset({"大佬", "大咖", "老板", "老总", "掌门", "掌门人", "一哥", "一姐", "女王", "大王", "教父", "明星",
                          "经理", "总裁", "高管", "创始人", "股东", "大V", "网红", "主播", "达人"})
_STRONG_CUE = (r"(?:今日|今天|昨日|昨天|当天|当日)?(?:[则也还亦]?(?:表示|透露|介绍|坦言|宣布|披露|告诉记者)|完成|获得)|领投|跟投|参投"
               r"|首次|近日|日前|[则也还亦]?[对向][\u4e00-\u9fff]{0,6}记者|[则也还亦]?[对向][^，,。；;\n]{1,8}?(?:表示|透露|介绍|坦言)"
               r"|[(（](?:以下简称|以下称|下称|简称|原名)"  # (…服务商某某灵工（以下简称“某某”）: the press defines its name)
               r"|的?[\u4e00-\u9fff]{0,2}(?:负责人|董事长|经理|总裁|创始人|董秘|高管|交易员|分析师|发言人|研究员|人士)|的?一位"
               r"|\s?\d+(?:\.\d+)?\s?%\s?的?(?:股权|股份)")  # (…服务商某某环境 51% 的股权: a stake in it)
KIND_THEN_WORDS = (*_KIND_WORDS, "名为")  # (where KIND_THEN_NAME can begin)
# a person's role at the firm right after the name (…品牌某某的创始人对记者表示): the firm, though not
# introduced with 一家
_ROLE_CUE = re.compile(r"的[\u4e00-\u9fff]{0,2}(?:负责人|董事长|经理|总裁|创始人|董秘|高管|交易员|分析师|发言人|研究员|人士)")
KIND_THEN_NAME = re.compile(f"(?=[{''.join(sorted({w[0] for w in _KIND_WORDS} | {'名'}))}])"
                            r"(?:(?:" + "|".join(_KIND_WORDS) + r")(?:集团)?(?:——|—|--)?|名为)"  # (…厂商——某某射频的负责人)
                            r"(?P<name>[\u4e00-\u9fff]{4})"
                            r"(?=(?P<cue>" + _STRONG_CUE + r")"
                            r"|[，,。、；;：:（(因则的在于已将也与和获完宣称以正仍还向]|近期|此前|目前|今年|去年|上调|下调|计划|预计"
                            r"|方面|相关|旗下|[0-9]{1,2}月)")
# five characters, only before a word that quotes the firm (…初创公司芯朗微电子向记者透露)
KIND_THEN_NAME5 = re.compile(KIND_THEN_NAME.pattern.replace(r"(?P<name>[\u4e00-\u9fff]{4})", r"(?P<name>[\u4e00-\u9fff]{5})")
                             .replace(r")|[，,。", r")|(?!)[，,。", 1))
# what a name of three characters after a kind word does not end or begin with: people and parties (主理人, 配送员,
# 调香师, 骑手们, 领投方, 创投圈, 投资者), goods and plants (量产车, 首颗芯, 新产线), or a first, a new or a former one
_NOT_BRAND3_LAST = frozenset("人员师们方圈者手车芯线机")
_NOT_BRAND3_FIRST = frozenset("首新老原该本这那其每各某此")
# how a cue after a name of three characters begins: at once, never with characters of its own before a role (青禾彩|站的负责人)
_CUE3_START = re.compile(r"的|[(（]"
                         r"|近日|日前|今日|今天|昨日|昨天|当天|当日|已|于|完成|获得|宣布|表示|透露|介绍|坦言|披露|告诉|首次|领投|跟投|参投"
                         r"|[对向则也还亦]")
# three characters, only before such a word, which may follow 已于 (…初创公司鲜某纪已于近日完成融资, …品牌金某阁近日完成):
# a brand of three characters, introduced (the pattern of four reads one more character, then the sentence's 已)
KIND_THEN_NAME3 = re.compile(KIND_THEN_NAME.pattern.replace(r"(?P<name>[\u4e00-\u9fff]{4})",
                                                            r"(?P<name>[\u4e00-\u9fff]{3})(?:已于|已|于)?")
                             .replace(r")|[，,。", r")|(?!)[，,。", 1))
# a firm brought in as "(a place) 一家 (its line of business) 企业 …" or "名为…": the press's way of naming a
# firm no reader knows; then a name of two characters jieba leaves apart and a word of a trade
# (闽焙食品, 川运汽车) is the firm's, though the trade's word is a common one
_SPAN_OF_TIME = re.compile(r"[一二三四五六七八九十两百千几数多]+(?:年|个月|天|周)|年来|以来|^(?:短期|中长期|长期|近期|中期)")
INTRODUCED = re.compile(r"(?:一家|初创)[^，,。；;！？!?\n]{0,22}$")
RARE_START_WORD, RARE_START_CHAR = 200, 2500  # jieba frequencies below which a name's first word / characters read as a name's
_UNIT_OF_A_FIRM_ENDS = ("区", "部", "部门", "中心", "分公司", "地区", "团队", "门店")  # (华南大区经理: a unit's role)
_GENERIC_ENDS = ("机构", "方面", "部门", "领域", "行业", "市场", "业务", "产品", "项目", "平台", "板块", "数据", "规模", "水平",
                 # what a firm holds or reports (公司静丙库存已…, 公司产品产能将…): its goods' measures, no name
                 "库存", "产能", "产量", "销量", "存货", "价格", "售价", "订单", "份额")


def _names_after_kind_words(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary,
                            at: list[int]) -> None:
    """(``at``: where KIND_THEN_NAME can match, :func:`_cue_word_starts`)"""
    introduced_here = "一家" in norm or "初创" in norm
    five = _matches_at(KIND_THEN_NAME5, norm, at) if introduced_here else ()  # (introduced only)
    three = _matches_at(KIND_THEN_NAME3, norm, at) if introduced_here else ()  # (after four: 鲜某纪已 gives way to it)
    for m in itertools.chain(five, _matches_at(KIND_THEN_NAME, norm, at), three):
        if (m.start() > 0 and m.start("name") - m.start() >= 2 and
                jieba.dt.FREQ.get(norm[m.start() - 1:m.start() + 1], 0) >= COMMON_WORD_FREQ // 5 and
                norm[m.start() - 1:m.start() + 1] not in _KIND_WORD_SET and not _begins_token(norm, m.start())) or \
                (norm.startswith("企业", m.start() + 1) and m.start("name") - m.start() == 2):  # (提锂|企业: no 锂企)
            # 中央厨|房企|业某某: the kind word's first character ends a word before it (厨房): read from the next one
            again = {5: KIND_THEN_NAME5, 3: KIND_THEN_NAME3}.get(len(m.group("name")), KIND_THEN_NAME).match(norm, m.start() + 1)
            if again is None:
                continue
            m = again
        s, e = m.span("name")
        name = m.group("name")
        # introduced (一家…企业 / 名为) and followed by what a firm does (表示, 首次, 近日 …)
        named_as = m.group().startswith("名为")  # 名为某某的…企业: the press names it so
        cue = m.group("cue")
        introduced = INTRODUCED.search(norm, max(0, m.start() - 24), m.start() + 2) is not None
        strong = named_as or (cue is not None and (introduced or _ROLE_CUE.match(cue) is not None or cue[0] in "(（"))
        # (a short name the press gives the firm right after it: a name, introduced or not)
        if not strong and norm[m.start():s].removesuffix("集团") in _KIND_WORDS_INTRODUCED_ONLY:
            continue
        if not strong and norm[m.start():s] == "公司" and (m.start() == 0 or norm[m.start() - 1] in "，,。；;：:“\"\n"):
            continue  # …告诉记者，公司育肥猪料的成本, ，公司远洋船队在公海…: the firm the text is about (公司 at a clause's
            # start), then what is its, no name (the press introduces a firm so rarely: ，公司某某已向港交所递表 is lost)
        if len(name) == 5 and (not strong or named_as or name[-1] in FUNCTION_CHARS):
            continue  # five characters only for a firm introduced and then quoted (…初创公司芯朗微电子向记者透露)
        if len(name) == 3 and (not introduced or named_as or cue is None or name[-1] in FUNCTION_CHARS or
                               name[-1] in _NOT_BRAND3_LAST or name[0] in _NOT_BRAND3_FIRST or
                               not _CUE3_START.match(cue) or not _begins_token(norm, e)):
            continue  # three characters only for a firm introduced (一家, 初创) and then quoted or said to act (not
            # 弦音社|交的创始人: four cut at a word that runs on; not a person, a party or a product: 品牌主理人,
            # 领投方, 骑手们, 首款车, 新产线)
        if norm[m.start():s].removesuffix("集团") + name[0] in _KIND_WORD_SET:
            continue  # 连接器厂|商某某精密: the kind word goes on into the name's first character (厂商)
        if jieba.dt.FREQ.get(norm[e - 1:e + 1], 0) >= COMMON_WORD_FREQ:
            continue  # 公司毛利率存|在: the name's last character begins the next word (存在)
        if len(name) == 5 and not _begins_token(norm, e):
            continue  # 企业苏澄节能玻|璃的负责人: five characters cut inside a word, a longer name than the pattern reads
        if taken.overlaps(s, e) or jieba.dt.FREQ.get(name, 0) > 0 or name.endswith(_UNIT_OF_A_FIRM_ENDS) or \
                (name.endswith(_GENERIC_ENDS) and not (strong and introduced and jieba.dt.FREQ.get(name[:2], 0) == 0)):
            continue  # (…初创公司澄衡数据近日宣布: a brand's two characters, no word, and a generic word)
        toks = lcut(name)
        trade = SUFFIX_RE.search(name, 2) if strong else None
        if trade is not None and trade.end() != len(name):
            trade = None
        if trade is not None:
            toks = [*lcut(name[:trade.start()]), trade.group()]  # 澄溪|水务 (jieba: 澄|溪水|务): a brand and its trade
        inner = toks[:-1] if strong and introduced and toks[-1] in _GENERIC_ENDS else toks  # (澄衡|数据)
        if len(toks) < 2 or any(t in STOP_TOKENS or t in FUNCTION_CHARS or t.isdigit() for t in inner):
            continue
        first = toks[0]
        if first[0] in "一二三四五六七八九十两百千万亿年月日周本该这那其每各某此另" or TIME_WORD.match(name) or \
                _SPAN_OF_TIME.search(name):
            continue  # (公司近十年来首次: a span of time, no name)
        if len(first) >= 2 and (first[-1] in "师员" or first in _STAFF_WORDS):
            continue  # 酒庄酿酒师李明, 煤矿调度员王强, 平台客服小李: a person by a role, no firm
        if toks[-1] in _FIRM_SITE_WORDS or name.endswith(_FIRM_SITE_ENDS):
            continue  # 一家平台上海站点（以下简称…）, 一家车企上海工厂也向记者表示: a firm's site, branch or staff, no firm
        if first in PERSON_WORDS:
            continue  # 私募大佬江晖: a person so called, no firm
        if len(toks[-1]) == 1 and toks[-1] in _COMPARING_CHARS and (norm.startswith("于", e) or not HAS_CJK.match(norm, e)):
            continue  # 公司毛利率低于…, 品牌认知度高，: a measure compared or judged, no name
        if _WORKING_STATE.fullmatch(name):
            continue  # 企业复工复产, 工厂停工停产: what the plants do (jieba knows neither 复工 nor 复产), no name
        freq = jieba.dt.FREQ.get
        if named_as:
            rare_start = norm.startswith("的", e)
        elif len(first) > 1:  # (not a common word jieba glued to the next character: 规模较|小)
            rare_start = (_place(first) or freq(first, 0) < RARE_START_WORD) and \
                not (len(first) >= 3 and freq(first[:2], 0) >= COMMON_WORD_FREQ and not _place(first))
        elif strong:  # two characters no word joins (湘|源绝缘, 川|运汽车): a brand
            rare_start = (len(toks[1]) == 1 and toks[1] not in FUNCTION_CHARS) or \
                (introduced and len(name) == 4 and freq(name[:2], 0) == 0 and freq(name[2:], 0) > 0)
            # (…吉他代工厂鹤|弦乐器的负责人: a brand of two characters and its trade's word, cut across)
        else:  # two rare characters (沪|川真空, 澜|舍文旅), not a verb cut up (增|持步伐)
            rare_start = len(toks[1]) == 1 and freq(first, 0) < RARE_START_CHAR and freq(toks[1], 0) < RARE_START_CHAR
        if len(toks[-1]) > 1 and freq(toks[-1], 0) >= COMMON_WORD_FREQ // 5 and \
                not ((strong and (len(toks) == 3 or trade is not None or
                      (introduced and not TIME_WORD.fullmatch(toks[-1])))) or named_as):
            continue  # 估值普遍: ends in a common word of the sentence (not a firm introduced and quoted,
            # 一家游戏美术外包公司栖木美术的创始人: its trade's word)
        if all(len(t) > 1 and freq(t, 0) > 0 and not _place(t) for t in toks):
            continue  # 公司回购注销: words of the language, each of them, not a name
        if not strong and toks[-1] in _PRODUCT_CHARS and all(len(t) > 1 and freq(t, 0) > 0 for t in toks[:-1]):
            continue  # 公司电容器纸、…: a product (words of the language and 纸, 膜, 剂 …), not a name
        if rare_start:  # (获取版号, 产能现处: a word of the sentence, not a name)
            _add_named(norm, hits, taken, d, s, e, name)


# what an amount of assets or capital is measured by (资产规模, 资本金: not 资本金融)
_SIZE_OF_ASSETS_AFTER = re.compile(r"规模|金(?![融额])")
# one unit, each of a kind, before a suffix (单台机器人, 每家银行): no brand
_PER_UNIT_CORE = re.compile(r"[单每][台个家辆座只款套部颗架艘枚条根][\u4e00-\u9fff]{0,3}")  # (单颗低轨通信卫星)
# a round magnitude or a rank standing for a brand before a suffix (千亿地产, 百亿私募, 十大券商)
_MAGNITUDE_CORE = re.compile(r"[一二两三四五六七八九十百千万亿几数]*[十百千万亿]")
# a group's legal tail without 股份 after an A-share firm's name: its parent group (…啤酒集团有限公司)
_GROUP_LEGAL_TAILS = ("集团有限公司", "集团有限责任公司")
# the rest of a list closed by 等 and a word for sites or goods (、三亚千古情等景区, 、某某等品牌): what it lists
_LISTED_AS_SITES = re.compile(r"(?:[、和及与][^，,。；;、和及与等\n]{1,12})+等(?:[0-9一二三四五六七八九十多几]+[个家座处款])?"
                              r"(?:景区|景点|乐园|公园|园区|项目|门店|酒店|商场|楼盘|品牌|产品|剧目|演出|游戏|车型|药品|疫苗)")
# a time before a trade's word (短期内航运公司需要…: shipping firms in the short run), no brand
_TIME_CORE = re.compile(r"(?:短期|中期|长期|近期|远期|今年|明年|去年|未来|目前|当前|此前|此后|今后|以后|之后|随后|届时|同期|年|月)"
                        r"(?:内|后|以来|期间|里)?|[前后上下]半[程场段]")  # (“十四五”后半程水务投资: the plan's second half)
# the characters _MAGNITUDE_CORE, _PER_UNIT_CORE and _TIME_CORE can begin with (a core beginning otherwise
# matches none of them: the set is asked first)
_SCALE_OR_TIME_FIRST = frozenset("一二两三四五六七八九十百千万亿几数" "单每" "短中长近远今明去未目当此以之随届同年月" "前后上下")
# the rest of a list of places (、九寨沟等景区, 等名山): a firm's short form named after a place is the place there
_LISTED_AS_PLACES = re.compile(r"(?:[、和及与][^，,。；;、和及与等\n]{1,12})*等\s?(?:[0-9一二三四五六七八九十几百]+\s?[余多]?[个家座处]?)?"
                               r"(?:景区|景点|名山|山岳|乐园|公园|古镇|古城|旅游地)")
# (not 张家界等景区上市公司, 峨眉山等景区类上市公司: firms of a kind; not 城市, a word of many compounds: 城市更新)
_FIRM_KIND_AFTER_PLACES = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:企业|运营商|龙头|公司|集团|股|板块|类|概念|行业|商)")


def _listed_as_place(norm: str, s: int, e: int) -> bool:
    """A firm's short form named after a place, listed with places (为峨眉山、九寨沟等景区, 九寨沟、峨眉山等景区):
    an item after it, or one before it, then 等 and a word for sites, read within 200 characters (no scan of a
    long list per name), the sites' word not going on into a firm's kind."""
    m = _LISTED_AS_PLACES.match(norm, e, min(len(norm), e + 200))
    if m is None or (m.group().startswith("等") and norm[s - 1:s] not in ("、", "和", "及", "与")):
        return False
    return _FIRM_KIND_AFTER_PLACES.match(norm, m.end()) is None
_COMPARING_CHARS = frozenset("低高大小多少强弱快慢好差")
# a plant's working state in two words (复工复产, 停工停产, 复工达产, 减产限产)
_WORKING_STATE = re.compile(r"(?:[复停减限扩投达满开增转试][工产]){2}")
def _begins_token(norm: str, p: int) -> bool:
    """Whether the segmenter begins a word at ``p``, cutting the few characters around it (厨房|企业: not at 房)."""
    w0 = max(0, p - 4)
    q = w0
    for tok in lcut(norm[w0:p + 4]):
        if q >= p:
            return q == p
        q += len(tok)
    return q == p


# single characters that end a product's name (电容器纸, 隔膜, 电解液, 催化剂)
_PRODUCT_CHARS = frozenset("纸膜布粉剂胶片板管线丝液油瓶罐箱柜器")
# a stock code written as a name (a table's cell: WDH.US, 02373.HK): no company's name
CODE_SHAPED = re.compile(r"[A-Z]{1,5}\.(?:US|HK|N|O|OQ)|[0-9]{4,6}\.(?:HK|SH|SZ|BJ)|(?:US|HK|SH|SZ|BJ):[A-Z0-9]+")


def _add_named(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary, s: int, e: int, name: str) -> None:
    entry = d.lookup(name)
    if (entry is not None and entry.kind == "block") or CODE_SHAPED.fullmatch(name):
        return
    hits.append(_Hit(s, e, entry.name if entry else name, entry.kind if entry else "company"))
    taken.add(s, e)


ENTERPRISE_GROUP = "企业集团"


# what follows a parent's brand in the name of a unit of its (中粮国际, 东方电机): a trade or a region
_UNIT_TAILS = frozenset(["国际", "香港", "中国", "电机", "电机厂", "海外", "亚洲", "欧洲", "美国", "能源", "资本", "物流", "电子",
                         "科技", "地产", "置业", "实业", "控股", "集团", "股份", "汽车", "动力", "新能源", "医药", "生物",
                         "电力", "电气", "化工", "矿业", "投资", "财务", "租赁", "信托", "证券", "基金", "保险", "银行",
                         "动物保健", "动保", "制药", "时尚", "装备", "重工", "工业", "电梯", "环保", "食品", "物业"])
_NAME_THEN_CLOSE = re.compile(r"([" + CJK + r"]{3,6})(?=[，、。；,;]|以及)")
_TWO_NAMES_THEN_CLOSE = re.compile(r"([" + CJK + r"]{3,6}?)(?:和|与|及)([" + CJK + r"]{3,6}?)(?=[，。、；,;]|则|也|均|都|等)")
_PARENT_OF_UNIT = re.compile(r"旗下的?")


_PARENT_IN_BRACKET = re.compile(r"[(（](?P<parent>[" + CJK + r"A-Za-z]{2,10}?)(?:旗下|的?子公司)[)）]")


def _unit_with_parent_in_bracket(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """A name, then its parent in brackets (铁塔能源（中国铁塔旗下）): the name is a firm, the parent's unit."""
    starts = {h.start: h for h in hits if h.kind == "company"}
    for m in _PARENT_IN_BRACKET.finditer(norm):
        parent = starts.get(m.start("parent"))
        if parent is None or parent.end != m.end("parent"):
            continue
        got = _left_name(norm, m.start(), d, max_chars=6)
        if got is None:
            continue
        s, name = got
        inside = [h for h in hits if s <= h.start and h.end <= m.start()]
        if len(name) < 3 or (not inside and taken.overlaps(s, m.start())) or \
                any(d.lookup(h.name) is None or d.lookup(h.name) is not d.lookup(parent.name) for h in inside):
            continue
        for h in inside:  # (铁塔 read as the parent's form: the unit's name begins with it)
            hits.remove(h)
        _add_named(norm, hits, taken, d, s, m.start(), name)


# State Grid's provincial companies (国网四川电力, 国网四川省电力公司) and a region's grid company (广西电网公司)
_GRID_COMPANY = re.compile(r"国网(?P<place>[" + CJK + r"]{2,3}?)[省市]?(?:电力有限公司|电力(?:公司)?)"
                           r"|(?P<region>[" + CJK + r"]{2,3}?)电网(?:有限责任)?公司")


def _grid_companies(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    for m in _GRID_COMPANY.finditer(norm):
        place = m.group("place") or m.group("region")
        inside = [h for h in hits if m.start() <= h.start and h.end <= m.end()]
        if not _place(place) or (not inside and taken.overlaps(m.start(), m.end())) or \
                any(h.start < m.end() < h.end or h.start < m.start() < h.end for h in hits):
            continue
        for h in inside:
            hits.remove(h)  # (国网上海电力: not 上海电力, the listed firm, read inside it)
        if m.group("place"):
            name = "国网" + place + "电力"
        else:
            name = place + "电网"
        hits.append(_Hit(m.start(), m.end(), name))
        taken.add(m.start(), m.end())


def _units_under_parent(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """A unit named by its parent's brand right after 旗下 (中粮集团旗下的中粮国际, 神火股份旗下的云南神火,
    东方电气旗下东方电机): the brand, a place before it or a trade or region after it, is a firm of its own."""
    ends = {h.end: h for h in hits if h.kind == "company"}
    for m in _PARENT_OF_UNIT.finditer(norm):
        parent = ends.get(m.start())
        if parent is None:  # (东方电气（600875.SH）旗下: the parent's code between)
            br = max(norm.rfind("(", max(0, m.start() - 24), m.start()), norm.rfind("（", max(0, m.start() - 24), m.start()))
            parent = ends.get(br) if br >= 0 and norm[m.start() - 1] in ")）" else None
            if parent is None and br >= 0 and norm[m.start() - 1] in ")）":  # (中国铁塔股份有限公司（以下简称…）旗下:
                # the parent's legal tail between its name and the bracket)
                parent = next((h for end, h in ends.items() if end < br and LEGAL_TAIL.fullmatch(norm, end, br)), None)
        if parent is None or len(parent.name) < 3:
            continue
        if not _unit_of_brand(norm, m.end(), parent, hits, taken, d):
            _unit_then_close(norm, m.end(), parent, hits, taken, d)  # 生物股份旗下的金宇保灵，以及…


_UNIT_CLOSERS = frozenset({"以及", "和", "与", "及", "、", "，", ",", "。", "；", "等"})
_DIVISION_AFTER = re.compile(r"(?:与|和|及)[\u4e00-\u9fff]{0,6}?(?:事业部|事业群|业务部|部门|板块)")


def _rare_pair_then_close(toks: list[str]) -> str | None:
    """Two characters after the brand (``toks[0]``) that make no word of the language (同芯: 同|芯, or a rare
    word), then a list's closer: the rest of a unit's name, or None."""
    if len(toks) > 2 and len(toks[1]) == 2 and toks[2] in _UNIT_CLOSERS:
        rest = toks[1]
    elif len(toks) > 3 and len(toks[1]) == 1 and len(toks[2]) == 1 and toks[3] in _UNIT_CLOSERS:
        rest = toks[1] + toks[2]
    else:
        return None
    if not HAS_CJK_ONLY.fullmatch(rest) or jieba.dt.FREQ.get(rest, 0) >= 60 or any(c in FUNCTION_CHARS for c in rest):
        return None
    return rest


def _unit_of_brand(norm: str, at: int, parent: _Hit, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> bool:
    """The unit at ``at`` named by its parent's brand (中粮国际, 东方电机, 默沙东动物保健), added."""
    written = norm[parent.start:parent.end]
    brand = written if len(written) >= 3 and norm.startswith(written, at) else parent.name[:2]
    if not norm.startswith(brand, at) and (pe := d.lookup(parent.name)) is not None:
        brand = next((f for f in pe.aliases if len(f) == 2 and norm.startswith(f, at)), brand)  # 江西铜业旗下的江铜铜箔
    if brand == "中国" and len(parent.name) >= 4 and norm.startswith(parent.name[2:4], at) and \
            parent.name[2:4] not in GENERIC_PREFIX and parent.name[2:4] not in _SECTOR_NOUNS and \
            jieba.dt.FREQ.get(parent.name[2:4], 0) < 500:
        brand = parent.name[2:4]  # 中国铁塔旗下的铁塔能源: the national group's brand after 中国 (not a trade's word:
        # 中国石油旗下石油化工企业)
    glued = ""
    rest_at = at + len(brand)
    other = d.by_form.get(norm[rest_at:rest_at + 2]) if norm.startswith(brand, at) and len(brand) == 2 else None
    if other is not None and other.kind == "company" and other.name != parent.name and \
            norm[rest_at:rest_at + 2] in other.short_forms and HAS_CJK_ONLY.fullmatch(norm, rest_at, rest_at + 2) and \
            (not HAS_CJK.match(norm, rest_at + 2) or norm[rest_at + 2] in _ENDS_NAME or
             norm.startswith(_UNIT_VERBS_AFTER, rest_at + 2)):
        return _add_unit(norm, hits, taken, d, at, rest_at + 2, parent, other.name)  # 宗申动力旗下宗申航发: the
        # brand and another firm's short form, one unit's name (not 航发, 中国航发's)
    toks = lcut(norm[at:at + 12])
    if toks and toks[0] != brand and toks[0].startswith(brand):
        toks[:1] = [brand, toks[0][len(brand):]]
    elif toks and toks[0] != brand and brand.startswith(toks[0]) and norm.startswith(brand, at):
        toks = [brand, *lcut(norm[at + len(brand):at + 12])]  # 海|正|动|保: jieba cut the brand into characters
    i = 1 if toks and _place(toks[0]) and toks[0] != brand else 0
    if len(toks) < i + 2 or toks[i] != brand:
        return False
    name = "".join(toks[:i + 1])
    if len(toks) > i + 2 and toks[i + 1] + toks[i + 2] in _UNIT_TAILS:
        name += toks[i + 1] + toks[i + 2]  # (默沙东动物保健)
    elif toks[i + 1] in _UNIT_TAILS and (toks[i + 1] not in _CLAUSE_BOUND_TAILS or
                                         (len(toks) > i + 2 and (toks[i + 2] in _UNIT_CLOSERS or
                                                                 toks[i + 2] in _UNIT_VERBS_AFTER))):
        name += toks[i + 1]  # (东方电机: one token to the segmenter, cut at the brand)
    elif not i and len(toks) > 2 and len(toks[1]) == 2 and HAS_CJK_ONLY.fullmatch(toks[1]) and \
            toks[1] not in _NOT_UNIT_TAILS and toks[1] not in STOP_TOKENS and toks[1] not in _GOODS_WORDS and \
            jieba.dt.FREQ.get(toks[1], 0) < 10_000 and \
            (toks[2] in _UNIT_CLOSERS or toks[2] in _UNIT_VERBS_AFTER) and \
            not _DIVISION_AFTER.match(norm, at + len(toks[0]) + 2):
        name += toks[1]  # 江铜铜箔也在…: the brand and a trade's word, then the clause goes on (not 江铜品牌也, nor
        # 美的暖通与楼宇事业部, a division)
    elif not i and (rest := _rare_pair_then_close(toks)) is not None and \
            not _DIVISION_AFTER.match(norm, at + len(name) + len(rest)):
        name += rest  # 紫光国微旗下的紫光同芯以及…: the brand and two characters of no word, closed (not 美的暖通
        # 与楼宇事业部, a division)
    elif not i or (toks[i + 1] not in STOP_TOKENS and toks[i + 1] not in FUNCTION_CHARS):
        return False  # (a place and the brand alone, then a word of the sentence: 云南神火也)
    return _add_unit(norm, hits, taken, d, at, at + len(name), parent, glued)


_UNIT_VERBS_AFTER = ("已", "将", "在", "于", "是", "为", "也", "则", "还", "近日", "今年", "目前", "表示", "宣布")
# what a brand's word after 旗下 names that is no unit (旗下的江铜品牌, 旗下的中粮产品)
_NOT_UNIT_TAILS = frozenset({"品牌", "业务", "产品", "项目", "板块", "系列", "部门", "团队", "基金", "资产", "门店", "工厂",
                             "基地", "产能", "商标", "系统", "平台", "子公司", "公司", "商城", "新品", "网点", "直播", "会员",
                             "理财", "电商", "渠道", "官方", "专卖", "酱香", "消费", "旗舰", "线上", "线下", "品类", "单品",
                             "爆款", "网店", "店铺", "自营", "业态"})
# goods a brand names after 旗下 (格力旗下的格力空调: a product)
_GOODS_WORDS = frozenset({"空调", "冰箱", "洗衣机", "手机", "电视", "电脑", "平板", "饮料", "奶粉", "白酒", "啤酒", "香烟", "卷烟",
                          "牛奶", "酸奶", "汽水", "家电", "彩电"})
# unit tails that are also the first word of a product, a division or a plant (格力环保空调, 海天食品添加剂, 美的电梯业务部):
# a unit only where the clause goes on right after them
_CLAUSE_BOUND_TAILS = frozenset({"电梯", "环保", "食品", "物业"})


def _add_unit(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary, s: int, e: int, parent: _Hit,
              glued: str) -> bool:
    """The unit [s, e) of ``parent``, added unless it is no new name; ``glued``: the firm whose short form ends
    the unit's name, read inside it, which gives way."""
    name = norm[s:e]
    if len(name) < 4 or name == parent.name or d.lookup(name) is not None or jieba.dt.FREQ.get(name, 0) >= 60:
        return False
    inside = [h for h in hits if s <= h.start and h.end <= e]
    if any(h.name != parent.name and not (h.name == glued and h.end == e) for h in inside) or \
            (not inside and taken.overlaps(s, e)):
        return False  # (the parent's brand read as the parent, 中粮 in 中粮国际, gives way)
    for h in inside:
        hits.remove(h)
    hits.append(_Hit(s, e, name))
    taken.add(s, e)
    return True


def _unit_then_close(norm: str, s: int, parent: _Hit, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> bool:
    """A unit's name right after 旗下 closed by punctuation, or two joined by 和 (生物股份旗下的金宇保灵，以及…;
    青山控股旗下的福建鼎信和广东广青则表示), when none of their words is one of the language (not 烹饪学校品牌,
    网络安全业务, 东方电机承制): firms, added."""
    m = _NAME_THEN_CLOSE.match(norm, s) or _TWO_NAMES_THEN_CLOSE.match(norm, s)
    if m is None:
        return False
    if m.re is _NAME_THEN_CLOSE and not (_place(lcut(m.group(1))[0]) or SUFFIX_RE.search(m.group(1), 2)):
        return False  # 伊利股份旗下的安慕希，: a product's brand; a unit has its place or trade (广东广青)
    spans = [m.span(g) for g in range(1, (m.re.groups or 0) + 1)]
    known = [sp for sp in spans if any((h.start, h.end) == sp and h.kind == "company" for h in hits)]
    if known and len(known) < len(spans):  # 青山控股旗下的福建鼎信和广东广青: one of the two known, the other the unit
        spans = [sp for sp in spans if sp not in known]
        s = spans[0][0]
    inside = [h for h in hits if s <= h.start and h.end <= spans[-1][1]]
    if any(h.name != parent.name for h in inside) or (not inside and taken.overlaps(s, spans[-1][1])):
        return False  # (the parent's former name inside, 金宇 in 金宇保灵, gives way)
    if not all(_unit_name_shape(norm[a:b]) for a, b in spans) or _LISTED_AS_SITES.match(norm, spans[-1][1]):
        return False  # (旗下杭州宋城、三亚千古情等景区: the parent's sites, listed as such, no units)
    for h in inside:
        hits.remove(h)
    for a, b in spans:
        _add_named(norm, hits, taken, d, a, b, norm[a:b])
    return True


def _unit_name_shape(name: str) -> bool:
    """A name of its own shape: no place or generic word alone, at most two words of two characters or
    more, none of them a word of the language (a place may begin it), no function character."""
    toks = lcut(name)
    return _list_item_name(name) and not _place(name) and name not in GENERIC_PREFIX and \
        sum(len(t) > 1 for t in toks) <= 2 and \
        not any(len(t) == 1 and (t in FUNCTION_CHARS or t in STOP_TOKENS) for t in toks) and \
        not any(len(t) > 1 and jieba.dt.FREQ.get(t, 0) >= 60 and not (k == 0 and _place(t)) for k, t in enumerate(toks))


_UNIT_WORD_BEFORE = re.compile(r"(?:子公司|孙公司)$")
_UNIT_WORD_THEN_PLACE = re.compile(r"(?:子公司|孙公司)(?P<place>[\u4e00-\u9fff]{2,3})$")
# a unit's Latin name and the short name the text gives it, right after its legal name
_GLOSS_THEN_SHORT_NAME = re.compile(r"[(（][A-Za-z][A-Za-z0-9 .&'\-]{1,40}[,，]\s?(?:以下简称|以下称|下称|简称)\s?[:：]?\s?"
                                    r"[\"“](?P<name>[A-Za-z0-9" + CJK + r"]{2,10})[\"”][)）]")
_UNIT_LEGAL_AFTER = re.compile(r"(?P<trade>[" + CJK + r"]{2,6}?)(?:股份有限公司|股份公司|有限责任公司|有限公司)")


def _units_by_legal_name(norm: str, hits: list[_Hit], d: Dictionary) -> None:
    """A unit's legal name that begins with its listed parent's short name, after the word for a unit
    (全资子公司华域汽车电动系统有限公司, written again bare later): the unit, by its name without the tail, not
    the parent the legal name begins with. Only where the text names the unit again by that name, or glosses
    it and gives it a short name of its own (旗下马士基集装箱工业有限公司（Maersk Container Industry，以下简称“MCI”）):
    a listed firm's own legal name after 子公司 or 旗下 is written once and begins with its short name too
    (旗下子公司中国石油天然气股份有限公司, 宁德时代新能源科技股份有限公司, 山东黄金矿业股份有限公司)."""
    added: list[_Hit] = []
    for h in list(hits):
        if h.kind != "company" or h.codes:
            continue
        sub = _UNIT_WORD_BEFORE.search(norm, max(0, h.start - 5), h.start) is not None
        placed = 0  # (子公司北京|大北农生物技术有限公司: the unit's place between the word for a unit and the name)
        if not sub and (pm := _UNIT_WORD_THEN_PLACE.search(norm, max(0, h.start - 8), h.start)) is not None and \
                _place(pm.group("place")):
            sub, placed = True, len(pm.group("place"))
        if not sub and not norm.endswith("旗下", max(0, h.start - 2), h.start):
            continue
        m = _UNIT_LEGAL_AFTER.match(norm, h.end)
        if m is None or any(t in STOP_TOKENS or t in FUNCTION_CHARS for t in lcut(m.group("trade"))) or \
                SHORT_NAME_AFTER.match(norm, m.end()):
            continue  # (given a short name of its own, 欣旺达EVB: :func:`_units_given_short_names`)
        entry = d.lookup(h.name)
        if entry is None or entry.kind != "company" or not _own_form(norm[h.start:h.end], entry):
            continue
        parent, trade = h.name, m.group("trade")
        unit = norm[h.start:h.end] + trade
        glossed = _GLOSS_THEN_SHORT_NAME.match(norm, m.end())
        if glossed is None and placed and entry.tickers and not m.group().endswith(("股份有限公司", "股份公司")) and \
                norm.find(unit, m.end()) < 0:
            # 其子公司北京大北农生物技术有限公司, written once: a unit's legal name with its place (a listed firm's own is a
            # 股份有限公司), shown as written, the parent's name at its head no mention of the parent
            h.start, h.end, h.name = h.start - placed, m.end(), LEGAL_NAME_END.sub("", norm[h.start - placed:m.end()])
            continue
        if glossed is None and not (sub and entry.tickers and norm.find(unit, m.end()) >= 0):
            continue
        if glossed is not None and (d.lookup(glossed.group("name")) is entry or glossed.group("name") == unit):
            continue
        known = d.lookup(unit) or (d.lookup(unit[2:]) if unit.startswith("中国") else None)
        if known is not None and known is not entry:
            unit = known.name  # (中国平安人寿保险: the unit the dictionary holds, 平安人寿)
        if glossed is not None:  # (its short name there and again, as a word: MCI, not MCI|S)
            short = glossed.group("name")
            p = glossed.start("name")
            while p >= 0:
                e = p + len(short)
                if not (p > 0 and norm[p - 1].isascii() and norm[p - 1].isalnum()) and \
                        not (e < len(norm) and norm[e].isascii() and norm[e].isalnum()):
                    added.append(_Hit(p, e, unit))
                p = norm.find(short, e)
        for o in hits:  # (its bare name elsewhere, 华域汽车电动系统, is the unit's too)
            if o is h or (o.name == parent and not o.codes and norm.startswith(trade, o.end)):
                o.end, o.name = o.end + len(trade), unit
    hits.extend(added)


def _legal_names(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary,
                 heads: dict[int, _Hit] | None = None) -> None:
    """A legal name written in full (某某智能装备有限公司) is a company wherever it stands, read
    before the suffix rules (which would cut it at 智能); rules in names.py."""
    found: Iterable[re.Match[str]] = LEGAL_FULL_NAME.finditer(norm)
    if "有限合伙" in norm:
        found = sorted([*found, *FUND_PARTNERSHIP_NAME.finditer(norm)], key=lambda x: x.start())
    for m in found:
        if m.group() in (PARTNERSHIP, "基金企业"):  # 某某管理咨询合伙企业（有限合伙）: read as the name before a legal tail
            w0 = max(0, m.start() - 24)
            got = _left_name(norm[w0:m.start()] + "有限公司", m.start() - w0 + 4, d)
            got = got and (got[0] + w0, got[1][:-4] + m.group())
        elif norm.endswith(("(集团)", "（集团）"), 0, m.start()) and not taken.overlaps(m.start() - 4, m.end()):
            # 某某建设（集团）有限公司: read as 某某建设集团有限公司 (the bracket is part of the legal name)
            w0 = max(0, m.start() - 28)
            got = _left_name(norm[w0:m.start() - 4] + "集团" + m.group(), m.start() - 2 - w0 + len(m.group()), d)
            got = got and (got[0] + w0, got[1][:-len(m.group()) - 2] + m.group())  # (named without 集团)
            if got and jieba.dt.FREQ.get(got[1][:-len(m.group())], 0) >= 60 and d.lookup(got[1][:-len(m.group())]) is None:
                got = None  # …企业咨询服务（集团）: the name was cut at a word of its own (咨询服务), not read
        elif norm.endswith(ENTERPRISE_GROUP, 0, m.start()) and not taken.overlaps(m.start() - 4, m.end()):
            # 珠海市某某企业集团有限公司: read as 某某集团有限公司 (企业, a kind of firm, ends no reading
            # here: 企业集团, an enterprise group, is the legal name's)
            w0 = max(0, m.start() - 28)
            got = _left_name(norm[w0:m.start() - 4] + "集团" + m.group(), m.start() - 2 - w0 + len(m.group()), d)
            got = got and (got[0] + w0, got[1][:-len(m.group()) - 2] + ENTERPRISE_GROUP + m.group())
        else:
            got = None if taken.overlaps(m.start(), m.end()) else _left_name(norm, m.end(), d)
            if got is not None:
                got = _with_bracketed_place(norm, got, d)
        if got is not None and heads and taken.overlaps(got[0], m.end()) and \
                (head := heads.get(got[0])) is not None and any(x is head for x in hits) and not taken.overlaps(head.end, m.end()) and \
                d.lookup(LEGAL_NAME_END.sub("", got[1])) is None:
            hits[:] = [x for x in hits if x is not head]  # 中盐|吉兰泰氯碱化工有限公司: a firm's short form heading another firm's legal name
            taken.taken[head.start:head.end] = bytes(head.end - head.start)
        if got is not None and not taken.overlaps(got[0], m.end()):
            got = _begun_at_place(got, d)
            got = _begun_by_short_name(norm, got, m.end(), hits)
            name = LEGAL_NAME_END.sub("", got[1])
            if jieba.dt.FREQ.get(name, 0) >= COMMON_WORD_FREQ and name not in d.by_form:
                continue  # 央视市场研究股份有限公司: cut at a word of the sentence (市场), 研究 alone is no name
            if legal_name_ok(name, GENERIC_PREFIX) or (name[:1] in tuple("三四五六七八九") and _place(name[:2]) and
                                                       legal_name_ok(name[2:], GENERIC_PREFIX)):
                # (三峡金沙江某某水电开发有限公司: a place that begins with a numeral, no count)
                listed = _listed_by_brand(norm, got[0], m.end(), name, d) \
                    if m.group() == "股份有限公司" and d.lookup(name) is None else None
                if "原名" in norm[max(0, got[0] - 8):got[0]] and _former_name_of_coded(norm, got[0]):
                    taken.add(got[0], m.end())
                    continue  # （…002812，原名“云南某某股份有限公司”）: the coded firm's own former legal name
                _add_named(norm, hits, taken, d, got[0], m.end(), listed or name)


# one word before a place that is no brand of a unit's legal name (旗下拥有|许昌烟草机械有限责任公司), as 光明 or 东方 may be
_VERBS_BEFORE_A_LEGAL_NAME = frozenset({"拥有", "包括", "包含", "旗下", "通过", "收购", "控股", "设立", "成立", "注册", "曝光",
                                        "起诉", "入股", "参股", "持有", "中标", "委托", "聘请", "向", "与"})


def _begun_at_place(got: tuple[int, str], d: Dictionary) -> tuple[int, str]:
    """A legal name read leftwards over words of the sentence begins at its place (晚会曝光|湖南插旗菜业有限公司:
    湖南插旗菜业有限公司), where every word before the place is a common word of the language and no form of a
    known firm, and there are two words or one verb (融创|重庆置地有限公司, 光明|上海乳业…: one word, the group's
    brand, begins its unit's legal name)."""
    start, name = got
    toks = lcut(name)
    pos = 0
    for i, t in enumerate(toks):
        if i > 0 and len(t) >= 2 and _bank_place(t) and pos >= 2 and (i > 1 or toks[0] in _VERBS_BEFORE_A_LEGAL_NAME) and \
                all(len(w) >= 2 and jieba.dt.FREQ.get(w, 0) >= 100 and not _place(w) and w not in d.by_form
                    for w in toks[:i]):
            return start + pos, name[pos:]
        pos += len(t)
    return got


def _listed_by_brand(norm: str, s: int, e: int, name: str, d: Dictionary) -> str | None:
    """A joint-stock company's legal name (without its tail) whose brand, after its place, is a listed
    firm's short name with 股份 (杭州可靠护理用品股份有限公司: 可靠股份), when the text writes the brand
    nowhere else but before 股份 (not 山东三元生物…, which the text calls 三元生物: 三元股份 is another
    firm): that firm's name."""
    toks = lcut(name)
    i = 0
    while i < len(toks) - 1 and i < 2 and ((len(toks[i]) >= 2 and _place(toks[i])) or toks[i] in ("省", "市")):
        i += 1
    rest = "".join(toks[i:])
    if not i or len(rest) < 4:
        return None
    for k in (4, 3):  # 浙江阳光照明电器集团股份有限公司: 阳光照明, a listed firm's form, not 阳光股份
        known = d.lookup(rest[:k])
        if known is not None and known.kind == "company" and known.tickers:
            return known.name  # (an ambiguous form too: in a legal name after its place it is the firm's)
    for k in (2, 3):
        if jieba.dt.FREQ.get(rest[:k], 0) >= 60:
            continue  # (a common word, 阳光 安宁 光华 长青: the brand of many firms)
        entry = d.lookup(rest[:k] + "股份")
        if entry is not None and entry.kind == "company" and entry.name == rest[:k] + "股份" and entry.tickers:
            others = [p for p in _occurrences(norm, rest[:k]) if not s <= p < e]
            return entry.name if all(norm.startswith("股份", p + k) for p in others) else None
    return None


def _occurrences(text: str, word: str) -> list[int]:
    found, p = [], text.find(word)
    while p >= 0:
        found.append(p)
        p = text.find(word, p + 1)
    return found


def _begun_by_short_name(norm: str, got: tuple[int, str], end: int, hits: list[_Hit]) -> tuple[int, str]:
    """A legal name read short of its start, whose short name, given right after it, begins before
    it (中交|天和机械设备制造有限公司（简称“中交天和”）: the reading stopped at 中交, a known firm's form,
    then read 机械设备制造): the name from where the short name begins, the form read inside it dropped."""
    sm = SHORT_NAME_AFTER.match(norm, end)
    if sm is None:
        return got
    short, start = sm.group("name"), got[0]
    k = next((k for k in range(min(len(short), 6), 1, -1)
              if start - k >= 0 and norm.startswith(short[:k], start - k)), 0)
    if not k:
        return got
    for h in [h for h in hits if start - k <= h.start and h.end <= start]:
        hits.remove(h)  # (its span stays taken: no other reading begins inside the name)
    return start - k, norm[start - k:start] + got[1]


def _known_ends_at(hits: list[_Hit], pos: int, d: Dictionary) -> bool:
    """Whether a dictionary company's mention ends at ``pos``."""
    return any(h.end == pos and h.kind == "company" and d.lookup(h.name) is not None for h in hits)


# a legal name with its place in brackets after the brand (某某（杭州）文化传媒有限公司, 某某（中国）网络技术有限公司)
_BRACKET_PLACE_BEFORE = re.compile(r"[(（](?P<place>[\u4e00-\u9fff]{2,3})[)）]$")


def _with_bracketed_place(norm: str, got: tuple[int, str], d: Dictionary) -> tuple[int, str]:
    """``got`` (start, name) read leftwards from a legal tail: when a bracketed place stands right
    before it, the name begins at the brand before the bracket: the firm is the brand's (阿里巴巴 for
    阿里巴巴（中国）网络技术有限公司) or, unknown, the brand and its business (某某文化传媒), never the
    business words alone."""
    start, name = got
    br = _BRACKET_PLACE_BEFORE.search(norm, max(0, start - 5), start)
    if br is None or not (br.group("place") == "中国" or _bank_place(br.group("place"))):
        return got
    brand = _left_name(norm, br.start(), d, max_chars=6)
    if brand is None:
        return got
    entry = d.lookup(brand[1])
    if entry is not None and entry.kind == "company":
        return brand[0], entry.name + "有限公司"  # (the legal tail is taken off by the caller)
    toks = lcut(brand[1])
    if brand[0] > 0 and HAS_CJK.match(norm, brand[0] - 1) and norm[brand[0] - 1] not in FUNCTION_CHARS and \
            all(len(t) >= 2 and jieba.dt.FREQ.get(t, 0) >= 100 and not _place(t) and t not in d.by_form for t in toks):
        return brand[0], ""  # 雅马哈乐器|音响（中国）投资有限公司: the reading stopped inside a longer name at words of the
        # language (音响), which are no brand: no name (完美（中国）日用品有限公司, where nothing comes before, keeps 完美)
    return brand[0], brand[1] + name


# the engineering bureaus of the state builders, companies of their own (中铁十八局, 中建三局, 中交一公局,
# 中铁大桥局), with or without 集团
BUREAU_NAME = re.compile(r"中(?:铁|建|交|冶|水电|电建)(?:[一二三四五六七八九十]{1,3}公?|大桥|隧道|电气化|建工|城建|港航)局"
                         r"(?:集团)?")


def _bureau_names(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    if "局" not in norm:
        return
    for m in BUREAU_NAME.finditer(norm):
        if not taken.overlaps(m.start(), m.end()):
            name = m.group()
            _add_named(norm, hits, taken, d, m.start(), m.end(), name[:-2] if name.endswith("集团") else name)


def _names_beyond_dictionary(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary,
                             cue_starts: list[list[int]]) -> None:
    """Names no dictionary holds, by their form (rules in names.py): a Latin name after a company
    word (互联网公司ironSource) or ending in one (Baupost group), a quoted coined name after a
    company word that the article names again bare."""
    def add(s: int, e: int, name: str) -> None:
        _add_named(norm, hits, taken, d, s, e, name)

    named_ends = {h.end for h in hits}
    starts = _latin_word_starts(norm)
    _latin_after_country(norm, hits, taken, d, starts)
    for rx in (LATIN_AFTER_COMPANY_WORD, LATIN_UNIT_NAME, LATIN_ORG_NAME, LATIN_BEFORE_COMPANY_WORD, LATIN_BEFORE_ROLE):
        at = (cue_starts[1] if rx is LATIN_AFTER_COMPANY_WORD else cue_starts[2] if rx is LATIN_UNIT_NAME
              else starts)
        for m in _matches_at(rx, norm, at):
            name, s = m.group("name").rstrip(".-"), m.start("name")
            e = s + len(name)
            if rx is LATIN_ORG_NAME and name == m.group("name"):
                more = _LATIN_NAME_GOES_ON.match(norm, e)
                if more is not None and not any(w in LATIN_STOP or w in LATIN_NOT_FIRM or w in _LATIN_ROLE_WORDS
                                                for w in more.group().split()):
                    # High Technology Products: the name goes on past its firm's word (not Blackstone Group CEO …)
                    name, e = norm[s:more.end()], more.end()
            if taken.overlaps(s, e) or (e < len(norm) and norm[e].isascii() and norm[e].isalnum()):
                continue
            if s > 1 and norm[s - 1] in "(（" and (s - 1) in named_ends:
                continue  # 某某资本(Foo Capital): the gloss of a name just read, not a second company
            if _LATIN_CONTINUED.search(norm, max(0, s - 8), s) or _LATIN_CO.match(name):
                continue  # GOLDMAN SACHS &amp; CO. LLC: the end of a longer name, not one of its own
            if _ENGLISH_NAME_CUE.search(norm, max(0, s - 40), s):
                continue  # 将英文名由Momo Inc.更改为Hello Group Inc.: the firm's English names, spoken of as names
            if d.lookup(name) is not None:
                continue  # known names: the scan's rules
            if rx is LATIN_AFTER_COMPANY_WORD or rx is LATIN_UNIT_NAME:
                ok = latin_name_ok(name, LATIN_STOP) and not _PRODUCT_WORD_AFTER.match(norm, e) and \
                    not _grade_of_goods(norm, name, e)
            elif rx is LATIN_BEFORE_ROLE:  # CFRA首席…师: an acronym names a firm here
                ok = name not in LATIN_STOP and len(name) >= 3 and latin_firm_ok(name) and \
                    re.fullmatch(r"[A-Z][0-9]+", name) is None
            else:
                ok = latin_name_ok(name, LATIN_STOP) and latin_firm_ok(name) and \
                    not (rx is LATIN_BEFORE_COMPANY_WORD and _MANY_BEFORE.search(norm, max(0, s - 4), s))
                # (多数Robotaxi公司: a kind of firm, counted, no name)
            if ok:
                add(s, e, name)
    for m in _matches_at(QUOTED_AFTER_COMPANY_WORD, norm, cue_starts[3]):
        name, s = m.group("name"), m.start("name")
        if taken.overlaps(s, s + len(name)) or (jieba.dt.FREQ.get(name, 0) > 0 and name not in d.by_form):
            continue
        if not named_again_bare(norm, name, s):
            continue  # 关于公司“酒企借壳”的传闻: a quoted phrase, not a name the article uses
        add(s, s + len(name), name)


# capitalised words after a name that ends in a firm's word (High Technology Products公司)
_LATIN_ROLE_WORDS = frozenset({"Chairman", "President", "Founder", "Partner", "Director", "Head", "Fund", "Funds", "China"})
_LATIN_NAME_GOES_ON = re.compile(r"(?:\s[A-Z][A-Za-z0-9&\-]*){1,2}(?![A-Za-z0-9])", re.ASCII)
# the countries the press writes before a foreign firm's own Latin name (韩国Hugel, 英国Sinclair)
_COUNTRIES = frozenset({"韩国", "日本", "美国", "英国", "德国", "法国", "西班牙", "意大利", "瑞士", "瑞典", "荷兰", "比利时",
                        "以色列", "澳大利亚", "澳洲", "加拿大", "新加坡", "印度", "丹麦", "挪威", "芬兰", "奥地利", "爱尔兰",
                        "巴西", "墨西哥", "印尼", "越南", "泰国", "马来西亚", "新西兰", "智利", "阿根廷", "南非", "波兰",
                        "葡萄牙", "卢森堡", "捷克", "匈牙利", "土耳其", "沙特", "阿联酋", "菲律宾", "刚果", "赞比亚", "秘鲁",
                        "哥伦比亚", "厄瓜多尔", "委内瑞拉", "俄罗斯", "乌克兰", "哈萨克斯坦", "蒙古", "伊朗", "伊拉克", "卡塔尔",
                        "科威特", "阿曼", "埃及", "尼日利亚", "安哥拉", "阿尔及利亚", "摩洛哥", "肯尼亚", "坦桑尼亚", "津巴布韦",
                        "几内亚", "缅甸", "老挝", "柬埔寨", "孟加拉", "巴基斯坦", "斯里兰卡", "乌兹别克斯坦", "希腊", "冰岛"})
_COUNTRY_LAST = frozenset(c[-1] for c in _COUNTRIES)
# a name of one to three words, the first in mixed case and at least four letters long (not an acronym: 美国FDA,
# 韩国KOSPI), with no Latin letter or digit after it
_LATIN_AFTER_COUNTRY = re.compile(r"(?P<name>[A-Z][a-z][A-Za-z0-9&\-]*[a-z0-9](?:\s(?:&\s)?[A-Z][A-Za-z0-9&\-]*){0,2})"
                                  r"(?![A-Za-z0-9.\-])", re.ASCII)
# what makes the Latin word after a country something else than a firm: a journal, an index, a law, a product …
_NOT_FIRM_AFTER_COUNTRY_NAME = re.compile(r"\s?(?:杂志|期刊|报|指数|法案|法|大学|学院|研究所|政府|央行|议会|协会|计划|项目|疫苗"
                                          r"|药物|产品|系列|品牌|车型|机型|型号|芯片|平台|软件|系统|技术|方案|模式|标准|号"
                                          r"|游戏|手机|电脑|耳机|相机|手表|音箱|[机车])"
                                          # …or a mine, a lake, a field or a project (加拿大Jansen钾肥项目, 阿根廷Mariana锂盐湖)
                                          r"|[\u4e00-\u9fff]{0,3}?(?:盐湖|湖|矿山|矿区|矿|项目|油田|气田|港|电站)")


# a country's state firm named by its country, 国家 and its trade (刚果国家矿业公司, 智利国家铜业公司)
_STATE_FIRM = re.compile(r"(?P<country>[\u4e00-\u9fff]{2,4}?)国家(?:石油|天然气|矿业|铜业|电力|电网|航空|铁路|能源|化工|钢铁"
                         r"|石化|铝业|核电|船舶|电信|开发|投资|渔业|粮食|农业)(?:股份)?(?:公司|集团)")


def _state_firms(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """A country's state firm named so (…国有的刚果国家矿业公司（Gécamines）): a company of that whole name,
    where its first words are a country's (:data:`_COUNTRIES`; not a region: 中东国家石油公司 are many)."""
    for m in _STATE_FIRM.finditer(norm):
        country = m.group("country")
        for k in range(len(country) - 1):  # (国有的刚果国家…: the country is the last words before 国家)
            if country[k:] in _COUNTRIES:
                s, e = m.start("country") + k, m.end()
                if not taken.overlaps(s, e):
                    _add_named(norm, hits, taken, d, s, e, norm[s:e])
                break


# what a firm named after its country does next (韩国Hugel合作, 韩国Jetema的, 英国Sinclair上半年, …签署, …公司)
_FIRM_CUE_AFTER_COUNTRY_NAME = re.compile(r"\s?(?:的|公司|集团|旗下|合作|签署?|宣布|表示|称|于|与|和|、|[，,。；（(]|已|将|此前"
                                          r"|近日|计划|拟|上半年|下半年|今年|去年|全年|营收|收入|净利|股价|获|完成|对|向|在|被"
                                          r"|工厂|基地)")


def _latin_after_country(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary, starts: list[int]) -> None:
    """A foreign firm the press names by its own Latin name right after its country (引进韩国Hugel的
    肉毒毒素, 英国Sinclair上半年营收): a name in mixed case, no acronym, no journal, index, law or product
    (英国Nature杂志, 美国FDA), nor a word that the Latin rules know as no firm's (Bloomberg, Nasdaq)."""
    for s in starts:
        if norm[s - 1:s] not in _COUNTRY_LAST:
            continue  # (no country ends right before s)
        clen = next((k for k in (2, 3, 4) if s >= k and norm[s - k:s] in _COUNTRIES), 0)
        if not clen:
            continue
        m = _LATIN_AFTER_COUNTRY.match(norm, s)
        if m is None:
            continue
        name = m.group("name")
        e = s + len(name)
        if taken.overlaps(s, e) or not latin_name_ok(name, LATIN_STOP) or not latin_firm_ok(name) or \
                name.split()[0] in LATIN_NOT_FIRM or _NOT_FIRM_AFTER_COUNTRY_NAME.match(norm, e) or \
                d.lookup(name) is not None or not _FIRM_CUE_AFTER_COUNTRY_NAME.match(norm, e) or \
                any(h.end == s - clen for h in hits):
            continue  # (a known name is the scan's; 特斯拉美国Model 3: a product by market; 美国Black Friday促销: an event)
        _add_named(norm, hits, taken, d, s, e, name)


# words that count firms of a kind (多数Robotaxi公司, 各家SaaS公司)
_MANY_BEFORE = re.compile(r"(?:多数|多家|各家|各|这些|那些|所有|一些|部分|不少|其他|其它|许多|众多|头部|主流|国内|海外)$")
# a foreign firm's Chinese name with its own name in Latin letters after it (顶级手套（Top Glove）, 纽斯达（Nyrstar）)
_GLOSSED = re.compile(r"[（(](?<=[\u4e00-\u9fff][（(])\s?(?P<gloss>[A-Z][A-Za-z'&.\-\u00c0-\u00ff]*"
                     r"(?:\s&?\s?[A-Za-z][A-Za-z'&.\-\u00c0-\u00ff]*){0,4}"
                     r"(?:,\s?(?:S\.L\.|S\.A\.|S\.p\.A\.|Inc\.|Ltd\.|LLC|AG|N\.V\.|B\.V\.|plc|GmbH))?)\s?[）)]")
# (…子公司阿尔博（Hijos de Carlos Albo, S.L.）: a legal form after a comma)  # (杜克普爱华（Dürkopp Adler）)
# what makes such a name a firm's: a word for a firm right before it, or its Latin name ends in one
_GLOSS_CUE = re.compile(KIND_END.pattern[:-2] + r"|巨头|同业|同行|子公司|孙公司|旗下的?|竞争对手|对手|机构|集团)$")
_GLOSS_FIRM_WORD = re.compile(r"(?:\s(?:&\s?)?(?:Co\.?|Group|Holdings|Capital|Partners|Management|Technologies|Inc\.?"
                              r"|Corp\.?|Corporation|Ltd\.?|Limited|LLC|AG|SA|plc|PLC|Investments|Securities|Bank|Ventures"
                              r"|Resources|Mining|Minerals|Metals|Gold|Pharma|Pharmaceuticals|Motors|Energy|Airlines"
                              r"|Industries|Brands|Foods|Fab|Capital\s\w+)|\s?Today)$")
def _after_word(rx: re.Pattern[str], norm: str, b: int) -> int | None:
    """Where the shortest run of 2-6 Chinese characters before ``b`` begins that a match of ``rx``
    (a pattern anchored with ``$``) ends right before (托克集团旗下的纽斯达: 纽斯达, after 旗下的), or None."""
    for n in range(2, 7):
        s = b - n
        if s < 1 or not HAS_CJK.match(norm, s):
            return None
        if norm[s] not in "的之" and rx.search(norm, max(0, s - 6), s) is not None:
            return s
    return None


def _item_ends_before(norm: str, s: int, hits: list[_Hit]) -> bool:
    """Whether a list's previous item ends right before the joining word before ``s``: a bracket
    (其他（Other）和…) or a company's mention (舍弗勒和…)."""
    j = _GLOSS_JOIN_BEFORE.search(norm, max(0, s - 4), s)
    if j is None:
        return False
    p = j.start()
    return p > 0 and (norm[p - 1] in ")）" or any(h.end == p for h in hits))


def _clean_start(norm: str, s: int) -> bool:
    """Whether a name read leftwards to ``s`` begins where a word of the sentence ends (after
    punctuation, 的, 对, a joining word …), not inside a run jieba could not read (委任罗斯|柴尔德)."""
    if s == 0 or not HAS_CJK.match(norm, s - 1):
        return True
    toks = lcut(norm[max(0, s - 6):s])
    return bool(toks) and (toks[-1] in STOP_TOKENS or toks[-1] in GENERIC_PREFIX or _place(toks[-1]))


_GLOSS_THING_AFTER = re.compile(r"\s?(?:项目|矿山|矿|工厂|基地|系列|产品|品牌|车型|机型|平台|酒店|门店|商场)")
_GLOSS_WORD_FREQ = 50  # (jieba's count of a word: transliterations that are words too, 浑水 and 耐克森, have 3)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ANY_BRACKET = re.compile(r"\s?[（(][^（）()]{1,40}[）)]")
_GLOSS_JOIN_AFTER = re.compile(r"\s?(?:、|和|与|及|以及)\s?")
_GLOSS_JOIN_BEFORE = re.compile(r"(?:、|和|与|及|以及)\s?$")


_SITE_WORDS = ("工厂", "基地", "厂区", "园区", "项目", "矿山", "矿区")
_HOLDING_VERB = re.compile(r"(?:拥有|包括|包含|收购了?|控股|持有)")


def _glossed_names(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """A name the dictionary lacks, written with the firm's own name in Latin letters in brackets after
    it (马来西亚的顶级手套（Top Glove）, 托克集团旗下的纽斯达（Nyrstar）): a company when a word for a firm
    stands right before it (制造商, 巨头, 同业, 旗下的 …), when its Latin name ends in a firm's word
    (Golden Star Resources, Rothschild & Co), or when it stands in a list (、 和 与) next to a company
    or to another such name that is one. Other glosses name people, places, products and terms
    (库克（Tim Cook）, 莫罗瓦利（Morowali）, 人工智能（AI）): none of these is read."""
    cands: list[tuple[int, int, str, bool, int, int]] = []  # (start, end, name, sure, gloss end, words' start)
    for m in _matches_at(_GLOSSED, norm, opener_positions(norm, "(（")):  # (its matches begin with the bracket)
        b = m.start()
        gloss = m.group("gloss").rstrip(".-'")
        if _GLOSS_THING_AFTER.match(norm, m.end()):
            continue  # 旗下卡蒂纳（Cardinal）项目: a mine, a project or a product of the firm
        if taken.overlaps(b - 1, b) or gloss in LATIN_STOP or (len(gloss) < 3 and gloss.isupper()):
            continue  # (the gloss of a name already read; 人工智能（AI）)
        cued = _after_word(_GLOSS_CUE, norm, b)
        joined = None if cued is not None else _after_word(_GLOSS_JOIN_BEFORE, norm, b)
        if joined is not None and not _item_ends_before(norm, joined, hits):
            joined = None  # 日本三和精机（Sanwa Industries）: a 和 inside the name, no list's joining word
        if cued is not None:  # 手套制造商顶级手套（Top Glove）: the name is all that follows the word for a firm
            s, name = cued, norm[cued:b]
            verb = _HOLDING_VERB.match(name)
            if verb is not None and len(name) - verb.end() >= 2:
                s, name = s + verb.end(), name[verb.end():]  # 旗下拥有萨洛蒙（Salomon）: what the group holds
        elif joined is not None:  # …和高产橡胶（Kossan）: all that follows a joining word (checked below)
            s, name = joined, norm[joined:b]
        else:
            got = _left_name(norm, b, d, max_chars=6)
            if got is None:
                continue
            s, name = got
            if s > 0 and norm[s - 1] in "和与及" and not _item_ends_before(norm, s, hits):
                continue  # 日本三和|精机（Sanwa Industries）: read from inside a name, no list's joining word
        s0 = s  # (where the name's words begin: a list's joining word stands before it)
        if "的" in name[1:-1] and d.lookup(name) is None and len(name) - name.rindex("的") - 1 >= 2 and \
                not any(name[i:j] in d.by_form for j in range(name.rindex("的") + 1, min(len(name), name.rindex("的") + 3) + 1)
                        for i in range(max(0, j - 4), name.rindex("的") + 1)):
            cut = name.rindex("的") + 1
            s, name = s + cut, name[cut:]  # 与美资的恩坦华（Inteva）: what describes the firm is no part of its name
        if name[0] in FUNCTION_CHARS and len(name) >= 3:
            s, name = s + 1, name[1:]  # 主要有洛克萨（LKS）: a verb's character jieba glued to the name
        elif name[0] == "商" and len(name) >= 3 and s > 0 and HAS_CJK.match(norm, s - 1):
            s, name = s + 1, name[1:]  # 零售商|乐购（Tesco）: the kind word's 商, cut from it by the segmenter
        for k in (3, 2):  # 舍弗勒和日本恩斯克（NSK）: the country is no part of the name
            if name[:k] in GENERIC_PREFIX and name[:k] != "中国" and _place(name[:k]) and len(name) - k >= 2:
                s, name = s + k, name[k:]
                break
        if name.endswith(_SITE_WORDS) and _GLOSS_FIRM_WORD.search(gloss) is not None and not taken.overlaps(b + 1, m.end() - 1):
            gs = norm.index(gloss, b)  # 北岛工厂（BOP Industries）: a plant named in Chinese, the firm in Latin
            _add_named(norm, hits, taken, d, gs, gs + len(gloss), gloss)
            continue
        if name.endswith(_GLOSSED_THINGS) and not name.endswith(_GLOSSED_FIRM_ENDS):
            continue  # 旗下超大型矿砂船（VLOC）, 某某金矿（… Mine）: a kind of ship, a mine or a field, no firm
        stem = name[:-2] if name.endswith(("公司", "集团")) else name
        if len(stem) < 2 or taken.overlaps(s, b) or not HAS_CJK.match(name) or d.lookup(name) is not None \
                or jieba.dt.FREQ.get(stem, 0) >= _GLOSS_WORD_FREQ or _not_firm_end(name) or any(w in name for w in _BODY_WORDS):
            continue  # (a known name is the scan's; a word of the language is no firm's name: 投资者（QDII）, 数据公司（IDC）;
            # a body's is no firm's: 国际保赔协会集团（IG P&I）)
        # an acronym in the brackets is mostly a term's (总交易额（GTV）, 拆息（HIBOR）): such a name only in a list
        term = _ACRONYM.fullmatch(gloss) is not None
        firm = not term and (cued is not None or ((_GLOSS_FIRM_WORD.search(gloss) is not None
                                                   or name.endswith(("公司", "资源", "资本", "集团", "控股", "矿业")))
                                                  and _clean_start(norm, s)))
        cands.append((s, b, name, firm, m.end(), s0))
    if not cands:
        return
    ends = {h.end for h in hits}
    for h in hits:  # (a company with its own gloss or code in brackets: the list goes on after them)
        br = _ANY_BRACKET.match(norm, h.end)
        if br is not None:
            ends.add(br.end())
    starts = {h.start for h in hits}
    sure = [c[3] for c in cands]  # (as the loop below finds more)
    changed = True
    while changed:  # a name in a list with a company, or with such a name that is one
        changed = False
        for i, (_s, _e, _name, _, ge, s0) in enumerate(cands):
            if sure[i]:
                continue
            before = _GLOSS_JOIN_BEFORE.search(norm, max(0, s0 - 3), s0)
            after = _GLOSS_JOIN_AFTER.match(norm, ge)
            if (before and (before.start() in ends or any(sure[j] and cands[j][4] == before.start() for j in range(len(cands))))) \
                    or (after and (after.end() in starts or any(sure[j] and cands[j][5] == after.end() for j in range(len(cands))))):
                sure[i] = changed = True
    for (s, e, name, _, _, _), ok in zip(cands, sure):
        if ok and not taken.overlaps(s, e):
            _add_named(norm, hits, taken, d, s, e, name)


# an acronym, then the Latin name it stands for in brackets, a firm's by its last words (CUB（Carlton & United Breweries）)
_SPELT_OUT = re.compile(r"[(（](?P<full>[A-Z][A-Za-z]+(?:\s(?:&\s|of\s|and\s)?[A-Z][A-Za-z]+){1,6})[)）]")
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9])(?P<short>[A-Z]{2,6})\s?$")
_FIRM_WORD_LATIN = re.compile(r"\b(?:Breweries|Brewery|Group|Holdings?|Company|Corporation|Corp|Inc|Ltd|Limited|Industries|"
                              r"Capital|Airlines|Motors|Resources|Minerals|Mining|Pharmaceuticals?|"
                              r"Therapeutics|Biosciences|Foods|Brands|Logistics|Shipping|Lines)$", re.ASCII)
# (not Bank, Partners, Investment, Technologies, Systems, Energy: 欧洲央行ECB（European Central Bank）, 有限合伙人LP
# （Limited Partners）, ADAS（… Assistance Systems）, BESS（Battery Energy Storage Systems）: bodies and terms)
# what a glossed Chinese name names that is no firm: ships, mines, fields, projects (超大型矿砂船（VLOC）)
_GLOSSED_THINGS = ("船", "舰", "矿", "油田", "气田", "项目")
_GLOSSED_FIRM_ENDS = ("造船", "船舶", "船务", "船业", "重工")  # (新大洋造船（New Dayang Shipbuilding）: a shipbuilder)
# after a Latin word that follows a company word, words that make it the firm's product (公司NOR Flash产品)
def _grade_of_goods(norm: str, name: str, e: int) -> bool:
    """Whether a Latin word is a grade of the goods it stands before, listed so with another grade in
    the text (公司KrF光刻胶用树脂, beside KrF和ArF光刻胶: a kind of photoresist, no firm)."""
    goods = HAS_CJK_ONLY.match(norm, e) if len(name) <= 4 else None
    if goods is None:
        return False  # (a grade's name is short: KrF, ArF, EUV; not Zymergen和Ginkgo材料, two firms)
    word = next(iter(lcut(goods.group()[:6])), "")
    if len(word) < 2:
        return False
    other, n = r"[A-Za-z][A-Za-z0-9]*", re.escape(name)
    near = norm[max(0, e - 400):e + 400]  # (the list near the name: no search of the whole text per name)
    return re.search(rf"(?<![A-Za-z0-9])(?:{n}[和与及、/]{other}|{other}[和与及、/]{n}){re.escape(word)}", near) is not None


_PRODUCT_WORD_AFTER = re.compile(r"\s?(?:产品|芯片|系列|车型|机型|型号|方案|技术|平台|业务|品类|模组|模块|软件|系统)")
_ENGLISH_NAME_CUE = re.compile(r"(?:英文名称?|英文全称|英文简称|英文名字)(?:由|为|是|从)?[:：]?\s?$"
                               r"|(?:英文名称?|英文全称)[^，。；]{0,30}(?:更改为|改为|变更为|更名为)\s?$")
_LATIN_CONTINUED = re.compile(r"(?:&|&amp;|\band)\s*$", re.ASCII)
_LATIN_CO = re.compile(r"(?:Co|CO|Company|COMPANY)\b", re.ASCII)
# the first letter of a Latin word ([A-Za-z][A-Za-z0-9&.-]*) with no letter, digit or &.- before it
_LATIN_WORD_START = re.compile(r"[A-Za-z](?<![A-Za-z0-9&.\-][A-Za-z])")  # (the letter first: a fast scan)


def _latin_word_starts(norm: str) -> list[int]:
    """Where Latin words begin (no Latin letter, digit, ``&.-`` before them): the only places the
    Latin name patterns can match (they begin with such a lookbehind, which keeps the regex engine
    from skipping ahead; matching at these places alone finds the same names, faster)."""
    return [m.start() for m in _LATIN_WORD_START.finditer(norm)]


# the words a pattern of the rules begins with (where it can match): KIND_THEN_NAME's, those of three
# patterns of names.py, LATIN_CUE_RE's and ACQUIRE_RE's
_CUE_WORD_LISTS: tuple[tuple[str, ...], ...] = (KIND_THEN_WORDS, LATIN_AFTER_COMPANY_WORDS, LATIN_UNIT_WORDS,
                                                 QUOTED_COMPANY_WORDS, LATIN_CUE_WORDS, ACQUIRE_VERBS)
# words _find_hits asks of the whole text (whether it holds them), answered by the same pass: each
# ``w in norm`` scans the text, ~1.5 µs where w is absent
_ASKED_WORDS = ("ST", "简称", "下称", "合资", "旗下", "子公司", "两家", "二家", "2家", "旗下）", "旗下)", "子公司）", "国网",
                "电网公司", "国家", "一家", "股权", "权益", "股份", "代码", "分别", "全称", "全名", "公司（", "公司(")
_CUE_AC: list[tuple[ahocorasick_rs.AhoCorasick, list[list[int]], list[str], frozenset[int]]] = []


def _cue_word_starts(norm: str, asked: set[str] | None = None) -> list[list[int]]:
    """For each list of :data:`_CUE_WORD_LISTS`: where any of its words begins in ``norm``, in order
    (overlapping words too), found by one automaton pass for all of them. For a pattern that begins
    with one of a list's words these are the only places it can match (:func:`_matches_at` there
    finds what its ``finditer`` finds, without the regex engine trying every character).
    ``asked``, when given, receives the words of :data:`_ASKED_WORDS` that ``norm`` holds (the pass
    reports every occurrence of every word: ``w in asked`` is ``w in norm``)."""
    if not _CUE_AC:
        words = sorted({w for words in (*_CUE_WORD_LISTS, _ASKED_WORDS) for w in words})
        member = [[k for k, ws in enumerate(_CUE_WORD_LISTS) if w in ws] for w in words]
        asked_ids = frozenset(i for i, w in enumerate(words) if w in _ASKED_WORDS)
        _CUE_AC.append((ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA), member,
                        words, asked_ids))
        # (a race builds it twice, harmlessly; a DFA, as for the suffixes: the same matches, faster)
    ac, member, words, asked_ids = _CUE_AC[0]
    found: list[set[int]] = [set() for _ in _CUE_WORD_LISTS]
    for i, start, _end in ac.find_matches_as_indexes(norm, overlapping=True):
        for k in member[i]:
            found[k].add(start)
        if asked is not None and i in asked_ids:
            asked.add(words[i])
    return [sorted(x) for x in found]


def _matches_at(rx: re.Pattern[str], norm: str, starts: list[int]) -> list[re.Match[str]]:
    """``rx.finditer(norm)`` for a pattern that can only match at ``starts`` (non-overlapping, in order)."""
    out: list[re.Match[str]] = []
    end = -1
    for s in starts:
        if s < end:
            continue
        m = rx.match(norm, s)
        if m is not None and m.end() > m.start():
            out.append(m)
            end = m.end()
    return out


# a name at a clause's start defined as a firm (某某影投是浙江一家拥有 23 家影院的民营影投公司。): the press's
# other way of bringing in a firm no reader knows
DEFINED_AS_FIRM = re.compile(
    r"(?:^|(?<=[，。；：！？,;:!?\n」”\s]))(?P<name>[" + CJK + r"]{2,6}?)"
    r"(?:仍然|仍旧|依然|已经|早已|曾经|原本|本来|其实|不再|无疑|一直|目前|现在|仍|已|曾|也|还|就|则)?(?:是|系)"
    r"(?:[" + CJK + r"]{2,4})?一家"
    r"[^，。；！？,;!?\n]{0,30}?(?:公司|企业|集团|厂商|制造商|供应商|服务商|运营商|开发商|生产商|经销商|零售商|贸易商"
    r"|代理商|机构|品牌|[茶药车房酒乳煤钢险]企|工厂|厂)(?=[，。；！？,;!?\n]|$)")


# a firm's name in quotes right after a word for its kind, then what the firm does or says
# (检测机构“某某检测”的负责人, 芯片公司"某某科技"完成融资; a brand's name, 自有品牌“某某”, is not a firm's)
_QUOTED_AFTER_KIND = re.compile(r"(?:公司|企业|机构|服务商|供应商|厂商|运营商|制造商|开发商|平台)[“\"]"
                                r"(?P<name>[" + CJK + r"A-Za-z0-9]{2,10})[”\"]"
                                r"(?=的?(?:负责人|相关负责人|创始人|联合创始人|董事长|总经理|CEO)|近日|日前|宣布|完成"
                                r"|获得?(?=[0-9数近超逾]|[^，。]{0,6}(?:融资|投资))|表示|称(?!号|为)|透露|介绍)")


_NOT_A_FIRM_ENDS = ("方案", "计划", "工厂", "项目", "政策", "制度", "机制", "模式", "战略", "称号", "标准", "行动", "工程", "概念")


def _quoted_after_kind(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    for m in _QUOTED_AFTER_KIND.finditer(norm):
        s, e = m.span("name")
        name = m.group("name")
        if taken.overlaps(s, e) or name in GENERIC_PREFIX or name in STOP_TOKENS or _place(name) or name.isdigit() \
                or (jieba.dt.FREQ.get(name, 0) > 0 and name not in d.by_form) or \
                (name not in d.by_form and (all(len(t) > 1 and jieba.dt.FREQ.get(t, 0) >= 60 for t in lcut(name))
                                            or name.endswith(_NOT_A_FIRM_ENDS))):
            continue  # (公司“定增方案”获得批准, 该公司“灯塔工厂”: words of the language, no name)
        _add_named(norm, hits, taken, d, s, e, name)


def _defined_names(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """A name defined as a firm where a clause begins (某某影投是浙江一家…民营影投公司): a company, when it
    is no word of the language and does not begin with a word of one (这, 该, 公司 …)."""
    freq = jieba.dt.FREQ.get
    for m in DEFINED_AS_FIRM.finditer(norm):
        s, e = m.span("name")
        name = m.group("name")
        if taken.overlaps(s, e) or name[0] in "这那该其此本我你他她它每各某另" or name[0] in FUNCTION_CHARS or \
                name in GENERIC_PREFIX or name in STOP_TOKENS or _place(name) or \
                (freq(name, 0) > 0 and name not in d.by_form) or name.endswith(("公司", "企业", "集团", "机构")):
            continue
        toks = lcut(name)
        if name not in d.by_form and (any(t in STOP_TOKENS or TIME_WORD.fullmatch(t) for t in toks) or
                                      all(len(t) > 1 and freq(t, 0) > 0 and not _place(t) for t in toks) or
                                      (len(toks[0]) > 1 and freq(toks[0], 0) >= RARE_START_WORD and not _place(toks[0]))):
            continue  # (目前是一家, 龙头企业是一家: words of the language)
        _add_named(norm, hits, taken, d, s, e, name)


def _firm_among(norm: str, items: list[tuple[int, int]], company_spans: set[tuple[int, int]], d: Dictionary) -> bool:
    """One item of the list is a firm already, or a name with an organisation suffix (芯和半导体、…)."""
    for s, e in items:
        name = norm[s:e].strip()
        if (s, e) in company_spans or name in d.by_form:
            return True
        suffix = SUFFIX_RE.search(name, 2)
        if suffix is not None and suffix.end() == len(name) and jieba.dt.FREQ.get(name, 0) == 0:
            return True
    return False


# a stake taken in a list of firms (先后入股A、B和C): the first item after the verb, the last closed by punctuation
_COUNTED_ITEM = re.compile(r"[0-9一二三四五六七八九十百千两几多数]+余?[个家座条所位名只台套种类项间]")
_COUNTED_ITEM_FIRST = frozenset("0123456789一二三四五六七八九十百千两几多数")  # (what it can begin with)
_DEAL_THEN_FIRST = re.compile(r"(?:入股|参股|投资了|领投了|收购了|下辖|旗下拥有|(?P<units>子公司|下属企业|下属公司))"
                              r"(?P<first>[" + CJK + r"]{2,8})$")
_LAST_ITEM = re.compile(r"[" + CJK + r"]{2,8}(?=[，。；,;]|$)")
_LAST_UNIT = re.compile(r"[" + CJK + r"]{2,8}?(?=的|[，。；,;]|$)")  # (子公司A、B和C的产品: C)


# two firms counted after their names (宁波宝新和宝钢德盛两家不锈钢企业): the second item, then the first
_PAIR_COUNTED = re.compile(r"(?:和|与|及|以及)(?P<b>[" + CJK + r"]{2,8}?)(?:两|二|2)家[" + CJK + r"]{0,6}?"
                           r"(?:企业|公司|厂商|钢厂|工厂|车企|药企|房企|险企|银行|券商|机构)")


# trades after a firm's two-character short form that make another firm's name (达钢能源: not 达州钢铁)
_SHORT_FORM_THEN_SUFFIX = re.compile(r"(?:新能源|能源|药业|医药|科技|电子|化工|材料|新材|实业|物流|地产|置业|矿业|食品|环保|智能|电气|机械"
                                     r"|生物|传媒|汽车|动力|光电|软件|通信|重工|纸业|电缆|海缆|农业|农牧|航空|橡胶)(?:集团)?")


_FINANCIAL_GROUP_ENDS = ("证券", "银行", "集团", "控股", "资本", "金融", "投资", "保险", "信托")
# what may follow such a name (达钢能源发布公告, 永钢药业表示): a cue or punctuation, not a product (海尔智能冰箱)
_SHORT_FORM_NEXT = re.compile(r"$|[^\u4e00-\u9fff]|表示|发布|公告|宣布|称|的|在|于|将|已|也|则|和|与|、|等|成立|获|完成|旗下|董事")
_SITE_ONLY_AFTER = re.compile(r"基地|园区|厂区")  # (浙江石化项目: the firm's project, the firm)
# trades a site is named by after its place (防城港钢铁基地); not 集团 or 控股, the group's own name
_SITE_TRADES = re.compile(r"钢铁|石化|炼化|化工|铝业|铜业|钢厂|电厂|核电|水电|煤化工|能源")
_SITE_TRADES_END = re.compile("(?:" + _SITE_TRADES.pattern + ")$")


# what names a site or an industrial zone after a place and a trade (惠州大亚湾石化区, 惠州化工综合体)
_SITE_AFTER_PLACED_TRADE = re.compile(r"基地|园区|厂区|综合体|产业园|工业园|[区园](?![域长])")
_SITE_AFTER_PLACED_TRADE_FIRST = frozenset("基园厂综产工区")  # (the characters it can begin with)
# a measure of the word a suffix rule read as a firm's (退订咨询量, 投资额): the count, not a firm
_MEASURE_OF_SUFFIX_WORD = re.compile(r"[量额](?=[一达超为同增下上较占约仅已在，,。、；;的不逾近])")  # (not 量产, 额外, 额定)


def _place_heads(name: str) -> list[int]:
    """The lengths (3, then 2) of a place (not 中国 or 国家) that ``name`` begins with."""
    return [k for k in (3, 2) if name[:k] not in ("中国", "国家") and _place(name[:k])]


def _placed_trade(name: str) -> bool:
    """``name`` begins with a place and ends with a trade a site is named by (惠州大亚湾石化, 惠州化工)."""
    return _SITE_TRADES_END.search(name) is not None and bool(_place_heads(name))


def _place_and_trade(form: str) -> bool:
    """``form`` is a place and a trade only (防城港钢铁), a site's name as much as a firm's."""
    return any(_SITE_TRADES.fullmatch(form, k) is not None for k in _place_heads(form))


def _pair_counted(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary,
                  heads: dict[int, _Hit] | None = None) -> None:
    """``A和B两家…企业``: A and B are the two firms, each a name of its own shape (no word of the language);
    a firm's short form may head one (宝钢股份旗下拥有宁波澄新和宝钢澄盛两家…企业: 宝钢澄盛, not 宝钢)."""
    for m in _PAIR_COUNTED.finditer(norm):
        a_end = m.start()
        known_a = any(h.end == a_end and h.kind == "company" for h in hits)
        first = None if known_a else _left_name(norm, a_end, d, max_chars=6)
        items = [(m.start("b"), m.group("b"))] + ([first] if first is not None else [])
        for s, name in items:
            e = s + len(name)
            head = heads.get(s) if heads else None
            if head is not None and any(x is head for x in hits) and head.end < e and not taken.overlaps(head.end, e) and \
                    name not in d.by_form and _unit_name_shape(name):
                hits[:] = [x for x in hits if x is not head]
                taken.taken[head.start:head.end] = bytes(head.end - head.start)
            if taken.overlaps(s, e):
                continue
            if name in d.by_form or (_unit_name_shape(name) and name[-1] not in "内外中间"):
                _add_named(norm, hits, taken, d, s, e, name)  # (not 行业内两家企业)


# words that lead a clause into a list's first item (远高于A、B等企业, 包括A、B等公司): the item begins after them
_FIRST_ITEM_LEAD = re.compile(r".*(?:高于|低于|超过|不如|包括|包含|例如|比如|诸如|譬如|以及|相比|对比|落后于|领先于|来自|源自)|以(?![岭纯])(?=.+$)")


def _enumerated_names(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """Names listed among companies (主要还有某某智能、某某科技、某某科技等): when at least two items of
    an enumeration are companies, an item that ends with an organisation suffix
    and is no word of the language (not a common word, a place, a generic or stop word) is one too,
    whatever the suffix rules made of its first part. Items without a suffix may be products
    (抖音, 文心一言, Model Y) and are left alone."""
    company_spans: set[tuple[int, int]] | None = None  # (the hits before any item is added: made at the first list)
    for first_end, last_start, items in enumeration_items(norm):
        if company_spans is None:
            company_spans = {(h.start, h.end) for h in hits if h.kind == "company"}
            ends = {e for _, e in company_spans}
            starts = {s for s, _ in company_spans}
        counted = last_start == -1 and bool(items) and counted_as_companies(norm, items[-1][1])  # 等3家…公司
        last = LAST_ITEM_THEN_CLOSE.match(norm, last_start) if last_start > 0 and items else None
        if last is not None and counted_as_companies(norm, last.end()) and \
                (not counted_bare(norm, last.end()) or _firm_among(norm, [*items, last.span()], company_spans, d)
                 or first_end in ends):
            items, last_start, counted = [*items, last.span()], -1, True  # …、C和D等3家企业: D is an item too
            # (without 等, A、B和C三家…公司 only where one of them is a firm: not 隔膜、铜箔和电解液三家公司)
        loose = False  # closed by 等企业 without a count, or a stake's list: only names, one of them a firm's
        if not counted and items:
            close = items[-1][1] if last_start == -1 else last.end() if last is not None else -1
            if close >= 0 and listed_as_companies(norm, close):
                if last_start != -1 and last is not None:
                    items, last_start = [*items, last.span()], -1
                loose = _firm_among(norm, items, company_spans, d) or first_end in ends
                counted = loose
        dealt = _DEAL_THEN_FIRST.search(norm, max(0, first_end - 12), first_end) if not counted else None
        if dealt is not None and last_start > 0:
            last = LAST_ITEM_THEN_CLOSE.match(norm, last_start) or \
                (_LAST_UNIT if dealt.group("units") else _LAST_ITEM).match(norm, last_start)
            if last is not None:  # 先后入股A、B和C: each a firm, when one of them is (a suffix's or a known name)
                items, last_start = [*items, last.span()], -1
                loose = counted = bool(dealt.group("units")) or \
                    _firm_among(norm, [*items, dealt.span("first")], company_spans, d)
                # (旗下子公司A、B和C: units, each a firm by what the text calls them)
        if not counted and \
                sum(span in company_spans for span in items) + (first_end in ends) + (last_start in starts) < 2:
            continue
        first = _left_name(norm, first_end, d) if first_end not in ends else None  # 主要还有某某智能、…
        if counted and first_end not in ends:  # …公司中，A、B、C等3家: A runs from the clause's start
            brk = max(norm.rfind(c, max(0, first_end - 9), first_end) for c in "，,。；;：:（(\n")
            first = (brk + 1, norm[brk + 1:first_end]) if brk >= 0 else None
            lead = _FIRST_ITEM_LEAD.match(first[1]) if first is not None else None
            if lead is not None and first is not None:  # 远高于大众、丰田等车企: the comparison is no name's part
                first = (first[0] + lead.end(), first[1][lead.end():])
        if dealt is not None and counted and first_end not in ends:
            first = (dealt.start("first"), dealt.group("first"))  # (入股A、…: A runs from the verb)
        bare: list[tuple[int, str]] = []  # items without an organisation suffix
        added: set[tuple[int, int]] = set()
        for s, e in items + ([(first[0], first_end)] if first else []):
            name = norm[s:e].strip()
            s = s + norm[s:e].index(name) if name else s
            if len(name) > 3 and name not in d.by_form:
                toks = lcut(name)
                k = n = 0
                while len(toks) > 1 and len(toks[0]) > 1 and jieba.dt.FREQ.get(toks[0], 0) >= COMMON_WORD_FREQ and \
                        not _place(toks[0]) and toks[0] not in d.by_form:
                    k, n = k + len(toks.pop(0)), n + 1
                if n >= 2 and len(name) - k >= 2 and (name[k:] in d.by_form or d.by_brand(name[k:]) is not None):
                    # (交通约车: one word of a name's own; 重点发展高端装备: no name left)
                    s, name = s + k, name[k:]  # 主要服务北汽、上汽等: the clause's common words before the first name
            if not 2 <= len(name) <= 8 or taken.overlaps(s, s + len(name)) or name.isdigit() or \
                    any(c in name for c in "()（）"):
                continue  # (拜耳（已收购孟山都）、科迪华: a bracket's remark, cut at its close, no name)
            brand = d.by_brand(name) if counted and name not in d.by_form and _rare(name, d) else None
            if brand is not None:  # 雅迪、爱玛、新日等品牌: a word that is a known firm's brand (爱玛科技)
                hits.append(_Hit(s, s + len(name), brand.name))
                taken.add(s, s + len(name))
                added.add((s, s + len(name)))
                continue
            if dealt is not None and dealt.group("units") and name not in d.by_form and not _unit_name_shape(name):
                continue  # 公司下属企业数量、规模和利润均有增长: words of the sentence, no units named
            if loose and (name[0] in FUNCTION_CHARS or not _list_item_name(name) or _COUNTED_ITEM.match(name)):
                continue  # (，但信托、…等企业: a clause's word before the first item; 三个事业部: counted, no name)
            if name in GENERIC_PREFIX or name in STOP_TOKENS or _place(name) or \
                    (not (_rare(name, d) if counted else name in d.by_form) and jieba.dt.FREQ.get(name, 0) > 0):
                continue  # (in a list counted as firms a rare word of jieba's is a name: 美孚 (20), 嘉实多 (3))
            suffix = SUFFIX_RE.search(name, 2)
            if not counted and (suffix is None or suffix.end() != len(name) or _is_latin(name[:suffix.start()])):
                bare.append((s, name))
                continue  # only organisation names (某某智能): 抖音, Model Y, 文心一言 are products
            _add_named(norm, hits, taken, d, s, s + len(name), name)
            added.add((s, s + len(name)))
        if not bare:
            continue
        # a list most of whose items are companies (a sector's stocks, a warning list): an item of a
        # name's shape is one too, without an organisation suffix (脑果, 力盛赛车)
        spans = company_spans | added
        known = sum(span in spans for span in items) + (first_end in ends or (first is not None and
                                                                              (first[0], first_end) in spans))
        if known >= LIST_MIN_KNOWN and known >= LIST_KNOWN_SHARE * (len(items) + 1):
            for s, name in bare:
                if _list_item_name(name):
                    _add_named(norm, hits, taken, d, s, s + len(name), name)


# a list of companies: at least four items are companies, and at least three quarters of them
LIST_MIN_KNOWN = 4
LIST_KNOWN_SHARE = 3 / 4
# what an item of such a list may be without being a company: a body, a place's office, an index, a medium
LIST_ITEM_NOT_COMPANY = re.compile(
    r"(?:委员会|委|局|部|厅|署|办|政府|法院|检察院|指数|板块|概念|协会|联合会|学会|报|社|网|台|大学|学院|医院|中心|基金会|联盟"
    r"|股东|高管|董事|监事|董监高|机构|公司|企业|行业|产业|市场|地区|省|市|县|区|镇|村|国|州|央行|联储|资金|游资|散户"
    r"|客|者|人|们|榜|盘|两市|股|债)$")
# the commonest surnames that are seldom the first character of a firm's short name
LIST_SURNAMES = frozenset("王李张刘陈杨赵吴周徐孙朱胡郭何罗郑梁谢宋")
LIST_ITEM_SHAPE = re.compile(r"(?:S\*?)?\*?ST[" + CJK + r"]{2,4}|[" + CJK + r"]{2,6}[AB]?")


def _list_item_name(name: str) -> bool:
    """An item of a list of companies that has a short name's shape (2-6 Han characters, or ST and
    a short name) and is no word of the language, place, body, index or medium."""
    if LIST_ITEM_SHAPE.fullmatch(name) is None:
        return False
    if name.lstrip("S*").startswith("ST"):
        return name.lstrip("S*")[2:] not in ST_WORDS
    if name in GENERIC_PREFIX or name in STOP_TOKENS or _place(name) or jieba.dt.FREQ.get(name, 0) > 0:
        return False
    if any(c in FUNCTION_CHARS for c in name[:1]) or LIST_ITEM_NOT_COMPANY.search(name):
        return False
    if len(name) <= 3 and name[0] in LIST_SURNAMES:
        return False  # 王勇, 张庆文: a person named among the companies (a shareholder, an executive)
    if name in _form_prefixes():
        return False  # 抖音 (抖音集团): a known company's product or brand, not a company of its own
    return not all(_place(tok) for tok in lcut(name))  # 广东中山: places


_FORM_PREFIXES: frozenset[str] | None = None


def _form_prefixes() -> frozenset[str]:
    """Every proper prefix (two characters or more) of a dictionary form, built on first use."""
    global _FORM_PREFIXES
    if _FORM_PREFIXES is None:
        _FORM_PREFIXES = frozenset(f[:k] for f in get_dictionary().by_form for k in range(2, len(f)))
    return _FORM_PREFIXES


# a line that opens with a name and a colon (1、某某股份：…, ·某某：…): the lines of a digest of company news
LINE_ITEM = re.compile(r"[ \t\u3000]*(?:[0-9]{1,2}[、.．)）]|[(（][0-9]{1,2}[)）]|[·•●▪■◆])?[ \u3000]?"
                       r"(?P<name>(?:S\*?)?\*?ST[" + CJK + r"]{2,4}|[" + CJK + r"]{2,6}[AB]?)[ \u3000]?[：:]")


def _line_list_names(norm: str, hits: list[_Hit], taken: Occupancy, d: Dictionary) -> None:
    """Lines that each open with a name and a colon (a digest: 1、某某股份：…, 2、某某：…): when at
    least four of them and three quarters name companies, the others of a name's shape do too."""
    if "：" not in norm and ":" not in norm:
        return
    items = []
    pos = 0
    while pos >= 0:  # (a match at each line's start: faster than a multiline ^ over the text)
        m = LINE_ITEM.match(norm, pos)
        if m is not None:
            items.append(m.span("name"))
        pos = norm.find("\n", pos)
        pos = pos + 1 if pos >= 0 else -1
    if len(items) < LIST_MIN_KNOWN:
        return
    company_spans = {(h.start, h.end) for h in hits if h.kind == "company"}
    known = sum(span in company_spans for span in items)
    if known < LIST_MIN_KNOWN or known < LIST_KNOWN_SHARE * len(items):
        return
    for s, e in items:
        name = norm[s:e]
        if (s, e) in company_spans or taken.overlaps(s, e) or not _list_item_name(name):
            continue
        _add_named(norm, hits, taken, d, s, e, name)


LIST_SEP = "、"
# suffixes that also end ordinary phrases (产线投资, 每百元资产): a name needs a cue that an organisation is meant
WEAK_SUFFIXES = {"投资", "资产", "基金", "创投"}
# (futures companies, some 150 licensed firms, are in the dictionary: 期货 is no suffix, 沪铝期货 a contract)
ORG_CUE_BEFORE = re.compile(r"(?:私募|公募|机构|旗下的?|百亿|千亿|量化|知名|头部|股东|创投|投资方|领投|跟投|参投|投资人|GP|LP|执掌的|掌舵的"
                            r"|创办的|管理的|由|包括|来自|合伙人)\s?(?:——|—|:)?$")
ORG_CUE_AFTER = re.compile(r"\s?(?:旗下|等(?:百亿|千亿|私募|公募|机构|公司|基金|投资机构)|管理有限|有限|[(（]|减持|增持|新进|加仓|持有|买入"
                           r"|卖出|退出|领投|跟投|参投|拟|继续|持股|合计|的(?:GP|持仓|产品|基金经理|创始人|合伙人)|创始人|董事长"
                           r"|合伙人|表示|认为|指出|称|看好|判断|发布|公告|完成|成立|募集|研究员|分析师|研报"
                           r"|在(?:去年|今年|[0-9一二三四]季度|其[^，。；,;]{1,16}?[中上](?:表示|称|指出|认为))|则|也在|已|于(?:去年|今年))")


def _org_cue(norm: str, start: int, end: int) -> bool:
    return bool(ORG_CUE_BEFORE.search(norm, max(0, start - 6), start) or ORG_CUE_AFTER.match(norm, end))


_LAST_ITEM_JOINS = frozenset("和及与")
_LIST_CLOSERS = frozenset("，。；：！？,;:!?等都均也的）)」”\n ")


def _listed_with_companies(norm: str, hits: list[_Hit], pending: list[_Hit]) -> None:
    """An ambiguous name (兔宝宝, 蒙娜丽莎) in an enumeration ``A、B、C`` next to a company is one of them."""
    ends = {h.end: h for h in hits if h.kind == "company"}
    starts = {h.start: h for h in hits if h.kind == "company"}
    changed = True
    while changed and pending:
        changed = False
        for h in list(pending):
            # (a code bracket may stand after an item: 牧高笛（603908）、浙江永强（002489）和探路者)
            before = _before_code_bracket(norm, h.start - 1) if h.start > 0 else h.start - 1
            after = _after_code_bracket(norm, h.end)
            ended = after == len(norm) or norm[after] in _ITEM_ENDS  # (克劳斯|玛菲（600579）: the name goes on)
            left = h.start > 0 and norm[h.start - 1] == LIST_SEP and before in ends and (before == h.start - 1 or ended)
            right = after < len(norm) and norm[after] == LIST_SEP and (after + 1) in starts
            prev = ends.get(before) if h.start > 1 and norm[h.start - 1] in _LAST_ITEM_JOINS else None
            last = prev is not None and norm[prev.start - 1:prev.start] == LIST_SEP and \
                (after == len(norm) or norm[after] in _LIST_CLOSERS)  # (和太平洋航运: the name goes on)
            closed = _CLOSED_AS_FIRMS.match(norm, after) is not None and \
                jieba.dt.FREQ.get(norm[h.start:h.end], 0) < 60 and \
                not _ENGAGED_IN_BEFORE.search(norm, max(0, h.start - 16), h.start)
            # (今日资本等机构为其股东; not 从事农产品等企业, 太阳能等企业: a word of the language, a line of business)
            if left or right or last or closed:  # (甲、乙和丙: the last of a list, after 和 or 及)
                hits.append(h)
                ends[h.end], starts[h.start] = h, h
                pending.remove(h)
                changed = True


_ITEM_ENDS = frozenset("、和与及等，,。；;（()）\n")
_ENGAGED_IN_BEFORE = re.compile(r"(?:从事|生产|涉及|包括|布局|经营|主营)[^，。；,;]*$")
# what closes a list with a word for firms right after an ambiguous name (今日资本等机构, 探路者等公司)
_CLOSED_AS_FIRMS = re.compile(r"等(?:[0-9一二两三四五六七八九十多数几]家)?(?:机构|公司|企业|股东|投资方|投资机构|老股东|券商|基金|厂商|品牌商)")
_CODE_BRACKET_BACK = re.compile(r"[(（][0-9A-Za-z.:，,、 ]{4,24}[)）]$")
_CODE_BRACKET_AT = re.compile(r"[(（][0-9A-Za-z.:，,、 ]{4,24}[)）]")


def _before_code_bracket(norm: str, pos: int) -> int:
    """``pos``, or where a code bracket that ends there begins (牧高笛（603908）|、: the name's end)."""
    m = _CODE_BRACKET_BACK.search(norm, max(0, pos - 26), pos) if pos > 0 and norm[pos - 1] in ")）" else None
    return m.start() if m is not None and any(c.isdigit() or c.isupper() for c in m.group()) else pos


def _after_code_bracket(norm: str, pos: int) -> int:
    """``pos``, or where a code bracket that begins there ends."""
    m = _CODE_BRACKET_AT.match(norm, pos) if pos < len(norm) and norm[pos] in "(（" else None
    return m.end() if m is not None and any(c.isdigit() or c.isupper() for c in m.group()) else pos


def _st_long_name(norm: str, b: int) -> bool:
    """Three name characters at ``b`` (after ST) closed by punctuation, no word of the language."""
    base = norm[b:b + 3]
    return len(base) == 3 and HAN3.fullmatch(base) is not None and b + 3 < len(norm) and \
        ST_LONG_END.match(norm, b + 3) is not None and jieba.dt.FREQ.get(base, 0) == 0 and \
        not any(c in FUNCTION_CHARS for c in base)


HAN3 = re.compile(f"[{CJK}]{{3}}")


def _alias_across(norm: str, s: int, e: int, entry, d: Dictionary, bounds: LazyBounds) -> int | None:
    """Where the name at [s, e) ends when another form of the same company begins inside it and
    runs on to a token boundary (中国银河证券: 中国银河 and 银河证券 overlap, the scan keeps the first,
    jieba cuts 中国/银河证券); None when none does."""
    for p in range(s + 1, e):
        for q in range(e + 1, min(len(norm), p + 8) + 1):
            if q in bounds and d.by_form.get(norm[p:q]) is entry:
                return q
    return None


def _continued(norm: str, e: int, bounds: LazyBounds) -> bool:
    """A name cut inside a token whose rest is a legal or group tail: 中国人寿|保险(集团)公司."""
    m = ORG_CONTINUATION.match(norm, e)
    return m is not None and m.end() in bounds


# 某某电子有限公司（下称“某某”）: the short name an announcement gives a firm and uses after it
# (the bracket may give the code too: （以下简称“某某”，688001）)
SHORT_NAME_AFTER = re.compile(r"(?:[(（](?:有限合伙|特殊普通合伙|普通合伙)[)）])?\.?\s?[(（](?:以下简称|以下称|下称|简称)\s?[:：]?\s?[\"“「『]?(?P<name>[" + CJK +
                              r"A-Za-z0-9·&\-]{2,12}(?: [A-Za-z0-9&\-]{1,12}){0,3})[\"”」』]?(?:\s?[,，、;；]\s?(?:股票代码|证券代码|代码)?\s?[:：]?\s?"
                              r"(?P<codes>" + CODE_ITEMS + r"))?"
                              r"(?:\s?[,，]\s?(?:原名|曾用名)为?\s?[\"“「]?[^()（）\"”」\n]{2,20}[\"”」]?)?\s?[)）]")
# (（以下简称“某某”，股票代码：300999）; （以下简称“中葡股份”，原名“新天国际”）: the former name after it)


# a legal name then its short name in a bracket of its own, without 简称 (某某钾盐有限责任公司（某某罗钾）):
# taken when the bracket's name is cut from the legal name (the checks below), as with 简称
# (with its code after a comma, and a B share's B after the name: 瓦房店某某股份有限公司（瓦某B，200706）)
BARE_SHORT_NAME_AFTER = re.compile(r"[(（][\"“「『]?(?P<name>[" + CJK + r"]{2,6})[\"”」』]?(?:B股?)?(?:\s?[,，]\s?(?P<codes>" + CODE_ITEMS
                                   + r"))?\s?[)）]")


def _name_before_legal_bracket(norm: str, h: _Hit) -> str | None:
    """The name right before a bracket that holds ``h``, a legal name written in full, when the legal
    name holds it (粉笔（北京粉笔蓝天科技有限公司）): the firm as the text names it, the bracket giving
    its legal name; None otherwise (a bracket of a different name, 得物（上海识装…有限公司）, is left so)."""
    b = h.start - 1
    if b < 2 or norm[b] not in "(（" or _LEGAL_CLOSE.match(norm, h.end) is None:
        return None
    legal = norm[h.start:h.end]
    for k in range(6, 1, -1):
        short = norm[b - k:b]
        if b - k < 0 or HAS_CJK_ONLY.fullmatch(short) is None:
            continue
        if short in legal and short not in STOP_TOKENS and short not in GENERIC_PREFIX and short not in ORG_SUFFIXES \
                and not _place(short) and not short.endswith(("公司", "集团")) and legal.index(short) > 0:
            return short
    return None


HAS_CJK_ONLY = re.compile(f"[{CJK}]+")
_LEGAL_CLOSE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|集团有限公司)?[)）]")


_FULL_NAME_BEFORE = re.compile(r"(?:全称|全名)(?:为|是)?\s?[:：]?\s?[\"“]?$")


def _firm_of_full_name(norm: str, h: _Hit, hits: list[_Hit], d: Dictionary, cue: int) -> str | None:
    """The known firm whose full name ``h`` is, where the text says so: the firm named right before
    全称 (华东重机全称无锡华东重型机械股份有限公司: its name's characters in order), or, after 公司全称 or
    其全称, the nearest firm before, whose name without its trade word the legal name holds
    (润邦股份……公司全称江苏润邦重工股份有限公司). Not a firm merely named earlier (万科与一家公司签约，该公司
    全称为…: another firm)."""
    legal = norm[h.start:h.end]
    named = [o for o in hits if o.end <= cue and o.kind == "company" and d.lookup(o.name) is not None]
    right = next((o for o in named if o.end == cue or (o.end == cue - 1 and norm[o.end] == "的")), None)
    if right is not None:
        stem = _TRADE_END.sub("", right.name)
        return right.name if len(stem) >= 2 and _abbreviates(stem, legal) else None
    if not norm.endswith(("公司", "其"), 0, cue) or norm.endswith("该公司", 0, cue):
        return None
    nearest = max(named, key=lambda o: o.end, default=None)
    if nearest is None:
        return None
    stem = _TRADE_END.sub("", nearest.name)
    return nearest.name if len(stem) >= 2 and stem in legal else None


def _short_names(norm: str, hits: list[_Hit], d: Dictionary, taken: Occupancy, bounds: LazyBounds,
                 asked: set[str] | None = None) -> None:
    """A firm the dictionary does not know, written in full and given a short name in brackets right
    after (深圳某某电子有限公司（下称“某某”）), is the company of that short name, which the
    article then uses bare: its mentions after the bracket, where the segmenter cuts around them
    (not the 中科 of 中科院), are the company's too. Only a short name cut from the full one that is
    no word of the language (not 公司, 集团, 标的公司: kinds and roles, not names). A bracket after a
    list of firms may name each (甲公司、乙公司和丙公司（分别简称“甲”“乙”“丙”）): in their order."""
    given: list[tuple[_Hit, str, int]] = []  # (hit, its short name, where its bare mentions may start)
    unknown = [h for h in hits if h.kind == "company" and d.lookup(h.name) is None]
    named = "称" in norm  # (简称, 下称: most texts give no short name; the patterns need not be tried)
    holds: str | set[str] = norm if asked is None else asked  # (w in holds: w in norm, for a word of _ASKED_WORDS)
    many_named = named and "分别" in holds
    full_named = (named and "全称" in holds) or "全名" in holds  # (全称 holds 称)
    for h in unknown:
        nxt = norm[h.end:h.end + 1]  # (what each pattern can begin with, asked first: most hits are followed by none)
        m = SHORT_NAME_AFTER.match(norm, h.end) if named and (nxt in "(（." or nxt.isspace()) else None
        if m is None and named and nxt in "(（股有" and (tail := LEGAL_TAIL_AFTER.match(norm, h.end)) is not None:
            m = SHORT_NAME_AFTER.match(norm, tail.end())  # (…集成商某某科技|有限公司（简称“某某”）: read without the tail)
        if m is None and named and "公司" in norm[h.end:h.end + 24] and \
                (tail := _UNIT_LEGAL_TAIL.match(norm, h.end)) is not None and tail.end() > h.end and \
                (later := SHORT_NAME_AFTER.match(norm, tail.end())) is not None and \
                _abbreviates(later.group("name"), norm[h.start:tail.end()]) and \
                later.group("name")[:2] == norm[h.start:h.start + 2]:
            m, h.end = later, tail.end()  # 福耀汽车|铝件（福建）有限公司（以下简称“福耀铝件”）: the legal name goes on past the hit
        if m is None and norm[h.end:h.end + 1] in "(（" and LEGAL_NAME_END.search(norm, max(0, h.end - 6), h.end):
            m = BARE_SHORT_NAME_AFTER.match(norm, h.end)  # 某某钾盐有限责任公司（某某罗钾）: the bracket alone
            if m is not None and _place(m.group("name")):
                m = None  # （香港）, （北京）: where, not a short name
        if m is not None:
            given.append((h, m.group("name"), m.end()))
            h.codes.extend(code for code, _ in parse_items(m.group("codes") or "") if code not in h.codes)
            s0, e0 = m.span("name")
            taken.add(s0, e0)
            # (a name the suffix rules read inside the quoted short name, 驰湾汽车 of “驰湾汽车用品”, is no firm)
            hits[:] = [x for x in hits if not (s0 <= x.start and x.end <= e0 and x.name == norm[x.start:x.end]
                                               and (x.start, x.end) != (s0, e0))]
            continue
        many = SHORT_NAMES_AFTER.match(norm, h.end) if many_named else None
        if many is not None:
            names = _QUOTED.findall(many.group("names"))
            listed = sorted((o for o in unknown if o.end <= h.end and h.end - o.start < 200), key=lambda o: o.start)
            listed = listed[-len(names):]
            if len(listed) == len(names) and all(LIST_BETWEEN.fullmatch(norm, a.end, b.start)
                                                 for a, b in pairwise(listed)):
                given += [(o, name, many.end()) for o, name in zip(listed, names)]
                taken.add(many.start(), many.end())
                # (a name the suffix rules read inside the bracket, 澄州水务, is the name given, not a mention)
                hits[:] = [x for x in hits if not (many.start() <= x.start and x.end <= many.end())]
            continue
        if full_named and (cue := _FULL_NAME_BEFORE.search(norm, max(0, h.start - 6), h.start)) is not None:
            whose = _firm_of_full_name(norm, h, hits, d, cue.start())
            if whose is not None:  # 润邦股份……公司全称江苏润邦重工股份有限公司: that firm's legal name
                h.name = whose
                continue
        before = _name_before_legal_bracket(norm, h) if norm[h.start - 1:h.start] in ("(", "（") else None
        if before is not None:  # 以题库起家的粉笔（北京粉笔蓝天科技有限公司）: the name the text uses, then the legal one
            known = d.lookup(before)
            h.name = known.name if known is not None and known.kind == "company" else before
            continue
        # no bracket: a legal name that begins with its place (浙江某某家居股份有限公司) whose
        # article names it without the place (某某家居) elsewhere
        short = _placeless(norm, h)
        if short is not None:
            given.append((h, short, 0))
    if named and ("简称" in holds or "下称" in holds):
        _inside_anothers_legal_name(norm, hits, d)
        _units_given_short_names(norm, hits, d, taken)
        _known_given_short_names(norm, hits, d, taken, bounds)
    elif "公司（" in holds or "公司(" in holds:
        _inside_anothers_legal_name(norm, hits, d)  # (a bare bracket: 力晶积成电子制造股份有限公司（力积电）)
    for h, short, after in given:
        known = _known_by_full_form(short, d)
        start = h.start
        if after > 0 and not _abbreviates(short, norm[h.start:h.end]):
            start -= _left_by(norm, h.start, short)  # 北京索为|系统技术股份有限公司（以下简称“索为系统”）: the reading
            # stopped at 为 (a function character); the short name's first characters begin the legal name
        named = after > 0 and _NAMING_WORD.search(norm, h.end, after) is not None
        explicit = named and known is not None and d.by_form.get(short) is known  # (an exact form: 滴滴, not 长城集团 via 长城)
        if known is not None and known.kind == "company" and short != h.name and \
                (explicit or _abbreviates(short, norm[h.start:h.end])):
            h.name = known.name  # 平安国际融资租赁有限公司（简称“平安租赁”）: the known firm, under its full name;
            continue  # so too where the text says so of a short name of another make (北京小桔科技…（以下简称“滴滴”）)
        if named and known is None and _BRAND_OF_ITS_OWN.fullmatch(short) and not _PLACEHOLDER_NAME.search(short):
            h.name = short  # 南京领行科技股份有限公司（以下简称“T3出行”）: a brand with letters or digits, its own name
            _bare_mentions(norm, hits, taken, bounds, short, after, short)
            continue
        cut = _abbreviates(short, norm[start:h.end]) or \
            (short[:2] in norm[start:h.end] and (after > 0 or norm.find(short, after) >= 0))
        # (海南美兰国际机场股份有限公司（以下简称“美兰空港”）: a short name of its own word (空港 for 机场); given
        # in a bracket (after > 0), its brand's two characters are enough: 某某冰雪旅游开发有限公司（以下简称“某某文旅”）)
        if short == h.name or not cut or known is not None or \
                short in STOP_TOKENS or short in GENERIC_PREFIX or short in ORG_SUFFIXES or \
                (short.endswith(("公司", "集团")) and not _brand_and_company_word(short, norm[start:h.end])):
            continue
        if not _rare(short, d):
            if after > 0 and len(short) >= 2 and norm.startswith(("(“", "（“"), h.end) and \
                    norm.startswith(short + "”", h.end + 2) and norm[h.start:h.end].find(short) > 0:
                h.name = short  # 上海永久自行车有限公司（“永久”）: a brand of a common word, quoted as the firm's name
                # (its bare mentions are the word's, not read)
            continue
        h.name, h.start = short, start
        _bare_mentions(norm, hits, taken, bounds, short, after, short)


_NAMING_WORD = re.compile(r"简称|下称")
_GROUP_WORD_END = re.compile(r"(?:集团|公司|股份|控股)$")


def _known_by_full_form(short: str, d: Dictionary) -> Entry | None:
    """The firm a short name the text gives is, where the dictionary holds it as one of its full forms: not
    through a short form of curated_forms.tsv or an ambiguous one (河北长城建设集团有限公司（以下简称“长城集团”）
    is no 长城汽车, whatever 长城 alone may be)."""
    known = d.lookup(short)
    if known is None or d.by_form.get(nfkc_same_length(short)) is known or d.by_form.get(short) is known:
        return known  # (an exact form of the firm, 首钢集团 itself, whatever its short form)
    base = _GROUP_WORD_END.sub("", short)
    if any(f in known.short_forms or f in known.ambiguous_forms for f in (short, base)) or \
            (known.ambiguous and d.by_form.get(short) is not known):
        return None
    return known
# a party the text keeps anonymous (“A公司”, “B方”) or a unit (“5G实验室”): no brand of its own
_PLACEHOLDER_NAME = re.compile(r"^[A-Za-z0-9]?[\u4e00-\u9fff]*(?:公司|集团|银行|方|实验室|中心|项目|基金|平台)$|^[A-Za-z0-9][\u4e00-\u9fff]")
# a short name made of letters or digits and characters, or letters alone (T3出行, 58同城, ATL): no word of the
# language, whatever the legal name it is given to
_BRAND_OF_ITS_OWN = re.compile(r"(?![0-9]+[年月日季期号])(?=.*[A-Za-z0-9])(?=.*[A-Za-z\u4e00-\u9fff]{2})[A-Za-z0-9\u4e00-\u9fff]{2,8}")
# characters that make 中 a word's end before a legal name (其中, 之中, 当中, 集中, 空中, 心中, 手中, 期中, 年中)
_ZHONG_JOINS = frozenset("其之当集空心手期年月途暗从居适命折")


def _legal_names_over_known_forms(norm: str, hits: list[_Hit], d: Dictionary) -> None:
    """A legal name given a short name the dictionary lacks, read as known forms inside it (山东焦点|福瑞达|
    生物股份有限公司（以下简称“焦点福瑞达”）: 福瑞达 and 生物股份 are other firms' names): one firm, its legal
    name from where the short name's first characters begin it, the short name then given it by
    :func:`_short_names`."""
    for m in SHORT_NAME_AFTER.finditer(norm):
        end = m.start()
        tail = LEGAL_NAME_END.search(norm, max(0, end - 6), end)
        short = m.group("name")
        if tail is None or tail.end() != end or d.lookup(short) is not None or not HAS_CJK.match(short) or len(short) < 3:
            continue
        p = norm.rfind(short[:2], max(0, end - 24), end)
        if p < 0 or not _abbreviates(short, norm[p:end]):
            continue
        inside = [h for h in hits if p <= h.start and h.end <= end]
        if not inside or any(h.codes or d.lookup(h.name) is None for h in inside) or \
                any(h.start < end and h.end > end for h in hits):
            continue
        s = _with_place_before(norm, p)
        for h in inside + [h for h in hits if m.start() <= h.start and h.end <= m.end()]:
            hits.remove(h)  # (and the form read inside the bracket's short name)
        hits.append(_Hit(s, end, LEGAL_NAME_END.sub("", norm[s:end])))
        q = norm.find(short, m.end())
        while q >= 0:  # (its later mentions, read as the known form inside them: the firm's)
            within = [h for h in hits if q <= h.start and h.end <= q + len(short)]
            if within and all(d.lookup(h.name) is not None and not h.codes for h in within):
                for h in within:
                    hits.remove(h)
                hits.append(_Hit(q, q + len(short), short))
            q = norm.find(short, q + len(short))


def _brand_and_company_word(short: str, legal: str) -> bool:
    """三峡金沙江云川水电开发有限公司（简称“云川公司”）: a short name that is the legal name's brand (two
    or three characters of it, no word of the language) and 公司 or 集团 (not 空港公司, 标的公司); or, for a
    group, characters of its name in their order and 集团 (苏盐集团)."""
    brand = short[:-2]
    if not (2 <= len(brand) <= 3 and HAS_CJK.match(brand) is not None and brand not in STOP_TOKENS and
            brand not in GENERIC_PREFIX and jieba.dt.FREQ.get(brand, 0) < 60):
        return False
    if brand in legal:
        return True
    # 江苏省盐业集团有限责任公司（以下简称“苏盐集团”）: a group's short name of characters of its name (苏, 盐)
    # and its own word 集团
    head = LEGAL_NAME_END.sub("", legal)
    return short.endswith("集团") and head.endswith("集团") and _abbreviates(brand, head[:-2])


def _left_by(norm: str, start: int, short: str) -> int:
    """How many characters (1-3) before ``start`` a legal name read from ``start`` really begins, when the
    short name the text gives it begins there (索为系统 before 系统技术股份有限公司); else 0."""
    for k in (1, 2, 3):
        if start - k >= 0 and norm[start - k] == short[0] and HAS_CJK.match(norm, start - k) and \
                _abbreviates(short, norm[start - k:start + len(short) + 8]):
            return k
    return 0


def _bare_mentions(norm: str, hits: list[_Hit], taken: Occupancy, bounds: LazyBounds, short: str, after: int,
                   name: str) -> None:
    """The bare mentions of a short name a text gave a firm, from ``after`` on, where the segmenter cuts
    around them and nothing else is read: hits of the firm ``name``."""
    pos = norm.find(short, after)
    # where a hit that ``inside`` below could hold begins (a hit named as the text writes it, not ``short``): none in
    # the span, nothing to do there, without a scan of every hit per mention (a text giving one short name a thousand
    # times made that quadratic; hits appended here are named ``name`` over ``short``'s text and never qualify)
    could_hold = {h.start for h in hits if h.end - h.start <= len(short) and h.name != short and
                  h.name == norm[h.start:h.end]} if pos >= 0 else set()  # (no longer than ``short``: inside its span)
    while pos >= 0:
        end = pos + len(short)
        if taken.overlaps(pos, end):
            if could_hold.isdisjoint(range(pos, end)):
                pos = norm.find(short, end)
                continue
            inside = [h for h in hits if pos <= h.start and h.end <= end and h.name == norm[h.start:h.end] != short]
            if inside and pos in bounds and not any(h.start < end and pos < h.end for h in hits if h not in inside):
                for h in inside:  # 某某汽车|用品是…: a name the suffix rules read inside the given one, no firm of its own
                    hits.remove(h)
                hits.append(_Hit(pos, end, name))
        elif pos in bounds and end in bounds:
            hits.append(_Hit(pos, end, name))
            taken.add(pos, end)
        pos = norm.find(short, end)


def _known_given_short_names(norm: str, hits: list[_Hit], d: Dictionary, taken: Occupancy, bounds: LazyBounds) -> None:
    """A firm the dictionary knows, written in full and given a short name of the text's own that no
    entry holds (徐州工程机械集团有限公司（以下简称“徐工有限”）): the short name in the bracket and its bare
    mentions after it are the firm's (the name it is shown by: :func:`_written_name`). Only a short name
    cut from the full one that is no word of the language, as for unknown firms."""
    for h in list(hits):
        if h.kind != "company" or (known := d.lookup(h.name)) is None or known.kind != "company":
            continue
        tail = LEGAL_TAIL_AFTER.match(norm, h.end)
        if tail is None and "集团" in norm[h.end:h.end + 9]:
            tail = _GROUP_LEGAL_TAIL.match(norm, h.end)  # 上海大众公用|事业（集团）股份有限公司（以下简称“大众公用”，…）
            if tail is not None and any(h.end <= x.start < tail.end() for x in hits):
                tail = None  # (another firm named inside: its legal name, not this one's)
        end = tail.end() if tail is not None else h.end
        m = SHORT_NAME_AFTER.match(norm, end)
        if m is None:
            continue
        short, s0, e0 = m.group("name"), m.start("name"), m.end("name")
        if tail is not None and tail.re is _GROUP_LEGAL_TAIL and not _own_form(short, known):
            continue  # 阿里巴巴影业（集团）有限公司（以下简称“阿里影业”，01060.HK）: another firm's legal name, its codes
        h.codes.extend(code for code, _ in parse_items(m.group("codes") or "") if code not in h.codes)
        # (the code the bracket gives: （以下简称“某某股份”，股票代码：300999）)
        other = d.lookup(short)
        k = 0 if other is not None or _abbreviates(short, norm[h.start:end]) else _left_by(norm, h.start, short)
        if k and _rare(short, d) and not taken.overlaps(s0, e0):
            # 安世|亚太科技股份有限公司（以下简称“安世亚太”）: a firm the dictionary lacks, whose legal name
            # holds a listed firm's (亚太科技); the short name begins before it
            h.start, h.name, h.kind = h.start - k, short, "company"
            h.codes[:] = [code for code, _ in parse_items(m.group("codes") or "")]  # (the bracket's, not 亚太科技's)
            hits.append(_Hit(s0, e0, short))
            taken.add(s0, e0)
            _bare_mentions(norm, hits, taken, bounds, short, m.end(), short)
            continue
        if other is not None and other is known and short in known.ambiguous_forms:
            other = None  # 长江和记实业有限公司（以下简称“长和”）: the text makes its ambiguous form its name
        if len(short) < 2 or other is not None or short in STOP_TOKENS or short in GENERIC_PREFIX or \
                short in ORG_SUFFIXES or short.endswith("公司") or not _abbreviates(short, norm[h.start:end]) or \
                not _rare(short, d) or taken.overlaps(s0, e0):
            continue
        hits.append(_Hit(s0, e0, h.name))
        taken.add(s0, e0)
        _bare_mentions(norm, hits, taken, bounds, short, m.end(), h.name)


# a known name's legal name written with its business and its group word in brackets (上海大众公用|事业（集团）
# 股份有限公司): the legal tail goes on after the name's own characters
_GROUP_LEGAL_TAIL = re.compile(r"[\u4e00-\u9fff]{1,6}?[(（]集团[)）](?:股份有限公司|有限责任公司|有限公司|股份公司)")
_LEGAL_RUN_AFTER = re.compile(r"[" + CJK + r"]{1,16}?(?:股份有限公司|有限责任公司|有限公司)")


def _inside_anothers_legal_name(norm: str, hits: list[_Hit], d: Dictionary) -> None:
    """A known name beginning a legal name that the text gives the short name of another known firm
    (招商局积余产业运营服务股份有限公司（以下简称“招商积余”）): a part of that firm's legal name, not
    the first firm (招商局)."""
    by_name: dict[str, list[_Hit]] = {}
    for o in hits:
        by_name.setdefault(o.name, []).append(o)
    gone: set[int] = set()  # (hits taken out here, dropped once at the end: no list removal per hit)
    for h in list(hits):
        if h.kind != "company" or norm.find("公司", h.end, h.end + 24) < 0 or (known := d.lookup(h.name)) is None:
            continue
        tail = LEGAL_TAIL_AFTER.match(norm, h.end)
        target = _legal_name_of_another(norm, tail.end(), known, d) if tail is not None and h.start > 0 and \
            HAS_CJK.match(norm, h.start - 1) and (before := lcut(norm[max(0, h.start - 6):h.start])[-1]) not in STOP_TOKENS \
            and before not in FUNCTION_CHARS else None
        if target is not None:
            # 江苏凤凰出版传媒股份有限公司（以下简称“凤凰传媒”）, 新华文轩出版传媒股份有限公司（601811.SH）: a listed name
            # (出版传媒) ending another firm's legal name, as its short name or codes say: the codes read for it go
            # to that firm's hits; where the text names that firm nowhere else, the mention is that firm's
            # (长江出版传媒股份有限公司（600757.SH）: 长江传媒)
            taker = next((o for o in by_name.get(target.name, ()) if o is not h and id(o) not in gone), None)
            if taker is not None:  # (one hit of the firm takes the codes: its mentions are one company)
                gone.add(id(h))
                taker.codes.extend(c for c in h.codes if c not in taker.codes)
            else:
                by_name.setdefault(target.name, []).append(h)
                h.name, h.kind = target.name, target.kind
            continue
        run = _LEGAL_RUN_AFTER.match(norm, h.end)
        if run is None or tail is not None or _UNIT_GAP_WORDS.search(norm, h.end, run.end()):
            continue  # (招商局集团旗下的某某有限公司: another firm, named after it; 新希望六和股份有限公司: its own)
        m = SHORT_NAME_AFTER.match(norm, run.end())
        glued = _glued_head(norm, h.start)
        if m is None and glued < h.start:
            m = BARE_SHORT_NAME_AFTER.match(norm, run.end())
        if m is None:
            continue
        other = d.lookup(m.group("name"))
        if not (other is not None and other.kind == "company" and other.name != known.name and
                _abbreviates(m.group("name"), norm[h.start:run.end()])):
            head = norm[glued:h.start]
            if glued < h.start and other is not None and other.name != known.name and \
                    jieba.dt.FREQ.get(head, 0) == 0 and head not in STOP_TOKENS and \
                    not _place(head) and not _place(head.removesuffix("省")) and \
                    _abbreviates(m.group("name"), norm[glued:run.end()]) and not _abbreviates(m.group("name"), known.name):
                hits.remove(h)  # 力晶积成电子制造股份有限公司（力积电）: a known name (积成电子) inside another firm's legal
                # name, words of its own (no place: 广东省广新控股集团有限公司 is 广新控股's) before it, and the short name the
                # text gives that firm
            continue
        hits.remove(h)
        short = next((o for o in hits if o.start == m.start("name")), None)
        if short is not None:  # (the codes the bracket gives: 简称“石化油服”，600871.SH，01033.HK)
            bracket = [code for code, _ in parse_items(m.group("codes") or "")]
            short.codes.extend(c for c in [*h.codes, *bracket] if c not in short.codes)
    if gone:
        hits[:] = [o for o in hits if id(o) not in gone]


_BANK_KIND_NEXT = frozenset("的、，,。；;和与及）)“”\" ")  # (股份行 closed: a word for a kind of bank)


def _legal_name_of_another(norm: str, end: int, known: Entry, d: Dictionary) -> Entry | None:
    """The firm the bracket after a legal name ending at ``end`` says the name is, where it is another than
    ``known``: a known firm's short name, or codes none of which are ``known``'s and one of which another firm
    holds."""
    m = SHORT_NAME_AFTER.match(norm, end)
    if m is not None:
        other = d.lookup(m.group("name"))
        return other if other is not None and other.kind == "company" and other.name != known.name else None
    got = bracket_codes(norm, end) if norm[end:end + 1] in "(（" else None
    if got is None:
        return None
    codes = [c for c, _ in got[1]]
    if any(c in known.tickers for c in codes):
        return None
    return next((o for o in (d.by_ticker.get(c) for c in codes)
                 if o is not None and o.kind == "company" and o.name != known.name), None)


def _glued_head(norm: str, s: int) -> int:
    """Where a run of up to four characters glued before ``s`` begins (力晶|积成电子): no punctuation, no function
    character, no stop word of the segmenter's between; ``s`` where there is none."""
    b = s
    while b > max(0, s - 4) and HAS_CJK.match(norm, b - 1) and norm[b - 1] not in FUNCTION_CHARS and \
            norm[b - 1] not in STOP_TOKENS:
        b -= 1
    if b < s and any(t in STOP_TOKENS for t in lcut(norm[b:s])):
        return s
    return b


# words between a known name and a legal tail that make the legal name another firm's (旗下的, 控股的 …)
_UNIT_GAP_WORDS = re.compile(r"的|旗下|下属|子公司|持有|收购|与|和|及")


# a unit's legal name after its parent's name, maybe with its place in brackets (福耀汽车铝件（福建）有限公司)
_UNIT_LEGAL_TAIL = re.compile(LEGAL_TAIL.pattern.replace("?(?:", r"?(?:[(（][\u4e00-\u9fff]{2,3}[)）])?(?:", 1))


def _units_given_short_names(norm: str, hits: list[_Hit], d: Dictionary, taken: Occupancy) -> None:
    """A known firm's name beginning a longer legal name that the text gives a short name of its own
    (欣旺达电动汽车电池有限公司（简称“欣旺达EVB”）): a unit of the firm, the company of that short
    name, there and where the text names it again bare."""
    for h in list(hits):
        if h.kind != "company" or d.lookup(h.name) is None:
            continue
        tail = _UNIT_LEGAL_TAIL.match(norm, h.end)
        if tail is None or tail.end() - h.end < 6:
            continue  # (某某股份有限公司（简称“某某”）: the firm itself)
        if _UNIT_GAP_WORDS.search(norm, h.end, tail.end()):
            continue  # 国药集团旗下的中国生物技术股份有限公司（简称“中国生物”）: another firm, the group's unit
        m = SHORT_NAME_AFTER.match(norm, tail.end())
        if m is None:
            continue
        short = m.group("name")
        form = norm[h.start:h.end]
        if not ((short.startswith(form) and len(short) > len(form))
                or (len(short) >= 3 and _abbreviates(short, norm[h.start:tail.end()]) and not _abbreviates(short, form))) \
                or d.lookup(short) is not None or short.endswith(("公司", "集团")):
            continue  # (华夏幸福基业控股股份公司（简称“幸福基业”）: the holding company above the listed firm)
        h.end, h.name, h.codes = tail.end(), short, []
        taken.add(h.start, m.end())
        pos = norm.find(short, m.end())
        while pos >= 0:
            end = pos + len(short)
            inner = next((x for x in hits if x.start == pos and x.end == pos + len(form)), None)
            if inner is not None:  # (欣旺达EVB again: the scan read its 欣旺达)
                inner.end, inner.name, inner.codes = end, short, []
                taken.add(pos, end)
            elif not taken.overlaps(pos, end):
                hits.append(_Hit(pos, end, short))
                taken.add(pos, end)
            pos = norm.find(short, end)


# （分别简称“甲”“乙”“丙”）after a list of firms
SHORT_NAMES_AFTER = re.compile(r"\s?[(（](?:以下)?分别(?:简称|称)\s?[:：]?\s?(?P<names>(?:[\"“「『][^\"”」』()（）]{2,12}"
                               r"[\"”」』]\s?[、，,和及与]?\s?){2,8})[)）]")
_QUOTED = re.compile(r"[\"“「『]([^\"”」』]{2,12})[\"”」』]")
# what separates the firms of a list (、 , 和 及 与, 以及)
LIST_BETWEEN = re.compile(r"\s?(?:、|，|,|和|及|与|以及)\s?")


def _with_place_before(norm: str, s: int) -> int:
    """``s`` moved back over a place (a city or province, 2 or 3 characters) written right before it."""
    return next((s - k for k in (3, 2) if s >= k and (_place(norm[s - k:s]) or _bank_place(norm[s - k:s]))), s)


def _in_book_title(norm: str, pos: int) -> bool:
    """``pos`` lies inside a title in 《》 (opened before it, closed after it within 60 characters)."""
    opened = norm.rfind("《", max(0, pos - 60), pos)
    if opened < 0 or norm.rfind("》", opened, pos) >= 0:
        return False
    return norm.find("》", pos, pos + 60) >= 0


def _abbreviates(short: str, full: str) -> bool:
    """``short`` is cut from ``full`` (某某科技 of 某某科技股份有限公司) or made of its characters in
    their order (博途教育 of 北京博途启智教育科技有限公司), as Chinese short names are."""
    if short in full:
        return True
    pos = 0
    for ch in short:
        pos = full.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def _placeless(norm: str, h: _Hit) -> str | None:
    """The name of a legal-name hit (浙江某某家居 of 浙江某某家居股份有限公司) without the place it
    begins with, and without a trade word it ends with (江苏某某智造科技 → 某某智造), when the text
    writes that shorter name outside the legal one; else None."""
    if not norm.startswith("公司", h.end - 2) or not _LEGAL_AT_END.search(norm, h.start, h.end):
        return None  # (every legal tail ends in 公司: most hits are done without the pattern)
    for k in (3, 2, 0):
        if len(h.name) - k < 2 or (k and not _place(h.name[:k])):
            continue
        rest, place = h.name[k:], h.name[:k]
        for short in (rest, _TRADE_END.sub("", rest)) if k else (_TRADE_END.sub("", rest),):
            if len(short) < 2 or short == h.name:
                continue  # (no place: 国投智能 of 国投智能科技有限公司, by its trade word alone)
            pos = norm.find(short)
            while pos >= 0:  # (the shorter name outside every writing of the legal one: 上海某某 again is no such)
                after = pos + len(short)
                if not (h.start <= pos < h.end) and \
                        not (norm.startswith(place, pos - k) if k else norm.startswith(rest, pos)) and \
                        not (k and HAS_CJK.match(norm, pos - 1) and _LEGAL_SOON.match(norm, after)) and \
                        (k or after == len(norm) or not HAS_CJK.match(norm, after) or norm[after] in _ENDS_NAME):
                    return short  # (nor the name with its trade word again: 国投智能科技 written twice; without
                    # a place, the name alone: not 宝钛 of 宝钛股份 for 宝钛集团有限公司; nor inside
                    # another legal name: 许昌烟草机械有限责任公司 writes no shorter name of 上海烟草机械's)
                pos = norm.find(short, pos + 1)
    return None


_LEGAL_SOON = re.compile(f"[{CJK}]{{0,6}}?(?:[(（]集团[)）])?(?:股份有限公司|有限责任公司|有限公司)")
_ENDS_NAME = FUNCTION_CHARS | set("的了")  # (a character after which a name has ended: 国投智能的支持)
_TRADE_END = re.compile(r"(?:科技|股份|实业|控股|集团|技术|发展|茶业|酒业|药业|乳业|食品|电子|电气|生物|医药|能源|新材料|材料|光学"
                        r"|环保|机械|重工|化工|纸业|矿业)$")


def _more_mentions_of_new_names(norm: str, hits: list[_Hit], tickers: Sequence[Ticker], d: Dictionary,
                                taken: Occupancy) -> None:
    """A name the dictionary does not know but the article gives with a code (云知声（09678.HK）, or a
    cashtag the loader removed) is a company at its other mentions too."""
    names = {h.name for h in hits if h.codes and d.lookup(h.name) is None}
    names |= {_clean(t.name) for t in tickers if t.name and d.lookup(t.name) is None}
    for name in sorted(n for n in names if len(n) >= 2):
        pos = norm.find(name)
        while pos >= 0:
            end = pos + len(name)
            if not taken.overlaps(pos, end):
                hits.append(_Hit(pos, end, name))
                taken.add(pos, end)
            pos = norm.find(name, end)


_SPAN = attrgetter("start", "end")


def _kinds(hits: list[_Hit], tickers: Sequence[Ticker], d: Dictionary, norm: str) -> dict[str, str]:
    """The names and kinds :func:`_assemble` gives, the short way: a company's kind is its first
    mention's (by span; the earlier hit on a tie, as a stable sort keeps it), then the cashtags'
    companies as there."""
    first: dict[str, tuple[int, int]] = {}
    kind: dict[str, str] = {}
    codes: set[str] = set()  # every company's tickers so far (only whether a code is anyone's is asked)
    for h in hits:
        span = (h.start, h.end)
        seen = first.get(h.name)
        if seen is None or span < seen:
            first[h.name] = span
            kind[h.name] = h.kind
        codes.update(h.codes)
    for t in tickers:
        entry = d.lookup(t.name) if t.name else None
        if t.code in codes and (entry is None or entry.name not in kind):
            continue  # (as _assemble: a code the text gives a found company already names no other)
        if entry is None:
            entry = d.by_ticker.get(t.code)
        if entry is None and _no_stock_code(t.code):
            continue  # 华夏中国交建高速REIT（508018.SH）: a fund's, a bond's or an index's code, no company's
        if entry is None and not t.name and _code_host(t.code, hits, norm, d) is not None:
            codes.add(t.code)
            continue  # (as _assemble: the code of a firm the clause speaks of)
        if entry is not None and entry.kind == "block" and not _listed_body(entry, t):
            continue  # (as _assemble: an index's cashtag names no company)
        name = entry.name if entry and entry.kind != "block" else (_clean(t.name) if t.name else t.code)
        if name not in kind:
            kind[name] = entry.kind if entry and entry.kind != "block" else "company"
        codes.add(t.code)
    return kind


def _glued_to_latin(norm: str, s: int, e: int) -> bool:
    """Whether a Latin letter or digit stands right before ``s`` or right after ``e`` (KLA in KLAC)."""
    return any(ch.isascii() and ch.isalnum() for ch in (norm[s - 1:s], norm[e:e + 1]))


# the last character of a known form one longer than the name that makes it goods or a line, not the name
# (海德堡印刷机, 人保健康险, 昆仑润滑油)
_GOODS_LAST_CHARS = frozenset("机险油车药酒器剂纸膜布粉胶片板管线丝液瓶罐箱柜")  # (not 卡: 万事达卡 the firm's name)
# a class of shares after A or B (万科A股, 万科A、H股, 京东方A/B股: the firm's shares, not the name 万科A; 苏常柴A股票 is)
_SHARE_CLASS_AFTER = re.compile(r"股(?!票|份)|\s?[、和及与/+]\s?[ABH]股")
_FOREIGN_COUNTRY_HEAD = re.compile(r"美国|英国|德国|法国|日本|韩国|瑞士|瑞典|荷兰|新加坡|意大利|西班牙|加拿大|澳大利亚|澳洲|以色列|印度|挪威|丹麦|芬兰"
                                   r"|比利时|奥地利|新西兰|泰国|马来西亚|越南|俄罗斯|巴西|墨西哥|智利|阿根廷|南非|沙特|爱尔兰|波兰|土耳其")


def _written_name(c: Company, entry: Entry | None, text: str, norm: str, d: Dictionary) -> str:
    """The name the text writes for a known firm whose dictionary name it never writes: its most
    used form among the mentions the dictionary files under the firm (陆金所 for 陆金所控股, 保利协鑫 for
    协鑫科技, 大宇造船海洋 for 韩华海洋, 中再集团 for 中国再保险), first used on a tie. "" where the text
    writes the dictionary name anywhere (腾讯控股 holds 腾讯). For a firm the dictionary lacks, whose name is
    read from the text in its NFKC form, the name as the text writes it where the two differ. Mentions that hold more than a name (a description before a
    legal name, a code) are no form of it, and a legal name is the firm's formal name, not another one
    (宁德时代新能源科技股份有限公司 stays 宁德时代); but an unlisted firm the text writes only by a legal name that does not
    hold the dictionary's name is shown by that legal name as written (深圳市国有免税商品（集团）有限公司, not 深免集团,
    a name the text never writes), as a firm the dictionary lacks is. The form is matched in ``norm`` and shown as
    ``text`` has it.
    A short name the text gives the firm (俄罗斯铝业联合公司（下称“俄铝”）) is its name there, whatever else
    it writes."""
    if not c.mentions or len(text) != len(norm):
        return ""
    name_n = nfkc_same_length(c.name)
    if entry is None:  # a name read from the text, in its NFKC form: shown as written (澄溯ＡＩ, not 澄溯AI)
        same = next((m for m in c.mentions if norm[m.start:m.end] == c.name), None)
        if same is None and \
                all(norm.startswith(c.name, m.start) and LEGAL_NAME_END.fullmatch(norm, m.start + len(c.name), m.end)
                    for m in c.mentions):
            m0 = c.mentions[0]  # written only in full (江阴市某某传动科技有限公司): the legal name as written
            return text[m0.start:m0.end]
        return text[same.start:same.end] if same is not None and text[same.start:same.end] != c.name else ""
    if entry.kind == "block":
        return ""
    if entry.name.endswith(_PROFESSIONAL_ENDS):
        # a law or accounting firm registered with its city or province (北京市汉坤律师事务所, 上海市锦天城律师事务所,
        # 浙江天册律师事务所): the place is its name's where the text writes it, as its first mention does
        m0 = min(c.mentions, key=lambda m: m.start)
        if norm[m0.start:m0.end] == name_n and (place := _place_before(norm, m0.start)):
            return text[m0.start - len(place):m0.end]
    if not entry.tickers and all(LEGAL_NAME_END.search(norm, m.start, m.end) for m in c.mentions) and \
            entry.name not in norm:
        m0 = c.mentions[0]  # an unlisted firm written only by a legal name that does not hold the dictionary's name
        return text[m0.start:m0.end]  # (北京天然气管道有限公司, not the list's 国家管网北京管道): as written, as a firm
        # the dictionary lacks is shown; where it holds it, that name (华为技术有限公司: 华为)
    name = nfkc_same_length(c.name)  # (华侨城（亚洲）: the dictionary keeps some names with full-width brackets)
    # written as itself, not only as the head of its legal name given a short name of the text's
    # (中国盐业集团有限公司（中盐集团）: the text's own name for the firm is the short one it goes on to use)
    heads = {m.start for m in c.mentions if m.end - m.start == len(name)}
    # (not inside a longer form of the firm's that a mention reads, where the form puts words before the name, 中国东方资产
    # for 东方资产, nor inside a longer Latin word, KLAC for KLA: the text never writes the name itself there)
    # (nor at the head of a longer form the text writes instead, 环球晶圆 for 环球晶, 苏常柴A for 苏常柴: one more
    # character, no goods' (海德堡印刷机, 人保健康险) and no share class (万科A股: the text writes 万科))
    n = len(name)
    ends, heads_of_longer = set(), set()
    for m in c.mentions:
        if m.end - m.start <= n or LEGAL_TAIL_AFTER.match(norm, m.end) or norm.startswith(("分公司", "集团", "公司"), m.end) or \
                _FOREIGN_COUNTRY_HEAD.match(norm, m.start):
            continue
        if norm.endswith(name, m.start, m.end):
            ends.add(m.end)
        elif m.end - m.start == n + 1 and norm.startswith(name, m.start) and norm[m.end - 1] not in _GOODS_LAST_CHARS and \
                not norm.startswith(("有限", "股份"), m.end) and not (norm[m.end - 1] in "AB" and _SHARE_CLASS_AFTER.match(norm, m.end)):
            heads_of_longer.add(m.start)
    latin = _is_latin(name)
    former = "原名" in norm or "曾用名" in norm  # (a former name the text glosses is no name it writes)
    written = any(not (p in heads and (tail := LEGAL_TAIL_AFTER.match(norm, p + n)) is not None and
                       (SHORT_NAME_AFTER.match(norm, tail.end()) or BARE_SHORT_NAME_AFTER.match(norm, tail.end())))
                  and p + n not in ends and p not in heads_of_longer
                  and not (former and norm.endswith(("原名", "原名为", "曾用名"), 0, p))  # (ST中绒（000982，原名中银绒业）)
                  and not (latin and _glued_to_latin(norm, p, p + len(name)))
                  for p in _occurrences(norm, name))
    counts: dict[str, int] = {}
    for m in c.mentions:
        form = norm[m.start:m.end]
        if form == name or LEGAL_NAME_END.search(form) or text[m.start:m.end] == c.name:
            continue
        if entry.tickers and LEGAL_TAIL_AFTER.match(norm, m.end):
            continue  # (中国联合网络通信|股份有限公司: a listed firm's legal name, its formal name, not another one)
        if SHORT_NAME_GIVEN.search(norm, max(0, m.start - 6), m.start) and norm.startswith(QUOTE_CLOSERS, m.end):
            return text[m.start:m.end]  # (a short name of the text's own too: _known_given_short_names)
        known = d.by_form.get(form) or d.lookup(form)  # (a Latin form keeps its spaces: Credit Suisse)
        if known is None or known.name != entry.name or norm.startswith("(集团)", m.end):
            continue  # (上海均瑶（集团）有限公司: the bracket is the name's, 上海均瑶 alone no name of it)
        if not written:
            counts[text[m.start:m.end]] = counts.get(text[m.start:m.end], 0) + 1
    return max(counts, key=lambda f: counts[f]) if counts else ""  # (max keeps the first of a tie)


_PROFESSIONAL_ENDS = tuple(PROFESSIONAL_SUFFIXES)


_PROVINCES = frozenset({"北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
                        "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
                        "内蒙古", "广西", "西藏", "宁夏", "新疆"})


def _place_before(norm: str, s: int) -> str:
    """The province or the city with 市 written right before ``s``, a word of its own (委托北京市|中伦律师事务所,
    浙江|天册律师事务所), or "" (not the tail of a longer place: 澳大利亚|金杜; no region: 粤港澳大湾区|金杜)."""
    for k in (4, 3, 2):
        tok = norm[max(0, s - k):s]
        if len(tok) != k or not (tok in _PROVINCES or (tok.endswith("市") and (tok[:-1] in _PROVINCES or _place(tok[:-1])))):
            continue
        w0 = max(0, s - k - 6)
        cut, pos = set(), w0
        for t in lcut(norm[w0:s]):
            cut.add(pos)
            pos += len(t)
        if s - k == w0 or s - k in cut:  # (the place a word of its own: 委托|北京市, not 澳大|利亚)
            return tok
    return ""


# a short name the text gives a firm, as SHORT_NAME_AFTER reads it: 简称 or 下称, a colon, a quote, all
# optional but the word (（以下简称“徐工有限”）, （以下简称：徐工有限）), and the name closed by a quote or the bracket
SHORT_NAME_GIVEN = re.compile(r"(?:以下简称|以下称|下称|简称)(?:为)?\s?[:：]?\s?[“\"「『]?$")
QUOTE_CLOSERS = ("”", '"', "」", "』", ")", "）", ",", "，", "、")


# goods named by a trade's word (中国化工品电商: the country's chemicals, not the firm 中国化工)
_GOODS_AFTER_TRADE = re.compile(r"品(?:电商|贸易|市场|价格|行业|进出口|进口|出口|需求|物流|仓储|B2B|交易)")
# a unit named after its parent (Terex旗下的Genie, 某某的子公司某某): an ambiguous name so introduced is the firm,
# unless it is a word of the language (旗下的农产品: its farm products)
_UNIT_CUE_BEFORE = ("旗下的", "旗下", "子公司", "母公司", "控股的")


_UNIT_CLAUSE_NEXT = re.compile(r"则|也|表示|宣布|称|发布|公告|透露|介绍")  # (not 在, 、: 优必选旗下的机器人在…)


def _after_named_parent(norm: str, s: int, hits: list[_Hit]) -> bool:
    """Whether a firm read before ``s`` is the parent of a unit cue right before it (58同城旗下的|转转)."""
    cue = next((c for c in _UNIT_CUE_BEFORE if norm.endswith(c, 0, s)), None)
    if cue is None:
        return False
    at = s - len(cue)
    return any(h.end == at and h.kind == "company" for h in hits[-4:])


def _names_association(norm: str, e: int) -> bool:
    """The known name ending at ``e`` begins an association's name (中国建筑防水协会), not a clause in which
    the firm joins, leaves or leads one (中国国航加入星空联盟, 华为也加入协会)."""
    m = ASSOCIATION_AFTER.match(norm, e)
    if m is None:
        return False
    gap = m.group("gap") or m.group("trade") or m.group("two")
    return gap[0] not in FUNCTION_CHARS and not _ASSOCIATION_VERBS.search(gap) and "的" not in gap


def _parent_group_of(name: str, entry: Entry, d: Dictionary) -> bool:
    """``name`` is a listed firm's name and 集团, a form the dictionary does not give it (燕京啤酒集团 of
    燕京啤酒): the parent group the text names, which holds none of the listed firm's codes."""
    return name.endswith("集团") and not entry.name.endswith("集团") and d.by_form.get(name) is None and \
        _own_form(name[:-2], entry) and any(t[:3] in ("SH:", "SZ:", "BJ:") for t in entry.tickers)


def _no_stock_code(code: str) -> bool:
    """A Shanghai or Shenzhen code no stock has: a fund's (508018, 510300), a bond's or an index's."""
    return code[:3] in ("SH:", "SZ:") and a_share_code(code[3:]) is None


def _exchange_own_codes(codes: Sequence[tuple[str, bool]], d: Dictionary) -> bool:
    """Codes that say their market, are digits and are no known firm's: an exchange's own listing
    (香港交易所（00388.HK）), not another firm's code beside the market's name (港交所（06160.HK）)."""
    return bool(codes) and all(explicit and not c.split(":")[1].isalpha() and d.by_ticker.get(c) is None
                               for c, explicit in codes)


def _listed_body(entry: Entry, t: Ticker) -> bool:
    """A body the dictionary files as no company (an exchange) given a stock code: the listed firm."""
    return (entry.name.endswith(_LISTED_BODY_ENDS) or (t.name or "").endswith(_LISTED_BODY_ENDS)) and \
        t.code.split(":")[-1].isdigit()


_CLAUSE_BREAK = re.compile(r"[，。；！？,;!?\n]")


_OPENS_CODE = re.compile(r"\s?[(（]\s?")


def _code_host(code: str, hits: Sequence[_Hit], norm: str, d: Dictionary) -> str | None:
    """The company a US code no name stands before belongs to: the one named last before it in its
    clause, when the code spells that firm's Latin name (Butterfly Network……登陆纽交所（BFLY.US）) or
    adds one letter to a US code of three letters or more it has, in the text or the dictionary
    (凯斯纽荷兰工业集团（CNHI.US）, filed under US:CNH)."""
    market, _, symbol = code.partition(":")
    if market != "US" or not symbol.isalpha():
        return None
    at = re.search(r"(?<![A-Za-z0-9.])" + re.escape(symbol) + r"\.(?:US|N|O)\b", norm, re.ASCII)
    if at is None:
        return None
    last = max((h for h in hits if h.end <= at.start() and h.kind == "company"), key=lambda h: h.end, default=None)
    if last is None or _CLAUSE_BREAK.search(norm, last.end, at.start()):
        return None
    if _OPENS_CODE.fullmatch(norm, last.end, at.start()):
        return last.name  # 美国水务（AWK.US）: the bracket right after a name a later rule read (the bracket pass,
        # which gives a code its name, ran before it)
    spelled = iter(last.name.upper())
    if _is_latin(last.name) and last.name[0].upper() == symbol[0] and all(ch in spelled for ch in symbol):
        return last.name
    known = d.by_form.get(last.name)
    codes = {c for h in hits if h.name == last.name for c in h.codes} | set(known.tickers if known is not None else ())
    if any(c.startswith("US:") and len(c) >= 6 and abs(len(c) - 3 - len(symbol)) == 1 and
           (symbol.startswith(c[3:]) or c[3:].startswith(symbol)) for c in codes):
        return last.name  # (CNH and CNHI: not C, GS or MS before any symbol that begins so)
    return None


def _assemble(hits: list[_Hit], tickers: Sequence[Ticker], d: Dictionary, text: str,
              norm: str) -> list[Company]:
    by_name: dict[str, Company] = {}
    seen: set[tuple[int, int]] = set()
    for h in sorted(hits, key=_SPAN):  # mentions are appended in text order: no sort of them after
        c = by_name.get(h.name)
        if c is None:
            c = by_name[h.name] = Company(h.name, h.kind)
        for code in h.codes:
            if code not in c.tickers:
                c.tickers.append(code)
        if (h.start, h.end) not in seen:
            seen.add((h.start, h.end))
            c.mentions.append(Mention(h.start, h.end))
    for t in tickers:
        entry = d.lookup(t.name) if t.name else None
        if any(t.code in c.tickers for c in by_name.values()) and (entry is None or entry.name not in by_name):
            # the text gives a found company this code already (通葡股份（600365） beside the cashtag
            # $通葡股份(SH600365)$ that the dictionary files under ST通葡): not another company
            continue
        if entry is None and not t.name and any(t.code in c.tickers for c in by_name.values()):
            # a code the text gives a found company already (中国海洋石油（00883.HK）): not another
            # company, even where the dictionary files the code under another name (中国海油)
            continue
        if entry is None:
            entry = d.by_ticker.get(t.code)
        if entry is None and _no_stock_code(t.code):
            continue  # 华夏中国交建高速REIT（508018.SH）: a fund's, a bond's or an index's code, no company's
        if entry is None and not t.name and (host := _code_host(t.code, hits, norm, d)) is not None:
            by_name[host].tickers.append(t.code)  # 某某Network……登陆纽交所（BFLY.US）: the firm the clause
            continue  # speaks of, not a company named by its code
        if entry is not None and entry.kind == "block" and not _listed_body(entry, t):
            continue  # $上证指数(SH000001)$: an index's cashtag names no company ($香港交易所(HK|00388)$ does)
        name = entry.name if entry and entry.kind != "block" else (_clean(t.name) if t.name else t.code)
        c = by_name.get(name)
        if c is None:
            c = by_name[name] = Company(name, entry.kind if entry and entry.kind != "block" else "company")
        if t.code not in c.tickers:
            c.tickers.append(t.code)
    out = []
    for c in by_name.values():
        entry = _known_by_full_form(c.name, d)  # (长城集团 named by the text: no listing of 长城汽车's)
        if entry is not None and entry.kind != "block" and \
                not (c.name != entry.name and c.tickers and not any(t in entry.tickers for t in c.tickers)) and \
                not _parent_group_of(c.name, entry, d):
            # listings the text does not give: the dictionary's (not where the text's codes are none of the
            # entry's: 中国稀土控股（00769.HK） is no listing of the A-share 中国稀土 its name leads to)
            c.tickers.extend(t for t in entry.tickers if t not in c.tickers)
        c.ticker = c.tickers[0] if c.tickers else None
        c.tagged = not c.mentions
        c.written = _written_name(c, entry, text, norm, d)
        out.append(c)
    # companies by first mention, those only tagged by a cashtag after them, media last
    out.sort(key=lambda c: (c.kind == "media", c.mentions[0].start if c.mentions else 10**9, c.name))
    return out
