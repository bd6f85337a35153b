"""The watchlist (config ``watch``), its joins with a library and the reading state, and the
``kfin-tui state`` command."""
from __future__ import annotations

import json

import pytest
from test_dossier import write_archive

from kfin_tui.cli import main
from kfin_tui.config import load_config
from kfin_tui.index import Library
from kfin_tui.state import ArchiveState, open_state, watchlist


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    return tmp_path


@pytest.mark.parametrize("typed", ["贵州茅台", "茅台", "600519", "SH600519", "600519.SH", "sh:600519"])
def test_resolve_names_aliases_and_tickers(typed):
    info = watchlist.resolve(typed)
    assert info.name == "贵州茅台" and info.known and "SH:600519" in info.tickers


def test_resolve_hong_kong_and_us_tickers_and_unknown_names():
    assert watchlist.resolve("0700.HK").name == "腾讯"
    assert watchlist.resolve("700").name == "腾讯"
    assert watchlist.resolve("BABA").name == "阿里巴巴"
    unknown = watchlist.resolve("某某新材料")
    assert unknown.name == "某某新材料" and not unknown.known


def test_nearest_names():
    assert watchlist.nearest_names("贵州茅苔")[0] == "贵州茅台"
    assert "宁德时代" in watchlist.nearest_names("宁德时")
    assert watchlist.nearest_names("某某", extra=["某某科技"])[0] == "某某科技"


def test_add_remove_toggle_keep_the_users_comments(env):
    cfg = env / "config.toml"
    cfg.write_text('# my settings\nrsshub = "https://rsshub.app"  # the public one\n', encoding="utf-8")
    assert watchlist.add("茅台") == "贵州茅台"
    assert watchlist.add("600519") == "贵州茅台"  # the same company: no second entry
    watchlist.add("300750")
    assert load_config().watch == ("贵州茅台", "宁德时代")
    text = cfg.read_text(encoding="utf-8")
    assert "# my settings" in text and "# the public one" in text
    assert watchlist.toggle("宁德时代") is False
    assert watchlist.watched() == ["贵州茅台"]
    assert watchlist.toggle("CATL") is True  # a form of 宁德时代 in the dictionary (since stop 39)
    assert watchlist.toggle("ACMQ") is True  # not a known ticker or form: taken as a name
    assert watchlist.remove("SH600519") is True
    assert watchlist.remove("贵州茅台") is False
    assert watchlist.watched() == ["宁德时代", "ACMQ"]


def test_watched_names_resolve_entries_written_by_hand(env):
    (env / "config.toml").write_text('watch = ["茅台", "600519", "腾讯控股"]\n', encoding="utf-8")
    assert watchlist.watched() == ["贵州茅台", "腾讯"]
    assert watchlist.remove("00700") is True
    assert load_config().watch == ("茅台", "600519")


def test_watched_ids_and_unread_counts(env):
    root = write_archive(env / "arch")
    (env / "config.toml").write_text('watch = ["茅台", "比亚迪"]\n', encoding="utf-8")
    lib = Library(root).load_all()
    assert watchlist.watched_ids(lib) == set()  # not extracted yet
    lib.extract_pending()
    titles = {lib.row(i).title for i in watchlist.watched_ids(lib)}
    assert titles == {"贵州茅台三季报", "茅台分红", "宁德时代三季度", "比亚迪8月销量"}
    state = ArchiveState(lib, open_state())
    state.refresh()
    state.set_read(next(r.id for r in lib.rows if r.title == "贵州茅台三季报"))
    counts = {c.name: (c.unread, c.total) for c in watchlist.unread_counts(lib, state)}
    assert counts == {"贵州茅台": (2, 3), "比亚迪": (1, 2)}


# the state command ------------------------------------------------------------------------------

