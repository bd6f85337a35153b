"""Figures and companies in an article's body text (UI-free; never imports textual).

    from kfin_tui.extract import extract, extract_article, warm_up
    ex = extract(text, tickers)      # Extraction(figures=[Figure…], companies=[Company…])
    ex.to_json()                     # {"numbers": [...], "companies": [...]}
    extract_companies(text, tickers) # the companies only, ~3-4x faster (no figures, no context)

Offsets index the text given; ``text[f.start:f.end] == f.text``.
``extract_companies(text, tickers) == extract(text, tickers).companies`` always: both run the same
company pass (Aho-Corasick over the whole text, jieba only in small windows around candidate names).
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .model import Company, Extraction, Figure, Mention
from .textnorm import nfkc_same_length

if TYPE_CHECKING:
    from ..tickers import Ticker

__all__ = ["EXTRACTOR_VERSION", "Company", "Extraction", "Figure", "Mention", "article_companies", "extract",
           "extract_article", "extract_companies", "warm_up"]

# bumped whenever results change for the same text: caches of Extraction.to_json() should key on it
from ..versions import EXTRACTOR_VERSION

CACHE_SIZE = 256
_cache: OrderedDict[tuple[str, str], Extraction] = OrderedDict()
_cache_lock = threading.Lock()


def warm_up(pause: Callable[[], object] | None = None) -> None:
    """Load the company dictionary and initialise jieba (call from a background thread).
    ``pause`` is called between the steps (~0.1–0.3 s of the interpreter each): a reader waits
    there while a keyword is typed."""
    from .companies import _place
    from .dictionary import get_dictionary
    from .segment import ensure_jieba

    steps = (get_dictionary, lambda: get_dictionary().automaton, ensure_jieba, lambda: _place("北京"),
             lambda: extract("快手2024年营收603.8亿元，同比增长14%。"))
    for step in steps:
        if pause is not None:
            pause()
        step()


def extract_companies(text: str, tickers: Sequence[Ticker] = ()) -> list[Company]:
    """The companies of ``text`` exactly as :func:`extract` gives them (same names, kinds, tickers,
    mentions, order), without the figures: for whole-archive passes (company filter, picker,
    watchlist). Thread-safe; call :func:`warm_up` first in each worker process to pay the start-up
    (dictionary, jieba) once."""
    from .companies import find_companies  # (jieba: imported on first use, not with the model)

    text = text or ""
    companies, _blocked = find_companies(text, nfkc_same_length(text), tickers)
    return companies


def article_companies(article) -> list[Company]:
    """:func:`extract_companies` of ``article.body_text`` and ``article.tickers``: the companies
    :func:`extract_article` gives for the same article (its title adds figures only)."""
    companies = extract_companies(article.body_text, list(article.tickers or ()))
    _add_title_companies(companies, article)
    return companies


def _add_title_companies(companies: list[Company], article) -> None:
    """The dictionary companies the title names and the body does not, added without mentions
    (shown as 相关); see :func:`~kfin_tui.extract.companies.title_for_companies`."""
    from .companies import title_for_companies
    from .dictionary import get_dictionary

    title = title_for_companies(article)
    if not title:
        return
    d = get_dictionary()
    known = {c.name for c in companies}
    for c in extract_companies(title):
        if c.name not in known and d.lookup(c.name) is not None:
            companies.append(dataclasses.replace(c, mentions=[], tagged=True))
            known.add(c.name)


def extract(text: str, tickers: Sequence[Ticker] = ()) -> Extraction:
    """Figures and companies of ``text``; ``tickers`` are cashtags the loader removed from it."""
    from .companies import find_companies  # (jieba: imported on first use, not with the model)
    from .figures import figures as find_figures

    text = text or ""
    norm = nfkc_same_length(text)
    companies, blocked = find_companies(text, norm, tickers)
    return Extraction(find_figures(text, norm, blocked), companies)


TITLE_NOISE_UNITS = frozenset({"秒", "分钟", "分", "小时"})
_NUMBER_AS_WRITTEN = re.compile(r"[0-9][0-9.,，]*|[零〇一二两三四五六七八九十百千万亿]+")


def _written_number(text: str) -> str:
    """The number of a figure's text as written (``超过4万亿次`` → ``4``, ``百亿美元`` → ``百亿``), its
    separators kept: ``2000亿元`` in a title and ``2,000 亿元`` in the body are two texts of the article."""
    m = _NUMBER_AS_WRITTEN.search(text)
    return m.group() if m else ""


def _add_title_figures(result: Extraction, title: str, body: str) -> None:
    """A front-matter title is part of the article but not of its body text: its figures count too.
    Titles the body repeats (电报 【headline】, plain-text headlines) add nothing."""
    if not title or title.rstrip("…. ") in body:
        return
    texts = {f.text for f in result.figures}
    values = [(f.kind, f.value, f.unit, _written_number(f.text)) for f in result.figures]

    def repeated(f) -> bool:
        # 超4万亿 in the title, 超过4万亿次 in the body: one figure. The same amount written otherwise
        # (10.9亿股 and 10.90亿股, 百亿美元 and 100亿美元) is a figure of the title as written; a
        # fraction in 成 is the body's percent in other words (三成, 30%).
        core = _written_number(f.text)
        if f.kind == "date":  # a date of the title is a text of its own: 前10月 beside the body's 2026年前10月
            return f.text in texts
        return f.text in texts or any(k == f.kind and v == f.value and (u == f.unit or not u or not f.unit)
                                      and (c == core or f.text.endswith("成")) for k, v, u, c in values)

    for f in extract(title).figures:
        if repeated(f):
            continue
        if f.kind == "count" and f.unit in TITLE_NOISE_UNITS:
            continue  # 120秒看懂…: a video's length, not a figure of the story
        result.figures.append(dataclasses.replace(f, in_title=True))
        texts.add(f.text)
        values.append((f.kind, f.value, f.unit, _written_number(f.text)))


def extract_article(article) -> Extraction:
    """:func:`extract` over ``article.body_text`` and ``article.tickers``, cached (LRU) on path and
    a hash of everything it reads: body, cashtags, title and format (an edit of the cashtag line
    alone must not return the old result)."""
    body = article.body_text
    seen = "\x00".join((body, repr(list(article.tickers or ())), getattr(article, "title", "") or "",
                        getattr(article, "format", "") or ""))
    key = (str(article.path), hashlib.blake2b(seen.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest())
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    result = extract(body, list(article.tickers or ()))
    if getattr(article, "format", "") in ("html", "markdown"):  # a plain-text title is its headline, file name or lead
        _add_title_figures(result, getattr(article, "title", "") or "", body)
    _add_title_companies(result.companies, article)
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return result
