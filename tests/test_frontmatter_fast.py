"""The loader's fast path for front matter (quickmeta's reading of the subset archives write) gives
exactly what PyYAML gives — the same keys, values and value types, and the same ``recovered`` flag —
or abstains and lets PyYAML read it: on every front matter of the repository's articles, of
``../shared`` when present, on a battery of tricky lines, and on generated ones."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_quickmeta import TRICKY

from kfin_tui.articles import frontmatter
from kfin_tui.articles.decoding import decode_with_note
from kfin_tui.articles.quickmeta import _Abstain, _parse_front_matter

REPO = Path(__file__).resolve().parents[1]


def typed(value):
    """A value with the type of every part spelled out (True == 1 == 1.0 in Python: not here)."""
    if isinstance(value, dict):
        return ("dict", sorted(((type(k).__name__, repr(k)), typed(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, (datetime, date)):
        return (type(value).__name__, value.isoformat(), str(getattr(value, "tzinfo", None)))
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def yaml_parse(fm: str) -> tuple[dict, bool]:
    """frontmatter.parse with its fast path off: PyYAML (and the loader's fixes) alone."""
    real = frontmatter._quick_front_matter

    def abstain(text: str):
        raise _Abstain()

    frontmatter._quick_front_matter = abstain
    try:
        return frontmatter.parse(fm)
    finally:
        frontmatter._quick_front_matter = real


def same_as_yaml(fm: str) -> bool:
    """Whether the fast path answered ``fm``; asserts the answer is PyYAML's."""
    try:
        _parse_front_matter(fm)
        answered = True
    except _Abstain:
        answered = False
    fast, slow = frontmatter.parse(fm), yaml_parse(fm)
    assert fast[1] == slow[1], fm
    assert typed(fast[0]) == typed(slow[0]), fm
    return answered


def front_matters(folder: Path) -> list[str]:
    out = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text, _note = decode_with_note(path.read_bytes())
        if text is None:
            continue
        got = frontmatter.split(text)
        if got is not None:
            out.append(got[0])
    return out


@pytest.mark.parametrize("folder", ["corpus", "tests/fixtures", "tests/extract_gold"])
def test_repository_front_matter(folder):
    fms = front_matters(REPO / folder)
    answered = [same_as_yaml(fm) for fm in fms]
    if folder == "corpus":
        assert fms and all(answered)  # our own articles: every one read by the fast path


def test_shared_front_matter(shared_dir):
    fms = front_matters(shared_dir)
    answered = [same_as_yaml(fm) for fm in fms]
    assert len(fms) > 30 and sum(answered) > len(fms) // 2


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_lines(name):
    fm = TRICKY[name] + "author: 测试社\ncategories:\n - 金融\n - 测试社\ndate: 2021-06-21 10:00:00\n"
    same_as_yaml(fm)


SCALARS = ["on", "On", "ON", "off", "yes", "Yes", "no", "NO", "true", "False", "TRUE", "null", "Null", "~", "", "0", "-0",
           "+1", "12", "012", "0o7", "0x1F", "0b101", "1_000", "1:30", "-1:30:05", "1.5", "1.", ".5", "-.5", "1e3",
           "1.0e+3", "1.5E-2", ".inf", "-.Inf", ".NaN", "2021-06-21", "2021-6-1", "2021-06-21 10:00:00",
           "2021-06-21T10:00:00Z", "2021-06-21 10:00:00.5 +08:00", "2021-06-21t10:00:00-5", "2022-02-30", "abc",
           "财联社", "'单引'", '"双引"', "'it''s'", "-2.1%", "a: b", "a #b", "a#b", "=", "<<", "@x", "`x`", "[a, b]",
           "[]", "[1, on, ~]", "{a: 1}", "&a x", "*a", "!!str 1", "|", ">", "? x", "%x", "a\\b"]


@pytest.mark.parametrize("value", SCALARS)
def test_every_scalar_form(value):
    """Each YAML 1.1 scalar form, as a value, as the text keys' value and as a list item."""
    for fm in (f"x: {value}\n", f"title: {value}\nauthor: {value}\n", f"tags:\n - {value}\n - b\n",
               f"categories:\n- {value}\n"):
        same_as_yaml(fm)


KEYS_YAML_TYPES = ["on", "On", "off", "yes", "no", "NO", "true", "False", "null", "Null", "y", "n", "inf", "nan"]


@pytest.mark.parametrize("key", KEYS_YAML_TYPES)
def test_keys_yaml_reads_as_other_types(key):
    """``on:`` is the key True to YAML 1.1, ``null:`` the key None; ``False: 1`` and ``no: 2`` are one key."""
    for fm in (f"{key}: x\n", f"title: t\n{key}: 1\nno: 2\n", f"title: t\nFalse: 1\n{key}: 2\n"):
        same_as_yaml(fm)


_KEYS = st.sampled_from(["title", "author", "source", "date", "categories", "category", "tags", "comments",
                         "updated", "x", "title ", "2x", "a-b"])
_VALUE = st.lists(st.sampled_from(["营收", "增长", "a", "B", " ", "  ", ":", ": ", "#", " #", "-", "- ", "'", "''", '"',
                                   "[", "]", ",", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "?", "0", "1",
                                   "12", ".5", "1e3", "0x1F", "0o7", "07", "1:30", "_", "on", "No", "null", "~",
                                   "true", "2021-06-21", "2021-06-21 10:00:00", " +08:00", "Z", ".inf", ".NaN",
                                   "\\", "\t", "\u3000", "\u00a0", "=", "<<"]), max_size=6).map("".join)
_LINE = st.one_of(
    st.tuples(_KEYS, _VALUE).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(_KEYS, _VALUE).map(lambda kv: f"{kv[0]}:{kv[1]}"),
    _KEYS.map(lambda k: f"{k}:"),
    st.tuples(st.sampled_from(["", " ", "  ", "\t"]), _VALUE).map(lambda iv: f"{iv[0]}- {iv[1]}"),
    st.tuples(_KEYS, st.lists(_VALUE, max_size=3)).map(lambda kv: f"{kv[0]}: [{', '.join(kv[1])}]"),
    st.sampled_from(["", " ", "-", "#c", "...", "---x"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=8).map("\n".join))
def test_generated_front_matter(fm):
    same_as_yaml(fm)
