"""Issue 10, the core side: hostile files, names and texts give a clear per-file result or render
inert. Inputs are small and generated here; growth is checked by sizes, never by the clock."""
from __future__ import annotations

import importlib
import json
import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kfin_tui.articles import load_file
from kfin_tui.articles.discovery import discover
from kfin_tui.articles.fields import MAX_FRONT_MATTER, as_list
from kfin_tui.articles.frontmatter import parse, split
from kfin_tui.articles.html_blocks import MAX_DEPTH, flatten_deep, html_to_blocks
from kfin_tui.articles.markdown_blocks import markdown_to_blocks
from kfin_tui.articles.quickmeta import quick_meta
from kfin_tui.dates import format_date
from kfin_tui.files import LEAVES_FOLDER, UNREADABLE_FOLDER, walk
from kfin_tui.listing import meta_json
from kfin_tui.sanitize import clean_line, clean_text, json_line, safe_url
from kfin_tui.typeset import line_ranges

wrap_mod = importlib.import_module("kfin_tui.typeset.wrap")

# what must never reach a terminal from a display string
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")


def _load(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_file(path, tmp_path)


def _article_strings(article) -> list[str]:
    return [article.title, article.source, article.author, *article.categories,
            *(b.text for b in article.blocks), *(c for b in article.blocks for r in b.rows for c in r)]


# -- 2: dates at the edge of datetime ---------------------------------------------------------

@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:59:59-12:00", "0001-01-01 00:00:00",
                                   "Fri, 31 Dec 9999 23:00:00 GMT", "9999-12-31"])
def test_edge_dates_never_overflow(tmp_path, value):
    text = f"---\ntitle: 边界日期\ndate: {value}\nauthor: 某社\n---\n正文。\n"
    article, _issue = _load(tmp_path, "edge.md", text)
    assert article is not None
    # parse, format, sort, JSON: none raises
    format_date(article.date)
    sorted([article.date, datetime(2022, 1, 1, tzinfo=timezone.utc)], key=lambda d: (d is None, d and d.timestamp()))
    json.dumps(meta_json(article.path, article.title, article.date, "", "", [], [], "markdown"))
    quick = quick_meta(text.encode(), str(tmp_path / "edge.md"), str(tmp_path), True)
    assert quick is None or quick["date"] == article.date


def test_format_date_at_the_edges():
    assert format_date(datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12)))).startswith("9999-12-31")
    assert format_date(datetime(1, 1, 1, tzinfo=timezone.utc)) == "0001-01-01 08:00"
    assert format_date(datetime.max) == "9999-12-31 23:59"


# -- 5: one sanitiser for every display string -------------------------------------------------

HOSTILE = "a\x1b[2J\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07\x9b31m\x9d0;t\x9c\nb\u202eevil\u2066x\u200by\ufeffz"


def test_clean_line_shows_controls_as_placeholders_on_one_line():
    out = clean_line(HOSTILE)
    assert not CONTROL.search(out)
    assert "\n" not in out and "\t" not in out
    assert "␛" in out and "␇" in out and "\ufffd" in out and "␤" in out
    assert out.startswith("a␛[2J")


def test_clean_text_keeps_lines_but_nothing_else():
    out = clean_text("一\n二\t三\x1b[2J\u202e")
    assert out == "一\n二\t三␛[2J"


def test_untitled_file_name_title_is_cleaned(tmp_path):
    name = "\x1b[2J\x1b]0;set title\x07 quarterly report.md"
    article, _ = _load(tmp_path, name, "正文没有标题，只有一句话。\n")
    assert article is not None and article.title
    assert not CONTROL.search(article.title)
    quick = quick_meta((tmp_path / name).read_bytes(), str(tmp_path / name), str(tmp_path), True)
    assert quick is None or quick["title"] == article.title


def test_lead_sentence_title_is_cleaned(tmp_path):
    body = "\x1b]52;c;ZXZpbA==\x07\x9b2J公司二季度营收增长12%，利润创新高。\n\n第二段。\n"
    article, _ = _load(tmp_path, "003_ee5b7100cdc437a6.txt", body)
    assert article is not None
    for s in _article_strings(article):
        assert not CONTROL.search(s), s
    quick = quick_meta(body.encode(), str(tmp_path / "003_ee5b7100cdc437a6.txt"), str(tmp_path), True)
    assert quick is None or quick["title"] == article.title


def test_front_matter_fields_lose_c1_controls(tmp_path):
    article, _ = _load(tmp_path, "c1.md", "---\ntitle: \"标题\x9b2J\x9d0;x\"\nauthor: 某\x1b[31m社\n---\n正文。\n")
    assert article is not None
    assert article.title == "标题2J0;x" and article.author == "某[31m社"


def test_json_line_is_json_and_inert():
    obj = {"title": HOSTILE, "path": "x\ud800y"}
    line = json_line(obj)
    assert not CONTROL.search(line) and "\n" not in line
    assert json.loads(line) == obj


