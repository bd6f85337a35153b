"""Loading folders: bad files are per-file issues, the rest loads; read-only; symlink loops; hidden
folders; the real archive samples in ../shared load with what their front matter says."""
from __future__ import annotations

import builtins
import html
import io
import os
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from kfin_tui.articles import load_file
from kfin_tui.articles.decoding import decode
from kfin_tui.articles.discovery import discover
from kfin_tui.paths import bundled_corpus


def load_folder(root: Path):
    """The real loading path (discovery + load_file, as extract and the index run it): the
    articles and the issues, discovery's own (links leaving the folder, unreadable folders) first."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    if root.is_dir() and not os.access(root, os.R_OK | os.X_OK):
        raise PermissionError(f"cannot read folder: {root}")
    articles, issues = [], []
    for path in discover(root, issues):
        article, issue = load_file(path, root)
        if article is not None:
            articles.append(article)
        if issue is not None:
            issues.append(issue)
    return articles, issues


GOOD_HEXO = """
---
title: '一篇正常的文章'
categories:
  - 金融
  - 测试社
author: 测试社
date: 2023-05-06 07:08:09
---
<div><p>正常的正文。</p></div>
"""


def make_bad_folder(root: Path) -> dict[str, Path]:
    """One good file and every kind of bad one."""
    files = {
        "good": root / "好文章.md",
        "gbk": root / "国标" / "gbk_article.txt",
        "invalid": root / "坏编码.txt",
        "empty": root / "empty.md",
        "blank": root / "blank.txt",
        "binary": root / "image.md",
        "huge": root / "huge.txt",
        "broken_yaml": root / "post" / "broken.md",
    }
    for p in files.values():
        p.parent.mkdir(parents=True, exist_ok=True)
    files["good"].write_text(GOOD_HEXO, encoding="utf-8")
    files["gbk"].write_bytes("国标编码的正文，应当能够读取。\n来源：样例网\n".encode("gbk"))
    # neither UTF-8 nor GB18030 (0xFF/0x80 are never lead bytes there), nor plausible in any encoding
    files["invalid"].write_bytes(b"\xff\x80\xfe\x81 \xff\xff\x80\x80\xfe\xfe " * 40)
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b" \r\n\t\n")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    files["huge"].write_bytes(b"x" * (5 * 1024 * 1024))  # 5 MB on one line
    files["broken_yaml"].write_text(
        "\n---\ntitle: @用户甲 关注了股票 样例-W\ncategories: \n    - 金融\n    - 雪球\ndate: Invalid Date\n---\n<div>动态。</div>\n",
        encoding="utf-8")
    return files


def test_bad_files_are_issues_and_the_folder_still_loads(tmp_path):
    files = make_bad_folder(tmp_path)
    articles, issues = load_folder(tmp_path)
    by_path = {a.path: a for a in articles}
    problems = {i.path: i for i in issues}

    assert by_path[str(files["good"])].title == "一篇正常的文章"
    gbk = by_path[str(files["gbk"])]
    assert gbk.body_text == "国标编码的正文，应当能够读取。" and gbk.source == "样例网"
    broken = by_path[str(files["broken_yaml"])]
    assert broken.title == "@用户甲 关注了股票 样例-W" and broken.categories == ["金融", "雪球"]
    assert problems[str(files["broken_yaml"])].warning

    expected = {"invalid": "not valid UTF-8", "empty": "empty", "blank": "empty", "binary": "binary",
                "huge": "too large"}
    for name, words in expected.items():
        issue = problems[str(files[name])]
        assert not issue.warning, name
        assert words in issue.reason, (name, issue.reason)
        assert str(files[name]) not in by_path
        assert str(issue).startswith(str(files[name]))  # path: reason
    assert len(articles) == 3 and len(issues) == 6


def test_too_large_is_fast_and_not_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(64 << 30)  # sparse, 64 GB: reading it would fail with MemoryError, not pass
    article, issue = load_file(huge)
    assert article is None and "too large" in issue.reason


def test_unreadable_file_is_an_issue(tmp_path, monkeypatch):
    make_bad_folder(tmp_path)
    locked = tmp_path / "好文章.md"
    real_open = os.open  # (what the loader opens files with; root ignores file permissions)

    def guarded(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    articles, issues = load_folder(tmp_path)
    issue = next(i for i in issues if i.path == str(locked))
    assert issue.reason == "permission denied" and not issue.warning
    assert any(a.path.endswith("gbk_article.txt") for a in articles)


def test_parser_crash_costs_one_file(tmp_path, monkeypatch):
    make_bad_folder(tmp_path)
    import kfin_tui.articles.loader as loader

    def boom(*_):
        raise RuntimeError("simulated parser bug")

    monkeypatch.setattr(loader, "html_to_blocks", boom)
    articles, issues = load_folder(tmp_path)
    crashed = [i for i in issues if "simulated parser bug" in i.reason]
    assert crashed and all(not i.warning for i in crashed)
    assert any(a.path.endswith("gbk_article.txt") for a in articles)


def test_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_folder(tmp_path / "nope")


def test_decode_rejects_garbage_but_reads_gbk():
    with pytest.raises(ValueError):
        decode(b"\xff\x80\xfe\x81 " * 50)
    assert decode("中文，国标。".encode("gbk")) == "中文，国标。"
    assert decode(b"a\r\nb\rc") == "a\nb\nc"


# --- read-only ---------------------------------------------------------------------------------

def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            out[p] = (st.st_mtime_ns, st.st_size)
        out[dirpath] = (os.lstat(dirpath).st_mtime_ns, 0)
    return out


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def test_corpus_is_never_written(tmp_path, monkeypatch, article_fixtures):
    make_bad_folder(tmp_path / "bad")
    import shutil

    shutil.copytree(article_fixtures, tmp_path / "fixtures")
    before = _snapshot(tmp_path)
    real_open, real_os_open = builtins.open, os.open
    writes = []

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            writes.append((file, mode))
            raise AssertionError(f"write attempt: {file} {mode}")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & _WRITE_FLAGS:
            writes.append((path, flags))
            raise AssertionError(f"write attempt: {path}")
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    articles, _issues = load_folder(tmp_path)
    monkeypatch.undo()
    assert not writes
    assert len(articles) >= 8
    assert _snapshot(tmp_path) == before  # same files, same mtimes, same sizes


# --- discovery ---------------------------------------------------------------------------------

def test_symlink_loops_are_safe(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "文章.md").write_text(GOOD_HEXO, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "b" / "to_root")  # loop back to the top
    os.symlink(".", tmp_path / "a" / "self")  # a folder that contains itself
    os.symlink(tmp_path / "missing", tmp_path / "a" / "dangling.md")  # broken link
    articles, _issues = load_folder(tmp_path)
    assert [Path(a.path).name for a in articles] == ["文章.md"]
    assert articles[0].categories == ["金融", "测试社"]


def test_hidden_folders_and_files_are_skipped(article_fixtures, tmp_path):
    found = [p.relative_to(article_fixtures).as_posix() for p in discover(article_fixtures)]
    assert not any("/." in "/" + f for f in found)
    assert len(found) == 5
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text(GOOD_HEXO, encoding="utf-8")
    (tmp_path / ".about.md").write_text(GOOD_HEXO, encoding="utf-8")
    (tmp_path / "visible.md").write_text(GOOD_HEXO, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [p.name for p in discover(tmp_path)] == ["visible.md"]


def test_folder_categories_and_hexo_prefixes(tmp_path):
    plain = tmp_path / "source" / "_posts" / "东方财富" / "股吧" / "3a4b5c6d7e8f.txt"
    plain.parent.mkdir(parents=True)
    plain.write_text("某公司发布公告，股东拟减持。", encoding="utf-8")
    articles, _ = load_folder(tmp_path)
    assert articles[0].categories == ["东方财富", "股吧"]  # source/_posts dropped
    assert articles[0].source == "股吧"  # the site position of a Hexo tree


def test_sort_newest_first_undated_last(article_fixtures):
    from kfin_tui.index import Library

    library = Library(article_fixtures, use_index=False).load_all()
    dates = [r.date for r in library.rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates.index(None) == len(dated)  # every undated after every dated


# --- real archive samples (../shared), read-only ---------------------------------------------------

def _simple_front_matter(text: str) -> dict | None:
    """An independent, deliberately simple reading of Hexo front matter."""
    lines = text.lstrip("\ufeff\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    fields: dict = {}
    key = None
    for line in lines[1:]:
        if line.strip() == "---":
            return fields
        item = re.match(r"^\s*- (.*)$", line)
        if item and key:
            fields.setdefault(key, [])
            if isinstance(fields[key], list):
                fields[key].append(item.group(1).strip().strip("'\""))
            continue
        m = re.match(r"^(\w+):\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
            fields[key] = value if value else []
    return None


def _expected_date(value) -> datetime | None:
    if not value or value == "Invalid Date":
        return None
    return parsedate_to_datetime(value)  # every sample uses RFC 2822


def _shared_files(shared: Path) -> list[Path]:
    files = [p for p in (shared / "real-corpus").rglob("*.md") if p.name != "README.md"]
    files += sorted((shared / "seeds").glob("*.txt"))
    return sorted(files)


def test_every_shared_file_loads_as_its_front_matter_says(shared_dir):
    files = _shared_files(shared_dir)
    assert len(files) >= 20
    with_front_matter = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        article, issue = load_file(path, shared_dir / "real-corpus")
        assert article is not None, issue
        assert issue is None or issue.warning, issue
        assert article.title and article.blocks
        fm = _simple_front_matter(text)
        if fm is None:  # the Eastmoney seed: no front matter
            assert article.format == "text"
            continue
        with_front_matter += 1
        assert article.title == html.unescape(fm["title"]), path
        assert article.date == _expected_date(fm.get("date")), path
        if article.date:
            assert article.date.tzinfo is not None
        assert article.categories == fm["categories"], path
        assert article.author == fm["author"], path
        assert article.source == fm["author"], path
        assert article.format == "html"
        for gone in ("<div", "<p>", "&#123;", "<!--", "appendQr"):
            assert gone not in article.body_text, (path, gone)
    assert with_front_matter >= 20


def test_shared_folders_load_whole(shared_dir):
    articles, issues = load_folder(shared_dir / "real-corpus")
    assert len(articles) == len(_shared_files(shared_dir)) - 2  # README.md skipped; seeds not here
    assert all(i.warning for i in issues)
    # a warning is given exactly where the front matter is not YAML (read line by line instead)
    import yaml

    def yaml_fails(path: Path) -> bool:
        text = path.read_text(encoding="utf-8-sig").lstrip("\n")
        if not text.startswith("---"):
            return False
        head = text[3:].split("\n---", 1)[0]
        try:
            return not isinstance(yaml.safe_load(head), dict)
        except yaml.YAMLError:
            return True

    md = sorted((shared_dir / "real-corpus").rglob("*.md"))
    assert sorted(i.path for i in issues) == sorted(str(p) for p in md if yaml_fails(p))
    seeds, seed_issues = load_folder(shared_dir / "seeds")
    assert len(seeds) == 2 and not seed_issues


def test_shared_eastmoney_seed(shared_dir):
    seed = next((shared_dir / "seeds").glob("003_*.txt"))
    article, issue = load_file(seed)
    assert issue is None and article.format == "text"
    assert article.source == "财联社"  # the 来源: line …
    assert "来源" not in article.body_text  # … leaves the body
    assert article.ticker_codes == ["HK:01024"]  # the cashtag line is a ticker …
    assert "$" not in article.body_text and "追加内容" not in article.body_text  # … not body; boilerplate gone
    assert 0 < len(article.title) <= 40 and not article.title.startswith("近日")


def test_shared_tickers_and_quirks(shared_dir):
    root = shared_dir / "real-corpus"
    articles, _ = load_folder(root)
    by_name = {Path(a.path).name: a for a in articles}

    def find(prefix):
        return next(a for n, a in by_name.items() if n.startswith(prefix))

    assert find("$阿里巴巴").ticker_codes == ["HK:09988"]
    assert find("3D视觉").ticker_codes == ["SH:688322"]
    assert find("@大道无形").ticker_codes == ["HK:03690"]
    assert "SH:600968" in find("120秒").ticker_codes
    assert "HK:02799" in find("1091亿元").ticker_codes
    assert find("index-id").date is None  # date: Invalid Date
    flash = find("10月11日周一")
    assert len(flash.blocks) > 10  # the numbered lines of a 电报 flash are paragraphs


# --- the bundled corpus --------------------------------------------------------------------------

def test_bundled_corpus_loads():
    root = bundled_corpus()
    if not root.is_dir():
        pytest.skip("bundled corpus not present yet")
    articles, issues = load_folder(root)
    assert len(articles) >= 30
    assert [i for i in issues if not i.warning] == []
    assert all(a.title for a in articles)


def test_pathological_large_bodies_stay_fast(tmp_path):
    """Within the 4 MB limit, pathological bodies load (their timing is measured in tests/bench)."""
    cases = {
        "dollars.md": "---\ntitle: x\n---\n" + "$" * 3_000_000,
        "one_line.txt": "没有任何句号的一行字" * 120_000,
        "brackets.txt": "(" * 3_000_000,
        "html.md": "---\ntitle: x\n---\n<p>" + "段落文字，" * 250_000 + "</p>",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        article, issue = load_file(path)
        assert article is not None and article.title, (name, issue)
        # bounded output: the loader keeps each block within its limit (README, Limits)
        assert len(article.body_text) <= 2 * len(text), name


def test_repository_furniture_is_skipped_by_whole_name_only(tmp_path):
    from kfin_tui.articles.discovery import discover

    for name in ("README.md", "LICENSE.txt", "License plates auction.md", "readme-notes.md", "a.md"):
        (tmp_path / name).write_text("正文内容。", encoding="utf-8")
    found = sorted(p.name for p in discover(tmp_path))
    assert found == ["License plates auction.md", "a.md", "readme-notes.md"]


@pytest.mark.skipif(not Path("/dev/zero").exists() or not Path("/proc/self/status").exists(),
                    reason="needs Linux special files")
def test_files_that_report_no_size_are_read_to_the_cap():
    """A special file reports size 0: read in chunks up to the cap (an endless one is an issue,
    not a hang; a short one is read whole)."""
    from kfin_tui.articles.decoding import DecodeError
    from kfin_tui.articles.loader import read_bytes

    with pytest.raises(DecodeError, match="too large"):
        read_bytes(Path("/dev/zero"))
    assert b"Name:" in read_bytes(Path("/proc/self/status"))


def test_a_file_is_read_whole_whatever_its_size(tmp_path):
    from kfin_tui.articles.decoding import MAX_BYTES
    from kfin_tui.articles.loader import read_bytes

    for size in (0, 1, 65535, 65536, 65537, 1_000_003, MAX_BYTES):
        p = tmp_path / f"f{size}"
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        p.write_bytes(data)
        assert read_bytes(p) == data
