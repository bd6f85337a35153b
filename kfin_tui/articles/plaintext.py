"""Plain-text articles (Eastmoney style): a ``来源:X`` line, cashtag lines, trailing boilerplate."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tickers import CASHTAG_RE, Ticker, find_cashtags
from .model import PARAGRAPH, Block

_SOURCE = re.compile(r"^\s*(?:来源|来源于|文章来源|Source)\s*[:：]\s*(\S.{0,40}?)\s*$")
_CASHTAG_LINE = re.compile(r"^\s*(?:" + CASHTAG_RE.pattern + r"\s*)+$")
_BOILERPLATE = ("追加内容", "本文作者可以追加内容哦", "（文章来源", "(文章来源", "免责声明：", "责任编辑：")
_HEADLINE = re.compile(r"^\s*【([^【】\n]{2,80})】")


@dataclass
class PlainText:
    paragraphs: list[str] = field(default_factory=list)
    source: str = ""
    tickers: list[Ticker] = field(default_factory=list)
    headline: str = ""


def parse_plain(text: str) -> PlainText:
    out = PlainText()
    lines = [ln.strip(" \t\u3000\u00a0\ufeff") for ln in text.split("\n")]
    # trailing boilerplate: drop from the first boilerplate line that only has boilerplate/cashtags after it
    while lines and (not lines[-1] or lines[-1].startswith(_BOILERPLATE)):
        lines.pop()
    for line in lines:
        if not line:
            continue
        m = _SOURCE.match(line)
        if m and not out.source:
            out.source = m.group(1)
            continue
        if _CASHTAG_LINE.match(line):
            out.tickers.extend(t for _, _, t in find_cashtags(line) if t not in out.tickers)
            continue
        if line.startswith(_BOILERPLATE[:2]):
            continue
        out.paragraphs.append(line)
    if out.paragraphs:
        m = _HEADLINE.match(out.paragraphs[0])
        if m:
            out.headline = m.group(1).strip()
            rest = out.paragraphs[0][m.end():].strip()
            # 【深度】息差跌破… : a short column tag, not the headline — the rest of the line is
            if len(out.headline) <= 4 and rest and len(rest) <= 60 and rest[-1] not in "。！？":
                out.headline = rest
    return out


def plain_blocks(paragraphs: list[str]) -> tuple[Block, ...]:
    return tuple(Block(PARAGRAPH, p) for p in paragraphs)


_CLAUSE_END = "。！？!?；;"
_CLAUSE = "，,、：:"
_HASHY = re.compile(r"^[\W_]*(?:[0-9a-fA-F]{6,}|\d+)(?:[\W_]+(?:[0-9a-fA-F]{6,}|\d+))*[\W_]*$")


def name_is_words(stem: str) -> bool:
    """A file name a person wrote (``快手半年报解读``), not an id (``003_ee5b7100cdc437a6``)."""
    if _HASHY.match(stem):
        return False
    letters = sum(1 for ch in stem if ch.isalpha())
    return letters >= 2 and not re.fullmatch(r"[\w-]*\d{4,}[\w-]*", stem, re.ASCII)


def lead_title(text: str, limit: int = 40) -> str:
    """The lead sentence, cut at a clause boundary, at most ``limit`` characters.

    A short opening clause that only sets the time (``近日，``, ``据悉，``) is skipped.
    """
    text = text.strip()
    end = next((i for i, ch in enumerate(text) if ch in _CLAUSE_END), len(text))
    sentence = text[:end].strip()
    if len(sentence) <= limit:
        return sentence or text[:limit]
    clauses = re.split(r"(?<=[，,、：:])", sentence)
    while len(clauses) > 1 and len(clauses[0]) <= 5:
        clauses.pop(0)
    title = ""
    for clause in clauses:
        if len(title) + len(clause) > limit + 1:
            break
        title += clause
    title = title.rstrip("，,、：:")
    if len(title) >= 8:
        return title
    return "".join(clauses)[: limit - 1] + "…"
