"""``aidledger watch`` end to end against a news site on 127.0.0.1: feeds and pages good, slow, broken,
huge, redirecting and forbidden; conditional GETs; links fetched once across runs; loopback refused unless
allowed."""

from __future__ import annotations

import gzip
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.ingest.fetch import Fetcher, FetchError, refused_address
from aidledger.watch import interval_seconds

AID_EN = (
    "Canada will provide 40 million Canadian dollars in humanitarian aid to Sudan, the international development "
    "minister, Ahmed Hussen, announced on Tuesday in Ottawa. The money will go to food, clean water and shelter for "
    "families displaced by the fighting, and part of it will be channelled through the World Food Programme."
)
AID_FR = (
    "Le gouvernement suédois a annoncé jeudi une aide militaire de 1,5 milliard de couronnes à l'Ukraine. Le "
    "paquet comprend des véhicules blindés, des munitions d'artillerie et des équipements de communication. La "
    "ministre a indiqué que les premières livraisons arriveraient avant la fin du mois."
)
WEATHER = (
    "Heavy rain flooded several roads overnight and delayed trains across the region. Forecasters expect the "
    "storm to move north by Thursday, and residents were advised to stay indoors during the worst of the wind. "
    "Emergency crews cleared most of the fallen trees by the morning."
)


def page(body: str, lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>News</title></head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>News</h1><p>{body}</p></article>"
        "<footer>© 2025 The Test Gazette</footer></body></html>"
    ).encode()


def feed(base: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}{link}</link><guid>{base}{link}</guid>"
        f"<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>"
        for i, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'.encode()


class Site:
    """A news site on 127.0.0.1: routes to handlers, and a log of every request it was sent."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.log: list[tuple[str, dict[str, str], float]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.log.append((self.path, dict(self.headers), time.monotonic()))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                else:
                    try:
                        route(self)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def requests(self, path: str) -> list[dict[str, str]]:
        return [headers for logged, headers, _ in self.log if logged == path]

    def pages_since(self, start: int) -> list[str]:
        """The paths asked for since the ``start``-th request, robots.txt (read once per run) aside."""
        return [path for path, _, _ in self.log[start:] if path != "/robots.txt"]


def send(body: bytes, status: int = 200, content_type: str = "text/html; charset=utf-8", **headers: str):
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return route


def drip(handler: BaseHTTPRequestHandler) -> None:
    """A page that comes a byte at a time, forever."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(600):
        handler.wfile.write(b"<")
        handler.wfile.flush()
        time.sleep(0.05)


