"""`kfin-tui list`'s shortcuts give what the plain way gives: the table and the tab-separated lines
cleaned in one pass, the cell widths looked up per character, the listing of loaded rows made
lazily, and the freshness check started before the arguments are parsed."""
from __future__ import annotations

import json
import os

import pytest
from index_helpers import age, write_corpus
from rich.cells import cell_len, set_cell_size

from kfin_tui.commands.cmd_list import format_table, format_tsv
from kfin_tui.index import Library
from kfin_tui.index import walk as walk_mod
from kfin_tui.index.library import Listing
from kfin_tui.sanitize import clean_line

CLEAN = [
    ("2024-01-02 10:00", "央行开展逆回购操作", "财联社", "金融 / 财联社 / 电报"),
    ("2023-12-31 23:59", "A title in plain ASCII that is long enough to be cut somewhere", "Reuters", "news"),
    ("", "全角ＡＩ与半角ｶﾀｶﾅ、〇〡、䷀卦", "东方财富网", ""),
    ("2020-02-29 08:00", "很长的中文标题" * 12, "一个很长很长的来源名称", "分类一 / 分类二 / 分类三 / 分类四"),
]
HOSTILE = [
    ("2024-01-02 10:00", "\u0301开头的组合符", "src\tTab", "a\nb"),
    ("2024-01-02 10:01", "escape \x1b[31mred\x1b[0m and bell \x07", "\u202eevil", "zero\u200bwidth"),
    ("2024-01-02 10:02", "emoji 👍🏽 and ZWJ 👨\u200d👩\u200d👧", "e\u0301e\u0301", "x" * 40),
]


def reference_tsv(rows) -> str:
    return "".join("\t".join(clean_line(c or "") for c in row) + "\n" for row in rows)


