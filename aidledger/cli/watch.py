"""``aidledger watch``: follow RSS/Atom feeds and store the aid commitments of each new article."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import typer

import aidledger
from aidledger.cli import app
from aidledger.cli.ledger import DB_HELP, _open
from aidledger.cli.options import AMOUNT_RANGE, FOCUS_HELP, LANG, TIMEOUT, TRIAGE_HELP, limits, parse_lang
from aidledger.cli.output import NewMessages, err, error, progress_bar
from aidledger.ingest.fetch import DEFAULT_DELAY, DEFAULT_TIMEOUT, Fetcher
from aidledger.limits import DEFAULT_MAX_BYTES
from aidledger.watch import PollSummary, Watcher, interval_seconds, read_feed_list

def _interval(value: str) -> float:
    try:
        return interval_seconds(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None


WATCH_EPILOG = (
    "Each feed is read with a conditional GET (ETag, Last-Modified); each article link is fetched once, the "
    "state kept in the ledger across restarts (a fetch that failed for a passing reason is tried again, 3 times "
    "in all). Every request obeys the site's robots.txt, waits --delay after the last one to its host, takes at "
    "most --fetch-timeout seconds and --max-bytes bytes, follows at most 5 redirects, and goes to public http(s) "
    "addresses only unless --allow-private. Stop with Ctrl-C; what was fetched is stored."
)


@app.command("watch", epilog=WATCH_EPILOG)
def watch_command(
    feeds: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="A text file of feed URLs, one per line (# starts a comment line)."
    ),
    every: str = typer.Option("15m", "--every", help="Poll the feeds this often (15m, 1h, 90s)."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron, or a first look)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    lang: str = LANG,
    triage: bool = typer.Option(True, "--triage/--no-triage", help=TRIAGE_HELP.format(what=" nor stored")),
    focus: bool = typer.Option(True, "--focus/--no-focus", help=FOCUS_HELP),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Also fetch from loopback and private addresses (a feed on your own network)."
    ),
    delay: float = typer.Option(DEFAULT_DELAY, min=0, help="Seconds between two requests to one host (or its robots.txt Crawl-delay)."),
    fetch_timeout: float = typer.Option(
        DEFAULT_TIMEOUT, "--fetch-timeout", min=0.1, help="Seconds one request may take in all, however slowly it comes."
    ),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, min=1, help="Skip an article page larger than this many bytes."),
    timeout: float = TIMEOUT,
    amount_range: tuple[float, float] = AMOUNT_RANGE,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no line per poll; errors only."),
) -> None:
    """Follow RSS/Atom feeds: fetch each new article's page and store its aid commitments in the ledger."""
    interval = None if once else _interval(every)
    urls, problems = read_feed_list(feeds)
    for problem in problems:
        error(problem)
    if not urls:
        error(f"{feeds}: no feed URLs")
        raise typer.Exit(code=2)
    extractor = functools.partial(
        aidledger.extract_documents, limits=limits(timeout, amount_range), triage=triage, focused=focus
    )
    fetcher = Fetcher(allow_private=allow_private, timeout=fetch_timeout, max_bytes=max_bytes, delay=delay)
    watcher = Watcher(_open(db), fetcher, extractor, parse_lang(lang))
    failed = bool(problems)
    try:
        while True:
            started = time.monotonic()
            summary = _poll(watcher, urls, quiet)
            failed = failed or bool(summary.failures)
            if interval is None:
                break
            time.sleep(max(0.0, started + interval - time.monotonic()))
    except KeyboardInterrupt:
        err.print("stopped; what was fetched is stored, the rest is fetched next time")
    finally:
        fetcher.close()
    if once and failed:
        raise typer.Exit(code=1)


def _poll(watcher: Watcher, urls: list[str], quiet: bool) -> PollSummary:
    """One poll with a progress bar over the links it fetches; each failure and warning on standard error as
    it happens, and the poll's tally at the end."""
    messages = NewMessages()

    def report(summary: PollSummary) -> None:
        messages(summary.failures, summary.ingest.warnings)

    with progress_bar("fetching", None, quiet) as advance:

        def links(summary: PollSummary, total: int) -> None:
            report(summary)
            advance(0, total=total)

        def link(summary: PollSummary) -> None:
            report(summary)
            advance()

        summary = watcher.poll(urls, on_links=links, on_link=link)
    report(summary)
    if not quiet:
        err.print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {summary.line()}")
    return summary
