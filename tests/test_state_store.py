"""The reading state: marks, identities across a rename, sessions, bad databases, export/import."""
from __future__ import annotations

import json
import marshal
import os
import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from kfin_tui.index import Library
from kfin_tui.state import ArchiveState, ReaderSession, open_state, starred_ids, unread_ids
from kfin_tui.state.identity import Identity, front_matter_ids, identity_of_file
from kfin_tui.state.transfer import StateImportError, export_state, import_state


@pytest.fixture
def state_env(tmp_path, monkeypatch):
    """Private state, config and cache folders for one test."""
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    return tmp_path


def _post(title: str, day: int, body: str, guid: str | None = None, link: str | None = None) -> str:
    head = [f"title: {title}", f"date: 2024-10-{day:02d} 09:00:00", "categories:", "- 金融"]
    if guid:
        head.append(f"guid: '{guid}'")
    if link:
        head.append(f"link: {link}")
    return "---\n" + "\n".join(head) + "\n---\n\n" + body + "\n"


def make_archive(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.md").write_text(_post("甲公司发布三季报", 1, "甲公司三季度营业收入12亿元。"), encoding="utf-8")
    (root / "b.md").write_text(_post("乙公司回购股份", 2, "乙公司拟回购不超过3亿元股份。",
                                     guid="cls-1001", link="https://example.com/1001"), encoding="utf-8")
    (root / "c.md").write_text(_post("丙公司获得订单", 3, "丙公司获得5000万元订单。",
                                     link="https://example.com/1002"), encoding="utf-8")
    sub = root / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "d.md").write_text(_post("丁公司停牌", 4, "丁公司今日起停牌。"), encoding="utf-8")
    return root


def load(root: Path) -> Library:
    return Library(root).load_all()


def by_title(lib: Library, title: str) -> int:
    return next(r.id for r in lib.rows if r.title == title)


# identity -----------------------------------------------------------------------------------

def test_identity_prefers_guid_then_link_then_path(tmp_path):
    root = make_archive(tmp_path / "arch")
    assert identity_of_file(root / "b.md", root).key == "guid:cls-1001"
    assert identity_of_file(root / "c.md", root).key == "link:https://example.com/1002"
    assert identity_of_file(root / "sub" / "d.md", root).key == "path:sub/d.md"
    a1 = identity_of_file(root / "a.md", root)
    shutil.copy(root / "a.md", root / "a2.md")
    a2 = identity_of_file(root / "a2.md", root)
    assert a1.key != a2.key and a1.hash == a2.hash and len(a1.hash) == 32


def test_front_matter_ids_ignore_body_and_bad_yaml():
    assert front_matter_ids("no front matter\nguid: x\n") == {}
    assert front_matter_ids("---\ntitle: t\n---\nguid: in-body\n") == {}
    assert front_matter_ids("---\ntitle: @bad yaml\nguid: g-1\n---\nbody") == {"guid": "g-1"}
    assert front_matter_ids("---\nguid: 12345\nlink: ''\n---\n") == {"guid": "12345"}


# marks --------------------------------------------------------------------------------------

