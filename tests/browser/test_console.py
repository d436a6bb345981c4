"""The web console in real Chromium against a real `reimburse serve`, auth on, signed in as a reviewer.

The flow a reviewer follows: paste a token, upload a policy and a ZIP and watch the cards arrive,
open the review queue, open an invoice beside its original, adjust it, see the queue shrink,
export the CSV with the adjusted amount, and ask the chat, whose source links open invoice pages.
Along the way: nothing is fetched from outside the service, no CSP violation, no script error,
a hostile file name is shown as text, and the token lives in sessionStorage, never a cookie.
Screenshots of every page (laptop and phone width) are taken; UPDATE_SCREENSHOTS=1 writes them to
docs/screenshots/, shown in the README.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from reimburse.adapters.jwt.token_service import JwtTokenService
from reimburse.domain.access import Role
from tests.server_process import ServerProcess, start_server, wait_ready

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# Debian's chromium, never a browser of Playwright's own (nothing is downloaded); quiet and offline
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SECRET = "console-browser-test-secret-key-0123456789abcdef"
HOSTILE = "<img src=x onerror=window.pwned=1>.pdf"
LAPTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}


def _chromium() -> str:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)")
    pytest.skip(f"chromium is not installed ({CHROMIUM}); apt-get install chromium")


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServerProcess]]:
    """Two servers, booted side by side: auth on (the flow) and auth off (the console opens directly)."""
    root = tmp_path_factory.mktemp("console")
    procs = {
        "secured": ServerProcess(
            root / "secured" / "data", AUTH_ENABLED="true", SECRET_KEY=SECRET, RATE_LIMIT_PER_MINUTE="100000"
        ),
        "open": ServerProcess(root / "open" / "data", AUTH_ENABLED="false", RATE_LIMIT_PER_MINUTE="100000"),
    }
    try:
        for proc in procs.values():
            proc.data_dir.parent.mkdir(parents=True, exist_ok=True)
            proc.process = start_server(proc.data_dir, proc.port, proc.output, **proc.env)
        for proc in procs.values():
            wait_ready(proc.base, proc.process, 60, proc.output)
        yield procs
    finally:
        for proc in procs.values():  # both told at once, then each waited for
            if proc.process is not None and proc.process.poll() is None:
                proc.process.terminate()
        for proc in procs.values():
            proc.stop()


@pytest.fixture(scope="module")
def server(servers: dict[str, ServerProcess]) -> ServerProcess:
    return servers["secured"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# some of the bundled examples (keeps the test short): every status, several review flags, and
# files that cannot be read
PICKED = (
    "meal-01-spice-route.pdf",
    "meal-02-the-brew-house.pdf",
    "meal-06-cafe-de-kroon-amsterdam.pdf",
    "cab-05-meru-other-rider.pdf",
    "cab-06-namma-yatri-late.pdf",
    "hotel-01-lemon-tree.pdf",
    "electronics-croma-laptop.pdf",
    "scan-fuel-receipt.pdf",
    "corrupt-invoice.pdf",
)


def _invoices_zip(target: Path) -> Path:
    """Some bundled examples plus a copy of one under a file name that is HTML: it must stay text
    (and, being the same file twice, it is flagged as a duplicate for review)."""
    with zipfile.ZipFile(EXAMPLES / "invoices.zip") as src, zipfile.ZipFile(target, "w") as out:
        for name in PICKED:
            out.writestr(name, src.read(name))
        out.writestr(HOSTILE, src.read("meal-01-spice-route.pdf"))
    return target


class Watch:
    """Everything a page did that it must not: requests leaving the service, errors, CSP reports."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.problems: list[str] = []

    def attach(self, page: Any) -> Any:
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" and "Content Security Policy" in m.text
                else None
            ),
        )
        page.on("request", self._request)
        return page

    def _request(self, request: Any) -> None:
        # chrome-extension:// is Chromium's own PDF viewer, inside the browser, not the network
        local = (self.base + "/", "blob:", "data:", "about:", "chrome-extension://", "chrome://")
        if not request.url.startswith(local):
            self.problems.append(f"request outside the service: {request.url}")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/screenshots/ when asked (UPDATE_SCREENSHOTS=1), else a temporary directory: every run
    takes them, but only a deliberate one rewrites the README's images."""
    return SHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path_factory.mktemp("screenshots")


def _shoot(page: Any, shots: Path, name: str, settle: bool = False, full: bool = False) -> None:
    if settle and shots == SHOTS:
        page.wait_for_timeout(2000)  # the PDF viewer paints out of process; for the README's image only
    page.screenshot(path=str(shots / f"{name}.png"), full_page=full)


