"""What a typed name or code stands for: stock codes in every written form, English names and
pinyin initials → companies of the dictionary. One place for the keyword filter, ``--company`` and
the reader's pickers.

* :func:`resolve_company` — ``300750``, ``SZ300750``, ``SZ:300750``, ``300750.SZ``, ``00700.HK``,
  ``AAPL``, ``Tesla``, ``ndsd``, ``阿里`` → the canonical name the extractor reports (None: unknown or
  ambiguous; :func:`company_candidates` lists the choices).
* :func:`expand_term` — one keyword term → :class:`Term`: the term as typed plus, when it is a code,
  an English name or pinyin initials of a company, that company's names (looked for in the text) and
  tickers (matched against the article's tickers). A Chinese term is never expanded: the keyword
  filter keeps its substring semantics.
* :func:`nearest` — the names closest to a mistyped one (for "no such category" messages).

Codes, for the keyword filter: a code with its market in any order and separator (``SZ300750``,
``sz:300750``, ``300750.SZ``, ``HK:00700``, ``00700.HK``, ``US:AAPL``, ``AAPL.O``); six bare digits
(an A-share code); five bare digits beginning with 0 (a Hong Kong code: ``00700``, ``09988``; four
digits are a year more often than a code); a Latin word the dictionary lists as a US ticker
(``AAPL``, ``tsla``; two letters or more). ``--company`` also takes four or five bare digits as a
Hong Kong code. Pinyin initials are three letters or more (``ndsd``, ``byd``, ``zgpa``) of a name
written in Chinese characters only.

No Textual, no index; the dictionary and pypinyin are loaded on first need only (a Chinese term
never loads them).
"""
from __future__ import annotations

import difflib
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_HAN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_LETTERS = re.compile(r"[a-z]+", re.ASCII)
_LATIN = re.compile(r"[a-z]", re.ASCII)
MIN_INITIALS = 3


