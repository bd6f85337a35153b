"""FileTable.update_bodies (the body pass's set-based write) leaves the index as upsert one record
at a time does: metadata rows completed, a file changed since its metadata row, a new path, a path
twice in a batch, a row that had a body already, a failed load; what is derived from an old text
(its extraction and companies) is dropped."""
from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import meta_tuple

from kfin_tui.index.store.codec import pack
from kfin_tui.index.store.core import Store
from kfin_tui.index.store.extractions import ExtractionCache
from kfin_tui.index.store.fts import match_query


def _rec(path: str, size: int, mtime: int, text: str, ok: int = 1) -> dict:
    return {"path": path, "abs": "/x/" + path, "size": size, "mtime_ns": mtime, "ok": ok, "title": f"T {path}",
            "date": "2026-01-02T00:00:00", "undated": 0, "sort_ts": 1.0, "source": "src", "author": "a",
            "categories": "c", "tickers": "SH:600519", "format": "html", "issue": None if ok else "bad",
            "warning": 0, "tp": pack(text) if ok else None, "body": 1, "js": None}


def _state(store: Store) -> tuple:
    conn = store.conn
    files = conn.execute("SELECT * FROM files ORDER BY id").fetchall()
    texts = conn.execute("SELECT id, tp FROM texts ORDER BY id").fetchall()
    # (what the search table holds, by the grams of the texts written: 正文 of 新的正文, 第四篇, 新文件)
    grams = sorted(conn.execute("SELECT group_concat(rowid) FROM gram WHERE gram MATCH ?",
                                (match_query([t]),)).fetchone()[0] or "" for t in ("正文", "第四篇", "新文件", "旧的正文"))
    derived = (conn.execute("SELECT id FROM extraction ORDER BY id").fetchall(),
               conn.execute("SELECT nid, blk, ids FROM company ORDER BY nid, blk").fetchall())
    without_body = conn.execute("SELECT count(*) FROM files WHERE body=0").fetchone()[0]
    return files, texts, derived, grams, without_body


def _build(tmp: Path, batch_write, live: bool = False) -> tuple:
    store = Store(tmp / "root", tmp / "index.db")
    if live:  # the search table built: new texts go in as they are written
        with store.write() as conn:
            store.set_meta(conn, "fts_ready", "1")
    with store.write() as conn:
        store.files.insert_meta(conn, [meta_tuple("a.md", 10, 1), meta_tuple("b.md", 20, 2), meta_tuple("c.md", 30, 3),
                                       meta_tuple("d.md", 40, 4)])
        done = store.files.upsert(conn, _rec("e.md", 50, 5, "旧的正文"), live)  # a row with its body
        ExtractionCache._write(conn, [(1, (None, ["宁德时代"]))])  # derived rows on a.md
        conn.execute("INSERT INTO extraction(id, json) VALUES(?, 'null')", (done.id,))
    batch = [_rec("a.md", 10, 1, "第一篇"), _rec("b.md", 21, 9, "改过的文件"), _rec("new.md", 7, 7, "新文件"),
             _rec("c.md", 30, 3, "坏文件", ok=0), _rec("e.md", 51, 6, "新的正文"), _rec("d.md", 40, 4, "第四篇"),
             _rec("d.md", 40, 4, "第四篇")]
    with store.write() as conn:
        stored = batch_write(store, conn, batch)
    state = _state(store)
    store.close()
    return [tuple(s) for s in stored], state


@pytest.mark.parametrize("live", [False, True])
def test_update_bodies_ends_as_upsert_does(tmp_path, live):
    one_by_one = _build(tmp_path / "u", lambda st, conn, recs: [st.files.upsert(conn, r, live) for r in recs], live)
    batched = _build(tmp_path / "b", lambda st, conn, recs: st.files.update_bodies(conn, recs, live), live)
    assert batched == one_by_one
    _stored, (_files, texts, (extraction, company), grams, without_body) = batched
    assert without_body == 0  # every row has its body now
    assert sum(bool(g) for g in grams) == (3 if live else 0)  # (live: each text in the search table as written)
    assert company == [] and len(extraction) == 0  # a.md's and e.md's derived rows went with their old state
    assert len(texts) == 5  # a, b, d, e, new (c failed to load)


def test_update_bodies_writes_in_a_few_statements(tmp_path):
    """The set-based path is taken: a batch of metadata rows costs a fixed number of statements."""
    store = Store(tmp_path / "root", tmp_path / "index.db")
    n = 200
    with store.write() as conn:
        store.files.insert_meta(conn, [meta_tuple(f"{k}.md", k, k) for k in range(n)])
    seen: list[str] = []
    with store.write() as conn:
        conn.set_trace_callback(seen.append)
        try:
            store.files.update_bodies(conn, [_rec(f"{k}.md", k, k, f"正文{k}") for k in range(n)], False)
        finally:
            conn.set_trace_callback(None)
    assert 0 < len([s for s in seen if not s.startswith(("UPDATE files", "INSERT OR REPLACE INTO texts"))]) < 10
    assert store.conn.execute("SELECT count(*) FROM texts").fetchone()[0] == n
    store.close()