def test_toggles_persist_and_survive_reopen(state_env):
    store = open_state()
    assert store.error is None and store.persistent
    a, b = Identity("guid:a", "h1"), Identity("guid:b", "h2")
    assert store.toggle_read(a) is True
    assert store.toggle_starred(b) is True
    assert store.toggle_starred(b) is False
    store.set_starred(b, True)
    first_read = store.mark_for(a).read_at
    store.set_read(a, True)  # already read: keeps the first time
    assert store.mark_for(a).read_at == first_read
    store.close()
    store = open_state()
    ma, mb = store.mark_for(a), store.mark_for(b)
    assert ma.read and not ma.starred
    assert mb.starred and not mb.read
    assert store.toggle_read(a) is False
    assert not store.mark_for(a).read
    assert (state_env / "state" / "state.sqlite3").exists()
    conn = sqlite3.connect(state_env / "state" / "state.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_path_key_of_another_archive_is_not_taken(state_env):
    store = open_state()
    store.set_read(Identity("path:x.md", "h-one"), True, root="/archive/one")
    assert store.mark_for(Identity("path:x.md", "h-two"), "/archive/two") is None
    assert store.mark_for(Identity("path:x.md", "h-one"), "/archive/two").read  # same content
    assert store.mark_for(Identity("path:x.md", "h-changed"), "/archive/one").read  # edited in place


def joined(root: Path):
    """The archive at ``root`` loaded, the reading state opened, and the two joined: (lib, store, st)."""
    lib = load(root)
    store = open_state()
    st = ArchiveState(lib, store)
    st.refresh()
    return lib, store, st


def test_archive_state_marks_rows_and_selections(state_env):
    root = make_archive(state_env / "arch")
    lib, store, st = joined(root)
    a, b = by_title(lib, "甲公司发布三季报"), by_title(lib, "乙公司回购股份")
    assert st.unread_count() == 4
    assert st.toggle_read(a) is True
    assert st.toggle_starred(b) is True
    assert st.read_ids() == {a} and st.starred_ids() == {b}
    st.close()
    # a fresh library and state (as after a restart) see the same
    lib2 = load(root)
    assert unread_ids(lib2, store) == {r.id for r in lib2.rows} - {by_title(lib2, "甲公司发布三季报")}
    assert starred_ids(lib2, store) == {by_title(lib2, "乙公司回购股份")}


def test_state_follows_a_renamed_and_moved_file(state_env):
    root = make_archive(state_env / "arch")
    store = open_state()
    lib = load(root)
    st = ArchiveState(lib, store)
    st.refresh()
    st.set_read(by_title(lib, "甲公司发布三季报"))  # a path identity
    st.set_starred(by_title(lib, "丁公司停牌"))
    st.set_starred(by_title(lib, "乙公司回购股份"))  # a guid identity
    st.close()
    (root / "a.md").rename(root / "renamed.md")
    (root / "elsewhere").mkdir()
    (root / "sub" / "d.md").rename(root / "elsewhere" / "d-moved.md")
    b = (root / "b.md").read_text(encoding="utf-8")
    (root / "b.md").unlink()
    (root / "sub" / "b-edited.md").write_text(b.replace("3亿元", "4亿元"), encoding="utf-8")  # moved and edited
    lib2 = load(root)
    st2 = ArchiveState(lib2, store)
    st2.refresh()
    assert {lib2.row(i).path for i in st2.read_ids()} == {str(root / "renamed.md")}
    assert {lib2.row(i).path for i in st2.starred_ids()} == {str(root / "elsewhere" / "d-moved.md"),
                                                           str(root / "sub" / "b-edited.md")}
    # a change after the rename is kept under the new identity
    rid = by_title(lib2, "甲公司发布三季报")
    assert st2.toggle_read(rid) is False
    st2.close()
    st3 = ArchiveState(load(root), store)
    st3.refresh()
    assert st3.read_ids() == set()


def test_deleting_the_cache_loses_no_state(state_env):
    root = make_archive(state_env / "arch")
    store = open_state()
    lib = load(root)
    st = ArchiveState(lib, store)
    st.refresh()
    st.set_read(by_title(lib, "甲公司发布三季报"))
    st.set_starred(by_title(lib, "丙公司获得订单"))
    store.save_session(root, ReaderSession(filters={"keyword": "回购"}, selected="guid:cls-1001", panel=False))
    st.close()
    lib.close()
    store.close()
    cache = state_env / "cache"
    assert cache.is_dir() and any(cache.rglob("*.sqlite3"))
    shutil.rmtree(cache)
    store = open_state()
    lib = load(root)
    assert unread_ids(lib, store) == {by_title(lib, "乙公司回购股份"), by_title(lib, "丙公司获得订单"),
                                      by_title(lib, "丁公司停牌")}
    assert starred_ids(lib, store) == {by_title(lib, "丙公司获得订单")}
    session = store.load_session(root)
    assert session is not None and session.filters == {"keyword": "回购"} and session.panel is False


# sessions -----------------------------------------------------------------------------------

def test_session_round_trip_per_folder(state_env):
    store = open_state()
    one, two = state_env / "one", state_env / "two"
    one.mkdir()
    two.mkdir()
    store.save_session(one, ReaderSession(filters={"company": "宁德时代"}, selected="path:x.md",
                                          selected_hash="abc", panel=True, hide_read=True))
    assert store.load_session(two) is None
    s = store.load_session(one)
    assert s == ReaderSession(filters={"company": "宁德时代"}, selected="path:x.md", selected_hash="abc",
                              panel=True, hide_read=True)
    store.save_session(one, ReaderSession())
    assert store.load_session(one) == ReaderSession()
    assert ReaderSession.from_json({"panel": "yes", "filters": [1], "hide_read": 1}) == ReaderSession()


def test_archive_state_finds_the_selected_row_again(state_env):
    root = make_archive(state_env / "arch")
    lib, store, st = joined(root)
    rid = by_title(lib, "丁公司停牌")
    ident = st.identity(rid)
    (root / "sub" / "d.md").rename(root / "d-new.md")
    lib2 = load(root)
    st2 = ArchiveState(lib2, store)
    st2.refresh()
    assert lib2.row(st2.row_of(ident.key, ident.hash)).path == str(root / "d-new.md")
    for r in lib2.rows:  # by key: a guid, a link, a path (the hash not needed)
        assert st2.row_of(st2.identity(r.id).key) == r.id
    assert st2.row_of("path:nowhere.md") is None and st2.row_of("guid:none", "0" * 32) is None


# bad databases --------------------------------------------------------------------------------

def test_garbage_state_file_is_reported_and_the_store_works_in_memory(state_env):
    path = state_env / "state" / "state.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database at all, just text\n" * 200)
    store = open_state()
    assert store.error and "damaged or not a database" in store.error and str(path) in store.error
    assert not store.persistent
    assert store.toggle_starred(Identity("guid:x", "h")) is True
    assert store.mark_for(Identity("guid:x", "h")).starred
    assert path.read_bytes().startswith(b"this is not a database")  # never overwritten


