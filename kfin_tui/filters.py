"""The article filters — one definition, used by the reader, ``kfin-tui list`` and its quick listing.

A :class:`Filters` value says what to keep; :meth:`kfin_tui.index.library.Library.select` answers it
(the keyword search and the company look-up need the index) and
:meth:`~kfin_tui.index.library.Library.category_counts` counts categories within the other filters.
The matching itself is here, in :func:`apply` and :func:`count_categories`, over rows and the id
sets the library found, so that a caller that searched in a worker thread (the reader) filters with
the same code.

Semantics:

* ``keyword``: space-separated terms that must all occur in the title, the body or the cashtag
  names; NFKC- and case-insensitive (:mod:`kfin_tui.index.search`). Blank: no keyword filter.
  A term that is a stock code in any written form (``300750``, ``SZ:300750``, ``00700.HK``,
  ``AAPL``), an English name (``Tesla``) or pinyin initials (``ndsd``) of a company also matches
  the articles whose tickers include its codes or whose text names it (:mod:`kfin_tui.query`).
* ``category``: a category name, or a path of them (``财联社/深度``, ``金融 / 财联社 / 深度``): a name
  matches any one of the article's categories, a path any consecutive run of them (its trailing
  part ``财联社/深度``, the whole path, or a leading part ``金融/财联社`` as a tree picker selects it).
  A category whose name itself holds a ``/`` still matches exactly.
* ``company``: the extraction names the company (canonical name, an alias ``阿里`` → 阿里巴巴, a code
  ``300750``, an English name, pinyin initials: :func:`kfin_tui.query.resolve_company`).
* ``ids``: an extra restriction to these row ids (None: none). Reading state (unread, starred,
  watchlist) plugs in here or as a ``where`` predicate: ``Filters(where=(is_unread,))``. Predicates
  must be hashable (functions are) and cheap: they run once per row.

No Textual here, and no index import at module level (``kfin-tui list`` imports this early).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .index.records import Row

RowPredicate = Callable[["Row"], bool]


@dataclass(frozen=True)
class Filters:
    """What the list shows. Immutable: change one with :func:`dataclasses.replace` or :meth:`without`."""

    keyword: str = ""
    category: str = ""
    company: str = ""
    ids: frozenset[int] | None = None
    where: tuple[RowPredicate, ...] = ()

    def without(self, name: str) -> Filters:
        """The same filters with ``name`` (a field: ``"keyword"``, ``"category"`` …) cleared."""
        if name not in _NAMES:
            raise ValueError(f"no filter named {name!r}")
        return replace(self, **{name: getattr(_NONE, name)})

    @property
    def terms(self) -> list[str]:
        """The keyword's normalised terms (empty: no keyword filter)."""
        from .index.search import terms

        return terms(self.keyword)

    @property
    def active(self) -> bool:
        """Whether anything is filtered out at all."""
        return bool(self.keyword.strip() or self.category or self.company.strip()
                    or self.ids is not None or self.where)

    @property
    def keyword_expands(self) -> bool:
        """Whether a keyword term stands for more than itself (a code, an English name, initials):
        the search then needs the rows' tickers (:func:`kfin_tui.query.expand_term`)."""
        query = self.terms
        if not any(t.isascii() for t in query):
            return False
        from .query import expand_term

        return any(not expand_term(t).plain for t in query)

    def category_ok(self, categories: Collection[str]) -> bool:
        return not self.category or category_matches(categories, self.category)


def category_parts(category: str) -> tuple[str, ...]:
    """A category as typed → its path parts: ``金融 / 财联社 / 深度`` → (金融, 财联社, 深度)."""
    return tuple(p for p in (part.strip() for part in _SLASHES.split(category)) if p)


_SLASHES = re.compile(r"[/／]")


def category_matches(categories: Collection[str], category: str) -> bool:
    """Whether an article's categories (its path) hold ``category``: the name itself, or the parts
    of a path as a consecutive run (see the module's doc)."""
    if category in categories:
        return True
    parts = category_parts(category)
    if not parts:
        return False
    if len(parts) == 1:
        return parts[0] in categories
    cats = tuple(categories)
    n = len(parts)
    return any(cats[i:i + n] == parts for i in range(len(cats) - n + 1))


