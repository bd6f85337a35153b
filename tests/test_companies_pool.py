"""The whole-archive companies pass in worker processes (kfin_tui.index.companies_pool): the same
stored companies as the pass in this process, a failing file loses no other, and stopping (or an
exception such as Ctrl-C) leaves no worker process behind."""
from __future__ import annotations

import importlib.util
import os
import sys
import threading
from pathlib import Path

import pytest

from kfin_tui.index import Library
from kfin_tui.index import extraction as extraction_mod
from kfin_tui.index.companies_pool import FAULT_ENV, CompaniesPool

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="children are listed from /proc")


def _make_archive(root: Path, n: int) -> Path:
    spec = importlib.util.spec_from_file_location("make_archive", REPO / "tests" / "bench" / "make_archive.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_archive(root, n)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return _make_archive(tmp_path_factory.mktemp("pool") / "arch", 240)


def _library(root: Path, cache: Path) -> Library:
    lib = Library(root, cache_dir=cache)
    lib.load_all()
    assert lib.indexed
    return lib


def _stored(lib: Library) -> dict[str, list[str] | None]:
    return {r.path: lib._store.extractions.companies_for(r.id) for r in lib.rows}


def _children() -> set[int]:
    """Live (not zombie) child processes of this process."""
    me, out = os.getpid(), set()
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == me and fields[0] != "Z":
            out.add(int(d.name))
    return out


def _no_parent_pass(monkeypatch) -> None:
    """The pooled pass must not extract in this process: fail if it does."""
    def here(_article):
        raise AssertionError("extracted in the parent process")

    monkeypatch.setattr(extraction_mod, "companies_only", here)


def test_pooled_pass_stores_the_same_companies_as_in_process(archive, tmp_path, monkeypatch):
    alone = _library(archive, tmp_path / "c1")
    assert alone.extract_pending(workers=0) == 240
    expected = _stored(alone)
    names = alone.company_names()
    alone.close()
    assert all(v is not None for v in expected.values())
    assert sum(1 for v in expected.values() if v) > 100  # the archive names companies

    before = _children()
    _no_parent_pass(monkeypatch)
    pooled = _library(archive, tmp_path / "c2")
    seen: list[tuple[int, int]] = []
    assert pooled.extract_pending(lambda d, t: seen.append((d, t)), workers=2, chunk=16) == 240
    assert _stored(pooled) == expected
    assert seen[-1] == (240, 240) and all(t == 240 for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert not pooled.extractions_pending()
    assert pooled.company_names() == names
    pooled.close()
    assert _children() <= before


def test_a_failing_file_loses_no_other(archive, tmp_path, monkeypatch):
    alone = _library(archive, tmp_path / "c1")
    alone.extract_pending(workers=0)
    expected = _stored(alone)
    alone.close()
    paths = sorted(expected)
    raising, killing = Path(paths[10]).name, Path(paths[100]).name
    monkeypatch.setenv(FAULT_ENV, f"raise:{raising},exit:{killing}")
    _no_parent_pass(monkeypatch)
    lib = _library(archive, tmp_path / "c2")
    assert lib.extract_pending(workers=2) == 238
    got = _stored(lib)
    bad = {p for p in paths if p.endswith((raising, killing))}
    assert len(bad) == 2
    assert {p for p, v in got.items() if v is None} == bad  # those two stay pending ...
    assert {p: v for p, v in got.items() if p not in bad} == {p: v for p, v in expected.items() if p not in bad}
    said = " ".join(str(p) for p in lib.problems)
    assert raising in said and "MemoryError" in said  # ... each one a problem of its own
    assert killing in said and "died" in said
    assert lib.extractions_pending()
    lib.close()


def test_stopping_leaves_no_worker_behind(archive, tmp_path, monkeypatch):
    lib = _library(archive, tmp_path / "c")
    before = _children()
    stop = threading.Event()
    during: list[set[int]] = []

    def progress(done: int, total: int) -> None:
        during.append(_children() - before)
        stop.set()

    done = lib.extract_pending(progress, stop=stop, workers=2, chunk=1)
    assert during and during[0]  # the workers were running when the stop came
    assert done < 240
    assert _children() <= before
    assert lib.extractions_pending()  # the next start goes on where it stopped
    lib.close()


def test_an_exception_in_the_caller_kills_the_workers(archive, tmp_path):
    lib = _library(archive, tmp_path / "c")
    before = _children()

    def progress(done: int, total: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C on ``kfin-tui index`` while results come in

    with pytest.raises(KeyboardInterrupt):
        lib.extract_pending(progress, workers=2, chunk=1)
    assert _children() <= before
    lib.close()


def test_no_worker_can_start_the_pass_runs_here(archive, tmp_path, monkeypatch):
    def cannot(*_a, **_k):
        raise OSError("no interpreter")

    monkeypatch.setattr(CompaniesPool, "_start", staticmethod(cannot))
    lib = _library(archive, tmp_path / "c")
    assert lib.extract_pending(workers=2) == 240
    assert not lib.extractions_pending()
    lib.close()


def test_every_worker_dying_leaves_the_rest_to_this_process(archive, tmp_path, monkeypatch):
    """Workers killed on every job: after a few replacements the parent takes what is left."""
    lib = _library(archive, tmp_path / "c")
    monkeypatch.setenv(FAULT_ENV, "exit:/")  # every path
    assert lib.extract_pending(workers=2) > 200
    said = " ".join(str(p) for p in lib.problems)
    assert "died" in said
    lib.close()


def test_kfin_tui_index_finds_every_article_companies(archive, cache, capsys):
    """``kfin-tui index`` ends with the companies of every article stored (its last phase)."""
    from kfin_tui.commands.cmd_index import build

    assert build(archive) == 0
    lib = Library(archive)
    lib.load_all()
    assert not lib.extractions_pending()
    assert lib.company_names()
    lib.close()
    assert "finding companies" in capsys.readouterr().err