def test_truncated_state_file_is_reported(state_env):
    store = open_state()
    for i in range(300):
        store.set_read(Identity(f"guid:{i}", f"h{i}"))
    store.close()
    path = state_env / "state" / "state.sqlite3"
    for suffix in ("-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * (len(data) - 100))
    store = open_state()
    assert store.error is not None
    store.set_read(Identity("guid:new", "h"))  # never raises
    assert store.mark_for(Identity("guid:new", "h")).read


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_state_keeps_its_marks_for_the_session(state_env):
    store = open_state()
    store.set_starred(Identity("guid:kept", "h"))
    store.close()
    folder = state_env / "state"
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    try:
        store = open_state()
        assert store.error and "read-only" in store.error
        assert store.mark_for(Identity("guid:kept", "h")).starred
        assert store.toggle_read(Identity("guid:other", "h2")) is True
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)


def test_state_folder_that_cannot_be_created(state_env, monkeypatch):
    blocker = state_env / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KFIN_TUI_STATE", str(blocker / "state"))
    store = open_state()
    assert store.error and "cannot be opened" in store.error
    assert store.toggle_read(Identity("guid:x", "")) is True


# export / import ------------------------------------------------------------------------------

def test_export_import_round_trip_and_merge(state_env, tmp_path):
    store = open_state()
    store.set_read(Identity("guid:a", "ha"), root="/r")
    store.set_starred(Identity("link:https://x/b", "hb"), root="/r")
    store.save_session("/r", ReaderSession(filters={"category": "深度"}, hide_read=True))
    data = json.loads(json.dumps(export_state(store)))
    other = open_state(tmp_path / "other.sqlite3")
    other.set_starred(Identity("guid:c", "hc"))
    assert import_state(other, data) == (2, 1)
    got = {m["ident"]: m for m in export_state(other)["marks"]}
    assert set(got) == {"guid:a", "link:https://x/b", "guid:c"}
    for m in data["marks"]:  # the imported marks are exactly the exported ones
        assert got[m["ident"]] == m
    assert got["guid:a"]["read_at"] is not None and got["link:https://x/b"]["starred"]
    assert other.load_session("/r") == ReaderSession(filters={"category": "深度"}, hide_read=True)
    # importing the same again changes nothing; an older copy does not undo a newer change
    assert import_state(other, data) == (0, 0)
    other.set_read(Identity("guid:a", "ha"), False)
    assert import_state(other, data) == (0, 0)
    assert not other.mark_for(Identity("guid:a", "ha")).read
    # and a newer export wins
    store.set_starred(Identity("guid:a", "ha"), True)
    import_state(other, export_state(store))
    assert other.mark_for(Identity("guid:a", "ha")).starred


