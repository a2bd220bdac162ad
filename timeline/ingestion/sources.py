"""Reading articles from files: plain text, HTML, JSONL and directories.

Readers yield `ArticleInput`s and `SourceError`s in file order, so one bad
file or line is reported (with its name and line number) and the rest still
goes in. Nothing here touches the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from timeline.models import normalise_text, validate_http_url

TEXT_EXTENSIONS = (".txt",)
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS

# A date in a file name (ukraine-2025-02-24.txt) is the one date a plain text
# file carries that we trust; its modification time says nothing.
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SNIFF_BYTES = 8192
MIN_YEAR = 1800


@dataclass(frozen=True)
class ArticleInput:
    """One article to ingest, with where it came from (for error messages)."""

    text: str
    published: date
    origin: str  # "path/to/file.jsonl:12" or "path/to/page.html"
    title: str = ""
    source_url: str = ""
    publisher: str = ""
    external_id: str = ""


@dataclass(frozen=True)
class SourceError:
    """A file or line that could not be read, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class SourceOptions:
    """Command-line values: the date for files that carry none, and the
    title/URL/publisher of a single file."""

    published: date | None = None
    title: str = ""
    source_url: str = ""
    publisher: str = ""


class InvalidArticle(ValueError):
    """An article field is wrong; the message names the problem."""


def parse_published(value: object) -> date:
    """A publication date: YYYY-MM-DD, a real calendar day, not in the future."""
    if isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InvalidArticle(
                f"published {value!r} is not a date (YYYY-MM-DD)"
            ) from None
        if len(value.strip()) > 10 and value.strip()[10] not in "T ":
            raise InvalidArticle(f"published {value!r} is not a date (YYYY-MM-DD)")
    else:
        raise InvalidArticle(f"published must be a YYYY-MM-DD string, not {value!r}")
    if day > timezone.localdate():
        raise InvalidArticle(f"published {day.isoformat()} is in the future")
    if day.year < MIN_YEAR:
        raise InvalidArticle(f"published {day.isoformat()} is before {MIN_YEAR}")
    return day


def check_text(text: str) -> str:
    """The text, if it is something we can ingest."""
    if not normalise_text(text):
        raise InvalidArticle("the text is empty")
    limit = settings.NEWSLINE_MAX_ARTICLE_CHARS
    if len(text) > limit:
        raise InvalidArticle(
            f"the text is {len(text):,} characters, over the limit of {limit:,} "
            "(NEWSLINE_MAX_ARTICLE_CHARS)"
        )
    if "\x00" in text:
        raise InvalidArticle("the text contains NUL characters (binary data?)")
    return text


