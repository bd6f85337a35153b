"""A warm start makes its rows from the snapshot's columns (issue 14): the same rows, in the same
order, as reading the folder afresh — dated and undated rows, sources, authors, categories,
tickers, formats — first the head (what the first paint shows), then the rest."""
from __future__ import annotations

import sqlite3
from array import array

from index_helpers import age, write_corpus

from kfin_tui.index import Library, checksum
from kfin_tui.index.store.filetable import FileTable
from kfin_tui.index.store.snapshots import HEAD, ROWS


def fields(lib: Library) -> list[tuple]:
    """Every row but its id, in list order."""
    return [(r.path, r.title, r.date, r.source, r.categories, r.tickers, r.format, r.author) for r in lib.rows]


def folder(root):
    write_corpus(root, n=HEAD + 120)
    for i in range(4):  # no date anywhere: undated rows, listed last
        (root / "notes" / f"n{i}.md").parent.mkdir(exist_ok=True)
        (root / "notes" / f"n{i}.md").write_text(f"# 笔记{i}\n\n没有日期的笔记 $贵州茅台(SH600519)$ 正文。\n", encoding="utf-8")
    age(root)
    return root


def test_warm_rows_from_the_columns_are_the_rows_of_a_fresh_read(tmp_path, cache, monkeypatch):
    root = folder(tmp_path / "archive")
    Library(root).load_all()  # builds the index and writes the snapshot

    def no_table(self):
        raise AssertionError("a warm start read the file table, not the snapshot")

    warm = Library(root)
    with monkeypatch.context() as m:
        m.setattr(FileTable, "table_rows", no_table)
        batches = list(warm.load())
    fresh = Library(root, use_index=False).load_all()

    assert len(batches[0]) == HEAD  # the head first, then the rest in one batch
    assert sum(len(b) for b in batches) == len(warm.rows) == len(fresh.rows)
    assert fields(warm) == fields(fresh)
    undated = [r for r in warm.rows if r.date is None]
    assert len(undated) == 4 and warm.rows[-4:] == undated
    assert any(r.tickers for r in warm.rows) and any(r.author for r in warm.rows)
    assert any(len(r.categories) > 1 for r in warm.rows) and {r.format for r in warm.rows} >= {"html", "markdown", "text"}
    # every row can be looked up by its id, and the ids are the index's
    assert all(warm.row(r.id) is r for r in warm.rows)
    table = Library(root)._db.files.table_rows().rows
    assert sorted(r.id for r in warm.rows) == sorted(t[0] for t in table) and len(table) == len(warm.rows)


def test_a_snapshot_of_another_shape_reads_as_damaged(tmp_path, cache):
    root = folder(tmp_path / "archive")
    lib = Library(root).load_all()
    rows_before = fields(lib)
    store = Library(root)._db
    bad = checksum.dumps(([array("q", [1, 2]).tobytes(), ["a/b.md"]], []))  # sealed, columns cut short
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE snapshot SET data=? WHERE k=?", (bad, ROWS))
    db.close()
    assert store.snapshots.rows() is None
    assert any("snapshot" in d for d in store.damage)
    again = Library(root)
    list(again.load())
    assert fields(again) == rows_before  # read from the tables instead


def test_the_freshness_check_starts_once_every_cached_row_is_out(tmp_path, cache, monkeypatch):
    """Its helper processes would take the cores the list is being made and painted on."""
    root = folder(tmp_path / "archive")
    Library(root).load_all()
    Library(root).load_all()  # (a complete walk: the folders' fingerprints are stored)
    from kfin_tui.index import walk

    real = walk.FreshnessCheck
    seen: list[int] = []
    warm = Library(root)

    def recording(*args, **kwargs):
        seen.append(len(warm.rows))
        return real(*args, **kwargs)

    monkeypatch.setattr(walk, "FreshnessCheck", recording)
    batches = list(warm.load())
    assert len(batches) == 2 and len(batches[0]) == HEAD  # the head, then the rest
    assert seen == [len(warm.rows)]
