"""The persistent index behind Library: warm starts, changes, damage, concurrency, exact search."""
from __future__ import annotations

import multiprocessing as mp
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from index_helpers import count_parses, rowset, snapshot, write_corpus

from kfin_tui.index import Library
from kfin_tui.index import library as library_mod
from kfin_tui.index.search import article_haystack, matches_terms, terms
from kfin_tui.index.store import SCHEMA_VERSION, db_path_for


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


def test_index_matches_memory_and_warm_start_reads_index_only(cache, corpus, monkeypatch):
    before = snapshot(corpus)
    memory = Library(corpus, use_index=False).load_all()
    cold = Library(corpus).load_all()
    assert cold.indexed and cold.store_error is None
    assert rowset(cold) == rowset(memory)
    assert [i.path for i in cold.issues] == [i.path for i in memory.issues]
    assert cold.rows == sorted(cold.rows, key=library_mod.sort_key)
    calls = count_parses(monkeypatch)
    warm = Library(corpus)
    batches = list(warm.load())
    assert calls == []  # nothing re-read
    assert batches and len(batches[0]) > 0
    assert rowset(warm) == rowset(memory)
    assert sorted(i.path for i in warm.issues) == sorted(i.path for i in memory.issues)
    assert [r.id for r in warm.rows] == [r.id for r in cold.rows]
    assert snapshot(corpus) == before  # the corpus is never written


def test_changed_new_and_deleted_files(cache, corpus, monkeypatch):
    first = Library(corpus).load_all()
    changed = corpus / "posts" / "001.md"
    text = changed.read_text(encoding="utf-8").replace('title: "', 'title: "改过的')
    changed.write_text(text + "\n新增段落独有词汇甲乙丙。\n", encoding="utf-8")
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 5_000_000))
    (corpus / "posts" / "new.md").write_text("---\ntitle: 新文章\n---\n\n全新的内容戊己庚。\n", encoding="utf-8")
    deleted = corpus / "em" / "002.txt"
    gone_id = next(r.id for r in first.rows if r.path == str(deleted))
    deleted.unlink()
    calls = count_parses(monkeypatch)
    lib = Library(corpus)
    lib.load_all()
    assert sorted(Path(c).name for c in calls) == ["001.md", "new.md"]
    by_path = {r.path: r for r in lib.rows}
    assert by_path[str(changed)].title.startswith("改过的")
    assert str(deleted) not in by_path and gone_id in lib.removed
    assert lib.search("甲乙丙") == {by_path[str(changed)].id}
    assert lib.search("戊己庚") == {by_path[str(corpus / "posts" / "new.md")].id}
    assert lib.rows == sorted(lib.rows, key=library_mod.sort_key)
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())
    # and the next start sees the same
    again = Library(corpus).load_all()
    assert rowset(again) == rowset(lib)
    assert again.search("甲乙丙") == lib.search("甲乙丙")


def test_corrupt_index_is_rebuilt(cache, corpus):
    first = Library(corpus).load_all()
    first.close(wait=True)  # waits for the background FTS build
    expected = rowset(first)
    db = db_path_for(corpus)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 500)
    lib = Library(corpus)
    lib.load_all()
    assert rowset(lib) == expected
    assert lib.indexed
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_old_version_index_is_rebuilt(cache, corpus):
    Library(corpus).load_all().close(wait=True)
    db = db_path_for(corpus)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.execute("UPDATE files SET title = 'stale'")
    conn.commit()
    conn.close()
    lib = Library(corpus).load_all()
    assert "stale" not in {r.title for r in lib.rows}
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_unusable_cache_falls_back_to_memory(tmp_path, corpus, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("KFIN_TUI_CACHE", str(blocker / "sub"))
    lib = Library(corpus).load_all()
    assert not lib.indexed and lib.store_error
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())
    assert lib.search("光伏") == {r.id for r in lib.rows if "光伏" in article_haystack(lib.article(r.id))}


def _load_in_process(args):
    root, cache_dir = args
    os.environ["KFIN_TUI_CACHE"] = cache_dir
    lib = Library(root).load_all()
    return len(lib.rows), len(lib.search("光伏") or ())


