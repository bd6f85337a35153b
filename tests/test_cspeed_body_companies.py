"""The body pass's workers find each article's companies while they read it (issue 13, speed):
stored with the rows, the same names as the companies pass, and the companies pass still takes
whatever the body pass left (no extractor, a failure, a changed file, an index made before)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from index_helpers import make_small_cold, synthetic

from kfin_tui.articles import load_file
from kfin_tui.extract import article_companies
from kfin_tui.index import Library
from kfin_tui.index import extraction as extraction_mod
from kfin_tui.index import parse as parse_mod
from kfin_tui.index.extracted import _names
from kfin_tui.index.store import extractions as extractions_mod

N = 60


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return synthetic(tmp_path_factory.mktemp("cspeed") / "arch", N)


def _expected(root: Path) -> dict[str, list[str]]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            article, _ = load_file(path, root)
            if article is not None:
                out[path.relative_to(root).as_posix()] = _names(article_companies(article))
    return out


def _known(lib: Library) -> dict[str, list[str]]:
    return {Path(r.path).relative_to(lib.root).as_posix(): sorted(lib.companies_for(r.id)) for r in lib.rows}


def _no_companies_pass(monkeypatch) -> None:
    """The companies pass must find nothing to do: fail if it extracts anything."""
    def here(_article):
        raise AssertionError("the companies pass ran")

    monkeypatch.setattr(extraction_mod, "companies_only", here)


def test_cold_build_knows_every_company_after_the_body_pass(archive, cache, monkeypatch):
    make_small_cold(monkeypatch)  # metadata pass, then the body pass in worker processes
    lib = Library(archive)
    for _ in lib.load():
        pass
    assert lib.bodies_pending and lib.extractions_pending()
    for _ in lib.complete():
        pass
    assert lib.indexed and lib.count() == N
    assert not lib.extractions_pending()
    expected = _expected(archive)
    assert _known(lib) == expected
    assert any(expected.values())  # the archive names companies: the check above is not vacuous
    _no_companies_pass(monkeypatch)
    assert lib.extract_pending(workers=0) == 0
    name, count = lib.company_names()[0]
    assert len(lib.ids_with_company(name)) == count
    lib.close()
    again = Library(archive)  # stored in the index, not only held in memory
    for _ in again.load():
        pass
    assert not again.extractions_pending()
    assert _known(again) == expected
    again.close()


def test_companies_are_written_in_batches_and_at_the_end(archive, cache, monkeypatch):
    make_small_cold(monkeypatch)
    monkeypatch.setattr(extractions_mod, "FOUND_BATCH", 25)  # written twice during the pass, the rest at its end
    lib = Library(archive)
    lib.load_all()
    assert not lib.extractions_pending()
    assert _known(lib) == _expected(archive)
    lib.close()


def test_held_companies_are_written_only_for_rows_as_they_were_read(archive, cache):
    lib = Library(archive)  # a small folder: read here, the companies pass left to do
    lib.load_all()
    store = lib._store
    a, b, c, d = (r.id for r in lib.rows[:4])
    with store.write() as conn:
        stat = {i: tuple(conn.execute("SELECT size, mtime_ns FROM files WHERE id=?", (i,)).fetchone()) for i in (a, b, c, d)}
        store.extractions.put_found(conn, [(a, *stat[a], (None, ["甲公司"])), (b, stat[b][0], stat[b][1] + 1, (None, ["乙公司"])),
                                           (c, *stat[c], (None, ["丙公司"])), (d, *stat[d], (None, ["丁公司"]))])
        store.extractions.forget(conn, c)  # the row changed meanwhile (upsert drops what is derived)
    store.extractions.put([(d, {"numbers": []}, ["戊公司"])])  # extracted meanwhile (another instance)
    assert store.extractions.companies_for(a) is None  # held, not written yet
    store.extractions.flush_found()
    assert store.extractions.companies_for(a) == ["甲公司"]
    assert store.extractions.companies_for(b) is None  # not the file that was read
    assert store.extractions.companies_for(c) is None
    assert store.extractions.companies_for(d) == ["戊公司"]  # not overwritten
    lib.close()


def test_texts_only_leave_the_companies_to_their_pass(archive, cache, monkeypatch):
    make_small_cold(monkeypatch)
    monkeypatch.setattr(Library, "companies_with_texts", False)
    lib = Library(archive)
    lib.load_all()
    assert lib.extractions_pending()
    assert lib.extract_pending(workers=0) == N
    assert not lib.extractions_pending()
    assert _known(lib) == _expected(archive)
    lib.close()


def test_memory_mode_keeps_the_companies_in_memory(archive, monkeypatch):
    make_small_cold(monkeypatch)
    lib = Library(archive, use_index=False)
    for _ in lib.load(batch=8):  # the first batch is read here, the rest by the workers
        pass
    assert not lib.indexed and lib.count() == N
    known = {p: names for p, names in _known(lib).items() if names}
    expected = _expected(archive)
    assert known and all(expected[p] == names for p, names in known.items())
    assert lib.extract_pending(workers=0) == 8  # only those read in this process
    assert _known(lib) == expected


def test_a_changed_file_gets_its_companies_again(tmp_path, cache, monkeypatch):
    root = synthetic(tmp_path / "arch", 30)
    make_small_cold(monkeypatch)
    lib = Library(root)
    lib.load_all()
    assert not lib.extractions_pending()
    target = next(r for r in lib.rows if lib.companies_for(r.id))
    path = Path(target.path)
    path.write_text(path.read_text(encoding="utf-8") + "\n\n腾讯控股与比亚迪今日公告合作。\n", encoding="utf-8")
    lib.rescan([path])
    assert lib.extractions_pending()  # the old names went with the old text
    assert lib.extract_pending(workers=0) == 1
    rid = lib._table.by_path[path.relative_to(root).as_posix()]
    assert "比亚迪" in lib.companies_for(rid)
    assert _known(lib) == _expected(root)
    lib.close()


def test_a_file_the_extractor_fails_on_is_left_to_the_companies_pass(archive, monkeypatch):
    path = next(p for p in sorted(archive.rglob("*")) if p.is_file())

    def broken(_article):
        raise MemoryError("too big")

    monkeypatch.setattr(extraction_mod, "companies_only", broken)
    rec = parse_mod.parse_one(path, archive, companies=True)
    assert rec["ok"] and "co" not in rec
    monkeypatch.undo()
    rec = parse_mod.parse_one(path, archive, companies=True)
    assert rec["co"] == (None, _expected(archive)[path.relative_to(archive).as_posix()])
    assert "co" not in parse_mod.parse_one(path, archive)  # asked for only


def test_the_fallback_in_the_parent_reads_texts_only(archive, monkeypatch):
    """A worker that dies leaves its jobs to the parent, which does not load the extractor for them."""
    calls = []
    real = parse_mod.parse_one

    def spy(path, root, spread_text=True, companies=False):
        calls.append(companies)
        return real(path, root, spread_text, companies)

    monkeypatch.setattr(parse_mod, "parse_one", spy)
    workers = parse_mod.Workers(1)
    try:
        workers.procs[0].kill()
        workers.procs[0].wait()
        paths = [str(p) for p in sorted(archive.rglob("*")) if p.is_file()][:4]
        got = [rec for records in workers.run(iter([(str(archive), paths, True, "companies")])) for rec in records]
    finally:
        workers.close()
    assert len(got) == 4 and calls == [False] * 4
    assert all("co" not in rec for rec in got)


def test_put_is_set_based_and_skips_rows_gone(archive, cache):
    lib = Library(archive)
    lib.load_all()
    store = lib._store
    ids = [r.id for r in lib.rows[:3]]
    gone = max(r.id for r in lib.rows) + 100
    store.extractions.put([(ids[0], None, ["甲公司", "乙公司"]), (gone, None, ["丙公司"])])
    store.extractions.put([(ids[0], {"numbers": []}, ["乙公司"]), (ids[1], None, [])])
    assert store.extractions.companies_for(ids[0]) == ["乙公司"]  # the older names replaced
    assert store.extractions.get(ids[0]) == {"numbers": []}
    assert store.extractions.companies_for(ids[1]) == []  # extracted: no companies
    assert store.extractions.companies_for(ids[2]) is None  # not extracted
    assert store.extractions.ids_with_company("丙公司") == set()  # (its row was gone: nothing written)
    assert store.extractions.ids_with_company("甲公司") == set()  # replaced
    db = store.path if hasattr(store, "path") else lib.index_path
    lib.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM extraction WHERE id=?", (gone,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM company").fetchone()[0] == 1  # 乙公司's block only
        assert json.loads(conn.execute("SELECT json FROM extraction WHERE id=?", (ids[1],)).fetchone()[0]) is None


def test_near_the_end_of_the_pass_companies_are_written_in_small_batches(archive, cache, monkeypatch):
    """Once fewer than FOUND_BATCH articles are left, what is held is written every FOUND_TAIL
    articles: the end of the pass (after the last worker) writes at most that many, not up to
    FOUND_BATCH (at 100,000 rows ~1 s of writing after every text was read)."""
    make_small_cold(monkeypatch)
    monkeypatch.setattr(extractions_mod, "FOUND_BATCH", 10_000)  # the whole small archive is "near the end"
    monkeypatch.setattr(extractions_mod, "FOUND_TAIL", 5)
    held_at_end: list[int] = []
    real_flush = extractions_mod.ExtractionCache.flush_found

    def flush_found(cache_self):
        held_at_end.append(len(cache_self._found))
        return real_flush(cache_self)

    monkeypatch.setattr(extractions_mod.ExtractionCache, "flush_found", flush_found)
    lib = Library(archive)
    lib.load_all()
    assert held_at_end and max(held_at_end) < 5 + 16  # FOUND_TAIL, plus at most one stored batch (STORE_BATCH 16)
    assert not lib.extractions_pending()
    assert _known(lib) == _expected(archive)
    lib.close()
