"""Stock tickers: recognise every convention seen in Chinese financial text and normalise them.

Normal form: ``MARKET:CODE`` with MARKET one of ``SH``, ``SZ``, ``BJ``, ``HK``, ``US``.

Conventions read (see shared spec):
- Eastmoney cashtag ``$快手-W(HK|01024)$``, ``$东旭蓝天(SZ000040)$``
- Xueqiu cashtag ``$阿里巴巴-SW(09988)$`` (bare five digits = Hong Kong), ``$奥比中光(SH688322)$``,
  ``$苹果(AAPL)$``
- Xueqiu follow text ``美团-W(HK:03690)``
- prose ``中国华融(02799.HK)``, ``海油发展（600968.SH）``, ``拼多多（PDD.US）``, ``600968SH``
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MARKETS = ("SH", "SZ", "BJ", "HK", "US")
_MARKET_ALIASES = {"SS": "SH", "SSE": "SH", "SZSE": "SZ", "HKEX": "HK", "HKG": "HK", "N": "US",
                   "O": "US", "OQ": "US", "NYSE": "US", "NASDAQ": "US", "NQ": "US"}


@dataclass(frozen=True)
class Ticker:
    """A normalised ticker and, when the text gave it, the name it was written with."""

    code: str  # "HK:01024"
    name: str = ""  # "快手-W" as written, may be empty


def market_for_a_share(code: str) -> str:
    """The exchange of a six-digit mainland code (``920xxx``: Beijing since 2024; ``900xxx``: SH B shares)."""
    if code.startswith(("4", "8", "92")):
        return "BJ"
    if code.startswith(("6", "9", "5")):
        return "SH"
    if code.startswith(("0", "2", "3", "1")):
        return "SZ"
    if code.startswith(("4", "8")):
        return "BJ"
    return "SH"


# normalise's patterns, compiled once (it runs per code in a text)
_MARKET_FIRST = re.compile(r"(SH|SZ|BJ|HK|US|SS)(?:[:|.]?([0-9]{4,6})|[:|.]([A-Z][A-Z.\-]{0,5}))", re.ASCII)
_MARKET_LAST = re.compile(r"(?:([0-9]{4,6})[.:]?|([A-Z][A-Z\-]{0,5})[.:])(SH|SZ|BJ|HK|US|SS|N|O|OQ)", re.ASCII)
_BARE_CODE = re.compile(r"[0-9]{4,6}|[A-Z][A-Z.\-]{0,5}", re.ASCII)
_SIX_DIGITS = re.compile(r"[0-9]{6}", re.ASCII)
_HK_DIGITS = re.compile(r"[0-9]{4,5}", re.ASCII)
_LETTERS = re.compile(r"[A-Z]{1,5}", re.ASCII)
_US_CODE = re.compile(r"[A-Z][A-Z.\-]{0,5}", re.ASCII)


def normalise(raw: str, market_hint: str | None = None) -> str | None:
    """Normalise one code as written (``HK|01024``, ``SZ000040``, ``02799.HK``, ``AAPL`` …).

    Returns ``MARKET:CODE`` or None when ``raw`` is not a ticker.
    """
    s = raw.strip().upper().replace("：", ":").replace("．", ".").replace("｜", "|")
    s = s.replace(" ", "")
    # a letter code needs a separator from its market: SHOP, NIO, AMZN, COIN are US tickers, not SH:OP, US:NI
    m = _MARKET_FIRST.fullmatch(s)
    if m:
        mk, digits, letters = m.groups()
        return _join(_MARKET_ALIASES.get(mk, mk), digits or letters)
    m = _MARKET_LAST.fullmatch(s)
    if m:
        digits, letters, mk = m.groups()
        return _join(_MARKET_ALIASES.get(mk, mk), digits or letters)
    if market_hint:
        return _join(market_hint, s) if _BARE_CODE.fullmatch(s) else None
    if _SIX_DIGITS.fullmatch(s):
        return _join(market_for_a_share(s), s)
    if _HK_DIGITS.fullmatch(s):
        return _join("HK", s)
    if _LETTERS.fullmatch(s):
        return _join("US", s)
    return None


def _join(market: str, code: str) -> str | None:
    if market not in MARKETS:
        return None
    if market == "HK":
        if not code.isdigit() or len(code) > 5:
            return None
        code = code.zfill(5)
    elif market in ("SH", "SZ", "BJ"):
        if not (code.isdigit() and len(code) == 6):
            return None
    elif market == "US" and not _US_CODE.fullmatch(code):
        return None
    return f"{market}:{code}"


# $名称(代码)$ — name may contain letters, '-', '*', spaces; code inside ASCII or full-width brackets.
CASHTAG_RE = re.compile(r"\$\s*([^$()（）\n]{1,30}?)\s*[(（]([^()（）$\n]{1,16})[)）]\s*\$")
# 名称(HK:03690) / 名称（600968.SH） / 名称(PDD.US) in running prose — the code must carry a market.
# Letter codes need an explicit separator (``PDD.US``, ``US:PDD``) so that ``(CEO)``, ``(IPO)``,
# ``(USD)`` and ``(USA)`` are not read as tickers.
_PROSE_ONE = (
    r"(?:(?:SH|SZ|BJ|SS)\s*[:：|.．]?\s*[0-9]{6}"
    r"|HK\s*[:：|.．]?\s*[0-9]{4,5}"
    r"|US\s*[:：|]\s*[A-Z]{1,5}"
    r"|[0-9]{6}\s*[.．]?\s*(?:SH|SZ|BJ|SS)"
    r"|[0-9]{4,5}\s*[.．]?\s*HK"
    r"|[A-Z]{1,5}\s*[.．]\s*(?:US|N|O|OQ))"
)
PROSE_RE = re.compile(
    r"[(（]\s*(" + _PROSE_ONE + r")((?:\s*[，,、;；]\s*" + _PROSE_ONE + r")*)\s*[)）]"
)


def parse_cashtag_code(code: str) -> str | None:
    """The code part of a cashtag: ``HK|01024``, ``SZ000040``, ``09988``, ``AAPL``."""
    return normalise(code)


def find_cashtags(text: str) -> list[tuple[int, int, Ticker]]:
    """Every ``$name(code)$`` in text: (start, end, Ticker)."""
    out = []
    for m in CASHTAG_RE.finditer(text):
        code = parse_cashtag_code(m.group(2))
        if code:
            out.append((m.start(), m.end(), Ticker(code, m.group(1).strip())))
    return out


def find_prose_codes(text: str) -> list[tuple[int, int, list[str]]]:
    """Every bracketed code with a market in prose: (start, end, [codes]); the name precedes start."""
    out = []
    for m in PROSE_RE.finditer(text):
        parts = [m.group(1)] + [p for p in re.split(r"[，,、;；]", m.group(2) or "") if p.strip()]
        codes = [c for c in (normalise(p) for p in parts) if c]
        if codes:
            out.append((m.start(), m.end(), codes))
    return out
