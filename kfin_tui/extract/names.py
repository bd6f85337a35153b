"""Company names as a user types them → the name the extractor reports (light: no jieba)."""
from __future__ import annotations

import itertools
import re


def canonical_company(name: str) -> str:
    """``阿里`` → ``阿里巴巴``, ``腾讯控股`` → ``腾讯``: the name the extractor reports; a name the
    dictionary does not know is taken as typed."""
    name = name.strip()
    if not name:
        return ""
    try:
        from .dictionary import get_dictionary

        entry = get_dictionary().lookup(name)
    except Exception:  # noqa: BLE001 - without the dictionary, take the name as typed
        return name
    return entry.name if entry is not None and getattr(entry, "kind", "company") != "block" else name


# --- name rules of the company pass that need no dictionary nor jieba (called from companies.py) ---

_CJK = "\u4e00-\u9fff"
# 素有“东北茅台”之称, 被誉为“某某第一股”的美誉: a quoted epithet names another company after a famous one
_QUOTE_OPEN_BEFORE = re.compile(r"[“\"「『][^“”\"「」『』\n]{0,6}$")
_QUOTE_CLOSE_AFTER = re.compile(r"[^“”\"「」『』\n]{0,6}?[”\"」』]")
_EPITHET_AFTER = re.compile(r"\s?(?:之称|的称号|的美誉|之美誉|美誉|的绰号|的外号|之誉|的别称)")


def in_epithet(norm: str, start: int, end: int) -> bool:
    """The name at [start, end) lies inside a quoted nickname (素有“东北茅台”之称的长春高新): the
    nickname compares a company with a famous one, which the article does not speak of."""
    if not _QUOTE_OPEN_BEFORE.search(norm, max(0, start - 7), start):
        return False
    close = _QUOTE_CLOSE_AFTER.match(norm, end)
    return close is not None and _EPITHET_AFTER.match(norm, close.end()) is not None


# a company's legal name written out in full: 寿光某某控股有限公司 is a company wherever it stands
LEGAL_FULL_NAME = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|合伙企业(?=\s?[(（]有限合伙[)）]))")
# a fund partnership's legal name ends in 基金企业 (某某私募股权投资基金企业（有限合伙）): asked apart, only in texts
# that hold 有限合伙 (基 begins words everywhere in financial text: no first character of the pattern above)
FUND_PARTNERSHIP_NAME = re.compile(r"基金企业(?=\s?[(（]有限合伙[)）])")
PARTNERSHIP = "合伙企业"
# organisation words a legal name may end with before its legal tail; what is left must be a name
_ORG_WORDS = re.compile(r"(?:合伙企业|企业|资产管理|投资管理|基金管理|股权投资|创业投资|产业投资|投资|控股|集团|实业|科技|资本|资产|管理|发展|"
                        r"证券|保险|信托|银行|金融|商贸|贸易|国际|中国|股份|咨询|服务)+$")


def legal_name_ok(name: str, generic: frozenset[str] | set[str]) -> bool:
    """``name`` (a legal name without its 有限公司 tail) names an organisation of its own: beyond its
    organisation words (资产管理, 控股 …) at least two characters that are not a generic word
    (资产管理有限公司, 中国投资有限公司 alone name nothing)."""
    core = _ORG_WORDS.sub("", name)
    if NOT_A_NAME.search(core):
        return False  # 一家有限公司, 共同设立合资有限公司: a count or an act, not a name
    return len(core) >= 2 and core not in generic and re.search(f"[{_CJK}A-Za-z]", core) is not None


# (a numeral beginning a place is no count: 四川省…, 三亚…, 九江…, 十堰…)
NOT_A_NAME = re.compile(r"^(?!四川|三亚|三明|三门峡|六安|六盘水|九江|十堰|七台河|五指山)[一二两三四五六七八九十几多每各该本这那其此某数]"
                        r"|设立|成立|组建|新设|注册|改制|出资|收购|更名|变更|共同|拟")


# Latin company names after a word for a company or a trading venue (互联网公司ironSource, 数据集成公司Talend SA,
# 衍生品交易平台Deribit): a capitalised name, or one in camel case (ironSource, eBay), of up to three words
# (each pattern below begins with one of its words: *_WORDS, where a match can begin, for a scan that
# tries the pattern there only)
LATIN_AFTER_COMPANY_WORDS = ("公司", "企业", "集团", "交易所", "交易平台", "厂商", "运营商", "服务商", "供应商", "制造商",
                             "开发商", "生产商", "贸易商", "出口商", "进口商", "经销商", "零售商", "分销商", "承包商", "糖企",
                             "药企", "车企", "矿企", "钢企", "房企", "险企")