def test_concurrent_instances_do_not_corrupt(cache, tmp_path):
    root = write_corpus(tmp_path / "big", n=90)
    expected = Library(root, use_index=False).load_all()
    results, errors = [], []

    def run():
        try:
            lib = Library(root).load_all()
            results.append((rowset(lib), lib.search("光伏 同比")))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        procs = pool.map(_load_in_process, [(str(root), str(cache))] * 2)
    for t in threads:
        t.join()
    assert not errors
    want = rowset(expected)
    assert all(r[0] == want for r in results)
    assert all(p[0] == len(want) for p in procs)
    db = db_path_for(root)
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fresh = Library(root).load_all()
    assert rowset(fresh) == want
    ref = {r.path for r in expected.rows if matches_terms(article_haystack(expected.article(r.id)),
                                                          terms("光伏 同比"))}
    assert {fresh.row(i).path for i in fresh.search("光伏 同比")} == ref


def _reference(lib: Library, keyword: str) -> set[str]:
    q = terms(keyword)
    return {r.path for r in lib.rows if matches_terms(article_haystack(lib.article(r.id)), q)}


def test_search_equals_substring_semantics(cache, corpus):
    Library(corpus).load_all().close(wait=True)  # cold build; FTS built in the background, waited for
    lib = Library(corpus).load_all()
    assert lib.wait_index()
    with sqlite3.connect(lib.index_path) as db:  # every text is in the full-text index: FTS answers below
        assert db.execute("SELECT count(*) FROM files WHERE ok=1 AND in_fts=0").fetchone()[0] == 0
    texts = [article_haystack(lib.article(r.id)) for r in lib.rows]
    r = random.Random(3)
    queries = ["光", "的", "%", "（", "伏组", "亿元", "快手", "手", "出货量", "净利润亿", "同比增长", "ai", "AI", "ＡＩ",
               "streamlake", "STREAMLAKE", "etf", "光伏 同比", "港股 ai 的", "不存在", "元。", "第1号", "号"]
    for _ in range(40):
        t = r.choice(texts).replace("\n", "")
        n = r.choice([1, 2, 3, 4, 5, 6])
        i = r.randrange(0, max(1, len(t) - n))
        q = t[i:i + n].strip()
        if q:
            queries.append(q)
    for q in queries:
        got = {lib.row(i).path for i in lib.search(q)}
        assert got == _reference(lib, q), q
    assert lib.search("") is None and lib.search("   ") is None


def test_search_before_fts_is_built_scans_exactly(cache, corpus, monkeypatch):
    monkeypatch.setattr("kfin_tui.index.store.fts.Fts.build", lambda self: False)
    lib = Library(corpus).load_all()
    for q in ["光", "快手", "出货量", "ai", "光伏 同比"]:
        assert {lib.row(i).path for i in lib.search(q)} == _reference(lib, q), q


def test_pool_build_matches_serial(cache, tmp_path, monkeypatch):
    root = write_corpus(tmp_path / "pool", n=80)
    monkeypatch.setattr(library_mod, "POOL_MIN_FILES", 10)
    monkeypatch.setattr(library_mod, "META_CHUNK", 8)
    monkeypatch.setattr(library_mod, "POOL_CHUNK", 8)
    monkeypatch.setattr(library_mod, "COLD_META_MIN", 20)  # a "large" cold folder: metadata first
    monkeypatch.setattr(library_mod, "STORE_BATCH", 8)
    monkeypatch.setattr(library_mod, "LIVE_STORE_BATCH", 8)
    lib = Library(root)
    batches = list(lib.load(batch=20))
    assert len(batches) >= 3 and sum(map(len, batches)) == len(lib.rows)
    bodies = list(lib.complete(batch=20))
    assert len(bodies) >= 3 and {r.id for b in bodies for r in b} == {r.id for r in lib.rows}
    assert rowset(lib) == rowset(Library(root, use_index=False).load_all())


def test_walk_matches_discover(corpus):
    from kfin_tui.articles.discovery import discover
    from kfin_tui.index.walk import walk

    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "x.md").write_text("x")
    (corpus / "README.md").write_text("readme")
    assert [p for p, _, _ in walk(corpus)] == [str(p) for p in discover(corpus)]


