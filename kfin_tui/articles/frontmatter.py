"""Front matter: split it off, parse it with YAML, recover it line by line when YAML refuses.

Real Hexo archives carry a leading blank line before ``---``, titles in single or double quotes,
and — from an old generator — unquoted titles starting with ``@`` that YAML rejects.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

import yaml

try:  # libyaml is ~10× faster; python-frontmatter uses the same PyYAML underneath
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from ..dates import CHINA_TZ
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def split(text: str) -> tuple[str, str] | None:
    """(front matter, body) when ``text`` opens with a ``---`` fence (blank lines allowed first)."""
    stripped = text.lstrip("\ufeff \t\n")
    if not stripped.startswith("---"):
        return None
    first = _FENCE.match(stripped)
    if not first:
        return None
    second = _FENCE.search(stripped, first.end())
    if not second:
        return None
    return stripped[first.end():second.start()], stripped[second.end():].lstrip("\n")


def parse(fm: str) -> tuple[dict, bool]:
    """Parse front matter. Returns (fields, recovered) — recovered is True when YAML failed."""
    try:
        data = yaml.load(fm, Loader=_Loader)  # noqa: S506 - safe loader
    except Exception:  # noqa: BLE001 - YAMLError, and ValueError for impossible timestamps (2022-13-45)
        return recover(fm), True
    if isinstance(data, dict):
        for key in _TEXT_KEYS:  # YAML 1.1 reads `title: on` as True and `title: 1:30` as 90
            value = data.get(key)
            if value is not None and not isinstance(value, (str, list, dict)):
                data[key] = _raw_value(fm, key, value)
        return data, False
    if data is None:
        return {}, False
    return recover(fm), True


_TEXT_KEYS = ("title", "author", "source")


def _raw_value(fm: str, key: str, parsed):
    m = re.search(r"^" + re.escape(key) + r"[ \t]*:[ \t]*(.*?)[ \t]*$", fm, re.MULTILINE)
    return _unquote(m.group(1)) if m and m.group(1) else parsed


_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")
_ITEM = re.compile(r"^[ \t]*-(?:[ \t]+(.*))?$")  # `- item` (indented or not, as YAML allows)


def recover(fm: str) -> dict:
    """Line-by-line reading of ``key: value`` and indented ``- item`` lists, quotes stripped."""
    out: dict = {}
    key = None
    for line in fm.splitlines():
        item = _ITEM.match(line)
        if item and key is not None:
            if out.get(key) in (None, ""):
                out[key] = []
            elif not isinstance(out[key], list):
                continue  # `- x` under a key that already has a value: not ours to guess
            value = _unquote(item.group(1) or "")
            if value:
                out[key].append(value)
            continue
        m = _KEY.match(line)
        if m:
            key = m.group(1)
            out[key] = _unquote(m.group(2))
    return out


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value


def parse_date(value) -> datetime | None:
    """RFC 2822, ISO 8601, ``%Y-%m-%d %H:%M:%S`` (and ``/`` or 年月日 variants), Unix seconds or
    milliseconds. Times without a zone are China time. Junk (``Invalid Date``) is None, never an error."""
    try:
        return _parse_date(value)
    except (TypeError, ValueError, OverflowError, OSError, IndexError):
        return None


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


def as_list(value) -> list[str]:
    """Categories/tags: a YAML list, a single string, or nothing."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        items = []
        for v in value:
            items.extend(as_list(v) if isinstance(v, (list, tuple)) else [str(v).strip()])
        return [i for i in items if i]
    s = str(value).strip()
    if s.startswith("[") and s.endswith("]"):
        return [p.strip().strip("'\"") for p in s[1:-1].split(",") if p.strip()]
    return [s] if s else []


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value).strip()