# -- 6: link targets --------------------------------------------------------------------------

@pytest.mark.parametrize("href", ["&#27;]0;PWNED&#7;&#27;]52;c;ZXZpbA==&#7;", "javascript:alert(1)",
                                  "http://ok.example/\x1b]0;x\x07", "https://a.example/&#27;x", "data:text/html,x",
                                  "//evil.example/", "file:///etc/passwd", " \thttps://a.example/\u202e"])
def test_hostile_link_targets_are_dropped(href):
    blocks = html_to_blocks(f'<p>看<a href="{href}">这里</a>。</p><img src="{href}">')
    for b in blocks:
        for s in b.spans:
            assert s.url == "" or safe_url(s.url) == s.url
            assert not CONTROL.search(s.url)
        assert not CONTROL.search(b.url)
    md = markdown_to_blocks(f"看[这里](<{href}>)。\n\n![图]({href})\n")
    for b in md:
        assert all(not CONTROL.search(s.url) and (not s.url or s.url.startswith("http")) for s in b.spans)


def test_http_links_survive():
    blocks = html_to_blocks('<p>看<a href="https://example.com/a?b=1">这里</a></p>')
    assert blocks[0].spans[0].url == "https://example.com/a?b=1"
    assert safe_url("javascript:alert(1)") == "" and safe_url("HTTP://A.example") == "HTTP://A.example"


def test_loaded_article_spans_stay_on_their_text(tmp_path):
    html = '<p>前\u200b\u200b文<b>加\u202e粗</b>后<a href="https://x.example/">链</a></p>'
    article, _ = _load(tmp_path, "spans.html", html)
    block = article.blocks[0]
    assert block.text == "前文加粗后链"
    got = {s.style: block.text[s.start:s.end] for s in block.spans}
    assert got == {"bold": "加粗", "link": "链"}


# -- 7: width of a string = width drawn -------------------------------------------------------

@pytest.mark.parametrize("text", ["名\u200b称\u200d", "abc\u202edef\u202c", "\u0301\u0301x", "e\u0301" + "\u0301" * 50,
                                  "\u2066隔离\u2069", "软\xad连字", "👨\u200d👩\u200d👧", "☀\ufe0f"])
def test_display_width_is_per_character(text):
    from rich.cells import cell_len, get_character_cell_size

    out = clean_line(text)
    assert cell_len(out) == sum(get_character_cell_size(c) for c in out)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\xad\ufe0f]", out)
    assert not out or not __import__("unicodedata").combining(out[0])


# -- 8: symlinks and unreadable folders -------------------------------------------------------

def test_symlink_out_of_the_corpus_is_not_followed(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "in").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# 秘密\n\n不该出现。\n", encoding="utf-8")
    (corpus / "in" / "ok.md").write_text("# 正常\n\n文章。\n", encoding="utf-8")
    os.symlink(outside / "secret.md", corpus / "passwd.md")
    os.symlink(outside, corpus / "elsewhere")
    os.symlink(corpus / "in" / "ok.md", corpus / "alias.md")  # inside: followed
    problems: list = []
    found = [Path(p).name for p, _, _ in walk(corpus, problems=problems)]
    assert "secret.md" not in found and "passwd.md" not in found
    assert sorted(found) == ["alias.md", "ok.md"]
    assert sorted((Path(p).name, r) for p, r in problems) == [("elsewhere", LEAVES_FOLDER), ("passwd.md", LEAVES_FOLDER)]
    issues: list = []
    assert [p.name for p in discover(corpus, issues)] == ["alias.md", "ok.md"]
    assert {Path(i.path).name for i in issues} == {"elsewhere", "passwd.md"}


def test_unreadable_sub_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "locked").mkdir()
    (tmp_path / "a" / "x.md").write_text("# x\n\n正文。\n", encoding="utf-8")
    (tmp_path / "locked" / "y.md").write_text("# y\n\n正文。\n", encoding="utf-8")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list = []
    found = [Path(p).name for p, _, _ in walk(tmp_path, problems=problems)]
    assert found == ["x.md"]
    assert [(Path(p).name, r) for p, r in problems] == [("locked", UNREADABLE_FOLDER)]


# -- 9: YAML alias bomb -----------------------------------------------------------------------

def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "title: 炸弹\n" + "\n".join(lines) + f"\ncategories: *a{levels - 1}\n"


def test_yaml_alias_bomb_is_not_expanded(tmp_path):
    fm = _bomb()
    assert len(fm) < 1000
    fields, recovered = parse(fm)
    assert recovered
    assert fields["title"] == "炸弹"
    article, issue = _load(tmp_path, "bomb.md", f"---\n{fm}---\n正文。\n")
    assert article is not None and issue is not None and issue.warning
    assert len(article.categories) <= 200
    assert quick_meta(f"---\n{fm}---\n正文。\n".encode(), str(tmp_path / "bomb.md"), None, True) is None


