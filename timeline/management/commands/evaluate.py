"""Run the extraction pipeline over a gold TIMEX3 JSONL and print TempEval-3 scores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.extraction.evaluation import evaluate, read_jsonl, write_report


def _documents(gold: dict[str, dict[str, Any]]) -> list[Any]:
    from timeline.extraction.types import Document

    docs = []
    for doc_id, d in gold.items():
        path = d.pop("_path", "gold")
        raw = d.get("dct") or d.get("published")
        try:
            published = date.fromisoformat(str(raw)[:10])
        except ValueError as exc:
            raise CommandError(
                f"{path}: document {doc_id!r} has no valid dct ({raw!r})"
            ) from exc
        if not isinstance(d.get("text"), str):
            raise CommandError(f"{path}: document {doc_id!r} has no text")
        docs.append(Document(text=d["text"], published=published, doc_id=doc_id))
    return docs


class Command(BaseCommand):
    help = (
        "Tag the temporal expressions of every document in a gold JSONL "
        "({doc_id, dct, text, timexes}) and print the TempEval-3 measures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "gold", nargs="+", help="gold JSONL file(s), scored together"
        )
        parser.add_argument(
            "--drop-dct-mentions",
            action="store_true",
            help="ignore gold timexes flagged is_dct (MEANTIME datelines) and "
            "system timexes overlapping them",
        )
        parser.add_argument("--output", help="also write the system JSONL here")
        parser.add_argument(
            "--per-doc", action="store_true", help="print the measures per document"
        )
        parser.add_argument(
            "--baseline",
            action="store_true",
            help="score the plain spaCy DATE/TIME + dateparser baseline instead",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        gold: dict[str, dict[str, Any]] = {}
        for path in options["gold"]:
            try:
                with open(path, encoding="utf-8") as fh:
                    part = read_jsonl(fh, path)
            except FileNotFoundError as exc:
                raise CommandError(f"{path}: no such file") from exc
            except UnicodeDecodeError as exc:
                raise CommandError(f"{path}: not UTF-8 text") from exc
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            if not part:
                raise CommandError(f"{path}: no documents")
            if clash := sorted(set(part) & set(gold)):
                raise CommandError(f"{path}: doc_id {clash[0]!r} already read")
            for d in part.values():
                d["_path"] = path
            gold.update(part)
        documents = _documents(gold)
        system: dict[str, dict[str, Any]] = {}
        if options["baseline"]:
            from timeline.extraction.nlp import get_nlp
            from timeline.extraction.temporal.baseline import baseline_timexes

            nlp = get_nlp()
            for document, doc in zip(
                documents, nlp.pipe(d.text for d in documents), strict=True
            ):
                system[document.doc_id] = {
                    "doc_id": document.doc_id,
                    "timexes": [
                        t.to_dict() for t in baseline_timexes(doc, document.published)
                    ],
                }
        else:
            from timeline.extraction.pipeline import extract

            for extraction in extract(documents):
                system[extraction.doc_id] = {
                    "doc_id": extraction.doc_id,
                    "timexes": [t.to_dict() for t in extraction.timexes],
                }
        if options["output"]:
            with Path(options["output"]).open("w", encoding="utf-8") as out:
                for line in system.values():
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
        report = evaluate(
            gold,
            system,
            per_doc=options["per_doc"],
            drop_dct_mentions=options["drop_dct_mentions"],
        )
        for warning in report.warnings[:20]:
            self.stderr.write(f"WARNING: {warning}")
        write_report(report, self.stdout)
        if options["per_doc"]:
            self.stdout.write("\n=== per document ===")
            self.stdout.write("doc_id  gold  system  relaxed_F1  value_F1")
            for doc_id, m in report.per_doc.items():
                self.stdout.write(
                    f"{doc_id}  {m['n_gold']}  {m['n_system']}  "
                    f"{100 * m['relaxed_F1']:.2f}  {100 * m['value_F1']:.2f}"
                )
