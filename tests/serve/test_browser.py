"""The web page in Debian's headless Chromium (Playwright, no browser download): search, open an
article, see a marked correction and an entity, follow the entity to its page."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from xeber.serve import create_app
from xeber.settings import Settings

CHROMIUM = os.environ.get("XEBER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(example_db) -> Iterator[tuple[str, dict[str, str]]]:
    uvicorn = pytest.importorskip("uvicorn")
    path, ids = example_db
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(db=str(path))), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_search_article_correction_entity(server, browser) -> None:
    base, ids = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/")
    page.fill("#q", "kend teserrufati")  # typed without Azerbaijani letters
    page.press("#q", "Enter")
    page.wait_for_selector(".hit h2 a")
    assert page.inner_text("#count") == "1 nəticə"
    assert page.inner_text(".hit .snippet mark") == "kənd"
    assert page.locator(".facets").inner_text().count("report.az") == 1
    if os.environ.get("XEBER_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["XEBER_SCREENSHOTS"], "search.png"), full_page=True)

    page.click(".hit h2 a")
    page.wait_for_selector("#doc-text")
    assert page.url.endswith(f"#/doc/{ids['d']}")
    fix = page.locator("#doc-text .fix").first
    assert fix.inner_text() == "təsərrüfatı"
    assert fix.get_attribute("data-original") == "təsərrüfatl"
    assert "«təsərrüfatl» → «təsərrüfatı»" in (fix.get_attribute("title") or "")
    assert page.locator("#doc-text .fix-del").get_attribute("data-original") == "-\n"
    entity = page.locator("#doc-text a.ent-ORG")
    assert entity.inner_text() == "Nazirlər Kabinetinin"
    if os.environ.get("XEBER_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["XEBER_SCREENSHOTS"], "article.png"), full_page=True)

    entity.click()
    page.wait_for_selector("#entity-name")
    assert page.inner_text("#entity-name") == "Nazirlər Kabineti"
    assert page.locator("#mentions-chart rect").count() == 1  # one month: 2021-05
    page.close()


def test_entity_page_chart_cooccurrence_timeline(server, browser) -> None:
    base, ids = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/#/search?q=qazaxistan")
    page.wait_for_selector(".hit")
    page.click(f'.hit h2 a[href="#/doc/{ids["a"]}"]')
    page.wait_for_selector("#doc-text a.ent-PER")
    page.click("#doc-text a.ent-PER")
    page.wait_for_selector("#entity-name")
    assert page.inner_text("#entity-name") == "Sahibə Qafarova"
    assert page.locator("#mentions-chart rect").count() == 2  # 2023-09 and 2023-10
    assert "Qazaxıstan" in page.inner_text("#cooccurring")
    assert page.locator(".timeline li").count() == 2
    if os.environ.get("XEBER_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["XEBER_SCREENSHOTS"], "entity.png"), full_page=True)
    page.close()


def test_bad_query_shows_the_message(server, browser) -> None:
    base, _ = server
    page = browser.new_page()
    page.goto(base + "/")
    page.fill("#q", '"rəsmi səfər')
    page.press("#q", "Enter")
    page.wait_for_selector(".error")
    assert "unbalanced quote" in page.inner_text(".error")
    page.close()
