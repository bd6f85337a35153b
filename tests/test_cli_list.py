"""`kfin-tui list`, run as a user runs it: `python -m kfin_tui list …` in a subprocess."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

FIELDS = ["path", "title", "date", "source", "author", "categories", "tickers", "format"]
EM_TIME = datetime(2019, 6, 1, 12, 0, 0, tzinfo=timezone(timedelta(hours=8)))


def article(title: str, date: str | None, body: str, categories=("金融", "样例社", "深度")) -> str:
    cats = "".join(f"\n  - {c}" for c in categories)
    date_line = f"date: {date}\n" if date else "date: Invalid Date\n"
    return f"\n---\ntitle: '{title}'\ncategories:{cats}\nauthor: 样例社\n{date_line}---\n<div><p>{body}</p></div>\n"


@pytest.fixture()
def corpus(tmp_path, article_fixtures) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(article_fixtures, root)
    for txt in root.rglob("*.txt"):  # an undated Eastmoney post is dated by its file's time (approximate)
        os.utime(txt, (EM_TIME.timestamp(), EM_TIME.timestamp()))
    extra = root / "extra"
    extra.mkdir()
    (extra / "ai.md").write_text(article("人工智能芯片出货量大增", "2025-01-02 10:00:00",
                                         "多家厂商的AI芯片出货量同比增长，StreamLake 平台接入新模型。"), encoding="utf-8")
    (extra / "fullwidth.md").write_text(article("全角字母的标题", "Mon, 01 Jan 2024 08:00:00 GMT",
                                                "报告提到ＡＩ应用与云计算。", categories=("科技", "样例社", "快讯")),
                                        encoding="utf-8")
    (extra / "undated.md").write_text(article("没有日期的文章", None, "只讲云计算。"), encoding="utf-8")
    (extra / "broken.txt").write_bytes(b"\xff\x80\xfe\x81 " * 40)
    (extra / "empty.md").write_bytes(b"")
    return root


def run(*args: str, cwd: Path | None = None, env_extra: dict | None = None, tmp: Path | None = None):
    env = dict(os.environ)
    if tmp is not None:
        env["KFIN_TUI_CACHE"] = str(tmp / "cache")
        env["XDG_CACHE_HOME"] = str(tmp / "xdg")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "kfin_tui", "list", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=cwd, env=env)


def rows(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_fields_order_and_issues(corpus, tmp_path):
    res = run(str(corpus), "--json", tmp=tmp_path)
    assert res.returncode == 0, res.stderr
    items = rows(res.stdout)
    assert len(items) == 8  # 5 fixtures + 3 good extras; hidden folder skipped
    for item in items:
        assert list(item) == FIELDS
        assert isinstance(item["categories"], list) and isinstance(item["tickers"], list)
        assert item["title"] and Path(item["path"]).exists()
    dates = [item["date"] for item in items]
    dated = [datetime.fromisoformat(d) for d in dates if d]
    assert dated == sorted(dated, reverse=True)  # newest first …
    assert all(d is None for d in dates[len(dated):])  # … undated last
    assert items[0]["title"] == "人工智能芯片出货量大增" and items[0]["date"] == "2025-01-02T10:00:00+08:00"
    chip = next(i for i in items if i["title"].startswith("芯片设备厂商"))
    assert chip["date"] == "2022-08-05T20:46:24+08:00"  # 12:46:24 GMT, in Beijing time
    em = next(i for i in items if i["path"].endswith("7f3a9c21e0b4d5a6.txt"))
    assert em["date"] == "2019-06-01T12:00:00+08:00"  # no date in the post: the file's time
    assert chip["tickers"] == ["SH:688012", "SZ:300001"] and chip["format"] == "html"
    assert chip["categories"] == ["金融", "测试社", "深度"] and chip["source"] == chip["author"] == "测试社"
    # load issues on stderr: one line each (path + reason), then a count
    err = res.stderr
    assert "broken.txt" in err and "not valid UTF-8" in err
    assert "empty.md" in err and "empty" in err
    assert "2 files could not be loaded" in err
    assert "1 loaded with a warning" in err  # the broken-YAML fixture
    assert "Traceback" not in err


def test_category_is_exact(corpus, tmp_path):
    res = run(str(corpus), "--json", "--category", "快讯", tmp=tmp_path)
    assert res.returncode == 0
    assert sorted(i["title"] for i in rows(res.stdout)) == ["全角字母的标题"]
    unknown = run(str(corpus), "--json", "--category", "快", tmp=tmp_path)  # not a category: said, exit 2
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert "no category '快'" in unknown.stderr and "快讯" in unknown.stderr  # the nearest names
    deep = rows(run(str(corpus), "--json", "--category", "深度", tmp=tmp_path).stdout)
    assert len(deep) == 3 and all("深度" in i["categories"] for i in deep)


@pytest.mark.parametrize("category", ["样例社/深度", "金融/样例社/深度", "金融 / 样例社 / 深度", "金融/样例社",
                                      "样例社 ／ 深度"])
def test_category_paths(corpus, tmp_path, category):
    """A path matches consecutive categories: its trailing part, the whole path as the reader shows
    it, or a leading part (issue 15 item 7)."""
    want = sorted(i["title"] for i in rows(run(str(corpus), "--json", tmp=tmp_path).stdout)
                  if any(i["categories"][k:k + 2] == ["样例社", "深度"] for k in range(len(i["categories"])))
                  or (category == "金融/样例社" and i["categories"][:2] == ["金融", "样例社"]))
    res = run(str(corpus), "--json", "--category", category, tmp=tmp_path)
    assert res.returncode == 0, res.stderr
    assert want and sorted(i["title"] for i in rows(res.stdout)) == want


def test_category_path_typo_names_the_nearest(corpus, tmp_path):
    res = run(str(corpus), "--category", "样例社/深渡", tmp=tmp_path)
    assert res.returncode == 2 and res.stdout == ""
    assert "nearest:" in res.stderr and "深度" in res.stderr.split("nearest:")[1]
    assert run(str(corpus), "--category", "深度/样例社", tmp=tmp_path).returncode == 2  # order matters


def test_codes_and_initials_on_the_command_line(tmp_path):
    """`--keyword SZ:300750` / `300750.SZ` and `--company 300750` / `ndsd` find 宁德时代's articles in
    the bundled corpus; `--company AAPL` is 苹果 (issue 15 item 2)."""
    by_name = {i["path"] for i in rows(run("--json", "--company", "宁德时代", tmp=tmp_path).stdout)}
    assert by_name
    for form in ("300750", "SZ300750", "ndsd"):
        res = run("--json", "--company", form, tmp=tmp_path)
        assert res.returncode == 0, res.stderr
        assert {i["path"] for i in rows(res.stdout)} == by_name
    kw = {i["path"] for i in rows(run("--json", "--keyword", "宁德时代", tmp=tmp_path).stdout)}
    tick = {i["path"] for i in rows(run("--json", tmp=tmp_path).stdout) if "SZ:300750" in i["tickers"]}
    for form in ("SZ:300750", "300750.SZ", "sz300750"):
        for _ in range(2):  # cold, then from a warm index
            got = {i["path"] for i in rows(run("--json", "--keyword", form, tmp=tmp_path).stdout)}
            assert got == kw | tick
    apple = run("--json", "--company", "AAPL", tmp=tmp_path)
    assert apple.returncode == 0 and rows(apple.stdout) == rows(run("--json", "--company", "苹果", tmp=tmp_path).stdout)


@pytest.mark.parametrize("keyword, titles", [
    ("AI", ["人工智能芯片出货量大增", "全角字母的标题"]),  # ＡＩ (full width) found by NFKC
    ("ａｉ", ["人工智能芯片出货量大增", "全角字母的标题"]),  # and case-folded
    ("streamlake", ["人工智能芯片出货量大增"]),
    ("云计算 ＡＩ", ["全角字母的标题"]),  # every term required
    ("云计算", ["全角字母的标题", "没有日期的文章"]),
    ("芯片 出货量", ["人工智能芯片出货量大增"]),
    ("逆回购", ["央行开展2000亿元逆回购操作"]),  # the title counts too
    ("不存在的词", []),
])
def test_keyword(corpus, tmp_path, keyword, titles):
    res = run(str(corpus), "--json", "--keyword", keyword, tmp=tmp_path)
    assert res.returncode == 0, res.stderr
    assert [i["title"] for i in rows(res.stdout)] == titles


def test_keyword_and_category_together(corpus, tmp_path):
    res = run(str(corpus), "--json", "--keyword", "AI", "--category", "深度", tmp=tmp_path)
    assert [i["title"] for i in rows(res.stdout)] == ["人工智能芯片出货量大增"]


def test_missing_path_exits_2_with_a_message(tmp_path):
    missing = tmp_path / "no-such-folder"
    res = run(str(missing), tmp=tmp_path)
    assert res.returncode == 2
    assert res.stdout == ""
    assert "no such file or folder" in res.stderr and str(missing) in res.stderr
    assert "Traceback" not in res.stderr


def test_a_single_file(article_fixtures, tmp_path):
    path = article_fixtures / "hexo/source/_posts/金融/测试社/电报/央行开展逆回购操作.md"
    res = run(str(path), "--json", tmp=tmp_path)
    assert res.returncode == 0
    assert [i["title"] for i in rows(res.stdout)] == ["央行开展2000亿元逆回购操作"]


def run_on_terminal(*args: str, columns: str, tmp: Path) -> tuple[str, str]:
    """`kfin-tui list` with stdout on a pseudo-terminal (the table), stderr captured."""
    import pty

    master, slave = pty.openpty()
    env = dict(os.environ, KFIN_TUI_CACHE=str(tmp / "cache"), COLUMNS=columns)
    proc = subprocess.Popen([sys.executable, "-m", "kfin_tui", "list", *args], stdout=slave,
                            stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    err = proc.communicate(timeout=120)[1]
    os.close(master)
    assert proc.returncode == 0, err
    return out.decode("utf-8").replace("\r\n", "\n"), err.decode("utf-8")


@pytest.mark.parametrize("columns", ["160", "80", "50"])
def test_table_output_on_a_terminal(corpus, tmp_path, columns):
    out, _ = run_on_terminal(str(corpus), columns=columns, tmp=tmp_path)
    lines = out.splitlines()
    assert lines[0].startswith("日期") and "标题" in lines[0]
    assert lines[1].startswith("2025-01-02 10:00")  # the date column is never squeezed away
    assert "人工智能芯片" in lines[1] and lines[-1] == "8/8"
    assert "—" in out  # the undated article
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= int(columns)


def test_piped_output_is_whole_tab_separated_lines(corpus, tmp_path):
    res = run(str(corpus), tmp=tmp_path, env_extra={"COLUMNS": "50"})
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) == 8  # rows only: no header, no count
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == 4 for c in cells)
    assert cells[0] == ["2025-01-02 10:00", "人工智能芯片出货量大增", "样例社", "金融 / 样例社 / 深度"]
    assert cells[-1][0] == "" and cells[-1][1] == "没有日期的文章"  # undated: an empty date
    assert "8/8" in res.stderr.splitlines()


def test_table_cells_are_inert():
    from kfin_tui.commands.cmd_list import format_table, format_tsv

    rows = [("2024-01-01 00:00", "标题\x1b]0;pwned\x07\x1b[2J", "来源\x9b31m", "金融\n换行\t目录")]
    for text in (format_table(rows, 1, width=200), format_tsv(rows)):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert len(text.rstrip("\n").splitlines()) == (3 if "日期" in text else 1)  # a newline splits no row
    assert format_tsv(rows).count("\t") == 3


def test_bundled_corpus_from_another_directory(tmp_path):
    res = run("--json", cwd=tmp_path, tmp=tmp_path)
    assert res.returncode == 0, res.stderr
    items = rows(res.stdout)
    assert len(items) >= 30
    assert all(list(i) == FIELDS for i in items)
    assert "could not be loaded" not in res.stderr  # the bundled corpus loads whole
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("fmt", [["--json"], []])
def test_stdout_closed_early_is_not_an_error(tmp_path, fmt):
    """`kfin-tui list [--json] | head -1` exits 0, without a BrokenPipeError on stderr."""
    root = tmp_path / "many"
    root.mkdir()
    body = "样例正文。" * 40
    for i in range(400):
        (root / f"{i:04d}.md").write_text(article(f"第{i}篇样例文章" + "长标题" * 20, "2024-01-01 00:00:00", body),
                                          encoding="utf-8")
    env = dict(os.environ, KFIN_TUI_CACHE=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "kfin_tui", "list", str(root), *fmt],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    first = proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    if fmt:
        assert json.loads(first)["title"].startswith("第")
    else:
        assert first.decode().count("\t") == 3  # piped: whole tab-separated rows
    assert proc.returncode == 0, err
    assert b"BrokenPipe" not in err and b"Traceback" not in err


@pytest.mark.skipif(os.environ.get("KFIN_TUI_CI") != "1", reason="only in .ci/run (after a non-editable install)")
def test_ci_installed_first_row():
    """.ci/run ran `(cd / && kfin-tui list --json | head -1)` with the installed console script."""
    line = os.environ.get("KFIN_TUI_CI_FIRST_ROW", "")
    assert line.strip(), "the installed kfin-tui printed nothing from /"
    item = json.loads(line)
    assert list(item) == FIELDS and item["title"]
    path = Path(item["path"])
    assert path.is_file()
    assert "_corpus" in path.parts, f"not the corpus bundled in the wheel: {path}"  # kfin_tui/_corpus
    import kfin_tui.paths

    assert path.resolve().is_relative_to(kfin_tui.paths.bundled_corpus().resolve())


def test_unreadable_folder_exits_2_with_a_message(tmp_path, monkeypatch, capsys):
    """In-process (root ignores chmod): a folder that cannot be listed is exit 2 and one line."""
    import pathlib

    from kfin_tui import cli

    locked = tmp_path / "locked"
    locked.mkdir()
    real_iterdir = pathlib.Path.iterdir

    def iterdir(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(pathlib.Path, "iterdir", iterdir)
    assert cli.main(["list", str(locked)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"kfin-tui: cannot read {locked}: permission denied"


def test_list_never_writes_the_corpus(corpus, tmp_path):
    def snapshot():
        return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in [corpus, *corpus.rglob("*")])

    before = snapshot()
    for args in (["--json"], [], ["--keyword", "AI"]):
        assert run(str(corpus), *args, tmp=tmp_path).returncode == 0
    assert snapshot() == before


def test_company_filter_uses_aliases_and_the_extractor(tmp_path):
    """`--company 阿里` lists the bundled articles whose extraction names 阿里巴巴, and only those."""
    from kfin_tui.articles import load_file
    from kfin_tui.extract import extract_article
    from kfin_tui.paths import bundled_corpus

    res = run("--json", "--company", "阿里", tmp=tmp_path)
    assert res.returncode == 0, res.stderr
    got = {Path(i["path"]).name for i in rows(res.stdout)}
    want = set()
    for path in sorted(bundled_corpus().rglob("*")):
        if path.is_file() and path.suffix in (".md", ".txt", ".html"):
            article, _ = load_file(path, bundled_corpus())
            if article and any(c.name == "阿里巴巴" for c in extract_article(article).companies):
                want.add(path.name)
    assert want and got == want
    both = rows(run("--json", "--company", "阿里巴巴", "--keyword", "蚂蚁", tmp=tmp_path).stdout)
    assert both and {Path(i["path"]).name for i in both} < got  # the keyword narrows it further
    none = run("--company", "没有这家公司", tmp=tmp_path)  # unknown: said, with exit 2 (issue 15 item 7)
    assert none.stdout == "" and none.returncode == 2
    assert "no company '没有这家公司'" in none.stderr


def test_json_dates_have_one_offset_beijing_time(corpus, tmp_path):
    """`--json` dates are in Beijing time (+08:00) whatever the file wrote, so they sort as strings
    and read as the reader shows them (issue 15 item 9); cold and from a warm index alike."""
    for _ in range(2):
        got = rows(run(str(corpus), "--json", tmp=tmp_path).stdout)
        dated = [i for i in got if i["date"]]
        assert dated and all(i["date"].endswith("+08:00") for i in dated)
        gmt = next(i for i in got if i["title"] == "全角字母的标题")  # Mon, 01 Jan 2024 08:00:00 GMT
        assert gmt["date"] == "2024-01-01T16:00:00+08:00"
        assert [i["date"] for i in dated] == sorted((i["date"] for i in dated), reverse=True)


def test_extract_on_an_empty_folder_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    res = subprocess.run([sys.executable, "-m", "kfin_tui", "extract", str(empty)], capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert res.returncode == 0 and res.stdout == ""
    assert "no articles" in res.stderr and str(empty) in res.stderr
