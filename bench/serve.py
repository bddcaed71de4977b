"""Latency of the web app on a large ledger: the ledger list and a package page, served on loopback.

Fills a fresh SQLite ledger with ``--packages`` packages (default 10,000) through the ledger's own
storage code: generated articles in English, French and German, most packages reported by one
article and some by two or three, each article with a quote and a few entities, and one package in
twenty corrected by a reviewer. Then starts ``aidledger serve`` on a free loopback port and, for
``--seconds`` per page kind, has ``--clients`` concurrent clients request:

- ledger pages: the first page, filtered by donor, recipient, aid type or date range, sorted by any
  column either way, on random pages;
- package pages: a random package, with its sources' texts and highlighted evidence.

Prints, per page kind, requests, requests/s, p50, p99 and max latency in ms and errors; the target
is p99 < 100 ms for both. ``--db PATH`` keeps (and reuses) the filled ledger.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import func, select

from aidledger.ledger import Ledger, review
from aidledger.ledger.models import Package
from aidledger.ledger.store import store_extraction
from aidledger.schema import Commitment, Document, Entity, Extraction, Quote, Span

DONORS = {  # code: (name, currency)
    "USA": ("The United States", "USD"),
    "DEU": ("Germany", "EUR"),
    "GBR": ("The United Kingdom", "GBP"),
    "FRA": ("France", "EUR"),
    "JPN": ("Japan", "JPY"),
    "CAN": ("Canada", "CAD"),
    "NOR": ("Norway", "NOK"),
    "SWE": ("Sweden", "SEK"),
    "NLD": ("The Netherlands", "EUR"),
    "POL": ("Poland", "PLN"),
    "EU": ("The EU", "EUR"),
    "DNK": ("Denmark", "DKK"),
    "CHE": ("Switzerland", "CHF"),
    "AUS": ("Australia", "AUD"),
    "KOR": ("South Korea", "KRW"),
}
RECIPIENTS = {"UKR": "Ukraine", "SDN": "Sudan", "MDA": "Moldova", "JOR": "Jordan", "SOM": "Somalia", "HTI": "Haiti"}
AID_TYPES = ("military", "financial", "humanitarian")
OUTLETS = ("wire.example.com", "daily.example.org", "journal.example.fr", "zeitung.example.de", "gazette.example.net")
FILLER = (
    "Officials said the decision followed weeks of talks between ministries and partners. "
    "The package is expected to be delivered in several tranches over the coming months. "
    "Analysts noted that the amount was in line with earlier commitments by the same government. "
)
BATCH = 500


def _article(rng: random.Random, number: int, package: int, report: int, day: dt.date) -> tuple[Document, Extraction]:
    """One generated article reporting package ``package`` (report ``report`` of it)."""
    donor = list(DONORS)[package % len(DONORS)]
    name, currency = DONORS[donor]
    recipient = list(RECIPIENTS)[(package // len(DONORS)) % len(RECIPIENTS)]
    aid_type = AID_TYPES[package % len(AID_TYPES)]
    millions = 10 + (package * 7919) % 4000  # distinct enough that different packages never merge
    lead = f"{name} will provide {millions} million {currency} in {aid_type} aid to {RECIPIENTS[recipient]}"
    said = '"We will keep our word," the minister said.'
    text = f"Report {number}\n\n{lead}, the government said. {said} " + FILLER * rng.randint(3, 8)
    published = day + dt.timedelta(days=report)
    quote_start = text.index("We will keep our word")
    outlet = OUTLETS[(number + report) % len(OUTLETS)]
    document = Document(
        id=f"bench-{number}",
        text=text,
        published=published,
        url=f"https://{outlet}/a/{number}",
        lang="en",
        title=f"Report {number}: {name} aid to {RECIPIENTS[recipient]}",
    )
    extraction = Extraction(
        id=document.id,
        lang="en",
        published=published,
        commitments=[
            Commitment(
                donor=donor,
                recipient=recipient,
                amount=millions * 1e6,
                currency=currency,
                aid_type=aid_type,
                stage="announced",
                date=day,
                items=["medical"] if aid_type == "humanitarian" else [],
                evidence=Span(start=text.index(lead), end=text.index(lead) + len(lead), text=lead),
            )
        ],
        quotes=[Quote(speaker="the minister", quote="We will keep our word", start=quote_start, end=quote_start + 21)],
        entities=[
            Entity(
                name=RECIPIENTS[recipient], label="GPE", code=recipient, mentions=[_span(text, RECIPIENTS[recipient])]
            )
        ],
    )
    return document, extraction


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def fill(db: str, packages: int, seed: int = 7) -> int:
    """Store ``packages`` packages (about 1.3 articles each) and correct one in twenty; returns articles stored."""
    rng = random.Random(seed)
    ledger = Ledger(db)
    start = dt.date(2015, 1, 5)
    number = 0
    for first in range(0, packages, BATCH):
        with ledger.sessions.begin() as session:
            for package in range(first, min(first + BATCH, packages)):
                day = start + dt.timedelta(days=(package * 37) % 3650)  # ten years, in no order
                for report in range(rng.choice((1, 1, 1, 2, 3))):
                    store_extraction(session, *_article(rng, number, package, report, day))
                    number += 1
        print(f"  {min(first + BATCH, packages):>6} packages, {number} articles", file=sys.stderr, end="\r")
    with ledger.sessions.begin() as session:
        for package_id in range(1, packages + 1, 20):
            review.correct_package(session, package_id, {"amount": 1e6 * (1 + package_id % 900)}, "bench")
    print(file=sys.stderr)
    return number


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ledger_url(rng: random.Random) -> str:
    sort = rng.choice(["date", "amount_usd", "amount_eur", "donor", "recipient", "stage", "state", "id"])
    order = rng.choice(["asc", "desc"])
    page = rng.choice([1, 1, 1, 2, 5, rng.randint(1, 150)])
    extra = rng.choice(
        [
            "",
            "",
            f"&donor={rng.choice(list(DONORS))}",
            f"&recipient={rng.choice(list(RECIPIENTS))}",
            f"&aid_type={rng.choice(AID_TYPES)}",
            "&since=2019-01-01&until=2019-12-31",
        ]
    )
    return f"/?sort={sort}&order={order}&page={page}{extra}"


def drive(base: str, make_url: Callable[[random.Random], str], seconds: float, clients: int) -> dict:
    """Request ``make_url`` pages from ``clients`` threads for ``seconds``; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                url = make_url(rng)
                began = time.perf_counter()
                response = http.get(url)
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    began = time.monotonic()
    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50": cuts[49],
        "p99": cuts[98],
        "max": max(latencies),
        "errors": errors,
    }


