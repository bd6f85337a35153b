"""The first screen imports only what it needs (issue 14): the parsers (markdown-it, selectolax,
YAML), the extractor (jieba, the company dictionary) and the network stack load after the first
paint, when an article is opened or the background work starts. Each check runs in a fresh
interpreter and reads ``sys.modules``."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

# packages the first paint never needs (the top-level name or a prefix of it)
HEAVY = ("jieba", "markdown_it", "selectolax", "yaml", "httpx", "httpcore", "ahocorasick", "pkg_resources", "zstandard",
         "charset_normalizer", "kfin_tui.extract.companies", "kfin_tui.extract.figures", "kfin_tui.extract.segment",
         "kfin_tui.extract.dictionary", "kfin_tui.articles.markdown_blocks", "kfin_tui.articles.frontmatter",
         "kfin_tui.feeds.fetch", "kfin_tui.feeds.parse",
         # screens opened by a key: the load issues (a DataTable), the help
         "textual.widgets._data_table", "kfin_tui.ui.screens.issues", "kfin_tui.ui.screens.help")


def modules_after(code: str) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def heavy_in(mods: list[str]) -> list[str]:
    return [m for m in mods if any(m == h or m.startswith(h + ".") for h in HEAVY)]


# modules that are light to import but compile regular expressions (tens of ms) the first frame
# does not need: the loader (tickers, plain text), what the first article opened brings
FIRST_FRAME_LATER = ("kfin_tui.articles.loader", "kfin_tui.articles.plaintext", "kfin_tui.tickers",
                     "kfin_tui.articles.fields")


def test_the_reader_app_imports_nothing_heavy():
    mods = modules_after("import kfin_tui.ui.app")
    assert "kfin_tui.ui.app" in mods and "textual.app" in mods  # the probe measured something
    assert heavy_in(mods) == []
    assert [m for m in FIRST_FRAME_LATER if m in mods] == []


def test_the_list_asks_the_file_time_without_the_loader():
    mods = modules_after("from kfin_tui.articles.filetime import date_is_file_time")
    assert "kfin_tui.articles.filetime" in mods
    assert [m for m in FIRST_FRAME_LATER if m in mods] == []


def test_the_line_breaking_expression_is_compiled_on_first_use():
    """The segment expression takes ~13 ms to compile: not at import (the list's titles are cut
    without it), but on the first wrap, and then the same object every time."""
    probe = ("import re, sys\nimport kfin_tui.typeset as t\nfrom kfin_tui.typeset import linebreak, wrap\n"
             "compiled = linebreak.segment_re.cache_info().currsize\n"
             "lines = t.line_ranges('快手2024年营收603.8亿元，同比增长11.8%。' * 3, 20)\n"
             "print(compiled, linebreak.segment_re.cache_info().currsize, len(lines) > 1, "
             "linebreak.segment_re() is linebreak.segment_re())")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "1", "True", "True"]


@pytest.mark.parametrize("code", [
    # the list marks a plain-text post's file-time date (article_list.approximate)
    "from kfin_tui.articles.filetime import date_is_file_time",
    "from kfin_tui.articles.loader import date_is_file_time",
    # the first article's cached figures and companies (Library.extraction → from_json)
    "from kfin_tui.extract import Extraction",
    "from kfin_tui.index.extraction import from_json; from_json({'numbers': [], 'companies': []})",
    # the help screen and the side panel read the figure kinds
    "from kfin_tui.extract.model import FIGURE_KINDS",
])
def test_what_the_first_screen_calls_stays_light(code):
    assert heavy_in(modules_after(code)) == []


def test_the_parsers_and_the_extractor_still_load_when_used(tmp_path):
    """Lazy, not gone: parsing a Markdown, an HTML and a front-matter file and extracting an
    article bring their libraries in (and give the same results as ever: the loader's and the
    extractor's own tests check those)."""
    (tmp_path / "a.md").write_text("# 标题\n\n快手2024年营收603.8亿元。\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>腾讯控股营收增长</p></body></html>", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: 测试\n---\n正文\n", encoding="utf-8")
    code = (f"from pathlib import Path\nfrom kfin_tui.articles.loader import load_file\n"
            f"from kfin_tui.extract import extract_article\n"
            f"arts = [load_file(Path({str(tmp_path)!r}) / n)[0] for n in ('a.md', 'b.html', 'c.md')]\n"
            f"assert [a.format for a in arts] == ['markdown', 'html', 'markdown'], [a.format for a in arts]\n"
            f"assert arts[2].title == '测试'\n"
            f"assert any(f.text == '603.8亿元' for f in extract_article(arts[0]).figures)")
    mods = modules_after(code)
    for name in ("markdown_it", "selectolax", "yaml", "jieba"):
        assert name in mods
