"""The HTTP client against a real server on loopback: limits, redirects,
robots.txt, retries and the SSRF checks."""

from __future__ import annotations

import gzip
import shutil
import ssl
import subprocess
import time
import zlib

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from tests.timeline.feeds.site import HOST, fetcher, page, wikinews
from timeline.feeds.fetch import (
    FEED_TYPES,
    HTML_TYPES,
    FetchError,
    RefusedURL,
    check_address,
)

MB = 1024 * 1024


def test_it_fetches_a_page_with_a_user_agent_naming_the_product(site):
    story = wikinews(1)[0]
    url = site.serve_page(story)

    got = fetcher().get(url, accept=HTML_TYPES)

    assert got.status == 200 and got.content_type == "text/html"
    assert story.title.encode() in got.body
    (request,) = site.requests(story.path)
    assert request.headers["User-Agent"] == (
        "Newsline/1.0 (+https://newsline.example/contact)"
    )


def test_it_connects_to_the_address_it_checked_and_keeps_the_host_name(site):
    # news.test exists only in the test resolver: the request can only have
    # arrived because the client connected to the IP it resolved and checked.
    url = site.serve("/feed.xml", "<rss/>", "application/rss+xml")

    fetcher().get(url, accept=FEED_TYPES)

    (request,) = site.requests("/feed.xml")
    assert request.headers["Host"] == f"{HOST}:{site.server.port}"


def test_it_follows_a_redirect_chain(site):
    story = wikinews(1)[0]
    site.serve_page(story)
    for hop, target in (("/a", "/b"), ("/b", site.url("/c")), ("/c", story.path)):
        site.server.expect_request(hop).respond_with_data(
            "", status=301 if hop == "/a" else 302, headers={"Location": target}
        )

    got = fetcher().get(site.url("/a"), accept=HTML_TYPES)

    assert got.url == site.url(story.path)
    assert got.redirects == (site.url("/a"), site.url("/b"), site.url("/c"))
    assert story.title.encode() in got.body


def test_it_reports_a_redirect_loop(site):
    site.server.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": "/b"}
    )
    site.server.expect_request("/b").respond_with_data(
        "", status=302, headers={"Location": "/a"}
    )

    with pytest.raises(FetchError, match="redirect loop"):
        fetcher().get(site.url("/a"), accept=HTML_TYPES)
    assert len(site.requests("/a")) == 1


def test_it_stops_after_the_maximum_number_of_redirects(site):
    for n in range(5):
        site.server.expect_request(f"/r{n}").respond_with_data(
            "", status=307, headers={"Location": f"/r{n + 1}"}
        )

    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher(max_redirects=3).get(site.url("/r0"), accept=HTML_TYPES)
    assert site.requests("/r4") == []


@pytest.fixture
def threaded_server():
    """A server of its own that answers requests in parallel threads, so a
    10 s response does not hold up the next test."""
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.no_handler_status_code = 404
    server.start()
    yield server
    server.clear()
    server.stop()


def test_it_cuts_a_slow_response_at_the_read_timeout(threaded_server):
    def slow(request):
        time.sleep(10)
        return Response("<html>late</html>", content_type="text/html")

    threaded_server.expect_request("/slow").respond_with_handler(slow)
    url = f"http://{HOST}:{threaded_server.port}/slow"

    started = time.monotonic()
    with pytest.raises(
        FetchError, match=r"timed out waiting for the response \(after 1 s\)"
    ):
        fetcher(read_timeout=1).get(url, accept=HTML_TYPES)
    assert time.monotonic() - started < 5


def test_it_refuses_a_50_mb_response_by_its_length(site):
    site.server.expect_request("/big").respond_with_data(
        b"<html>" + b" " * (50 * MB), content_type="text/html"
    )

    with pytest.raises(
        FetchError, match=r"52,428,806 bytes, over the limit of 10,485,760"
    ):
        fetcher(max_bytes=10 * MB).get(site.url("/big"), accept=HTML_TYPES)


def test_it_refuses_a_50_mb_response_without_a_length_while_reading(site):
    sent = []

    def stream(request):
        def chunks():
            for _ in range(50):
                sent.append(1)
                yield b" " * MB

        return Response(chunks(), content_type="text/html")

    site.server.expect_request("/stream").respond_with_handler(stream)

    with pytest.raises(FetchError, match="response over the limit of 10,485,760 bytes"):
        fetcher(max_bytes=10 * MB).get(site.url("/stream"), accept=HTML_TYPES)
    assert len(sent) < 50  # the client hung up; the server did not send it all


