"""The desk in a real browser: Debian's chromium driven by Playwright's Python API.

Skips with the reason when chromium or axe-core (``npm ci`` in tests/desk_js) is
absent; browsers are never downloaded. The server binds to 127.0.0.1 on a free port and
stops with the test. Set DESK_SCREENSHOTS=folder to keep a screenshot of every page, in
English and Thai, at desktop and tablet widths.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desk_support import OVERDUE_DAY, REPO, copy_library

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "tests" / "desk_js" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 820, "height": 1180}  # an iPad Air in portrait

if not CHROMIUM.is_file():
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )
if not AXE.is_file():
    pytest.skip("axe-core is not installed (npm ci in tests/desk_js)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    import uvicorn

    from msc_leaflet.desk.app import create_app
    from msc_leaflet.desk.protocol import server_config

    root = copy_library(tmp_path_factory.mktemp("browser"))
    app = create_app(root, hosts=["127.0.0.1"], workers=2, today=lambda: OVERDUE_DAY)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The server as `msc-leaflet serve` runs it (its protocol and limits).
    server = uvicorn.Server(server_config(app, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the desk did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", root
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _shoot(page: Any, name: str) -> None:
    folder = os.environ.get("DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_staff_journey(served: tuple[str, Path], browser: Any) -> None:
    base, root = served
    context = browser.new_context(locale="en-GB", viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + "/")
    assert page.locator("h1").inner_text() == "Library"
    assert page.locator("li.card").count() == 5
    # The overdue review date is shown plainly on every card (as of OVERDUE_DAY).
    assert page.locator(".overdue").first.inner_text().startswith("Review overdue since")

    page.get_by_role("link", name="ไทย").click()
    assert page.locator("h1").inner_text() == "คลังเอกสาร"
    assert page.locator("html").get_attribute("lang") == "th"
    page.get_by_label("ภาษา", exact=True).select_option("th")
    page.get_by_role("button", name="แสดง").click()
    assert "lang=th" in page.url
    page.get_by_role("link", name="ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ").click()
    assert page.locator("h1").inner_text() == "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ"
    pictures = page.locator(".page-list img")
    assert pictures.count() >= 3
    # Page pictures are rendered on first request: wait for them (a loaded machine takes
    # seconds), and fail only if one never arrives or is broken. Polled from here:
    # `wait_for_function` polls inside the page with eval, which the desk's Content
    # Security Policy refuses (it failed whenever the pictures were not there at once).
    loaded = "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
    deadline = time.monotonic() + 120
    while not page.evaluate(loaded):
        assert time.monotonic() < deadline, "a page picture never loaded"
        page.wait_for_timeout(250)

    link = page.get_by_role("link", name="เปิด PDF")
    href = link.get_attribute("href")
    pdf = page.request.get(base + href)
    built = root / "build" / "desk" / "th" / "infusion-safety.pdf"
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body() == built.read_bytes()

    page.get_by_role("link", name="ชุดเอกสารสำหรับผู้ป่วย").click()
    for title in ("การเลือกคลินิก", "ความปลอดภัยของ MSC ที่ให้ทางหลอดเลือดดำ",
                  "สิ่งที่งานวิจัยบอกเราจนถึงตอนนี้"):  # fmt: skip
        page.get_by_label(title).check()
    page.get_by_role("radio", name="ไทย").check()
    # Headless chromium may hand the PDF to a download, which ends the navigation.
    with (
        page.expect_response(lambda r: "/pack.pdf" in r.url) as answer,
        contextlib.suppress(sync_api.Error),
    ):
        page.get_by_role("button", name="สร้างชุดเอกสาร").click()
    # A headless browser hands a PDF to its download manager, where the body is out of
    # reach: fetch the very URL the form made.
    assert answer.value.status == 200
    body = page.request.get(answer.value.url).body()
    reader = PdfReader(io.BytesIO(body))
    ids = ["choosing-a-clinic", "infusion-safety", "what-research-says"]
    expected = sum(len(PdfReader(root / "build" / "desk" / "th" / f"{i}.pdf").pages) for i in ids)
    assert len(reader.pages) == 1 + expected
    assert "การเลือกคลินิก" in reader.pages[0].extract_text()
    context.close()


PAGES = {
    "library": "/",
    "leaflet": "/leaflets/what-msc-can-do?lang=th",
    "pack": "/pack",
    "status": "/status",
    "signoff": "/leaflets/what-msc-can-do/signoff?lang=th",
}


@pytest.mark.parametrize("language", ["en", "th", "ar"])
def test_every_page_passes_axe_at_desktop_and_tablet(
    served: tuple[str, Path], browser: Any, language: str
) -> None:
    base, _ = served
    # axe is injected as a script: only this audit's context bypasses the desk's CSP.
    for size_name, viewport in (("desktop", DESKTOP), ("tablet", TABLET)):
        context = browser.new_context(locale=language, viewport=viewport, bypass_csp=True)
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(base + path)
            assert page.locator("html").get_attribute("lang") == language
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                " 'best-practice']})"
            )
            serious = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert not serious, (name, language, size_name, serious)
            _shoot(page, f"{name}-{language}-{size_name}")
        context.close()


def test_keyboard_reaches_the_main_content_and_shows_focus(
    served: tuple[str, Path], browser: Any
) -> None:
    base, _ = served
    context = browser.new_context(locale="en", viewport=TABLET)
    page = context.new_page()
    page.goto(base + "/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_reflows_at_320_css_pixels(
    served: tuple[str, Path], browser: Any, language: str
) -> None:
    """WCAG 1.4.10: at 320 CSS pixels (a phone, or 400% zoom on a reception PC) no page
    may scroll sideways as a whole. The library's cards were at least 22rem wide (423 px
    of page at 320), and the Status page's visually hidden link words escaped the
    table's own scroller (626 px): a low-vision user scrolled both ways to read a line.
    A wide table may scroll inside its own box; the page may not."""
    base, _ = served
    context = browser.new_context(locale=language, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for name, path in {**PAGES, "error": "/leaflets/no-such-leaflet"}.items():
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (name, language, width)
    context.close()


def _drawn_with(page: Any, selector: str) -> dict[str, bool]:
    """The fonts chromium drew ``selector``'s text with: name → whether served by the page
    (a web font) rather than the machine's own. Chromium's DevTools protocol reports the
    faces it actually used, glyph by glyph."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["isCustomFont"] for font in used if font["glyphCount"]}


