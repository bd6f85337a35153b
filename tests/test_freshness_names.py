"""The freshness check's cheaper form (issue 14, `list --keyword` against rg): the helpers stat the
names the last walk saw (the ``-names`` file beside the index) instead of filtering and sorting
every listed name, and ``kfin-tui list`` finds its index and forks them before pathlib, typing or
platformdirs load. None of it may change an answer: a wrong, stale or damaged names file only costs
the listing it saves."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from index_helpers import DAY_NS, age, names_file, write_corpus

from kfin_tui import files, paths
from kfin_tui.cli import main
from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.index import walk as walk_mod


@pytest.fixture
def corpus(tmp_path):
    root = write_corpus(tmp_path / "corpus", n=30)
    age(root)  # nothing recent: every folder gets a fingerprint
    return root


def article_names(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n[0] != "." and files.is_article_name(n)
                  and (folder / n).is_file())


def mixed_folder(tmp_path: Path) -> Path:
    """Articles beside everything a listing holds that is not one: hidden names, furniture, other
    suffixes, a folder named like an article, links (to an article, broken), a name that is not
    UTF-8."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("甲.md", "b.TXT", ".hidden.md", "README.md", "pic.png", "c.html", "新闻 2026.markdown"):
        (folder / name).write_text("---\ntitle: t\n---\n正文\n", encoding="utf-8")
    (folder / "dir.md").mkdir()
    (folder / "link.md").symlink_to(folder / "甲.md")
    (folder / "broken.md").symlink_to(folder / "missing.md")
    with open(os.path.join(os.fsencode(folder), b"\xff\xfe.md"), "wb") as fh:
        fh.write(b"---\ntitle: t\n---\n")
    age(folder)
    os.utime(folder, ns=(folder.stat().st_mtime_ns - DAY_NS,) * 2)
    return folder


def test_the_names_give_the_fingerprint_a_listing_gives(tmp_path, monkeypatch):
    folder = mixed_folder(tmp_path)
    listed = files.folder_fingerprint(str(folder))
    names = [n for n in article_names(folder) if "\udcff" not in n]
    undecodable = [n for n in article_names(folder) if "\udcff" in n]
    assert len(undecodable) == 1  # (the filesystem kept the non-UTF-8 name)
    # the walk's names, as the index stores them (a str with surrogates for the non-UTF-8 name)
    assert files.folder_fingerprint(str(folder), files.names_blob(sorted(names + undecodable))) == listed
    # without the non-UTF-8 file: the names path is taken, and agrees
    os.unlink(os.path.join(os.fsencode(folder), b"\xff\xfe.md"))
    os.utime(folder, ns=(folder.stat().st_mtime_ns - DAY_NS,) * 2)
    listed = files.folder_fingerprint(str(folder))
    calls: list[str] = []
    real = files.is_article_name
    monkeypatch.setattr(files, "is_article_name", lambda n: calls.append(n) or real(n))
    assert files.folder_fingerprint(str(folder), files.names_blob(names)) == listed
    # only the listed names that are not in the list are looked at (furniture, png, a folder, a
    # broken link), not every name
    assert set(calls) <= {"README.md", "pic.png", "dir.md", "broken.md"}


@pytest.mark.parametrize("change", ["new article", "new article, folder time kept", "gone", "edited",
                                    "wrong names", "names of another folder"])
def test_names_that_are_wrong_never_make_a_changed_folder_look_the_same(tmp_path, change):
    folder = mixed_folder(tmp_path)
    os.unlink(os.path.join(os.fsencode(folder), b"\xff\xfe.md"))
    os.utime(folder, ns=(folder.stat().st_mtime_ns - DAY_NS,) * 2)
    names = article_names(folder)
    before = files.folder_fingerprint(str(folder))
    blob = files.names_blob(names)
    kept = folder.stat().st_mtime_ns
    if change.startswith("new article"):
        (folder / "新.md").write_text("---\ntitle: 新\n---\n", encoding="utf-8")
        os.utime(folder / "新.md", ns=(kept, kept))
        if "kept" in change:
            os.utime(folder, ns=(kept, kept))
    elif change == "gone":
        (folder / "b.TXT").unlink()
        os.utime(folder, ns=(kept, kept))
    elif change == "edited":
        p = folder / "c.html"
        st_ = p.stat()
        p.write_text("---\ntitle: 改\n---\n正文\n", encoding="utf-8")
        os.utime(p, ns=(st_.st_mtime_ns - DAY_NS,) * 2)
    elif change == "wrong names":
        blob = files.names_blob(names[:-1])
        (folder / "新.md").write_text("x", encoding="utf-8")
        os.utime(folder, ns=(kept, kept))
    else:
        blob = files.names_blob(["x.md", "y.md"])
        (folder / "新.md").write_text("x", encoding="utf-8")
        os.utime(folder, ns=(kept, kept))
    now = files.folder_fingerprint(str(folder), blob)
    assert now == files.folder_fingerprint(str(folder)) and now != before


