"""Where a keyword query occurs in a text, as the keyword filter matches it (NFKC- and
case-insensitive; a code, an English name or pinyin initials also find the company's names), in
offsets of the text as displayed — the text itself is never changed. No Textual."""
from __future__ import annotations

import unicodedata


def normalised_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` NFKC-normalised and case-folded, and for each character of the result the offset
    of the character of ``text`` it comes from (``ＡＩ`` → ``ai``, [0, 1]; ``㈱`` → ``(株)``, three
    characters from one).

    Chinese text is rarely NFKC-normal (``，`` ``：`` ``（`` are full-width forms) but keeps its
    length: a line whose normal form is as long as itself is taken character for character (one C
    call), only the others are normalised one character at a time."""
    out: list[str] = []
    where: list[int] = []
    start = 0
    for line in text.splitlines(keepends=True):
        norm = unicodedata.normalize("NFKC", line).casefold()
        if len(norm) == len(line):
            out.append(norm)
            where.extend(range(start, start + len(line)))
        else:
            for i, ch in enumerate(line, start):
                n = unicodedata.normalize("NFKC", ch).casefold()
                out.append(n)
                where.extend([i] * len(n))
        start += len(line)
    return "".join(out), where


def query_needles(query: str) -> list[str]:
    """The normalised strings whose occurrences are hits for ``query``: each term as typed, and
    for a term that stands for a company (``300750``, ``AAPL``, ``ndsd``) the company's names."""
    if not query or not query.strip():
        return []
    from ..query import expand_terms  # (a Chinese query never loads the dictionary)

    needles: dict[str, None] = {}
    for term in expand_terms(query):
        for alt in term.alternatives:
            if alt:
                needles.setdefault(alt, None)
    return list(needles)


def find_hits(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` spans of ``text`` where one of ``needles`` (normalised, from
    :func:`query_needles`) occurs; at one place the longest needle wins. Sorted by position."""
    if not text or not needles:
        return []
    norm, where = normalised_with_map(text)
    found: list[tuple[int, int]] = []
    for needle in needles:
        start = norm.find(needle)
        while start >= 0:
            found.append((start, start + len(needle)))
            start = norm.find(needle, start + 1)
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    last_end = -1
    for a, b in found:
        if a < last_end:
            continue
        last_end = b
        out.append((where[a], where[b - 1] + 1))
    return out