def check_url(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    try:
        validate_http_url(url)
    except ValidationError:
        raise InvalidArticle(
            f"source URL {url!r} is not an http:// or https:// URL"
        ) from None
    return url


def _field(value: object, name: str, limit: int) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and name == "id":
        value = str(value)
    if not isinstance(value, str):
        raise InvalidArticle(f"{name} must be a string, not {type(value).__name__}")
    value = normalise_text(value)
    if len(value) > limit:
        raise InvalidArticle(f"{name} is longer than {limit} characters")
    return value


def make_input(
    *,
    text: str,
    published: object,
    origin: str,
    title: object = "",
    source_url: object = "",
    publisher: object = "",
    external_id: object = "",
) -> ArticleInput:
    """A validated ArticleInput; raises InvalidArticle naming the bad field."""
    return ArticleInput(
        text=check_text(text),
        published=parse_published(published),
        origin=origin,
        title=_field(title, "title", 500),
        source_url=check_url(_field(source_url, "source_url", 2000)),
        publisher=_field(publisher, "publisher", 200),
        external_id=_field(external_id, "id", 200),
    )


def _read_text_file(path: Path) -> str:
    """The file's text; InvalidArticle for binary, empty or non-UTF-8 files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidArticle(f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InvalidArticle("the file is empty")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InvalidArticle("a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidArticle(
            f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start})"
        ) from None
    return text


def date_from_name(path: Path) -> date | None:
    m = _NAME_DATE.search(path.name)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_text_file(path: Path, options: SourceOptions) -> Iterator[ArticleInput]:
    text = _read_text_file(path)
    published = date_from_name(path) or options.published
    if published is None:
        raise InvalidArticle(
            "no publication date: pass --published YYYY-MM-DD "
            "(or put the date in the file name, e.g. story-2025-02-24.txt)"
        )
    yield make_input(
        text=text,
        published=published,
        origin=str(path),
        title=options.title,
        source_url=options.source_url,
        publisher=options.publisher,
    )


def read_html_file(path: Path, options: SourceOptions) -> Iterator[ArticleInput]:
    import trafilatura

    html = _read_text_file(path)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,  # furniture lost beats furniture kept
        include_tables=False,
        # Only the page's own metadata: no guessing a date from the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not normalise_text(text):
        raise InvalidArticle("no article text found in the HTML page")
    page_date = getattr(doc, "date", None)
    published: object = page_date or options.published
    if not published:
        raise InvalidArticle(
            "the page has no publication date in its metadata: pass --published"
        )
    page_url = getattr(doc, "url", "") or ""
    try:
        page_url = check_url(page_url)
    except InvalidArticle:
        page_url = ""  # a relative or odd canonical link is not worth failing for
    yield make_input(
        text=text,
        published=published,
        origin=str(path),
        title=options.title or getattr(doc, "title", "") or "",
        source_url=options.source_url or page_url,
        publisher=options.publisher or getattr(doc, "sitename", "") or "",
    )


def read_jsonl_file(
    path: Path, options: SourceOptions
) -> Iterator[ArticleInput | SourceError]:
    """One article per line; a bad line is a SourceError, the rest still reads."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InvalidArticle(f"cannot be read: {exc.strerror or exc}") from None
    with fh:
        any_line = False
        for number, raw in enumerate(fh, start=1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            any_line = True
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield SourceError(origin, f"not valid UTF-8 (column {exc.start + 1})")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SourceError(
                    origin, f"not valid JSON: {exc.msg} (column {exc.colno})"
                )
                continue
            if not isinstance(row, dict):
                yield SourceError(origin, "each line must be a JSON object")
                continue
            missing = [k for k in ("text", "published") if k not in row]
            if missing and not (missing == ["published"] and options.published):
                yield SourceError(origin, f"missing {' and '.join(missing)}")
                continue
            if not isinstance(row["text"], str):
                yield SourceError(origin, "text must be a string")
                continue
            try:
                yield make_input(
                    text=row["text"],
                    published=row.get("published") or options.published,
                    origin=origin,
                    title=row.get("title", ""),
                    source_url=row.get("source_url", ""),
                    publisher=row.get("publisher", ""),
                    external_id=row.get("id", ""),
                )
            except InvalidArticle as exc:
                yield SourceError(origin, str(exc))
        if not any_line:
            yield SourceError(str(path), "the file is empty")


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in EXTENSIONS:
                yield child
    else:
        yield path


def read_sources(
    paths: Iterable[str | Path], options: SourceOptions | None = None
) -> Iterator[ArticleInput | SourceError]:
    """Every article in the given files and directories (recursively)."""
    options = options or SourceOptions()
    for given in paths:
        given = Path(given)
        if not given.exists():
            yield SourceError(str(given), "no such file or directory")
            continue
        for path in _files(given):
            suffix = path.suffix.lower()
            if suffix in JSONL_EXTENSIONS:
                reader = read_jsonl_file
            elif suffix in HTML_EXTENSIONS:
                reader = read_html_file
            elif suffix in TEXT_EXTENSIONS:
                reader = read_text_file
            else:
                yield SourceError(
                    str(path),
                    f"unsupported file type {suffix or '(none)'}: "
                    "use .txt, .html, .htm or .jsonl",
                )
                continue
            try:
                yield from reader(path, options)
            except InvalidArticle as exc:
                yield SourceError(str(path), str(exc))
