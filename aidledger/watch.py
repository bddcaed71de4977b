"""Following live feeds: poll RSS/Atom feeds, fetch each new article's page, extract it and store it.

One poll reads every feed with a conditional GET (a feed that has not changed
answers 304 and costs nothing), collects the links not seen before
(:class:`~aidledger.ledger.watchstate.WatchState`), fetches each page through
the :class:`~aidledger.ingest.fetch.Fetcher` (robots.txt, per-host delay,
time, size and redirect limits, public addresses only), takes its main text
with trafilatura and ingests it into the ledger: triage first, so that the
articles about anything but aid cost a keyword scan, and the focused pipeline
for the others. What became of each link is recorded as soon as it is known;
a feed's new validators are recorded once all its links are, so a run
stopped half-way (Ctrl-C, a crash) fetches again only what it had not
finished.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aidledger.ingest.errors import Unreadable, checked_document
from aidledger.ingest.feeds import Entry, feed_entries
from aidledger.ingest.fetch import Fetcher, FetchError, Response
from aidledger.ingest.html import extract_article
from aidledger.ledger.ingest import Extractor, IngestSummary, ingest
from aidledger.ledger.store import Ledger
from aidledger.ledger.watchstate import Validators, WatchState
from aidledger.schema import Document

#: The largest feed read: a feed of a few hundred entries with their summaries.
FEED_MAX_BYTES = 10_000_000
#: HTTP statuses that may pass (asked again on a later poll); any other failure is for good.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


_DURATION = re.compile(r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s?)?")


def interval_seconds(text: str) -> float:
    """Seconds in "15m", "1h30m", "90s" or "90"; ValueError for anything else, or for no time at all."""
    match = _DURATION.fullmatch(text.strip().lower())
    if match is None or not any(match.groups()):
        raise ValueError(f"{text!r} is not a duration such as 15m, 1h, 90s")
    hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise ValueError("the interval must be more than zero")
    return total


def read_feed_list(path: Path) -> tuple[list[str], list[str]]:
    """The feed URLs of a list (one per line; blank lines and ``#`` comments skipped), and one error line
    for each line that is not an http(s) URL."""
    urls, errors = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if re.match(r"https?://[^\s/]+", line) and " " not in line:
            urls.append(line)
        else:
            errors.append(f"{path}:{number}: not an http(s) URL: {line[:200]}")
    return list(dict.fromkeys(urls)), errors


@dataclass
class PollSummary:
    """What one poll did: feeds read, changed or not, failed; links new; articles stored, triaged out,
    already in the ledger, failed; and the one-line failures."""

    feeds: int = 0
    not_modified: int = 0
    new_links: int = 0
    ingest: IngestSummary = field(default_factory=IngestSummary)
    failures: list[str] = field(default_factory=list)

    def add(self, result: IngestSummary) -> None:
        """Count in what ingesting one article did."""
        for name in ("read", "unchanged", "stored", "triaged_out", "new_mentions", "new_packages"):
            setattr(self.ingest, name, getattr(self.ingest, name) + getattr(result, name))
        self.ingest.warnings += result.warnings
        self.failures += result.failures

    def line(self) -> str:
        i = self.ingest
        return (
            f"feeds {self.feeds} (not modified {self.not_modified}), new links {self.new_links}: stored {i.stored}, "
            f"triaged out {i.triaged_out}, unchanged {i.unchanged}, failed {len(self.failures)}; "
            f"new mentions {i.new_mentions}, new packages {i.new_packages}"
        )


@dataclass(frozen=True)
class _FeedRead:
    """A feed that answered with entries: the validators to record once its links are done, and the links."""

    url: str
    validators: Validators
    entries: list[Entry]


class Watcher:
    """Polls feeds into a ledger (see the module); ``extractor`` as for :func:`aidledger.ledger.ingest.ingest`."""

    def __init__(self, ledger: Ledger, fetcher: Fetcher, extractor: Extractor, lang: str | None = None) -> None:
        self.ledger, self.fetcher, self.extractor, self.lang = ledger, fetcher, extractor, lang
        self.state = WatchState(ledger)

    def poll(
        self,
        feeds: list[str],
        on_links: Callable[[PollSummary, int], None] = lambda summary, n: None,
        on_link: Callable[[PollSummary], None] = lambda summary: None,
    ) -> PollSummary:
        """Poll every feed once. ``on_links`` hears, once the feeds are read, how many links are to be
        fetched; ``on_link`` hears of each one done."""
        summary = PollSummary(feeds=len(feeds))
        read = [feed for feed in (self._read_feed(url, summary) for url in feeds) if feed is not None]
        on_links(summary, sum(len(feed.entries) for feed in read))
        for feed in read:
            for entry in feed.entries:
                self._take(feed.url, entry, summary)
                on_link(summary)
            self.state.polled(feed.url, "200", feed.validators)
        return summary

    def _read_feed(self, url: str, summary: PollSummary) -> _FeedRead | None:
        """The feed's entries not seen before; None when it has not changed or could not be read."""
        try:
            response = self.fetcher.get(url, self.state.validators(url).headers(), max_bytes=FEED_MAX_BYTES)
            if response.status == 304:
                summary.not_modified += 1
                self.state.polled(url, "304")
                return None
            _check_status(response)
            entries = feed_entries(response.body, response.url)
        except (FetchError, Unreadable) as exc:
            summary.failures.append(f"{url}: {exc}")
            self.state.polled(url, f"failed: {exc}")
            return None
        wanted = set(self.state.wanted([entry.key for entry in entries]))
        fresh = list({entry.key: entry for entry in entries if entry.key in wanted}.values())
        summary.new_links += len(fresh)
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        return _FeedRead(url, validators, fresh)

    def _take(self, feed_url: str, entry: Entry, summary: PollSummary) -> None:
        """Fetch, extract and store one entry's article, and record what became of it."""
        try:
            document = self._document(feed_url, entry)
        except (FetchError, Unreadable) as exc:
            summary.failures.append(f"{entry.key}: {exc}")
            self.state.record(feed_url, entry.key, f"failed: {exc}", done=getattr(exc, "permanent", True))
            return
        result = ingest(self.ledger, [document], self.extractor)
        summary.add(result)
        self.state.record(feed_url, entry.key, _outcome(result), done=True)

    def _document(self, feed_url: str, entry: Entry) -> Document:
        """The entry's article as a Document: its page's main text, or the entry's own text without a link."""
        if entry.link is None:
            return checked_document(
                id=entry.key, text=entry.text, published=entry.published, lang=self.lang or entry.lang,
                title=entry.title, source=feed_url,
            )
        response = self.fetcher.get(entry.link)
        _check_status(response)
        article = extract_article(response.body, response.url)
        return checked_document(
            id=entry.link,
            text=article.text,
            url=article.url or response.url,
            published=article.published or entry.published,
            lang=self.lang or article.lang or entry.lang,
            title=article.title or entry.title,
            source=feed_url,
        )


def _check_status(response: Response) -> None:
    if response.status != 200:
        raise FetchError(f"HTTP {response.status}", permanent=response.status not in TRANSIENT_STATUSES)


def _outcome(result: IngestSummary) -> str:
    """What ingesting one article did, in a word (or the failure)."""
    if result.failures:
        return f"failed: {result.failures[0]}"
    return "stored" if result.stored else "triaged out" if result.triaged_out else "unchanged"
