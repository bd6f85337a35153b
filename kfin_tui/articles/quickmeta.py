"""Fast, exact-or-abstain article metadata, for cold indexing of large archives.

:func:`quick_meta` reads the head of a file (bytes) and returns the listing fields — title, date,
source, author, categories, format — exactly as :func:`kfin_tui.articles.loader.load_file` would
give them, or ``None`` whenever it cannot be sure (the caller then runs the full loader).

It understands the front matter real Hexo archives carry (a subset of YAML parsed line by line:
``key: value`` lines with plain, ``'single'`` or ``"double"`` quoted scalars, ``- item`` lists,
one-line ``[a, b]`` lists, and YAML 1.1's implicit types — null, bool, int, float, timestamp —
resolved and constructed as PyYAML does), and Eastmoney-style plain text without front matter
(through :func:`~kfin_tui.articles.plaintext.parse_plain`, when the whole file is at hand).

It abstains on anything else, notably: UTF-16, control bytes, text that is not UTF-8 (GB18030
files), block scalars, flow mappings, anchors, aliases, tags, comments, tabs, multi-line values,
backslashes in double quotes, duplicate title/author/source/date/categories keys, invalid
timestamps, front matter YAML would reject (the loader's line-by-line recovery, a warning),
headless Markdown/HTML files, a missing title with a file name that is not words, no author or
source field (the body would name the source), bodies whose format the head cannot decide.

The standard library and light kfin_tui modules only: no PyYAML, selectolax or markdown-it.
Files larger than the loader's limit (``decoding.MAX_BYTES``) are the caller's business: the
loader refuses them, and the head cannot tell.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..sanitize import clean_text
from .decoding import _BLANK, _BLANK_TEXT, _NOT_CONTROL
from .fields import (
    _HTML_BLOCK_TAG,
    _HTML_START,
    _MARKDOWN_SYNTAX,
    FENCE,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    _clean,
    _folder_categories,
    _site,
    as_text,
    closing_fence,
    file_time,
    front_matter_fields,
    in_range,
    parse_date,
)
from .filetime import mtime_date
from .plaintext import fallback_title, name_is_words, parse_plain

__all__ = ["quick_meta"]


class _Abstain(Exception):
    pass


_ABSTAIN = _Abstain()

# -- YAML subset ------------------------------------------------------------------------------

_FENCE = FENCE  # as frontmatter.split
# characters YAML (libyaml) reads as printable and not as a line break; anything else: abstain
_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# plain scalars cannot start with these (``-`` can, before a non-space: ``-2.1%``)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_TEXT_KEYS = ("title", "author", "source")
_UNIQUE_KEYS = frozenset(("title", "date", "updated", "id", "link", "url", "permalink", "abbrlink"))
_WATCHED = frozenset(("title", "author", "source", "date", "categories", "category"))

# PyYAML's implicit resolvers (yaml/resolver.py), same order: bool, float, int, merge, null, timestamp, value
_BOOL = {"yes": True, "Yes": True, "YES": True, "no": False, "No": False, "NO": False,
         "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
         "on": True, "On": True, "ON": True, "off": False, "Off": False, "OFF": False}
_NULL = frozenset(("~", "null", "Null", "NULL"))
_FLOAT = re.compile(r'''^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$''', re.VERBOSE)
_INT = re.compile(r'''^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$''', re.VERBOSE)
_TIMESTAMP = re.compile(r'''^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$''', re.VERBOSE)
# yaml/constructor.py SafeConstructor.timestamp_regexp
_TIMESTAMP_PARTS = re.compile(
    r'''^(?P<year>[0-9][0-9][0-9][0-9])
        -(?P<month>[0-9][0-9]?)
        -(?P<day>[0-9][0-9]?)
        (?:(?:[Tt]|[ \t]+)
        (?P<hour>[0-9][0-9]?)
        :(?P<minute>[0-9][0-9])
        :(?P<second>[0-9][0-9])
        (?:\.(?P<fraction>[0-9]*))?
        (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
        (?::(?P<tz_minute>[0-9][0-9]))?))?)?$''', re.VERBOSE)
_NUMERIC_START = frozenset("-+0123456789.")
_INF = 1e300
while _INF != _INF * _INF:
    _INF *= _INF
_NAN = -_INF / _INF


def _construct_int(value: str) -> int:  # SafeConstructor.construct_yaml_int
    value = value.replace("_", "")
    sign = +1
    if value[0] == "-":
        sign = -1
    if value[0] in "+-":
        value = value[1:]
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[0] == "0":
        return sign * int(value, 8)
    if ":" in value:
        digits = [int(part) for part in value.split(":")]
        digits.reverse()
        base, total = 1, 0
        for digit in digits:
            total += digit * base
            base *= 60
        return sign * total
    return sign * int(value)


def _construct_float(value: str) -> float:  # SafeConstructor.construct_yaml_float
    value = value.replace("_", "").lower()
    sign = +1
    if value[0] == "-":
        sign = -1
    if value[0] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * _INF
    if value == ".nan":
        return _NAN
    if ":" in value:
        digits = [float(part) for part in value.split(":")]
        digits.reverse()
        base, total = 1, 0.0
        for digit in digits:
            total += digit * base
            base *= 60
        return sign * total
    return sign * float(value)


def _construct_timestamp(value: str):  # SafeConstructor.construct_yaml_timestamp
    m = _TIMESTAMP_PARTS.match(value)
    if m is None:
        raise _ABSTAIN
    values = m.groupdict()
    year, month, day = int(values["year"]), int(values["month"]), int(values["day"])
    if not values["hour"]:
        return date(year, month, day)
    hour, minute, second = int(values["hour"]), int(values["minute"]), int(values["second"])
    fraction = 0
    tzinfo = None
    if values["fraction"]:
        fraction = int(values["fraction"][:6].ljust(6, "0"))
    if values["tz_sign"]:
        delta = timedelta(hours=int(values["tz_hour"]), minutes=int(values["tz_minute"] or 0))
        if values["tz_sign"] == "-":
            delta = -delta
        tzinfo = timezone(delta)
    elif values["tz"]:
        tzinfo = timezone.utc
    return datetime(year, month, day, hour, minute, second, fraction, tzinfo=tzinfo)


def _plain(v: str):
    """A one-line plain scalar (stripped, non-empty) → the value PyYAML's SafeLoader builds."""
    c = v[0]
    if c in _INDICATORS and not (c == "-" and len(v) > 1 and v[1] != " "):
        raise _ABSTAIN
    if ": " in v or " #" in v or v[-1] == ":":
        raise _ABSTAIN  # a mapping or a comment, not a plain scalar
    if c in _NUMERIC_START:
        try:
            if _FLOAT.match(v):
                return _construct_float(v)
            if _INT.match(v):
                return _construct_int(v)
            if _TIMESTAMP.match(v):
                return _construct_timestamp(v)
        except (ValueError, OverflowError):
            raise _ABSTAIN from None  # the loader would recover the front matter line by line
        return v
    if v in _BOOL:
        return _BOOL[v]
    if v in _NULL:
        return None
    if v == "<<" or v == "=":
        raise _ABSTAIN  # merge and value keys: not ours to guess
    return v


