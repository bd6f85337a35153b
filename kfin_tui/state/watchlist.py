"""The watchlist: companies the user follows, by name, alias or ticker, in the config file's
``watch = [...]`` (:mod:`kfin_tui.config`).

Entries are resolved to the name the extractor reports (``阿里`` → 阿里巴巴, ``600519`` /
``600519.SH`` → 贵州茅台) with the company dictionary, so that they match the index's cached
extractions. A name the dictionary does not know is taken as written (the extractor also finds
companies beyond it).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import archive


@dataclass(frozen=True)
class CompanyInfo:
    name: str  # canonical: as the extractor reports it
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    kind: str = "company"
    known: bool = False  # in the dictionary


def _dictionary() -> Any | None:
    try:
        from ..extract.dictionary import get_dictionary

        return get_dictionary()
    except Exception:  # noqa: BLE001 - without the dictionary, names are taken as typed
        return None


def _ticker_entry(text: str) -> Any | None:
    """The dictionary entry of a ticker as typed (``600519``, ``SH600519``, ``0700.HK``, ``BABA``)."""
    import re

    from ..tickers import normalise

    s = text.strip()
    if not s or not re.fullmatch(r"[A-Za-z0-9.:|\-]{1,16}", s, re.ASCII):
        return None
    d = _dictionary()
    if d is None:
        return None
    code = normalise(s)
    entry = d.by_ticker.get(code) if code else None
    if entry is None and re.fullmatch(r"[0-9]{1,5}", s, re.ASCII):
        entry = d.by_ticker.get(f"HK:{s.zfill(5)}")
    return entry


def resolve(text: str) -> CompanyInfo:
    """The company ``text`` names: a ticker, a name or an alias → canonical name, aliases, tickers."""
    from ..extract.names import canonical_company

    text = text.strip()
    entry = _ticker_entry(text)
    d = _dictionary()
    if entry is None and d is not None and text:
        entry = d.lookup(text)
        if entry is not None and entry.kind == "block":
            entry = None
    if entry is not None:
        return CompanyInfo(entry.name, tuple(a for a in entry.aliases if a != entry.name), tuple(entry.tickers),
                           entry.kind, True)
    return CompanyInfo(canonical_company(text) or text)


def nearest_names(text: str, extra: list[str] | None = None, n: int = 5) -> list[str]:
    """Dictionary names (and ``extra`` ones, e.g. the archive's companies) closest to ``text``."""
    import difflib

    d = _dictionary()
    forms: dict[str, str] = {}
    if d is not None:
        for e in d.entries:
            if e.kind == "block":
                continue
            for f in (e.name, *e.aliases):
                forms.setdefault(f, e.name)
    for name in extra or ():
        forms.setdefault(name, name)
    # substrings first (宁德 → 宁德时代), then difflib's ratio
    subs = [forms[f] for f in forms if text and (text in f or (len(f) >= 2 and f in text))]
    close = [forms[f] for f in difflib.get_close_matches(text, list(forms), n=n * 2, cutoff=0.4)]
    out: list[str] = []
    for name in sorted(subs, key=lambda x: (abs(len(x) - len(text)), x)) + close:
        if name not in out:
            out.append(name)
    return out[:n]


# ------------------------------------------------------------------------------------- config

def watched(config: Any = None) -> list[str]:
    """Canonical names of the watched companies (config order, no duplicates)."""
    if config is None:
        from ..config import load_config

        config = load_config()
    out: list[str] = []
    for item in config.watch:
        name = resolve(item).name
        if name and name not in out:
            out.append(name)
    return out


def _entries(doc: Any) -> list[str]:
    value = doc.get("watch")
    return [str(v) for v in value] if isinstance(value, list) else []


def add(text: str, path: Path | None = None) -> str:
    """Watch a company (written as its canonical name); returns that name. Already watched: no change.
    Raises :class:`~kfin_tui.config.ConfigError` when the config file is invalid (nothing written)."""
    from ..config import edit_config, load_config

    name = resolve(text).name
    if not name:
        raise ValueError("an empty company name")
    load_config(path)  # an invalid file is reported as it is, never "repaired" by the edit
    with edit_config(path) as doc:
        items = _entries(doc)
        if not any(resolve(i).name == name for i in items):
            doc["watch"] = [*items, name]
    return name


def remove(text: str, path: Path | None = None) -> bool:
    """Stop watching a company: every entry naming it (by name, alias or ticker) goes. True when
    one did."""
    from ..config import edit_config, load_config

    name = resolve(text).name
    load_config(path)  # an invalid file is reported as it is, never "repaired" by the edit
    with edit_config(path) as doc:
        items = _entries(doc)
        kept = [i for i in items if resolve(i).name != name]
        if len(kept) != len(items):
            doc["watch"] = kept
    return len(kept) != len(items)


def toggle(text: str, path: Path | None = None) -> bool:
    """Add or remove (the ``w`` key); returns whether the company is watched now. Raises
    :class:`~kfin_tui.config.ConfigError` when the config file is invalid (nothing written)."""
    from ..config import load_config

    name = resolve(text).name
    if name in watched(load_config(path)):
        remove(text, path)
        return False
    add(text, path)
    return True


# ------------------------------------------------------------------------------------ library

def watch_map(library: Any, names: list[str]) -> dict[str, set[int]]:
    """Watched name → ids of the articles (already extracted) naming it."""
    return {name: archive.ids_with_company(library, name) for name in names}


def watched_ids(library: Any, config: Any = None, names: list[str] | None = None) -> set[int]:
    """Ids of the articles naming any watched company (``kfin-tui list --watch``). Partial while
    the archive is being extracted: see :func:`kfin_tui.state.archive.extraction_progress`."""
    found: set[int] = set()
    for ids in watch_map(library, watched(config) if names is None else names).values():
        found |= ids
    return found


@dataclass(frozen=True)
class WatchCount:
    name: str
    unread: int
    total: int


def unread_counts(library: Any, reading: Any, config: Any = None,
                  names: list[str] | None = None) -> list[WatchCount]:
    """Per watched company: unread and total articles naming it. ``reading`` is an
    :class:`~kfin_tui.state.reading.ArchiveState` (refreshed)."""
    read = reading.read_ids()
    out = []
    for name, ids in watch_map(library, watched(config) if names is None else names).items():
        out.append(WatchCount(name, len(ids - read), len(ids)))
    return out
