"""quick_meta: exactly load_file's listing fields, or None (abstain) — never a different answer."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kfin_tui.articles.fields import parse_date
from kfin_tui.articles.loader import load_file
from kfin_tui.articles.quickmeta import _date, quick_meta

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("yaml_only_loader")  # the loader as PyYAML reads front matter
SHARED = Path(__file__).resolve().parents[2] / "shared"
CUTS = (None, 512, 4096)


def _make_archive(root: Path, count: int) -> Path:
    spec = importlib.util.spec_from_file_location("make_archive", REPO / "tests" / "bench" / "make_archive.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_archive(root, count)


def _expected(path, root):
    article, issue = load_file(path, root)
    if article is None or issue is not None:
        return None
    return {"title": article.title, "date": article.date, "source": article.source, "author": article.author,
            "categories": article.categories, "format": article.format, "date_approx": article.date_approx}


def _check(path: Path, root) -> bool:
    """Every answer quick_meta gives for this file (whole, and cut heads) equals load_file's.
    Returns whether the whole file was answered."""
    data = path.read_bytes()
    expected = _expected(path, root)
    answered = False
    for cut in CUTS:
        head = data if cut is None else data[:cut]
        got = quick_meta(head, str(path), str(root) if root else None, cut is None or len(data) <= cut)
        if got is None:
            continue
        assert expected is not None, f"{path} (cut {cut}): answered, but load_file reports an issue"
        assert got == expected, f"{path} (cut {cut})"
        if got["date"] is not None:
            assert got["date"].tzinfo == expected["date"].tzinfo and got["date"].utcoffset() == expected["date"].utcoffset()
        answered = answered or cut is None
    return answered


def _files(root: Path):
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("folder", ["corpus", "tests/fixtures", "tests/extract_gold"])
def test_equivalence_on_repo_files(folder):
    root = REPO / folder
    files = _files(root)
    assert files
    for path in files:
        _check(path, root)


@pytest.mark.parametrize("folder", ["real-corpus", "seeds"])
def test_equivalence_on_shared_files(folder):
    root = SHARED / folder
    if not root.is_dir():
        pytest.skip(f"{root} is not there")
    answered = [_check(path, root) for path in _files(root)]
    print(f"{folder}: {sum(answered)}/{len(answered)} answered")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return _make_archive(tmp_path_factory.mktemp("qm-archive"), 400)


def test_synthetic_archive_equivalence_and_coverage(archive):
    files = _files(archive)
    assert len(files) == 400
    answered = sum(_check(path, archive) for path in files)
    rate = answered / len(files)
    print(f"quick_meta answered {answered}/{len(files)} = {rate:.1%} of the synthetic archive")
    assert rate >= 0.95


def test_real_hexo_posts_are_answered():
    root = SHARED / "real-corpus"
    if not root.is_dir():
        pytest.skip("no shared real corpus")
    posts = [p for p in _files(root) if p.suffix == ".md" and "/source/_posts/" in p.as_posix()]
    answered = sum(_check(p, root) for p in posts)
    assert answered == len(posts)  # current generator output: all of it


HEAD = "---\n"
TAIL = "author: 测试社\ncategories:\n - 金融\n - 测试社\ndate: Wed, 21 Jun 2019 11:15:23 GMT\n---\n\n<div><p>正文。</p></div>\n"

TRICKY = {
    "sq_escape": "title: '他说''你好'' 然后'\n",
    "sq_odd": "title: 'a'''b'\n",
    "dq": 'title: "双引号标题"\n',
    "dq_escape": 'title: "a \\"quoted\\" title"\n',
    "int": "title: 123\n",
    "on": "title: on\n",
    "sexagesimal": "title: 1:30\n",
    "float": "title: 1.50\n",
    "null": "title: null\n",
    "tilde": "title: ~\n",
    "empty": "title:\n",
    "empty_quoted": "title: ''\n",
    "flow_cats": "title: x\ncategory: [a, b]\n",
    "scalar_cat": "title: x\ncategory: 金融\n",
    "items_numeric": "title: x\ntags:\n - 2021\n - yes\n - null\n - 1e3\n - 0x1F\n - 2021-06-21\n",
    "date_only": "title: x\n",
    "colon_in_quoted": "title: '财报: 营收增长'\n",
    "colon_in_plain": "title: 财报: 营收增长\n",
    "anchor": "title: &a 锚点\n",
    "alias": "title: *a\n",
    "tag": "title: !!str 123\n",
    "block": "title: |\n  多行\n  标题\n",
    "folded": "title: >\n  多行\n",
    "comment_line": "# comment\ntitle: x\n",
    "comment_tail": "title: x # comment\n",
    "trailing_spaces": "title: 标题   \nsource:   \n",
    "key_space": "title : x\n",
    "tab": "title:\tx\n",
    "multiline": "title: 第一行\n  第二行\n",
    "duplicate": "title: a\ntitle: b\n",
    "flow_map": "title: x\nmeta: {a: 1}\n",
    "at": "title: @someone 关注了\n",
    "dash_start": "title: -2.1%！警报\n",
    "nested_item": "title: x\ntags:\n - - a\n",
    "mapping_item": "title: x\ntags:\n - a: b\n",
    "bad_timestamp": "title: x\nupdated: 2022-13-45\n",
    "indent_mismatch": "title: x\ntags:\n  - a\n - b\n",
    "document_end": "title: x\n...\n",
    "quote_unclosed": "title: 'abc\n",
    "merge": "title: x\n<<: y\n",
    "url_source": "title: x\nsource: https://example.com/a\n",
    "entity": "title: 'A &amp; B &#123;'\n",
    "nbsp": "title: '\u3000全角空格\u00a0标题'\n",
    "list_title": "title:\n - a\n - b\n",
}
DATES = ["2021-06-21", "2021-06-21 10:00:00", "2021-06-21T10:00:00+08:00", "2021-6-1 1:02:03.5 Z", "1655000000",
         "1655000000000", "'2021/6/1'", "Invalid Date", "'Invalid Date'", "", "null", "2022-02-30",
         "Wed, 21 Jun 2019 11:15:23 GMT", "Wed, 31 Feb 2019 11:15:23 GMT", "Wed, 21 Jun 2019 11:15:23 +0800",
         "'2021年6月1日 10:00'", "1.5", "yes", "[2021]"]


def _battery(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "source" / "_posts" / "金融" / "测试社" / "电报"
    folder.mkdir(parents=True)
    out = []
    for name, fm in TRICKY.items():
        p = folder / f"测试{name}.md"
        tail = TAIL if "date_only" not in name else TAIL.replace("date: Wed, 21 Jun 2019 11:15:23 GMT", "date: 2021-06-21")
        p.write_text(HEAD + fm + tail, encoding="utf-8")
        out.append(p)
    for i, d in enumerate(DATES):
        p = folder / f"日期{i}.md"
        p.write_text(f"---\ntitle: 日期{i}\nauthor: 测试社\ndate: {d}\n---\n\n<p>正文</p>\n", encoding="utf-8")
        out.append(p)
    variants = {
        "crlf": (HEAD + "title: 'CRLF 标题'\n" + TAIL).replace("\n", "\r\n").encode(),
        "bom": b"\xef\xbb\xbf" + (HEAD + "title: 'BOM 标题'\n" + TAIL).encode(),
        "blank_lines": ("\n\n  \n" + HEAD + "title: 空行\n" + TAIL).encode(),
        "space_fence": ("  " + HEAD + "title: 空格\n" + TAIL).encode(),
        "never_closes": (HEAD + "title: x\nauthor: y\n" + "z: w\n" * 400).encode(),
        "prose_rules": "---\n这是一段正文，不是键值。\n---\n\n<p>正文</p>\n".encode(),
        "fence_spaces": ("--- \n" + "title: 栅栏\n" + TAIL.replace("---\n", "---  \n")).encode(),
        "utf16": (HEAD + "title: x\n" + TAIL).encode("utf-16"),
        "gbk": (HEAD + "title: 国标\n" + TAIL).encode("gb18030"),
        "control": (HEAD + "title: 控制\x1b[31m字符\n" + TAIL).encode(),
        "markdown_body": ("---\ntitle: 'md'\nsource: 测试社\n---\n\n# 标题\n\n正文段落。\n").encode(),
        "markdown_tags": ("---\ntitle: 'md'\nsource: 测试社\n---\n\n正文<p>一</p>\n<p>二</p>\n").encode(),
        "no_source": ("---\ntitle: 'x'\n---\n\n<p>正文</p>\n<p>来源：某某网</p>\n").encode(),
        "no_title": ("---\nauthor: 测试社\n---\n\n<p>正文第一句很长很长。</p>\n").encode(),
        "empty_fm": "---\n---\n\n<p>正文</p>\n".encode(),
    }
    for name, data in variants.items():
        p = folder / f"变体{name}.md"
        p.write_bytes(data)
        out.append(p)
    txt = tmp_path / "eastmoney" / "2024-01"
    txt.mkdir(parents=True)
    for name, body in {
        "a": "【头条标题】\n来源：东方财富网\n$测试(SH600000)$\n\n正文。\n\n免责声明：仅供参考。\n",
        "b": "没有标题的正文第一句，比较长的一句话用来做标题。第二句。\n来源：新浪财经（北京）\n",
        "c": "【深度】息差跌破1.7%之后的银行\n正文。\n",
        "d": "---\n只有横线\n---\n正文\n",
    }.items():
        p = txt / f"{name}.txt"
        p.write_text(body, encoding="utf-8")
        out.append(p)
    return out


def test_tricky_front_matter_matches_or_abstains(tmp_path):
    answered = {p.name for p in _battery(tmp_path) if _check(p, tmp_path)}
    print(sorted(answered))
    # the common, well-formed cases are answered (not only abstained on)
    for name in ("测试sq_escape.md", "测试dq.md", "测试int.md", "测试on.md", "测试null.md", "测试flow_cats.md",
                 "测试items_numeric.md", "测试dash_start.md", "变体crlf.md", "变体bom.md", "变体blank_lines.md",
                 "日期0.md", "日期2.md", "日期12.md", "a.txt", "b.txt"):
        assert name in answered, name
    for name in ("测试dq_escape.md", "测试anchor.md", "测试block.md", "测试comment_line.md", "测试at.md",
                 "测试colon_in_plain.md", "测试bad_timestamp.md", "变体gbk.md", "变体utf16.md", "变体no_source.md"):
        assert name not in answered, name


def test_never_closing_front_matter_abstains_on_a_short_head(tmp_path):
    p = tmp_path / "x.md"
    p.write_bytes(b"---\ntitle: x\nauthor: y\n" + b"z: w\n" * 400)
    assert quick_meta(p.read_bytes()[:512], str(p), str(tmp_path), False) is None


@pytest.mark.parametrize("text", ["Wed, 21 Jun 2019 11:15:23 GMT", "Sat, 01 Jan 2000 00:00:00 GMT",
                                  "Mon, 31 Feb 2019 11:15:23 GMT", "Mon, 29 Feb 2020 23:59:59 GMT",
                                  "Mon, 21 Jun 2019 24:15:23 GMT", "Invalid Date"])
def test_date_shortcut_is_parse_date(text):
    got, expected = _date(text), parse_date(text)
    assert got == expected
    if got is not None:
        assert got.tzinfo == expected.tzinfo and got.utcoffset() == expected.utcoffset()


def test_import_is_light():
    code = ("import sys, json, kfin_tui.articles.quickmeta; "
            "print(json.dumps(sorted(m for m in ('yaml', 'selectolax', 'markdown_it', 'email.utils', "
            "'kfin_tui.articles.loader', 'charset_normalizer') if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert json.loads(out.stdout) == []