def normalise(text: str) -> str:
    """The form terms and texts are compared in (as :func:`kfin_tui.index.search.normalise`)."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Term:
    """One keyword term: ``text`` as typed (normalised) and what else counts as a match for it.

    An article matches the term when one of :attr:`alternatives` occurs in its text or one of
    ``codes`` is among its tickers."""

    text: str
    names: tuple[str, ...] = ()  # normalised names and aliases of the companies the term stands for
    codes: tuple[str, ...] = ()  # MARKET:CODE tickers
    companies: tuple[str, ...] = ()  # canonical names (for a caller that wants to say what was understood)

    @property
    def plain(self) -> bool:
        """A plain substring term (nothing added)."""
        return not self.names and not self.codes

    @property
    def alternatives(self) -> tuple[str, ...]:
        return (self.text, *(n for n in self.names if n != self.text))


@dataclass(frozen=True)
class Company:
    """A dictionary entry as the look-ups need it."""

    name: str
    forms: tuple[str, ...]  # name and aliases, as written
    tickers: tuple[str, ...]


class _Tables:
    """Look-up tables over the dictionary: English names, pinyin initials, tickers. Built once
    (~2 s: the dictionary and pypinyin) and kept in the user cache folder (a small JSON file, keyed
    by the dictionary's content and pypinyin's version), so that a later run reads them in ~20 ms."""

    def __init__(self, companies: list[Company], latin: dict[str, list[int]], initials: dict[str, list[int]]) -> None:
        self.companies = companies
        self.latin = latin
        self.initials = initials
        self.tickers: dict[str, Company] = {}
        for c in companies:
            for t in c.tickers:
                self.tickers.setdefault(t, c)

    def of(self, found: list[int] | None) -> list[Company]:
        return [self.companies[i] for i in found or ()]

    @classmethod
    def build(cls) -> _Tables:
        from pypinyin import Style, lazy_pinyin

        from .extract.dictionary import get_dictionary

        companies: list[Company] = []
        latin: dict[str, list[int]] = {}
        inits: dict[str, list[int]] = {}
        for e in get_dictionary().entries:
            if e.kind == "block":
                continue
            k = len(companies)
            forms = tuple(dict.fromkeys((e.name, *e.aliases)))
            companies.append(Company(e.name, forms, tuple(e.tickers)))
            for f in forms:
                key = normalise(f)
                if _LATIN.search(key):
                    latin.setdefault(key, []).append(k)
                elif len(f) >= MIN_INITIALS and _HAN_NAME.fullmatch(f):
                    ini = "".join(lazy_pinyin(f, style=Style.FIRST_LETTER)).lower()
                    bucket = inits.setdefault(ini, [])
                    if k not in bucket:
                        bucket.append(k)
        by_name = {c.name: k for k, c in enumerate(companies)}
        for name, english in ENGLISH_NAMES.items():
            k2 = by_name.get(name)
            if k2 is None:
                continue
            for form in english:
                bucket = latin.setdefault(normalise(form), [])
                if k2 not in bucket:
                    bucket.append(k2)
        return cls(companies, latin, inits)

    def to_json(self) -> dict:
        return {"companies": [[c.name, list(c.forms), list(c.tickers)] for c in self.companies],
                "latin": self.latin, "initials": self.initials}

    @classmethod
    def from_json(cls, data: dict) -> _Tables:
        return cls([Company(n, tuple(f), tuple(t)) for n, f, t in data["companies"]], data["latin"], data["initials"])


TABLES_FORMAT = 2  # 2: ENGLISH_NAMES


# English names and abbreviations of big listed companies that the dictionary's alias list lacks
# (it has Tesla, Apple, Nvidia …): how English-language news and traders write them. Canonical
# names as the dictionary writes them; an entry whose name the dictionary does not have is skipped.
# Keys are matched whole, after NFKC and case folding (``catl``, ``Ping An``); a keyword term is one
# word, so the one-word forms (``pingan``) are there for the keyword filter.
ENGLISH_NAMES: dict[str, tuple[str, ...]] = {
    "宁德时代": ("CATL", "Contemporary Amperex", "Contemporary Amperex Technology"),
    "腾讯": ("Tencent", "Tencent Holdings"),
    "阿里巴巴": ("Alibaba", "Alibaba Group"),
    "小米": ("Xiaomi",),
    "贵州茅台": ("Moutai", "Kweichow Moutai"),
    "美团": ("Meituan",),
    "百度": ("Baidu",),
    "网易": ("NetEase",),
    "京东": ("JD.com", "JD com"),
    "拼多多": ("Pinduoduo", "PDD Holdings", "Temu"),
    "快手": ("Kuaishou",),
    "比亚迪": ("BYD Company",),
    "蔚来": ("NIO Inc",),
    "理想汽车": ("Li Auto",),
    "小鹏汽车": ("XPeng", "Xpeng Motors"),
    "中国石油": ("PetroChina",),
    "中国石化": ("Sinopec",),
    "中国海油": ("CNOOC",),
    "工商银行": ("ICBC",),
    "建设银行": ("CCB", "China Construction Bank"),
    "农业银行": ("Agricultural Bank of China", "AgBank"),
    "中国银行": ("Bank of China",),
    "招商银行": ("China Merchants Bank", "CMB"),
    "交通银行": ("Bank of Communications",),
    "中国平安": ("Ping An", "PingAn", "Ping An Insurance"),
    "中国人寿": ("China Life",),
    "中国移动": ("China Mobile", "ChinaMobile"),
    "中国联通": ("China Unicom",),
    "中国电信": ("China Telecom",),
    "中芯国际": ("SMIC",),
    "中信证券": ("CITIC Securities",),
    "紫金矿业": ("Zijin Mining", "Zijin"),
    "长江电力": ("China Yangtze Power",),
    "中国神华": ("China Shenhua", "Shenhua"),
    "海康威视": ("Hikvision",),
    "美的集团": ("Midea", "Midea Group"),
    "格力电器": ("Gree", "Gree Electric"),
    "海尔智家": ("Haier", "Haier Smart Home"),
    "迈瑞医疗": ("Mindray",),
    "药明康德": ("WuXi AppTec", "WuXiAppTec"),
    "恒瑞医药": ("Hengrui", "Jiangsu Hengrui"),
    "隆基绿能": ("LONGi", "LONGi Green Energy"),
    "五粮液": ("Wuliangye",),
    "联想集团": ("Lenovo",),
    "友邦保险": ("AIA", "AIA Group"),
    "华为": ("Huawei",),
    "中国中免": ("China Tourism Group Duty Free", "CTG Duty Free"),
    "万科": ("Vanke", "China Vanke"),
    "泡泡玛特": ("Pop Mart", "PopMart"),
    "农夫山泉": ("Nongfu Spring", "Nongfu"),
    "李宁": ("Li Ning", "LiNing"),
    "安踏体育": ("Anta", "Anta Sports"),
    "东方财富": ("East Money", "Eastmoney"),
    "京东方": ("BOE", "BOE Technology"),
    "立讯精密": ("Luxshare",),
    "寒武纪": ("Cambricon",),
    "蚂蚁集团": ("Ant Group",),
    "台积电": ("TSMC",),
    "三星电子": ("Samsung", "Samsung Electronics"),
    "丰田汽车": ("Toyota",),
    "索尼": ("Sony",),
    "博通": ("Broadcom",),
}


def _tables_key() -> str:
    import hashlib
    from importlib import metadata
    from pathlib import Path

    # read beside this module: importing kfin_tui.extract would import jieba (~0.2 s)
    tsv = (Path(__file__).resolve().parent / "extract" / "data" / "companies.tsv").read_bytes()
    try:
        pinyin = metadata.version("pypinyin")
    except metadata.PackageNotFoundError:
        pinyin = "?"
    return hashlib.sha1(tsv + f"|{pinyin}|{TABLES_FORMAT}".encode()).hexdigest()[:16]


def _load_tables() -> _Tables:
    import json
    import os

    from .paths import cache_dir

    key = _tables_key()
    path = cache_dir() / f"names-{key}.json"
    try:
        return _Tables.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    tables = _Tables.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(tables.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache: built again next time
    return tables


_LOCK = threading.Lock()
_TABLES: _Tables | None = None


def _names() -> _Tables | None:
    global _TABLES
    if _TABLES is None:
        with _LOCK:
            if _TABLES is None:
                try:
                    _TABLES = _load_tables()
                except Exception:  # noqa: BLE001 - no dictionary or no pypinyin: terms stay as typed
                    return None
    return _TABLES


def initials(name: str) -> str:
    """Pinyin initials of a name (``宁德时代`` → ``ndsd``); other characters are kept, lower-cased."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()