# (Latin letters with accents too: Raízen, Nestlé)
LATIN_AFTER_COMPANY_WORD = re.compile(
    r"(?:" + "|".join(LATIN_AFTER_COMPANY_WORDS) + r")\s?(?P<name>(?:[A-Z]|[a-z]{3,6}[A-Z])[A-Za-z0-9&.\-\u00c0-\u00d6\u00d8-\u00f6"
    r"\u00f8-\u00ff]*(?:(?<=[a-z])['’]s(?=\s[A-Z]))?(?:\s(?:&\s)?(?:[A-Z]|[a-z]{1,6}[A-Z])[A-Za-z0-9&.\-]*){0,3})")
# (Toledo Molding & Die, Container xChange, MOR Furniture For Less; 's before a word: 子公司Doctor's Best)
# a unit's brand-like Latin name after 子公司/旗下, though it begins in lower case (美国子公司iHealth的…)
LATIN_UNIT_WORDS = ("子公司", "孙公司", "旗下")
LATIN_UNIT_NAME = re.compile(r"(?:" + "|".join(LATIN_UNIT_WORDS) + r")\s?(?P<name>[a-z]{1,2}[A-Z][a-z][A-Za-z0-9]*)(?=[的，,。、；;])")
# Latin names that end with a company word (Baupost group, Calypso Technology, Foo Holdings)
LATIN_ORG_NAME = re.compile(
    r"(?<![A-Za-z0-9&.\-])(?P<name>(?:[A-Z][A-Za-z0-9&.\-]*\s){1,3}(?:Group|group|Holdings|Capital|Partners|Management"
    r"|Technologies|Technology|Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|LLC|SA|AG|plc|PLC|Advisors|Advisers|Investments"
    r"|Managers|Research|Securities|Bank|Associates|Investors|Ventures|Therapeutics|Pharmaceuticals|Pharma"
    r"|Biosciences|Biotherapeutics|Biologics|Biotech|Bio|Medical|Healthcare|Labs|Laboratories|Robotics|Motors"
    r"|Semiconductors?|Systems|Networks|Industries|Airlines|Logistics|Energy|Investment|Power|Materials"
    r"|Minerals|Resources|Metals|Entertainment|Games|Studios|Brands|Foods|Cosmetics))"
    r"(?![A-Za-z0-9])", re.ASCII)
# a Latin name right before a Chinese word for a firm (DataTrek研究公司, Foo资本集团): the name is the firm's
LATIN_BEFORE_COMPANY_WORD = re.compile(
    r"(?<![A-Za-z0-9&.\-])(?P<name>(?:[A-Z]|[a-z]{2,6}[A-Z])[A-Za-z0-9&.\-]*(?:\s(?:&\s)?[A-Z][A-Za-z0-9&.\-]*){0,2})"
    r"(?:研究|咨询|投资|资产管理|资管|基金管理|证券)?(?:公司|集团)(?![\u4e00-\u9fff]{0,2}(?:股票|股价|概念))", re.ASCII)
# a Latin name before the title of someone who works there (CFRA首席投资策略师, Foo Research的分析师): a firm,
# acronyms too (short capitals are mostly a firm here, not a word of the trade)
LATIN_BEFORE_ROLE = re.compile(
    r"(?<![A-Za-z0-9&.\-])(?P<name>[A-Z][A-Za-z0-9&.\-]*(?:\s[A-Z][A-Za-z0-9&.\-]*){0,3})的?"
    r"(?:首席[\u4e00-\u9fff]{0,6}?(?:师|官|家)|(?:高级|资深)?(?:分析师|策略师|经济学家)|(?:联合)?创始人|合伙人"
    r"|董事总经理|[\u4e00-\u9fff]{0,6}?(?:研究|投资|策略|市场|交易)主管"
    # …and before a firm's role in a deal, or its own units (聘请Foo担任财务顾问, 瑞士Foo旗下业务)
    r"|(?:担任|出任|作为)[\u4e00-\u9fff]{0,6}?(?:顾问|承销商|保荐机构|保荐人|审计机构)|旗下)", re.ASCII)