@pytest.mark.parametrize("bad", [[], {"marks": []}, {"kfin-tui-state": 9}, {"kfin-tui-state": 1, "marks": {}},
                                 {"kfin-tui-state": 1, "marks": [{"ident": 3}]},
                                 {"kfin-tui-state": 1, "marks": [{"ident": "x", "read_at": "today"}]}])
def test_import_rejects_what_is_not_an_export(state_env, bad):
    store = open_state()
    with pytest.raises(StateImportError):
        import_state(store, bad)
    assert store.all_marks() == []


def test_next_unread_wraps_and_skips_read(state_env):
    root = make_archive(state_env / "arch")
    lib = load(root)
    st = ArchiveState(lib, open_state())
    st.refresh()
    order = [r.id for r in lib.rows]
    st.set_read(order[1])
    assert st.next_unread(order, order[0]) == order[2]
    assert st.next_unread(order, order[3]) == order[0]
    assert st.next_unread(order, None) == order[0]
    for rid in order:
        st.set_read(rid)
    assert st.next_unread(order, order[0]) is None


def test_refresh_of_some_rows_and_forget(state_env):
    root = make_archive(state_env / "arch")
    lib, store, st = joined(root)
    a = by_title(lib, "甲公司发布三季报")
    other = ArchiveState(lib, store)  # another reader marks it meanwhile
    other.refresh()
    other.set_starred(a)
    assert st.starred_ids() == set()
    st.refresh([a])
    assert st.starred_ids() == {a}
    st.forget({a})
    assert st.starred_ids() == set()


def _readonly_connect(real_connect, path):
    """sqlite3.connect that opens ``path`` read-only (as a read-only file would be, even for root)."""
    from urllib.parse import quote

    def connect(target, *args, **kwargs):
        if str(target) == str(path):
            kwargs["uri"] = True
            return real_connect(f"file:{quote(str(path))}?mode=ro", *args, **kwargs)
        return real_connect(target, *args, **kwargs)

    return connect


def test_read_only_database_keeps_its_marks_for_the_session_simulated(state_env, monkeypatch):
    store = open_state()
    store.set_starred(Identity("guid:kept", "h"))
    store.close()
    path = state_env / "state" / "state.sqlite3"
    monkeypatch.setattr(sqlite3, "connect", _readonly_connect(sqlite3.connect, path))
    store = open_state()
    assert store.error and "read-only" in store.error and not store.persistent
    assert store.mark_for(Identity("guid:kept", "h")).starred
    assert store.toggle_read(Identity("guid:other", "h2")) is True
    monkeypatch.undo()
    assert open_state().mark_for(Identity("guid:other", "h2")) is None  # nothing was written


def test_database_turning_read_only_mid_session(state_env):
    store = open_state()
    store.set_starred(Identity("guid:kept", "h"))
    from urllib.parse import quote

    path = state_env / "state" / "state.sqlite3"
    store._conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, isolation_level=None,
                                  check_same_thread=False)
    assert store.toggle_starred(Identity("guid:new", "h3")) is True  # no exception
    assert store.error and "read-only" in store.error
    assert store.mark_for(Identity("guid:kept", "h")).starred  # the copy in memory has the old marks
    assert store.mark_for(Identity("guid:new", "h3")).starred


