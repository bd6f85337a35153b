"""Issue 10: a hypothesis fuzz suite over the loader, quick_meta, the HTML and Markdown converters,
the extractors, the line breaker and the sanitiser. No exception escapes; output size stays within
k x input (growth checked by sizes, never by the clock); the sanitiser's output holds no control
character and reads the same when escaped and parsed as markup.

The ``kfin-ci`` profile (default here) keeps the whole module well under a minute."""
from __future__ import annotations

import importlib
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfin_tui.articles import load_file
from kfin_tui.articles.html_blocks import html_to_blocks
from kfin_tui.articles.markdown_blocks import markdown_to_blocks
from kfin_tui.articles.quickmeta import quick_meta
from kfin_tui.sanitize import clean_line, clean_text, json_line, safe_url
from kfin_tui.typeset import line_ranges

settings.register_profile("kfin-ci", max_examples=120, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("kfin-ci")

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")

# text that looks like what attackers and archives send: CJK, markup, controls, YAML, HTML
pytestmark = pytest.mark.usefixtures("yaml_only_loader")  # the loader as PyYAML reads front matter

_ALPHABET = st.sampled_from([*list("中文营收增长亿元%12.5,，。：:-_#*>[]()<>/=&;\"' \n\t\x1b\x07\x9b\x9d\u202e\u2066\u200b\u200d"
                                 "\u0301\ufe0f\xadabcXYZ$|!`~{}"), "---", "<table>", "<td>", "</td>", "<div>", "</div>",
                                                                     "<a href=\"", "javascript:", "https://", "&#27;",
                                                                     "&a ", "*a", "title: ", "date: ", "\n---\n",
                                                                     "$科技(SZ000001)$", "(00700.HK)", "【", "】"])
TEXT = st.lists(_ALPHABET, max_size=300).map("".join)
NAMES = st.sampled_from(["a.md", "b.txt", "c.html", "003_ee5b7100cdc437a6.txt", "报告 第一季度.md", "x\x1b[2J y.md"])


@given(TEXT)
def test_clean_line_is_inert_and_one_line(text):
    from rich.markup import escape
    from rich.text import Text

    out = clean_line(text)
    assert not CONTROL.search(out) and "\n" not in out
    assert clean_line(out) == out  # idempotent
    assert Text.from_markup(escape(out)).plain == out  # never read as markup once escaped


@given(TEXT)
def test_clean_text_keeps_lines_only(text):
    out = clean_text(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert out.count("\n") == text.count("\n")
    assert len(out) <= len(text)


@given(TEXT)
def test_json_line_round_trips(text):
    import json

    line = json_line({"t": text})
    assert json.loads(line) == {"t": text}
    assert not CONTROL.search(line)


@given(TEXT)
def test_safe_url_only_http(text):
    url = safe_url(text)
    assert url == "" or (url.lower().startswith(("http://", "https://")) and not CONTROL.search(url))


@given(TEXT, NAMES)
def test_loader_never_raises_and_stays_linear(text, name):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        data = text.encode("utf-8", "surrogatepass")
        path.write_bytes(data)
        article, issue = load_file(path, tmp)
        assert article is not None or issue is not None
        if article is not None:
            strings = [article.title, article.source, article.author, *article.categories]
            for s in strings:
                assert not CONTROL.search(s), s
            assert len(article.body_text) <= 4 * len(text) + 100
            for b in article.blocks:
                for s in b.spans:
                    assert 0 <= s.start < s.end <= len(b.text)
                    assert s.url == "" or safe_url(s.url) == s.url
            quick = quick_meta(data, str(path), tmp, True)
            if quick is not None:
                assert quick["title"] == article.title and quick["date"] == article.date
                assert quick["categories"] == article.categories and quick["format"] == article.format


@given(st.binary(max_size=400), NAMES)
def test_loader_on_bytes(data, name):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        article, issue = load_file(path, tmp)
        assert article is not None or issue is not None
        quick_meta(data, str(path), tmp, True)
        quick_meta(data[: len(data) // 2], str(path), tmp, False)


@given(TEXT)
def test_html_and_markdown_converters(text):
    for blocks in (html_to_blocks(text), markdown_to_blocks(text)):
        assert sum(len(b.text) for b in blocks) <= 4 * len(text) + 100


@given(st.integers(1, 60), st.sampled_from(["<table><tr><td>", "<div>", "<b>", "<ul><li>", "<blockquote>"]))
def test_nesting_output_is_bounded(depth, opener):
    html = opener * depth + "核心" + "</td></tr></table>" * depth
    blocks = html_to_blocks(html)
    assert sum(len(b.text) for b in blocks) <= 2 * len(html)


@given(TEXT)
def test_extractors_never_raise(text):
    extract = importlib.import_module("kfin_tui.extract")
    from kfin_tui.articles.model import Article, Block

    article = Article(path="x.txt", title=text[:40], blocks=(Block("paragraph", clean_text(text) or "x"),))
    result = extract.extract_article(article)
    assert len(result.figures) <= len(text) + 1


@given(TEXT, st.integers(1, 100), st.integers(0, 8))
def test_line_breaker_fits_and_loses_nothing(text, width, indent):
    from rich.cells import cell_len

    plain = clean_text(text).replace("\t", " ")
    lines = line_ranges(plain, width, indent)
    assert len(lines) <= len(plain) + plain.count("\n") + 1  # linear in the input
    for start, end, ind in lines:
        piece = plain[start:end]
        # a single wide character is allowed alone on a line narrower than itself
        assert cell_len(piece) + ind <= width or len(piece.strip()) <= 1
    kept = "".join(plain[s:e] for s, e, _ in lines)
    assert re.sub(r"\s", "", kept) == re.sub(r"\s", "", plain)