def _bomb(megabytes: int) -> bytes:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = b"\0" * MB
    return b"".join(squeeze.compress(zeros) for _ in range(megabytes)) + squeeze.flush()


def test_it_refuses_a_gzip_bomb_while_inflating_it(site):
    bomb = _bomb(200)
    assert len(bomb) < 1 * MB  # small on the wire
    site.server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )

    with pytest.raises(
        FetchError, match="decompresses to over the limit of 10,485,760 bytes"
    ):
        fetcher(max_bytes=10 * MB).get(site.url("/bomb"), accept=HTML_TYPES)


def test_it_inflates_an_ordinary_gzip_response(site):
    story = wikinews(1)[0]
    site.server.expect_request("/gz").respond_with_data(
        gzip.compress(page(story).encode()),
        content_type="text/html",
        headers={"Content-Encoding": "gzip"},
    )

    got = fetcher().get(site.url("/gz"), accept=HTML_TYPES)

    assert got.body == page(story).encode()


def test_it_reports_a_pdf_instead_of_parsing_it(site):
    site.serve("/report.pdf", b"%PDF-1.7 " + b"x" * 1000, "application/pdf")

    with pytest.raises(FetchError, match="application/pdf is not a page or feed"):
        fetcher().get(site.url("/report.pdf"), accept=HTML_TYPES)


@pytest.mark.parametrize("address", ["169.254.169.254", "fd00:ec2::254"])
def test_it_refuses_a_host_resolving_to_a_metadata_address(site, address):
    with pytest.raises(RefusedURL, match="cloud metadata address"):
        fetcher(resolver_map={"metadata.test": address}).get(
            "http://metadata.test/latest/meta-data/", accept=HTML_TYPES
        )


def test_it_refuses_the_metadata_address_as_a_literal(site):
    with pytest.raises(RefusedURL, match="169.254.169.254, a cloud metadata address"):
        fetcher().get("http://169.254.169.254/latest/meta-data/", accept=HTML_TYPES)


def test_it_refuses_a_redirect_to_a_metadata_address(site):
    site.server.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "http://metadata.test/latest/"}
    )

    with pytest.raises(RefusedURL, match="metadata.test resolves to 169.254.169.254"):
        fetcher(resolver_map={"metadata.test": "169.254.169.254"}).get(
            site.url("/go"), accept=HTML_TYPES
        )
    assert [r.path for r, _ in site.server.log] == ["/robots.txt", "/go"]


def test_it_refuses_loopback_unless_private_addresses_are_allowed(site):
    url = site.serve("/feed.xml", "<rss/>", "application/rss+xml")

    with pytest.raises(
        RefusedURL,
        match=r"127.0.0.1, a loopback address \(set NEWSLINE_FETCH_ALLOW_PRIVATE",
    ):
        fetcher(allow_private=False).get(url, accept=FEED_TYPES)
    assert site.server.log == []  # not even robots.txt was asked for


def test_it_refuses_a_host_with_any_private_answer():
    with pytest.raises(RefusedURL, match="10.0.0.7, a private or reserved address"):
        check_address("mixed.test", "10.0.0.7", allow_private=False)
    check_address("public.test", "93.184.216.34", allow_private=False)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.test/x", "gopher://x/"]
)
def test_it_fetches_only_http_and_https(url):
    with pytest.raises(RefusedURL, match="only http:// and https://"):
        fetcher().get(url, accept=HTML_TYPES)


def test_it_respects_robots_txt(site):
    site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    allowed = site.serve("/news/ok.html", "<html>ok</html>", "text/html")
    site.serve("/private/secret.html", "<html>secret</html>", "text/html")

    fetcher().get(allowed, accept=HTML_TYPES)
    with pytest.raises(RefusedURL, match="disallowed by .*/robots.txt"):
        fetcher().get(site.url("/private/secret.html"), accept=HTML_TYPES)
    assert site.requests("/private/secret.html") == []


def test_it_follows_the_robots_txt_rules_written_for_newsline(site):
    site.serve(
        "/robots.txt",
        "User-agent: Newsline\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
        "text/plain",
    )
    site.serve("/news/ok.html", "<html>ok</html>", "text/html")

    with pytest.raises(RefusedURL, match="disallowed by"):
        fetcher().get(site.url("/news/ok.html"), accept=HTML_TYPES)


def test_it_fetches_nothing_from_a_host_whose_robots_txt_errors(site):
    site.server.expect_request("/robots.txt").respond_with_data("oops", status=500)
    site.serve("/news/ok.html", "<html>ok</html>", "text/html")

    with pytest.raises(RefusedURL, match="robots.txt could not be read"):
        fetcher(retries=0).get(site.url("/news/ok.html"), accept=HTML_TYPES)
    assert site.requests("/news/ok.html") == []


