"""TempEval-3 Task A measures for temporal expressions (pure Python).

Same alignment and arithmetic as the TempEval-3 entity scorer (and the
project's reference `score_timex.py`): gold and system timexes are aligned
one-to-one per document, identical spans first, then largest remaining
character overlap; strict = identical span, relaxed = any overlap; type and
value accuracy are over relaxed matches; attribute F1 = accuracy x relaxed F1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

Span = Mapping[str, Any]


def overlap(a: Span, b: Span) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def align(gold: list[Span], system: list[Span]) -> list[tuple[int, int]]:
    """One-to-one alignment: identical spans, then largest overlap first."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    by_span: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(system):
        by_span.setdefault((s["start"], s["end"]), []).append(j)
    for i, g in enumerate(gold):
        for j in by_span.get((g["start"], g["end"]), []):
            if j not in used_s:
                pairs.append((i, j))
                used_g.add(i)
                used_s.add(j)
                break
    cand = []
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        for j, s in enumerate(system):
            if j in used_s:
                continue
            ov = overlap(g, s)
            if ov > 0:
                cand.append((-ov, g["start"], s["start"], i, j))
    for _, _, _, i, j in sorted(cand):
        if i in used_g or j in used_s:
            continue
        pairs.append((i, j))
        used_g.add(i)
        used_s.add(j)
    return pairs


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, gold: list[Span], system: list[Span]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        for i, j in align(gold, system):
            g, s = gold[i], system[j]
            self.relaxed += 1
            if g["start"] == s["start"] and g["end"] == s["end"]:
                self.strict += 1
            if (g.get("type") or "") == (s.get("type") or ""):
                self.type += 1
            if (g.get("value") or "").strip() == (s.get("value") or "").strip():
                self.value += 1


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if n_sys == 0 and n_gold == 0:
        p = r = f = 1.0
    return p, r, f


def metrics(c: Counts) -> dict[str, float | int]:
    """All TempEval-3 measures for one set of counts."""
    sp, sr, sf = _prf(c.strict, c.system, c.gold)
    rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
    if c.relaxed:
        type_acc = c.type / c.relaxed
        value_acc = c.value / c.relaxed
    else:
        type_acc = value_acc = 1.0 if (c.gold == 0 and c.system == 0) else 0.0
    return {
        "n_gold": c.gold,
        "n_system": c.system,
        "n_strict": c.strict,
        "n_relaxed": c.relaxed,
        "n_type_correct": c.type,
        "n_value_correct": c.value,
        "strict_P": sp,
        "strict_R": sr,
        "strict_F1": sf,
        "relaxed_P": rp,
        "relaxed_R": rr,
        "relaxed_F1": rf,
        "type_accuracy": type_acc,
        "value_accuracy": value_acc,
        "type_P": type_acc * rp,
        "type_R": type_acc * rr,
        "type_F1": type_acc * rf,
        "value_P": value_acc * rp,
        "value_R": value_acc * rr,
        "value_F1": value_acc * rf,
    }


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _only(timexes: list[Span], typ: str) -> list[Span]:
    return [t for t in timexes if t.get("type") == typ]


def _day_level(timexes: list[Span]) -> list[Span]:
    return [
        t
        for t in timexes
        if t.get("type") == "DATE" and _DAY.match(t.get("value") or "")
    ]


