"""The event kinds: the rubric's taxonomy, CAMEO roots, and their labels' colours."""

from __future__ import annotations

import re
from pathlib import Path

from timeline.models import CAMEO_ROOT, Event, Kind

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "newsline.css"


def test_it_has_the_rubric_kinds_with_other_last():
    assert Kind.values == [
        "statement",
        "meeting",
        "call",
        "agreement",
        "vote",
        "election",
        "aid",
        "sanctions",
        "demand",
        "protest",
        "attack",
        "legal",
        "appointment",
        "economy",
        "business",
        "disaster",
        "health",
        "death",
        "other",
    ]


def test_it_maps_every_kind_to_its_cameo_root_where_one_exists():
    assert set(CAMEO_ROOT) == set(Kind.values)
    assert CAMEO_ROOT[Kind.SANCTIONS] == "16"
    assert CAMEO_ROOT[Kind.PROTEST] == "14"
    assert CAMEO_ROOT[Kind.ELECTION] == CAMEO_ROOT[Kind.OTHER] == ""
    assert Event(kind=Kind.AID).cameo_root == "07"
    assert all(re.fullmatch(r"(\d\d)?", code) for code in CAMEO_ROOT.values())


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_it_gives_every_kind_label_dark_text_on_a_light_background():
    css = CSS.read_text("utf-8")
    for kind in Kind.values:
        rule = re.search(
            rf"\.kind--{kind} \{{ color: (#[0-9a-f]{{6}}); background: (#[0-9a-f]{{6}}); \}}",
            css,
        )
        assert rule, f"no .kind--{kind} rule"
        fg, bg = (_luminance(c) for c in rule.groups())
        assert fg < bg, kind
        assert (bg + 0.05) / (fg + 0.05) >= 4.5, kind
