"""A folder holding every hostile input of issue 10 together, beside normal articles; and a normal
folder of the same size (the floor the latency bench compares with).

    python tests/bench/hostile_corpus.py /tmp/kfin-hostile            # the hostile folder
    python tests/bench/hostile_corpus.py --normal /tmp/kfin-normal    # the floor: normal articles only

Every input is generated here (no article text is copied from anywhere). The repros, by the issue's
numbering (14 and 15 are a race and a damaged index: not files, so not here):

  1  a file name that is not UTF-8 (GBK bytes for 中文)
  2  dates at the edge of what ``datetime`` shows (0001-01-01, 9999-12-31T23:59:59-12:00)
  3  Textual markup in data: a category ``[/]``, a title ``[b]…[/b]``, a cashtag company ``$[/]科技(SZ000001)$``
  4  folder names that are click actions (``[@click=app.quit]CLICKME``, ``…screenshot…SHOT``)
  5  escape sequences in file names, in a lead-sentence title, C1 controls in a title, a newline in
     a folder name
  6  an ``<a href>`` holding ESC ] 0 ; … BEL and ESC ] 52 ; … (OSC title and clipboard)
  7  zero-width, BiDi override and combining characters in titles and categories
  8  a symlink out of the corpus (``passwd.md → /etc/passwd``), an unreadable sub-folder
  9  a YAML alias bomb (~800 bytes)
  10 nested tables (24 KB)
  11 100,000 nested blocks (1.1 MB of HTML)
  12 a 40,000-character token, an 80,000-character Chinese paragraph, a 500 KB unterminated front
     matter
  13 an article with tens of thousands of figures
  +  a binary file, UTF-16 / GB18030 / damaged UTF-8 articles, an empty file, a file over 4 MB

Normal articles (front matter + HTML / Markdown, and Eastmoney-style plain text) fill the folder up
to ``--size`` files; ``--normal`` writes only those, the same number.
"""
from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

ESC, BEL = "\x1b", "\x07"
COMPANIES = ["海岳新材", "江河能源", "远航科技", "青石银行", "北辰医药", "东岭电气", "南湖证券", "西山矿业"]
VERBS = ["公布了三季度业绩", "宣布回购股份", "发布了新产品", "完成了定向增发", "调整了年度目标"]


def _sentence(rng: random.Random) -> str:
    c = rng.choice(COMPANIES)
    return (f"{c}{rng.choice(VERBS)}，营业收入{rng.randint(1, 900)}.{rng.randint(0, 99):02d}亿元，"
            f"同比增长{rng.randint(1, 80)}.{rng.randint(0, 9)}%，净利润{rng.randint(1, 90)}亿元。")


