"""A company dossier: one company across the archive (``kfin-tui company NAME``, the reader's ``d``).

Canonical name, aliases and tickers (the company dictionary), the number of articles naming it, a
timeline of mentions (articles per week, :func:`sparkline`), and every article naming it, newest
first, each with the figures stated in the sentences that name the company and the companies
mentioned with it.

Fast by construction: the header and the article list come from the index's cached extractions
(the company → articles table), no article is read; an entry's figures need its text and are
computed when asked for (:meth:`Dossier.entries`), so a screen asks for the rows it shows. In two
steps for a screen: :func:`dossier_head` (the count and the first rows: what the first paint
needs, bounded work) then :func:`complete_dossier` (every row in order, the timeline);
:func:`build_dossier` does both.

It tells the truth: while the archive is still being extracted, :attr:`Dossier.partial` is True and
:attr:`Dossier.extracted` / :attr:`Dossier.total` say how far it got — a company whose articles are
not extracted yet is "partial", never "no articles".
"""
from __future__ import annotations

import bisect
import heapq
import re
import threading
import weakref
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .state import archive
from .state.watchlist import CompanyInfo, resolve

SPARK = "▁▂▃▄▅▆▇█"
SENTENCE_END = re.compile(r"[。！？；\n]")


def sparkline(values: list[int], width: int | None = None) -> str:
    """One character per value (``width``: values summed into that many buckets first): a space
    for 0, else ``▁``…``█`` scaled to the largest (any non-zero value shows at least ``▁``)."""
    if width is not None and width > 0 and len(values) > width:
        buckets = [0] * width
        for i, v in enumerate(values):
            buckets[i * width // len(values)] += v
        values = buckets
    top = max(values, default=0)
    if top <= 0:
        return " " * len(values)
    out = []
    for v in values:
        if v <= 0:
            out.append(" ")
        else:
            out.append(SPARK[min(len(SPARK) - 1, max(0, -(-v * len(SPARK) // top) - 1))])
    return "".join(out)


def week_of(d: datetime | date) -> date:
    """The Monday of ``d``'s week."""
    day = d.date() if isinstance(d, datetime) else d
    return day - timedelta(days=day.weekday())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as (start, end) offsets; a sentence ends after 。！？； or a newline."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class FigureHit:
    text: str
    kind: str
    context: str = ""
    value: float | None = None
    unit: str = ""
    sentence: str = ""

    @property
    def label(self) -> str:
        """``营业收入 2590.45亿元``: the context, then the figure as written."""
        return f"{self.context} {self.text}" if self.context else self.text

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "context": self.context, "value": self.value,
                "unit": self.unit, "sentence": self.sentence}


def figures_naming(article: Any, extraction: Any, names: set[str]) -> list[FigureHit]:
    """Figures of ``extraction`` that lie in a sentence of the article naming the company: a
    sentence holding one of its mentions (the extraction's, for a company named in ``names``), or
    the title when it names the company."""
    text: str = article.body_text
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    naming: set[int] = set()
    for company in getattr(extraction, "companies", ()):
        if company.name not in names:
            continue
        for m in company.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.end <= spans[i][1]:
                naming.add(i)
    title = getattr(article, "title", "") or ""
    title_names = any(n and n in title for n in names)
    hits = []
    for f in getattr(extraction, "figures", ()):
        if getattr(f, "in_title", False):
            if not title_names:
                continue
            sentence = title
        else:
            i = bisect.bisect_right(starts, f.start) - 1
            if i < 0 or i not in naming or f.end > spans[i][1]:
                continue
            sentence = text[spans[i][0]:spans[i][1]].strip()
        hits.append(FigureHit(f.text, f.kind, f.context, f.value, f.unit, sentence))
    return hits


@dataclass
class DossierEntry:
    row_id: int
    path: str
    title: str
    date: datetime | None
    source: str
    figures: list[FigureHit] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)  # mentioned with it, most mentioned first
    format: str = ""  # the row's (a plain-text post's date may be its file's time: shown ≈)

    def date_text(self, missing: str = "—") -> str:
        """The day in Beijing time, ``≈`` before a date that is only the file's time."""
        from .articles.filetime import date_is_file_time
        from .dates import format_date

        if self.date is None:
            return missing
        approx = self.format == "text" and date_is_file_time(self.path, self.format, self.date)
        return ("≈" if approx else "") + format_date(self.date, missing, with_time=False)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "title": self.title, "date": self.date.isoformat() if self.date else None,
                "source": self.source, "figures": [f.to_json() for f in self.figures],
                "companies": list(self.companies)}


@dataclass
class Dossier:
    info: CompanyInfo
    row_ids: list[int]  # newest first (a head: the first ones only)
    extracted: int
    total: int
    weeks: list[tuple[date, int]]  # every week from the first to the last mention (zeros too)
    undated: int
    library: Any = field(repr=False, default=None)
    rows: list[Any] = field(default_factory=list, repr=False)  # the rows of row_ids (id, title, date …)
    complete: bool = True  # False: a head (:func:`dossier_head`): the first rows, no timeline yet
    size: int | None = None  # articles naming it, when row_ids holds the first ones only
    _places: list[int] = field(default_factory=list, repr=False)  # a head's rows: places in _listed
    _listed: list[int] = field(default_factory=list, repr=False)  # the library's ids in list order
    _details: dict[int, DossierEntry] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def count(self) -> int:
        return self.size if self.size is not None else len(self.row_ids)

    @property
    def partial(self) -> bool:
        """True while some articles are not extracted yet: more may name the company."""
        return self.extracted < self.total

    @property
    def status(self) -> str:
        """``提取中 n/N`` while partial, else ""."""
        return f"提取中 {self.extracted}/{self.total}" if self.partial else ""

    def sparkline(self, width: int | None = None) -> str:
        return sparkline([n for _, n in self.weeks], width)

    def entry(self, row_id: int) -> DossierEntry:
        """One article's entry with its figures and co-mentioned companies (computed once)."""
        with self._lock:
            done = self._details.get(row_id)
        if done is not None:
            return done
        lib = self.library
        r = archive.row(lib, row_id)
        e = DossierEntry(row_id, r.path if r else "", r.title if r else "", r.date if r else None,
                         r.source if r else "", format=r.format if r else "")
        names = {self.info.name, *self.info.aliases}
        ex = archive.extraction(lib, row_id)
        if ex is not None:
            # as the index lists them (media outlets are sources, not companies), most named first
            others = [c for c in getattr(ex, "companies", ())
                      if c.name and c.name not in names and getattr(c, "kind", "company") != "media"]
            others.sort(key=lambda c: (-len(c.mentions), c.name))
            e.companies = list(dict.fromkeys(c.name for c in others))
            art = archive.article(lib, row_id)
            if art is not None:
                e.figures = figures_naming(art, ex, names)
        else:
            e.companies = [c for c in archive.companies_for(lib, row_id) if c not in names]
        with self._lock:
            self._details[row_id] = e
        return e

    def entries(self, start: int = 0, stop: int | None = None) -> list[DossierEntry]:
        """Entries ``start:stop`` of the list (newest first), with their figures."""
        return [self.entry(i) for i in self.row_ids[start:stop]]

    def to_json(self, limit: int | None = None) -> dict[str, Any]:
        return {"name": self.info.name, "aliases": list(self.info.aliases), "tickers": list(self.info.tickers),
                "kind": self.info.kind, "known": self.info.known, "count": self.count, "partial": self.partial,
                "extracted": self.extracted, "total": self.total,
                "timeline": [{"week": w.isoformat(), "count": n} for w, n in self.weeks],
                "undated": self.undated, "sparkline": self.sparkline(),
                "articles": [e.to_json() for e in self.entries(0, limit)]}


_POSITIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _positions(library: Any) -> tuple[list[int], dict[int, int]]:
    """The library's row ids in list order (newest first) and id → place in it, kept while the list
    is the same object of the same length: a company's rows are ordered by sorting their places,
    plain ints (~20× cheaper than by their dates, and no object for the garbage collector)."""
    rows = library.rows
    stamp = (id(rows), len(rows))
    try:
        kept = _POSITIONS.get(library)
    except TypeError:  # not weak-referenceable
        kept = None
    if kept is not None and kept[0] == stamp:
        return kept[1], kept[2]
    listed = [r.id for r in list(rows)]
    pos = {rid: i for i, rid in enumerate(listed)}
    try:
        _POSITIONS[library] = (stamp, listed, pos)
    except TypeError:
        pass
    return listed, pos


def _rows_at(library: Any, listed: list[int], places: list[int]) -> list[Any]:
    """The library's rows at ``places`` (sorted) of its list: as it holds them now."""
    out = []
    get = library.row
    for p in places:
        try:
            out.append(get(listed[p]))
        except KeyError:  # gone meanwhile
            pass
    return out


def rows_newest_first(library: Any, ids: set[int]) -> list[Any]:
    """The rows of ``ids`` in the library's list order (newest first)."""
    listed, pos = _positions(library)
    return _rows_at(library, listed, sorted(p for p in map(pos.get, ids) if p is not None))


def dossier_head(library: Any, name: str, info: CompanyInfo | None = None,
                 progress: tuple[int, int] | None = None, first: int = 0) -> Dossier:
    """What a screen shows first: the company, its number of articles and its ``first`` newest
    articles, with no timeline yet (``complete`` False; :func:`complete_dossier` adds the rest).
    Bounded work whatever the company's size: the index's company table, one int per article
    looked up and the ``first`` smallest kept, no article read, no row sorted."""
    info = info or resolve(name)
    ids = archive.ids_with_company(library, info.name)
    listed, pos = _positions(library)
    places = [p for p in map(pos.get, ids) if p is not None]
    head = heapq.nsmallest(first, places) if first > 0 else []
    rows = _rows_at(library, listed, head)
    extracted, total = progress if progress is not None else archive.extraction_progress(library)
    return Dossier(info, [r.id for r in rows], extracted, total, [], 0, library, rows, complete=False,
                   size=len(places), _places=places, _listed=listed)


def complete_dossier(head: Dossier) -> Dossier:
    """The whole dossier from its head: every article, newest first, and the timeline (articles per
    week). Shares the head's computed entries."""
    if head.complete:
        return head
    library = head.library
    rows = _rows_at(library, head._listed, sorted(head._places))
    per_day: Counter = Counter(r.date.date() for r in rows if r.date is not None)
    per_week: Counter = Counter()
    for day, n in per_day.items():
        per_week[week_of(day)] += n
    undated = len(rows) - sum(per_day.values())
    weeks: list[tuple[date, int]] = []
    if per_week:
        first, last = min(per_week), max(per_week)
        w = first
        while w <= last:
            weeks.append((w, per_week.get(w, 0)))
            w += timedelta(days=7)
    return Dossier(head.info, [r.id for r in rows], head.extracted, head.total, weeks, undated, library, rows,
                   _details=head._details, _lock=head._lock)


def build_dossier(library: Any, name: str, info: CompanyInfo | None = None,
                  progress: tuple[int, int] | None = None) -> Dossier:
    """The dossier of the company ``name`` (a name, alias or ticker) in ``library`` (loaded). Reads
    no article: entries' figures come with :meth:`Dossier.entries`. ``progress``: (extracted,
    total) when the caller knows it (the reader's extraction worker reports it); else asked."""
    return complete_dossier(dossier_head(library, name, info, progress))


def names_ready() -> bool:
    """Whether a company name resolves at once: the company dictionary is loaded (its first load
    takes ~0.3 s, for a worker, not for a screen's first paint)."""
    from .extract.dictionary import dictionary_loaded

    return dictionary_loaded()


def load_names() -> None:
    """Load the company dictionary now (for a worker: the next :func:`dossier_head` can be had at
    once); without one, names are taken as typed (:func:`~kfin_tui.state.watchlist.resolve`)."""
    resolve("")  # loads it (an empty name matches nothing)