def _sign_in(page: Any, url: str, token: str) -> None:
    page.goto(url)  # sessionStorage is per tab: a new tab signs in again
    page.wait_for_selector("#signin")
    page.fill("#token", token)
    page.click("#signin button[type=submit]")


def _queue_total(page: Any) -> int:
    page.wait_for_selector("#queue-count")
    return int(page.get_attribute("#queue-count", "data-total"))


def test_console_reviewer_flow(browser: Any, server: ServerProcess, shots: Path, tmp_path: Path) -> None:
    # browser first: without chromium the test is skipped before a server is started for nothing
    base = server.base
    headers = httpx.get(f"{base}/").headers
    csp = headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "style-src 'self'" in csp

    token = JwtTokenService(SECRET).mint("Lead Reviewer", Role.REVIEWER, timedelta(hours=1))
    watch = Watch(base)
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    page = watch.attach(context.new_page())

    # sign in by pasting the token; it is kept in sessionStorage, never in a cookie
    page.goto(f"{base}/")
    page.wait_for_selector("#signin")
    _shoot(page, shots, "sign-in")
    page.fill(
        "#token", JwtTokenService("another-secret-" + SECRET).mint("Mallory", Role.ADMIN, timedelta(hours=1))
    )
    page.click("#signin button[type=submit]")
    page.wait_for_selector("#signin >> text=not accepted")
    assert page.evaluate("sessionStorage.length") == 0
    page.fill("#token", token)
    page.click("#signin button[type=submit]")
    page.wait_for_selector("#upload")
    assert page.text_content("#whoami") == "Lead Reviewer · reviewer"
    assert page.evaluate("sessionStorage.getItem('reimburse.token')") == token
    assert context.cookies() == []

    # upload: the cards arrive from the SSE stream, one per invoice
    page.fill("#employee_name", "Rani Sharma")
    page.fill("#submitted_on", "2024-12-31")
    page.set_input_files("#policy_file", str(EXAMPLES / "policy.pdf"))
    page.set_input_files("#invoices_zip", str(_invoices_zip(tmp_path / "invoices.zip")))
    page.click("#analyse")
    page.wait_for_selector("#cards .card")  # before the stream is done, typically
    page.wait_for_selector("#done", timeout=90_000)
    judged = page.locator("#cards .card[data-invoice-id]")
    failed = page.locator("#cards .card.failed")
    summary = page.text_content("#done") or ""
    assert f"{judged.count()} processed, {failed.count()} could not be read" in summary
    assert judged.count() == len(PICKED) - 1 and failed.count() == 2
    # the renamed copy is the same document, so it is stored once: one CSV row per stored invoice
    stored = page.evaluate(
        "new Set([...document.querySelectorAll('#cards .card[data-invoice-id]')].map(c => c.dataset.invoiceId)).size"
    )
    hostile = page.locator("#cards .card-title", has_text=HOSTILE)
    assert hostile.count() == 1 and page.evaluate("window.pwned") is None
    assert page.locator("#cards img").count() == 0  # the name was not parsed as HTML
    first = page.locator("#cards .card[data-invoice-id]").first
    assert first.locator(".badge").count() >= 1 and first.locator(".amounts").text_content()
    assert page.locator("#cards .clauses").count() >= 1 and page.locator("#cards .flag").count() >= 1
    page.evaluate("window.scrollTo(0, 0)")
    _shoot(page, shots, "analyse")

    # the queue: flagged and undecided, oldest first
    page.click("#nav a[data-route=queue]")
    waiting = _queue_total(page)
    assert waiting >= 1
    _shoot(page, shots, "review-queue")

    # one invoice: its original beside the fields, verdict, rules, history; adjust it
    page.locator("table.list tbody tr a").first.click()
    page.wait_for_selector("#decision")
    invoice_id = page.url.rsplit("/", 1)[1]
    page.wait_for_selector("#document iframe, #document img")
    page.wait_for_selector("#history li")
    assert page.locator("#history li").first.text_content().find("analysed") >= 0
    total = Decimal(page.get_attribute("#amount", "max") or "0")
    adjusted = (total / 3).quantize(Decimal("0.01"))

    # a second reviewer's tab, at phone width, loads the same invoice before the decision
    phone = watch.attach(context.new_page())
    phone.set_viewport_size(PHONE)
    _sign_in(phone, f"{base}/#/invoice/{invoice_id}", token)
    phone.wait_for_selector("#decision")
    phone.wait_for_selector("#history li")
    _shoot(phone, shots, "phone-invoice", settle=True)

    page.check("#decision input[value=adjust]")
    page.fill("#amount", str(adjusted))
    page.fill("#note", "Only the working lunch is business; the rest is personal.")
    page.click("#decision button[type=submit]")
    page.wait_for_selector("text=Decision recorded.")
    page.wait_for_selector("#history li >> text=reviewed")
    assert page.locator(".decided-box").text_content().startswith("adjust by Lead Reviewer")
    page.evaluate("window.scrollTo(0, 0)")
    _shoot(page, shots, "invoice", settle=True, full=True)

    # the other tab decides on what it saw: 409, and it shows the invoice as it now is
    phone.check("#decision input[value=reject]")
    phone.fill("#note", "Personal expense.")
    phone.click("#decision button[type=submit]")
    phone.wait_for_selector("text=Someone changed this invoice")
    assert phone.locator(".decided-box").text_content().startswith("adjust by Lead Reviewer")

    # the queue shrinks by the decided invoice
    page.click("#nav a[data-route=queue]")
    assert _queue_total(page) == waiting - 1
    assert page.locator(f"tr[data-invoice-id='{invoice_id}']").count() == 0

    # the export carries the decided amount
    with page.expect_download() as download:
        page.click("#export")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["invoice_id"] == invoice_id)
    assert Decimal(row["final_amount"]) == adjusted and row["reviewer"] == "Lead Reviewer"
    assert len(rows) == stored

    # batches: counts and sums per status, decisions applied; the policies seen
    page.click("#nav a[data-route=batches]")
    page.wait_for_selector("table.batches tbody tr")
    assert page.locator("table.batches tbody tr").count() == 1
    assert "1 decided" in (page.text_content("table.batches tbody tr") or "")
    _shoot(page, shots, "batches")
    page.click("table.list:not(.batches) tbody a")  # the policy, clause by clause
    page.wait_for_selector("table.rules-table tbody tr")
    assert page.locator("table.rules-table q").count() >= 5

    # chat: a streamed markdown answer whose sources open invoice pages
    page.click("#nav a[data-route=chat]")
    page.fill("#question", "List Rani Sharma's meal invoices")
    page.click("#chat-form button[type=submit]")
    page.wait_for_selector(".bubble.assistant.done", timeout=30_000)
    answer = page.locator(".bubble.assistant").last
    assert answer.locator(".bubble-body strong").count() >= 1  # markdown became elements
    assert answer.locator(".bubble-body table tbody tr").count() >= 1
    # the HTML file name, in a table cell of a streamed answer, is still text
    assert HOSTILE in (answer.locator(".bubble-body").text_content() or "")
    assert answer.locator("img").count() == 0 and page.evaluate("window.pwned") is None
    links = answer.locator(".sources a.source")
    assert links.count() >= 1
    _shoot(page, shots, "chat")
    source_name = links.first.text_content() or ""
    links.first.click()
    page.wait_for_selector("#decision, .details")
    assert (page.text_content("h1") or "") in source_name

    # the queue at phone width
    phone.click("#nav a[data-route=queue]")
    _queue_total(phone)
    _shoot(phone, shots, "phone-review-queue")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the queue scrolls sideways at phone width ({width}px)"
    assert phone.evaluate(
        "[...document.querySelectorAll('.table-wrap')].every(t => t.scrollWidth <= t.clientWidth + 1)"
    ), "the queue's table scrolls sideways at phone width"

    # an employee: no queue, no decision controls, their own invoice and its original
    employee = watch.attach(context.new_page())
    rani = JwtTokenService(SECRET).mint("Rani Sharma", Role.EMPLOYEE, timedelta(hours=1))
    _sign_in(employee, f"{base}/#/invoice/{invoice_id}", rani)
    employee.wait_for_selector("#document iframe, #document img")
    employee.wait_for_function("!document.querySelector('#history').textContent.includes('Loading')")
    assert employee.locator("#decision").count() == 0
    assert (
        employee.locator("#nav a[data-route=queue]").is_hidden() and employee.locator("#export").is_hidden()
    )

    # signing out forgets the token
    employee.click("#signout")
    employee.wait_for_selector("#signin")
    assert employee.evaluate("sessionStorage.length") == 0 and context.cookies() == []

    assert watch.problems == []
    context.close()


def test_console_opens_directly_with_auth_off(browser: Any, servers: dict[str, ServerProcess]) -> None:
    base = servers["open"].base
    watch = Watch(base)
    context = browser.new_context(viewport=LAPTOP)
    page = watch.attach(context.new_page())
    page.goto(f"{base}/")
    page.wait_for_selector("#upload")  # no sign-in step
    assert page.locator("#signin").count() == 0 and page.locator("#signout").is_hidden()
    assert page.text_content("#whoami") == "auth off · admin"
    assert page.locator("#nav a[data-route=queue]").is_visible() and page.locator("#export").is_visible()
    page.click("#nav a[data-route=queue]")
    assert _queue_total(page) == 0
    assert page.evaluate("sessionStorage.length") == 0 and context.cookies() == []
    assert watch.problems == []
    context.close()
