"""Print what extraction finds in articles, as JSON, without touching the database.

    manage.py extract ARTICLE.txt --published 2025-02-24
    manage.py extract --jsonl IN.jsonl > OUT.jsonl

A bad document (missing or impossible date, empty or non-UTF-8 text, a
malformed JSONL line) is reported on stderr with its file and line; the
other documents still come out, and the command exits non-zero.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.extraction.countries import country_name


def parse_date(raw: object) -> date:
    """A YYYY-MM-DD date (a longer ISO timestamp is cut to its date)."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError("missing publication date")
    text = raw.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(
            f"impossible publication date {raw!r} (expected YYYY-MM-DD)"
        ) from None


def extraction_json(extraction: Any) -> dict[str, Any]:
    """Extraction.to_dict(), each event also naming its countries."""
    data = extraction.to_dict()
    for event in data["events"]:
        event["country_names"] = [country_name(c) for c in event["countries"]]
    return data


class Command(BaseCommand):
    help = (
        "Extract temporal expressions and events from an article file "
        "(--published YYYY-MM-DD) or a JSONL of {doc_id, text, dct|published} "
        "(--jsonl) and print them as JSON. Reads no database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="a UTF-8 text file: one article")
        parser.add_argument(
            "--published", help="publication date of FILE, YYYY-MM-DD (required)"
        )
        parser.add_argument(
            "--jsonl",
            metavar="IN.jsonl",
            help="one JSON document per line: doc_id, text, dct or published",
        )
        parser.add_argument("--batch-size", type=int, default=16)

    def handle(self, *args: Any, **options: Any) -> None:
        from timeline.extraction.pipeline import extract
        from timeline.extraction.types import Document

        path, jsonl = options["file"], options["jsonl"]
        if bool(path) == bool(jsonl):
            raise CommandError(
                "give either FILE (with --published) or --jsonl IN.jsonl"
            )
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        self.failures = 0
        if path:
            document = self._read_article(Path(path), options["published"])
            for extraction in extract([document], batch_size=1):
                self.stdout.write(
                    json.dumps(extraction_json(extraction), ensure_ascii=False)
                )
            return
        source = Path(jsonl)
        try:
            fh = source.open("rb")
        except OSError as exc:
            raise CommandError(f"{source}: cannot read ({exc.strerror})") from exc
        with fh:
            documents: Iterator[Document] = self._read_jsonl(fh, str(source))
            for extraction in extract(documents, batch_size=options["batch_size"]):
                self.stdout.write(
                    json.dumps(extraction_json(extraction), ensure_ascii=False)
                )
        if self.failures:
            raise CommandError(
                f"{source}: {self.failures} document(s) could not be read (see above)"
            )

    def _read_article(self, path: Path, published: str | None) -> Any:
        from timeline.extraction.types import Document

        if published is None:
            raise CommandError(f"{path}: --published YYYY-MM-DD is required")
        try:
            dct = parse_date(published)
        except ValueError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror})") from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"{path}: not UTF-8 text (byte {exc.start} is invalid)"
            ) from exc
        text = text.removeprefix("\ufeff")
        self._check_text(text, str(path))
        return Document(text=text, published=dct, doc_id=path.name)

    def _check_text(self, text: object, where: str) -> None:
        if not isinstance(text, str) or not text.strip():
            raise CommandError(f"{where}: empty article text")
        limit = settings.NEWSLINE_MAX_ARTICLE_CHARS
        if len(text) > limit:
            raise CommandError(
                f"{where}: article is {len(text)} characters, over the "
                f"{limit} limit (NEWSLINE_MAX_ARTICLE_CHARS)"
            )

    def _read_jsonl(self, fh: Any, name: str) -> Iterator[Any]:
        from timeline.extraction.types import Document

        any_line = False
        for number, raw in enumerate(fh, start=1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            any_line = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                self._fail(f"{where}: not UTF-8 text")
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                self._fail(f"{where}: malformed JSON ({exc.msg})")
                continue
            if not isinstance(data, dict):
                self._fail(f"{where}: expected a JSON object")
                continue
            doc_id = data.get("doc_id", data.get("id"))
            doc_id = str(doc_id) if doc_id is not None else f"{name}:{number}"
            try:
                dct = parse_date(data.get("dct") or data.get("published"))
                self._check_text(data.get("text"), where)
            except ValueError as exc:
                self._fail(f"{where}: document {doc_id!r}: {exc}")
                continue
            except CommandError as exc:
                self._fail(f"{exc} (document {doc_id!r})")
                continue
            yield Document(text=data["text"], published=dct, doc_id=doc_id)
        if not any_line:
            self._fail(f"{name}: empty file, no documents")

    def _fail(self, message: str) -> None:
        self.failures += 1
        self.stderr.write(message)
