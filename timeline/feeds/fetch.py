"""A polite HTTP client that cannot be turned against the network it runs in.

Every request, and every redirect hop, goes through the same checks:

- only http and https; at most `max_redirects` hops; a loop is reported;
- the host name is resolved here and every address it resolves to must be
  public (not loopback, private, link-local, shared, reserved or multicast)
  unless `allow_private`; cloud metadata addresses are refused always;
- the connection goes to the address that was checked (the URL's host is
  replaced by the IP, the Host header and TLS SNI keep the name), so a second
  DNS answer (rebinding) is never used;
- robots.txt of the host is fetched first and respected;
- one request at a time per host in this process, `host_delay` seconds
  apart; 429 and 503 are retried with backoff, honouring Retry-After;
- connect and read timeouts and a total time limit for the body;
- at most `max_bytes` on the wire and after decompression (a gzip bomb is
  refused while it inflates, not after);
- the content type must be one the caller accepts (checked before the body
  is read).

No Django here: `FetchPolicy.from_settings()` reads the settings lazily.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import ssl
import threading
import time
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

PRODUCT = "Newsline"
VERSION = "1.0"

# Cloud instance metadata endpoints: refused even with allow_private.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean
        "169.254.170.2",  # AWS ECS task metadata
        "100.100.100.200",  # Alibaba Cloud
        "fd00:ec2::254",  # AWS over IPv6
    )
)

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 503}

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-gzip",  # sitemap.xml.gz
        "application/gzip",
        # Many servers label feeds loosely; the parser decides.
        "text/html",
        "text/plain",
        "application/octet-stream",
    }
)


class FetchError(Exception):
    """A URL could not be fetched; the message says which and why."""


class RefusedURL(FetchError):
    """A URL we will not fetch at all (scheme, address, robots.txt)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    host_delay: float = 1.0
    retries: int = 3
    max_retry_after: float = 120.0
    allow_private: bool = False

    @classmethod
    def from_settings(cls) -> FetchPolicy:
        from django.conf import settings

        return cls(
            user_agent=user_agent(settings.NEWSLINE_FETCH_CONTACT_URL),
            connect_timeout=settings.NEWSLINE_FETCH_CONNECT_TIMEOUT,
            read_timeout=settings.NEWSLINE_FETCH_READ_TIMEOUT,
            total_timeout=settings.NEWSLINE_FETCH_TOTAL_TIMEOUT,
            max_bytes=settings.NEWSLINE_FETCH_MAX_BYTES,
            max_redirects=settings.NEWSLINE_FETCH_MAX_REDIRECTS,
            host_delay=settings.NEWSLINE_FETCH_HOST_DELAY,
            retries=settings.NEWSLINE_FETCH_RETRIES,
            max_retry_after=settings.NEWSLINE_FETCH_MAX_RETRY_AFTER,
            allow_private=settings.NEWSLINE_FETCH_ALLOW_PRIVATE,
        )


def user_agent(contact_url: str) -> str:
    contact = f"+{contact_url}" if contact_url else "news timeline"
    return f"{PRODUCT}/{VERSION} ({contact})"


