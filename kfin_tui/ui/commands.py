"""Command palette (ctrl+p): a command for every category and company filter, and the reader's actions.

Category and company names are data: prompts are :class:`Content` built from plain text (Textual's
``Matcher.highlight`` would parse them as markup), help texts are ours.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from .widgets.sanitize import one_line

if TYPE_CHECKING:
    from .screens.reader import ReaderScreen


def highlight_plain(matcher: Matcher, text: str) -> Content:
    """``text`` with the fuzzy match highlighted, never read as markup."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class FilterCommands(Provider):
    """`分类: 深度`, `公司: 快手`, `档案: 快手` (the dossier), the reading-state filters, plus clearing filters, the panel, load issues and help."""

    def _reader(self) -> ReaderScreen | None:
        from .screens.reader import ReaderScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    def commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """(prompt, callback, help) of every command, the filters counted as the picker does."""
        reader = self._reader()
        if reader is None:
            return []
        out: list[tuple[str, Callable[[], object], str]] = [
            ("清除所有筛选 · clear all filters", reader.action_clear_all, "keyword, category and company"),
            ("显示/隐藏面板 · toggle side panel", reader.action_toggle_panel, "figures and companies"),
            ("读取问题 · load issues", reader.action_load_issues, "files that could not be read"),
            ("帮助 · help", reader.kfin_app.action_help, "every key"),
            ("抓取订阅 · fetch feeds", reader.action_fetch, "every feed now (r)"),
            ("订阅 · feeds", reader.action_feeds, "last fetch, new items, errors (F)"),
            ("隐藏已读 · hide read articles", reader.action_hide_read, "H: again to show them"),
            ("仅星标 · starred only", reader.action_starred_only, "S: again to show all"),
            ("仅关注 · watched companies only", reader.action_watched_only, "V: articles naming a watched company"),
            ("关注列表 · watchlist", reader.action_watchlist, "W: unread articles per watched company"),
        ]
        for name, count in reader.category_counts()[0]:  # within the keyword/company filters, as `c`
            out.append((f"分类 category: {one_line(name)}", partial(reader.set_category, name), f"{count} 篇 articles"))
        for name, count in reader.company_names():
            out.append((f"公司 company: {one_line(name)}", partial(reader.set_company, name), f"{count} 篇 articles"))
            out.append((f"档案 dossier: {one_line(name)}", partial(reader.open_dossier, name),
                        f"{count} 篇 articles: timeline, figures, companies named with it"))
        return out

    async def discover(self) -> Hits:
        for text, callback, help_text in self.commands():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self.commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight_plain(matcher, text), callback, text=text, help=help_text)
