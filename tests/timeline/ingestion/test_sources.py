import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from timeline.ingestion.sources import (
    ArticleInput,
    SourceError,
    SourceOptions,
    read_sources,
)

HTML = """<!doctype html><html><head>
<title>UN votes on Ukraine resolution | Example News</title>
<meta property="og:title" content="UN votes on Ukraine resolution">
<meta property="og:site_name" content="Example News">
{date}
</head><body><nav>Home | World | Sport</nav><article>
<h1>UN votes on Ukraine resolution</h1>
<p>The UN General Assembly voted on Monday on a resolution condemning Russia's
invasion of Ukraine. Ninety-three countries voted in favour and eighteen
against, including the United States and Russia.</p>
<p>Diplomats in New York said after the vote that the text had been softened
in negotiations during the previous week, and that more talks would follow.</p>
</article><footer>Copyright Example News</footer></body></html>"""
DATE_META = '<meta property="article:published_time" content="2025-02-24T10:00:00Z">'


def read(*paths, **options):
    return list(read_sources([str(p) for p in paths], SourceOptions(**options)))


def test_it_reads_a_text_file_with_the_given_date_and_details(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Officials met on Monday in Kyiv.\n", encoding="utf-8")
    (item,) = read(
        path,
        published=date(2025, 2, 24),
        title="Meeting",
        source_url="https://example.org/a",
        publisher="Example",
    )
    assert item == ArticleInput(
        text="Officials met on Monday in Kyiv.\n",
        published=date(2025, 2, 24),
        origin=str(path),
        title="Meeting",
        source_url="https://example.org/a",
        publisher="Example",
    )


def test_it_trusts_a_date_in_the_file_name(tmp_path):
    path = tmp_path / "ukraine-2025-02-24.txt"
    path.write_text("Officials met on Monday.", encoding="utf-8")
    (item,) = read(path)
    assert item.published == date(2025, 2, 24)


def test_it_needs_a_date_for_a_text_file_without_one(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Officials met on Monday.", encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, SourceError)
    assert error.origin == str(path)
    assert "--published" in error.reason


def test_it_reads_an_html_page_with_its_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML.format(date=DATE_META), encoding="utf-8")
    (item,) = read(path)
    assert isinstance(item, ArticleInput)
    assert item.published == date(2025, 2, 24)
    assert item.title == "UN votes on Ukraine resolution"
    assert item.publisher == "Example News"
    assert "voted on Monday" in item.text
    assert "Home | World" not in item.text
    assert "Copyright" not in item.text


def test_it_leaves_reader_comments_and_share_chrome_out_of_an_html_page(tmp_path):
    comments = (
        '<div class="share">RETWEET | E-mail to a friend</div>'
        '<section id="comments" class="comments"><h3>42 comments</h3>'
        '<div class="comment"><p>jenny42 April 8, 2011 at 12:19 pm | Reply</p>'
        "<p>Fifty years later it still has not worked in Korea, believe me.</p>"
        "</div></section>"
    )
    page = HTML.format(date=DATE_META).replace("</article>", "</article>" + comments)
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (item,) = read(path)
    assert "voted on Monday" in item.text
    assert "| Reply" not in item.text
    assert "Korea" not in item.text
    assert "RETWEET" not in item.text


def test_it_refuses_an_html_page_without_a_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML.format(date=""), encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, SourceError)
    assert error.origin == str(path)
    assert "no publication date" in error.reason and "--published" in error.reason

    (item,) = read(path, published=date(2025, 2, 25))
    assert item.published == date(2025, 2, 25)


def test_it_reads_jsonl_and_reports_a_malformed_line_with_its_number(tmp_path):
    path = tmp_path / "articles.jsonl"
    good = {
        "text": "Officials met on Monday.",
        "published": "2025-02-24",
        "title": "Meeting",
        "source_url": "https://example.org/1",
        "publisher": "Example",
        "id": 17,
    }
    lines = [
        json.dumps(good),
        '{"text": "broken", ',
        "",
        json.dumps({"text": "No date here."}),
        json.dumps({"text": "Bad date.", "published": "2025-02-30"}),
        json.dumps(
            {"text": "Odd URL.", "published": "2025-02-24", "source_url": "ftp://x"}
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "The last one.", "published": "2025-02-25"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)

    assert [type(i).__name__ for i in items] == [
        "ArticleInput",
        "SourceError",
        "SourceError",
        "SourceError",
        "SourceError",
        "SourceError",
        "ArticleInput",
    ]
    first = items[0]
    assert (first.title, first.source_url, first.publisher, first.external_id) == (
        "Meeting",
        "https://example.org/1",
        "Example",
        "17",
    )
    assert first.origin == f"{path}:1"
    errors = {i.origin: i.reason for i in items if isinstance(i, SourceError)}
    assert "not valid JSON" in errors[f"{path}:2"]
    assert "missing published" in errors[f"{path}:4"]
    assert "2025-02-30" in errors[f"{path}:5"]
    assert "http" in errors[f"{path}:6"]
    assert "JSON object" in errors[f"{path}:7"]
    assert items[-1].origin == f"{path}:8"


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"first line\nsecond \xff\xfe line\n", "line 2: not valid UTF-8"),
    ],
    ids=["empty", "blank", "binary", "invalid utf-8"],
)
def test_it_reports_an_unreadable_file_by_name(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (error,) = read(path, published=date(2025, 2, 24))
    assert isinstance(error, SourceError)
    assert error.origin == str(path)
    assert reason in error.reason


def test_it_refuses_a_future_or_impossible_date(tmp_path):
    path = tmp_path / "a.jsonl"
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    path.write_text(
        json.dumps({"text": "Soon.", "published": tomorrow})
        + "\n"
        + json.dumps({"text": "Never.", "published": "2025-13-01"})
        + "\n",
        encoding="utf-8",
    )
    first, second = read(path)
    assert "in the future" in first.reason
    assert "not a date" in second.reason


def test_it_refuses_an_oversized_article(tmp_path, settings):
    settings.NEWSLINE_MAX_ARTICLE_CHARS = 1000
    path = tmp_path / "long.txt"
    path.write_text("word " * 300, encoding="utf-8")
    (error,) = read(path, published=date(2025, 2, 24))
    assert "over the limit of 1,000" in error.reason


def test_it_reads_directories_recursively_by_extension(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(HTML.format(date=DATE_META), "utf-8")
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text(
        json.dumps({"text": "Third.", "published": "2025-02-20"}) + "\n", "utf-8"
    )
    (tmp_path / "sub" / "notes.md").write_text("ignored", encoding="utf-8")
    items = read(tmp_path, published=date(2025, 2, 24))

    assert all(isinstance(i, ArticleInput) for i in items)
    assert [i.origin for i in items] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.html"),
        str(tmp_path / "sub" / "deeper" / "c.jsonl") + ":1",
    ]


def test_it_reports_missing_paths_and_unknown_file_types(tmp_path):
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF-1.4")
    missing, unknown = read(tmp_path / "nope.txt", other)
    assert missing.reason == "no such file or directory"
    assert "unsupported file type .pdf" in unknown.reason


def test_it_skips_an_overlong_jsonl_line_and_reads_the_next(tmp_path, settings):
    settings.NEWSLINE_MAX_ARTICLE_CHARS = 1000  # lines up to 71,536 bytes
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": "The vote was held.", "published": "2025-02-24"})
    path.write_text("x" * 200_000 + "\n" + good + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["SourceError", "ArticleInput"]
    assert "the line is over 71,536 bytes" in items[0].reason
    assert items[1].origin.endswith("a.jsonl:2")
