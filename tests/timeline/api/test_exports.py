import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from tests.timeline.factories import make_report, make_reported_event
from timeline.api.exports import csv_cell, ical_line

pytestmark = pytest.mark.django_db

CSV_URL = "/export/events.csv"
TL_URL = "/export/events.timeline.json"
ICS_URL = "/export/events.ics"


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return b"".join(response.streaming_content)


def read_csv(client, params=None):
    raw = download(client, CSV_URL, params)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def read_tl(client, params=None):
    return json.loads(download(client, TL_URL, params))


def read_ics(client, params=None):
    return Calendar.from_ical(download(client, ICS_URL, params))


def vevents(cal):
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_it_exports_csv_one_row_per_event(client):
    e = make_reported_event(
        title="Zelenskyy met Macron in Paris",
        people=("Volodymyr Zelenskyy", "Emmanuel Macron"),
        orgs=("NATO",),
        countries=("UA", "FR"),
        sentence="Zelenskyy met Macron on Monday, aides said.",
    )
    response = client.get(CSV_URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('.csv"')
    [row] = read_csv(client)
    assert row["id"] == str(e.id)
    assert (row["start"], row["end"], row["precision"]) == (
        "2025-02-24",
        "2025-02-24",
        "day",
    )
    assert row["title"] == "Zelenskyy met Macron in Paris"
    assert row["actors"] == "Emmanuel Macron; Volodymyr Zelenskyy"
    assert row["organisations"] == "NATO"
    assert set(row["countries"].split("; ")) == {"UA", "FR"}
    assert row["evidence"] == "Zelenskyy met Macron on Monday, aides said."
    assert row["source_urls"].startswith("https://news.example.org/")


@pytest.mark.parametrize(
    "title", ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_it_neutralises_formulas_in_csv(client, title):
    make_reported_event(title=title, sentence="=cmd|' /C calc'!A0")
    [row] = read_csv(client)
    assert row["title"] == "'" + title
    assert row["evidence"] == "'=cmd|' /C calc'!A0"


def test_it_leaves_ordinary_cells_alone():
    assert csv_cell("Summit in Kyiv") == "Summit in Kyiv"
    assert csv_cell("a=b") == "a=b"


def test_it_keeps_markup_and_newlines_as_text_in_csv(client):
    make_reported_event(
        title='<script>alert("x")</script>', sentence="Line one.\nLine, two."
    )
    response = client.get(CSV_URL)
    assert response["X-Content-Type-Options"] == "nosniff"
    [row] = read_csv(client)
    assert row["title"] == '<script>alert("x")</script>'
    assert row["evidence"] == "Line one.\nLine, two."


def test_it_applies_the_filters_to_every_export(client):
    ua = make_reported_event(title="In Ukraine", countries=("UA",))
    make_reported_event(title="In France", countries=("FR",))
    make_reported_event(title="Rejected", countries=("UA",), status="rejected")
    params = {"country": "UA"}
    assert [r["id"] for r in read_csv(client, params)] == [str(ua.id)]
    assert [e["unique_id"] for e in read_tl(client, params)["events"]] == [
        f"event-{ua.id}"
    ]
    assert [str(v["UID"]) for v in vevents(read_ics(client, params))] == [
        f"event-{ua.id}@newsline"
    ]


@pytest.mark.parametrize("url", [CSV_URL, TL_URL, ICS_URL])
def test_it_answers_bad_filters_with_400_json(client, url):
    response = client.get(url, {"country": "Narnia", "start": "soon"})
    assert response.status_code == 400
    data = json.loads(response.content)
    assert data["error"] and len(data["details"]) == 2
    assert client.get(url, {"org": "²"}).status_code == 400


def test_it_exports_timelinejs_with_only_the_parts_precision_allows(client):
    day = make_reported_event(title="Day", start=date(2025, 2, 24))
    week = make_reported_event(
        title="Week",
        start=date(2025, 2, 17),
        end=date(2025, 2, 23),
        precision="week",
        value="2025-W08",
    )
    month = make_reported_event(
        title="Month",
        start=date(2025, 2, 1),
        end=date(2025, 2, 28),
        precision="month",
        value="2025-02",
    )
    winter = make_reported_event(
        title="Winter",
        start=date(2024, 12, 1),
        end=date(2025, 2, 28),
        precision="month",
        value="2024-WI",
    )
    year = make_reported_event(
        title="Year",
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
        precision="year",
        value="2024",
    )
    decade = make_reported_event(
        title="Decade",
        start=date(2010, 1, 1),
        end=date(2019, 12, 31),
        precision="decade",
        value="201X",
    )
    response = client.get(TL_URL)
    assert response["Content-Type"].startswith("application/json")
    doc = read_tl(client)
    assert doc["title"]["text"]["headline"] == "Newsline timeline"
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert len(by_id) == 6

    def get(e):
        return by_id[f"event-{e.id}"]

    assert get(day)["start_date"] == {"year": 2025, "month": 2, "day": 24}
    assert "end_date" not in get(day)
    assert get(week)["end_date"] == {"year": 2025, "month": 2, "day": 23}
    assert get(month)["start_date"] == {"year": 2025, "month": 2}
    assert "end_date" not in get(month)
    assert get(winter)["start_date"] == {"year": 2024, "month": 12}
    assert get(winter)["end_date"] == {"year": 2025, "month": 2}
    assert get(year)["start_date"] == {"year": 2024}
    assert "end_date" not in get(year)
    assert get(decade)["start_date"] == {"year": 2010}
    assert get(decade)["end_date"] == {"year": 2019}
    assert get(day)["text"]["headline"] == "Day"
    assert get(day)["group"] == "meeting / visit / talks"


def test_it_groups_timelinejs_by_country(client):
    e = make_reported_event(countries=("UA",))
    make_reported_event()
    groups = {
        x["unique_id"]: x["group"]
        for x in read_tl(client, {"group": "country"})["events"]
    }
    assert groups[f"event-{e.id}"] == "Ukraine"
    assert "No country" in groups.values()
    assert client.get(TL_URL, {"group": "colour"}).status_code == 400


def test_it_escapes_html_in_timelinejs(client):
    art = make_report(publisher="<b>Wire</b>", source_url="https://x.example/?a=1&b=2")
    make_reported_event(
        title="<script>alert(1)</script>",
        sentence="He said <img src=x onerror=alert(1)>.",
        article=art,
    )
    raw = download(client, TL_URL)
    assert b"<script" not in raw and b"<img" not in raw
    [event] = json.loads(raw)["events"]
    assert event["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "&lt;img src=x onerror=alert(1)&gt;" in event["text"]["text"]
    assert "<img" not in event["text"]["text"]
    assert 'href="https://x.example/?a=1&amp;b=2"' in event["text"]["text"]
    assert "&lt;b&gt;Wire&lt;/b&gt;" in event["text"]["text"]


def test_it_exports_all_day_icalendar_events(client):
    week = make_reported_event(
        title="Talks, in Geneva; day two",
        start=date(2025, 2, 17),
        end=date(2025, 2, 23),
        precision="week",
        value="2025-W08",
        sentence="Talks went on all week, officials said.",
    )
    response = client.get(ICS_URL)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].endswith('.ics"')
    cal = read_ics(client)
    assert str(cal["VERSION"]) == "2.0"
    [vevent] = vevents(cal)
    assert str(vevent["UID"]) == f"event-{week.id}@newsline"
    assert vevent["DTSTART"].dt == date(2025, 2, 17)
    assert vevent["DTEND"].dt == date(2025, 2, 24)  # exclusive: end + 1 day
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert str(vevent["SUMMARY"]) == "Talks, in Geneva; day two"
    assert "Talks went on all week, officials said." in str(vevent["DESCRIPTION"])
    assert vevent["DTSTAMP"].dt.tzinfo is not None


def test_it_escapes_text_and_folds_long_lines_in_icalendar(client):
    title = "<script>x</script> Ωmega\r\nATTENDEE:mailto:evil@example.org " + "é" * 80
    make_reported_event(title=title, sentence="Back\\slash, comma; semi\nnewline.")
    raw = download(client, ICS_URL)
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert not any(line.startswith(b"ATTENDEE") for line in lines)
    [vevent] = vevents(Calendar.from_ical(raw))
    assert str(vevent["SUMMARY"]) == title.replace("\r\n", "\n")
    assert "ATTENDEE" not in vevent
    assert "Back\\slash, comma; semi\nnewline." in str(vevent["DESCRIPTION"])


def test_it_never_folds_inside_a_character():
    line = ical_line("SUMMARY:" + "€" * 60)
    for part in line.split("\r\n"):
        assert len(part.encode()) <= 75
        part.encode().decode("utf-8")


def test_it_streams_many_events_in_chunks(
    client, monkeypatch, django_assert_num_queries
):
    for i in range(30):
        make_reported_event(
            title=f"E{i}", start=date(2025, 1, 1) + timedelta(days=i), people=("A B",)
        )
    monkeypatch.setattr("timeline.api.exports.CHUNK_SIZE", 10)
    # One cursor over the events; actors, countries and sources per chunk of 10.
    with django_assert_num_queries(1 + 3 * 3):
        rows = read_csv(client, {"order": "oldest"})
    assert [r["title"] for r in rows] == [f"E{i}" for i in range(30)]


def test_it_downloads_what_the_page_links_to(client):
    ua = make_reported_event(title="In Ukraine", countries=("UA",))
    make_reported_event(title="In France", countries=("FR",))
    html = client.get("/", {"country": "UA"}).content.decode()
    links = re.findall(r'href="(/export/[^"]+)"', html)
    assert {link.split("?")[0] for link in links} == {CSV_URL, TL_URL, ICS_URL}
    for link in links:
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        assert "In Ukraine" in body and "In France" not in body
        assert str(ua.id) in body


@pytest.mark.parametrize("url", [CSV_URL, TL_URL, ICS_URL])
def test_it_lets_other_sites_read_exports_without_credentials(client, url):
    make_reported_event()
    response = client.get(url)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_it_links_only_web_urls_in_timelinejs_and_icalendar(client):
    evil = make_report(source_url="javascript:alert(1)")
    split = make_report(source_url="https://x.example/\r\nATTENDEE:mailto:a@b.c")
    make_reported_event(title="Evil", article=evil)
    make_reported_event(title="Split", article=split)
    events = read_tl(client)["events"]
    assert all("href" not in e["text"]["text"] for e in events)
    raw = download(client, ICS_URL)
    assert b"\r\nATTENDEE" not in raw
    for vevent in vevents(Calendar.from_ical(raw)):
        assert "URL" not in vevent and "ATTENDEE" not in vevent


def test_it_refuses_one_download_more_than_the_process_allows(client, settings):
    settings.NEWSLINE_MAX_EXPORTS = 1
    make_reported_event(value="2025-02-24")
    first = client.get("/export/events.csv")
    assert first.status_code == 200 and first.streaming  # still streaming
    busy = client.get("/export/events.ics")
    assert busy.status_code == 429
    assert busy["Retry-After"] == "30"
    assert json.loads(busy.content)["error"] == "Too many downloads at once."
    assert b"id,start" in b"".join(first.streaming_content)  # read to the end
    again = client.get("/export/events.ics")
    assert again.status_code == 200
    again.close()  # a client that went away also gives its slot back
    assert client.get("/export/events.timeline.json").status_code == 200


def test_it_gives_the_slot_back_when_the_request_is_bad(client, settings):
    settings.NEWSLINE_MAX_EXPORTS = 1
    assert client.get("/export/events.timeline.json?group=x").status_code == 400
    response = client.get("/export/events.csv")
    assert response.status_code == 200
    response.close()
