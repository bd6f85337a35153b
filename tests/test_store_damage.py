"""Issue 10 item 15: damage to the index is detected and repaired, never printed as garbage or
answered with a silent 0. Real damage: bytes written into the real files, a table dropped with
sqlite3, a file edited under a cached extraction."""
from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from pathlib import Path

import pytest
from index_helpers import age, write_corpus

from kfin_tui.cli import main
from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.index.problems import Stage


@pytest.fixture
def corpus(tmp_path):
    root = write_corpus(tmp_path / "corpus", n=30)
    age(root)  # nothing too recent to fingerprint: the quick listing is used
    return root


def listed(capsys, *args: str) -> tuple[list[dict], str]:
    assert main(["list", "--json", *args]) == 0
    captured = capsys.readouterr()
    return [json.loads(line) for line in captured.out.splitlines()], captured.err


def reference(root: Path, keyword: str = "") -> list[str]:
    lib = Library(root, use_index=False).load_all()
    return [r.path for r in lib.select(Filters(keyword=keyword)).rows]


def scribble(path: Path, at: int, n: int, seed: int = 1) -> None:
    """``n`` random bytes written over ``path`` at ``at`` (size kept)."""
    data = bytearray(path.read_bytes())
    at = min(at, max(0, len(data) - n))
    data[at:at + n] = random.Random(seed).randbytes(min(n, len(data) - at))
    stat = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def index_of(root: Path) -> Path:
    lib = Library(root)
    path = lib.index_path
    lib.close()
    assert path is not None
    return path


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_random_bytes_in_the_listing_file(cache, corpus, capsys, where):
    Library(corpus).load_all().close(wait=True)
    good, _ = listed(capsys, str(corpus))
    assert [i["path"] for i in good] == reference(corpus)
    listing = Path(str(index_of(corpus)) + "-listing")
    size = listing.stat().st_size
    scribble(listing, {"start": 60, "middle": size // 2, "end": size - 64}[where], 4096)
    for _ in range(2):  # detected, listed right, and the listing written anew for the next run
        items, err = listed(capsys, str(corpus))
        assert items == good
    lib = Library(corpus)
    assert lib.quick_listing(Filters()) is not None  # repaired: the fast path again
    assert "damaged" not in err or "listing" in err


def test_listing_damage_is_reported_once(cache, corpus, capsys):
    Library(corpus).load_all().close(wait=True)
    listing = Path(str(index_of(corpus)) + "-listing")
    scribble(listing, listing.stat().st_size // 2, 512)
    items, err = listed(capsys, str(corpus))
    assert [i["path"] for i in items] == reference(corpus)
    lines = [line for line in err.splitlines() if "index" in line]
    assert len(lines) == 1 and "listing" in lines[0]


def test_random_bytes_in_the_folders_file(cache, corpus, capsys):
    Library(corpus).load_all().close(wait=True)
    folders = Path(str(index_of(corpus)) + "-folders")
    scribble(folders, 40, 64)
    (corpus / "posts" / "001.md").unlink()  # a change the damaged fingerprints must not hide
    items, _ = listed(capsys, str(corpus))
    assert [i["path"] for i in items] == reference(corpus)


def test_damaged_snapshot_blob_is_rebuilt(cache, corpus):
    Library(corpus).load_all().close(wait=True)
    db = index_of(corpus)
    conn = sqlite3.connect(db)
    blob = bytearray(conn.execute("SELECT data FROM snapshot WHERE k=1").fetchone()[0])
    mid = len(blob) // 2
    blob[mid:mid + 32] = bytes(32)  # still the right length: only the checksum tells
    conn.execute("UPDATE snapshot SET data=? WHERE k=1", (bytes(blob),))
    conn.commit()
    conn.close()
    lib = Library(corpus).load_all()
    assert sorted(r.path for r in lib.rows) == sorted(reference(corpus))
    assert any(p.stage is Stage.DAMAGE for p in lib.problems)
    lib.close(wait=True)
    again = Library(corpus).load_all()
    assert not list(again.problems)  # written anew


def test_dropped_fts_table_is_rebuilt_not_a_silent_zero(cache, corpus, capsys):
    Library(corpus).load_all().close(wait=True)
    want = reference(corpus, "回购")
    assert want
    conn = sqlite3.connect(index_of(corpus))
    conn.execute("DROP TABLE gram")
    conn.commit()
    conn.close()
    items, err = listed(capsys, "--keyword", "回购", str(corpus))
    assert [i["path"] for i in items] == want
    assert "index" in err  # said once
    items, err = listed(capsys, "--keyword", "回购", str(corpus))  # rebuilt: no problem any more
    assert [i["path"] for i in items] == want and "index" not in err


def test_table_dropped_while_open_falls_back_to_a_scan(cache, corpus):
    lib = Library(corpus).load_all()
    lib.wait_index()
    want = reference(corpus, "港股")
    conn = sqlite3.connect(lib.index_path)
    conn.execute("DROP TABLE gram")
    conn.commit()
    conn.close()
    assert [r.path for r in lib.select(Filters(keyword="港股")).rows] == want
    assert any(p.stage is Stage.SEARCH for p in lib.problems)
    lib.close()
    fresh = Library(corpus).load_all()  # marked broken: rebuilt at the next start
    assert [r.path for r in fresh.select(Filters(keyword="港股")).rows] == want


CASHTAG = "【{title}】\n来源：东方财富网\n{tag}\n\n今日盘面震荡，成交额放大。\n"


def test_extraction_is_not_stale_when_only_the_cashtag_line_changed(cache, tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    f = root / "a.txt"
    f.write_text(CASHTAG.format(title="异动", tag="$宁德时代(SZ300750)$"), encoding="utf-8")
    lib = Library(root).load_all()
    rid = lib.rows[0].id
    before = sorted(c.name for c in lib.extraction(rid).companies)
    assert "宁德时代" in before and "贵州茅台" not in before
    size = f.stat().st_size
    f.write_text(CASHTAG.format(title="异动", tag="$贵州茅台(SH600519)$"), encoding="utf-8")  # same size
    assert f.stat().st_size == size
    time.sleep(0.002)
    for _ in lib.load():  # the same library sees the change …
        pass
    rid = lib.rows[0].id
    after = sorted(c.name for c in lib.extraction(rid).companies)
    assert "贵州茅台" in after and "宁德时代" not in after  # … and extracts the new text
    assert "贵州茅台" in lib.companies_for(rid) and "宁德时代" not in lib.companies_for(rid)
    other = Library(root).load_all()  # and so does the next start (from the cache)
    assert sorted(c.name for c in other.extraction(other.rows[0].id).companies) == after