def _serve(path: Path, port: int) -> subprocess.Popen:
    """``aidledger serve`` as a user starts it, in its own process."""
    command = [sys.executable, "-c", "from aidledger.cli import main; main()", "serve", "--db", str(path)]
    return subprocess.Popen([*command, "--port", str(port)], stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=15.0, help="How long each page kind is driven")
    parser.add_argument("--clients", type=int, default=2, help="Concurrent clients")
    parser.add_argument("--db", type=Path, help="Keep the filled ledger here (reused if it exists)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "bench.db"
        if not path.exists():
            began = time.monotonic()
            articles = fill(str(path), args.packages)
            print(f"filled {path}: {args.packages} packages, {articles} articles in {time.monotonic() - began:.0f} s")
        with Ledger(str(path)).sessions() as session:
            packages = session.scalar(select(func.count()).select_from(Package))
        port = _free_port()
        server = _serve(path, port)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base, server)
            drive(base, _ledger_url, 3, 1)  # warm-up: imports, statement caches, SQLite pages
            kinds = {"ledger list": _ledger_url, "package page": lambda rng: f"/packages/{rng.randint(1, packages)}"}
            print(f"{packages} packages, {args.clients} clients, {args.seconds:.0f} s per page kind")
            worst = 0.0
            for kind, make_url in kinds.items():
                result = drive(base, make_url, args.seconds, args.clients)
                worst = max(worst, result["p99"])
                print(
                    f"{kind:13} {result['requests']:6d} requests {result['rps']:7.1f} req/s  p50 {result['p50']:6.1f} ms"
                    f"  p99 {result['p99']:6.1f} ms  max {result['max']:6.1f} ms  errors {result['errors']}"
                )
            print(f"target p99 < 100 ms: {'met' if worst < 100 else 'NOT met'} (worst p99 {worst:.1f} ms)")
        finally:
            server.terminate()
            server.wait(10)


def _wait_for(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/api/packages?per_page=1", timeout=2)
            return
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("aidledger serve did not start") from None
            time.sleep(0.2)


if __name__ == "__main__":
    main()
