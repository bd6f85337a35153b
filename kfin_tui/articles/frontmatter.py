"""Front matter: split it off, parse it with YAML, recover it line by line when YAML refuses.

Real Hexo archives carry a leading blank line before ``---``, titles in single or double quotes,
and — from an old generator — unquoted titles starting with ``@`` that YAML rejects.
"""
from __future__ import annotations

import re

import yaml

try:  # libyaml is ~10× faster; python-frontmatter uses the same PyYAML underneath
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

# moved to .fields (import-light, shared with .quickmeta); re-exported here
from .fields import _DATE_FORMATS, FENCE, _parse_date, as_list, as_text, closing_fence, parse_date  # noqa: F401
from .quickmeta import _parse_front_matter as _quick_front_matter

# YAML anchors (`&name`): real front matter never uses them, and with aliases (`*name`) 800 bytes
# expand to billions of nodes for whoever walks the result: front matter holding one is read line
# by line instead (a warning), YAML never builds it
_ANCHOR = re.compile(r"(?:^|[:?-][ \t]+|[\[{,][ \t]*)&[^\s\[\]{},]", re.MULTILINE)


def split(text: str) -> tuple[str, str] | None:
    """(front matter, body) when ``text`` opens with a ``---`` fence (blank lines allowed first) closed
    within ``MAX_FRONT_MATTER`` characters."""
    stripped = text.lstrip("\ufeff \t\n")
    if not stripped.startswith("---"):
        return None
    first = FENCE.match(stripped)
    if not first:
        return None
    second = closing_fence(stripped, first.end())
    if not second:
        return None
    return stripped[first.end():second.start()], stripped[second.end():].lstrip("\n")


def parse(fm: str) -> tuple[dict, bool]:
    """Parse front matter. Returns (fields, recovered) — recovered is True when YAML failed (or was
    not asked: anchors and aliases)."""
    if "&" in fm and _ANCHOR.search(fm):
        return recover(fm), True
    try:
        # the subset real archives write (key: value lines, - items, one-line [a, b]), read as
        # SafeLoader reads it, with the raw-text fix below applied: ~5 µs instead of ~33 (a body pass
        # reads 100,000 of them); anything else it abstains on goes to YAML
        return _quick_front_matter(fm), False
    except Exception:  # noqa: BLE001, S110 - _Abstain, or anything it did not foresee: PyYAML decides
        pass
    try:
        data = yaml.load(fm, Loader=_Loader)
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

