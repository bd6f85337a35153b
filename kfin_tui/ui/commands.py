"""Command palette (ctrl+p): a command for every category and company filter, and the app's actions."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class FilterCommands(Provider):
    """`分类: 深度`, `公司: 快手`, plus clearing filters, the panel and help."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        out: list[tuple[str, object, str]] = [
            ("清除所有筛选 · clear all filters", app.action_clear_all, "keyword, category and company"),
            ("显示/隐藏面板 · toggle side panel", app.action_toggle_panel, "figures and companies"),
            ("读取问题 · load issues", app.action_load_issues, "files that could not be read"),
            ("帮助 · help", app.action_help, "every key"),
        ]
        for name, count in app.category_counts()[0]:  # within the keyword/company filters, as `c
            out.append((f"分类 category: {name}", partial(app.set_category, name), f"{count} 篇 articles"))
        for name, count in app.company_names():
            out.append((f"公司 company: {name}", partial(app.set_company, name), f"{count} 篇 articles"))
        return out

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
