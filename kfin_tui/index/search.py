"""Keyword and category matching shared by ``kfin-tui list`` and the reader.

Keyword semantics: the query is split on white space into terms; an article matches when every
term occurs in its title, its body text or the names of its cashtags (an Eastmoney post's
``$东汽股份(SZ000001)$`` line is turned into tickers, not body text, but it is the article's text). Both sides are NFKC-normalised and case-folded, so
full-width ``ＡＩ`` finds ``AI`` and ``streamlake`` finds ``StreamLake``. Chinese terms match as
plain substrings (no segmentation: ``手`` finds ``快手``).
"""
from __future__ import annotations

import unicodedata


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def terms(query: str | None) -> list[str]:
    if not query:
        return []
    return [t for t in normalise(query).split() if t]


def haystack(title: str, body: str, tags: str = "") -> str:
    """The normalised text a keyword is looked for in (title, body and cashtag names, kept apart by
    newlines)."""
    text = normalise(title) + "\n" + normalise(body)
    return text + "\n" + normalise(tags) if tags else text


def article_haystack(article) -> str:
    """:func:`haystack` of an :class:`~kfin_tui.articles.Article`."""
    return haystack(article.title, article.body_text, " ".join(t.name for t in article.tickers if t.name))


def matches_terms(text_normalised: str, query_terms: list[str]) -> bool:
    return all(t in text_normalised for t in query_terms)


def matches_category(categories: list[str], category: str | None) -> bool:
    """A category name or path (:func:`kfin_tui.filters.category_matches`)."""
    from ..filters import category_matches

    return not category or category_matches(categories, category)
