"""Open a local HTML file in headless Chromium (playwright, sync API) and say what it did.

Used by the hostile-page tests: a report built from pages whose role names, companies and
cities hold markup must show that markup as text, run no script, open no dialog and make no
network request. Besides loading the page, `visit` *provokes* every way an injected payload
could run: it fires each inline event handler it finds (`onerror`, `onmouseover`, ...) and
clicks every `javascript:` link, so a payload that got through as markup sets
`window.__pwned` even if nothing would have triggered it on its own.

Typical use (one browser per module, one visit per page):

    from tests.browser import launch, visit

    @pytest.fixture(scope="module")
    def browser():
        with launch() as b:
            yield b

    def test_page(browser, tmp_path):
        seen = visit(browser, tmp_path / "report.html")
        assert not seen.pwned

`open_html(path)` does both for a single page. `audit(browser, path)` runs the axe-core
accessibility checks (https://github.com/dequelabs/axe-core, installed from npm by `./run test`
into .cache/axe) in the page and returns the violations of the impacts asked for (serious and
critical by default):

    from tests.browser import audit, launch

    def test_index_is_accessible(browser, index_html):
        assert audit(browser, index_html) == []

All of these skip the calling test (pytest.skip) when Chromium, playwright or axe-core is not
installed -- except when `ROLECOMPARE_REQUIRE_BROWSER=1` (which `./run test`, and so CI,
exports) or `CI=true`: then a browser test that cannot run fails, so a suite without its
browser checks is never green.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(os.environ.get("AXE_CORE_JS", ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"))
BLOCKING = ("serious", "critical")  # axe-core's impacts a report may not have
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_SCHEMES = ("file:", "data:")

# Runs in the page after load: lists what could execute script, then triggers all of it.
_PROVOKE = """() => {
  const found = {handlers: [], scripts: 0, jsLinks: [], iframes: 0};
  found.scripts = document.querySelectorAll('script').length;
  found.iframes = document.querySelectorAll('iframe, object, embed').length;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) {
        found.handlers.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value}">`);
        try { el.dispatchEvent(new Event(name.slice(2), {bubbles: false})); } catch (e) {}
      }
      if (/^\\s*javascript:/i.test(attr.value)) {
        found.jsLinks.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value}">`);
        try { el.click(); } catch (e) {}
      }
    }
  }
  return found;
}"""


@dataclass
class Visit:
    """What happened while a page was open."""

    url: str
    pwned: bool  # window.__pwned was set (by any means)
    text: str  # document.body.innerText
    title: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions in the page
    dialogs: list[str] = field(default_factory=list)  # "alert: message", dismissed
    blocked: list[str] = field(default_factory=list)  # requests that were not file:/data:
    requests: list[str] = field(default_factory=list)  # every request the page made
    handlers: list[str] = field(default_factory=list)  # elements with on* attributes
    js_links: list[str] = field(default_factory=list)  # attributes holding javascript: URLs
    scripts: int = 0  # <script> elements in the DOM
    embeds: int = 0  # <iframe>, <object>, <embed> elements

    @property
    def subresources(self) -> list[str]:
        """Requests other than the page itself (a self-contained report makes none)."""
        return [r for r in self.requests if r != self.url]


REQUIRE = "ROLECOMPARE_REQUIRE_BROWSER"
_YES = {"true", "1", "yes"}


def required() -> bool:
    """True when browser checks must run (`./run test` sets ROLECOMPARE_REQUIRE_BROWSER=1)."""
    return any(os.environ.get(name, "").strip().lower() in _YES for name in (REQUIRE, "CI"))


def unavailable(reason: str) -> None:
    """Skip the calling test -- or fail it when browser checks are required."""
    if required():
        pytest.fail(f"{reason} ({REQUIRE}=1: browser checks must run, not skip)", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> None:
    """Skip the calling test unless Chromium and playwright are installed (fail under CI)."""
    if not CHROMIUM.is_file() and not shutil.which(str(CHROMIUM)):
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:  # pragma: no cover - dev dependency
        unavailable(f"playwright is not installed: {exc}")


@contextlib.contextmanager
def launch() -> Iterator[Any]:
    """A headless Chromium browser (playwright Browser), closed on exit; skips if missing."""
    require_chromium()
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        except Error as exc:
            unavailable(f"cannot start {CHROMIUM}: {str(exc).splitlines()[0]}")
        try:
            yield browser
        finally:
            browser.close()


def visit(browser: Any, path: Path | str, *, settle_ms: int = 300) -> Visit:
    """Open local file `path` in a fresh context of `browser`, provoke its handlers, report."""
    url = Path(path).resolve().as_uri()
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    seen = Visit(url=url, pwned=False, text="", title="")

    def on_route(route: Any) -> None:
        request_url = route.request.url
        if request_url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            seen.blocked.append(request_url)
            route.abort("blockedbyclient")

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        with contextlib.suppress(Exception):
            dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            seen.console_errors.append(message.text)

    page.route("**/*", on_route)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: seen.page_errors.append(str(exc)))
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("popup", lambda popup: seen.requests.append(f"popup:{popup.url}"))
    try:
        page.goto(url, wait_until="load")
        found = page.evaluate(_PROVOKE)
        page.wait_for_timeout(settle_ms)  # let handlers, timers and image errors run
        seen.handlers = list(found["handlers"])
        seen.js_links = list(found["jsLinks"])
        seen.scripts = int(found["scripts"])
        seen.embeds = int(found["iframes"])
        seen.pwned = bool(page.evaluate("() => window.__pwned !== undefined"))
        seen.text = page.evaluate("() => document.body ? document.body.innerText : ''")
        seen.title = page.title()
    finally:
        context.close()
    return seen


def open_html(path: Path | str, *, settle_ms: int = 300) -> Visit:
    """Launch Chromium, visit one page, close it (see `visit`)."""
    with launch() as browser:
        return visit(browser, path, settle_ms=settle_ms)


def audit(browser: Any, path: Path | str, *, impacts: tuple[str, ...] = BLOCKING) -> list[dict]:
    """axe-core's violations of `impacts` on local page `path`, each as {id, impact, help,
    targets}: [] when the page passes. Skips (fails under CI) when axe-core is not installed.

    The page is opened with its scripts off except axe itself (a report has none), in a
    1280 x 900 window; axe runs its WCAG 2.x A and AA rules and best practices.
    """
    if not AXE_JS.is_file():
        unavailable(f"axe-core is missing at {AXE_JS} (./run test installs it with npm)")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(LOCAL_SCHEMES)
            else route.abort("blockedbyclient")
        ),
    )
    try:
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            """async () => JSON.stringify(await axe.run(document, {
                 runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                 'best-practice']},
                 resultTypes: ['violations'],
               }))"""
        )
    finally:
        context.close()
    violations = json.loads(result)["violations"]
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in violations
        if v["impact"] in impacts
    ]
