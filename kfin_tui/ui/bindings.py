"""Every key binding of the reader, declared in one place.

Each binding has an id (``reader.category``, ``list.down`` …): the user's keymap (the ``[keys]``
table of the config file) replaces keys by id, and the help screen is generated from these lists
(:func:`help_sections`), so what ``?`` shows is what the keys do. The long help text of a binding is
its ``tooltip``; :data:`SECTIONS` says under which heading it is shown.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

MOVE, READ, FILTER, OTHER = "移动 · Move", "阅读 · Read", "筛选 · Filter", "其他 · Other"
SECTIONS: dict[str, str] = {}  # binding id -> help section


def _b(key: str, action: str, description: str, help_text: str, section: str | None, id: str,
       **kwargs: object) -> Binding:
    if section is not None:
        SECTIONS[id] = section
    return Binding(key, action, description, tooltip=help_text, id=id, **kwargs)  # type: ignore[arg-type]


APP: list[BindingType] = [
    _b("q", "quit", "退出", "quit", OTHER, "app.quit"),
    _b("question_mark", "help", "帮助", "this help (j/k, space scroll it)", OTHER, "app.help", key_display="?"),
]

READER_SCREEN: list[BindingType] = [
    # priority: checked before the key reaches the focused widget, so keys typed right after it
    # already find the filter focused (the action types a literal "/" when an input has focus)
    _b("slash", "focus_keyword", "搜索", "keyword filter: every space-separated term must occur in the title, "
       "body or cashtags; live as you type; enter returns to the list", FILTER, "reader.keyword",
       key_display="/", priority=True),
    _b("c", "pick_category", "分类", "pick a category", FILTER, "reader.category"),
    _b("f", "company_filter", "公司", "filter by the company under the cursor in the side panel, or pick a company",
       FILTER, "reader.company"),
    _b("x", "remove_filter", "去除筛选", "remove one filter: the only one at once, else pick which (the filter "
       "bar above the list shows each; a click on its ✕ removes it too)", FILTER, "reader.remove_filter",
       show=False),
    _b("escape", "clear_filters", "清除", "in the filter box: clear it and go back to the list; in the reading pane "
       "or side panel: back to the list; in the list: clear every filter", FILTER, "reader.clear", show=False),
    _b("D", "toggle_dense", "紧凑", "dense list: one line per article (time, title) / two lines (title; date · "
       "source)", READ, "reader.dense", key_display="D", show=False),
    _b("greater_than_sign", "sidebar_width(4)", "加宽", "widen the sidebar", READ, "reader.sidebar_wider",
       key_display=">", show=False),
    _b("less_than_sign", "sidebar_width(-4)", "变窄", "narrow the sidebar", READ, "reader.sidebar_narrower",
       key_display="<", show=False),
    _b("e", "toggle_panel", "面板", "show / hide the side panel of figures and companies", READ, "reader.panel"),
    _b("n", "next_mention", "下一处", "while a keyword is set: the next hit of it in the article (the status "
       "bar says 命中 i/N); else the next highlighted figure or company", READ, "reader.next_mention"),
    _b("N", "previous_mention", "上一处", "the previous keyword hit, or highlighted figure or company", READ,
       "reader.previous_mention", key_display="N", show=False),
    _b("L", "load_issues", "读取问题", "files that could not be read, and why", OTHER, "reader.load_issues",
       show=False),
    _b("tab", "focus_next_pane", "切换", "cycle list → reading pane → side panel", MOVE, "reader.next_pane",
       show=False, priority=True),
    _b("shift+tab", "focus_previous_pane", "切换", "cycle the panes backwards", MOVE, "reader.previous_pane",
       show=False, priority=True),
]

# live news (issue 11): on LiveNewsScreen, the reader's base (kfin_tui/ui/fetching.py)
READER_FEEDS: list[BindingType] = [
    _b("r", "fetch", "抓取", "fetch every feed now (new articles come in at the top; the cursor stays)", OTHER,
       "reader.fetch", show=False),
    _b("F", "feeds", "订阅", "the feeds: each one's last fetch, new items and last error", OTHER, "reader.feeds",
       key_display="F", show=False),
]

# the reading state, the watchlist and the dossier (issue 12): on ReadingStateScreen, the reader's base
READING_STATE: list[BindingType] = [
    _b("u", "toggle_read", "已读", "mark the article read / unread (opening one marks it read after "
       "reader.read_after seconds)", READ, "reader.toggle_read", show=False),
    _b("s", "toggle_star", "星标", "star / unstar the article (★ in the list)", READ, "reader.toggle_star", show=False),
    _b("H", "hide_read", "隐藏已读", "hide / show the articles already read", FILTER, "reader.hide_read",
       show=False),
    _b("S", "starred_only", "仅星标", "show only the starred articles (again: all)", FILTER, "reader.starred_only",
       show=False),
    # (not O: escape then O, typed fast, is the start of a terminal's key sequence and eats the next key)
    _b("V", "watched_only", "仅关注", "show only the articles naming a watched company (◆ in the list)", FILTER,
       "reader.watched_only", show=False),
    _b("w", "toggle_watch", "关注", "(side panel) watch / stop watching the company under the cursor "
       "(the config file's watch list)", OTHER, "reader.toggle_watch", show=False),
    _b("W", "watchlist", "关注列表", "the watchlist: each watched company's unread articles; enter filters by "
       "it, ctrl+d opens its dossier", OTHER, "reader.watchlist", show=False),
    _b("d", "dossier", "档案", "the dossier of the company under the cursor in the side panel, of the company "
       "filter, or of a company picked", OTHER, "reader.dossier", show=False),
]

LIST: list[BindingType] = [
    _b("j,down", "cursor_down", "下", "next article", MOVE, "list.down", show=False),
    _b("k,up", "cursor_up", "上", "previous article", MOVE, "list.up", show=False),
    _b("g,home", "first", "顶部", "first article", MOVE, "list.top", show=False),
    _b("G,end", "last", "底部", "last article", MOVE, "list.bottom", show=False),
    _b("space,pagedown", "page_down", "下一页", "page down", MOVE, "list.page_down", show=False),
    _b("pageup", "page_up", "上一页", "page up", MOVE, "list.page_up", show=False),
    _b("enter", "open", "打开", "open the article (focus the reading pane)", MOVE, "list.open"),
]

READER: list[BindingType] = [
    _b("j,down", "scroll_down", "下", "(reading pane) scroll down", MOVE, "pane.down", show=False),
    _b("k,up", "scroll_up", "上", "(reading pane) scroll up", MOVE, "pane.up", show=False),
    _b("g,home", "scroll_home", "顶部", "(reading pane) top of the article", MOVE, "pane.top", show=False),
    _b("G,end", "scroll_end", "底部", "(reading pane) end of the article", MOVE, "pane.bottom", show=False),
    _b("space,pagedown", "page_down", "下一页", "(reading pane) page down", MOVE, "pane.page_down", show=False),
    _b("pageup", "page_up", "上一页", "(reading pane) page up", MOVE, "pane.page_up", show=False),
]

PANEL: list[BindingType] = [  # OptionList already has up/down/home/end/enter; these add the vi keys
    _b("j", "cursor_down", "下", "next figure or company", None, "panel.down", show=False),
    _b("k", "cursor_up", "上", "previous figure or company", None, "panel.up", show=False),
    _b("g", "first", "顶部", "first", None, "panel.top", show=False),
    _b("G", "last", "底部", "last", None, "panel.bottom", show=False),
    _b("space", "page_down", "下一页", "page down", None, "panel.page_down", show=False),
]

HELP: list[BindingType] = [
    _b("escape,q,question_mark", "close", "关闭", "close", None, "help.close"),
    _b("j,down", "scroll(1)", "下", "scroll down", None, "help.down", show=False),
    _b("k,up", "scroll(-1)", "上", "scroll up", None, "help.up", show=False),
    _b("space,pagedown", "page(1)", "下一页", "page down", None, "help.page_down", show=False),
    _b("pageup", "page(-1)", "上一页", "page up", None, "help.page_up", show=False),
    _b("g,home", "edge(0)", "顶部", "top", None, "help.top", show=False),
    _b("G,end", "edge(1)", "底部", "bottom", None, "help.bottom", show=False),
]

PICKER: list[BindingType] = [
    _b("escape", "cancel", "取消", "cancel", None, "picker.cancel"),
    _b("ctrl+d", "dossier", "档案", "(company pickers) the dossier of the highlighted company", None,
       "picker.dossier", priority=True),  # before the input's own ctrl+d
    _b("down", "move(1)", "下", "next", None, "picker.down", show=False),
    _b("up", "move(-1)", "上", "previous", None, "picker.up", show=False),
]

# the company picker (f) while other filters narrow the list: tab switches between the companies of
# the articles those filters leave and those of the whole archive (picker.py: CompanyPicker)
COMPANY_PICKER: list[BindingType] = [
    *PICKER,
    _b("tab", "switch_scope", "全部/筛选内", "(company picker, while other filters are set) the companies of the "
       "articles the filters leave / of every article", None, "picker.scope"),
]

FEEDS: list[BindingType] = [
    _b("escape,q,F", "close", "关闭", "close", None, "feeds.close"),
    _b("r", "fetch_all", "全部抓取", "fetch every feed", None, "feeds.fetch"),
    _b("enter", "fetch_one", "抓取此项", "fetch the feed under the cursor", None, "feeds.fetch_one"),
    _b("j", "move(1)", "下", "next", None, "feeds.down", show=False),
    _b("k", "move(-1)", "上", "previous", None, "feeds.up", show=False),
]

DOSSIER: list[BindingType] = [
    _b("escape,q", "close", "返回", "back to the reader", None, "dossier.close"),
    _b("j", "cursor_down", "下", "next article", None, "dossier.down", show=False),
    _b("k", "cursor_up", "上", "previous article", None, "dossier.up", show=False),
    _b("g", "first", "顶部", "first", None, "dossier.top", show=False),
    _b("G", "last", "底部", "last", None, "dossier.bottom", show=False),
]

ISSUES: list[BindingType] = [
    _b("escape,q,L", "close", "关闭", "close", None, "issues.close"),
    _b("j", "move(1)", "下", "next", None, "issues.down", show=False),
    _b("k", "move(-1)", "上", "previous", None, "issues.up", show=False),
]

# what the help lists that is not a binding of ours (the side panel's enter is OptionList's, the
# palette Textual's)
EXTRA_HELP = [
    (READ, "enter", "(side panel) scroll the body to the first mention and flash it; on the dates' header: "
     "show / fold the dates"),
    (FILTER, "ctrl+p", "command palette: every category and company filter by name"),
    (READ, "space", "(reading pane) at the end of the article: the next unread article"),
    (OTHER, "enter", "(dossier) open the article in the reader; escape back"),
]

ALL: list[Binding] = [b for b in (*APP, *READER_SCREEN, *READING_STATE, *LIST, *READER, *PANEL, *HELP,
                                   *PICKER, *COMPANY_PICKER[len(PICKER):], *DOSSIER, *ISSUES, *READER_FEEDS, *FEEDS)
                      if isinstance(b, Binding)]
IDS = {b.id for b in ALL if b.id}


def keymap_from_config(keys: Mapping[str, Iterable[str]]) -> tuple[dict[str, str], str | None]:
    """The Textual keymap (binding id → ``"k1,k2"``) for the config's ``[keys]`` table, and a one-line
    problem, if any (then the keymap is empty: the defaults apply).

    A config key is a binding id (``list.down``) or the part after the dot (``down``: every binding
    so named, in the list, the reading pane and the help)."""
    out: dict[str, str] = {}
    for name, values in keys.items():
        targets = [name] if name in IDS else sorted(i for i in IDS if i.split(".", 1)[1] == name)
        keys_ = [k.strip() for k in values]
        if not targets:
            known = sorted({i.split(".", 1)[1] for i in IDS})
            return {}, f"config [keys]: unknown action {name!r} (known: {', '.join(known)})"
        if not keys_ or any(not k or "," in k or " " in k for k in keys_):
            return {}, f"config [keys]: {name}: expected key names such as \"j\" or \"ctrl+d\", got {list(values)!r}"
        for target in targets:
            out[target] = ",".join(keys_)
    return out, None


def key_label(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "greater_than_sign": ">", "less_than_sign": "<", "space": "space", "pagedown": "pgdn", "pageup": "pgup",
             "down": "↓", "up": "↑", "escape": "escape"}
    return names.get(key, key)


def help_sections(keymap: Mapping[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section, [(keys shown, what they do)])] from the bindings and ``keymap`` (binding id → keys);
    bindings of one section on the same keys share a row (the list's ``j`` and the pane's)."""
    order = [MOVE, READ, FILTER, OTHER]
    rows: dict[str, dict[str, list[str]]] = {s: {} for s in order}
    for binding in ALL:
        section = SECTIONS.get(binding.id or "")
        if section is None:
            continue
        keys = keymap.get(binding.id or "", binding.key)
        shown = " / ".join(key_label(k.strip()) for k in keys.split(","))
        rows[section].setdefault(shown, []).append(str(binding.tooltip))
    for section, keys, text in EXTRA_HELP:
        rows[section].setdefault(keys, []).append(text)
    return [(s, [(k, "; ".join(v)) for k, v in rows[s].items()]) for s in order if rows[s]]
