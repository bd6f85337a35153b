"""Every key binding of the reader, declared in one place (ids allow user keymaps)."""
from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("q", "quit", "退出", id="app.quit"),
    Binding("question_mark", "help", "帮助", key_display="?", id="app.help"),
    # priority: checked before the key reaches the focused widget, so keys typed right after it
    # already find the filter focused (the action types a literal "/" when an input has focus)
    Binding("slash", "focus_keyword", "搜索", key_display="/", priority=True, id="app.keyword"),
    Binding("c", "pick_category", "分类", id="app.category"),
    Binding("f", "company_filter", "公司", id="app.company"),
    Binding("e", "toggle_panel", "面板", id="app.panel"),
    Binding("n", "next_mention", "下一处", id="app.next_mention"),
    Binding("N", "previous_mention", "上一处", key_display="N", show=False, id="app.previous_mention"),
    Binding("escape", "clear_filters", "清除", show=False, id="app.clear"),
    Binding("L", "load_issues", "读取问题", show=False, id="app.load_issues"),
    Binding("tab", "focus_next_pane", "切换", show=False, priority=True, id="app.next_pane"),
    Binding("shift+tab", "focus_previous_pane", "切换", show=False, priority=True, id="app.previous_pane"),
]

LIST = [
    Binding("j,down", "cursor_down", "下", show=False, id="list.down"),
    Binding("k,up", "cursor_up", "上", show=False, id="list.up"),
    Binding("g,home", "first", "顶部", show=False, id="list.top"),
    Binding("G,end", "last", "底部", show=False, id="list.bottom"),
    Binding("space,pagedown", "page_down", "下一页", show=False, id="list.page_down"),
    Binding("pageup", "page_up", "上一页", show=False, id="list.page_up"),
    Binding("enter", "open", "打开", id="list.open"),
]

READER = [
    Binding("j,down", "scroll_down", "下", show=False, id="reader.down"),
    Binding("k,up", "scroll_up", "上", show=False, id="reader.up"),
    Binding("g,home", "scroll_home", "顶部", show=False, id="reader.top"),
    Binding("G,end", "scroll_end", "底部", show=False, id="reader.bottom"),
    Binding("space,pagedown", "page_down", "下一页", show=False, id="reader.page_down"),
    Binding("pageup", "page_up", "上一页", show=False, id="reader.page_up"),
]

PANEL = [  # OptionList already has up/down/home/end/enter; these add the vi keys
    Binding("j", "cursor_down", "下", show=False, id="panel.down"),
    Binding("k", "cursor_up", "上", show=False, id="panel.up"),
    Binding("g", "first", "顶部", show=False, id="panel.top"),
    Binding("G", "last", "底部", show=False, id="panel.bottom"),
    Binding("space", "page_down", "下一页", show=False, id="panel.page_down"),
]

KEYWORD = [
    Binding("escape", "clear", "清除", id="keyword.clear"),
]

HELP = [Binding("escape,q,question_mark", "dismiss", "关闭", id="help.close")]

PICKER = [
    Binding("escape", "cancel", "取消", id="picker.cancel"),
    Binding("down", "move(1)", show=False, id="picker.down"),
    Binding("up", "move(-1)", show=False, id="picker.up"),
]

ISSUES = [
    Binding("escape,q,L", "close", "关闭", id="issues.close"),
    Binding("j", "move(1)", show=False, id="issues.down"),
    Binding("k", "move(-1)", show=False, id="issues.up"),
]