def _scalar(v: str):
    """A one-line scalar, stripped of spaces, non-empty: plain, 'single' or "double" quoted."""
    c = v[0]
    if c == "'":
        if len(v) < 2 or v[-1] != "'":
            raise _ABSTAIN
        inner = v[1:-1]
        if "'" in inner:
            if "'" in inner.replace("''", ""):
                raise _ABSTAIN  # closes early, or an odd quote run
            inner = inner.replace("''", "'")
        return inner
    if c == '"':
        if len(v) < 2 or v[-1] != '"':
            raise _ABSTAIN
        inner = v[1:-1]
        if '"' in inner or "\\" in inner:
            raise _ABSTAIN
        return inner
    return _plain(v)


_FLOW_BAD = re.compile(r"[\[\]{}'\"#:]")


def _value(v: str, unique: bool = False):
    """A mapping value on the key's line (stripped, non-empty); ``unique``: one that is not worth
    remembering (a title, a date)."""
    if v[0] == "[":
        if v[-1] != "]":
            raise _ABSTAIN  # multi-line flow sequence or trailing text
        inner = v[1:-1]
        if _FLOW_BAD.search(inner):
            raise _ABSTAIN
        if not inner.strip(" "):
            return []
        out = []
        for part in inner.split(","):
            part = part.strip(" ")
            if not part or part[0] in _INDICATORS:
                raise _ABSTAIN
            out.append(_plain(part))
        return out
    return _scalar(v) if unique else _known_scalar(v)


