"""Field helpers shared by the full loader and the quick metadata reader (:mod:`.quickmeta`).

Standard library only (the HTML sniffing of a non-Markdown body imports the HTML parser lazily), so
that importing this module stays cheap.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath

from ..dates import CHINA_TZ
from ..sanitize import clean_text
from .filetime import file_time  # noqa: F401 - re-exported (quickmeta imports it from here)

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")

_HTML_START = re.compile(r"\s*<(?:!--|!doctype|[a-zA-Z][\w-]*[\s/>])", re.IGNORECASE)


# -- front matter fences (one rule for frontmatter.split and quickmeta) ---------------------------

FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
#: characters between the fences at most: longer "front matter" (an unterminated ``---``, a
#: generated file) is not front matter, and the whole file is the body; YAML never sees it
MAX_FRONT_MATTER = 64 * 1024


def closing_fence(text: str, start: int) -> re.Match[str] | None:
    """The ``---`` line that closes front matter opened before ``start``, searched within
    :data:`MAX_FRONT_MATTER` characters only (a bounded scan)."""
    limit = start + MAX_FRONT_MATTER
    m = FENCE.search(text, start, limit)
    if m is not None and m.end() == limit < len(text) and text[limit] != "\n":
        return None  # `----…` cut by the window: not a fence
    return m


_HTML_BLOCK_TAG = re.compile(r"<(?:p|div|br|table|ul|ol|li|h[1-6]|blockquote|section|img|video)\b[^>]*>", re.IGNORECASE)
_MARKDOWN_SYNTAX = re.compile(r"^(?:#{1,6} |\s*[-*+] |\s*\d+\. |> |```)|!?\[[^\]\n]*\]\(", re.MULTILINE)


def _body_is_html(body: str, suffix: str) -> bool:
    """Hexo bodies are HTML (they open with a tag, or a 电报 line and then tags); a Markdown body
    may hold some inline HTML and entities and stays Markdown."""
    if suffix in HTML_SUFFIXES or _HTML_START.match(body):
        return True
    if suffix in MARKDOWN_SUFFIXES:
        head = body[:5000]
        return len(_HTML_BLOCK_TAG.findall(head, 0, 5000)) >= 2 and not _MARKDOWN_SYNTAX.search(head)
    from .html_blocks import looks_like_html

    return looks_like_html(body)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _clean(value: str) -> str:
    """Entities decoded, C0/C1 control characters (escape sequences) dropped, invisible format
    characters (BiDi overrides, zero-width) and stray combining marks neutralised
    (:func:`kfin_tui.sanitize.clean_text`), whitespace folded: a field is one inert line."""
    if "&" in value:
        value = html.unescape(value)
    value = clean_text(_CONTROL.sub("", value))
    return " ".join(value.split())


def front_matter_fields(fields: dict, clean: Callable[[str], str] = _clean) -> tuple[str, list[str], str, str]:
    """(title, categories, author, source field) as the front matter gives them — the one rule
    for the loader and :mod:`.quickmeta` (which passes a caching ``clean``). Categories fall back
    to the folder names, and the source to the body, at the caller."""
    categories = [c for c in map(clean, as_list(fields.get("categories")) or as_list(fields.get("category"))) if c]
    # a fetched item's own labels (财联社's subjects, 华尔街见闻's asset tags: ``tags:``) are
    # categories after the archive path, so they can be filtered on
    if categories and "tags" in fields:
        categories += [t for t in map(clean, as_list(fields.get("tags"))) if t and t not in categories]
    author = clean(as_text(fields.get("author")))
    source_field = clean(as_text(fields.get("source")))
    if "://" in source_field:
        source_field = ""  # a link to the original, not a name
    return _clean(as_text(fields.get("title"))), categories, author, source_field


def _site(categories: list[str]) -> str:
    """Hexo archives file posts under <section>/<site>/<feed>: the site names the source."""
    return categories[1] if len(categories) >= 2 else ""


def _folder_categories(path: Path, root: Path | None) -> list[str]:
    """Folder names between the corpus root and the file (no syscalls in the common case)."""
    if root is None:
        return []
    p, r = str(path), str(root)
    if (isinstance(path, PurePosixPath) and isinstance(root, PurePosixPath)
            and len(p) > len(r) + 1 and p[len(r)] == "/" and p.startswith(r) and r[-1] != "/"):
        # without pathlib's parsing (~3 µs a file): the str() of a POSIX path is normalised (no
        # "//", "." or trailing "/"; a root "/" or "//" is left to pathlib), so the rest of the
        # string after the root's and a "/" is the file's relative path, and its "/"-separated
        # names but the last are the folders' (relative_to's parts of the parent)
        parts = p[len(r) + 1:].split("/")[:-1]
    else:
        try:
            rel = path.parent.relative_to(root)
        except ValueError:
            try:
                rel = path.parent.resolve().relative_to(root.resolve())
            except (ValueError, OSError):
                return []
        parts = [name for name in rel.parts if name not in ("", ".")]
    # Hexo trees: drop the generator's own folders
    while parts and parts[0] in ("source", "_posts", "post", "posts"):
        parts = parts[1:]
    return parts


def parse_date(value) -> datetime | None:
    """RFC 2822, ISO 8601, ``%Y-%m-%d %H:%M:%S`` (and ``/`` or 年月日 variants), Unix seconds or
    milliseconds. Times without a zone are China time. Junk (``Invalid Date``) is None, never an error."""
    try:
        return in_range(_parse_date(value))
    except (TypeError, ValueError, OverflowError, OSError, IndexError):
        return None


def in_range(dt: datetime | None) -> datetime | None:
    """``dt`` when it can be shown in China time and in UTC (sorted, compared, written as a
    timestamp); None for a date within hours of year 1 or 9999 (``0001-01-01``,
    ``9999-12-31T23:59:59-12:00``), which would overflow there: such an article is undated."""
    if dt is None:
        return None
    if 1 < dt.year < 9999:
        return dt  # (only within hours of years 1 and 9999 can a zone push a date out of range)
    try:
        dt.astimezone(CHINA_TZ)
        dt.astimezone(timezone.utc)
        dt.timestamp()
    except (OverflowError, ValueError, OSError):
        return None
    return dt


_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S",
                 "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日")


def _parse_date(value) -> datetime | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=CHINA_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=CHINA_TZ)
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # JavaScript milliseconds
        return datetime.fromtimestamp(seconds, timezone.utc) if seconds > 0 else None
    s = str(value).strip()
    if not s or s.lower() in ("invalid date", "null", "none", "nan", "undefined"):
        return None
    if re.match(r"^[A-Za-z]{3},", s) or re.search(r"\b(GMT|UTC|UT|[+-]\d{4})$", s):
        from email.utils import (
            parsedate_to_datetime,  # lazily: email.utils is not cheap to import
        )

        try:
            dt = parsedate_to_datetime(s)
            return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError, IndexError):
            pass
    iso = s.replace("/", "-")
    if iso.endswith(("Z", "z")):
        iso = iso[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                dt = datetime.strptime(iso, fmt)
                break
            except ValueError:
                continue
        else:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=CHINA_TZ)


MAX_LIST = 200  # categories/tags kept from one field; nested lists are flattened up to this many


def as_list(value) -> list[str]:
    """Categories/tags: a YAML list (nested lists flattened, at most :data:`MAX_LIST` items, each
    list walked once even when YAML shares it), a single string, or nothing."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        items: list[str] = []
        stack = [iter(value)]
        seen = {id(value)}
        while stack and len(items) < MAX_LIST:
            v = next(stack[-1], stack)
            if v is stack:
                stack.pop()
            elif isinstance(v, (list, tuple)):
                if id(v) not in seen and len(stack) < 16:
                    seen.add(id(v))
                    stack.append(iter(v))
            elif (text := str(v).strip()):
                items.append(text)
        return items
    s = str(value).strip()
    if s.startswith("[") and s.endswith("]"):
        return [p.strip().strip("'\"") for p in s[1:-1].split(",") if p.strip()]
    return [s] if s else []


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(as_list(value))
    if isinstance(value, dict):
        return ""  # a mapping is not a name
    return str(value).strip()[:1000]