def test_the_index_writes_the_names_and_the_check_reads_them(cache, corpus, monkeypatch):
    Library(corpus).load_all().close(wait=True)
    path = names_file(corpus)
    assert path.is_file()
    seen: list = []
    real = files.folder_fingerprint
    monkeypatch.setattr(files, "folder_fingerprint",
                        lambda f, names=None, top_real=None: seen.append(names) or real(f, names, top_real))
    assert Library(corpus).quick_listing(Filters()) is not None
    assert seen and all(isinstance(n, bytes) for n in seen)  # every folder from its names


@pytest.mark.parametrize("damage", ["missing", "scribbled", "cut short", "another length", "stale"])
def test_a_bad_names_file_only_costs_the_listing(cache, corpus, monkeypatch, damage):
    Library(corpus).load_all().close(wait=True)
    path = names_file(corpus)
    if damage == "missing":
        path.unlink()
    elif damage == "scribbled":
        data = bytearray(path.read_bytes())
        data[len(data) // 2:len(data) // 2 + 16] = random.Random(3).randbytes(16)
        path.write_bytes(bytes(data))
    elif damage == "cut short":
        path.write_bytes(path.read_bytes()[:-7])
    elif damage == "another length":
        path.write_bytes(files.NAMES_LINE.encode() + _sealed([b"a.md"]))
    else:  # the names of an earlier walk (the right length, sealed): they hold a file made again since
        posts = corpus / "posts"
        (posts / "zz.md").write_text("---\ntitle: 后来的\n---\n新。\n", encoding="utf-8")
        age(corpus)
        Library(corpus).load_all().close(wait=True)
        stale = path.read_bytes()
        (posts / "zz.md").unlink()
        age(corpus)
        Library(corpus).load_all().close(wait=True)
        assert b"zz.md" in stale and b"zz.md" not in path.read_bytes()
        kept = posts.stat().st_mtime_ns
        (posts / "zz.md").write_text("---\ntitle: 又来了\n---\n新。\n", encoding="utf-8")
        os.utime(posts / "zz.md", ns=(kept - DAY_NS,) * 2)
        os.utime(posts, ns=(kept, kept))  # the folder's own time does not give it away
        path.write_bytes(stale)
        seen: list = []
        real = files.folder_fingerprint
        monkeypatch.setattr(files, "folder_fingerprint",
                            lambda f, names=None, top_real=None: seen.append(names) or real(f, names, top_real))
        assert Library(corpus).quick_listing(Filters()) is None  # seen: stale
        assert any(isinstance(n, bytes) and b"zz.md" in n for n in seen)  # (through the stale names)
        return
    listed: list = []
    real = files.folder_fingerprint
    monkeypatch.setattr(files, "folder_fingerprint",
                        lambda f, names=None, top_real=None: listed.append(names) or real(f, names, top_real))
    assert Library(corpus).quick_listing(Filters()) is not None  # still fresh: the folders were listed
    assert listed and all(n is None for n in listed)
    # and the names file is written anew (the fingerprints are left as they were)
    folders_before = Path(walk_mod.folders_path(Library(corpus).index_path)).read_bytes()
    listed.clear()
    assert Library(corpus).quick_listing(Filters()) is not None
    assert listed and all(isinstance(n, bytes) for n in listed)
    assert Path(walk_mod.folders_path(Library(corpus).index_path)).read_bytes() == folders_before


def test_a_warm_load_writes_a_missing_names_file(cache, corpus):
    """An index made before the names file (or one whose file was lost) gets it on the next warm
    start of the reader, not only after a folder changes."""
    Library(corpus).load_all().close(wait=True)
    path = names_file(corpus)
    good = path.read_bytes()
    path.unlink()
    Library(corpus).load_all().close(wait=True)
    assert path.read_bytes() == good


def _sealed(obj) -> bytes:
    from kfin_tui.index import checksum

    return checksum.dumps(obj)


def test_helpers_read_the_names_file_too(cache, corpus, monkeypatch):
    """The forked helpers and the ``files.py --fingerprints --names`` helper (the reader's, and any
    system without fork) give what the in-process check gives."""
    Library(corpus).load_all().close(wait=True)
    lib = Library(corpus)
    folders = lib._store.snapshots.folders()
    names = str(names_file(corpus))
    items = [(lib._abs_dir(f.folder), i) for i, f in enumerate(folders)]
    expected = [f.fingerprint for f in folders]
    assert files.fingerprints(items, names, len(folders)) == (expected, True)
    proc = subprocess.run([sys.executable, "-S", "-E", files.__file__, "--fingerprints", "--names", names,
                           str(len(folders))], input=__import__("marshal").dumps(items), capture_output=True, check=True)
    assert __import__("marshal").loads(proc.stdout) == (expected, True)
    # a helper with no names file to read says so (the index then writes it anew)
    proc = subprocess.run([sys.executable, "-S", "-E", files.__file__, "--fingerprints", "--names", names + "-gone",
                           str(len(folders))], input=__import__("marshal").dumps(items), capture_output=True, check=True)
    assert __import__("marshal").loads(proc.stdout) == (expected, False)
    lib.close()


def test_a_search_with_no_hit_does_not_read_the_json_lines(cache, corpus, capsys, monkeypatch):
    """The JSON lines (most of the listing file) are checked against their CRC only when one is
    printed: damaged, a search with no hit still answers from the index, and a search with hits
    notices it and lists from the files."""
    Library(corpus).load_all().close(wait=True)
    lib = Library(corpus)
    listing = Path(str(lib.index_path) + "-listing")
    lib.close()
    data = bytearray(listing.read_bytes())
    data[-300:-200] = bytes(100)  # inside the JSON lines
    listing.write_bytes(bytes(data))
    assert main(["list", "--json", "--keyword", "没有这个词", str(corpus)]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "damaged" not in out.err
    as_json = {"prepare": lambda li: li.json_bytes()}
    assert Library(corpus).quick_listing(Filters(keyword="没有这个词"), **as_json) is not None  # the fast path
    assert Library(corpus).quick_listing(Filters(keyword="第"), **as_json) is None  # hits: the damage is seen
    # …also by a caller of the API that asks for the lines later (no `prepare`)
    listing.write_bytes(bytes(data))
    later = Library(corpus).quick_listing(Filters(keyword="第"))
    assert later is not None  # (a table needs no JSON line)
    with pytest.raises(LookupError):
        later.json_bytes()
    assert main(["list", "--json", "--keyword", "第", str(corpus)]) == 0
    got = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    want = [r.path for r in Library(corpus, use_index=False).load_all().select(Filters(keyword="第")).rows]
    assert got == want and got


@given(st.lists(st.sampled_from(["", ".", "..", "a", "新闻", "b c", "/"]), max_size=6),
       st.sampled_from(["", "/", "//", "///"]), st.booleans())
def test_path_str_is_what_pathlib_gives(parts, lead, trailing):
    raw = lead + "/".join(parts) + ("/" if trailing else "")
    assert walk_mod.path_str(raw) == str(Path(raw))


def test_the_index_file_is_found_without_pathlib(tmp_path, monkeypatch):
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    monkeypatch.chdir(tmp_path)
    for root in ("real", "real/", "./real", "real/sub/..", "link", "link/sub/../", str(tmp_path / "real"), "."):
        old = tmp_path / "c" / "index" / (
            __import__("hashlib").sha1(str(Path(root).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
            + ".sqlite3")
        assert Path(paths.index_file_for(root, tmp_path / "c")) == old
        assert paths.index_path_for(root, tmp_path / "c") == old


@pytest.mark.parametrize("env", [{}, {"XDG_CACHE_HOME": "/srv/xdg-cache"}, {"XDG_CACHE_HOME": "relative/cache"},
                                 {"XDG_CACHE_HOME": ""}, {"HOME": "/home/分析师/"}])
def test_the_cache_folder_is_where_platformdirs_puts_it(monkeypatch, env):
    platformdirs = pytest.importorskip("platformdirs")
    monkeypatch.delenv("KFIN_TUI_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/analyst")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert paths.cache_folder() == platformdirs.user_cache_dir(paths.APP_NAME, appauthor=False)
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir(paths.APP_NAME, appauthor=False))


@pytest.mark.parametrize("where", ["KFIN_TUI_CACHE", "XDG_CACHE_HOME"])
def test_kfin_tui_list_forks_its_check_before_the_heavy_imports(tmp_path, where):
    """What `kfin-tui list` has imported when its freshness check starts: nothing of pathlib,
    typing, hashlib or platformdirs (each costs milliseconds before the second core gets work)."""
    code = ("import sys, re\n"
            "import kfin_tui.index.walk as w\n"
            "seen = {}\n"
            "real = w.FreshnessCheck.__init__\n"
            "def spy(self, *a, **k):\n"
            "    seen['mods'] = set(sys.modules)\n"
            "    real(self, *a, **k)\n"
            "w.FreshnessCheck.__init__ = spy\n"
            "from kfin_tui.cli import _early_list_check\n"
            f"_early_list_check(['--json', {str(tmp_path / 'corpus')!r}])\n"
            "w.stop_early_checks()\n"
            "print(sorted(m for m in ('pathlib', 'typing', 'hashlib', 'platformdirs', 'argparse') if m in seen['mods']))\n")
    root = write_corpus(tmp_path / "corpus", n=6)
    age(root)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "XDG_CACHE_HOME", "KFIN_TUI_CACHE")}
    env[where] = str(tmp_path / "cache")  # (XDG_CACHE_HOME: the folder is found without platformdirs on Linux)
    Library_env = dict(env)
    subprocess.run([sys.executable, "-c", "import sys; from kfin_tui.index import Library; "
                    f"Library({str(root)!r}).load_all().close(wait=True)"], env=Library_env, check=True)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr  # (and the check was started: the spy ran)


def test_a_name_that_is_not_utf8_cannot_pass_for_its_stored_form(tmp_path):
    """A name that is not UTF-8 is stored surrogate-encoded (b"\\xff" → "\\udcff" → b"\\xed\\xb3\\xbf"):
    a file renamed to those very bytes, size, time and folder time kept, must not pass for it."""
    folder = tmp_path / "f"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"\xff.md")
    with open(raw, "wb") as fh:
        fh.write(b"---\ntitle: t\n---\n")
    os.utime(raw, ns=(1_600_000_000 * 10**9,) * 2)
    kept = folder.stat().st_mtime_ns - DAY_NS
    os.utime(folder, ns=(kept, kept))
    stored = files.folder_fingerprint(str(folder))
    blob = files.names_blob([os.fsdecode(b"\xff.md")])
    assert files.folder_fingerprint(str(folder), blob) == stored
    os.rename(raw, os.path.join(os.fsencode(folder), b"\xed\xb3\xbf.md"))
    os.utime(folder, ns=(kept, kept))
    assert files.folder_fingerprint(str(folder)) != stored
    assert files.folder_fingerprint(str(folder), blob) != stored


