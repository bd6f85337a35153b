"""Company names are stored by number (schema 12): one number per name whatever the batches, and
the answers by name are those of the names written."""
from __future__ import annotations

from index_helpers import meta_tuple

from kfin_tui.index.store.core import Store


def test_names_by_number_answer_as_names(tmp_path):
    store = Store(tmp_path / "root", tmp_path / "index.db")
    with store.write() as conn:
        ids = store.files.insert_meta(conn, [meta_tuple(f"{k}.md", k, 1) for k in range(4)])
    conn = store.conn

    def number(name: str) -> int:
        return conn.execute("SELECT nid FROM cname WHERE name=?", (name,)).fetchone()[0]

    store.extractions.put([(ids[0], None, ["宁德时代", "比亚迪"]), (ids[1], None, ["比亚迪"])])
    first = number("比亚迪")
    store.extractions.put([(ids[2], None, ["比亚迪", "SNE Research"]), (ids[3], None, [])])
    store.extractions.put([(ids[0], None, ["贵州茅台"])])  # an article's names replaced
    assert number("比亚迪") == first  # one number per name, whatever the batch
    assert conn.execute("SELECT count(*) FROM cname").fetchone()[0] == 4
    assert store.extractions.ids_with_company("比亚迪") == {ids[1], ids[2]}
    assert store.extractions.ids_with_company("宁德时代") == set()
    assert store.extractions.companies_for(ids[0]) == ["贵州茅台"]
    assert store.extractions.companies_for(ids[2]) == ["SNE Research", "比亚迪"]
    assert [tuple(c) for c in store.extractions.company_names()] == [("比亚迪", 2), ("SNE Research", 1), ("贵州茅台", 1)]
    conn.execute("UPDATE meta SET value='0' WHERE key='extractor'")
    store.extractions.drop_outdated(conn)
    assert conn.execute("SELECT count(*) FROM cname").fetchone()[0] == 0
    assert store.extractions.company_names() == []
    store.close()
