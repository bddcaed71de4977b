"""Fetching feeds and pages from the open web, politely and defensively.

:class:`Fetcher` is the one way ``aidledger watch`` reaches the network. Every
request it makes:

- goes only to ``http`` and ``https`` URLs;
- connects only to public addresses: the host name is resolved once and the
  connection made to the address that was checked (no second lookup a DNS
  rebinding could answer differently); loopback, private, link-local,
  multicast and reserved addresses are refused unless ``allow_private``;
- is allowed by the site's ``robots.txt`` (RFC 9309: a missing file allows
  all, an unreachable one allows nothing for now), read once a day per site;
- waits ``delay`` seconds (or the site's ``Crawl-delay``, if longer) after the
  last request to the same host;
- takes at most ``timeout`` seconds in all, however slowly the server sends;
- reads at most ``max_bytes`` of body, decompressed (a gzip bomb stops there);
- follows at most :data:`MAX_REDIRECTS` redirects, each checked as above.

Failures raise :class:`FetchError` with a one-line reason; ``permanent`` says
whether trying again later could help (a timeout could, a refusal could not).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore

import aidledger
from aidledger.limits import DEFAULT_MAX_BYTES

USER_AGENT = f"aidledger/{aidledger.__version__} (+https://github.com/aidledger/aidledger)"
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0
DEFAULT_DELAY = 1.0
#: How long a site's robots.txt is trusted (RFC 9309 asks for no more than a day).
ROBOTS_TTL = 24 * 3600.0
#: The largest robots.txt read (RFC 9309 requires at least 500 KiB to be parsed).
ROBOTS_MAX_BYTES = 512 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}
_SCHEMES = {"http", "https"}


class FetchError(Exception):
    """A URL that could not be fetched; ``permanent`` when trying again later cannot help."""

    def __init__(self, reason: str, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


@dataclass(frozen=True)
class Response:
    """What a URL gave: the final URL after redirects, the status, the headers (names lower-cased), the body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes


def refused_address(address: str) -> str | None:
    """Why an IP address is not one to fetch from (loopback, private…), or None for a public one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return f"{address} is a {kind.replace('_', '-')} address"
    return None if ip.is_global else f"{address} is not a public address"


class _GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to addresses :func:`refused_address` accepts."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout=None, local_address=None, socket_options=None):
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(f"cannot resolve {host}: {exc.strerror}") from None
        addresses = [info[4][0] for info in infos]
        if not self.allow_private:
            reasons = [refused_address(a) for a in addresses]
            if any(reasons):
                raise FetchError(f"refused: {next(r for r in reasons if r)} (--allow-private to fetch it)", True)
        return self._sockets.connect_tcp(addresses[0], port, timeout, local_address, socket_options)

    def connect_unix_socket(self, path: str, timeout=None, socket_options=None):
        raise FetchError("unix sockets are not fetched", True)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class _Site:
    """What the fetcher knows of one host: its robots.txt and when it was last asked for anything."""

    robots: urllib.robotparser.RobotFileParser | None = None
    robots_read: float = float("-inf")
    last_request: float = float("-inf")


@dataclass
class Fetcher:
    """GETs URLs under the rules of the module; one per run, so it remembers hosts' delays and robots.txt."""

    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    delay: float = DEFAULT_DELAY
    user_agent: str = USER_AGENT
    _sites: dict[str, _Site] = field(default_factory=dict, init=False)
    _pool: httpcore.ConnectionPool = field(init=False)

    def __post_init__(self) -> None:
        self._pool = httpcore.ConnectionPool(network_backend=_GuardedBackend(self.allow_private), retries=0)

    def close(self) -> None:
        self._pool.close()

    def get(self, url: str, headers: Iterable[tuple[str, str]] = (), max_bytes: int | None = None) -> Response:
        """The final response for ``url`` (a 304 included), following redirects; raises FetchError."""
        return self._follow(url, tuple(headers), max_bytes or self.max_bytes, obey_robots=True)

    def _follow(self, url: str, headers: tuple, max_bytes: int, obey_robots: bool) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            self._check_url(url)
            if obey_robots and not self.allowed(url):
                raise FetchError(f"disallowed by {_origin(url)}/robots.txt", True)
            response = self._request(url, headers, max_bytes)
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return response
            url = urljoin(url, location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", True)

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this user agent fetch ``url``."""
        robots = self._robots(url)
        return robots is None or robots.can_fetch(self.user_agent, url)

    def _robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules, read at most once a day; None when the site has no robots.txt."""
        site = self._site(url)
        if time.monotonic() - site.robots_read < ROBOTS_TTL:
            return site.robots
        robots = urllib.robotparser.RobotFileParser()
        try:
            response = self._follow(f"{_origin(url)}/robots.txt", (), ROBOTS_MAX_BYTES, obey_robots=False)
            status, body = response.status, response.body
        except FetchError as exc:
            if exc.permanent:
                raise
            status, body = 503, b""
        if 200 <= status < 300:
            robots.parse(body.decode("utf-8", "replace").splitlines())
        elif 400 <= status < 500:
            robots = None  # no rules: everything is allowed
        else:  # unreachable or failing: nothing is allowed, for now
            robots.disallow_all = True
            site.robots, site.robots_read = robots, time.monotonic() - ROBOTS_TTL + 600
            return robots
        site.robots, site.robots_read = robots, time.monotonic()
        return robots

    def _site(self, url: str) -> _Site:
        return self._sites.setdefault(_origin(url), _Site())

    def _wait_turn(self, url: str) -> None:
        """Sleep until ``delay`` (or the site's Crawl-delay) has passed since the last request to its host."""
        site = self._site(url)
        delay = self.delay
        if site.robots is not None:
            delay = max(delay, float(site.robots.crawl_delay(self.user_agent) or 0))
        wait = site.last_request + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        site.last_request = time.monotonic()

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in _SCHEMES or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url[:200]}", True)

    def _request(self, url: str, headers: Iterable[tuple[str, str]], max_bytes: int) -> Response:
        """One GET, no redirects followed, within the time and size limits."""
        self._check_url(url)
        self._wait_turn(url)
        deadline = time.monotonic() + self.timeout
        sent = [("User-Agent", self.user_agent), ("Accept-Encoding", "gzip, deflate"), *headers]
        timeouts = {"connect": self.timeout, "read": self.timeout, "write": self.timeout, "pool": self.timeout}
        try:
            with self._pool.stream("GET", url, headers=sent, extensions={"timeout": timeouts}) as response:
                received = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
                body = _read_body(response, received, max_bytes, deadline)
                return Response(url, response.status, received, body)
        except FetchError:
            raise
        except httpcore.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except (httpcore.UnsupportedProtocol, httpcore.LocalProtocolError) as exc:
            raise FetchError(f"cannot fetch {url[:200]}: {exc}", True) from None
        except (httpcore.NetworkError, httpcore.RemoteProtocolError, OSError) as exc:
            raise FetchError(f"network error: {type(exc).__name__}: {_first_line(exc)}") from None


def _read_body(response, headers: dict[str, str], max_bytes: int, deadline: float) -> bytes:
    """The decompressed body, refused past ``max_bytes`` or past the deadline."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"body of {declared} bytes is larger than the limit of {max_bytes}", True)
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate", ""):
        raise FetchError(f"unsupported content encoding {encoding!r}", True)
    inflate = zlib.decompressobj(47) if encoding not in ("identity", "") else None  # 47: gzip or zlib header
    body = bytearray()
    for chunk in response.iter_stream():
        if time.monotonic() > deadline:
            raise FetchError("the server sent too slowly: over the time limit")
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - len(body))
            except zlib.error:
                raise FetchError(f"broken {encoding} body", True) from None
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"body larger than the limit of {max_bytes} bytes", True)
    return bytes(body)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
