"""``kfin-tui list --unread / --starred / --watch``: the reading state and the watchlist narrow the
list, each with the other filters; the marks come from ``kfin-tui state mark``."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kfin_tui.cli import main

ARTICLE = """
---
title: {title}
date: 2024-0{month}-02 10:00:00
categories:
  - 金融
  - 测试社
author: 测试社
---
<div><p>{body}</p></div>
"""


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "config.toml"))
    root = tmp_path / "archive" / "金融" / "测试社"
    root.mkdir(parents=True)
    bodies = {
        "甲": "宁德时代发布三季报，营业收入同比增长。",
        "乙": "贵州茅台公告分红方案，每股派现30元。",
        "丙": "比亚迪新能源汽车销量再创新高。",
    }
    for month, (title, body) in enumerate(bodies.items(), start=1):
        (root / f"{title}.md").write_text(ARTICLE.format(title=title, month=month, body=body), encoding="utf-8")
    return tmp_path / "archive"


def _titles(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["list", *args, "--json"]) == 0
    return [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]


def test_unread_and_starred(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(archive)
    assert _titles(capsys, root, "--unread") == ["丙", "乙", "甲"]
    assert _titles(capsys, root, "--starred") == []
    files = archive / "金融" / "测试社"
    assert main(["state", "mark", "--read", str(files / "乙.md"), "--root", root]) == 0
    assert main(["state", "mark", "--star", str(files / "甲.md"), "--root", root]) == 0
    assert _titles(capsys, root, "--unread") == ["丙", "甲"]
    assert _titles(capsys, root, "--starred") == ["甲"]
    assert _titles(capsys, root, "--unread", "--starred") == ["甲"]
    assert _titles(capsys, root, "--unread", "--keyword", "比亚迪") == ["丙"]
    # a moved file keeps its marks (content hash)
    shutil.move(str(files / "乙.md"), str(files / "乙-改名.md"))
    assert _titles(capsys, root, "--unread") == ["丙", "甲"]


def test_watch(archive: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = str(archive)
    assert _titles(capsys, root, "--watch") == []  # nothing watched
    (tmp_path / "config.toml").write_text('watch = ["茅台", "300750"]\n', encoding="utf-8")
    assert _titles(capsys, root, "--watch") == ["乙", "甲"]  # an alias and a ticker resolve
    assert _titles(capsys, root, "--watch", "--keyword", "分红") == ["乙"]


def test_list_and_index_open_the_config_archive(archive: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Without a PATH, list and index work on the config's archive (the folder fetch writes)."""
    (tmp_path / "config.toml").write_text(f'archive = "{archive.as_posix()}"\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    assert sorted(json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()) == ["丙", "乙", "甲"]
    assert main(["index"]) == 0
    (tmp_path / "config.toml").write_text('archive = 3\n', encoding="utf-8")
    assert main(["list"]) == 2  # a config that cannot be used is said, not guessed around
    assert "archive" in capsys.readouterr().err