# Latin words that are no firm of their own: bodies, central banks, universities, media, generic words
LATIN_NOT_FIRM = frozenset({
    "Fed", "FED", "ECB", "BOJ", "BoJ", "BOE", "BoE", "PBOC", "PBoC", "IMF", "OECD", "WTO", "BIS", "NBER", "FOMC", "CBO",
    "IEA", "EIA", "OPEC", "SEC", "CFTC", "FDIC", "FINRA", "NASA", "UN", "EU", "WHO", "NATO", "G7", "G20", "NYSE",
    "Nasdaq", "NASDAQ", "MIT", "Harvard", "Stanford", "Yale", "Princeton", "Wharton", "Oxford", "Cambridge",
    "Columbia", "Berkeley", "Bloomberg", "Reuters", "CNBC", "CNN", "BBC", "WSJ", "FT", "Fox", "Axios", "Politico",
    "Forbes", "Fortune", "Yahoo", "Nikkei", "MarketWatch", "World", "Central", "Federal", "Reserve", "Development",
    "Equity", "Global", "Market", "Markets", "Investment", "Investments", "Asset", "Economic", "Policy", "Private",
    "Public", "Senior", "Chief", "Head", "Independent", "Financial", "National", "International", "European", "Asian",
    "American", "Fintech", "FinTech", "Crypto", "Tech", "Internet", "Startup", "Blockchain", "Web", "DeFi", "Mining",
    "Holding", "Shell", "Our", "Your", "An", "Wall", "Street", "Street's", "Main", "People's", "Mortgage", "Treasury",
    "Government", "State", "Federal's", "Institutional", "Retail", "Individual", "Foreign", "Professional", "Angel",
    "Accredited", "Qualified", "Small", "Large", "Smart", "Chinese", "Value", "Growth", "Joint", "Corporate",
    "Venture", "Activist", "Passive", "Active", "Domestic", "Overseas", "Young", "New", "Early", "Strategic",
    # sectors and trades a broker's analyst covers (TMT首席分析师, FICC首席): no firm
    "TMT", "FICC", "ESG", "ICT", "PCB", "EDA", "AIGC", "LED", "OLED", "VR", "AR", "XR", "IoT", "EV", "QFII",
    "FOF", "REITs", "REIT", "HR", "IR", "PR", "CRO", "CXO", "CDMO", "ETF", "MOM", "PMI", "CPI", "GDP", "FX", "IC"})


def latin_firm_ok(name: str) -> bool:
    """A Latin name read by the firm rules names a firm: not only generic words (World Bank,
    Investment Research), nor a body, university or medium (Fed, MIT, Bloomberg)."""
    words = name.split()
    return not all(w in LATIN_NOT_FIRM for w in words[:-1] or words)


def latin_name_ok(name: str, stop: set[str] | frozenset[str]) -> bool:
    """A Latin name read after a company word is a name: not an acronym of the trade (CEO, IPO, Q3,
    H1, ESG), which short all-capital words mostly are unless the dictionary knows them, nor a
    model or product number (H100, GPT-4, RTX4090)."""
    first = name.split()[0]
    if first in stop or name in stop or len(name) < 3:
        return False
    if " " not in name and re.search(r"[0-9]", name):
        return False
    return not (" " not in name and re.fullmatch(r"[A-Z][0-9]+|[A-Z0-9]{1,4}", first))


# a coined name in quotes after a word for a company (健康险科技企业“某某健康”): a company when the
# article names it again without quotes (slogans and programmes rarely recur bare)
QUOTED_COMPANY_WORDS = ("公司", "企业", "机构", "厂商", "独角兽")
QUOTED_AFTER_COMPANY_WORD = re.compile(
    r"(?<![该本这其那此贵])(?:" + "|".join(QUOTED_COMPANY_WORDS) + r")[“\"「](?P<name>[" + _CJK + r"A-Za-z]{2,8})[”\"」]"
    r"(?!\s?(?:业务|概念|战略|计划|项目|品牌|产品|模式|板块|赛道|理念|标签|称号|制度|机制|政策|规则|方案|改革|试点|安排|条款))")


def named_again_bare(norm: str, name: str, start: int) -> bool:
    """``name`` (quoted at ``start``) occurs elsewhere in ``norm`` without a quote before it."""
    pos = norm.find(name)
    while pos >= 0:
        if pos != start and (pos == 0 or norm[pos - 1] not in "“\"「『'‘"):
            return True
        pos = norm.find(name, pos + 1)
    return False