class _FakeCompany:
    def __init__(self, name):
        self.name = name


class _FakeExtraction:
    def __init__(self, names):
        self.companies = [_FakeCompany(n) for n in names]

    def to_json(self):
        return {"companies": [{"name": c.name} for c in self.companies]}

    @classmethod
    def from_json(cls, d):
        return cls([c["name"] for c in d["companies"]])


def _fake_extract(article):
    text = article.title + article.body_text
    return _FakeExtraction([n for n in ("快手", "光伏") if n in text])


def test_extraction_cache(cache, corpus, monkeypatch):
    from kfin_tui.index import extraction

    monkeypatch.setattr(extraction, "extractor", lambda: (_fake_extract, _FakeExtraction))
    lib = Library(corpus).load_all()
    some = lib.rows[0].id
    assert lib.companies_for(some) == []
    stop = threading.Event()
    done = lib.extract_pending(stop=stop)
    assert done == lib.count()
    ref = {r.id for r in lib.rows if "快手" in r.title + lib.article(r.id).body_text}
    assert lib.ids_with_company("快手") == ref
    names = dict(lib.company_names())
    assert names.get("快手", 0) == len(ref)
    calls = count_parses(monkeypatch)
    again = Library(corpus).load_all()
    assert again.extract_pending() == 0
    assert again.ids_with_company("快手") == ref
    assert sorted(again.companies_for(next(iter(ref)))) == sorted(lib.companies_for(next(iter(ref))))
    assert again.extraction(some).to_json() == lib.extraction(some).to_json()
    assert calls == []


def test_index_cli_exits_zero(cache, corpus, capsys):
    from kfin_tui.cli import main

    assert main(["index", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "articles" in out
    assert main(["list", "--json", "-k", "光伏", str(corpus)]) == 0


def test_index_package_is_lean():
    code = ("import sys, kfin_tui.index, kfin_tui.index.library, kfin_tui.commands.cmd_index, kfin_tui.commands.cmd_list; "
            "bad = [m for m in ('textual', 'jieba', 'kfin_tui.articles') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_index_failing_mid_load_degrades_to_memory(cache, corpus, monkeypatch):
    Library(corpus).load_all()

    def broken(self, head=False):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr("kfin_tui.index.store.snapshots.Snapshots.rows", broken)
    lib = Library(corpus).load_all()
    assert not lib.indexed and "malformed" in (lib.store_error or "")
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())
    assert len({r.id for r in lib.rows}) == len(lib.rows)
    assert {lib.row(i).path for i in lib.search("光伏")} == _reference(lib, "光伏")


def test_write_lock_held_elsewhere_keeps_loading_in_memory(cache, corpus, monkeypatch):
    def locked(self, conn, rec, fts_live):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("kfin_tui.index.store.filetable.FileTable.upsert", locked)
    lib = Library(corpus).load_all()
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())
    assert {lib.row(i).path for i in lib.search("快手")} == _reference(lib, "快手")


def test_grams_match_reference():
    """Every window of 4 characters, the last ones padded, space-separated, with no character left
    that FTS5's ascii tokenizer would split on; the mapping of characters is one-to-one."""
    from kfin_tui.index.store import grams
    from kfin_tui.index.store.codec import GRAM, gram_term

    r = random.Random(11)
    samples = ["", "a", "快手abc", "x\x01y", "😀ab", "\ud800x", "a b\tc\"d", "".join(map(chr, range(128)))]
    samples += ["".join(chr(r.randint(1, 0x2FFFF)) for _ in range(r.randint(0, 60))) for _ in range(200)]
    assert len({gram_term(chr(c)) for c in range(128)}) == 128
    for t in samples:
        plain = t.replace("\x01", "")
        u = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in gram_term(plain)) + "\uff9f" * (GRAM - 1)
        want = [u[i:i + GRAM] for i in range(len(plain))]
        got = grams(t)
        assert got == "".join(w + " " for w in want), repr(t)
        assert all(ch == " " or not ch.isascii() or ch.isalnum() for ch in got), repr(t)