def endless(handler: BaseHTTPRequestHandler) -> None:
    """A page with no length that never ends."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(400):
        handler.wfile.write(b"<p>" + b"a" * 8192 + b"</p>")


def conditional(body: bytes, etag: str) -> Callable[[BaseHTTPRequestHandler], None]:
    """A feed that answers 304 to a GET that already has its ETag."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.end_headers()
        else:
            send(body, content_type="application/rss+xml", ETag=etag, Last_Modified=formatdate(usegmt=True))(handler)

    return route


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture
def news(site: Site) -> Site:
    """The site with its feed: two aid articles (one behind a redirect), a weather story, and pages that are
    slow, endless, a gzip bomb, not HTML, missing, forbidden by robots.txt, and a redirect loop."""
    links = ["/aid-en", "/moved", "/weather", "/slow", "/endless", "/bomb", "/binary", "/gone", "/private/memo", "/loop"]
    site.routes.update(
        {
            "/robots.txt": send(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
            "/feed.xml": conditional(feed(site.base, links), etag='"v1"'),
            "/aid-en": send(page(AID_EN)),
            "/moved": send(b"", status=302, Location="/aid-fr"),
            "/aid-fr": send(page(AID_FR, "fr")),
            "/weather": send(page(WEATHER)),
            "/slow": drip,
            "/endless": endless,
            "/bomb": send(gzip.compress(b"\0" * 30_000_000), Content_Encoding="gzip"),
            "/binary": send(bytes(range(256)) * 64, content_type="application/octet-stream"),
            "/private/memo": send(page(AID_EN)),
            "/loop": send(b"", status=302, Location="/loop"),
        }
    )
    return site


def watch(tmp_path: Path, *feeds: str, extra: tuple[str, ...] = ("--allow-private",)) -> tuple[int, str]:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# our test site\n" + "\n".join(feeds) + "\n", encoding="utf-8")
    _register()
    options = ["--once", "--db", str(tmp_path / "ledger.db"), "--delay", "0", "--fetch-timeout", "2"]
    result = CliRunner().invoke(app, ["watch", str(listing), *options, "--max-bytes", "500000", *extra])
    return result.exit_code, result.output


def entries(tmp_path: Path) -> dict[str, str]:
    with sqlite3.connect(tmp_path / "ledger.db") as db:
        return {url.rsplit("/", 1)[-1]: outcome for url, outcome in db.execute("SELECT url, outcome FROM watched_entries")}


def test_a_poll_stores_aid_articles_and_names_every_page_it_could_not_take(news: Site, tmp_path: Path) -> None:
    code, output = watch(tmp_path, f"{news.base}/feed.xml")
    outcomes = entries(tmp_path)
    assert outcomes["aid-en"] == "stored" and outcomes["moved"] == "stored"
    assert outcomes["weather"] == "triaged out"
    assert "too slowly" in outcomes["slow"]
    assert "larger than the limit" in outcomes["endless"] and "larger than the limit" in outcomes["bomb"]
    assert "no article text" in outcomes["binary"] or "not an HTML page" in outcomes["binary"]
    assert "HTTP 404" in outcomes["gone"]
    assert "robots.txt" in outcomes["memo"] and news.requests("/private/memo") == []
    assert "more than 5 redirects" in outcomes["loop"]
    with sqlite3.connect(tmp_path / "ledger.db") as db:
        stored = dict(db.execute("SELECT url, n_commitments FROM articles"))
    assert stored == {f"{news.base}/aid-en": 1, f"{news.base}/aid-fr": 1}
    assert code == 1 and "stored 2, triaged out 1" in output and "/slow:" in output


def test_a_second_poll_asks_with_the_etag_and_fetches_no_page_again(news: Site, tmp_path: Path) -> None:
    watch(tmp_path, f"{news.base}/feed.xml")
    fetched = len(news.log)
    code, output = watch(tmp_path, f"{news.base}/feed.xml")
    assert news.requests("/feed.xml")[-1].get("If-None-Match") == '"v1"'
    assert news.pages_since(fetched) == ["/feed.xml"]
    assert "not modified 1" in output and code == 0


def test_a_changed_feed_brings_only_its_new_link(news: Site, tmp_path: Path) -> None:
    news.routes["/feed.xml"] = conditional(feed(news.base, ["/aid-en", "/weather"]), etag='"v1"')
    watch(tmp_path, f"{news.base}/feed.xml")
    news.routes["/feed.xml"] = conditional(feed(news.base, ["/aid-en", "/weather", "/moved"]), etag='"v2"')
    fetched = len(news.log)
    watch(tmp_path, f"{news.base}/feed.xml")
    assert news.pages_since(fetched) == ["/feed.xml", "/moved", "/aid-fr"]
    assert entries(tmp_path)["moved"] == "stored"


def test_a_failure_that_can_pass_is_tried_again_and_no_more_than_three_times(news: Site, tmp_path: Path) -> None:
    news.routes["/feed.xml"] = send(feed(news.base, ["/busy"]), content_type="application/rss+xml")
    news.routes["/busy"] = send(b"try later", status=503)
    for _ in range(4):
        watch(tmp_path, f"{news.base}/feed.xml")
    assert len(news.requests("/busy")) == 3
    assert entries(tmp_path)["busy"] == "failed: HTTP 503"


def test_loopback_is_refused_without_allow_private(news: Site, tmp_path: Path) -> None:
    code, output = watch(tmp_path, f"{news.base}/feed.xml", extra=())
    assert news.log == []
    assert "127.0.0.1 is a loopback address" in output and code == 1


def test_only_http_urls_are_read_from_the_feed_list(news: Site, tmp_path: Path) -> None:
    _, output = watch(tmp_path, "file:///etc/passwd", f"{news.base}/feed.xml")
    assert "feeds.txt:2: not an http(s) URL" in output
    assert entries(tmp_path)["aid-en"] == "stored"


def test_a_host_is_asked_again_only_after_the_delay(news: Site) -> None:
    fetcher = Fetcher(allow_private=True, delay=0.3)
    fetcher.get(f"{news.base}/weather")
    fetcher.get(f"{news.base}/aid-en")
    times = [at for path, _, at in news.log if path in ("/weather", "/aid-en")]
    assert times[1] - times[0] >= 0.3 - 0.02  # timed on arrival, and the first may have travelled longer


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.7", "169.254.169.254", "::1", "fd00::1", "::ffff:10.0.0.1", "0.0.0.0"]
)
def test_addresses_on_this_machine_or_network_are_refused(address: str) -> None:
    assert refused_address(address)


def test_a_public_address_is_fetched_from() -> None:
    assert refused_address("93.184.216.34") is None


def test_other_schemes_are_never_fetched() -> None:
    with pytest.raises(FetchError, match="not an http"):
        Fetcher().get("file:///etc/passwd")


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h30m", 5400), ("90s", 90), ("45", 45)])
def test_poll_intervals_read_as_people_write_them(text: str, seconds: float) -> None:
    assert interval_seconds(text) == seconds


@pytest.mark.parametrize("text", ["soon", "0m", "15 minutes", ""])
def test_an_interval_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        interval_seconds(text)
