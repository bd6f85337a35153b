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
        if isinstance(data, dict):
            return data, False
        if data is None:
            return {}, False
    except yaml.YAMLError:
        pass
    return recover(fm), True


_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s?(.*)$")
_ITEM = re.compile(r"^\s+-\s*(.*)$")


def recover(fm: str) -> dict:
    """Line-by-line reading of ``key: value`` and indented ``- item`` lists, quotes stripped."""
    out: dict = {}
    key = None
    for line in fm.splitlines():
        item = _ITEM.match(line)
        if item and key is not None:
            if not isinstance(out.get(key), list):
                out[key] = [] if out.get(key) in (None, "") else [out[key]]
            out[key].append(_unquote(item.group(1)))
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
    """RFC 2822, ISO 8601 and ``%Y-%m-%d %H:%M:%S``; naive times are China time; junk → None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=CHINA_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=CHINA_TZ)
    s = str(value).strip()
    if not s or s.lower() in ("invalid date", "null", "none", "nan"):
        return None
    if re.match(r"^[A-Za-z]{3},", s) or re.search(r"\b(GMT|UTC|[+-]\d{4})$", s):
        try:
            dt = parsedate_to_datetime(s)
            return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError, IndexError):
            pass
    iso = s.replace("/", "-")
    if iso.endswith("Z"):
        iso = iso[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        for fmt in ("%Y-%m-%d %H:%M", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日"):
            try:
                dt = datetime.strptime(s, fmt)
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
