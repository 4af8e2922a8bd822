"""The test suite's own gates: browser checks that cannot run fail `./run test` instead of
skipping, whatever the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import browser

ROOT = Path(__file__).resolve().parents[1]


def outcome(call) -> type[BaseException] | None:
    """What `call` raised (a skip is caught too: a skipped gate test would look green)."""
    try:
        call()
    except BaseException as exc:  # pytest's skip and fail are BaseExceptions
        return type(exc)
    return None


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(browser.REQUIRE, raising=False)


def test_a_missing_browser_fails_when_required(no_chromium, monkeypatch) -> None:
    monkeypatch.setenv(browser.REQUIRE, "1")
    assert outcome(browser.require_chromium) is pytest.fail.Exception


def test_a_missing_axe_core_fails_when_required(no_chromium, monkeypatch) -> None:
    monkeypatch.setenv(browser.REQUIRE, "1")
    monkeypatch.setattr(browser, "AXE_JS", Path("/nonexistent/axe.min.js"))
    assert outcome(lambda: browser.audit(None, ROOT / "README.md")) is pytest.fail.Exception


def test_a_missing_browser_only_skips_when_not_required(no_chromium) -> None:
    assert outcome(browser.require_chromium) is pytest.skip.Exception


def test_run_test_requires_the_browser_checks() -> None:
    """`./run test` (what CI runs) exports the variable before it starts pytest."""
    text = (ROOT / "run").read_text(encoding="utf-8")
    branch = text.split("\n  test)\n", 1)[1].split(";;", 1)[0]
    export = branch.index("export ROLECOMPARE_REQUIRE_BROWSER=1")
    assert export < branch.index("/bin/pytest")