_NAMES = ["甲.md", "b.TXT", "c.html", "新闻 2026.markdown", "link.md", ".hidden.md", "README.md", "pic.png",
          "dir.md", "broken.md", "missing.md", "\udcff\udcfe.md"]


def _change(folder: Path, how: str) -> None:
    kept = folder.stat().st_mtime_ns
    if how == "add":
        (folder / "新来的.md").write_text("---\ntitle: 新\n---\n", encoding="utf-8")
        os.utime(folder / "新来的.md", ns=(kept - DAY_NS,) * 2)
    elif how == "remove":
        (folder / "b.TXT").unlink()
    elif how == "edit":
        st_ = (folder / "c.html").stat()
        (folder / "c.html").write_text("---\ntitle: 改过\n---\n", encoding="utf-8")
        os.utime(folder / "c.html", ns=(st_.st_mtime_ns,) * 2)
    elif how == "rename":
        os.rename(folder / "甲.md", folder / "乙.md")
    elif how == "not utf-8 renamed to its stored form":
        os.rename(os.path.join(os.fsencode(folder), b"\xff\xfe.md"),
                  os.path.join(os.fsencode(folder), "\udcff\udcfe.md".encode("utf-8", "surrogatepass")))
    os.utime(folder, ns=(kept, kept))  # the folder's own time never gives the change away


