"""The index store's parts, each through its own contract (issue 9): the ready-made copies
(``store.snapshots``), the file table (``store.files``), search (``store.fts``) and the extraction
cache (``store.extractions``) — on a real index built by the library, damaged with real bytes."""
from __future__ import annotations

import json
import os
import random
import sqlite3
from pathlib import Path

import pytest
from index_helpers import age, synthetic, write_corpus

from kfin_tui.index import Library
from kfin_tui.index.parse import parse_one
from kfin_tui.index.search import normalise
from kfin_tui.index.store import CompanyCount, FolderPrint, Snapshot, Store, Stored, StoredListing, WalkedFolder
from kfin_tui.listing import json_head, to_bytes


@pytest.fixture
def corpus(tmp_path):
    root = write_corpus(tmp_path / "corpus", n=30)
    age(root)  # nothing too recent to fingerprint
    return root


@pytest.fixture
def store(cache, corpus):
    lib = Library(corpus)
    lib.load_all()
    path = lib.index_path
    assert lib.close(wait=True) and path is not None
    st = Store(corpus, path)
    yield st
    st.close_for_good()


def scribble(path: Path, at: int, n: int) -> None:
    data = bytearray(path.read_bytes())
    data[at:at + n] = random.Random(3).randbytes(n)
    path.write_bytes(bytes(data))


def articles(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "broken.txt")


def contents(listing: StoredListing | None) -> tuple:
    """A listing's values, copied (its tails are mapped from the file)."""
    assert listing is not None
    return (list(listing.ids), list(listing.offsets), bytes(listing.tails), list(listing.cat_index),
            listing.cat_sets, listing.issues, listing.base)


def test_the_copies_are_typed_and_agree_with_the_tables(store, corpus):
    table = store.files.table_rows()
    snap = store.snapshots.rows()
    head = store.snapshots.rows(head=True)
    assert isinstance(snap, Snapshot) and isinstance(head, Snapshot)
    assert snap.gen == head.gen == table.gen == store.generation()
    assert [r[0] for r in snap.rows] == [t[0] for t in table.rows] and len(snap.rows) == len(articles(corpus))
    assert head.rows == snap.rows[:len(head.rows)]
    assert snap.issues == table.issues and [i[0] for i in snap.issues] == ["em/broken.txt"]

    listing = store.snapshots.listing()
    assert isinstance(listing, StoredListing)
    assert list(listing.ids) == [r[0] for r in snap.rows]
    assert len(listing.offsets) == len(listing.ids) + 1 and len(listing.cat_index) == len(listing.ids)
    head_bytes = to_bytes(json_head(listing.base))
    for i, row in enumerate(snap.rows):
        line = bytes(listing.tails[listing.offsets[i]:listing.offsets[i + 1]])
        assert line.startswith(head_bytes)
        rec = json.loads(line)
        assert rec["path"] == listing.base + row[1] and rec["title"] == row[2]
        assert listing.cat_sets[listing.cat_index[i]] == row[5]

    folders = store.snapshots.folders()
    assert folders and all(isinstance(f, FolderPrint) and f.fingerprint for f in folders)
    assert sum(f.files for f in folders) == len(articles(corpus)) + 1  # (the broken file is in a folder too)
    walked = store.snapshots.folder_walk()
    assert walked and all(isinstance(w, WalkedFolder) for w in walked)
    assert [w.folder for w in walked] == [f.folder for f in folders]
    assert store.snapshots.known_stats() == store.files.stats()