def reference_table(rows, total: int, width: int) -> str:
    """The table as cut cell by cell with Rich's own measures (what format_table must equal)."""
    date_w, src_w, cat_w = 16, 10, 18
    title_w = width - date_w - src_w - cat_w - 2 * 3
    if title_w < 16:
        title_w, cat_w = title_w + cat_w + 2, 0
    title_w = max(8, title_w)

    def fit(text: str, w: int) -> str:
        text = clean_line(text)
        n = cell_len(text)
        if n > w:
            text = set_cell_size(text, w - 1).rstrip() + "…"
            n = cell_len(text)
        return text + " " * (w - n)

    head = [fit("日期", date_w), fit("标题", title_w), fit("来源", src_w)] + ([fit("分类", cat_w)] if cat_w else [])
    lines = ["  ".join(head).rstrip()]
    for date, title, source, cats in rows:
        cells = [fit(date or "—", date_w), fit(title, title_w), fit(source, src_w)] + ([fit(cats, cat_w)] if cat_w else [])
        lines.append("  ".join(cells).rstrip())
    lines.append(f"{len(rows)}/{total}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("rows", [CLEAN, HOSTILE, CLEAN + HOSTILE, []], ids=["clean", "hostile", "mixed", "none"])
@pytest.mark.parametrize("width", [40, 80, 120, 200])
def test_table_and_lines_equal_the_cell_by_cell_way(rows, width):
    assert format_tsv(rows) == reference_tsv(rows)
    assert format_table(rows, 99, width=width) == reference_table(rows, 99, width)


def test_hostile_cells_stay_inert_in_a_mixed_table():
    out = format_table(CLEAN + HOSTILE, 7, width=120) + format_tsv(CLEAN + HOSTILE)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\u200b" not in out
    assert format_tsv(CLEAN + HOSTILE).count("\t") == 3 * len(CLEAN + HOSTILE)


@pytest.fixture
def corpus(tmp_path):
    root = write_corpus(tmp_path / "corpus")
    age(root)
    return root


def test_listing_of_rows_makes_json_and_table_as_the_rows_say(cache, corpus):
    lib = Library(corpus, use_index=False).load_all()
    listing = lib.listing(lib.select(lib_filters()))
    table = listing.table_rows()
    assert [t[1] for t in table] == [r.title for r in lib.rows]
    lines = [json.loads(x) for x in listing.json_bytes().splitlines()]
    assert [x["title"] for x in lines] == [r.title for r in lib.rows]
    assert all(x["path"].startswith(str(corpus)) for x in lines)
    fresh = Listing.of_rows(list(lib.rows), lib._prefix, len(lib.rows))
    assert fresh.json_bytes() == listing.json_bytes() and fresh.table_rows() == table


def lib_filters():
    from kfin_tui.filters import Filters

    return Filters()


@pytest.mark.parametrize(("args", "started"), [
    (["PATH"], True),
    (["--json", "PATH"], True),
    (["PATH", "--keyword", "港股", "--json"], True),
    (["-k", "港股", "-c", "快讯", "PATH"], True),
    (["--company", "阿里", "PATH"], False),  # needs the extractions: the quick listing is not used
    (["--unread", "PATH"], False),
    (["--key", "港股", "PATH"], False),  # an abbreviation: argparse's business
    (["--keyword=港股", "PATH"], False),
    (["PATH", "--keyword"], False),  # argparse will refuse it
    (["PATH", "other"], False),
    ([], False),
])
def test_the_check_starts_before_parsing_only_for_plain_commands(corpus, monkeypatch, args, started):
    from kfin_tui import cli

    begun: list[str] = []
    monkeypatch.setattr(walk_mod, "start_early_check", begun.append)
    cli._early_list_check([str(corpus) if a == "PATH" else a for a in args])
    assert begun == ([str(corpus)] if started else [])


def test_a_check_started_early_is_taken_over_and_sees_a_change(cache, corpus, capsys, monkeypatch):
    from kfin_tui.cli import main

    def listed(*args: str) -> str:
        assert main(["list", *args]) == 0
        return capsys.readouterr().out

    before = listed("--json", str(corpus))  # cold: loads, writes the index
    assert listed("--json", str(corpus)) == before  # warm: the quick listing
    taken: list[str] = []
    real = walk_mod.early_check

    def spy(root):
        taken.append(str(root))
        assert str(root) in walk_mod._started  # cli began it
        return real(root)

    monkeypatch.setattr(walk_mod, "early_check", spy)
    post = corpus / "posts" / "001.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("title: ", "title: 改过的", 1), encoding="utf-8")
    st = post.stat()
    os.utime(post, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    after = listed("--json", str(corpus))
    assert taken == [str(corpus)] and not walk_mod._started
    titles = [json.loads(x)["title"] for x in after.splitlines()]
    assert any(t.startswith("改过的") for t in titles) and after != before


def test_a_check_nobody_takes_over_is_stopped(cache, corpus):
    Library(corpus).load_all()  # an index with its folder fingerprints
    walk_mod.start_early_check(corpus)
    assert str(corpus) in walk_mod._started
    walk_mod.stop_early_checks()
    assert not walk_mod._started


def test_rows_merged_batch_by_batch_are_in_list_order():
    """RowTable merges each stored batch into the sorted list (a cold listing's ~15 merges): the
    result is the one sort of every row, whatever the batch sizes, ties of date and title, and
    undated rows."""
    import random
    from datetime import datetime, timezone

    from kfin_tui.index.records import Row, sort_key
    from kfin_tui.index.rows import RowTable

    r = random.Random(5)
    stamps = [1.6e9, 1.7e9] + [r.uniform(1.5e9, 1.8e9) for _ in range(50)]

    def row(i: int) -> Row:
        date = None if r.random() < 0.1 else datetime.fromtimestamp(r.choice(stamps), timezone.utc)
        return Row(i, f"/a/{r.randrange(1000)}-{i}.md", r.choice(["甲", "乙", "abc", ""]), date, "s", (), ())

    for _ in range(20):
        table, every, n = RowTable("", lambda i: None), {}, 0
        for _ in range(r.randint(1, 8)):
            batch = [row(n + i) for i in range(r.choice([0, 1, 31, 32, 33, 400]))]
            n += len(batch)
            if every and r.random() < 0.4:  # rows read again (same id and path, maybe another date or title)
                batch += [row(old.id)._replace(path=old.path) for old in r.sample(list(every.values()), min(len(every), 40))]
                r.shuffle(batch)
            every.update((x.id, x) for x in batch)
            table.insert_many(batch, [sort_key(x) for x in batch])
            assert table.rows == sorted(every.values(), key=sort_key)
            assert table.keys == [sort_key(x) for x in table.rows]
            assert table.by_id == every


def test_a_command_that_fails_leaves_no_check_running(cache, corpus, tmp_path, capsys):
    from kfin_tui.cli import main

    Library(corpus).load_all()
    with pytest.raises(SystemExit):  # argparse refuses `-k -x`; the quick scan had begun the check
        main(["list", "-k", "-x", str(corpus)])
    assert not walk_mod._started
    missing = tmp_path / "not-there"
    assert main(["list", "--json", str(missing)]) == 2  # (nothing begun for a missing folder)
    assert not walk_mod._started
