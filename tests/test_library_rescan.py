"""``Library.rescan``: files that appear, change or go away while the library is open are taken in
without a reload, reading only the files named; the index holds them at the next start."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from index_helpers import count_parses, rowset, write_corpus

from kfin_tui.index import Library
from kfin_tui.index import library as library_mod


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


# dated after anything in the corpus: its undated .txt posts are dated by their file time (now)
NEW = "---\ntitle: 新到的快讯\ndate: 2099-12-01 09:30:00\n---\n\n刚刚写入的独有词汇壬癸。\n"


@pytest.mark.parametrize("use_index", [True, False], ids=["index", "memory"])
def test_rescan_paths_adds_changes_and_drops(cache, corpus: Path, monkeypatch, use_index: bool) -> None:
    lib = Library(corpus, use_index=use_index).load_all()
    n = len(lib.rows)
    new = corpus / "posts" / "新到的.md"
    new.write_text(NEW, encoding="utf-8")
    changed = corpus / "posts" / "001.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace('title: "', 'title: "改过的'), encoding="utf-8")
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 5_000_000))
    deleted = corpus / "em" / "002.txt"
    gone_id = next(r.id for r in lib.rows if r.path == str(deleted))
    deleted.unlink()
    outside = corpus.parent / "outside.md"
    outside.write_text(NEW, encoding="utf-8")
    calls = count_parses(monkeypatch)
    rows = lib.rescan([new, changed, deleted, outside, corpus / "posts" / ".tmp-x.md"])
    assert sorted(Path(c).name for c in calls) == ["001.md", "新到的.md"]  # only the files named
    assert sorted(r.path for r in rows) == sorted([str(new), str(changed)])
    assert len(lib.rows) == n  # one in, one out
    assert lib.rows[0].path == str(new)  # the newest: at the top
    assert gone_id in lib.removed and str(deleted) not in {r.path for r in lib.rows}
    assert lib.search("壬癸") == {lib.rows[0].id}
    assert lib.rows == sorted(lib.rows, key=library_mod.sort_key)
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())
    if use_index:  # the next start holds the same (the folder fingerprints moved: it checks)
        again = Library(corpus).load_all()
        assert rowset(again) == rowset(lib)
        assert again.search("壬癸") == lib.search("壬癸")


def test_rescan_of_an_unchanged_file_keeps_its_row(cache, corpus: Path) -> None:
    lib = Library(corpus).load_all()
    before = {r.path: r.id for r in lib.rows}
    first = lib.rows[0]
    lib.rescan([first.path])
    assert {r.path: r.id for r in lib.rows} == before


def test_rescan_without_paths_walks_the_folder(cache, corpus: Path) -> None:
    lib = Library(corpus).load_all()
    n = len(lib.rows)
    (corpus / "em" / "later.md").write_text(NEW, encoding="utf-8")
    rows = lib.rescan()
    assert [r.title for r in rows] == ["新到的快讯"]
    assert len(lib.rows) == n + 1


def test_rescan_of_a_broken_file_is_a_load_issue_then_cleared(cache, corpus: Path) -> None:
    lib = Library(corpus).load_all()
    n, issues = len(lib.rows), len(lib.issues)
    bad = corpus / "posts" / "bad.md"
    bad.write_bytes(b"")  # empty: not an article, a load issue
    assert lib.rescan([bad]) == []
    assert len(lib.rows) == n and [i.path for i in lib.issues[issues:]] == [str(bad)]
    bad.unlink()
    lib.rescan([bad])
    assert len(lib.rows) == n and len(lib.issues) == issues
