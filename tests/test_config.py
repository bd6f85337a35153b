"""The config file: defaults when missing, one clear line (file, line, key) when wrong, edits that
keep the user's comments and never leave a half-written file."""
from __future__ import annotations

from pathlib import Path

import pytest

from kfin_tui.config import Config, ConfigError, edit_config, load_config, parse_config
from kfin_tui.paths import config_file, state_dir


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    cfg = load_config(tmp_path / "nope.toml")
    assert cfg == Config()
    assert cfg.archive is None and cfg.feeds == () and cfg.rsshub.startswith("https://")


def test_env_overrides_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "c.toml"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    assert config_file() == tmp_path / "c.toml"
    assert state_dir() == tmp_path / "state"


def test_full_file_is_read(tmp_path: Path) -> None:
    text = '''archive = "~/news"
rsshub = "http://127.0.0.1:1200/"
watch = ["宁德时代", "600519"]

[reader]
read_after = 2

[keys]
quit = ["q", "ctrl+q"]
help = "?"

[[feeds]]
name = "财联社电报"
url = "/cls/telegraph"
section = "金融"
site = "财联社"
feed = "电报"
interval = 10

[[feeds]]
name = "atom"
url = "http://127.0.0.1:9/atom.xml"
enabled = false
'''
    cfg = parse_config(text, tmp_path / "c.toml")
    assert cfg.archive == Path("~/news").expanduser()
    assert cfg.rsshub == "http://127.0.0.1:1200"
    assert cfg.watch == ("宁德时代", "600519")
    assert cfg.reader.read_after == 2.0 and cfg.reader.fetch_every == 0.0
    assert cfg.keys == {"quit": ("q", "ctrl+q"), "help": ("?",)}
    assert [f.name for f in cfg.feeds] == ["财联社电报", "atom"]
    assert cfg.feeds[0].interval == 10.0 and cfg.feeds[0].site == "财联社" and cfg.feeds[0].enabled
    assert not cfg.feeds[1].enabled and cfg.feeds[1].interval is None


@pytest.mark.parametrize(("text", "line", "key"), [
    ('archive = 3\n', 1, "archive"),
    ('rsshub = "ftp://x"\n', 1, "rsshub"),
    ('\n\nwatch = [1]\n', 3, "watch"),
    ('[reader]\nread_after = "slow"\n', 2, "reader.read_after"),
    ('[keys]\nquit = []\n', 2, "keys.quit"),
    ('[[feeds]]\nname = "a"\nurl = "/a"\n[[feeds]]\nname = "b"\nurl = "/b"\ninterval = "ten"\n', 7,
     "feeds[2].interval"),
    ('[[feeds]]\nname = "a"\n', 1, "feeds[1].url"),
    ('[[feeds]]\nname = "a"\nurl = "/a"\n[[feeds]]\nname = "a"\nurl = "/b"\n', 5, "feeds[2].name"),
    ('colour = "red"\n', 1, "colour"),
])
def test_bad_value_names_line_and_key(tmp_path: Path, text: str, line: int, key: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config(text, tmp_path / "c.toml")
    message = str(err.value)
    assert f"line {line}:" in message and f" {key}: " in message, message
    assert "\n" not in message and "Traceback" not in message


def test_syntax_error_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('archive = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert "line 1" in str(err.value) and str(path) in str(err.value)


def test_edit_keeps_comments_and_validates(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "c.toml"
    path.parent.mkdir()
    path.write_text('# my comment\nwatch = ["比亚迪"]  # follow\n', encoding="utf-8")
    with edit_config(path) as doc:
        doc["watch"].append("宁德时代")
    text = path.read_text(encoding="utf-8")
    assert "# my comment" in text and "# follow" in text
    assert load_config(path).watch == ("比亚迪", "宁德时代")
    with pytest.raises(ConfigError), edit_config(path) as doc:
        doc["archive"] = 5  # wrong type: nothing is written
    assert load_config(path).watch == ("比亚迪", "宁德时代")
    assert [p.name for p in path.parent.iterdir()] == ["c.toml"]  # no temporary file left


def test_cli_config_reports_bad_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from kfin_tui.cli import main

    path = tmp_path / "c.toml"
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(path))
    assert main(["config", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    path.write_text('[[feeds]]\nname = "x"\nurl = 5\n', encoding="utf-8")
    assert main(["config"]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "feeds[1].url" in err


def test_typo_suggests_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    from kfin_tui.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["lsit"]) == 2
    assert "kfin-tui list" in capsys.readouterr().err