def test_a_damaged_listing_read_through_the_part_is_reported_and_written_anew(store):
    before = contents(store.snapshots.listing())
    assert not store.damage
    path = store.snapshots.listing_path
    scribble(path, path.stat().st_size // 2, 256)
    assert store.snapshots.listing() is None
    assert len(store.damage) == 1 and "listing" in store.damage[0]
    assert not path.exists()  # removed: never read again as it is
    gen = store.generation()
    store.snapshots.write()  # the table did not change: written anew because of the damage
    assert store.generation() == gen
    assert contents(store.snapshots.listing()) == before


def test_a_listing_cut_short_is_damage_too(store):
    path = store.snapshots.listing_path
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    assert store.snapshots.listing() is None and "listing" in store.damage[0]


def test_a_damaged_snapshot_blob_is_reported_and_written_anew(store):
    before = store.snapshots.rows()
    assert before is not None
    with sqlite3.connect(store.path) as db:
        blob = bytearray(db.execute("SELECT data FROM snapshot WHERE k=1").fetchone()[0])
        blob[len(blob) // 2] ^= 0xFF
        db.execute("UPDATE snapshot SET data=? WHERE k=1", (bytes(blob),))
    db.close()
    assert store.snapshots.rows() is None
    assert any("snapshot" in d for d in store.damage)
    assert store.snapshots.rows(head=True) is not None  # the other parts are sound
    store.snapshots.write()
    assert store.snapshots.rows() == before


def test_the_copies_go_stale_when_the_table_changes(store, corpus):
    old = store.snapshots.rows()
    assert old is not None
    target = articles(corpus)[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n\n追加的段落：渔光互补。\n", encoding="utf-8")
    with store.write() as conn:
        done = store.files.upsert(conn, parse_one(target, corpus), store.fts.ready())
        assert done.changed
        store.bump_gen(conn)
    assert store.generation() != old.gen
    assert store.snapshots.rows() is None and store.snapshots.rows(head=True) is None
    assert store.snapshots.listing() is None and store.snapshots.folders() is None
    assert store.snapshots.stats_at(old.gen) is None
    assert store.snapshots.folder_walk()  # the walk itself is of any generation
    store.snapshots.write(store.snapshots.folder_walk())
    new = store.snapshots.rows()
    assert new is not None and new.gen == store.generation()
    assert store.snapshots.folders() is not None and store.snapshots.listing() is not None
    stats = store.snapshots.stats_at(new.gen)
    assert stats is not None and stats[target.relative_to(corpus).as_posix()][0] == target.stat().st_size
    assert not store.damage


def test_file_table_writes_keep_search_and_cache_in_step(store, corpus):
    target = articles(corpus)[1]
    rel = target.relative_to(corpus).as_posix()
    rec = parse_one(target, corpus)
    with store.write() as conn:
        first = store.files.upsert(conn, rec, True)
    assert isinstance(first, Stored) and not first.changed  # as stored: nothing written
    store.extractions.put([(first.id, {"figures": []}, ["某公司"])])
    assert store.extractions.companies_for(first.id) == ["某公司"]

    target.write_text(target.read_text(encoding="utf-8") + "\n\n独一无二的词：翡翠湾。\n", encoding="utf-8")
    os.utime(target, ns=(1, target.stat().st_mtime_ns + 10**9))
    with store.write() as conn:
        again = store.files.upsert(conn, parse_one(target, corpus), True)
    assert again == Stored(first.id, True)
    assert store.fts.search([normalise("翡翠湾")]) == {first.id}
    assert store.extractions.companies_for(first.id) is None  # the old file's extraction went with it
    assert store.extractions.get(first.id) is None

    gen = store.generation()
    with store.write() as conn:
        assert store.files.delete_paths(conn, [rel]) == [first.id]
    assert store.generation() != gen
    assert store.fts.search([normalise("翡翠湾")]) == set() == store.fts.scan([normalise("翡翠湾")])
    assert rel not in store.files.stats()


def test_search_before_and_after_the_build_answers_the_same(store, corpus):
    new = corpus / "posts" / "new.md"
    new.write_text('---\ntitle: "新文章"\ndate: 2024-01-02\n---\n\n玛瑙港口的吞吐量同比增长。\n', encoding="utf-8")
    with store.write() as conn:
        done = store.files.upsert(conn, parse_one(new, corpus), False)  # not indexed now: the build does it
    assert store.fts.pending()
    terms = [["玛"], ["玛瑙"], ["玛瑙港口"], [normalise("同比"), "玛"]]
    before = [store.fts.search(t) for t in terms]
    assert all(done.id in hits for hits in before)
    assert before == [store.fts.scan(t) for t in terms]
    store.fts.build()
    assert not store.fts.pending() and store.fts.ready()
    assert [store.fts.search(t) for t in terms] == before


def test_the_extraction_cache(store):
    ids = [t[0] for t in store.files.table_rows().rows]
    a, b, c = ids[:3]
    assert store.extractions.pending() and a in store.extractions.pending_ids()
    store.extractions.put([(a, {"n": 1}, ["乙公司", "甲公司"]), (b, None, ["甲公司"]), (max(ids) + 100, {}, ["丙"])])
    assert store.extractions.get(a) == {"n": 1}
    assert store.extractions.get(b) is None and store.extractions.companies_for(b) == ["甲公司"]  # names only
    assert store.extractions.companies_for(c) is None  # not extracted
    assert store.extractions.companies_for(a) == sorted(["乙公司", "甲公司"])
    assert store.extractions.ids_with_company("甲公司") == {a, b}
    assert store.extractions.company_names() == [CompanyCount("甲公司", 2), CompanyCount("乙公司", 1)]
    assert a not in store.extractions.pending_ids() and c in store.extractions.pending_ids()


def test_compact_frees_the_slack_and_keeps_every_answer(cache, tmp_path):
    """`kfin-tui index` ends with Library.compact() (VACUUM): after files are gone the database
    holds free pages; compacted it holds none, is smaller, and every search and row answers as
    before. A read in another connection keeps its snapshot meanwhile."""
    corpus = synthetic(tmp_path / "big", 400)
    age(corpus)
    lib = Library(corpus)
    lib.load_all()
    lib.wait_index()
    path = lib.index_path
    assert path is not None
    for p in sorted(corpus.rglob("*.*"))[:300]:
        p.unlink()
    lib.rescan()
    terms = [["增长"], ["同比"], [normalise("公司")], ["亿元"], ["玛"]]
    before = [lib.search(" ".join(t)) for t in terms]
    rows_before = sorted(r.id for r in lib.rows)
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA freelist_count").fetchone()[0] > 0  # the slack to free
        # every page in the database file itself (a small build may sit wholly in the WAL)
        assert raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    size = path.stat().st_size
    holder = sqlite3.connect(path)  # a reader in another process, in the middle of a read
    holder.execute("BEGIN")
    held = holder.execute("SELECT count(*) FROM files").fetchone()
    try:
        assert lib.compact()  # WAL: the rewrite goes on beside the read
        assert holder.execute("SELECT count(*) FROM files").fetchone() == held  # its snapshot stands
    finally:
        holder.rollback()
        holder.close()
    lib.compact()  # the checkpoint the held read kept from finishing
    assert path.stat().st_size < size
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert [lib.search(" ".join(t)) for t in terms] == before
    assert sorted(r.id for r in lib.rows) == rows_before
    assert lib.close(wait=True)
    again = Library(corpus)
    again.load_all()
    assert sorted(r.id for r in again.rows) == rows_before
    assert [again.search(" ".join(t)) for t in terms] == before
    assert again.close(wait=True)
