"""manage.py extract: JSON out for a file or a JSONL, clear errors, no database."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "samples" / "ukraine-2025-02-24.txt"


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("extract", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_the_timexes_and_events_of_an_article():
    out, _ = run(str(SEED), "--published", "2025-02-24")
    data = json.loads(out)
    assert data["doc_id"] == "ukraine-2025-02-24.txt"
    assert {"start", "end", "text", "type", "value"} <= set(data["timexes"][0])
    event = next(e for e in data["events"] if e["value"] == "2022-02-24")
    for key in [
        "value",
        "start",
        "end",
        "precision",
        "title",
        "kind",
        "sentence",
        "sentence_start",
        "sentence_end",
        "expression",
        "actors",
        "countries",
        "organizations",
        "modality",
        "confidence",
    ]:
        assert key in event
    assert event["precision"] == "day"
    assert {"RU", "UA"} <= set(event["countries"])
    assert {"Russia", "Ukraine"} <= set(event["country_names"])
    text = SEED.read_text("utf-8")
    assert text[event["sentence_start"] : event["sentence_end"]] == event["sentence"]


def test_it_writes_one_line_per_jsonl_document(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {"doc_id": "a", "text": "Macron met Trump on Monday.", "dct": "2025-02-24"}
        )
        + "\n\n"
        + json.dumps(
            {"id": "b", "text": "Talks end on 3 March 2024.", "published": "2024-03-01"}
        )
        + "\n",
        encoding="utf-8",
    )
    out, err = run("--jsonl", str(src))
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["doc_id"] for d in lines] == ["a", "b"]
    assert lines[0]["events"][0]["value"] == "2025-02-24"
    assert lines[1]["events"][0]["value"] == "2024-03-03"
    assert err == ""


def test_it_reports_bad_lines_by_file_and_line_and_still_extracts_the_rest(tmp_path):
    src = tmp_path / "in.jsonl"
    good = json.dumps(
        {"doc_id": "ok", "text": "Putin spoke on Monday.", "dct": "2025-02-24"}
    )
    src.write_bytes(
        b"{not json\n"
        + json.dumps({"doc_id": "x", "text": "Hi there.", "dct": "2025-02-30"}).encode()
        + b"\n"
        + json.dumps({"doc_id": "y", "text": "Hi there."}).encode()
        + b"\n"
        + json.dumps({"doc_id": "z", "text": "  ", "dct": "2025-02-01"}).encode()
        + b"\n"
        + b'{"doc_id": "w", "text": "caf\xe9", "dct": "2025-02-01"}\n'
        + good.encode()
        + b"\n"
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="5 document"):
        call_command("extract", "--jsonl", str(src), stdout=out, stderr=err)
    assert [json.loads(line)["doc_id"] for line in out.getvalue().splitlines()] == [
        "ok"
    ]
    messages = err.getvalue().splitlines()
    assert messages[0].startswith(f"{src}:1: malformed JSON")
    assert (
        messages[1].startswith(f"{src}:2:")
        and "impossible publication date" in messages[1]
    )
    assert (
        messages[2].startswith(f"{src}:3:")
        and "missing publication date" in messages[2]
    )
    assert messages[3].startswith(f"{src}:4:") and "empty article text" in messages[3]
    assert messages[4].startswith(f"{src}:5: not UTF-8")


@pytest.mark.parametrize(
    ("content", "published", "message"),
    [
        (b"Macron met Trump on Monday.", None, "--published YYYY-MM-DD is required"),
        (b"Macron met Trump on Monday.", "2025-13-01", "impossible publication date"),
        (b"Macron met Trump on Monday.", "yesterday", "impossible publication date"),
        (b"", "2025-02-24", "empty article text"),
        (b" \n\t", "2025-02-24", "empty article text"),
        (b"caf\xe9 au lait", "2025-02-24", "not UTF-8 text"),
    ],
)
def test_it_refuses_a_bad_article_naming_the_file(
    tmp_path, content, published, message
):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    args = [str(path)] + (["--published", published] if published else [])
    with pytest.raises(CommandError, match=message) as info:
        run(*args)
    assert str(path) in str(info.value)


def test_it_refuses_an_empty_jsonl_and_a_missing_file(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("extract", "--jsonl", str(empty), stdout=StringIO(), stderr=err)
    assert f"{empty}: empty file" in err.getvalue()
    with pytest.raises(CommandError, match="cannot read"):
        run("--jsonl", str(tmp_path / "missing.jsonl"))
    with pytest.raises(CommandError, match="either FILE"):
        run()


def test_it_exits_non_zero_on_bad_input_from_the_shell(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "oops\n"
        + json.dumps(
            {"doc_id": "ok", "text": "Talks ended on Monday.", "dct": "2025-02-24"}
        )
        + "\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "manage.py", "extract", "--jsonl", str(src)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode != 0
    assert f"{src}:1: malformed JSON" in proc.stderr
    assert json.loads(proc.stdout)["doc_id"] == "ok"
