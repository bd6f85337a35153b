"""The article record ``kfin-tui list`` prints; lean, so the index can use it without the parsers.

``--json`` lines are stored ready-made in the index, cut after ``{"path": "``: the folder prefix
(as the user typed it) is put in front at print time, so one index serves ``list ~/a`` and
``list /home/me/a`` alike.
"""
from __future__ import annotations

import json
from datetime import datetime

from .dates import CHINA_TZ
from .sanitize import JSON_RAW as _JSON_RAW

JSON_HEAD = '{"path": "'
_raw_encode = json.JSONEncoder(ensure_ascii=False).encode


def _encode(obj: object) -> str:
    """JSON text, valid UTF-8 and inert in a terminal: a lone surrogate (a file name that was not
    UTF-8) is written as its ``\\udcXX`` escape, which ``json.loads`` turns back into the name
    ``open()`` accepts; C1 controls, BiDi and invisible format characters are ``\\u``-escaped too
    (the rule of :func:`kfin_tui.sanitize.json_line`)."""
    text = _raw_encode(obj)
    if _JSON_RAW.search(text):
        text = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def china_iso(date_iso: str | None) -> str | None:
    """An ISO 8601 date in Beijing time (``+08:00``), as the reader shows it: every ``--json`` date
    has one offset, so the dates sort as strings. A date that cannot move (within hours of year 1
    or 9999) or cannot be read is kept as it is."""
    if not date_iso:
        return None
    try:
        dt = datetime.fromisoformat(date_iso)
        return dt.astimezone(CHINA_TZ).isoformat() if dt.tzinfo else date_iso
    except (ValueError, OverflowError, OSError):
        return date_iso


def meta_json(path: str, title: str, date: datetime | None, source: str, author: str, categories,
              tickers, fmt: str) -> dict:
    """The object ``kfin-tui list --json`` prints for an article (from an Article or an index row)."""
    return {
        "path": path,
        "title": title,
        "date": china_iso(date.isoformat()) if date else None,
        "source": source,
        "author": author,
        "categories": list(categories),
        "tickers": list(tickers),
        "format": fmt,
    }


def json_tail(rel_path: str, title: str, date_iso: str | None, source: str, author: str, categories,
              tickers, fmt: str) -> str:
    """The ``--json`` line of a row without its first ``{"path": "`` (ends with a newline)."""
    line = _encode({"path": rel_path, "title": title, "date": china_iso(date_iso), "source": source, "author": author,
                    "categories": list(categories), "tickers": list(tickers), "format": fmt})
    return line[len(JSON_HEAD):] + "\n"


def json_head(prefix: str) -> str:
    """What goes before each stored tail: ``{"path": "`` and the escaped folder prefix."""
    return JSON_HEAD + _encode(prefix)[1:-1]


def to_bytes(text: str) -> bytes:
    """UTF-8; file names that were not UTF-8 (surrogate escapes) go out as their original bytes."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "replace")


def record_json_tail(rec: dict) -> str:
    """:func:`json_tail` of an index record (categories and tickers ``\x1f``-joined)."""
    sep = "\x1f"
    return json_tail(rec["path"], rec["title"], rec["date"], rec["source"] or "", rec["author"] or "",
                     rec["categories"].split(sep) if rec["categories"] else (),
                     rec["tickers"].split(sep) if rec["tickers"] else (), rec["format"] or "")
