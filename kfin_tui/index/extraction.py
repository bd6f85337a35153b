"""Adapter to the extractor (``kfin_tui.extract``), used only if it can be imported.

The index caches ``Extraction.to_json()`` per file and rebuilds objects with ``Extraction.from_json``.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def extractor():
    """``(extract_article, Extraction, article_companies, article_company_kinds)`` or None when the
    extractor is missing or broken (a test may put a 2-tuple without the companies-only pass)."""
    try:
        from ..extract import Extraction, article_companies, extract_article
    except Exception:  # noqa: BLE001 - optional: lands separately
        return None
    return extract_article, Extraction, article_companies, _article_company_kinds


def _article_company_kinds(article):
    """``extract.companies.article_company_kinds``, imported on first call: the reader's first
    screen reads cached extractions through :func:`extractor` and must not import jieba for it."""
    from ..extract.companies import article_company_kinds

    return article_company_kinds(article)


def extract(article):
    fn = extractor()[0]
    return fn(article)


def companies_only(article):
    """``(extraction or None, its JSON or None, companies)`` for the whole-archive pass: with the
    extractor's companies-only pass the figures are left for later (None, None), and the companies
    are their names and kinds only (what the pass stores: ``extracted._names``); an extractor
    without one gives its full extraction."""
    ext = extractor()
    if len(ext) > 3:
        return None, None, ext[3](article)
    if len(ext) > 2:
        return None, None, ext[2](article)
    ex = ext[0](article)
    return ex, to_json(ex), getattr(ex, "companies", ())


def to_json(extraction) -> dict:
    return extraction.to_json()


def from_json(data: dict):
    ext = extractor()
    if ext is None:
        return None
    try:
        return ext[1].from_json(data)
    except Exception:  # noqa: BLE001 - a cache written by another version: recompute
        return None
