"""Reading articles from files: plain text, HTML, JSONL and directories.

Readers yield `ArticleInput`s and `SourceError`s in file order, so one bad
file or line is reported (with its name and line number) and the rest still
goes in. Nothing here touches the database.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

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
        return printable(f"{self.origin}: {self.reason}")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters (a file name's
    escape sequences) shown as \\x1b-style escapes."""
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode()
        for c in text
    )


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


class MissingDate(InvalidArticle):
    """An HTML page without a publication date, and none given."""


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


def _check_encodable(value: str, name: str) -> None:
    """InvalidArticle for a lone surrogate (JSON's "\\ud800"): not text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidArticle(
            f"{name} contains a lone surrogate (U+{ord(value[exc.start]):04X} "
            f"at character {exc.start + 1}), not text"
        ) from None


def check_text(text: str) -> str:
    """The text, if it is something we can ingest."""
    _check_encodable(text, "text")
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
    _check_encodable(value, name)
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


def max_file_bytes() -> int:
    """The largest .txt/.html file read: 4 bytes (the most UTF-8 takes) per
    character of NEWSLINE_MAX_ARTICLE_CHARS."""
    return 4 * settings.NEWSLINE_MAX_ARTICLE_CHARS


def max_line_bytes() -> int:
    """The longest JSONL line read: the text may be all \\uXXXX escapes."""
    return 6 * settings.NEWSLINE_MAX_ARTICLE_CHARS + 65_536


def not_regular(path: Path) -> str | None:
    """What the path is when it is not a regular file ("a FIFO"), else None.

    Follows a symbolic link: a link to /dev/zero is a device. Nothing is
    opened, so a FIFO never blocks.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _read_text_file(path: Path) -> str:
    """The file's text; InvalidArticle for binary, empty, oversized or
    non-UTF-8 files. An oversized file is refused before it is read."""
    limit = max_file_bytes()
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise InvalidArticle(_too_big(f"{size:,}", limit))
            data = fh.read(limit + 1)  # the size may have been wrong
    except OSError as exc:
        raise InvalidArticle(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InvalidArticle(_too_big(f"over {limit:,}", limit))
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


def _too_big(size: str, limit: int) -> str:
    return (
        f"the file is {size} bytes, over the limit of {limit:,} bytes "
        "(4 per character of NEWSLINE_MAX_ARTICLE_CHARS)"
    )


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
    yield html_to_input(_read_text_file(path), origin=str(path), options=options)


def html_to_input(
    html: str | bytes, *, origin: str, options: SourceOptions
) -> ArticleInput:
    """An article from an HTML page: text, title, publisher, date and canonical
    URL from the page (trafilatura); `options` fill in what the page lacks
    (the date) or override it (title, URL, publisher)."""
    import trafilatura

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
        raise MissingDate(
            "the page has no publication date in its metadata: pass --published"
        )
    page_url = getattr(doc, "url", "") or ""
    try:
        page_url = check_url(page_url)
    except InvalidArticle:
        page_url = ""  # a relative or odd canonical link is not worth failing for
    return make_input(
        text=text,
        published=published,
        origin=origin,
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
        for number, raw in enumerate(bounded_lines(fh, max_line_bytes()), start=1):
            origin = f"{path}:{number}"
            if raw is None:
                any_line = True
                yield SourceError(
                    origin,
                    f"the line is over {max_line_bytes():,} bytes "
                    "(NEWSLINE_MAX_ARTICLE_CHARS)",
                )
                continue
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
            except RecursionError:
                yield SourceError(origin, "not valid JSON: nested too deeply")
                continue
            except ValueError:  # Python's limit on the digits of an integer
                yield SourceError(
                    origin,
                    "not valid JSON: an integer of more than "
                    f"{sys.get_int_max_str_digits():,} digits",
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


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The file's lines, None for one longer than `limit` bytes (skipped
    without ever holding more than `limit` bytes of it)."""
    while line := fh.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _files(path: Path) -> Iterator[Path | SourceError]:
    """The files to read under a path given on the command line.

    A path given is read if it is a regular file (or a link to one). Inside a
    directory, only regular files are read: links (never followed) and
    FIFOs, devices or sockets with an article's extension are reported as
    skipped.
    """
    if not path.is_dir():
        problem = not_regular(path)
        if problem:
            yield SourceError(str(path), f"not a regular file ({problem})")
        else:
            yield path
        return
    for child in sorted(path.rglob("*")):
        wanted = child.suffix.lower() in EXTENSIONS
        if child.is_symlink():
            if wanted or child.is_dir():
                yield SourceError(
                    str(child),
                    "skipped: a symbolic link (links inside a directory are "
                    "not followed; give the file itself)",
                )
            continue
        if not wanted or child.is_dir():
            continue
        problem = not_regular(child)
        if problem:
            yield SourceError(str(child), f"skipped: {problem}, not a regular file")
            continue
        yield child


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
            if isinstance(path, SourceError):
                yield path
                continue
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
            except Exception as exc:  # noqa: BLE001 - one file, the rest goes on
                yield SourceError(
                    str(path), f"could not be read: {type(exc).__name__}: {exc}"
                )
