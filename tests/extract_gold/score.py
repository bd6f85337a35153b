"""A small scorer for the gold files in this folder (same rules as the shared eval tool, written
here so that the test suite never depends on files outside the repository)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORE = re.compile(r"[0-9][0-9.,]*|[零〇一二两三四五六七八九十百千万亿]+")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("−", "-")


def core(text: str) -> str:
    m = CORE.search(norm(text))
    return m.group().replace(",", "") if m else ""


def same_figure(gold: str, pred: str) -> bool:
    g, p = norm(gold), norm(pred)
    return g == p or ((g in p or p in g) and core(g) == core(p) != "")


def score_article(gold: dict, out: dict) -> dict:
    """Counts {figures: (tp, fp, fn), companies: ..., tickers: ...} and the misses, for one article."""
    free = {n["text"] for n in out["numbers"]}
    req = [t for t, _ in gold["numbers"]["required"]]
    opt = gold["numbers"].get("optional", [])
    tp, missed = 0, []
    wanted = {norm(t) for t in req}
    for g in sorted(req, key=lambda s: (-len(norm(s)), s)):
        # a text the extractor gave once (``free`` is a set) goes to one gold figure: on a tie of
        # lengths, not to a range (9月19日-9月23日) the text another gold figure is (9月23日) but
        # to the other, then by text: the same counts whatever the set's order (PYTHONHASHSEED)
        cands = [p for p in free if norm(p) == norm(g)] or sorted(
            (p for p in free if same_figure(g, p)),
            key=lambda p: (abs(len(p) - len(g)), norm(p) in wanted, p))
        if cands:
            free.discard(cands[0])
            tp += 1
        else:
            missed.append(g)
    extra = sorted(p for p in free if not any(same_figure(o, p) for o in opt + req))
    creq = gold["companies"]["required"]
    alias = {norm(a): name for name, al in creq.items() for a in [name, *al]}
    copt = {norm(o) for o in gold["companies"].get("optional", [])}
    names = {c["name"] for c in out["companies"] if c.get("kind", "company") == "company"}
    hit = {alias[norm(n)] for n in names if norm(n) in alias}
    cfp = sorted(n for n in names if norm(n) not in alias and norm(n) not in copt)
    cmiss = sorted(set(creq) - hit)
    gt = set(gold.get("tickers", []))
    pt = {t for c in out["companies"] for t in [c.get("ticker"), *(c.get("tickers") or [])] if t}
    return {"figures": (tp, len(extra), len(missed)), "companies": (len(hit), len(cfp), len(cmiss)),
            "tickers": (len(gt & pt), 0, len(gt - pt)),
            "misses": {"figures missed": missed, "figures extra": extra, "companies missed": cmiss,
                       "companies extra": cfp, "tickers missed": sorted(gt - pt)}}


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def precision(tp: int, fp: int, fn: int) -> float:
    return tp / (tp + fp) if tp + fp else 1.0


def score_folder(extract_path, gold_file: Path = HERE / "gold.json", root: Path = HERE / "articles") -> tuple[dict, dict]:
    """Score ``extract_path(path) -> to_json() dict`` over a gold set (keys relative to ``root``).
    Returns (scores, misses): scores holds each F1 (tickers: recall) and ``figures precision``,
    ``companies precision``."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    totals = {"figures": [0, 0, 0], "companies": [0, 0, 0], "tickers": [0, 0, 0]}
    misses = {}
    for key, g in gold.items():
        res = score_article(g, extract_path(root / key))
        for what, counts in totals.items():
            for i in range(3):
                counts[i] += res[what][i]
        misses[key] = {k: v for k, v in res["misses"].items() if v}
    scores = {w: f1(*t) for w, t in totals.items()}
    scores.update({f"{w} precision": precision(*totals[w]) for w in ("figures", "companies")})
    tp, _, fn = totals["tickers"]
    scores["tickers"] = tp / (tp + fn) if tp + fn else 1.0
    return scores, misses