def test_it_retries_a_429_after_the_time_retry_after_asks(site):
    site.server.expect_oneshot_request("/feed.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3"}
    )
    site.serve("/feed.xml", "<rss/>", "application/rss+xml")
    sleeps: list[float] = []

    got = fetcher(sleeps=sleeps).get(site.url("/feed.xml"), accept=FEED_TYPES)

    assert got.status == 200
    assert sleeps == [3.0]
    assert len(site.requests("/feed.xml")) == 2


def test_it_backs_off_on_503_and_gives_up_after_the_retries(site):
    site.server.expect_request("/feed.xml").respond_with_data("down", status=503)
    sleeps: list[float] = []

    with pytest.raises(
        FetchError, match="HTTP 503 SERVICE UNAVAILABLE after 2 retries"
    ):
        fetcher(sleeps=sleeps, retries=2).get(site.url("/feed.xml"), accept=FEED_TYPES)
    assert sleeps == [1.0, 2.0]
    assert len(site.requests("/feed.xml")) == 3


def test_it_fails_when_retry_after_is_longer_than_allowed(site):
    site.server.expect_request("/feed.xml").respond_with_data(
        "", status=429, headers={"Retry-After": "3600"}
    )

    with pytest.raises(FetchError, match="asked to retry after 3600 s"):
        fetcher(max_retry_after=60).get(site.url("/feed.xml"), accept=FEED_TYPES)


def test_it_sends_a_conditional_get_and_reports_not_modified(site):
    site.server.expect_request(
        "/feed.xml", headers={"If-None-Match": '"v1"'}
    ).respond_with_data("", status=304)

    got = fetcher().get(site.url("/feed.xml"), accept=FEED_TYPES, etag='"v1"')

    assert got.not_modified and got.body == b""


def test_it_keeps_requests_to_one_host_apart(site):
    site.serve("/a", "<rss/>", "application/rss+xml")
    waits: list[float] = []
    client = fetcher(host_delay=30, sleeps=waits)
    for _ in range(3):
        client.get(site.url("/a"), accept=FEED_TYPES)
    # robots.txt, then three requests: each waits out the 30 s since the last
    assert client.requests == 4
    assert len(waits) == 3 and all(29 < w <= 30 for w in waits)


# --- TLS: the certificate is checked against the host name, not the IP -------


def _openssl(*args: str, cwd) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def tls(tmp_path):
    """A throw-away CA, and a function serving HTTPS with a certificate it
    signed for a given name (made with the openssl command, offline)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=Newsline test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        cwd=tmp_path,
    )
    servers = []

    def serve(name: str) -> HTTPServer:
        _openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            f"/CN={name}",
            "-keyout",
            f"{name}.key",
            "-out",
            f"{name}.csr",
            cwd=tmp_path,
        )
        (tmp_path / f"{name}.ext").write_text(f"subjectAltName=DNS:{name}\n")
        _openssl(
            "x509",
            "-req",
            "-in",
            f"{name}.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "1",
            "-extfile",
            f"{name}.ext",
            "-out",
            f"{name}.pem",
            cwd=tmp_path,
        )
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(tmp_path / f"{name}.pem", tmp_path / f"{name}.key")
        server = HTTPServer(host="127.0.0.1", ssl_context=context)
        server.no_handler_status_code = 404
        server.start()
        servers.append(server)
        return server

    trust = ssl.create_default_context(cafile=str(tmp_path / "ca.pem"))
    yield serve, trust
    for server in servers:
        server.clear()
        server.stop()


def test_https_goes_to_the_checked_address_and_verifies_the_host_name(tls):
    serve, trust = tls
    server = serve(HOST)
    server.expect_request("/feed.xml").respond_with_data(
        "<rss/>", content_type="text/xml"
    )
    client = fetcher()
    client.verify = trust

    got = client.get(f"https://{HOST}:{server.port}/feed.xml", accept=FEED_TYPES)

    assert got.body == b"<rss/>"


def test_https_refuses_a_certificate_for_another_name(tls):
    serve, trust = tls
    server = serve("other.test")
    server.expect_request("/feed.xml").respond_with_data(
        "<rss/>", content_type="text/xml"
    )
    client = fetcher()
    client.verify = trust

    with pytest.raises(
        FetchError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"
    ):
        client.get(f"https://{HOST}:{server.port}/feed.xml", accept=FEED_TYPES)
    assert [r.path for r, _ in server.log if r.path == "/feed.xml"] == []
