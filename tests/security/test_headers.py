"""Security headers on every response: CSP, nosniff, referrer policy, HSTS."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    parts = (part.strip().split(None, 1) for part in policy.split(";"))
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts if p}


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/healthz"])
def test_it_allows_only_our_own_scripts_and_styles(client, url):
    directives = csp_directives(client.get(url))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    policy = " ".join(directives.values())
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_it_sends_nosniff_referrer_policy_and_deny_framing(client):
    response = client.get("/admin/login/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_it_sends_hsts_only_over_tls(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    assert "Strict-Transport-Security" not in client.get("/healthz").headers
    response = client.get("/healthz", secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_it_trusts_the_proxy_tls_header_only_when_told(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in response.headers


def test_it_keeps_inline_code_out_of_the_page(client):
    # Under the CSP inline code would not run, so the page must not need any.
    html = client.get("/").content.decode()
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html and " onload=" not in html
    for tag in html.split("<script")[1:]:
        assert tag.split(">", 1)[0].strip().startswith(("src=", 'type="module" src='))
    assert '"includeIndicatorStyles": false' in html
