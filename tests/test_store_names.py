"""File and folder names that are not valid UTF-8 (GBK bytes, as old zip archives unpack): listed,
stored, shown with a placeholder, never a crash — small and cold (metadata pass) folders alike."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from index_helpers import make_small_cold

from kfin_tui.filters import Filters
from kfin_tui.index import Library

POST = "---\ntitle: '{title}'\ndate: 2024-03-{day:02d} 10:00:00\n---\n<p>{body}</p>\n"
UNTITLED = "【】\n\n{body}\n"

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="POSIX byte file names only")


def gbk(text: str) -> bytes:
    raw = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the point of the test: these bytes are not UTF-8
    return raw


def write(root: Path, n_plain: int = 0) -> dict[bytes, str]:
    """GBK-named files and a GBK-named folder; returns file name bytes → title."""
    broot = os.fsencode(root)
    os.makedirs(broot, exist_ok=True)
    sub = os.path.join(broot, gbk("中文目录"))
    os.makedirs(sub, exist_ok=True)
    made = {}
    for k, (name, title) in enumerate([("中文报告", "国标文件名的文章"), ("财报点评", "另一篇国标文件")]):
        path = os.path.join(broot, gbk(name) + b".md")
        with open(path, "wb") as fh:
            fh.write(POST.format(title=title, day=k + 1, body="回购计划").encode("utf-8"))
        made[path] = title
    inner = os.path.join(sub, b"inner.md")
    with open(inner, "wb") as fh:
        fh.write(POST.format(title="目录里的文章", day=5, body="回购计划").encode("utf-8"))
    made[inner] = "目录里的文章"
    untitled = os.path.join(broot, gbk("无题") + b".txt")  # the title falls back to the file name
    with open(untitled, "wb") as fh:
        fh.write(b"\n")
        fh.write("来源：东方财富网\n\n短。\n".encode())
    made[untitled] = ""
    for i in range(n_plain):
        with open(os.path.join(broot, f"p{i:03d}.md".encode()), "wb") as fh:
            fh.write(POST.format(title=f"普通文章{i}", day=i % 28 + 1, body="正文").encode("utf-8"))
    return made


def check(lib: Library, made: dict[bytes, str]) -> None:
    paths = {os.fsencode(r.path): r for r in lib.rows}
    for raw, title in made.items():
        assert raw in paths, raw  # listed, under its real name …
        assert os.path.exists(paths[raw].path)  # … which opens
        if title:
            assert paths[raw].title == title
    for r in lib.rows:
        for text in (r.title, r.source, r.author, *r.categories):
            text.encode("utf-8")  # shown with a placeholder, never a lone surrogate
    inner = next(r for r in lib.rows if r.title == "目录里的文章")
    assert any("\ufffd" in c for c in inner.categories)  # the folder name, with placeholders


@pytest.mark.parametrize("cold", [False, True], ids=["small", "cold"])
def test_library_lists_non_utf8_names(cache, tmp_path, monkeypatch, cold):
    if cold:
        make_small_cold(monkeypatch)
    root = tmp_path / "c"
    made = write(root, n_plain=30 if cold else 0)
    lib = Library(root).load_all()
    assert lib.indexed and not lib.problems
    check(lib, made)
    assert len(lib.select(Filters(keyword="回购")).rows) == 3
    warm = Library(root).load_all()  # from the index: the same names back
    check(warm, made)
    assert sorted(r.path for r in warm.rows) == sorted(r.path for r in lib.rows)
    memory = Library(root, use_index=False).load_all()
    assert sorted(r.path for r in memory.rows) == sorted(r.path for r in lib.rows)


def test_deleting_a_non_utf8_file_is_seen(cache, tmp_path):
    root = tmp_path / "c"
    made = write(root)
    Library(root).load_all()
    gone = next(iter(made))
    os.unlink(gone)
    again = Library(root).load_all()
    assert gone not in {os.fsencode(r.path) for r in again.rows}
    assert len(again.rows) == len(made) - 1


@pytest.mark.parametrize("args", [["--json"], [], ["--json", "--keyword", "回购"]])
def test_cli_list_and_index(tmp_path, args):
    root = tmp_path / "c"
    made = write(root, n_plain=250)  # more than a cold folder's threshold: the metadata pass
    env = dict(os.environ, KFIN_TUI_CACHE=str(tmp_path / "cache"))
    for _ in range(2):  # cold, then warm (the quick listing)
        res = subprocess.run([sys.executable, "-m", "kfin_tui", "list", str(root), *args], capture_output=True,
                             env=env, timeout=120)
        assert res.returncode == 0, res.stderr.decode(errors="replace")
        assert b"Traceback" not in res.stderr
        out = res.stdout.decode("utf-8")  # valid UTF-8 whatever the names
        if "--json" in args:
            items = [json.loads(line) for line in out.splitlines()]
            listed = {os.fsencode(i["path"]) for i in items}
            wanted = made if "--keyword" not in args else {p: t for p, t in made.items() if t}
            assert set(wanted) <= listed  # the \\udcXX escapes read back to the real names
            assert len(items) == len(wanted) + (250 if "--keyword" not in args else 0)
        else:
            assert "国标文件名的文章" in out and "\ufffd" in out
    res = subprocess.run([sys.executable, "-m", "kfin_tui", "index", str(root)], capture_output=True, env=env,
                         timeout=120)
    assert res.returncode == 0 and b"Traceback" not in res.stderr
