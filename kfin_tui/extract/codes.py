"""Stock codes written in brackets after a name, in every convention seen in prose:

``海油发展（600968.SH）`` ``中国华融(02799.HK)`` ``拼多多（PDD.US）`` ``美团-W(HK:03690)``
``中国平安（601318.SH，02318.HK）`` ``腾讯控股（00700）`` ``贵州茅台(600519)`` ``阿里巴巴（NYSE:BABA）``
``小鹏汽车（XPEV.N）`` ``理想汽车（纳斯达克：LI）`` ``比亚迪（股票代码：002594）`` ``蔚来（NIO.US/09866.HK）``
"""
from __future__ import annotations

import re

from ..tickers import market_for_a_share, normalise

_PREFIX_MARKET = [
    ("NASDAQ", "US"), ("Nasdaq", "US"), ("NYSE", "US"), ("纳斯达克", "US"), ("纽交所", "US"), ("美股", "US"),
    ("港交所", "HK"), ("港股", "HK"), ("HKEX", "HK"), ("上交所", "SH"), ("沪市", "SH"), ("深交所", "SZ"),
    ("深市", "SZ"), ("北交所", "BJ"), ("HK", "HK"), ("SH", "SH"), ("SZ", "SZ"), ("BJ", "BJ"), ("US", "US"),
    ("SS", "SH"), ("sh", "SH"), ("sz", "SZ"), ("bj", "BJ"), ("hk", "HK"),
]
_BY_LENGTH = sorted(_PREFIX_MARKET, key=lambda x: -len(x[0]))
# a two-letter Latin market (US, HK, SH …) takes a letter code only after a separator: ``US:PDD``,
# ``HK.00700``, ``SH600519``, but ``（US GAAP）`` is an accounting standard, not the ticker US:GAAP
_SHORT = re.compile(r"[A-Za-z]{2}")
_PREFIX_RE = "|".join(re.escape(p) for p, _ in _BY_LENGTH if not _SHORT.fullmatch(p))
_SHORT_PREFIX_RE = "|".join(re.escape(p) for p, _ in _BY_LENGTH if _SHORT.fullmatch(p))
_LABEL = r"(?:(?:股票|证券|港股|美股|A股|H股)?代码|股份代[号码]|股票简称|简称)"  # 股份代号: Hong Kong's word
# a B share's short name before its code in a list (（000726，鲁泰B 200726）): Shenzhen 200xxx, Shanghai 900xxx
_B_SHARE_NAME = r"[\u4e00-\u9fff]{2,4}\s?B股?\s*[,，]?\s*(?=[29]00[0-9]{3}(?![0-9]))"  # (…；宝信B，900926.SH)
ITEM = (r"(?:" + _LABEL + r"\s*[:：]?\s*|" + _B_SHARE_NAME + r")?(?:(?P<pm>" + _PREFIX_RE + r")\s*[:：|.]?\s*|(?P<ps>"
        + _SHORT_PREFIX_RE + r")(?:\s*[:：|.]\s*|\s*(?=[0-9])))?"
        r"(?P<code>[0-9]{4,6}|[A-Z]{1,5}(?:\.[A-Z])?)"
        r"(?:\s*[.．]\s*(?P<sm>SH|SZ|BJ|HK|US|SS|N|O|OQ))?")
ITEM_RE = re.compile(ITEM)
_UNNAMED = ITEM.replace("?P<pm>", "?:").replace("?P<ps>", "?:").replace("?P<code>", "?:").replace("?P<sm>", "?:")
CODE_ITEMS = _UNNAMED + r"(?:\s*[,，、;；/]\s*" + _UNNAMED + r")*"  # one or more codes, as a bracket lists them
# the short name in quotes before the code: （证券简称“N岳峰”，920139）
_SHORT_NAME_FIRST = r"(?:(?:证券|股票)?简称\s*[:：]?\s*[“\"「][^”\"」()（）]{1,12}[”\"」]\s*[,，]\s*)?"
# the firm's Latin name before its code, or a remark after it (no digits: figures stay readable),
# taken only where every code says its market: （Marsh McLennan，MMC.US）, （SGEN.US，原名Seattle Genetics）
_LATIN_NAME_FIRST = r"(?P<lead>[A-Z][A-Za-z0-9&.'\- ]{1,60}?\s*[,，]\s*)??"
_REMARK_AFTER = r"(?P<tail>\s*[,，;；]\s*[^()（）\[\]【】\n0-9０-９]{1,30}?)?"
BRACKET_RE = re.compile(r"[(（\[【]\s*" + _SHORT_NAME_FIRST + _LATIN_NAME_FIRST + r"(?P<items>" + CODE_ITEMS + r")"
                        + _REMARK_AFTER + r"\s*[)）\]】]")
_MARKET = dict(_PREFIX_MARKET)
# six-digit codes no mainland stock has, written bare for indexes: 申万 industry indexes (801xxx,
# 850xxx, 851xxx, 857xxx), 深证 indexes (399xxx), board indexes of data vendors (880xxx);
# Beijing's stocks are 43xxxx, 83xxxx, 87xxxx and 920xxx
INDEX_CODE_STARTS = ("80", "81", "82", "84", "85", "86", "88", "89", "399")
_NYSE_NASDAQ_END = re.compile(r"\.(?:N|O)$")


def a_share_code(code: str) -> str | None:
    """The ticker of a bare six-digit code, or None for an index's (有色金属（801050）), a bond's or a fund's
    (某某转债（123296）, 沪深300ETF（510300）)."""
    if code.startswith(INDEX_CODE_STARTS) or code[0] in "15":
        return None
    return f"{market_for_a_share(code)}:{code}"