_SCALARS: dict = {}  # short scalars an archive repeats (categories, authors, flags) -> their value


def _remembered(cache: dict, value: str, compute, longest: int):
    """``compute(value)``, remembered in ``cache`` for values of at most ``longest`` characters
    (the results are immutable; the cache starts again past 20,000 entries)."""
    found = cache.get(value, cache)
    if found is cache:
        found = compute(value)
        if len(value) <= longest:
            if len(cache) > 20_000:
                cache.clear()
            cache[value] = found
    return found


def _known_scalar(v: str):
    """:func:`_scalar`, remembered for short values (the values are immutable: str, numbers,
    bools, None, dates; one that abstains is not remembered and abstains again)."""
    return _remembered(_SCALARS, v, _scalar, 24)


_KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,99}\Z")
_KEYS_SEEN: set = set()  # key names already checked against _KEY_NAME


_LINES: dict = {}  # short lines an archive repeats (category items, author, flags) -> what they say
_BLANK_LINE = ("b",)


def _line(line: str) -> tuple:
    """What one front-matter line says, from the line alone (the state of the lines before it is
    :func:`_parse_front_matter`'s business): ``("b",)`` a blank line, ``("i", indent, value)`` a
    ``- item``, ``("k", key, text, value)`` a ``key: value`` line (``text`` the stripped value, "" for
    none). Flow sequences are tuples here (a remembered line's value is shared): lists for the caller.
    Raises :class:`_Abstain` for a line the subset does not read."""
    c = line[0]
    if c == " " or c == "-":
        rest = line.lstrip(" ") if c == " " else line
        if rest[:2] == "- ":
            v = rest[2:].strip(" ")
        elif rest == "-":
            v = ""
        elif not rest:
            return _BLANK_LINE
        else:
            raise _ABSTAIN  # continuation line, nested mapping, comment, `---`-like line
        if not v:
            return ("i", len(line) - len(rest), None)
        if v[0] == "[":
            raise _ABSTAIN
        return ("i", len(line) - len(rest), _known_scalar(v))
    colon = line.find(":")
    if colon <= 0:
        raise _ABSTAIN
    k = line[:colon]
    if k not in _KEYS_SEEN:
        if not _KEY_NAME.match(k) or k in _BOOL or k in _NULL:
            raise _ABSTAIN  # (YAML 1.1 reads the key `on:` as True, `null:` as None: not a text key)
        if len(_KEYS_SEEN) < 10_000:
            _KEYS_SEEN.add(k)
    v = line[colon + 1:]
    if v:
        if v[0] != " ":
            raise _ABSTAIN  # `key:value` is one plain scalar, not a mapping
        v = v.strip(" ")
    if not v:
        return ("k", k, "", None)
    value = _value(v, k in _UNIQUE_KEYS)
    if k in _TEXT_KEYS and value is not None and not isinstance(value, (str, list)):
        # frontmatter.parse: YAML 1.1 reads `title: on` as True and `title: 1:30` as 90 — the raw
        # text of the line wins (this key's only line: duplicates abstain)
        value = v.strip()
    return ("k", k, v, tuple(value) if type(value) is list else value)


def _known_line(line: str) -> tuple:
    """:func:`_line`, remembered for short lines whose key is not one of a kind (a title or a date
    is not seen twice; a category item, an author, ``comments: false`` are)."""
    found = _LINES.get(line)
    if found is None:
        found = _line(line)
        if len(line) <= 48 and (found[0] != "k" or found[1] not in _UNIQUE_KEYS):
            if len(_LINES) > 20_000:
                _LINES.clear()
            _LINES[line] = found
    return found


def _parse_front_matter(fm: str) -> dict:
    """The top-level mapping PyYAML's SafeLoader would build from ``fm``, or :class:`_Abstain`."""
    if _UNSAFE.search(fm):
        raise _ABSTAIN
    out: dict = {}
    key = None  # the last key whose value was empty: `- item` lines may follow
    items: list | None = None
    indent = 0
    for line in fm.split("\n"):
        if not line:
            continue
        said = _known_line(line)
        kind = said[0]
        if kind == "k":
            k = said[1]
            if k in out and k in _WATCHED:
                raise _ABSTAIN  # duplicate: YAML keeps the last, the loader's raw-value fix reads the first
            if said[2]:
                value = said[3]
                out[k] = list(value) if type(value) is tuple else value
                key = None
            else:
                out[k] = None
                key, items = k, None
        elif kind == "i":
            if key is None:
                raise _ABSTAIN
            if items is None:
                items, indent = [], said[1]
                out[key] = items
            elif said[1] != indent:
                raise _ABSTAIN
            items.append(said[2])
    return out