def _paragraphs(rng: random.Random, n: int) -> list[str]:
    return ["".join(_sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(n)]


def normal_article(rng: random.Random, i: int) -> tuple[str, str]:
    """(relative path, text) of an ordinary article, by turns HTML, Markdown and plain text."""
    day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    paras = _paragraphs(rng, rng.randint(3, 12))
    title = f"普通文章{i:04d} {rng.choice(COMPANIES)}动态"
    kind = i % 3
    if kind == 0:
        body = "\n".join(f"<p>{p}</p>" for p in paras)
        return f"news/html/n{i:04d}.md", f"---\ntitle: {title}\ndate: {day}\ncategories:\n  - 公司\n---\n{body}\n"
    if kind == 1:
        body = "\n\n".join(paras)
        return f"news/md/n{i:04d}.md", f"---\ntitle: {title}\ndate: {day} 09:30:00\ntags: [市场]\n---\n\n## 要点\n\n{body}\n"
    c = rng.choice(COMPANIES)
    body = "\n\n".join(paras)
    return f"news/txt/n{i:04d}.txt", f"【{title}】\n来源：某财经网 {day}\n\n{body}\n\n${c}(SZ{rng.randint(1, 3999):06d})$\n"


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "title: 别名炸弹 alias bomb\ndate: 2024-06-01\n" + "\n".join(lines) + f"\ncategories: *a{levels - 1}\n"


def hostile_files(rng: random.Random) -> list[tuple[bytes, bytes]]:
    """(relative path as bytes, content) of every hostile input."""
    out: list[tuple[bytes, bytes]] = []

    def add(rel: str | bytes, text: str | bytes) -> None:
        out.append((rel.encode("utf-8") if isinstance(rel, str) else rel,
                    text.encode("utf-8") if isinstance(text, str) else text))

    para = "".join(_sentence(rng) for _ in range(4))
    # 1: a GBK file name
    add(b"h/\xd6\xd0\xce\xc4gbk-name.md", f"---\ntitle: 非UTF-8文件名 gbk name\ndate: 2024-06-02\n---\n\n{para}\n")
    # 2: edge dates
    add("h/date-year1.md", f"---\ntitle: 公元一年 year one\ndate: 0001-01-01\n---\n\n{para}\n")
    add("h/date-9999.md", f"---\ntitle: 九九九九年 year 9999\ndate: 9999-12-31T23:59:59-12:00\n---\n\n{para}\n")
    # 3: markup in data
    add("h/markup.md", "---\ntitle: '[b]粗体[/b] [/] 标记 markup'\ndate: 2024-06-03\ncategories:\n  - '[/]'\n"
        "  - '[@click=app.quit]分类'\n---\n\n正文带有 [bold]标记[/bold] 与 [/] 以及 [@click=app.quit]点击[/]。\n")
    add("h/markup-company.txt", "【[/]科技公告 markup company】\n来源：[@click=app.quit]来源\n\n[/]科技公布了业绩，"
        "营收10亿元。\n\n$[/]科技(SZ000001)$\n")
    # 4: folder names that are click actions
    add("[@click=app.quit]CLICKME/[@click=app.screenshot('PWNED.svg','.')]SHOT/click.md",
        f"---\ntitle: 点击动作目录 click folders\ndate: 2024-06-04\n---\n\n{para}\n")
    # 5: escapes in names and titles, C1 controls, a newline in a folder name
    add(f"h/esc{ESC}[2Jclear{ESC}]0;TITLE{BEL}{ESC}]52;c;ZXZpbA=={BEL}.md", f"{ESC}[31m无标题文件的首句带转义{ESC}[0m。\n\n{para}\n")
    add("h/c1-title.md", "---\ntitle: \"C1控制符\\u009b31m标题\\u009d0;t\\u009c\"\ndate: 2024-06-05\n---\n\n" + para + "\n")
    add("h/new\nline folder/nl.md", f"---\ntitle: 换行目录 newline folder\ndate: 2024-06-06\n---\n\n{para}\n")
    add("h/lead.txt", f"{ESC}]0;PWNED{BEL}标题带转义的首句{ESC}]52;c;ZXZpbA=={BEL}，后文。\n\n{para}\n")
    # 6: OSC in a link target
    add("h/osc-link.html", "<html><head><title>链接里的转义 OSC link</title></head><body>"
        "<p>请看<a href=\"https://x.example/&#27;]0;PWNED&#7;&#27;]52;c;ZXZpbA==&#7;\">这个链接</a>和"
        "<a href=\"javascript:alert(1)\">那个</a>。</p>" + f"<p>{para}</p></body></html>\n")
    # 7: zero-width, BiDi, combining
    add("h/bidi.md", "---\ntitle: \"零宽\u200b\u200b\u200b字符 BiDi \u202eevil\u202c 组合e\u0301\u0301\u0301\"\n"
        "date: 2024-06-07\ncategories:\n  - \"\u2066隔离\u2069分类\"\n---\n\n" + para + "\u200b" * 50 + "\n")
    # 9: alias bomb
    add("h/alias-bomb.md", f"---\n{_alias_bomb()}---\n\n炸弹的正文。\n")
    # 10: nested tables (24 KB)
    depth = 24_000 // len("<table><tr><td>格</td><td></td></tr></table>".encode())
    add("h/nested-tables.html", "<html><head><title>嵌套表格 nested tables</title></head><body>"
        + "<table><tr><td>格</td><td>" * depth + "核心" + "</td></tr></table>" * depth + "</body></html>\n")
    # 11: deep nesting (100,000 blocks, 1.1 MB)
    add("h/deep-nesting.html", "<html><head><title>深度嵌套 deep nesting</title></head><body>"
        + "<div>" * 100_000 + "深处的文字" + "</div>" * 100_000 + "</body></html>\n")
    add("h/deep-quote.md", "---\ntitle: 深度引用 deep quote\ndate: 2024-06-08\n---\n\n" + ">" * 5000 + " 深处\n")
    # 12: giant token, long paragraph, unterminated front matter
    add("h/giant-token.md", "---\ntitle: 巨大的词 giant token\ndate: 2024-06-09\n---\n\n" + "a" * 40_000 + "\n")
    add("h/giant-url.md", "---\ntitle: 巨长网址 giant url\ndate: 2024-06-09\n---\n\n<https://x.example/"
        + "b" * 40_000 + ">\n")
    long_para = ("".join(_sentence(rng) for _ in range(2000)))[:80_000]
    add("h/long-paragraph.md", "---\ntitle: 八万字段落 long paragraph\ndate: 2024-06-10\n---\n\n" + long_para + "\n")
    add("h/unterminated-fm.md", "---\ntitle: 未闭合 unterminated\n" + "key: value 值\n" * (500_000 // 14) + "\n")
    # 13: tens of thousands of figures
    figures = "，".join(f"{rng.choice(COMPANIES)}{rng.randint(1, 999)}.{rng.randint(0, 99)}亿元"
                       for _ in range(30_000))
    add("h/many-figures.txt", f"【数字很多的文章 many figures】\n来源：某财经网\n\n{figures}。\n")
    # odd encodings, binary, empty, too large
    add("h/utf16.txt", ("【UTF-16 文章 utf16】\n\n" + para + "\n").encode("utf-16"))  # with its BOM
    add("h/gb18030.txt", f"【GB18030 文章 gb】\n\n{para}\n".encode("gb18030"))
    add("h/damaged-utf8.md", ("---\ntitle: 损坏的UTF-8 damaged\ndate: 2024-06-11\n---\n\n" + para * 3).encode() + b"\xe4\xb8\n")
    add("h/binary.md", bytes(rng.randrange(256) for _ in range(4096)))
    add("h/empty.md", b"")
    add("h/too-large.txt", ("【太大 too large】\n\n" + para * 40_000)[: 5 * 1024 * 1024 // 3].encode())
    add("h/control-body.txt", f"【正文带控制符 controls】\n\n前{ESC}[2J中{ESC}]0;t{BEL}后\x9b31m。\n\n{para}\n")
    return out


def write(root: Path, size: int = 120, normal_only: bool = False, seed: int = 10) -> int:
    """Write the folder; returns how many files are in it."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    broot = os.fsencode(root)
    written = 0
    hostile = [] if normal_only else hostile_files(rng)
    for rel, data in hostile:
        path = os.path.join(broot, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        written += 1
    if not normal_only:
        link = root / "h" / "passwd.md"  # 8: a symlink out of the corpus
        if not link.is_symlink():
            link.symlink_to("/etc/passwd")
        written += 1
        locked = root / "h" / "locked"  # 8: an unreadable folder (root reads it anyway)
        locked.mkdir(exist_ok=True)
        (locked / "inside.md").write_text("---\ntitle: 锁住的目录 locked\n---\n\n正文。\n", encoding="utf-8")
        locked.chmod(0)
        written += 1
    i = 0
    while written < size:
        rel, text = normal_article(rng, i)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
        i += 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path)
    ap.add_argument("--size", type=int, default=120, help="files in all (hostile + normal)")
    ap.add_argument("--normal", action="store_true", help="normal articles only (the floor)")
    args = ap.parse_args(argv)
    n = write(args.root, args.size, args.normal)
    print(f"{n} files in {args.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
