"""Adapter to the extractor (``kfin_tui.extract``), used only if it can be imported.

The index caches ``Extraction.to_json()`` per file and rebuilds objects with ``Extraction.from_json``.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def extractor():
    """``(extract_article, Extraction)`` or None when the extractor is missing or broken."""
    try:
        from ..extract import Extraction, extract_article
    except Exception:  # noqa: BLE001 - optional: lands separately
        return None
    return extract_article, Extraction


def extract(article):
    fn, _ = extractor()
    return fn(article)


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
