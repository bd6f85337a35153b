"""Keyword search through the 4-character gram table equals a brute-force substring search.

Half the texts are drawn from a small alphabet (Chinese characters, ASCII letters, digits,
punctuation that is FTS5 query syntax, spaces: a tokenizer that split on a punctuation mark would
answer differently), half from three characters only: there every window of a longer term occurs in
most texts while the term itself does not, so a search that skipped the check of 5+ character
terms would answer differently too."""
from __future__ import annotations

import random
import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kfin_tui.index import Library
from kfin_tui.index.parse import parse_one
from kfin_tui.index.search import article_haystack, matches_terms, normalise, terms
from kfin_tui.index.store import Store, pack
from kfin_tui.index.store.codec import packed_holds

ALPHABET = ["公", "司", "光", "伏", "的", "a", "B", "7", " ", '"', "*", "(", ")", "-", ":", "^", "+", ".", "'", "％",
            "Ａ", "ｂ"]
TINY = ["公", "a", "*"]


def _text(r: random.Random, n: int, alphabet: list[str] = ALPHABET) -> str:
    return "".join(r.choice(alphabet) for _ in range(n)).strip() or "公"


@pytest.fixture
def folder(tmp_path, cache):
    r = random.Random(5)
    root = tmp_path / "grams"
    root.mkdir()
    for i in range(60):
        title = _text(r, 8).replace("'", "").replace('"', "")
        alphabet = ALPHABET if i % 2 else TINY
        body = "\n\n".join(_text(r, r.randint(5, 120), alphabet) for _ in range(r.randint(1, 3)))
        (root / f"{i:03d}.md").write_text(f'---\ntitle: "{title}"\ndate: 2024-01-{1 + i % 28:02d}\n---\n\n{body}\n',
                                          encoding="utf-8")
    return root


def _reference(lib: Library, keyword: str) -> set[int]:
    q = terms(keyword)
    return {r.id for r in lib.rows if matches_terms(article_haystack(lib.article(r.id)), q)}


def _queries(lib: Library, seed: int) -> list[str]:
    r = random.Random(seed)
    texts = [normalise(article_haystack(lib.article(row.id))) for row in lib.rows]
    out = ['"', "*", "(公", "a*b", "and", "AND", "NOT", "or 公", "7:", "^", "ｂ", "Ａb", "公司光伏的公司", "不在"]
    for _ in range(150):
        t = r.choice(texts)
        n = r.randint(1, 8)
        i = r.randrange(0, max(1, len(t) - n))
        piece = t[i:i + n]
        if piece.strip():
            out.append(piece.split()[0] if r.random() < .8 else piece)  # a piece with a space: two terms
    for _ in range(60):  # terms put together from the three characters: their windows are in most texts
        out.append("".join(r.choice(TINY) for _ in range(r.randint(5, 9))))
    return out


def test_gram_search_equals_brute_force(folder):
    Library(folder).load_all().close(wait=True)  # the cold build; the FTS table built in the background
    lib = Library(folder).load_all()
    assert lib.wait_index()
    with sqlite3.connect(lib.index_path) as db:  # every text is in the FTS table: it answers below
        assert db.execute("SELECT count(*) FROM files WHERE ok=1 AND in_fts=0").fetchone()[0] == 0
    queries = _queries(lib, 1)
    for q in queries:
        assert lib.search(q) == _reference(lib, q), q
    lib.close()


def test_gram_search_after_changes_equals_brute_force(folder):
    lib = Library(folder).load_all()
    assert lib.wait_index()
    lib.close(wait=True)
    r = random.Random(9)
    files = sorted(folder.glob("*.md"))
    for path in files[:10]:  # rewritten: the old grams leave the table (deleted from the stored text)
        path.write_text(f'---\ntitle: "改"\n---\n\n{_text(r, 80)}\n', encoding="utf-8")
    for path in files[10:15]:
        path.unlink()
    lib = Library(folder).load_all()
    assert lib.wait_index()
    for q in _queries(lib, 2):
        assert lib.search(q) == _reference(lib, q), q
    with sqlite3.connect(lib.index_path) as db:
        db.execute("INSERT INTO gram(gram) VALUES('integrity-check')")
    lib.close()