# English words that are also US tickers of the dictionary: as a keyword, the word (``--company``
# and the pickers, where a code is expected, still take them as codes)
COMMON_LATIN_WORDS = frozenset({"on", "now", "net", "app", "all", "low", "as", "pm", "am", "hd", "se", "it", "is", "or",
                                "and", "go", "so", "up", "be", "do", "we", "us", "tv", "ai", "car", "key", "big", "fun",
                                "cool", "love", "life", "real", "well", "good", "next", "open", "one", "two", "new"})


def parse_code(text: str, *, lenient: bool = False) -> str | None:
    """``MARKET:CODE`` when ``text`` is written as a stock code (see the module's rules), else None.
    ``lenient``: four or five bare digits are a Hong Kong code, any Latin word of 1–5 letters a US
    one (for ``--company``, where a code is expected)."""
    from .tickers import market_for_a_share
    from .tickers import normalise as normalise_code

    s = unicodedata.normalize("NFKC", text).strip()
    if not s or len(s) > 16:
        return None
    if _DIGITS.fullmatch(s):
        if len(s) == 6:
            return f"{market_for_a_share(s)}:{s}"
        if (len(s) == 5 and (s[0] == "0" or lenient)) or (len(s) == 4 and lenient):
            return f"HK:{s.zfill(5)}"
        return None
    if _LETTERS.fullmatch(s.lower()):
        if len(s) > 5:
            return None
        code = f"US:{s.upper()}"
        if lenient:
            return code
        if s.lower() in COMMON_LATIN_WORDS:
            return None  # app, now, on: a word typed as a keyword, not ServiceNow's or onsemi's ticker
        names = _names()
        return code if names is not None and len(s) >= 2 and code in names.tickers else None
    if not re.search(r"[0-9]", s) and not re.search(r"[:：|.．]", s):
        return None  # SHOP, NIO: letters only are handled above; a market needs a separator there
    return normalise_code(s)