def _font_status(page: Any) -> dict[str, str]:
    """Each served family: "loaded" once fetched for text on the page, else "unloaded"."""
    page.evaluate("document.fonts.ready.then(() => 0)")
    faces = page.evaluate("Array.from(document.fonts).map(f => [f.family, f.status])")
    status: dict[str, str] = {}
    for family, state in faces:
        name = family.strip('"')
        status[name] = "loaded" if "loaded" in (state, status.get(name)) else state
    return status


@pytest.mark.parametrize(
    ("locale", "family", "font_name"),
    [("my", "NotoSansMyanmar", "Noto Sans Myanmar"), ("lo", "NotoSansLao", "Noto Sans Lao")],
)
def test_burmese_and_lao_pages_are_drawn_with_the_served_fonts(
    served: tuple[str, Path], browser: Any, locale: str, family: str, font_name: str
) -> None:
    """An offline tablet without Burmese or Lao fonts showed the desk in empty boxes, and
    a Zawgyi-era Android drew Unicode Burmese with its Zawgyi system font. The desk's
    headings are now drawn with the Noto face the leaflets embed, served by the desk.
    (Every page names 日本語 and 中文 in its language switch, so the CJK font is fetched
    too, once: its address never changes while its bytes do not.)"""
    base, _root = served
    context = browser.new_context(locale=locale, viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + "/")
    assert page.locator("html").get_attribute("lang") == locale
    status = _font_status(page)
    assert status[family] == "loaded", status
    drawn = _drawn_with(page, "h1")
    assert drawn.get(font_name) is True, drawn  # the served file, not a font of the machine
    assert [name for name, served_font in drawn.items() if not served_font] == [], drawn
    context.close()


def test_short_status_words_are_never_split_at_a_line_end(
    served: tuple[str, Path], browser: Any
) -> None:
    """Japanese and Chinese break between any two characters: the Status table's state
    cell read "準備完" on one line and "了" on the next, a word split in two. The
    language, percentage and state cells keep their words on one line (the table
    scrolls sideways in its wrapper on a narrow screen)."""
    base, _ = served
    for language in ("ja", "zh-TW", "en"):
        context = browser.new_context(locale=language, viewport=TABLET, bypass_csp=True)
        page = context.new_page()
        page.goto(base + "/status")
        lines = page.evaluate(
            "Array.from(document.querySelectorAll('td.short')).map(cell => {"
            " const range = document.createRange(); range.selectNodeContents(cell);"
            " return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;"
            "})"
        )
        assert lines and set(lines) == {1}, (language, lines)
        context.close()
