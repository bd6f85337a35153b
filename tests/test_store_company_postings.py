"""The articles of each company are kept as posting blocks (schema 13): whatever sequence of writes,
replacements and removals, with article ids across many blocks, the answers are those of a plain
model (article -> names), and no empty block is left behind."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from index_helpers import meta_tuple

from kfin_tui.index.store.core import Store
from kfin_tui.index.store.extractions import BLOCK_BITS

NAMES = ["宁德时代", "比亚迪", "贵州茅台", "SNE Research", "招商银行"]


def _store(tmp_path, n: int) -> tuple[Store, list[int]]:
    store = Store(tmp_path / "root", tmp_path / "index.db")
    with store.write() as conn:
        store.files.insert_meta(conn, [meta_tuple(f"{k}.md", k, 1) for k in range(n)])
        # ids far apart: rows spread over several blocks (and block 0's last and block 1's first ids)
        conn.execute(f"UPDATE files SET id = id * {(1 << BLOCK_BITS) // 3} + 4094")
    ids = [r[0] for r in store.conn.execute("SELECT id FROM files ORDER BY id")]
    return store, ids


def _check(store: Store, model: dict[int, list[str]], ids: list[int]) -> None:
    ex = store.extractions
    for name in NAMES:
        assert ex.ids_with_company(name) == {fid for fid, names in model.items() if name in names}
    for fid in ids:
        assert ex.companies_for(fid) == (sorted(set(model[fid])) if fid in model else None)
    counts = {}
    for names in model.values():
        for n in set(names):
            counts[n] = counts.get(n, 0) + 1
    assert {c.name: c.articles for c in ex.company_names()} == counts
    assert store.conn.execute("SELECT count(*) FROM company WHERE length(ids) = 0").fetchone()[0] == 0


ops = st.lists(st.tuples(st.sampled_from(["put", "found", "forget"]), st.integers(0, 11),
                         st.lists(st.sampled_from(NAMES), max_size=4)), max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_postings_answer_as_a_plain_model(tmp_path_factory, steps):
    store, ids = _store(tmp_path_factory.mktemp("p"), 12)
    assert len({fid >> BLOCK_BITS for fid in ids}) >= 3
    model: dict[int, list[str]] = {}
    try:
        for op, k, names in steps:
            fid = ids[k]
            if op == "put":
                store.extractions.put([(fid, None, names)])
                model[fid] = names
            elif op == "found":  # the body pass's way: held, then written with its batch
                size, mtime = store.conn.execute("SELECT size, mtime_ns FROM files WHERE id=?", (fid,)).fetchone()
                store.conn.execute("UPDATE files SET body=1 WHERE id=?", (fid,))
                with store.write() as conn:
                    store.extractions.put_found(conn, [(fid, size, mtime, (None, names))])
                store.extractions.flush_found()
                if fid not in model:  # (an article extracted meanwhile keeps what it has)
                    model[fid] = names
            else:
                with store.write() as conn:
                    store.extractions.forget(conn, fid)
                model.pop(fid, None)
        _check(store, model, ids)
    finally:
        store.close()


def test_many_articles_in_one_batch_and_their_removal(tmp_path):
    """A batch as the body pass writes it (hundreds of articles, names shared), then half of them
    changed and a third removed."""
    store, ids = _store(tmp_path, 300)
    model = {fid: [NAMES[(k * 7 + j) % 5] for j in range(k % 4)] for k, fid in enumerate(ids)}
    store.extractions.put([(fid, None, names) for fid, names in model.items()])
    _check(store, model, ids)
    changed = {fid: NAMES[k % 5:k % 5 + 2] for k, fid in enumerate(ids) if k % 2}
    store.extractions.put([(fid, {"numbers": []}, names) for fid, names in changed.items()])
    model.update(changed)
    with store.write() as conn:
        store.extractions.forget_many(conn, ids[::3])
    for fid in ids[::3]:
        model.pop(fid)
    _check(store, model, ids)
    store.close()
