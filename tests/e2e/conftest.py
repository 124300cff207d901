"""Browser tests: the real app on 127.0.0.1 with the demo loaded, driven by Debian's Chromium.

One live server (its own throw-away database, the demo loaded once) and one browser serve the whole
session; each test opens its own browser contexts, so cookies never leak from one test to the next.
Screenshots of the key steps land in test-artifacts/e2e/ (git-ignored).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from flask import Flask, got_request_exception
from playwright.sync_api import Browser, BrowserContext, Page, expect
from werkzeug.serving import make_server

from consult import create_app
from consult.demo.loader import DEMO_PASSWORD, load_demo
from consult.extensions import db

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = (390, 1280)

expect.set_options(timeout=15_000)

E2E = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test: `-m "not e2e"` leaves them out."""
    for item in items:
        if E2E in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@dataclass
class LiveServer:
    url: str
    app: Flask
    errors: list[BaseException] = field(default_factory=list)

    @contextmanager
    def database(self):
        """The live app's database, for looking up what the pages do not show (ids, receipts)."""
        with self.app.app_context():
            try:
                yield db.session
            finally:
                db.session.remove()


@contextmanager
def _throwaway_database(tmp_path_factory):
    """A SQLite file, or a fresh database beside CONSULT_TEST_DATABASE_URL's (PostgreSQL in CI)."""
    server_url = os.environ.get("CONSULT_TEST_DATABASE_URL")
    if not server_url:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("e2e") / "e2e.sqlite3")
        return
    import psycopg
    from psycopg import sql

    url = sa.engine.make_url(server_url)
    name = f"consult_e2e_{os.getpid()}"
    maintenance = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app served by werkzeug in a background thread, real forms (CSRF on), digests built in the request."""
    with _throwaway_database(tmp_path_factory) as database_url:
        app = create_app(
            {
                "SECRET_KEY": "e2e-secret",
                "CONTACT_KEYS": (Fernet.generate_key().decode("ascii"),),
                "SQLALCHEMY_DATABASE_URI": database_url,
                "JOBS_INLINE": True,
                "RATELIMIT_ENABLED": False,
                "WTF_CSRF_ENABLED": True,
            }
        )
        with app.app_context():
            db.create_all()
            load_demo()
            db.session.commit()
            db.session.remove()
        server = LiveServer("", app)
        # A view that raises shows the resident a 500 page; the test should fail with the traceback.
        got_request_exception.connect(lambda _sender, exception, **_: server.errors.append(exception), app, weak=False)
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
        httpd = make_server("127.0.0.1", 0, app, threaded=True)
        server.url = f"http://127.0.0.1:{httpd.server_port}"
        thread = threading.Thread(target=httpd.serve_forever, name="e2e-live-server", daemon=True)
        thread.start()
        try:
            yield server
        finally:
            httpd.shutdown()
            httpd.server_close()
            thread.join(timeout=10)
            with app.app_context():
                db.drop_all()
                db.engine.dispose()


@pytest.fixture(autouse=True)
def _no_server_errors(browser, live_server):  # browser first: without Chromium, skip before serving
    live_server.errors.clear()
    yield
    if live_server.errors:
        error = live_server.errors[0]
        raise AssertionError(f"the live server raised {len(live_server.errors)} error(s)") from error


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Chromium not installed: apt-get install chromium"
        if os.environ.get("CONSULT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def width(request) -> int:
    """The journeys run on a phone (390 px) and a desktop (1280 px)."""
    return request.param


def viewport(width: int) -> dict:
    return {"width": width, "height": 844 if width < 600 else 900}


@pytest.fixture
def new_context(browser: Browser, live_server: LiveServer):
    """new_context(width, **options): a fresh browser context (a person on their own device), closed after the test."""
    opened: list[BrowserContext] = []

    def make(width: int = 1280, **options) -> BrowserContext:
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport(width), locale="zh-CN", accept_downloads=True, **options
        )
        context.set_default_timeout(20_000)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def shots(artifacts):
    """shot = shots("resident", 390); shot(page, "receipt") saves resident-390-receipt.png."""

    def for_journey(journey: str, width: int):
        def shot(page: Page, step: str, full_page: bool = False) -> None:
            page.screenshot(path=str(artifacts / f"{journey}-{width}-{step}.png"), full_page=full_page)

        return shot

    return for_journey


def _sign_in(page: Page, email: str) -> None:
    """Sign a demo staff account in through the real login form."""
    page.goto("/staff/login")
    page.get_by_label("电子邮箱").fill(email)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))


@pytest.fixture(scope="session")
def sign_in():
    """sign_in(page, "drafter"): sign a demo staff account in on that page."""
    return lambda page, role: _sign_in(page, f"{role}@example.org")


@pytest.fixture
def staff_page(new_context):
    """staff_page("drafter", width): a page in its own context, signed in as drafter@example.org."""

    def open_signed_in(role: str, width: int = 1280) -> Page:
        page = new_context(width).new_page()
        _sign_in(page, f"{role}@example.org")
        return page

    return open_signed_in


AXE_LOG = pytest.StashKey[dict]()


@pytest.fixture(scope="session")
def axe_log(pytestconfig) -> dict:
    """{"pages": how many pages axe checked, "findings": the moderate and minor ones, which do not fail}."""
    return pytestconfig.stash.setdefault(AXE_LOG, {"pages": 0, "findings": []})


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    log = config.stash.get(AXE_LOG, None)
    if not log:
        return
    terminalreporter.section("axe: moderate and minor findings (reported, not failing)")
    terminalreporter.write_line(f"{log['pages']} pages checked, {len(log['findings'])} moderate or minor findings")
    for line in log["findings"]:
        terminalreporter.write_line(line)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe-findings.txt").write_text("\n".join(log["findings"]) + "\n", encoding="utf-8")