def test_a_lone_surrogate_in_a_text_is_indexed_and_found_exactly(tmp_path, cache):
    """SQLite cannot hold a lone surrogate: the gram table has U+FFFD in its place, and a term
    with either is checked against the stored text, so neither stands for the other."""
    root = tmp_path / "s"
    root.mkdir()
    (root / "a.md").write_text("---\ntitle: a\n---\n\n正文。\n", encoding="utf-8")
    store = Store(root)
    rec = parse_one(root / "a.md", root)
    rec["tp"] = pack("前\ud800后 公司\ufffd")
    with store.write() as conn:
        fid = store.files.upsert(conn, rec, True).id  # indexed now (fts_live)
    for term, hit in (("前\ud800后", True), ("\ud800", True), ("前\ufffd后", False), ("司\ufffd", True),
                      ("司\ud800", False), ("前", True)):
        assert store.fts.search([term]) == ({fid} if hit else set()) == store.fts.scan([term]), term
    store.close()


def test_packed_holds_equals_substring():
    """The check of long terms on a stored text: several terms, texts shorter than a term, and a
    damaged text (an error, not False): cut short, not compressed, its frame's checksum wrong."""
    r = random.Random(3)
    alphabet = "公司ab光伏的"
    for _ in range(400):
        text = "".join(r.choice(alphabet) for _ in range(r.randint(0, 2000)))
        tp = pack(text)
        query = ["".join(r.choice(alphabet) for _ in range(r.randint(1, 9))) for _ in range(r.randint(1, 3))]
        want = all(t in text for t in query)
        assert packed_holds(tp, [t.encode() for t in query]) == want, query
    whole = pack("光伏公司" * 300)
    flipped = whole[:-8] + bytes([whole[-8] ^ 0xFF]) + whole[-7:]
    # a frame header that says the text holds 1 TiB: an error, not an attempt to allocate it
    huge = whole[:4] + bytes([0xE4]) + (1 << 40).to_bytes(8, "little") + whole[5:]
    for damaged in (pack("光伏" * 500)[:-3], b"xx", pack("光伏")[:5], flipped, b"", huge):
        with pytest.raises(sqlite3.DatabaseError):
            packed_holds(damaged, ["公司".encode()])


