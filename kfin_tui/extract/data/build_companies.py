"""Build companies.tsv from the A-share stock list and the curated files (curated.tsv, curated_finance.tsv,
curated_global.tsv: global firms in Chinese, joint ventures, shipyards; curated_more.tsv: unlisted firms, units, state groups; curated_hk.tsv, curated_former.tsv).

    python kfin_tui/extract/data/build_companies.py /path/to/stock_list.csv

stock_list.csv (``stock_code,short_name,list_date2``) comes from the PyPI package ``adata`` 2.9.5
(Apache-2.0, see LICENSE-a-share.txt). Names are NFKC-normalised with inner spaces removed; listings
without a listing date, names with 退, and PT/S-prefixed shells are dropped (the listings without a
date that a merger absorbed come back as entries of their own: :func:`add_absorbed`); ``*ST``/``ST`` prefixes
and share-class letters (``万科A``) become aliases of the plain name; a two-character ST name keeps
its prefix and gets the plain name as an alias where that is no ordinary word nor another company's.

Output columns: name, kind, tickers (comma), aliases (comma), flags (``ambiguous`` = an ordinary
word or place name that is only read as a company next to a ticker or a company word).
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A-share short names that are ordinary words, places or landmarks in running text.
AMBIGUOUS = {"老百姓", "太平洋", "农产品", "大西洋", "太阳能", "机器人", "长白山", "向日葵", "张家界", "祁连山", "王府井", "指南针", "中关村", "新世界", "连云港", "一品红", "白云山", "北大荒", "鄂尔多斯", "两面针", "驱动力", "新大陆", "百合花", "新天地", "黑芝麻", "陆家嘴", "天津港", "步步高", "白云机场", "外高桥", "新动力", "动力源", "青岛港", "万年青", "金麒麟", "会稽山", "金融街", "广州港", "三人行", "南京港", "盐田港", "阿拉丁", "宁波港", "孩子王", "火星人", "电子城", "探路者", "三棵树", "创世纪", "金太阳", "南极光", "日照港", "轻纺城", "好想你", "人人乐", "报喜鸟", "漫步者", "蒙娜丽莎", "珍宝岛", "索菲亚", "克劳斯", "瑞贝卡", "福斯特", "伊戈尔", "贝斯特", "康斯特", "阿尔特", "史丹利", "徐家汇", "康普顿", "天坛生物", "深圳机场", "北京城乡", "中国高科", "数据港", "全新好", "国际医学", "中国卫星", "中国出版", "上海电力", "浙江医药", "华夏幸福", "东方明珠", "中国医药", "中国科传", "中国能建", "中国电影", "中国软件", "中国动力", "中国重工", "中国船舶", "中国天楹", "大众交通", "中国国贸", "国新能源", "华侨城", "长江电力", "三峡水利", "广州发展", "深圳能源", "北京文化", "人民同泰", "中国化学", "老板电器", "新华传媒", "国际实业", "亚太实业", "中国武夷", "中国长城", "中国宝安", "中国西电", "中国核电", "中国一重", "中国交建", "中国铁建", "中国中铁", "中国中冶", "中国电建", "中国巨石", "中国黄金", "中国铝业", "中国卫通", "中国汽研", "中国外运", "中国国航", "中国东航", "中国联通", "中国移动", "中国电信", "中国人保", "中国太保", "中国人寿", "中国平安", "中国银行", "中国建筑", "中国神华", "中国石油", "中国石化", "中国海油", "中国中免", "中国中车", "中国通号", "中国中期", "中国广核", "中国稀土", "中国瑞林"} - {"中国铁建", "中国中铁", "中国中冶", "中国电建", "中国巨石", "中国黄金", "中国铝业", "中国卫通", "中国汽研", "中国外运", "中国国航", "中国东航", "中国联通", "中国移动", "中国电信", "中国人保", "中国太保", "中国人寿", "中国平安", "中国银行", "中国建筑", "中国神华", "中国石油", "中国石化", "中国海油", "中国中免", "中国中车", "中国通号", "中国中期", "中国广核", "中国稀土", "中国能建", "中国交建", "中国船舶", "中国重工", "中国核电", "中国一重", "中国西电", "中国软件", "中国化学", "长江电力", "华侨城", "华夏幸福", "东方明珠", "老板电器", "中国瑞林", "中国天楹", "中国武夷", "中国长城", "中国宝安", "中国国贸", "中国出版", "中国科传", "中国电影", "中国动力", "中国医药", "三峡水利", "深圳能源", "上海电力", "浙江医药", "天坛生物"} | {"美丽生态", "智慧农业", "现代投资", "高新发展", "合金投资", "创新医疗", "建设工业", "新里程", "清新环境", "公元股份", "文科园林", "第一创业", "天地在线", "地铁设计", "立方制药", "国民技术", "新兴装备", "信息发展", "今天国际", "数字认证", "每日互动", "新城市", "值得买", "金现代", "新产业", "稳健医疗", "共同药业", "欢乐家", "可靠股份", "密封科技", "超越科技", "力量钻石", "风光股份", "招标股份", "零点有数", "联合化学", "智立方", "通行宝", "美好医疗", "未来电器", "华人健康", "民生健康", "开创电气", "城市传媒", "生物股份", "标准股份", "中央商场", "航天动力", "时代出版", "天下秀", "龙头股份", "中华企业", "统一股份", "华丽家族", "光明地产", "隧道股份", "北京人力", "绿色动力", "通用股份", "大智慧", "东方时尚", "新天然气", "金石资源", "行动教育", "时空科技", "前沿生物", "中无人机", "财富趋势", "数字人", "新风光", "倍轻松", "新经典", "太和水", "长久物流", "引力传媒", "出版传媒", "中国医药", "中国电影", "中国黄金", "中国化学", "中国海防", "中国动力", "中国出版", "上海能源", "上海环境", "海南机场", "上海机场", "广西能源", "联合精密", "光华股份", "星光股份", "大为股份", "新华都", "先锋电子", "红墙股份", "香山股份", "新北洋", "中文在线", "东方通", "开元教育", "创意信息", "名家汇", "冰川网络", "金银河", "华瑞股份", "三角防务", "国安达", "威力传动", "日月明", "建工修复", "东亚机械", "大地海洋", "采纳股份", "三元生物", "东南电子", "蜂助手", "波长光电", "开创国际", "明星电力", "大名城", "莲花健康", "江苏阳光", "大湖股份", "阳光照明", "北方股份", "东方创业", "大东方", "健康元", "青海春天", "神奇制药", "天地源", "东阳光", "岩石股份", "中路股份", "万里股份", "京城股份", "远东股份", "天鹅股份", "新坐标", "日出东方", "好太太", "太平鸟", "佳力图", "合力科技", "浙江自然", "西上海", "西大门", "聚合顺", "园林股份", "森林包装", "纵横股份", "国力股份", "气派科技", "理工导航", "长阳科技", "星球石墨", "迅捷兴", "田野股份", "太湖雪", "大地电气", "夜光明", "锦在线", "宝信", "汇丽", "兔宝宝", "生意宝", "线上线下", "云南旅游", "桂林旅游", "西安旅游", "黄山旅游", "西藏旅游", "三峡旅游", "湖南投资", "湖南发展", "海南发展", "杭州高新", "苏州高新", "济南高新", "海南高速", "山东高速", "福建高速", "四川路桥", "山东路桥", "重庆港", "珠海港", "北部湾港", "唐山港", "东方明珠", "大秦铁路", "广深铁路", "首都在线", "张小泉", "新希望", "新华锦", "第一医药", "永安行", "诚意药业", "口子窖", "大胜达", "七一二", "常青股份", "新天地", "海量数据"} | {"葛洲坝", "营口港", "辽河油田", "华北高速"} | {"上海临港"}  # (absorbed listings, landmarks, zones too)


def forms_of(e: Entry) -> list[str]:
    """An entry's name and aliases as text matches them: an alias written with a trailing ? is a form
    read only as an ambiguous one (长和? of 长江和记; see dictionary.Entry.ambiguous_forms)."""
    return [e.name, *(a.rstrip("?") for a in e.aliases)]


def norm_name(raw: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))


def market(code: str) -> str:
    if code.startswith(("6", "9")):
        return "SH"
    if code.startswith(("0", "2", "3")):
        return "SZ"
    return "BJ"


class Entry:
    def __init__(self, name: str, kind: str = "company"):
        self.name, self.kind = name, kind
        self.tickers: list[str] = []
        self.aliases: list[str] = []
        self.flags: set[str] = set()

    def add(self, tickers=(), aliases=()):
        for t in tickers:
            if t and t not in self.tickers:
                self.tickers.append(t)
        for a in aliases:
            plain = a.rstrip("?")
            if a and (plain != self.name or a.endswith("?")) and plain not in (x.rstrip("?") for x in self.aliases):
                self.aliases.append(a)  # (长和 and 长和?, one form: the first kept; 荣耀? of 荣耀: its name an ambiguous form)


def stock_rows(path: Path):
    """(code, name, listed) of every row of the stock list but delisted names (退) and PT/S-prefixed
    shells; ``listed`` is empty for a listing without a date."""
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name, listed = row["stock_code"].strip(), norm_name(row["short_name"]), row["list_date2"].strip()
            if "退" in name or (name.startswith(("PT", "S*", "S")) and not name.startswith("ST")):
                continue
            yield code, name, listed


def a_share_entries(path: Path) -> list[Entry]:
    out: dict[str, Entry] = {}
    for code, name, listed in stock_rows(path):
        if not listed:
            continue
        aliases = []
        base = name
        m = re.match(r"^\*?ST", base)
        if m and len(base) - m.end() >= 3:  # *ST全新 keeps its prefix: 全新 is an ordinary word
            base = base[m.end():]
            aliases.append(name)
        if re.search(r"[\u4e00-\u9fff][AB]$", base):
            aliases.append(base)
            base = base[:-1]
        if len(base) < 2:
            continue
        e = out.setdefault(base, Entry(base))
        e.add([f"{market(code)}:{code}"], aliases)
        if base in AMBIGUOUS:
            e.flags.add("ambiguous")
    return list(out.values())


def read_curated(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = ([*line.split("\t"), "", "", "", "", ""])[:5]
        name, kind, tickers, aliases, flags = (c.strip() for c in cols)
        yield name, kind, [t for t in tickers.split(",") if t], [a for a in aliases.split(",") if a], flags


CURATED = ("curated.tsv", "curated_finance.tsv", "curated_global.tsv", "curated_more.tsv", "curated_2022.tsv",
           "curated_2022b.tsv", "curated_2022c.tsv", "curated_2022d.tsv",
           "curated_2022e.tsv", "curated_2022f.tsv", "curated_2022g.tsv", "curated_2022h.tsv", "curated_2022i.tsv",
           "curated_2022j.tsv", "curated_2022k.tsv", "curated_2022l.tsv", "curated_2022m.tsv", "curated_2022n.tsv",
           "curated_2022o.tsv", "curated_2022p.tsv", "curated_2022q.tsv", "curated_2022r.tsv")
GROUP_TAIL = re.compile(r"(?:股份|集团|控股|公司|有限公司|集团股份)$")


def read_hk(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, aliases, flags = (([*line.split("\t"), "", "", "", ""])[:4])
        yield f"HK:{code.strip()}", name.strip(), [a for a in aliases.split(",") if a], flags.strip()


def add_hk(entries: list[Entry]) -> None:
    """Hong Kong listings: a known company gains the code (and the HK short name as an alias); an
    unknown one becomes an entry of its own. Never renames an entry."""
    by_form: dict[str, Entry] = {}
    for entry in entries:
        for f in forms_of(entry):
            by_form.setdefault(f, entry)
    for code, name, aliases, flags in read_hk(HERE / "curated_hk.tsv"):
        forms = [name, *aliases]
        e: Entry | None = next((by_form[f] for f in forms if f in by_form), None)
        if e is None:
            e = next((by_form[GROUP_TAIL.sub("", f)] for f in forms
                      if GROUP_TAIL.sub("", f) != f and GROUP_TAIL.sub("", f) in by_form), None)
        if e is not None and e.kind != "company":
            continue
        if e is None:
            e = Entry(name)
            entries.append(e)
            if "ambiguous" in flags:
                e.flags.add("ambiguous")
        e.add([code], [f for f in forms if f not in by_form])
        for f in forms:
            by_form.setdefault(f, e)


def add_former_names(entries: list[Entry], stock_list: Path | None = None) -> None:
    """Former A-share short names (curated_former.tsv): entries of their own, with the current codes
    (for a name the list keeps without a listing date — an ST company delisted by the list's date,
    阳光城 for ST阳光城 — the list's code)."""
    undated: dict[str, str] = {}
    if stock_list is not None:
        for code, name, listed in stock_rows(stock_list):
            if not listed:
                undated.setdefault(name, f"{market(code)}:{code}")
    by_form: dict[str, Entry] = {}
    for e in entries:
        for f in forms_of(e):
            by_form.setdefault(f, e)
    for line in (HERE / "curated_former.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        former, current = (c.strip() for c in ([*line.split("\t"), ""])[:2])
        now = by_form.get(current)
        if now is None and current in undated and former not in by_form:
            e = Entry(former)
            e.add([undated[current]])
            entries.append(e)
            by_form[former] = e
            continue
        if now is None or now.kind != "company":
            continue
        if former in by_form:
            if by_form[former] is not now or former == now.name:
                continue  # another company's form
            now.aliases = [a for a in now.aliases if a.rstrip("?") != former]  # an ST name's plain base (阳光城): its own entry
        e = Entry(former)
        e.add(now.tickers)
        entries.append(e)
        by_form[former] = e


def add_absorbed(entries: list[Entry], path: Path) -> None:
    """Listings the stock list keeps without a listing date and without 退 — A shares absorbed by a
    merger (中国北车, 宏源证券, 美的电器 …) — named by archive articles of their day: an entry of
    their own with their old code, unless the name is already another entry's (东方明珠) or names
    an ST shell or a B share."""
    taken: set[str] = set()
    for e in entries:
        taken.update(forms_of(e))
    for code, name, listed in stock_rows(path):
        if listed or code.startswith(("2", "9")) or re.match(r"^\*?ST", name):
            continue
        base = re.sub(r"\(.*\)$", "", name)  # 百联股份(已合并)
        if re.search(r"[\u4e00-\u9fff][AB]$", base):
            base = base[:-1]
        if len(base) < 3 or base in taken:
            continue
        e = Entry(base)
        e.add([f"{market(code)}:{code}"], [name] if name != base else [])
        if base in AMBIGUOUS:
            e.flags.add("ambiguous")
        entries.append(e)
        taken.add(base)


def build(stock_list: Path) -> list[Entry]:
    entries = a_share_entries(stock_list)
    by_form: dict[str, Entry] = {}
    for entry in entries:
        for f in forms_of(entry):
            by_form.setdefault(f, entry)
    curated = [row for f in CURATED for row in read_curated(HERE / f)]
    for name, kind, tickers, aliases, flags in curated:
        found = [by_form[f] for f in [name, *(a.rstrip("?") for a in aliases)] if f in by_form]
        e: Entry | None = found[0] if found else None
        if e is None:
            e = Entry(name, kind)
            entries.append(e)
            if "ambiguous" in flags:  # (curated_global.tsv: a name that is also an ordinary phrase)
                e.flags.add("ambiguous")
        else:
            e.kind = kind
            if e.name != name:  # curated spelling becomes canonical
                e.aliases = [a for a in e.aliases if a != name] + [e.name]
                e.name = name
            if "ambiguous" in flags:  # (a curated name that is also a word: 全家 for 全家便利店)
                e.flags.add("ambiguous")
            else:
                e.flags.discard("ambiguous")
        for other in found[1:]:
            if other is not e and other in entries:  # 华虹公司 (A-share) is 华虹半导体: one company
                entries.remove(other)
                e.add(other.tickers, [other.name, *other.aliases])
        e.add(tickers, aliases)
        for f in forms_of(e):
            by_form[f] = e
    return entries


def add_short_forms(entries: list[Entry], path: Path) -> None:
    """curated_forms.tsv: the short forms the press writes for firms the dictionary holds (首钢 for
    首钢集团, 华能 for 华能集团), one row per firm: its canonical name, a tab, its forms (comma; a trailing ?
    marks a form that is also a word, a place or a person's name, read only as an ambiguous one). Only
    forms are added: the entry's name, kind, codes and flags stay. A row naming no entry, or a form that
    is already another entry's, stops the build (the file must say what it means)."""
    if not path.exists():
        return
    by_name = {e.name: e for e in entries}
    owner = {f: e for e in entries for f in forms_of(e)}
    errors: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, forms = line.partition("\t")
        e = by_name.get(name.strip())
        if e is None:
            errors.append(f"no entry named {name.strip()!r}")
            continue
        for form in (f.strip() for f in forms.split(",") if f.strip()):
            other = owner.get(form.rstrip("?"))
            if other is not None and other is not e:
                errors.append(f"{form} of {e.name} is already a form of {other.name}")
                continue
            e.add((), [form])
            owner[form.rstrip("?")] = e
            if len(form.rstrip("?")) <= 3:  # (matched as the firm, but no word for the segmenter: see dictionary.py)
                e.flags.add("short=" + form.rstrip("?"))
    if errors:
        raise SystemExit(f"{path.name}: " + "; ".join(errors))


def add_st_bases(entries: list[Entry]) -> None:
    """ST南卫 is written 南卫 / 南卫股份 in prose: the short name without its ST prefix becomes an alias
    unless it is an ordinary word (jieba) or names, or is part of the name of, another company."""
    import jieba

    jieba.setLogLevel(60)
    jieba.dt.initialize()
    owner: dict[str, Entry] = {}
    for e in entries:
        for f in forms_of(e):
            owner.setdefault(f, e)
    # two characters inside a common word, not at its start (工智 in 人工智能): the segmenter, given the base as a
    # word, cuts the common word's neighbours across it (高工智能 read 高|工智|能)
    inner = {w[i:i + 2] for w, f in jieba.dt.FREQ.items() if f >= 100 and len(w) >= 3 for i in range(1, len(w) - 1)}
    for e in entries:
        m = re.match(r"^\*?ST", e.name)
        if not m or e.kind != "company":
            continue
        base = e.name[m.end():]
        if len(base) < 2 or jieba.dt.FREQ.get(base, 0) >= 10 or base in inner:  # 新海, 长方, 路通: words or places
            continue
        if any(base in f and o is not e and not set(o.tickers) & set(e.tickers) for f, o in owner.items()):
            continue  # 世茂 (世茂集团), 星源 (星源材质), 信通 (国网信通, 恒宇信通): in another company's name
            # (not the same company's former name: 南卫 of ST南卫 beside 南卫股份)
        e.add((), [base])
        owner[base] = e


def main(argv: list[str]) -> int:
    """``build_companies.py [STOCK_LIST] [--out FILE]`` (FILE: companies.tsv beside this script)."""
    out = HERE / "companies.tsv"
    if "--out" in argv:
        i = argv.index("--out")
        out = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    src = Path(argv[1]) if len(argv) > 1 else HERE.parents[3] / "shared/data/a-share/stock_list.csv"
    entries = build(src)
    add_hk(entries)
    add_former_names(entries, src)
    add_absorbed(entries, src)
    add_st_bases(entries)
    add_short_forms(entries, HERE / "curated_forms.tsv")
    lines = ["# name\tkind\ttickers\taliases\tflags  (generated by build_companies.py; see LICENSE-a-share.txt)"]
    for e in entries:
        lines.append("\t".join([e.name, e.kind, ",".join(e.tickers), ",".join(e.aliases), ",".join(sorted(e.flags))]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
