"""The web app in a real browser: Debian's Chromium, headless, driven by Playwright, against a live server.

``make test`` installs Chromium (scripts/chromium.sh); Playwright's own browser downloads are never
used. The run saves screenshots of the main pages to docs/screenshots/ (shown in the README).
"""

from __future__ import annotations

import csv
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from aidledger.web import WebSettings, create_app
from tests.web.conftest import PASSWORD, REVIEWER, copy_of
from tests.web.ledger_data import HOSTILE_TEXT

CHROMIUM = Path("/usr/bin/chromium")
#: The flags of a quiet, sandbox-free, offline headless run; Playwright adds a fresh --user-data-dir.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EVIDENCE_COLOUR = "rgb(255, 229, 138)"  # --evidence in style.css


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(template_db, tmp_path_factory) -> Iterator[str]:
    """The app on a copy of the test ledger, served by uvicorn on loopback as `aidledger serve` does."""
    db = copy_of(template_db, tmp_path_factory.mktemp("live") / "web.db")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(WebSettings(db=db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def playwright():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (scripts/chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def _browser(playwright, user_data_dir: Path, **options):
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=str(CHROMIUM),
        headless=True,
        args=FLAGS,
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
        **options,
    )


@pytest.fixture
def page(playwright, tmp_path):
    """A page in a fresh browser profile; fails the test on any console error (a CSP violation is one)."""
    browser = _browser(playwright, tmp_path / "profile")
    errors: list[str] = []
    page = browser.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    browser.close()
    assert errors == []


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def _ledger_rows(page) -> list[list[str]]:
    return [row.locator("td").all_inner_texts() for row in page.locator("table.ledger tbody tr").all()]


def test_a_reviewer_checks_a_package_against_its_evidence_and_corrects_its_amount(page, live_server, tmp_path):
    page.goto(live_server + "/")
    assert len(_ledger_rows(page)) == 5
    _shot(page, "ledger")

    page.fill("input[name=donor]", "USA")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?donor=USA*")
    (row,) = _ledger_rows(page)
    assert row[2:5] == ["USA", "UKR", "325.0 M USD"]

    page.click("table.ledger tbody tr td:first-child a")
    page.wait_for_url("**/packages/*")
    package_url = page.url
    evidence = page.locator("mark.evidence").first
    assert evidence.inner_text() == "The United States will send Ukraine a $325 million package"
    assert evidence.is_visible()
    assert evidence.evaluate("mark => getComputedStyle(mark).backgroundColor") == EVIDENCE_COLOUR
    _shot(page, "package")

    page.click(".review-panel a:has-text('Sign in')")
    page.fill("input[name=name]", REVIEWER)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]:has-text('Sign in')")
    page.wait_for_url(package_url)
    page.click("summary:has-text('Correct the package')")
    page.fill("#correct-package input[name=amount]", "300000000")
    _shot(page, "review")
    page.click("#correct-package button[type=submit]")
    page.wait_for_url("**done=correct")
    assert page.locator(".notice").inner_text() == "Corrected."
    assert page.locator("td[data-field=amount]").inner_text() == "300,000,000"

    page.goto(live_server + "/?donor=USA")
    (row,) = _ledger_rows(page)
    assert (row[4], row[-1]) == ("300.0 M USD", "corrected")

    package_id = package_url.rsplit("/", 1)[1]
    api = page.request.get(f"{live_server}/api/packages/{package_id}").json()
    assert (api["values"]["amount"], api["state"], api["extracted"]["amount"]) == (300e6, "corrected", 325e6)

    with page.expect_download() as download:
        page.click(".exports a:has-text('CSV') >> nth=0")
    saved = tmp_path / "packages.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8") as rows:
        exported = next(r for r in csv.DictReader(rows) if r["package_id"] == package_id)
    assert (exported["amount"], exported["review_state"], exported["reviewed_by"]) == (
        "300000000",
        "corrected",
        REVIEWER,
    )


def test_the_article_and_chart_pages_render_in_the_browser(page, live_server):
    (article,) = page.request.get(f"{live_server}/api/articles?outlet=news.example.com").json()["items"]
    page.goto(f"{live_server}/articles/{article['id']}")
    quoted = "".join(page.locator("#article-text mark.quote").all_inner_texts())  # "Ukraine" inside is an entity
    assert quoted == "This package meets Ukraine\u2019s most urgent needs"
    assert page.locator("#article-text mark.entity-person").all_inner_texts() == ["Lloyd Austin"]
    _shot(page, "article")
    page.goto(f"{live_server}/charts")
    charts = page.locator("figure.chart img")
    assert charts.count() == 2
    assert all(image.evaluate("img => img.complete && img.naturalWidth > 0") for image in charts.all())
    _shot(page, "charts")


def test_an_article_with_hostile_html_executes_nothing_even_without_csp(playwright, live_server, tmp_path):
    browser = _browser(playwright, tmp_path / "profile", bypass_csp=True)  # escaping alone must hold
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    (hostile,) = page.request.get(f"{live_server}/api/packages?donor=NOR").json()["items"]
    article_id = page.request.get(f"{live_server}/api/packages/{hostile['id']}").json()["sources"][0]["id"]
    for url in ("/", "/articles", f"/articles/{article_id}", f"/packages/{hostile['id']}"):
        page.goto(live_server + url)
        for mark in page.locator("mark").all():
            mark.hover()
        for link in page.locator("main a:has-text('details'), main a:has-text('original')").all():
            link.click(no_wait_after=True)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("script").count() == 1 and page.locator("main iframe, main img").count() == 0, url
    page.goto(f"{live_server}/articles/{article_id}")
    assert page.locator("#article-text").inner_text() == HOSTILE_TEXT
    browser.close()
    assert dialogs == []
