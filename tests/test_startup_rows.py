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
    held: list[tuple[int, int, int]] = []  # (files to check, rows out, checks started) when asked

    def before_check(files: int) -> None:
        held.append((files, len(warm.rows), len(seen)))

    batches = list(warm.load(before_check=before_check))
    assert len(batches) == 2 and len(batches[0]) == HEAD  # the head, then the rest
    assert seen == [len(warm.rows)]
    # the reader's hold (Library.load's before_check): once, every row out, before the check
    files = sum(f.files for f in warm._db.snapshots.folders() or ())  # (article files, readable or not)
    assert files >= len(warm.rows) and held == [(files, len(warm.rows), 0)]


def test_the_head_read_at_once_then_load_goes_on_after_it(tmp_path, cache):
    """The reader paints the head before its loading worker starts (Library.load_head): load()
    then yields the rest only — no row twice, the same rows as a load without the head — and a
    folder changed meanwhile is still picked up."""
    root = folder(tmp_path / "archive")
    Library(root).load_all()
    plain = Library(root).load_all()

    lib = Library(root)
    head = lib.load_head()
    assert len(head) == HEAD and lib.rows == head
    assert fields(lib) == fields(plain)[:HEAD]
    assert lib.load_head() == []  # once
    rest = list(lib.load())
    assert sum(len(b) for b in rest) == len(plain.rows) - HEAD
    assert fields(lib) == fields(plain)
    assert len({r.id for r in lib.rows}) == len(lib.rows)
    assert lib.load_head() == []  # rows are loaded: nothing to add

    # a new file after the head was read: the load that follows still finds it
    lib2 = Library(root)
    assert len(lib2.load_head()) == HEAD
    (root / "new.md").write_text("---\ntitle: 新文章\ndate: 2099-01-01 10:00\n---\n正文\n", encoding="utf-8")
    list(lib2.load())
    assert lib2.rows[0].title == "新文章" and len(lib2.rows) == len(plain.rows) + 1


def test_no_head_without_an_index(tmp_path, cache):
    root = folder(tmp_path / "archive")
    assert Library(root).load_head() == []  # never indexed: no snapshot
    assert Library(root, use_index=False).load_head() == []
