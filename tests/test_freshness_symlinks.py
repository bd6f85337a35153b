"""Symlinks and the freshness check: the check follows the walk's rule. A link that resolves outside
the corpus is not an article of its folder (the walk skips it and says so), so the folder holding
one is still fresh when nothing else changed: a warm start takes the fast path instead of walking
the archive every time. A link inside the corpus is followed by both, as before."""
from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from index_helpers import DAY_NS, age, names_file, write_corpus

from kfin_tui import files
from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.index import walk as walk_mod

OUTSIDE_POST = "---\ntitle: 不该出现\n---\n\n外面的文章。\n"
MODES = ["here", "fork", "helper"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus whose ``posts`` folder holds, besides its articles, a link to an article outside the
    corpus, a link to a folder outside it, and a link to a file inside it (in a hidden folder, so
    that the link is its only way in: a change to it shows in ``posts`` alone)."""
    root = write_corpus(tmp_path / "corpus", n=12)
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.md").write_text(OUTSIDE_POST, encoding="utf-8")
    (outside / "dir" / "more.md").write_text(OUTSIDE_POST, encoding="utf-8")
    (root / "posts" / "leak.md").symlink_to(outside / "secret.md")
    (root / "posts" / "elsewhere").symlink_to(outside / "dir")
    (root / ".store").mkdir()
    (root / ".store" / "kept.md").write_text("---\ntitle: 链接进来的文章\n---\n\n正文。\n", encoding="utf-8")
    (root / "posts" / "inside.md").symlink_to(Path("..") / ".store" / "kept.md")
    age(outside)
    age(root)
    return root


def check_mode(monkeypatch: pytest.MonkeyPatch, mode: str) -> list:
    """Have the freshness check run here, in forked children or in ``files.py`` helpers; returns
    a list that receives how many helpers each check started."""
    started: list = []
    if mode == "here":
        monkeypatch.setattr(walk_mod, "HELPER_MIN_FILES", 10**9)
        return started
    monkeypatch.setattr(walk_mod, "HELPER_MIN_FILES", 0)
    monkeypatch.setattr(walk_mod.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(walk_mod, "_can_fork", lambda: mode == "fork")

    def helpers_only(*args, **kwargs):  # (what the check does when a helper failed)
        raise AssertionError("a helper failed: the check fell back to this process")

    monkeypatch.setattr(walk_mod, "folder_fingerprint", helpers_only)
    real = walk_mod.FreshnessCheck.__init__

    def spy(self, *args, **kwargs):
        real(self, *args, **kwargs)
        started.append(sum(p is not None for p, _ in self.procs))

    monkeypatch.setattr(walk_mod.FreshnessCheck, "__init__", spy)
    return started


def fresh(root: Path, names: bool = True) -> bool:
    """Whether the freshness check finds ``root`` as the index last saw it (``kfin-tui list``'s
    fast path is taken); ``names`` False: without the names file (every folder listed)."""
    if not names:
        names_file(root).unlink(missing_ok=True)  # (a fresh check writes it anew)
    return Library(root).quick_listing(Filters()) is not None


def walks(root: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether a warm load of ``root`` walks the folder (instead of taking the cached rows)."""
    calls: list = []
    real = Library._reconcile

    def counting(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Library, "_reconcile", counting)
        Library(root).load_all().close(wait=True)
    return bool(calls)


def index(root: Path) -> None:
    lib = Library(root).load_all()
    assert "不该出现" not in {r.title for r in lib.rows}  # (the walk's rule: the link is not followed)
    assert "链接进来的文章" in {r.title for r in lib.rows}
    lib.close(wait=True)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("names", [True, False], ids=["names", "listed"])
def test_a_link_leaving_the_corpus_keeps_its_folder_fresh(cache, corpus, monkeypatch, mode, names):
    index(corpus)
    started = check_mode(monkeypatch, mode)
    assert fresh(corpus, names)
    assert fresh(corpus, names)  # (and again: the names file written anew, or kept)
    assert started == ([] if mode == "here" else [2, 2])
    assert not walks(corpus, monkeypatch)


@pytest.mark.parametrize("mode", MODES)
def test_the_corpus_reached_through_a_link(cache, corpus, monkeypatch, mode):
    """The corpus opened through a symlink to it: links inside it are still inside, the one
    leaving it still outside."""
    via = corpus.parent / "via"
    via.symlink_to(corpus)
    index(via)
    check_mode(monkeypatch, mode)
    assert fresh(via) and fresh(via, names=False)
    (corpus / ".store" / "kept.md").write_text("---\ntitle: 改过\n---\n", encoding="utf-8")
    assert not fresh(via)


@pytest.mark.parametrize("mode", ["here", "fork"])
def test_kfin_tui_lists_early_check_agrees(cache, corpus, monkeypatch, mode):
    """``kfin-tui list`` starts its check before anything else (walk.early_check): the same rule."""
    index(corpus)
    check_mode(monkeypatch, mode)
    assert Library(corpus).quick_listing(Filters(), walk_mod.early_check(corpus)) is not None
    os.utime(corpus / "posts" / "001.md", ns=(DAY_NS, DAY_NS))
    assert Library(corpus).quick_listing(Filters(), walk_mod.early_check(corpus)) is None


def _edit(root: Path) -> None:
    p = root / "posts" / "001.md"
    st = p.stat()
    p.write_text(p.read_text(encoding="utf-8").replace("title: \"", "title: \"改过的"), encoding="utf-8")
    os.utime(p, ns=(st.st_mtime_ns - DAY_NS,) * 2)  # older, not newer: still seen


def _add(root: Path) -> None:
    folder = root / "posts"
    kept = folder.stat().st_mtime_ns
    (folder / "zz-new.md").write_text("---\ntitle: 新来的文章\n---\n\n新内容。\n", encoding="utf-8")
    os.utime(folder / "zz-new.md", ns=(kept, kept))
    os.utime(folder, ns=(kept, kept))  # the folder's own time does not give it away


def _remove(root: Path) -> None:
    folder = root / "posts"
    kept = folder.stat().st_mtime_ns
    (folder / "004.md").unlink()
    os.utime(folder, ns=(kept, kept))


def _add_inside_link(root: Path) -> None:
    folder = root / "posts"
    kept = folder.stat().st_mtime_ns
    (folder / "zz-link.md").symlink_to(Path("..") / "em" / "002.txt")
    os.utime(folder, ns=(kept, kept))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("names", [True, False], ids=["names", "listed"])
@pytest.mark.parametrize("change", [_edit, _add, _remove, _add_inside_link])
def test_a_change_beside_the_link_is_still_seen(cache, corpus, monkeypatch, mode, names, change):
    index(corpus)
    check_mode(monkeypatch, mode)
    assert fresh(corpus, names)
    change(corpus)
    assert not fresh(corpus, names)
    assert walks(corpus, monkeypatch)
    assert fresh(corpus, names)  # (walked: fresh again)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("names", [True, False], ids=["names", "listed"])
def test_a_link_inside_the_corpus_still_counts(cache, corpus, monkeypatch, mode, names):
    """The link to a file of the corpus is an article of its folder: a change to its target (which
    no other folder holds) makes the folder stale."""
    index(corpus)
    check_mode(monkeypatch, mode)
    assert fresh(corpus, names)
    target = corpus / ".store" / "kept.md"
    st = target.stat()
    target.write_text("---\ntitle: 链接进来的文章\n---\n\n改过的正文。\n", encoding="utf-8")
    os.utime(target, ns=(st.st_mtime_ns + 1,) * 2)
    assert not fresh(corpus, names)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("names", [True, False], ids=["names", "listed"])
def test_what_lies_outside_does_not_matter(cache, corpus, monkeypatch, mode, names):
    """Neither the outside link's target changing nor a new outside link (the folder's time kept:
    the check sees it in the listing, not in the names) makes the folder stale: the walk would
    find the same articles."""
    index(corpus)
    check_mode(monkeypatch, mode)
    assert fresh(corpus, names)
    outside = corpus.parent / "outside"
    (outside / "secret.md").write_text(OUTSIDE_POST + "更长了。\n", encoding="utf-8")
    (outside / "dir" / "new.md").write_text(OUTSIDE_POST, encoding="utf-8")
    assert fresh(corpus, names)
    folder = corpus / "posts"
    kept = folder.stat().st_mtime_ns
    (folder / "leak2.md").symlink_to(outside / "secret.md")
    (folder / "leak3.md").symlink_to(Path("..") / ".." / "outside" / "dir" / "more.md")  # (relative)
    os.utime(folder, ns=(kept, kept))
    assert fresh(corpus, names)
    assert not walks(corpus, monkeypatch)


def test_a_folder_link_leaving_the_corpus_alone(cache, tmp_path, monkeypatch):
    """A link to a folder outside (and nothing else): the walk does not enter it and the folder's
    fingerprint holds no sub-folder, so it was never a cause of a walk (kept here as the answer to
    whether folder links needed the rule too: they do not)."""
    root = write_corpus(tmp_path / "corpus", n=6)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "more.md").write_text(OUTSIDE_POST, encoding="utf-8")
    (root / "posts" / "elsewhere.md").symlink_to(tmp_path / "outside")  # (named like an article, too)
    age(tmp_path)
    Library(root).load_all().close(wait=True)
    assert fresh(root) and fresh(root, names=False)