@dataclass
class Report:
    """Scores over a corpus, plus warnings about the system output."""

    all: dict[str, float | int]
    date: dict[str, float | int]
    date_recall: dict[str, float | int]
    day_recall: dict[str, float | int]
    per_doc: dict[str, dict[str, float | int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ALL": self.all,
            "DATE": self.date,
            "DATE_gold_vs_any_system": self.date_recall,
            "DAY_gold_vs_any_system": self.day_recall,
        }
        if self.per_doc:
            out["per_doc"] = self.per_doc
        return out


def _recall_view(c: Counts) -> dict[str, float | int]:
    m = metrics(c)
    out = {
        k: m[k]
        for k in (
            "n_gold",
            "n_strict",
            "n_relaxed",
            "n_value_correct",
            "strict_R",
            "relaxed_R",
            "value_accuracy",
        )
    }
    out["value_R"] = m["value_accuracy"] * m["relaxed_R"]
    return out


def evaluate(
    gold_docs: Mapping[str, Mapping[str, Any]],
    system_docs: Mapping[str, Mapping[str, Any]],
    *,
    per_doc: bool = False,
    drop_dct_mentions: bool = False,
) -> Report:
    """Score system timexes against gold, both keyed by doc_id."""
    warnings = [
        f"system doc {doc_id!r} not in gold (ignored)"
        for doc_id in system_docs
        if doc_id not in gold_docs
    ]
    c_all, c_date, c_date_rec, c_day_rec = Counts(), Counts(), Counts(), Counts()
    docs_out: dict[str, dict[str, float | int]] = {}
    for doc_id, gd in gold_docs.items():
        text = gd.get("text")
        if doc_id not in system_docs:
            warnings.append(
                f"gold doc {doc_id!r} missing from system output (scored as empty)"
            )
        stx = list(system_docs.get(doc_id, {}).get("timexes", []))
        for s in stx:
            for k in ("start", "end"):
                if not isinstance(s.get(k), int):
                    raise ValueError(
                        f"{doc_id}: system timex without integer {k}: {s!r}"
                    )
            if (
                text is not None
                and s.get("text") is not None
                and text[s["start"] : s["end"]] != s["text"]
            ):
                warnings.append(
                    f"{doc_id}: system text {s['text']!r} != gold text "
                    f"{text[s['start'] : s['end']]!r} at [{s['start']},{s['end']})"
                )
        gtx = list(gd.get("timexes", []))
        if drop_dct_mentions:
            dcts = [g for g in gtx if g.get("is_dct")]
            gtx = [g for g in gtx if not g.get("is_dct")]
            stx = [s for s in stx if not any(overlap(s, g) > 0 for g in dcts)]
        c_all.add(gtx, stx)
        c_date.add(_only(gtx, "DATE"), _only(stx, "DATE"))
        c_date_rec.add(_only(gtx, "DATE"), stx)
        c_day_rec.add(_day_level(gtx), stx)
        if per_doc:
            c = Counts()
            c.add(gtx, stx)
            docs_out[doc_id] = metrics(c)
    return Report(
        all=metrics(c_all),
        date=metrics(c_date),
        date_recall=_recall_view(c_date_rec),
        day_recall=_recall_view(c_day_rec),
        per_doc=docs_out,
        warnings=warnings,
    )


def read_jsonl(
    lines: Iterable[str], name: str = "<input>"
) -> dict[str, dict[str, Any]]:
    """Documents keyed by doc_id; a bad line raises ValueError naming it."""
    docs: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(d, dict) or "doc_id" not in d:
            raise ValueError(f"{name}:{n}: missing doc_id")
        if d["doc_id"] in docs:
            raise ValueError(f"{name}:{n}: duplicate doc_id {d['doc_id']!r}")
        d.setdefault("timexes", [])
        docs[d["doc_id"]] = d
    return docs


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def write_report(report: Report, out: TextIO) -> None:
    """Print the measures in the layout of the reference scorer."""
    for name, m in (("ALL", report.all), ("DATE", report.date)):
        out.write(
            f"=== TIMEX {name}  (gold {m['n_gold']}, system {m['n_system']}) ===\n"
        )
        out.write("                 P       R       F1\n")
        out.write(
            f"strict       {_pct(m['strict_P'])}  {_pct(m['strict_R'])}  "
            f"{_pct(m['strict_F1'])}   ({m['n_strict']} exact spans)\n"
        )
        out.write(
            f"relaxed      {_pct(m['relaxed_P'])}  {_pct(m['relaxed_R'])}  "
            f"{_pct(m['relaxed_F1'])}   ({m['n_relaxed']} overlapping)\n"
        )
        out.write(
            f"type         {_pct(m['type_P'])}  {_pct(m['type_R'])}  "
            f"{_pct(m['type_F1'])}   (accuracy {_pct(m['type_accuracy']).strip()} "
            "on relaxed matches)\n"
        )
        out.write(
            f"value        {_pct(m['value_P'])}  {_pct(m['value_R'])}  "
            f"{_pct(m['value_F1'])}   (accuracy {_pct(m['value_accuracy']).strip()} "
            "on relaxed matches)\n\n"
        )
    for r, label in (
        (report.date_recall, "gold DATE timexes"),
        (report.day_recall, "gold DATE timexes with a YYYY-MM-DD value"),
    ):
        out.write(
            f"=== {label} vs. all system timexes (recall view, gold {r['n_gold']}) ===\n"
        )
        out.write(
            f"strict R {_pct(r['strict_R']).strip()}   relaxed R "
            f"{_pct(r['relaxed_R']).strip()}   value accuracy "
            f"{_pct(r['value_accuracy']).strip()}   value R {_pct(r['value_R']).strip()}\n"
        )
