"""The loader's fast paths for plain bodies give what the parsers give.

``html_to_blocks`` reads a body of plain ``<p>`` paragraphs with a regular expression instead of
lexbor and the tree walk; ``markdown_to_blocks`` reads Markdown of plain paragraphs without
markdown-it. Each is held to its parser here: on generated bodies (hypothesis, over an alphabet
with the characters either could get wrong: whitespace of every kind, controls, the characters
that open syntax) and on the body of every article the project and ../shared hold. The tests also
check that the fast paths are taken (a fast path that never fires would pass the rest).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfin_tui.articles import frontmatter
from kfin_tui.articles.html_blocks import _SIMPLE_BODY, html_to_blocks, parse_html
from kfin_tui.articles.markdown_blocks import _plain_paragraphs, markdown_to_blocks, parsed_markdown_blocks

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# characters that matter to one parser or the other, beside ordinary text
TRICKY = (" \t\n\r\x0b\x0c\x00\x01\x1f\x7f\x85\xa0\u2028\u2029\u3000\u200b\ufeff\ufffe"
          "<>&;#*_-+=.)`~|[]!\\\"'/:@%")
TEXT = st.text(alphabet=st.sampled_from(list("新能源汽车宁德时代营收亿元，。：%（）“”abcAB012 ") + list(TRICKY)),
               max_size=40)
PLAIN = st.text(alphabet=st.sampled_from(list("新能源汽车宁德时代营收亿元，。：%（）“”abcAB012 ")), min_size=1, max_size=30)
HEADS = st.sampled_from(["", "", "", "# ", "## ", "###### ", "####### ", "#", "##  ", "# #"])
WS = st.sampled_from(["", "\n", "\n\n", " \n", "\t", "  \n  "])


@st.composite
def html_bodies(draw, text=TEXT) -> str:
    paras = draw(st.lists(text, max_size=5))
    div = draw(st.booleans())
    body = draw(WS).join(f"<p>{p}</p>" for p in paras)
    return f"{draw(WS)}<div>{draw(WS)}{body}{draw(WS)}</div>{draw(WS)}" if div else f"{draw(WS)}{body}{draw(WS)}"


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_bodies())
def test_html_fast_path_equals_the_parser(body):
    assert html_to_blocks(body) == parse_html(body)[0]


@settings(max_examples=300, deadline=None)
@given(html_bodies(text=PLAIN))
def test_html_fast_path_is_taken_for_plain_paragraphs(body):
    assert _SIMPLE_BODY.fullmatch(body) is not None
    assert html_to_blocks(body) == parse_html(body)[0]


@st.composite
def markdown_bodies(draw, text=TEXT, heads=HEADS) -> str:
    lines = [draw(heads) + line for line in draw(st.lists(text, max_size=8))]
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n"]), min_size=len(lines), max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, seps))


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_bodies())
def test_markdown_fast_path_equals_markdown_it(body):
    assert markdown_to_blocks(body) == parsed_markdown_blocks(body)


@settings(max_examples=300, deadline=None)
@given(markdown_bodies(text=PLAIN.map(str.strip).filter(bool), heads=st.sampled_from(["", "", "# ", "###### "])))
def test_markdown_fast_path_is_taken_for_plain_paragraphs(body):
    assert _plain_paragraphs(body) is not None
    assert markdown_to_blocks(body) == parsed_markdown_blocks(body)


@pytest.mark.parametrize("body", [
    "1. 第一项\n2. 第二项", "1) 第一项", "营收\n===", "营收\n---", "# 标题", "> 引用", "- 一项", "+ 一项",
    "    缩进的代码", "## 标题 ##", "##标题", "## 标题\n正文", "正文\n## 标题\n正文", "行尾两个空格  \n下一行", "\u3000\u3000全角缩进", "1.5亿元的营收", "2024年营收",
])
def test_markdown_lines_that_open_blocks_go_to_markdown_it(body):
    assert markdown_to_blocks(body) == parsed_markdown_blocks(body)


def _bodies():
    folders = [ROOT / "corpus", ROOT / "tests" / "fixtures", ROOT / "tests" / "extract_gold" / "articles",
               SHARED / "real-corpus", SHARED / "seeds"]
    for folder in folders:
        if folder.is_dir():
            for p in sorted(folder.rglob("*")):
                if p.is_file() and p.stat().st_size < 2_000_000:
                    text = p.read_bytes().decode("utf-8", "replace")
                    parts = frontmatter.split(text)
                    yield p, parts[1] if parts is not None else text


def test_every_article_body_reads_the_same_through_the_fast_paths():
    fast_html = fast_md = 0
    for p, body in _bodies():
        if "<" in body:
            assert html_to_blocks(body) == parse_html(body)[0], p
            fast_html += _SIMPLE_BODY.fullmatch(body) is not None
        assert markdown_to_blocks(body) == parsed_markdown_blocks(body), p
        fast_md += _plain_paragraphs(body) is not None
    assert fast_html > 0 and fast_md > 0  # both fast paths met real bodies