@dataclass(frozen=True)
class Fetched:
    """A response: its final URL (after redirects), status and body."""

    url: str
    status: int
    content_type: str = ""
    charset: str = ""
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    redirects: tuple[str, ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def check_address(host: str, address: str, *, allow_private: bool) -> None:
    """Refuse an address a news page has no business being on."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        raise RefusedURL(f"{host} resolves to {ip}, a cloud metadata address")
    if ip.is_global and not ip.is_multicast:
        return
    if allow_private and not ip.is_multicast and not ip.is_unspecified:
        return
    kind = (
        "loopback"
        if ip.is_loopback
        else "link-local"
        if ip.is_link_local
        else "multicast"
        if ip.is_multicast
        else "private or reserved"
    )
    raise RefusedURL(
        f"{host} resolves to {ip}, a {kind} address "
        "(set NEWSLINE_FETCH_ALLOW_PRIVATE=true to allow it)"
    )


class HostGate:
    """One request at a time per host, `delay` seconds apart (per process)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    @contextmanager
    def turn(
        self, host: str, delay: float, *, sleep: Callable[[float], None]
    ) -> Iterator[None]:
        with self._lock:
            lock, last = self._hosts.setdefault(host, (threading.Lock(), [0.0]))
        with lock:
            wait = last[0] + delay - time.monotonic()
            if wait > 0:
                sleep(wait)
            try:
                yield
            finally:
                last[0] = time.monotonic()


HOSTS = HostGate()


def _media_type(value: str) -> tuple[str, str]:
    media, _, params = value.partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset":
            charset = val.strip().strip('"')
    return media.strip().lower(), charset


def _retry_after(value: str | None, now: datetime | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)


class _Unreachable(Exception):
    """Connecting to one of a host's addresses failed (the next is tried)."""


@dataclass
class _Raw:
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes = b""


@dataclass
class Fetcher:
    """Fetch URLs under a `FetchPolicy`; `requests` counts what went out."""

    policy: FetchPolicy
    resolver: Resolver = resolve
    sleep: Callable[[float], None] = time.sleep
    gate: HostGate = HOSTS
    # TLS: certificates checked against the system's CAs (a context: others).
    verify: ssl.SSLContext | bool = True
    requests: int = 0
    _robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, str]] = field(
        default_factory=dict
    )
    _client: httpx.Client | None = None

    # -- public ------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        accept: frozenset[str] | None,
        etag: str = "",
        last_modified: str = "",
    ) -> Fetched:
        """GET `url` (conditionally when `etag`/`last_modified` are given),
        following redirects; raises FetchError saying what went wrong."""
        extra = {}
        if etag:
            extra["If-None-Match"] = etag
        if last_modified:
            extra["If-Modified-Since"] = last_modified
        return self._follow(url, accept=accept, headers=extra, robots=True)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- redirects, robots --------------------------------------------------

    def _follow(
        self,
        url: str,
        *,
        accept: frozenset[str] | None,
        headers: dict[str, str],
        robots: bool,
    ) -> Fetched:
        seen: list[str] = []
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_url(current)
            if robots:
                self._check_robots(current)
            raw = self._with_retries(current, headers=headers, accept=accept)
            location = raw.headers.get("location")
            if raw.status in REDIRECTS and location:
                target = urljoin(current, location.strip())
                seen.append(current)
                if target in seen:
                    raise FetchError(
                        f"{url}: redirect loop ({' -> '.join([*seen, target])})"
                    )
                current = target
                continue
            if raw.status == 304:
                return Fetched(url=current, status=304, redirects=tuple(seen))
            if not 200 <= raw.status < 300:
                raise HTTPStatusError(
                    f"{current}: HTTP {raw.status} {raw.reason}".rstrip(), raw.status
                )
            media, charset = _media_type(raw.headers.get("content-type", ""))
            return Fetched(
                url=current,
                status=raw.status,
                content_type=media,
                charset=charset,
                body=raw.body,
                etag=raw.headers.get("etag", ""),
                last_modified=raw.headers.get("last-modified", ""),
                redirects=tuple(seen),
            )
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _check_url(self, url: str) -> None:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a bad port
            httpx.URL(url)
        except (ValueError, httpx.InvalidURL) as exc:
            raise RefusedURL(f"{url}: not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https"):
            raise RefusedURL(f"{url}: only http:// and https:// URLs are fetched")
        if not parts.hostname:
            raise RefusedURL(f"{url}: no host name")
        if parts.username or parts.password:
            raise RefusedURL(f"{url}: URLs with a user name or password are refused")

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules, error = self._robots[origin]
        if error:
            raise RefusedURL(
                f"{url}: {origin}/robots.txt could not be read ({error}), so "
                "nothing on the host is fetched"
            )
        if rules is not None and not rules.can_fetch(self.policy.user_agent, url):
            raise RefusedURL(f"{url}: disallowed by {origin}/robots.txt")

    def _load_robots(
        self, origin: str
    ) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        """The host's rules (None: no robots.txt, everything allowed) and an
        error; a robots.txt that errors (5xx, timeout) disallows everything,
        as RFC 9309 says."""
        try:
            fetched = self._follow(
                origin + "/robots.txt", accept=None, headers={}, robots=False
            )
        except RefusedURL:
            raise
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                return None, ""
            return None, str(exc).removeprefix(origin + "/robots.txt: ")
        except FetchError as exc:
            return None, str(exc).removeprefix(origin + "/robots.txt: ")
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return rules, ""

    # -- one request ---------------------------------------------------------

    def _with_retries(
        self, url: str, *, headers: dict[str, str], accept: frozenset[str] | None
    ) -> _Raw:
        for attempt in range(self.policy.retries + 1):
            raw = self._request(url, headers=headers, accept=accept)
            if raw.status not in RETRY_STATUSES:
                return raw
            if attempt == self.policy.retries:
                break
            wait = _retry_after(raw.headers.get("retry-after"))
            if wait is None:
                wait = float(2**attempt)
            if wait > self.policy.max_retry_after:
                raise FetchError(
                    f"{url}: HTTP {raw.status}, asked to retry after {wait:.0f} s "
                    f"(over NEWSLINE_FETCH_MAX_RETRY_AFTER={self.policy.max_retry_after:g})"
                )
            self.sleep(wait)
        raise FetchError(
            f"{url}: HTTP {raw.status} {raw.reason} after "
            f"{self.policy.retries} retries".replace("  ", " ")
        )

    def _client_for(self) -> httpx.Client:
        if self._client is None:
            p = self.policy
            self._client = httpx.Client(
                timeout=httpx.Timeout(
                    connect=p.connect_timeout,
                    read=p.read_timeout,
                    write=p.read_timeout,
                    pool=p.connect_timeout,
                ),
                follow_redirects=False,
                verify=self.verify,
                trust_env=False,  # no proxy from the environment around our checks
                headers={"User-Agent": p.user_agent},
            )
        return self._client

    def _request(
        self, url: str, *, headers: dict[str, str], accept: frozenset[str] | None
    ) -> _Raw:
        target = httpx.URL(url)
        host = target.host
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        try:
            addresses = [str(literal)] if literal else self.resolver(host, port)
        except FetchError as exc:
            raise FetchError(f"{url}: {exc}") from None
        if not addresses:
            raise FetchError(f"{url}: cannot resolve {host}")
        for address in addresses:  # every answer must be acceptable
            check_address(host, address, allow_private=self.policy.allow_private)
        netloc = host if target.port is None else f"{host}:{target.port}"
        if ":" in host:
            netloc = f"[{host}]" if target.port is None else f"[{host}]:{target.port}"
        send = {
            "Host": netloc,
            "Accept": ", ".join(sorted(accept or ())) or "*/*",
            "Accept-Encoding": "gzip, deflate",
            **headers,
        }
        extensions = {"sni_hostname": host} if target.scheme == "https" else {}
        with self.gate.turn(host, self.policy.host_delay, sleep=self.sleep):
            for n, address in enumerate(addresses):
                try:
                    return self._send(
                        url, target.copy_with(host=address), send, accept, extensions
                    )
                except _Unreachable as exc:
                    if n == len(addresses) - 1:
                        raise FetchError(f"{url}: cannot connect: {exc}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self,
        url: str,
        target: httpx.URL,
        headers: dict[str, str],
        accept: frozenset[str] | None,
        extensions: dict[str, str],
    ) -> _Raw:
        self.requests += 1
        started = time.monotonic()
        try:
            with self._client_for().stream(
                "GET", target, headers=headers, extensions=extensions
            ) as response:
                raw = _Raw(
                    response.status_code, response.reason_phrase, response.headers
                )
                if 200 <= raw.status < 300:
                    self._check_type(url, response.headers, accept)
                    raw.body = self._read(url, response, started)
                return raw
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                raise FetchError(
                    f"{url}: timed out connecting (after "
                    f"{self.policy.connect_timeout:g} s)"
                ) from None
            raise FetchError(
                f"{url}: timed out waiting for the response (after "
                f"{self.policy.read_timeout:g} s)"
            ) from None
        except httpx.ConnectError as exc:
            raise _Unreachable(str(exc)) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None

    def _check_type(
        self, url: str, headers: httpx.Headers, accept: frozenset[str] | None
    ) -> None:
        media, _ = _media_type(headers.get("content-type", ""))
        if accept is not None and media not in accept:
            shown = media or "no content type"
            raise FetchError(f"{url}: {shown} is not a page or feed we can read")
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.policy.max_bytes:
            raise FetchError(
                f"{url}: {int(length):,} bytes, over the limit of "
                f"{self.policy.max_bytes:,} (NEWSLINE_FETCH_MAX_BYTES)"
            )

    def _read(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.policy.max_bytes
        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding in ("", "identity"):
            inflate = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            inflate = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)
        else:
            raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
        over = f"{url}: response over the limit of {limit:,} bytes"
        bomb = f"{url}: response decompresses to over the limit of {limit:,} bytes"
        setting = " (NEWSLINE_FETCH_MAX_BYTES)"
        wire = 0
        size = 0
        parts: list[bytes] = []
        try:
            for chunk in response.iter_raw():
                wire += len(chunk)
                if wire > limit:
                    raise FetchError(over + setting)
                if time.monotonic() - started > self.policy.total_timeout:
                    raise FetchError(
                        f"{url}: the response took over {self.policy.total_timeout:g} s "
                        "(NEWSLINE_FETCH_TOTAL_TIMEOUT)"
                    )
                if inflate is not None:
                    chunk = inflate.decompress(chunk, limit - size + 1)
                    if inflate.unconsumed_tail or size + len(chunk) > limit:
                        raise FetchError(bomb + setting)
                size += len(chunk)
                parts.append(chunk)
            if inflate is not None:
                tail = inflate.flush()
                if size + len(tail) > limit:
                    raise FetchError(bomb + setting)
                parts.append(tail)
        except zlib.error as exc:
            raise FetchError(
                f"{url}: the compressed response is corrupt: {exc}"
            ) from None
        return b"".join(parts)
