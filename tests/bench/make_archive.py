"""Deterministic synthetic archive of Chinese financial news, for benchmarks.

    python tests/bench/make_archive.py /tmp/kfin-100k 100000

Layouts as in real scraped archives (all text generated here from templates, nothing copied):
  * Hexo posts: ``source/_posts/<section>/<site>/<feed>/<title>.md`` with YAML front matter and an
    HTML body (``<div><p>…</p></div>``), about 70 %;
  * front matter + Markdown body (``posts/<site>/<n>.md``), about 15 %;
  * Eastmoney-style plain text (``eastmoney/<yyyy-mm>/<n>.txt``: a headline line, ``来源：`` line,
    cashtag line, paragraphs, boilerplate), about 15 %.
Bodies are 200–4000 characters of sentences built from templates, random company names and figures.
The same (count, seed) always gives the same bytes.
"""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

SEED = 20240611

_PREFIX = list("华中长东南北新国金海天安泰宏鑫瑞恒信达成通远盛隆广嘉和兴永康富佳明光")
_MIDDLE = list("科电能材药芯云数智创联投汽车钢煤油医银证保食酒航")
_SUFFIX = ["股份", "集团", "科技", "控股", "电子", "药业", "银行", "证券", "能源", "材料", "汽车", "传媒"]
_LATIN = ["StreamLake", "AI", "NFT", "ETF", "IPO", "LPR", "PMI", "GDP", "CPI", "5G", "EV", "SaaS"]
_SECTIONS = {
    "金融": {"财联社": ["深度", "电报"], "格隆汇": ["主题文章", "快讯"], "新浪财经": ["国内", "港股"],
             "雪球": ["用户动态", "热帖"]},
    "新媒体": {"金色财经": ["快讯", "资讯"], "36氪": ["快讯", "推荐"]},
    "科技": {"钛媒体": ["快讯", "深度"], "IT之家": ["资讯"]},
}
_TEMPLATES = [
    "{c}公告称，公司{y}年前三季度实现营业收入{n}亿元，同比增长{p}%，净利润{m}亿元。",
    "{c}今日股价{updown}{p}%，报{price}元，成交额{n}亿元，换手率{q}%。",
    "据{site}消息，{c}拟以{n}亿元收购{c2}{pp}%股权，交易完成后{c2}将成为其控股子公司。",
    "{c}表示，受{topic}影响，{season}订单量较上年同期{updown}{p}%，毛利率为{q}%。",
    "分析人士认为，{topic}将持续推动{sector}板块估值修复，{c}与{c2}有望率先受益。",
    "{month}月{day}日，{c}召开股东大会，审议通过了关于{topic}的议案，拟每10股派发现金红利{q}元。",
    "北向资金今日净{inout}{n}亿元，其中{c}获净买入{m}亿元，{c2}遭净卖出{q}亿元。",
    "{c}（{code}）发布公告，预计{y}年度归母净利润为{n}亿元至{m}亿元，同比{updown}{p}%至{pp}%。",
    "{sector}行业景气度{trend}，{c}董事长在业绩说明会上称，公司将加大{latin}等领域的研发投入。",
    "央行今日开展{n}亿元逆回购操作，{month}月{latin}报价维持不变，市场流动性保持合理充裕。",
    "{c}旗下{latin}业务{season}收入{n}亿元，占总营收比重提升至{p}%，成为新的利润增长点。",
    "截至收盘，沪指{updown}{q}%，深成指{updown2}{p}%，创业板指报{price}点，两市成交额{n}亿元。",
]
_TOPICS = ["新能源汽车渗透率提升", "原材料价格波动", "海外需求回暖", "降准政策", "消费复苏", "数字化转型",
           "人工智能应用落地", "地产政策调整", "芯片国产替代", "碳中和目标"]