@given(st.lists(st.sampled_from(_NAMES), max_size=12), st.booleans(),
       st.sampled_from(["none", "add", "remove", "edit", "rename", "not utf-8 renamed to its stored form"]))
def test_whatever_names_are_given_a_changed_folder_never_matches(tmp_path_factory, names, keep_order, how):
    """For any list of names (subsets, duplicates, any order, hidden, furniture, a folder, missing
    or not UTF-8) and any change to the folder with its own time kept, the fingerprint through the
    names equals the one stored before only when the listed folder's does too: the names can cost
    a listing, never hide a change. The true names always match an unchanged folder."""
    folder = mixed_folder(tmp_path_factory.mktemp("p"))
    stored = files.folder_fingerprint(str(folder))
    true = [os.fsdecode(n) for n in sorted(os.listdir(os.fsencode(folder)))
            if n[:1] != b"." and files.is_article_name(os.fsdecode(n)) and os.path.isfile(os.path.join(os.fsencode(folder), n))]
    assert files.folder_fingerprint(str(folder), files.names_blob(true)) == stored
    _change(folder, how)
    listed = files.folder_fingerprint(str(folder))
    assert (listed == stored) == (how == "none")
    ordered = names if keep_order else sorted(names)
    got = files.folder_fingerprint(str(folder), "\0".join(ordered).encode("utf-8", "surrogatepass"))
    got_true = files.folder_fingerprint(str(folder), files.names_blob(true))
    if got == stored:
        assert how == "none"  # wrong names may cost a listing (or a walk), never hide a change
    assert got_true == listed  # the names the index wrote: the same fingerprint as a listing
