"""axe-core in the browser tests: every page and every HTMX state is checked
and a test fails on any violation, listed readably.

axe-core comes from npm at install time (package.json, `make install-dev`
runs `npm ci`), never at test time. It is added to each page of a context
as an init script: Playwright evaluates those through the DevTools protocol
before the page's own scripts, so the site's CSP (only its own script
files) does not apply to axe and stays in force for everything else; a
`<script>` tag (page.add_script_tag) would be refused by that CSP, and
bypass_csp=True would stop the tests from seeing CSP breakage.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def require_axe() -> Path:
    """axe.min.js; skip when `npm ci` has not run, except in CI (fail)."""
    if AXE_JS.is_file():
        return AXE_JS
    message = f"axe-core is not installed ({AXE_JS} missing: run `make install-dev`)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def add_axe(context) -> None:
    """Make axe available on every page and frame the context opens."""
    context.add_init_script(path=str(require_axe()))


def describe(results: dict[str, Any]) -> list[str]:
    """One line per failing element: rule, impact, selector and what is wrong.

    Failing means an axe violation, or a colour-contrast check axe could not
    decide ("incomplete": a background it cannot compute, such as an image,
    a gradient or translucent layers), since then nobody verified it.
    """
    lines = []
    undecided = [r for r in results["incomplete"] if r["id"] == "color-contrast"]
    for kind, rules in (("violation", results["violations"]), ("undecided", undecided)):
        for rule in rules:
            for node in rule["nodes"]:
                target = " > ".join(
                    t if isinstance(t, str) else " ".join(t) for t in node["target"]
                )
                summary = " ".join((node.get("failureSummary") or "").split())
                related = [
                    " ".join(map(str, r["target"]))
                    for check in node["any"] + node["all"] + node["none"]
                    for r in check.get("relatedNodes", [])
                ]
                if related:
                    summary += f" (related: {', '.join(related)})"
                lines.append(
                    f"{rule['id']} ({kind}, {rule.get('impact') or node.get('impact')}) "
                    f"at {target}: {rule['help']}. {summary}".strip()
                )
    return lines


def check(page, what: str) -> None:
    """Run axe over the page as it is now; fail listing every problem."""
    page.wait_for_function("() => typeof window.axe !== 'undefined'")
    # Settled: no htmx request or swap under way and no transition running
    # (the list fades while it loads), so colours are measured as they stay.
    page.wait_for_function(
        """() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')
              && document.getAnimations().every(a => a.playState !== 'running')"""
    )
    results = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations', 'incomplete']})"
    )
    problems = describe(results)
    if problems:
        pytest.fail(
            f"axe-core found {len(problems)} problem(s) on {what}:\n  "
            + "\n  ".join(problems),
            pytrace=False,
        )


def check_contrast_verified(page, selector: str) -> None:
    """axe measured the colour contrast of each text in every element the
    selector matches, and each passed (none undecided, none failing)."""
    found = page.evaluate(
        """async selector => {
          const elements = [...document.querySelectorAll(selector)];
          const r = await axe.run(selector, {runOnly: ["color-contrast"], elementRef: true});
          const nodes = kind => r[kind].flatMap(rule => rule.nodes);
          const passed = new Set(nodes("passes").map(n => n.element));
          return {
            elements: elements.length,
            unmeasured: elements.filter(e => !passed.has(e)).map(e => e.outerHTML),
            other: [...nodes("violations"), ...nodes("incomplete")].map(n => n.html),
          };
        }""",
        selector,
    )
    assert found["elements"], f"nothing matches {selector!r}"
    assert found["unmeasured"] == [] and found["other"] == [], (
        f"colour contrast of {selector!r} not verified: {found}"
    )