def parse_item(item: str) -> tuple[str | None, bool]:
    """(normalised code, explicit market given) of one item."""
    m = ITEM_RE.fullmatch(item.strip())
    if not m:
        return None, False
    code, pm, sm = m.group("code"), m.group("pm") or m.group("ps"), m.group("sm")
    if sm:
        return normalise(f"{code}.{sm}"), True
    if pm:
        return normalise(code, _MARKET[pm]), True
    if code.isdigit():
        if len(code) == 6:
            return a_share_code(code), False
        return normalise(code, "HK"), False
    return normalise(code, "US"), bool(_NYSE_NASDAQ_END.search(code))


def bracket_codes(norm: str, pos: int) -> tuple[int, list[tuple[str, bool]]] | None:
    """Codes in a bracket starting at ``pos`` (maybe after spaces): (end, [(code, explicit)])."""
    m = BRACKET_RE.match(norm, pos)
    return _codes_of(m) if m else None


def _codes_of(m: re.Match) -> tuple[int, list[tuple[str, bool]]] | None:
    out = parse_items(m.group("items"))
    if (m.group("lead") or m.group("tail")) and not all(explicit for _c, explicit in out):
        return None  # （Model 3，2021） is no code: beside other words, only codes that say their market
    return (m.end(), out) if out else None


def parse_items(items: str) -> list[tuple[str, bool]]:
    """(normalised code, explicit market given) of each code in a bracket's list (:data:`CODE_ITEMS`:
    ``601318.SH，02318.HK``)."""
    out = []
    for part in _ITEM_SEP.split(items):
        code, explicit = parse_item(part)
        if code:
            out.append((code, explicit))
    return out


_ITEM_SEP = re.compile(r"[,，、;；/]")


# Hong Kong's word for a code in prose, after a name and a comma: 某某医疗，股份代号为02763，…
PROSE_HK_RE = re.compile(r"[,，]\s*(?:H股|港股)?股份代[号码]\s*(?:为|是|[:：])?\s*(?P<code>[0-9]{4,5})(?![0-9])")


def opener_positions(norm: str, openers: str) -> list[int]:
    """Where any character of ``openers`` stands in ``norm``, in order, found by ``str.find`` (a regex
    whose first character is one of a set tests that set at every character of the text)."""
    out: list[int] = []
    for c in openers:
        i = norm.find(c)
        while i >= 0:
            out.append(i)
            i = norm.find(c, i + 1)
    out.sort()
    return out


def find_brackets(norm: str):
    """Every bracket holding codes: (start, end, [(code, explicit)])."""
    # what BRACKET_RE.finditer(norm) finds: its matches begin with an opening bracket (and are never
    # empty), so it is tried at those alone, in order, from the end of the last match on
    end = -1
    for p in opener_positions(norm, "(（[【"):
        if p < end:
            continue
        m = BRACKET_RE.match(norm, p)
        if m is None:
            continue
        end = m.end()
        got = _codes_of(m)  # (the match bracket_codes would make again at m.start())
        if got:
            yield m.start(), got[0], got[1]


def bracket_latin_name(norm: str, pos: int) -> tuple[int, int] | None:
    """The span of the Latin name a code bracket at ``pos`` gives before its codes (（Aquila
    Acquisition Corporation，07836.HK）), or None."""
    m = BRACKET_RE.match(norm, pos)
    if m is None or not m.group("lead"):
        return None
    s = m.start("lead")
    return s, s + len(m.group("lead").rstrip(" ,，").rstrip())


# a US code given in prose with the word for a code (将以“THCH”为代码在纳斯达克挂牌, 股票代码为“ABCD”), where a US
# market is named near it (the letters alone are no code: 以“AI”为代码 of a theme)
PROSE_US_RE = re.compile(r"以\s?[“\"]?(?P<a>[A-Z]{2,5})[”\"]?\s?为(?:股票|交易)?代码"
                         r"|(?:股票|交易)代码(?:为|是|[:：])\s?[“\"]?(?P<b>[A-Z]{2,5})[”\"]?(?![A-Za-z0-9.])")
_US_MARKET_NEAR = re.compile(r"纳斯达克|纽交所|纽约证券交易所|美股|Nasdaq|NASDAQ|NYSE|粉单|OTC")


# an A-share code given in prose after a comma (…登陆上交所主板，证券代码为 600916; ，A股证券代码为688688): not a bond's, a fund's or an index's
PROSE_A_RE = re.compile(r"[,，]\s*(?:A股)?(?:证券|股票)代码\s*(?:为|是|[:：])?\s*(?P<code>[0-9]{6})(?![0-9])")


def find_prose_codes(norm: str):
    """Hong Kong codes given in prose after a comma (:data:`PROSE_HK_RE`), A-share ones so (:data:`PROSE_A_RE`)
    and US codes given with the word for a code near a US market's name (:data:`PROSE_US_RE`): (start, end, code)."""
    if "股份代" in norm:
        for m in PROSE_HK_RE.finditer(norm):
            yield m.start(), m.end(), normalise(m.group("code"), "HK")
    if "代码" in norm:
        for m in PROSE_A_RE.finditer(norm):
            if (ticker := a_share_code(m.group("code"))) is not None:
                yield m.start(), m.end(), ticker
        for m in PROSE_US_RE.finditer(norm):
            if _US_MARKET_NEAR.search(norm, max(0, m.start() - 30), m.end() + 30):
                yield m.start(), m.end(), "US:" + (m.group("a") or m.group("b"))