_SECTORS = ["光伏", "半导体", "白酒", "券商", "医药", "煤炭", "锂电", "军工", "银行", "消费电子"]


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        r = self.r
        names = set()
        while len(names) < 600:
            names.add(r.choice(_PREFIX) + r.choice(_MIDDLE) + r.choice(_SUFFIX))
        self.companies = sorted(names)

    def sentence(self, site: str) -> str:
        r = self.r
        c, c2 = r.sample(self.companies, 2)
        return r.choice(_TEMPLATES).format(
            c=c, c2=c2, site=site, y=r.randint(2019, 2024), n=f"{r.uniform(0.5, 999):.2f}",
            m=f"{r.uniform(0.1, 99):.2f}", p=f"{r.uniform(0.1, 80):.1f}", pp=r.randint(5, 100),
            q=f"{r.uniform(0.1, 9.9):.2f}", price=f"{r.uniform(2, 3500):.2f}",
            updown=r.choice(["上涨", "下跌"]), updown2=r.choice(["上涨", "下跌"]), inout=r.choice(["流入", "流出"]),
            topic=r.choice(_TOPICS), sector=r.choice(_SECTORS), season=r.choice(["一季度", "上半年", "三季度", "全年"]),
            month=r.randint(1, 12), day=r.randint(1, 28), latin=r.choice(_LATIN), trend=r.choice(["回升", "承压", "分化"]),
            code=f"{r.choice(['60', '00', '30'])}{r.randint(0, 9999):04d}",
        )

    def paragraphs(self, site: str) -> list[str]:
        r = self.r
        target = int(min(4000, max(200, r.lognormvariate(7.0, 0.6))))
        paras, size = [], 0
        while size < target:
            p = "".join(self.sentence(site) for _ in range(r.randint(1, 4)))
            paras.append(p)
            size += len(p)
        return paras

    def title(self) -> str:
        r = self.r
        c = r.choice(self.companies)
        return r.choice([
            f"{c}{r.choice(['前三季度净利增长', '拟收购', '股价异动', '发布年报', '获机构调研'])}{r.randint(1, 99)}%",
            f"{r.choice(_SECTORS)}板块{r.choice(['走强', '回调', '分化'])} {c}领涨",
            f"{r.choice(_TOPICS)}：{c}的{r.choice(_LATIN)}布局",
        ])


def _date(r: random.Random) -> tuple[str, str]:
    y, mo, d = r.randint(2019, 2024), r.randint(1, 12), r.randint(1, 28)
    h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return (f"{days[(y + mo + d) % 7]}, {d:02d} {months[mo - 1]} {y} {h:02d}:{mi:02d}:{s:02d} GMT",
            f"{y}-{mo:02d}")


def _safe(name: str) -> str:
    return name.replace("/", "_").replace("?", "_")[:80]


def make_archive(root: Path | str, count: int, seed: int = SEED) -> Path:
    root = Path(root)
    g = _Gen(seed)
    r = g.r
    sites = [(sec, site, feed) for sec, s in _SECTIONS.items() for site, feeds in s.items() for feed in feeds]
    for i in range(count):
        kind = r.random()
        title = g.title()
        date_text, ym = _date(r)
        sec, site, feed = r.choice(sites)
        paras = g.paragraphs(site)
        if kind < 0.70:
            folder = root / "source" / "_posts" / sec / site / feed
            name = f"{_safe(title)}-{i}.md"
            body = "<div>\n" + "\n".join(f"<p>{p}</p>" for p in paras) + "\n</div>\n"
            text = (f"---\ntitle: '{title}'\ncategories: \n - {sec}\n - {site}\n - {feed}\nauthor: {site}\n"
                    f"comments: false\ndate: {date_text}\n---\n\n{body}")
        elif kind < 0.85:
            folder = root / "posts" / site
            name = f"{i:06d}.md"
            md = "\n\n".join(("## " + p[:20]) if j and j % 5 == 0 else p for j, p in enumerate(paras))
            text = f"---\ntitle: \"{title}\"\ndate: {ym}-{r.randint(1, 28):02d} 09:30:00\nsource: {site}\n---\n\n{md}\n"
        else:
            folder = root / "eastmoney" / ym
            name = f"{i:06d}.txt"
            c = r.choice(g.companies)
            code = f"{r.choice(['SH60', 'SZ00', 'SZ30'])}{r.randint(0, 9999):04d}"
            text = (f"【{title}】\n来源：东方财富网\n${c}({code})$\n\n" + "\n\n".join(paras)
                    + "\n\n免责声明：本文仅供参考，不构成投资建议。\n")
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / name, "w", encoding="utf-8") as fh:
            fh.write(text)
    return root


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    root, count = Path(argv[0]), int(argv[1])
    if root.exists() and any(root.iterdir()):
        print(f"{root} is not empty", file=sys.stderr)
        return 1
    make_archive(root, count)
    total = sum(len(files) for _, _, files in os.walk(root))
    print(f"{total} files in {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