def _forms(entries: Iterable[Company]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for e in entries:
        for f in e.forms:
            n = normalise(f)
            if len(n) >= 2:
                seen.setdefault(n, None)
    return tuple(seen)


def _codes(entries: Iterable[Company], extra: str | None = None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    if extra:
        seen[extra] = None
    for e in entries:
        for t in e.tickers:
            seen.setdefault(t, None)
    return tuple(seen)


def _term(text: str, entries: list[Company], code: str | None = None, bare: str = "") -> Term:
    names = _forms(entries)
    if bare and bare != text:
        names = (bare, *names)
    return Term(text, names, _codes(entries, code), tuple(dict.fromkeys(e.name for e in entries)))


def expand_term(term: str) -> Term:
    """One keyword term and what it stands for (see :class:`Term`). Chinese terms and Latin words
    that name nothing come back plain."""
    text = normalise(term.strip())
    if not text or not text.isascii():
        return Term(text)
    code = parse_code(term)
    names = _names() if (code or _LATIN.search(text)) else None
    if code:
        entry = names.tickers.get(code) if names is not None else None
        bare = code.split(":", 1)[1].casefold()  # 300750, 00700, aapl: as prose writes them
        return _term(text, [entry] if entry is not None else [], code, bare)
    if names is None:
        return Term(text)
    latin = names.latin.get(text)
    if latin:
        return _term(text, names.of(latin))
    if _LETTERS.fullmatch(text) and len(text) >= MIN_INITIALS:
        found = names.initials.get(text)
        if found:
            return _term(text, names.of(found))
    return Term(text)


def expand_terms(query: str | None) -> list[Term]:
    """The keyword's terms, each expanded (:func:`expand_term`); empty: no keyword filter."""
    if not query:
        return []
    return [expand_term(t) for t in normalise(query).split() if t]


def company_candidates(text: str) -> list[str]:
    """Canonical names ``text`` may stand for, best first: a name or alias (``阿里``), a code in any
    form, an English name (``tesla``), pinyin initials (``zgyh`` → 中国银行, 中国银河)."""
    s = text.strip()
    if not s:
        return []
    try:
        from .extract.dictionary import get_dictionary

        e = get_dictionary().lookup(s)
    except Exception:  # noqa: BLE001 - no dictionary: nothing is known
        return []
    if e is not None and e.kind != "block":
        return [e.name]
    names = _names()
    if names is None:
        return []
    code = parse_code(s, lenient=True)
    if code:
        c = names.tickers.get(code)
        if c is not None:
            return [c.name]
    key = normalise(s)
    found = names.latin.get(key)
    if not found and _LETTERS.fullmatch(key) and len(key) >= MIN_INITIALS:
        found = names.initials.get(key)
    return list(dict.fromkeys(c.name for c in names.of(found)))


def resolve_company(text: str) -> str | None:
    """The canonical company ``text`` stands for (see :func:`company_candidates`); None when it is
    unknown or ambiguous."""
    found = company_candidates(text)
    return found[0] if len(found) == 1 else None


def nearest(text: str, names: Iterable[str], n: int = 3) -> list[str]:
    """The ``n`` names most like ``text`` (difflib, case- and width-insensitive), best first."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(normalise(name), name)
    keys = difflib.get_close_matches(normalise(text), list(by_key), n=n, cutoff=0.5)
    if len(keys) < n:
        key = normalise(text)
        keys += [k for k in by_key if key and (key in k or k in key) and k not in keys][:n - len(keys)]
    return [by_key[k] for k in keys]