def test_second_load_only_adds_changes(cache, corpus):
    lib = Library(corpus).load_all()
    n = len(lib.rows)
    (corpus / "posts" / "later.md").write_text("---\ntitle: 后来的\n---\n\n后来加入的文章。\n", encoding="utf-8")
    lib.load_all()
    assert len(lib.rows) == n + 1 and len({r.id for r in lib.rows}) == n + 1
    assert lib.rows == sorted(lib.rows, key=library_mod.sort_key)
    assert rowset(lib) == rowset(Library(corpus, use_index=False).load_all())


def test_new_extractor_version_drops_cached_extractions_only(cache, corpus, monkeypatch):
    from kfin_tui.index import extraction
    from kfin_tui.index.store import extractions

    monkeypatch.setattr(extraction, "extractor", lambda: (_fake_extract, _FakeExtraction))
    lib = Library(corpus).load_all()
    assert lib.extract_pending() == lib.count() > 0
    lib.close()
    monkeypatch.setattr(extractions, "EXTRACTOR_VERSION", extractions.EXTRACTOR_VERSION + 1)
    calls = count_parses(monkeypatch)
    again = Library(corpus).load_all()
    assert calls == []  # rows and texts are still valid: no file is re-read for the list
    assert again.companies_for(again.rows[0].id) == []  # but nothing extracted by the old version
    assert again.extract_pending() == again.count()


def test_new_loader_version_rebuilds_the_index(cache, corpus, monkeypatch):
    from kfin_tui.index.store import core

    Library(corpus).load_all().close()
    monkeypatch.setattr(core, "SCHEMA_VERSION", core.SCHEMA_VERSION + 1)
    calls = count_parses(monkeypatch)
    again = Library(corpus).load_all()
    assert len(again.rows) > 0 and len(calls) > 0


def test_cashtag_names_are_searchable(cache, tmp_path):
    """An Eastmoney post's cashtag line becomes tickers, not body text; its names are still found
    (ripgrep finds them in the file too)."""
    root = tmp_path / "em"
    root.mkdir()
    (root / "a.txt").write_text("【某公司发布公告】\n来源：东方财富网\n$远航测试股份(SZ300999)$\n\n正文里没有那个名字。\n",
                                encoding="utf-8")
    (root / "b.txt").write_text("【另一则消息】\n来源：东方财富网\n\n正文。\n", encoding="utf-8")
    for lib in (Library(root).load_all(), Library(root, use_index=False).load_all()):
        a = next(r for r in lib.rows if r.path.endswith("a.txt"))
        assert "远航测试股份" not in lib.article(a.id).body_text
        assert lib.search("远航测试股份") == {a.id}
        assert lib.search("远航") == {a.id}


def test_prune_removes_indexes_of_gone_folders_and_old_layouts(cache, tmp_path, capsys):
    from kfin_tui.cli import main
    from kfin_tui.index.prune import stale_indexes

    keep, gone, old = (write_corpus(tmp_path / name, n=6) for name in ("keep", "gone", "old"))
    for root in (keep, gone, old):
        Library(root).load_all().close()
    old_db = db_path_for(old)
    conn = sqlite3.connect(old_db)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    import shutil

    shutil.rmtree(gone)
    cut_short = [Path(f"{db_path_for(gone)}{side}.123.456.tmp") for side in ("-listing", "-folders", "-names")]
    for tmp in cut_short:  # side files whose writes were cut short (a kill -9 in _replace_file)
        tmp.write_bytes(b"half")
    assert {db for db, _ in stale_indexes()} == {db_path_for(gone), old_db}
    assert main(["index", "--prune"]) == 0
    out = capsys.readouterr().out
    assert "folder gone" in out and "outdated layout" in out and "2 indexes removed" in out
    assert db_path_for(keep).exists() and not db_path_for(gone).exists() and not old_db.exists()
    assert not Path(str(db_path_for(gone)) + "-listing").exists()
    assert not Path(str(db_path_for(gone)) + "-names").exists() and not any(t.exists() for t in cut_short)
    assert Library(keep).load_all().count() == 6  # the kept index still opens
    assert Library(old).load_all().count() == 6  # and a removed one is simply built again


@pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 folder names need a POSIX file system")
def test_a_folder_with_a_non_utf8_name_is_indexed_kept_and_pruned_when_gone(cache, tmp_path, capsys):
    """A GBK-named archive folder: its index opens (the folder is recorded as bytes), prune keeps
    it while the folder is there and removes it, named readably, once it is gone."""
    import shutil

    from kfin_tui.cli import main
    from kfin_tui.index.prune import stale_indexes

    root = Path(os.fsdecode(os.path.join(os.fsencode(str(tmp_path)), "旧档案".encode("gbk"))))
    write_corpus(root, n=4)
    lib = Library(root).load_all()
    assert lib.count() == 4 and not lib.problems
    lib.close()
    assert db_path_for(root) not in {db for db, _ in stale_indexes()}
    assert Library(root).load_all().count() == 4  # warm: the same index opens again
    shutil.rmtree(root)
    assert main(["index", "--prune"]) == 0
    out = capsys.readouterr().out
    assert "folder gone" in out and "\\x" in out and not db_path_for(root).exists()


def test_whole_archive_pass_is_companies_only(cache, corpus):
    """extract_pending knows every article's companies (the companies-only pass) and leaves the
    figures to the moment an article is asked for: then they are the full extractor's."""
    from kfin_tui.extract import extract_article

    lib = Library(corpus).load_all()
    assert lib.extract_pending() == lib.count()
    assert lib.extraction_progress() == (lib.count(), lib.count())
    assert not lib.extractions_pending()
    for row in lib.rows:
        full = extract_article(lib.article(row.id))
        names = sorted({c.name for c in full.companies if c.kind != "media"})
        assert sorted(lib.companies_for(row.id)) == names, row.path
    again = Library(corpus).load_all()
    assert again.extract_pending() == 0  # known from the index
    some = next(r for r in again.rows if again.companies_for(r.id))
    assert again.extraction(some.id).to_json() == extract_article(again.article(some.id)).to_json()


def test_texts_are_stored_compressed_and_replaced_exactly(cache, corpus):
    """``texts`` holds each article's search text packed (zstd, smaller than its UTF-8); a changed
    file's old words leave the FTS table (its 'delete' is fed from the packed text), its new words
    are found, and terms of 1 to 6 characters still answer exactly."""
    from kfin_tui.index.store import SEP, pack, unpack

    assert unpack(pack("a" + SEP + "公司")) == "a公司" and unpack(SEP + "x" + SEP + "y" + SEP) == "xy"
    lib = Library(corpus).load_all()
    assert lib.wait_index()
    with sqlite3.connect(lib.index_path) as db:
        stored = dict(db.execute("SELECT id, tp FROM texts"))
    assert stored and all(isinstance(tp, bytes) for tp in stored.values())
    for r in lib.rows:
        assert unpack(stored[r.id]) == article_haystack(lib.article(r.id)).replace(SEP, "")
    assert sum(map(len, stored.values())) < sum(len(unpack(tp).encode()) for tp in stored.values())
    lib.close(wait=True)
    changed = corpus / "posts" / "001.md"
    before = changed.read_text(encoding="utf-8")
    changed.write_text(before + "\n独有词汇壬癸。\n", encoding="utf-8")
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 5_000_000))
    lib = Library(corpus).load_all()
    assert lib.wait_index()
    cid = next(r.id for r in lib.rows if r.path == str(changed))
    for q in ("壬癸", "癸", "汇壬癸", "词汇壬癸", "独有词汇壬癸"):
        assert lib.search(q) == {cid}, q
    lib.close(wait=True)
    changed.write_text(before, encoding="utf-8")
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    lib = Library(corpus).load_all()
    assert lib.wait_index()
    for q in ("壬癸", "癸", "汇壬癸", "词汇壬癸", "独有词汇壬癸"):
        assert lib.search(q) == set(), q
    for q in ("光", "伏组", "出货量", "同比增长"):
        assert {lib.row(i).path for i in lib.search(q)} == _reference(lib, q), q
    with sqlite3.connect(lib.index_path) as db:
        db.execute("INSERT INTO gram(gram) VALUES('integrity-check')")