# -- files --------------------------------------------------------------------------------------

_FOLDERS: dict = {}
_MAYBE_CUT_TAG = re.compile(r"\s*(?:<[\w!-]*)?\Z")
# what Hexo generators write: `Wed, 21 Jun 2019 11:15:23 GMT`
_RFC_GMT = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                      r"([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT\Z")
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                       "Dec"), 1)}


def _date(value) -> datetime | None:
    """fields.parse_date, with a shortcut for the common RFC 2822 GMT form (email.utils is slow)."""
    if type(value) is str:
        m = _RFC_GMT.match(value)
        if m is not None:
            day, month, year, hour, minute, second = m.groups()
            try:
                return in_range(datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute),
                                         int(second), tzinfo=timezone.utc))
            except ValueError:
                pass  # 31 Feb: let the general parser say what it makes of it
    return parse_date(value)


_CLEANED: dict = {}
_FIELDS: dict = {}
_NAMED = ("categories", "category", "tags", "author", "source")


def _fields(fields: dict) -> tuple[str, list[str], str, str]:
    """fields.front_matter_fields, with what comes of the fields an archive repeats (categories,
    tags, author, source) remembered: only the title is cleaned anew."""
    values = tuple(map(fields.get, _NAMED))
    key = tuple(tuple(v) if type(v) is list else v for v in values)
    # only keys of str, None and tuples of str are remembered, and nothing else equals one of them
    # (True equals 1, never a str): a key found needs no check
    try:
        found = _FIELDS.get(key)
    except TypeError:  # a nested list or a mapping (unhashable): checked below
        found = None
    if found is None:
        if not all(v is None or type(v) is str or (type(v) is tuple and all(type(x) is str for x in v)) for v in key):
            # numbers, booleans, dates, nested lists: as they are, not remembered
            return front_matter_fields(fields, _clean_short)
        found = front_matter_fields({k: fields[k] for k in _NAMED if k in fields}, _clean_short)[1:]
        if len(_FIELDS) > 20_000:
            _FIELDS.clear()
        _FIELDS[key] = found
    title = fields.get("title")
    return _clean(as_text(title)), list(found[0]), found[1], found[2]


def _clean_short(value: str) -> str:
    """fields._clean, remembered for the few names (categories, sites, authors) an archive repeats."""
    return _remembered(_CLEANED, value, _clean, 40)


def _categories_of(path: str, root) -> list[str]:
    if not root:
        return []
    cut = path.rfind("/")
    key = (path[:cut] if cut >= 0 else "", root)
    found = _FOLDERS.get(key)
    if found is None:
        if len(_FOLDERS) > 50_000:
            _FOLDERS.clear()
        found = _FOLDERS[key] = tuple(_folder_categories(Path(path), Path(root)))
    return list(found)


_NOT_BLANK_BYTE = re.compile(b"[^" + re.escape(_BLANK) + b"]")
_NOT_BLANK_CHAR = re.compile("[^" + re.escape(_BLANK_TEXT) + "]")
_NEWLINES = re.compile("\n*")


def _decode(data: bytes, complete: bool) -> str | None:
    """What decoding.decode_with_note gives, when it gives it without a note; else None."""
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None  # UTF-16
    if data[:8192].translate(None, _NOT_CONTROL):
        return None  # control bytes: binary, or text whose YAML would fail
    if complete and _NOT_BLANK_BYTE.search(data) is None:
        return None  # empty (only blanks: found without copying the file as strip would)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if complete or exc.start < len(data) - 3 or exc.reason != "unexpected end of data":
            return None  # not UTF-8 (GB18030?), or damaged UTF-8: a warning
        try:
            text = data[:exc.start].decode("utf-8")  # the head cut a character in two
        except UnicodeDecodeError:
            return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NOT_BLANK_CHAR.search(text) is None:
        return None
    return text