def test_state_command_mark_list_export_import(env, capsys):
    root = write_archive(env / "arch")
    assert main(["state", "mark", "--read", str(root / "byd.md"), "--root", str(root)]) == 0
    assert main(["state", "mark", "--star", str(root / "maotai-div.md"), "--root", str(root)]) == 0
    capsys.readouterr()
    assert main(["state", "list", "--unread", str(root), "--json"]) == 0
    unread = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {u["title"] for u in unread} == {"贵州茅台三季报", "宁德时代三季度", "茅台分红"}
    assert all(u["read"] is False for u in unread)
    assert main(["state", "list", "--starred", str(root)]) == 0
    got = capsys.readouterr()
    assert "★" in got.out and "茅台分红" in got.out and "比亚迪" not in got.out and got.err.strip() == "1/4"
    export = env / "export.json"
    assert main(["state", "export", str(export)]) == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    assert len(data["marks"]) == 2
    # a fresh state folder, then import: the same marks
    (env / "state").rename(env / "state-old")
    assert main(["state", "list", "--starred", str(root), "--json"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["state", "import", str(export)]) == 0
    assert "imported 2 marks" in capsys.readouterr().out
    assert main(["state", "list", "--starred", str(root), "--json"]) == 0
    assert [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()] == ["茅台分红"]
    assert main(["state", "export"]) == 0
    assert json.loads(capsys.readouterr().out)["marks"] == data["marks"]


def test_state_command_watch_and_list_watch(env, capsys):
    root = write_archive(env / "arch")
    assert main(["state", "watch", "add", "宁德时代"]) == 0
    assert "watching 宁德时代" in capsys.readouterr().out
    assert main(["state", "watch", "--counts", str(root)]) == 0
    assert capsys.readouterr().out.strip() == "宁德时代\t1/1"
    assert main(["state", "list", "--watch", str(root), "--json"]) == 0
    assert [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()] == ["宁德时代三季度"]
    assert main(["state", "watch", "remove", "300750"]) == 0
    assert main(["state", "watch"]) == 0
    assert capsys.readouterr().out.strip().endswith("removed: 宁德时代")


def test_state_command_import_rejects_bad_files(env, capsys):
    bad = env / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["state", "import", str(bad)]) == 1
    assert "not JSON" in capsys.readouterr().err
    bad.write_text('{"marks": []}', encoding="utf-8")
    assert main(["state", "import", str(bad)]) == 1
    assert "not a kfin-tui state export" in capsys.readouterr().err
    assert main(["state", "import", str(env / "missing.json")]) == 2


def test_state_command_reports_a_damaged_database(env, capsys):
    (env / "state").mkdir()
    (env / "state" / "state.sqlite3").write_bytes(b"garbage" * 1000)
    root = write_archive(env / "arch")
    assert main(["state", "list", "--unread", str(root), "--json"]) == 0
    captured = capsys.readouterr()
    assert "damaged or not a database" in captured.err
    assert len(captured.out.splitlines()) == 4


def test_state_watch_with_a_broken_config_says_where(env, capsys):
    cfg = env / "config.toml"
    cfg.write_text("watch = [1, 2]\n", encoding="utf-8")
    assert main(["state", "watch", "add", "茅台"]) == 1
    err = capsys.readouterr().err
    assert str(cfg) in err and "watch" in err
    assert cfg.read_text(encoding="utf-8") == "watch = [1, 2]\n"  # nothing written
    assert main(["state", "watch"]) == 1


def test_state_list_writes_what_list_writes_in_beijing_time(env, capsys):
    """Into a pipe: whole tab-separated lines (date, title with its marks, source, categories), the
    dates in Beijing time as `kfin-tui list` gives them, the count on stderr."""
    root = env / "arch"
    root.mkdir()
    (root / "utc.md").write_text("---\ntitle: 某某科技发布公告\nauthor: 财联社\ndate: 2023-03-29T08:15:42Z\n"
                                 "categories:\n - 公告\n---\n\n某某科技今日发布公告。\n", encoding="utf-8")
    assert main(["list", str(root)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert main(["state", "mark", "--star", str(root / "utc.md"), "--root", str(root)]) == 0
    capsys.readouterr()
    assert main(["state", "list", "--starred", str(root)]) == 0
    got = capsys.readouterr()
    line = got.out.splitlines()
    assert len(line) == 1 and line[0].split("\t")[0] == listed[0].split("\t")[0] == "2023-03-29 16:15"
    assert line[0].split("\t")[1] == "★ ● 某某科技发布公告" and got.err.strip() == "1/1"