_NONE = Filters()
_NAMES = frozenset(f.name for f in fields(Filters))


def _allowed(filters: Filters, keyword_ids: set[int] | None, company_ids: set[int] | None) -> set[int] | None:
    """The id restriction of the keyword, company and ``ids`` filters together (None: no restriction)."""
    allowed: set[int] | None = None
    for ids in (keyword_ids, company_ids, filters.ids):
        if ids is not None:
            allowed = set(ids) if allowed is None else allowed & ids
    return allowed


def apply(rows: Sequence[Row], filters: Filters, keyword_ids: set[int] | None,
          company_ids: set[int] | None) -> list[Row]:
    """The rows (kept in their order) that pass ``filters``. ``keyword_ids``/``company_ids``: what
    the library found for the keyword and the company (None: that filter is not set)."""
    allowed = _allowed(filters, keyword_ids, company_ids)
    cat = filters.category
    where = filters.where
    if allowed is None and not cat and not where:
        return list(rows)
    ok = filters.category_ok
    out = [r for r in rows if (allowed is None or r.id in allowed) and (not cat or ok(r.categories))]
    for pred in where:
        out = [r for r in out if pred(r)]
    return out


def count_categories(rows: Iterable[Row], filters: Filters, keyword_ids: set[int] | None,
                     company_ids: set[int] | None) -> dict[str, int]:
    """category → articles among the rows the *other* filters keep, most first (then by name); the
    filters' own category stays listed (0 when nothing else has it)."""
    kept = apply(list(rows), filters.without("category"), keyword_ids, company_ids)
    counts = Counter(c for r in kept for c in r.categories)
    if filters.category and filters.category not in counts:
        counts[filters.category] = 0
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def count_category_paths(rows: Iterable[Row]) -> list[tuple[tuple[str, ...], int]]:
    """The category tree of ``rows``: each category path and each of its leading parts with the
    number of rows under it (``(金融,)`` counts every row whose path starts with 金融; ``(科技, 36氪,
    快讯)`` and ``(金融, 金色财经, 快讯)`` are two nodes, never one 快讯), in tree order — a node
    before its children, siblings most rows first, then by name. A path joined with ``/`` is a
    ``category`` filter that keeps these rows (:func:`category_matches`: a leading run)."""
    whole = Counter(tuple(r.categories) for r in rows)  # few distinct paths: their prefixes after
    counts: Counter[tuple[str, ...]] = Counter()
    for cats, n in whole.items():
        for i in range(1, len(cats) + 1):
            counts[cats[:i]] += n
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for path in counts:
        children.setdefault(path[:-1], []).append(path)
    out: list[tuple[tuple[str, ...], int]] = []
    order = lambda p: (counts[p], _reverse(p[-1]))  # noqa: E731 - popped from the end: most first
    stack = sorted(children.get((), ()), key=order)
    while stack:  # depth first, without recursion (a folder tree may be deep)
        path = stack.pop()
        out.append((path, counts[path]))
        stack.extend(sorted(children.get(path, ()), key=order))
    return out


def count_companies(ids: Iterable[int], companies_for: Callable[[int], Iterable[str]],
                    stop: Callable[[], bool] | None = None) -> list[tuple[str, int]] | None:
    """(company, articles naming it) over the articles ``ids`` — most first, then by name, the
    order of the index's whole-archive count (``Library.company_names``). ``companies_for``: an
    article's extracted company names (an article not extracted yet names none). None when
    ``stop()`` turned true (checked every few hundred articles: the look-up is ~20 µs an article,
    so a big selection is counted in a worker thread)."""
    counts: Counter[str] = Counter()
    for i, row_id in enumerate(ids):
        if stop is not None and not i % 256 and stop():
            return None
        counts.update(set(companies_for(row_id)))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _reverse(name: str) -> tuple[int, ...]:
    """A key that sorts names in reverse order (the stack pops the last first)."""
    return (*(-ord(ch) for ch in name), 1)


@dataclass(frozen=True)
class Selection:
    """What :meth:`Library.select` found: ``rows`` in display order (newest first), ``total`` rows in
    the library, and ``partial`` when results may still grow (texts of a cold build or extractions
    not read yet)."""

    rows: list[Row]
    total: int
    partial: bool = False

    @property
    def ids(self) -> list[int]:
        return [r.id for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)