def quick_meta(data: bytes, path: str, root: str | None, complete: bool, mtime: float | None = None) -> dict | None:
    """The listing fields of the file at ``path`` whose first bytes are ``data`` (all of it when
    ``complete``), exactly as ``load_file(path, root)`` gives them, or None when unsure. ``mtime``:
    the file's ``st_mtime`` when the caller has it (a plain-text post's date; else a stat here).

    Returns ``{"title", "date", "source", "author", "categories", "format", "date_approx"}``.
    """
    try:
        return _quick_meta(data, str(path), str(root) if root else None, complete, mtime)
    except _Abstain:
        return None
    except (ValueError, TypeError, IndexError, OverflowError, OSError):
        return None  # never worse than the loader: let it decide


def _quick_meta(data: bytes, path: str, root: str | None, complete: bool, mtime: float | None) -> dict | None:
    text = _decode(data, complete)
    if text is None:
        return None
    name = path[path.rfind("/") + 1:]
    dot = name.rfind(".")
    has_suffix = 0 < dot < len(name) - 1
    suffix = name[dot:].lower() if has_suffix else ""
    stem = name[:dot] if has_suffix else name

    # frontmatter.split, on offsets rather than copies
    stripped = text
    pos = len(text) - len(text.lstrip("\ufeff \t\n"))
    if pos and text[pos - 1] != "\n":
        stripped, pos = text[pos:], 0  # `^` would not match after a space
    first = _FENCE.match(stripped, pos) if stripped.startswith("---", pos) else None
    end = len(stripped)
    if first is not None:
        if not complete and first.end() == end:
            return None
        second = closing_fence(stripped, first.end())
        if second is None:
            if not complete:
                return None  # the closing fence may lie beyond the head
            first = None  # no front matter: the whole file is the body
        elif not complete and second.end() == end:
            return None  # `---` may continue beyond the head
    if first is None or second is None:
        return _headless(text, path, root, suffix, stem, complete, mtime)

    fields = _parse_front_matter(stripped[first.end():second.start()])
    blank = _NEWLINES.match(stripped, second.end())  # (always matches: maybe nothing)
    body = blank.end() if blank else second.end()  # where the body starts (no copy of it)
    # format, as loader._body_is_html decides it, from what the head holds
    if suffix in HTML_SUFFIXES or _HTML_START.match(stripped, body):
        fmt = "html"
    elif not complete and _MAYBE_CUT_TAG.match(stripped, body):
        return None  # an opening tag may be cut by the head
    elif suffix in MARKDOWN_SUFFIXES:
        if not complete and end - body < 5000:
            return None
        head = stripped[body:body + 5000]
        if "<" in head and len(_HTML_BLOCK_TAG.findall(head, 0, 5000)) >= 2 and not _MARKDOWN_SYNTAX.search(head):
            fmt = "html"
        else:
            fmt = "markdown"
    else:
        return None  # front matter over a plain-text file: rare; its format needs the HTML sniffer

    if "stocks" in fields:
        return None  # a fetched item's stock labels are tickers: the full loader reads them
    title, categories, author, source_field = _fields(fields)
    categories = categories or _categories_of(path, root)
    if not (author or source_field):
        return None  # the body's 来源 line would come before the site
    if not title:
        if not name_is_words(stem):
            return None  # the lead sentence of the body would be the title
        title = fallback_title(stem, "")
    return {
        "title": title,
        "date": _date(fields.get("date")),
        "source": _clean_short(author or source_field),
        "author": author,
        "categories": categories,
        "format": fmt,
        "date_approx": False,
    }


def _headless(text: str, path: str, root: str | None, suffix: str, stem: str, complete: bool,
              mtime: float | None) -> dict | None:
    """loader._headless_article for plain text (Markdown and HTML pages need their parsers)."""
    if suffix in MARKDOWN_SUFFIXES or suffix in HTML_SUFFIXES or not complete:
        return None
    plain = parse_plain(text, tickers=False)
    categories = _categories_of(path, root)
    title = _clean(plain.headline)[:200]
    if not title:
        # the loader's first block: the first paragraph as its block model keeps it (cleaned)
        first = next((t for t in map(clean_text, plain.paragraphs) if t.strip()), "")
        title = fallback_title(stem, first)
    # as the loader: the file's time, approximate
    date = file_time(path) if mtime is None else mtime_date(mtime)
    return {
        "title": title,
        "date": date,
        "source": _clean(plain.source) or _site(categories),
        "author": "",
        "categories": categories,
        "format": "text",
        "date_approx": date is not None,
    }