def test_identity_cache_is_used_and_a_damaged_one_is_ignored(state_env):
    from kfin_tui.state.identity import IdentityCache

    root = make_archive(state_env / "arch")
    lib, store, st = joined(root)
    st.set_starred(by_title(lib, "丙公司获得订单"))
    st.close()
    cache = IdentityCache(root)
    assert cache.path.is_file()
    cache._load()
    assert len(cache._mem) == 4
    # a cached identity is trusted while size and mtime are unchanged: proof that the cache is read
    rel = "c.md"
    assert cache._keys[rel] == "link:https://example.com/1002" and "a.md" not in cache._keys  # (not a path key)
    cache._keys[rel] = "guid:from-the-cache"
    cache._dirty = True
    cache.flush()
    assert IdentityCache(root).get(root / "c.md").key == "guid:from-the-cache"
    # the cache of an older version (one tuple per file) is read too, not recomputed
    size, mtime, digest = struct.unpack("<qq16s", cache._mem[rel])
    old = {r: (*struct.unpack("<qq16s", v)[:2], cache._keys.get(r) or f"path:{r}", struct.unpack("<qq16s", v)[2].hex())
           for r, v in cache._mem.items()}
    old[rel] = (size, mtime, "guid:from-version-1", digest.hex())
    cache.path.write_bytes(marshal.dumps((1, old)))
    again = IdentityCache(root)
    assert again.get(root / "c.md") == Identity("guid:from-version-1", digest.hex())
    assert again.get(root / "a.md").key == "path:a.md"
    for garbage in (b"", b"\x00\x01garbage", b"\xe3" * 100):
        cache.path.write_bytes(garbage)
        st2 = ArchiveState(load(root), store)
        st2.refresh()
        assert {st2.library.row(i).title for i in st2.starred_ids()} == {"丙公司获得订单"}
        st2.close()


def test_a_busy_database_loses_one_change_not_the_session(state_env):
    store = open_state()
    store._conn.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(state_env / "state" / "state.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another instance holds the write lock
    assert store.toggle_starred(Identity("guid:x", "h")) is False  # not saved, no exception
    assert store.error and "busy" in store.error and store.persistent
    other.execute("ROLLBACK")
    other.close()
    assert store.toggle_starred(Identity("guid:x", "h")) is True
    assert store.error is None
    store.close()
    assert open_state().mark_for(Identity("guid:x", "h")).starred


@pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 file names need a POSIX file system")
def test_non_utf8_file_and_folder_names_keep_their_state(state_env):
    """A GBK-named file in a GBK-named folder (names decoded with surrogates): marking it read,
    starring it and saving the session with it selected neither fails nor loses anything."""
    parent = os.fsencode(str(state_env))
    folder = os.path.join(parent, "旧档".encode("gbk"))
    os.makedirs(folder)
    name = os.path.join(folder, "研报.md".encode("gbk"))
    with open(name, "wb") as fh:
        fh.write(_post("戊公司中标", 5, "戊公司中标2亿元项目。").encode("utf-8"))
    make_archive(Path(os.fsdecode(folder)))
    root = Path(os.fsdecode(folder))
    lib, store, st = joined(root)
    odd = by_title(lib, "戊公司中标")
    ident = st.identity(odd)
    assert ident is not None and ident.key.startswith("path:") and "\\x" in ident.key
    assert st.toggle_read(odd) is True
    assert st.toggle_starred(odd) is True
    store.save_session(root, ReaderSession(selected=ident.key, selected_hash=ident.hash,
                                           filters={"keyword": "戊公司"}))
    st.close()
    store.close()
    store = open_state()
    lib2 = load(root)
    again = by_title(lib2, "戊公司中标")
    assert again not in unread_ids(lib2, store)
    assert starred_ids(lib2, store) == {again}
    session = store.load_session(root)
    assert session is not None and session.selected == ident.key
    assert session.filters == {"keyword": "戊公司"}


def test_a_mark_set_while_the_state_is_joined_is_kept(state_env):
    """The reader marks an article read (the dwell) while the reading state is being joined in a
    worker, after the marks were read: the join does not undo it."""
    root = make_archive(state_env / "arch")
    lib = load(root)
    store = open_state()
    st = ArchiveState(lib, store)
    a, c = by_title(lib, "甲公司发布三季报"), by_title(lib, "丙公司获得订单")
    st.set_read(a)
    real = store.all_marks

    def all_marks():
        marks = real()
        st.set_read(c)  # after the marks were read, before the join ends
        return marks

    store.all_marks = all_marks
    st.refresh()
    assert st.is_read(a) and st.is_read(c) and {a, c} <= st.read_ids()


def test_a_row_refreshed_after_its_file_went_is_no_longer_found(state_env, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_NO_INDEX", "1")  # (no index: each file is looked at, not its indexed stat)
    root = make_archive(state_env / "arch")
    lib, _store, st = joined(root)
    d = by_title(lib, "丁公司停牌")
    key = st.identity(d).key
    assert st.row_of(key) == d
    (root / "sub" / "d.md").unlink()
    st.refresh(row_ids=[d])  # (its file changed: here, it went)
    assert st.row_of(key) is None