# an enumeration A、B、C(和D)(等): its items, for names listed among companies
_ITEM_BREAK = re.compile(r"[、，。；：！？,;:!?（）()《》“”\"\n]")
_LAST_ITEM_END = re.compile(r"等|以及|和|及|与")
_MAX_ITEM = 12


def enumeration_items(norm: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Every enumeration ``…A、B、C和D等…`` as (end of its first item, start of its last item's
    tail or -1, spans of the items whose both ends the separators mark). The first item's start
    and the last item's end are not marked (主要还有A、… ; …、D则…): those two are given by one end."""
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    pos = norm.find("、")
    while pos >= 0:
        seps = [pos]
        while True:  # the next 、 within one item's length, with no other break between
            nxt = _ITEM_BREAK.search(norm, seps[-1] + 1, seps[-1] + 2 + _MAX_ITEM)
            if nxt is None or norm[nxt.start()] != "、" or nxt.start() == seps[-1] + 1:
                break
            seps.append(nxt.start())
        pos = norm.find("、", seps[-1] + 1)
        brk = _ITEM_BREAK.search(norm, seps[-1] + 1, seps[-1] + 2 + _MAX_ITEM)
        end = brk.start() if brk is not None else min(len(norm), seps[-1] + 1 + _MAX_ITEM)
        items = [(a + 1, b) for a, b in itertools.pairwise(seps)]
        last_start = seps[-1] + 1
        tail = _LAST_ITEM_END.search(norm, last_start, end)
        if tail is not None and tail.group() != "等":
            items.append((last_start, tail.start()))  # …、C和D: C is marked, D's end is not
            last_start = tail.end()
        elif tail is not None:  # …、C等: C is marked
            items.append((last_start, tail.start()))
            last_start = -1
        out.append((seps[0], last_start, [(s, e) for s, e in items if e > s]))
    return out


# an enumeration closed by a count of companies (A、B、C等3家网约车平台公司, A、B等多家银行): its items
# are companies whatever their form (黄金出行, 交通约车 have no organisation suffix)
_COUNTED_BARE = r"(?:[两三四五六七八九十]|[2-9])\s?家[^，。；;,、\n]{0,6}?(?:公司|企业|厂商|品牌|巨头|车企|药企|房企|险企)"
_COUNTED_BARE_RE = re.compile(_COUNTED_BARE)
_COUNTED_AS_COMPANIES = re.compile(
    r"等\s?(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3}|多|数|几)\s?家[^，。；;,、\n]{0,8}?"
    r"(?:公司|企业|机构|平台|银行|券商|车企|药企|房企|险企|基金|私募|厂商)"
    # …or counted right after the last item, without 等 (A、B和C三家外资品牌): firms, where one item is a
    # firm's (counted_bare; not N大…企业, the press's count of segments: 正极、负极、隔膜和电解液四大主材企业)
    r"|" + _COUNTED_BARE)
# …closed by a word for firms without a count (A、B和C等企业, 等EDA企业; not 等地的企业, 等企业家)
_LISTED_AS_COMPANIES = re.compile(r"(?:等(?![地区省市国])|为代表的|为首的)[\u4e00-\u9fffA-Za-z]{0,4}?"
                                  r"(?:公司|企业|厂商|车企|房企|药企|险企|品牌)"
                                  r"(?![\u4e00-\u9fff]?(?:家|数|股))")
# the last item of an enumeration after 和 or 及, then what closes it (…、C和D等企业: D)
LAST_ITEM_THEN_CLOSE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,8}?(?=等|为代表的|为首的|(?:[两三四五六七八九十]|[2-9])\s?家)")


def listed_as_companies(norm: str, pos: int) -> bool:
    """``norm[pos:]`` closes an enumeration with a word for firms, uncounted (``等企业``)."""
    return _LISTED_AS_COMPANIES.match(norm, pos) is not None


def counted_bare(norm: str, pos: int) -> bool:
    """``norm[pos:]`` counts the list's firms without 等 (``三家外资品牌``)."""
    return _COUNTED_BARE_RE.match(norm, pos) is not None


def counted_as_companies(norm: str, pos: int) -> bool:
    """``norm[pos:]`` closes an enumeration with a count of companies (``等3家网约车平台公司``)."""
    return _COUNTED_AS_COMPANIES.match(norm, pos) is not None