def test_shared_yaml_lists_are_flattened_once():
    inner = ["x"] * 9
    for _ in range(9):
        inner = [inner] * 9  # 9**10 leaves if walked naively
    assert len(as_list(inner)) <= 200


def test_ampersand_in_a_plain_title_is_not_an_anchor():
    assert parse("title: R &D 投入\nauthor: 某社\n") == ({"title": "R &D 投入", "author": "某社"}, False)


# -- 10, 11: nested tables and deep nesting ---------------------------------------------------

@pytest.mark.parametrize("depth", [10, 50, 300])
def test_nested_tables_output_is_linear(depth):
    html = "<table><tr><td>格</td><td>" * depth + "核心" + "</td></tr></table>" * depth
    blocks = html_to_blocks(html)
    total = sum(len(b.text) for b in blocks)
    assert total <= 4 * len(html)
    assert "核心" in "".join(b.text for b in blocks)
    assert sum(b.text.count("核心") for b in blocks) == 1  # not repeated per enclosing table


@pytest.mark.parametrize("tag", ["div", "b", "blockquote", "span", "section"])
def test_deep_nesting_is_flattened(tag):
    n = 20_000
    html = f"<{tag}>" * n + "深处的文字" + f"</{tag}>" * n
    flat = flatten_deep(html)
    assert flat.count("<") <= 2 * MAX_DEPTH + 2
    blocks = html_to_blocks(html)
    assert "深处的文字" in "".join(b.text for b in blocks)


def test_deep_html_article_loads(tmp_path):
    article, issue = _load(tmp_path, "deep.html", "<div>" * 30_000 + "文字" + "</div>" * 30_000)
    assert article is not None and issue is None
    assert "文字" in article.body_text


def test_deep_markdown_keeps_its_text(tmp_path):
    article, _ = _load(tmp_path, "deep.md", ">" * 5000 + " 深处\n")
    assert article is not None and "深处" in article.body_text


def test_shallow_html_is_untouched():
    html = "<div><p>一</p><p>二</p></div>" * 300
    assert flatten_deep(html) == html


# -- 12: line breaking and the front-matter scan ----------------------------------------------

@pytest.mark.parametrize("text", ["a" * 20_000, "a" * 19_998 + "1元", "中" * 20_000, ("x" * 30 + "12元") * 600],
                         ids=["latin", "latin-unit", "cjk", "pairs"])
def test_overlong_token_is_cut_at_the_width(text):
    lines = line_ranges(text, 40)
    assert all(wrap_mod.cells(text[s:e]) <= 40 for s, e, _ in lines)
    assert "".join(text[s:e] for s, e, _ in lines) == text.replace(" ", "")


def test_pair_hint_scan_is_bounded():
    # the hint regex may only look a bounded distance back from a digit: count attempts by size
    pattern = wrap_mod.PAIR_RE.pattern
    assert "{0," in pattern and "]*[0-9" not in pattern


def test_unterminated_front_matter_is_the_body(tmp_path):
    text = "---\n" + "k: v\n" * (MAX_FRONT_MATTER // 4)
    assert split(text) is None
    article, _ = _load(tmp_path, "open.md", text)
    assert article is not None and article.body_text
    # a fence beyond the window does not count either
    assert split("---\n" + "k: v\n" * (MAX_FRONT_MATTER // 4) + "---\nbody\n") is None
    fm, body = split("---\ntitle: t\n---\nbody\n")
    assert fm.strip() == "title: t" and body == "body\n"


@pytest.mark.parametrize("text", ["中" * 50_000, "a" * 45_000, "k: v\n" * 12_000], ids=["cjk", "token", "lines"])
def test_long_paragraphs_become_bounded_blocks(tmp_path, text):
    from kfin_tui.articles.loader import MAX_BLOCK

    article, _ = _load(tmp_path, "long.txt", text)
    assert article is not None
    assert all(len(b.text) <= MAX_BLOCK for b in article.blocks)
    assert "".join(b.text for b in article.blocks).replace("\n", "") == text.replace("\n", "")


def test_split_blocks_keep_their_spans():
    from kfin_tui.articles.loader import MAX_BLOCK, _split_long
    from kfin_tui.articles.model import Block, Span

    text = "字" * (MAX_BLOCK + 500)
    spans = (Span(10, 20, "bold"), Span(MAX_BLOCK - 5, MAX_BLOCK + 5, "link", "https://x.example/"))
    pieces = _split_long(Block("paragraph", text, spans))
    assert [len(p.text) for p in pieces] == [MAX_BLOCK, 500]
    assert pieces[0].spans == (Span(10, 20, "bold"), Span(MAX_BLOCK - 5, MAX_BLOCK, "link", "https://x.example/"))
    assert pieces[1].spans == (Span(0, 5, "link", "https://x.example/"),)
