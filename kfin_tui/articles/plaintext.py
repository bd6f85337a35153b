"""Plain-text articles (Eastmoney style): a ``来源:X`` line, cashtag lines, trailing boilerplate."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tickers import CASHTAG_RE, Ticker, find_cashtags
from .model import PARAGRAPH, Block

SOURCE_LINE = re.compile(r"^\s*[(（]?\s*(?:来源|来源于|文章来源|稿件来源|Source)\s*[:：]\s*(\S.{0,40}?)\s*[)）]?\s*$")
_SOURCE = SOURCE_LINE
_CASHTAG_LINE = re.compile(r"^\s*(?:" + CASHTAG_RE.pattern + r"\s*)+$")
_BOILERPLATE = ("追加内容", "本文作者可以追加内容哦", "（文章来源", "(文章来源", "免责声明：", "责任编辑：")
_HEADLINE = re.compile(r"^\s*【([^【】\n]{2,80})】")


@dataclass
class PlainText:
    paragraphs: list[str] = field(default_factory=list)
    source: str = ""
    tickers: list[Ticker] = field(default_factory=list)
    headline: str = ""


def parse_plain(text: str, tickers: bool = True) -> PlainText:
    """The parts of a plain-text post. ``tickers`` False: its cashtag lines are left out of the
    paragraphs as ever, but not read (the metadata pass lists rows without tickers)."""
    out = PlainText()
    lines = [ln.strip(" \t\u3000\u00a0\ufeff") for ln in text.split("\n")]
    # trailing boilerplate (追加内容, 本文作者可以追加内容哦 !, （文章来源：X）, 责任编辑：…) is dropped
    while lines and (not lines[-1] or lines[-1].startswith(_BOILERPLATE)):
        if not out.source and lines[-1]:
            out.source = source_of(lines[-1])
        lines.pop()
    # the 来源 line that names the source is the last one (earlier ones caption charts)
    source_at = -1
    if not out.source:
        for i in range(len(lines) - 1, -1, -1):
            if lines[i] and len(lines[i]) <= 50 and (found := source_of(lines[i])):
                out.source, source_at = found, i
                break
    for i, line in enumerate(lines):
        if not line or i == source_at:
            continue
        if _CASHTAG_LINE.match(line):
            if tickers:
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


def source_of(line: str) -> str:
    """``来源:X`` / ``来源：X`` / ``（文章来源：X）`` → ``X``; anything else → ""."""
    if "来源" not in line and "Source" not in line:
        return ""  # (what every alternative of SOURCE_LINE holds: most lines are done here)
    m = SOURCE_LINE.match(line)
    if not m:
        return ""
    source = m.group(1)
    tail = line.rstrip()[-1]
    opened = source.count("(") + source.count("（") - source.count(")") - source.count("）")
    if tail in ")）" and opened > 0:  # 来源：新浪财经（北京）: the bracket is the source's own
        source += tail
    return source


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


def fallback_title(stem: str, first: str) -> str:
    """The title of an untitled article: the file name ``stem`` when a person wrote it, else the
    lead sentence of ``first`` (the first paragraph, as the loader keeps it), ≤ 40 characters.
    One rule for the loader and :mod:`.quickmeta`; the result is a cleaned field."""
    from .fields import _clean

    if name_is_words(stem):
        return _clean(stem) or "(untitled)"
    first = first[:2000].split("\n", 1)[0]
    return _clean(lead_title(first)) or _clean(stem) or "(untitled)"


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
