"""Presets for the Chinese finance routes of RSSHub: what ``kfin-tui feeds add cls/telegraph`` adds.

Each preset names an RSSHub route as RSSHub documents it (``lib/routes/<namespace>/…`` in
DIYgod/RSSHub) and the archive folder its items go to, in the archive's own layout
``<section>/<site>/<feed>`` (``金融/财联社/电报``), so that fetched items sit beside the posts an
older RSSHub-to-Hexo pipeline wrote.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..config import FeedConfig


@dataclass(frozen=True)
class Preset:
    key: str  # what the user types: ``cls/telegraph``
    name: str  # the feed's name in the config
    route: str  # the RSSHub route, joined to ``rsshub``
    section: str
    site: str
    feed: str
    interval: float | None = None  # minutes between automatic fetches (flashes: often)
    about: str = ""

    def feed_config(self) -> FeedConfig:
        return FeedConfig(name=self.name, url=self.route, section=self.section, site=self.site,
                          feed=self.feed, interval=self.interval)


PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset("cls/telegraph", "财联社电报", "/cls/telegraph", "金融", "财联社", "电报", 5,
           "财联社 电报: 7×24 flashes (【headline】text), subjects as labels"),
    Preset("cls/depth", "财联社深度", "/cls/depth/1000", "金融", "财联社", "深度", 60,
           "财联社 深度 · 头条: full articles with author and tags (other categories: /cls/depth/1003 股市 …)"),
    Preset("wallstreetcn/live", "华尔街见闻快讯", "/wallstreetcn/live/global", "金融", "华尔街见闻", "实时快讯", 5,
           "华尔街见闻 实时快讯 · 要闻 (a-stock, us-stock, hk-stock, forex, commodity: /wallstreetcn/live/a-stock …)"),
    Preset("sina/zhibo", "新浪财经直播", "/sina/finance/zhibo/152", "金融", "新浪财经", "7x24直播", 5,
           "新浪财经 7×24直播 · 财经: tags and stock keys as labels"),
    Preset("gelonghui/live", "格隆汇快讯", "/gelonghui/live", "金融", "格隆汇", "实时快讯", 5,
           "格隆汇 实时快讯"),
    Preset("jin10", "金十快讯", "/jin10", "金融", "金十数据", "市场快讯", 5,
           "金十数据 市场快讯 (only the important ones: /jin10/1)"),
    Preset("stcn/kx", "证券时报快讯", "/stcn/article/list/kx", "金融", "证券时报", "快讯", 10,
           "证券时报 快讯"),
    Preset("yicai/brief", "第一财经正在", "/yicai/brief", "金融", "第一财经", "正在", 10,
           "第一财经 正在 (brief)"),
    Preset("jinse/lives", "金色财经快讯", "/jinse/lives", "新媒体", "金色财经", "快讯", 10,
           "金色财经 快讯 (crypto)"),
)}

# other spellings people type: the route itself (``/sina/finance/zhibo``), a namespace alone
ALIASES: dict[str, str] = {
    "cls": "cls/telegraph",
    "cls/depth/1000": "cls/depth",
    "wallstreetcn": "wallstreetcn/live",
    "wallstreetcn/live/global": "wallstreetcn/live",
    "sina/finance/zhibo": "sina/zhibo",
    "sina/finance/zhibo/152": "sina/zhibo",
    "gelonghui": "gelonghui/live",
    "stcn": "stcn/kx",
    "stcn/article/list/kx": "stcn/kx",
    "yicai": "yicai/brief",
    "jinse": "jinse/lives",
}


def find_preset(key: str) -> Preset | None:
    """The preset for ``key`` (``cls/telegraph``, ``/cls/telegraph``, ``sina/finance/zhibo`` …)."""
    k = key.strip().strip("/").lower()
    k = ALIASES.get(k, k)
    return PRESETS.get(k)