def test_a_remembered_long_term_answer_follows_writes_of_this_and_other_connections(tmp_path, cache):
    """Answers that needed the texts checked are remembered while the database is unchanged: a
    write through the same store, or another instance's, makes the next search look again."""
    root = tmp_path / "r"
    root.mkdir()
    for name in ("a", "b"):
        (root / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n正文。\n", encoding="utf-8")
    store = Store(root)
    ids = {}
    with store.write() as conn:
        for name in ("a", "b"):
            rec = parse_one(root / f"{name}.md", root)
            rec["tp"] = pack(f"{name} 固态电池材料" if name == "a" else "b 固态电池 材料")
            ids[name] = store.files.upsert(conn, rec, True).id
    term = ["固态电池材料"]
    assert store.fts.search(term) == {ids["a"]} == store.fts.search(term)
    rec = parse_one(root / "b.md", root)
    rec.update(tp=pack("b 固态电池材料"), mtime_ns=rec["mtime_ns"] + 1)
    with store.write() as conn:  # this store's connection writes
        store.files.upsert(conn, rec, True)
    assert store.fts.search(term) == {ids["a"], ids["b"]}
    other = Store(root)  # another instance writes
    with other.write() as conn:
        other.files.delete_paths(conn, ["a.md"])
    other.close()
    assert store.fts.search(term) == {ids["b"]} == store.fts.scan(term)
    store.close()


def test_a_remembered_long_term_answer_outlives_writes_that_leave_the_texts(tmp_path, cache, monkeypatch):
    """An article opened writes its extraction: that leaves the searchable texts as they were, so
    the remembered answer stands (the reader's repeated long keyword answers at once); a text the
    FTS build takes in, or one rewritten, makes the next search look again (the schema's tgen)."""
    import kfin_tui.index.store.fts as fts_mod

    root = tmp_path / "r"
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n正文。\n", encoding="utf-8")
    store = Store(root)
    ids = {}
    with store.write() as conn:
        for name, live in (("a", True), ("b", True), ("c", False)):  # c: not in the FTS table yet
            rec = parse_one(root / f"{name}.md", root)
            rec["tp"] = pack(f"{name} 固态电池材料" if name != "b" else "b 固态电池 材料")
            ids[name] = store.files.upsert(conn, rec, live).id
    checks: list[int] = []
    real = fts_mod.packed_holds
    monkeypatch.setattr(fts_mod, "packed_holds", lambda tp, t: checks.append(1) or real(tp, t))
    term = ["固态电池材料"]
    assert store.fts.search(term) == {ids["a"], ids["c"]}
    looked = len(checks)
    assert looked > 0
    store.extractions.put([(ids["a"], {"figures": []}, ["某公司"])])  # an article opened
    other = Store(root)  # another instance's extraction too
    other.extractions.put([(ids["b"], {"figures": []}, [])])
    other.close()
    assert store.fts.search(term) == {ids["a"], ids["c"]}
    assert len(checks) == looked  # remembered
    assert store.fts.build()  # c goes into the FTS table: looked at again, and found there
    assert store.fts.search(term) == {ids["a"], ids["c"]} == store.fts.scan(term)
    assert len(checks) > looked
    looked = len(checks)
    rec = parse_one(root / "a.md", root)
    rec.update(tp=pack("a 固态电池"), mtime_ns=rec["mtime_ns"] + 1)
    other = Store(root)
    with other.write() as conn:
        other.files.upsert(conn, rec, True)
    other.close()
    assert store.fts.search(term) == {ids["c"]} == store.fts.scan(term)
    assert len(checks) > looked
    store.close()


def test_select_of_a_keyword_takes_the_same_rows_in_the_same_order_as_a_pass_over_every_row(folder):
    """Library.select picks a keyword's few hits by their places in the list (no pass over every
    row): the rows and their order equal filters.apply's, for keywords with many and few hits, with
    an id restriction, after the list changed (a row added, a row gone), and a brute-force check of
    the keyword besides."""
    from kfin_tui.filters import Filters
    from kfin_tui.filters import apply as apply_filters

    lib = Library(folder).load_all()
    assert lib.wait_index()

    def check(f: Filters) -> None:
        rows = list(lib.rows)
        got = lib.select(f).rows
        assert got == apply_filters(rows, f, lib.search(f.keyword), None), f.keyword
        want = _reference(lib, f.keyword)
        assert {r.id for r in got} == (want if f.ids is None else want & f.ids), f.keyword

    queries = _queries(lib, 3)[:80]
    for q in queries:
        check(Filters(keyword=q))
    some = frozenset(r.id for r in lib.rows[::3])
    for q in queries[:20]:
        check(Filters(keyword=q, ids=some))
    # the list changes (a newest article, one gone): the places are taken anew
    lib.close(wait=True)
    (folder / "zz-new.md").write_text('---\ntitle: "公司新"\ndate: 2030-01-01\n---\n\n公司光伏\n', encoding="utf-8")
    sorted(folder.glob("0*.md"))[3].unlink()
    lib = Library(folder).load_all()
    assert lib.wait_index()
    for q in [*queries[:40], "公司新", "公司光伏"]:
        check(Filters(keyword=q))
    assert lib.select(Filters(keyword="公司新")).rows[0].title == "公司新"
    lib.close()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"，（）：；！？％,()A啊\u0301\u0308\u3000ｆＦ１①ﬁ", "\U0001d400"]), max_size=30))
def test_normalise_is_nfkc_casefold(text):
    """The full-width punctuation replaced before NFKC (a shortcut) changes nothing of its result,
    next to combining marks and other compatibility characters too."""
    assert normalise(text) == unicodedata.normalize("NFKC", text).casefold()
