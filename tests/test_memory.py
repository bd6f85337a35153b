"""What lives as long as the reader stays small (issue 14: peak RSS ≤ 500 MB at 100,000 articles).

Sizes, not times: each test measures what one structure holds and fails when it goes back to the
size it had (the numbers in the docstrings are the before/after of the change that made it small).
"""
from __future__ import annotations

import marshal
import subprocess
import sys
import tracemalloc

import pytest

from kfin_tui.state.identity import Identity, IdentityCache


def test_jieba_place_names_are_read_without_jieba_posseg():
    """The place names (tag ns) come from jieba's dictionary file: the same set jieba.posseg's
    table gives, without the table of every word's tag (~50 MB) kept for the process's life."""
    import jieba.posseg as pseg

    from kfin_tui.extract.companies import WORDS_TAGGED_AS_PLACES, _places

    places = _places()
    # (less the words of the language jieba tags as places: 新建, 上市 …)
    assert places == {w for w, t in pseg.dt.word_tag_tab.items() if t == "ns"} - WORDS_TAGGED_AS_PLACES
    assert {"北京", "渤海", "上海"} <= places
    assert not places & {"新建", "上市"}


def test_extracting_leaves_jieba_posseg_unloaded():
    code = ("import sys; from kfin_tui.extract import warm_up; warm_up(); "
            "print('jieba.posseg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_the_company_automaton_is_small():
    """The automaton over every company form: 56 MB as a DFA, ~2 MB as a contiguous NFA (the same
    matches: the extraction tests and the equivalence tests hold them)."""
    code = """
def anon():
    return int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('RssAnon')))
from kfin_tui.extract.dictionary import get_dictionary
d = get_dictionary()
before = anon()
d.automaton
print((anon() - before) // 1024)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) < 20  # MB


def test_identity_cache_entries_are_compact(tmp_path):
    """100,000 identities live as long as the reader: ~250 bytes an entry (a tuple of four with a
    hex digest and the key spelled out took ~700). Loaded here from a cache of the older format,
    which is converted, not recomputed."""
    root = tmp_path / "archive"
    root.mkdir()
    n = 20_000
    old = {f"金融/财联社/深度/文章{i:06d}一二三四五六七八九十.md": (4000 + i, 1_700_000_000_000_000_000 + i,
                                                         f"path:金融/财联社/深度/文章{i:06d}一二三四五六七八九十.md",
                                                         f"{i:032x}") for i in range(n)}
    old["fetched/1.md"] = (10, 20, "guid:cls-1", "ab" * 16)
    cache = IdentityCache(root, tmp_path / "cache")
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(marshal.dumps((1, old)))
    del old
    tracemalloc.start()
    try:
        cache._load()
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(cache._mem) == n + 1
    assert held / n < 300, f"{held / n:.0f} bytes an entry"
    stat = (4007, 1_700_000_000_000_000_007)
    assert cache.get(root / "金融/财联社/深度/文章000007一二三四五六七八九十.md", {
        "金融/财联社/深度/文章000007一二三四五六七八九十.md": stat}) == Identity(
        "path:金融/财联社/深度/文章000007一二三四五六七八九十.md", f"{7:032x}")
    assert cache.get(root / "fetched/1.md", {"fetched/1.md": (10, 20)}) == Identity("guid:cls-1", "ab" * 16)


def test_identity_check_reads_only_the_files_that_changed(tmp_path, monkeypatch):
    """A whole archive's identities are checked against the index's sizes and mtimes without an
    object per file; only a file whose size or mtime changed is read again (its new hash kept)."""
    import os
    from types import SimpleNamespace

    from kfin_tui.state import identity as identity_module

    root = tmp_path / "archive"
    root.mkdir()
    rows, known = [], {}
    for i in range(5):
        p = root / f"{i}.md"
        p.write_text(f"---\ntitle: 第{i}篇\n---\n正文{i}\n", encoding="utf-8")
        st = os.stat(p)
        rows.append(SimpleNamespace(id=i, path=str(p)))
        known[p.name] = (st.st_size, st.st_mtime_ns)
    cache = IdentityCache(root, tmp_path / "cache")
    assert cache.check(rows, known) == [(i, f"{i}.md") for i in range(5)]
    before = cache.hash_of("3.md")
    read: list[str] = []
    real = identity_module.identity_of_bytes
    monkeypatch.setattr(identity_module, "identity_of_bytes", lambda data, rel: read.append(rel) or real(data, rel))
    (root / "3.md").write_text("---\ntitle: 改过\n---\n新的正文，长了一些\n", encoding="utf-8")
    st = os.stat(root / "3.md")
    known["3.md"] = (st.st_size, st.st_mtime_ns)
    (root / "4.md").unlink()
    del known["4.md"]  # (the index saw it go)
    assert cache.check(rows, known) == [(i, f"{i}.md") for i in range(4)]
    assert read == ["3.md"]
    assert cache.hash_of("3.md") != before and cache.key_of("3.md") == "path:3.md"


def test_an_identity_cache_of_the_right_version_but_wrong_entries_is_no_cache(tmp_path):
    """A cache file that unmarshals but holds something else (another program's, or damaged in a way
    the format still reads) is ignored, never trusted: the identities are read from the files."""
    root = tmp_path / "archive"
    root.mkdir()
    (root / "a.md").write_text("---\ntitle: 甲\n---\n正文\n", encoding="utf-8")
    cache = IdentityCache(root, tmp_path / "cache")
    cache.path.parent.mkdir(parents=True)
    for data in ((2, {"a.md": 7}, {}), (2, {"a.md": b"short"}, {}), (2, {}, {"a.md": 3}), (2, ["a.md"], {})):
        cache.path.write_bytes(marshal.dumps(data))
        fresh = IdentityCache(root, tmp_path / "cache")
        st = (root / "a.md").stat()
        row = type("R", (), {"id": 1, "path": str(root / "a.md")})()
        assert fresh.check([row], {"a.md": (st.st_size, st.st_mtime_ns)}) == [(1, "a.md")]
        assert fresh.get(root / "a.md").key == "path:a.md" and len(fresh.hash_of("a.md")) == 32


def test_an_old_identity_cache_with_foreign_entries_is_read_without_them(tmp_path):
    root = tmp_path / "archive"
    root.mkdir()
    cache = IdentityCache(root, tmp_path / "cache")
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(marshal.dumps((1, {7: (1, 2, "path:x", "ab" * 16), "b.md": (1, 2, 3, "ab" * 16),
                                              "c.md": (1, 2, "path:c.md", "ab" * 16)})))
    fresh = IdentityCache(root, tmp_path / "cache")
    fresh._load()
    assert list(fresh._mem) == ["c.md"]
