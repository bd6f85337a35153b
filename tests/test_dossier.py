"""The company dossier: names, timeline, articles newest first with the figures stated about the
company, co-mentions, and honesty while the archive is not extracted yet."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from kfin_tui.cli import main
from kfin_tui.dossier import build_dossier, sentence_spans, sparkline, week_of
from kfin_tui.index import Library


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    return tmp_path


# written for these tests: facts are made up
ARTICLES = {
    "maotai-q3.md": ("2024-10-25 18:00:00", "贵州茅台三季报",
                     "贵州茅台前三季度实现营业收入1231.23亿元，同比增长16.91%。同期比亚迪净利润252.38亿元。"
                     "行业整体回暖；白酒板块估值修复。"),
    "maotai-div.md": ("2024-10-08 09:00:00", "茅台分红",
                      "茅台拟每10股派发现金红利238.82元！五粮液的分红方案尚未公布。"),
    "byd.md": ("2024-09-02 08:00:00", "比亚迪8月销量",
               "比亚迪8月销量37.3万辆，同比增长35.9%。"),
    "catl.md": ("2024-10-18 20:00:00", "宁德时代三季度",
                "宁德时代三季度净利润131.36亿元，同比增长25.97%。\n贵州茅台与此无关。"),
}


def write_archive(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, (when, title, body) in ARTICLES.items():
        (root / name).write_text(f"---\ntitle: {title}\ndate: {when}\ncategories:\n- 金融\n---\n\n{body}\n",
                                 encoding="utf-8")
    return root


def test_sentence_spans_split_on_chinese_stops_and_newlines():
    text = "甲。乙！丙？丁；戊\n己"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["甲。", "乙！", "丙？", "丁；", "戊\n", "己"]
    assert sentence_spans("") == []


def test_sparkline_scales_and_buckets():
    assert sparkline([0, 1, 2, 4, 8]) == " ▁▂▄█"
    assert sparkline([0, 0]) == "  "
    assert sparkline([]) == ""
    assert sparkline([1, 100]) == "▁█"  # a small non-zero value still shows
    assert sparkline([1, 1, 0, 0, 2, 2], width=3) == "▄ █"
    assert len(sparkline(list(range(100)), width=20)) == 20


def test_week_of_is_monday():
    assert week_of(datetime(2024, 10, 25, 18)) == date(2024, 10, 21)
    assert week_of(date(2024, 10, 21)) == date(2024, 10, 21)


def test_dossier_lists_articles_with_figures_of_sentences_naming_it(env):
    lib = Library(write_archive(env / "arch")).load_all()
    lib.extract_pending()
    d = build_dossier(lib, "贵州茅台")
    assert d.name == "贵州茅台" and "茅台" in d.info.aliases and "SH:600519" in d.info.tickers
    assert not d.partial and d.status == "" and d.extracted == d.total == 4
    titles = [lib.row(i).title for i in d.row_ids]
    assert titles == ["贵州茅台三季报", "宁德时代三季度", "茅台分红"]  # newest first
    by_title = {e.title: e for e in d.entries()}
    q3 = {f.text for f in by_title["贵州茅台三季报"].figures}
    assert {"1231.23亿元", "16.91%"} <= q3
    assert "252.38亿元" not in q3  # a sentence about 比亚迪 only
    assert "比亚迪" in by_title["贵州茅台三季报"].companies
    assert "贵州茅台" not in by_title["贵州茅台三季报"].companies
    revenue = next(f for f in by_title["贵州茅台三季报"].figures if f.text == "1231.23亿元")
    assert "营业收入" in revenue.label and revenue.sentence.startswith("贵州茅台前三季度")
    # named by its alias only: still its sentence
    assert "238.82元" in {f.text for f in by_title["茅台分红"].figures}
    # named in a sentence without figures: the other sentences' figures are not its
    assert by_title["宁德时代三季度"].figures == []
    assert "宁德时代" in by_title["宁德时代三季度"].companies
    # timeline: weeks of 2024-10-07, 10-14 (none), 10-21
    assert [(w.isoformat(), n) for w, n in d.weeks] == [("2024-10-07", 1), ("2024-10-14", 1), ("2024-10-21", 1)]
    assert d.sparkline() == "███"


def test_dossier_by_alias_and_ticker(env):
    lib = Library(write_archive(env / "arch")).load_all()
    lib.extract_pending()
    for query in ("茅台", "600519", "600519.SH"):
        assert build_dossier(lib, query).count == 3
    byd = build_dossier(lib, "比亚迪")
    assert byd.count == 2


def test_dossier_says_partial_while_not_extracted(env):
    lib = Library(write_archive(env / "arch")).load_all()
    d = build_dossier(lib, "贵州茅台")
    assert d.partial and d.count == 0 and (d.extracted, d.total) == (0, 4)
    assert d.status == "提取中 0/4"
    first = next(r.id for r in lib.rows if r.title == "贵州茅台三季报")
    lib.extraction(first)
    d = build_dossier(lib, "贵州茅台")
    assert d.partial and d.count == 1 and d.extracted == 1
    lib.extract_pending()
    d = build_dossier(lib, "贵州茅台")
    assert not d.partial and d.count == 3


def test_dossier_in_memory_library(env, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_NO_INDEX", "1")
    lib = Library(write_archive(env / "arch")).load_all()
    assert build_dossier(lib, "比亚迪").partial
    lib.extract_pending()
    d = build_dossier(lib, "比亚迪")
    assert not d.partial and d.count == 2


def test_company_command_json(env, capsys):
    root = write_archive(env / "arch")
    assert main(["company", "茅台", str(root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "贵州茅台" and data["count"] == 3 and data["partial"] is False
    assert [a["title"] for a in data["articles"]] == ["贵州茅台三季报", "宁德时代三季度", "茅台分红"]
    assert any(f["text"] == "1231.23亿元" for f in data["articles"][0]["figures"])
    assert data["timeline"][0] == {"week": "2024-10-07", "count": 1}
    assert main(["company", "茅台", str(root), "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 1


def test_company_command_table_and_partial(env, capsys):
    root = write_archive(env / "arch")
    assert main(["company", "贵州茅台", str(root), "--no-extract"]) == 0
    out = capsys.readouterr().out
    assert "提取中 0/4" in out and "partial" in out and "没有" not in out
    assert main(["company", "贵州茅台", str(root)]) == 0
    out = capsys.readouterr().out
    assert "文章 3" in out and "营业收入 1231.23亿元" in out and "同时提到: 比亚迪" in out


def test_company_command_unknown_name_suggests(env, capsys):
    root = write_archive(env / "arch")
    assert main(["company", "贵州茅苔", str(root)]) == 2
    err = capsys.readouterr().err
    assert "unknown company" in err and "贵州茅台" in err


def test_company_command_missing_folder(env, capsys):
    assert main(["company", "贵州茅台", str(env / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_company_command_says_a_media_outlet_is_a_source(env, capsys):
    root = write_archive(env / "arch")
    assert main(["company", "财联社", str(root)]) == 0
    out = capsys.readouterr().out
    assert "media outlet" in out
    assert main(["company", "财联社", str(root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "media"


def test_dossier_text_is_inert_on_a_terminal():
    from kfin_tui.commands.cmd_company import format_dossier
    from kfin_tui.dossier import Dossier, DossierEntry, FigureHit
    from kfin_tui.state.watchlist import CompanyInfo

    d = Dossier(CompanyInfo("甲\x1b]0;title\x07公司", ("甲\n别名",), ("SH:600000",)), [1], 1, 1,
                [(date(2024, 10, 7), 1)], 0)
    d._details[1] = DossierEntry(1, "/a.md", "标题\x1b[2J清屏", None, "来源\r",
                                 [FigureHit("1亿元", "money", "营收\x1b[31m")], ["乙\x9b公司"])
    out = format_dossier(d, width=100)
    assert not any(c in out for c in "\x1b\x07\r\x9b")
    assert "标题" in out and "清屏" in out and "乙" in out
    assert all("别名" not in line or line.startswith("别名") for line in out.splitlines())


def test_a_dossier_entry_date_is_beijing_time_and_marks_a_file_time(tmp_path):
    """The dossier's days are Beijing days, as the list's; a plain-text post dated by its file's
    time carries ≈ there too."""
    import os
    from datetime import datetime, timedelta, timezone

    from kfin_tui.dossier import DossierEntry

    utc = DossierEntry(1, str(tmp_path / "a.md"), "甲", datetime(2023, 3, 29, 20, 0, tzinfo=timezone.utc), "财联社",
                       format="html")
    assert utc.date_text() == "2023-03-30"
    post = tmp_path / "b.txt"
    post.write_text("某某股份发布公告。\n", encoding="utf-8")
    when = datetime(2024, 5, 6, 10, 30, 0, tzinfo=timezone(timedelta(hours=8)))
    os.utime(post, (when.timestamp(), when.timestamp()))
    assert DossierEntry(2, str(post), "乙", when, "东方财富", format="text").date_text() == "≈2024-05-06"
    assert DossierEntry(3, str(post), "丙", None, "").date_text() == "—"
