"""Library.close waits for calls in flight in other threads, and calls after it never reopen the
index or raise (what lets the reader quit without counting its threads)."""
from __future__ import annotations

import os
import threading
import time

import pytest
from index_helpers import write_corpus

from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.index import extraction as extraction_mod
from kfin_tui.index.problems import Stage


def slow_compute(started: threading.Event, release: threading.Event):
    real = extraction_mod.companies_only  # what extract_pending runs per article

    def compute(article):
        started.set()
        release.wait(10)
        return real(article)

    return compute


def test_close_waits_for_a_call_in_flight(cache, tmp_path, monkeypatch):
    lib = Library(write_corpus(tmp_path / "c", n=6)).load_all()
    lib.wait_index()
    started, release = threading.Event(), threading.Event()
    monkeypatch.setattr(extraction_mod, "companies_only", slow_compute(started, release))
    errors: list[BaseException] = []
    done: list[int] = []

    def work() -> None:
        try:
            done.append(lib.extract_pending(chunk=1))
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    assert started.wait(10)
    closer_result: list[bool] = []
    closer = threading.Thread(target=lambda: closer_result.append(lib.close(timeout=10)))
    closer.start()
    time.sleep(0.2)
    assert closer.is_alive()  # waiting for the extraction, not closing under it
    release.set()
    worker.join(10)
    closer.join(10)
    assert closer_result == [True]
    assert not errors and done == [6]


def test_close_times_out_and_says_so(cache, tmp_path, monkeypatch):
    lib = Library(write_corpus(tmp_path / "c", n=3)).load_all()
    started, release = threading.Event(), threading.Event()
    monkeypatch.setattr(extraction_mod, "companies_only", slow_compute(started, release))
    worker = threading.Thread(target=lambda: lib.extract_pending(chunk=1))
    worker.start()
    assert started.wait(10)
    assert lib.close(timeout=0.1) is False  # still running: its connection is left alone
    release.set()
    worker.join(10)
    assert lib.close(timeout=5) is True


def test_calls_after_close_answer_without_the_index(cache, tmp_path):
    root = write_corpus(tmp_path / "c", n=6)
    with Library(root) as lib:
        lib.load_all()
        n = len(lib.rows)
        hits = lib.select(Filters(keyword="的")).ids
    assert lib.close() is True  # twice is fine
    after = lib.select(Filters(keyword="的"))  # no exception, no reopened index
    assert after.total == n and set(after.ids) <= set(hits)
    assert lib.extraction(lib.rows[0].id) is not None or not hits  # recomputed in memory
    assert all(p.stage is not Stage.OPEN for p in lib.problems)


def _in_thread(fn):
    out: list = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join(10)
    return out[0]


def test_each_search_in_a_new_thread_reuses_one_connection(cache, tmp_path):
    """The reader searches in a new worker thread each time: they take over the connection of a
    thread that has ended (its page cache and the remembered answers of long terms with it)
    instead of opening one each and keeping it until the index closes."""
    lib = Library(write_corpus(tmp_path / "c", n=12)).load_all()
    lib.wait_index()
    store = lib._store
    assert store is not None
    before = len(store._conns)
    seen = {_in_thread(lambda: (lib.search("公司"), id(store.conn))[1]) for _ in range(6)}
    assert len(seen) == 1
    assert len(store._conns) <= before + 1
    # two threads alive at once never share one
    hold, go = threading.Event(), threading.Event()
    mine: list[int] = []

    def holder() -> None:
        mine.append(id(store.conn))
        hold.set()
        go.wait(10)

    t = threading.Thread(target=holder)
    t.start()
    assert hold.wait(10)
    other = _in_thread(lambda: id(store.conn))
    go.set()
    t.join(10)
    assert other != mine[0]
    # a thread that ended inside a transaction leaves none open to the next one
    def dies_in_transaction() -> None:
        store.conn.execute("BEGIN")
        store.conn.execute("SELECT count(*) FROM files").fetchone()

    _in_thread(dies_in_transaction)
    assert _in_thread(lambda: store.conn.in_transaction) is False
    assert lib.close() is True
    assert store._conns == [] and store._idle == []


def test_a_store_dropped_unclosed_leaves_no_file_open(tmp_path):
    """A store nobody closed (a test's, a failed start's) closes its connections when it goes, also
    those a thread handed back: no file stays open for the life of the process (the reader's big-article
    child is read with select(), which fails on descriptors past 1024)."""
    import gc

    from kfin_tui.index.store.core import Store

    fd_dir = "/proc/self/fd"
    if not os.path.isdir(fd_dir):
        pytest.skip("needs /proc")
    before = len(os.listdir(fd_dir))
    for i in range(20):
        store = Store(tmp_path / f"r{i}", tmp_path / f"i{i}.sqlite")
        store.conn.execute("SELECT 1")
        t = threading.Thread(target=lambda s=store: s.conn.execute("SELECT 1"))
        t.start()
        t.join(10)
        del store, t
    gc.collect()
    assert len(os.listdir(fd_dir)) - before < 5