def test_the_fingerprint_of_each_folder_is_the_walks(corpus):
    """folder_fingerprint, given the corpus (resolved), holds what the walk found: with the names
    the index writes, without them, and with names that miss the links (the listing's others)."""
    top_real = os.path.realpath(corpus)
    dirs: list = []
    walked = list(files.walk(corpus, dirs))
    assert str(corpus / "posts" / "leak.md") not in {p for p, _, _ in walked}
    assert str(corpus / "posts" / "inside.md") in {p for p, _, _ in walked}
    for folder, mtime, _ in dirs:
        entries = sorted((os.path.basename(p), s, m) for p, s, m in walked if os.path.dirname(p) == folder)
        expected = files.fingerprint(mtime, entries)
        blob = files.names_blob([n for n, _, _ in entries])
        assert files.folder_fingerprint(folder, top_real=top_real) == expected
        assert files.folder_fingerprint(folder, blob, top_real) == expected
        assert files.fingerprints([(folder, 0)], None, 0, top_real) == ([expected], False)
    posts = str(corpus / "posts")
    # without the corpus, every link is followed (as before: the rule needs to know the corpus)
    assert files.folder_fingerprint(posts) != files.folder_fingerprint(posts, top_real=top_real)


def test_the_helper_takes_the_corpus_on_its_stdin(corpus):
    """``files.py --fingerprints`` reads (corpus resolved, folders) as well as the folders alone."""
    dirs: list = []
    list(files.walk(corpus, dirs))
    folders = [d for d, _, _ in dirs]
    top_real = os.path.realpath(corpus)
    want = [files.folder_fingerprint(f, top_real=top_real) for f in folders]

    def helper(payload) -> list:
        out = subprocess.run([sys.executable, "-S", "-E", files.__file__, "--fingerprints"],
                             input=marshal.dumps(payload), capture_output=True, check=True)
        return marshal.loads(out.stdout)

    assert helper((top_real, folders)) == want
    assert helper(folders) == [files.folder_fingerprint(f) for f in folders]
    assert helper(folders) != want  # (the posts folder: its outside link followed)
