"""The HTML report in a real browser: Debian's headless chromium loads the page from a
file and dumps the DOM it built.  The checked figures must be highlighted with their
verdicts, the page's own script must run under its Content-Security-Policy, and a
hostile release must not have become elements or run.

Without chromium the tests skip (tests/install-chromium.sh installs it), except under
CI (the CI environment variable set), where a missing browser is a failure."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import factcheck
from factcheck._document import Document
from factcheck._render import CheckedFile, render_html
from factcheck._sources import Source

RELEASE = (
    "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, "
    "or 71% of the total.\n\n"
    "Of 79 projects signed, 68 have been completed and 11 are under way.\n\n"
    "Output grew 3 times more, from 120 billion tenge to 480 billion tenge.\n"
)
HOSTILE = (
    "<script>document.title = 'pwned'; document.documentElement.setAttribute('data-pwned', 'script')</script>"
    "Farms shipped 20 of the 80 billion tenge, or 45% of the total "
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned', 'img')\"></mark>"
    "<b onmouseover=alert(document.cookie)>bold</b> <style>mark { display: none }</style>.\n"
)
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)


def find_chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    reason = "chromium is not installed (tests/install-chromium.sh installs Debian's package)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the browser test must run")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    return find_chromium()


def checked(path: str, text: str) -> CheckedFile:
    source = Source(path, text, "text")
    document = Document(source.text)
    return CheckedFile(source, document, factcheck.check(document))


def dump_dom(chromium: str, page: str, folder: Path) -> str:
    """The DOM chromium builds from ``page`` (loaded from a file), after its scripts ran."""
    path = folder / "report.html"
    path.write_text(page, encoding="utf-8")
    profile = folder / "profile"
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
        check=False, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


class Dom(HTMLParser):
    """Elements of the dumped DOM: tag, attributes and (for marks) the text inside."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.marks: list[tuple[dict[str, str], str]] = []
        self.text: list[str] = []
        self._open_mark: list[list[object]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "mark":
            self._open_mark.append([attributes, ""])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open_mark:
            attributes, text = self._open_mark.pop()
            self.marks.append((attributes, str(text)))  # type: ignore[arg-type]

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for open_mark in self._open_mark:
            open_mark[1] = str(open_mark[1]) + data

    def tags(self, name: str) -> list[dict[str, str]]:
        return [attributes for tag, attributes in self.elements if tag == name]


def test_browser_shows_highlighted_figures(chromium: str, tmp_path: Path) -> None:
    files = [checked("release.txt", RELEASE), checked("hostile.txt", HOSTILE)]
    assert {f.kind: f.verdict.value for f in files[0].report.findings} == {
        "share": "discrepancy", "sum": "pass", "ratio": "ambiguous"}
    assert [f.verdict.value for f in files[1].report.findings] == ["discrepancy"]
    dumped = dump_dom(chromium, render_html(files), tmp_path)
    dom = Dom(dumped)

    (html_element,) = dom.tags("html")
    assert "fc-js" in html_element.get("class", "").split()  # the page's script ran: its CSP hash is right
    figures = {text: attributes for attributes, text in dom.marks}
    expected = {
        "71%": "fc-discrepancy", "200": "fc-discrepancy", "390 billion tenge": "fc-discrepancy",
        "79": "fc-pass", "68": "fc-pass", "11": "fc-pass",
        "3 times": "fc-ambiguous", "120 billion tenge": "fc-ambiguous", "480 billion tenge": "fc-ambiguous",
        "20": "fc-discrepancy", "80 billion tenge": "fc-discrepancy", "45%": "fc-discrepancy",
    }
    assert len(dom.marks) == len(expected)
    for text, verdict in expected.items():
        attributes = figures[text]
        assert attributes["class"].split()[:2] == ["fc-figure", verdict], (text, attributes)
        assert attributes["tabindex"] == "0" and attributes["title"]
        assert re.fullmatch(r"FC\d\d( FC\d\d)*", attributes["data-rule"])
    assert figures["71%"]["data-rule"] == "FC01"
    assert "200 / 390 billion tenge = 51.28%" in figures["71%"]["title"]

    # The hostile release is text: one script element (the page's), no image, no
    # handler, its style element not applied, and nothing it held ran.
    assert len(dom.tags("script")) == 1 and not dom.tags("img")
    assert len(dom.tags("style")) == 1
    assert not any(name.startswith("on") for _, attributes in dom.elements for name in attributes)
    assert "data-pwned" not in html_element
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dumped, re.DOTALL).group(1)
    text = "".join(dom.text)
    assert "<script>document.title = 'pwned';" in text and "<img src=x onerror=" in text
    assert "</mark><b onmouseover=alert(document.cookie)>bold</b>" in text


PROBE = """
(function () {
  var out = {};
  var marks = document.querySelectorAll("mark.fc-figure.fc-discrepancy");
  var panel = document.getElementById("fc-panel");
  out.hiddenAtFirst = panel.hidden;
  marks[0].click();
  out.afterClick = { hidden: panel.hidden, items: panel.querySelectorAll("li.fc-finding").length,
                     text: panel.textContent, active: marks[0].classList.contains("fc-active") };
  marks[0].click();
  out.afterSecondClick = panel.hidden;
  var pass = document.querySelector("mark.fc-figure.fc-pass");
  pass.focus();
  // a headless window may not hold the focus, so focus() alone may fire nothing: send the event too
  if (panel.hidden) { pass.dispatchEvent(new FocusEvent("focus")); }
  out.afterFocus = { hidden: panel.hidden, text: panel.textContent };
  document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
  out.afterEscape = panel.hidden;
  out.ids = panel.querySelectorAll("[id]").length;
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def test_browser_figure_opens_its_arithmetic(chromium: str, tmp_path: Path) -> None:
    """Clicking a figure shows its finding in the panel, a second click hides it, focus
    shows it too, and Escape closes it; driven by a probe script added to the page (and
    to its policy) for the test."""
    page = render_html([checked("release.txt", RELEASE)])
    digest = base64.b64encode(hashlib.sha256(PROBE.encode("utf-8")).digest()).decode("ascii")
    page, count = re.subn(r"(script-src 'sha256-[^']+')", rf"\1 'sha256-{digest}'", page)
    assert count == 1
    page = page.replace("</body>", f"<script>{PROBE}</script>\n</body>")
    dom = dump_dom(chromium, page, tmp_path)
    probe = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert probe, "the probe did not run"
    import html

    state = json.loads(html.unescape(probe.group(1)))
    assert state["hiddenAtFirst"] is True
    assert state["afterClick"]["hidden"] is False and state["afterClick"]["active"] is True
    assert state["afterClick"]["items"] == 1
    assert "200 / 390 billion tenge = 51.28%" in state["afterClick"]["text"]
    assert '"71%" would have to be 51.09..51.48%' in state["afterClick"]["text"]
    assert state["afterSecondClick"] is True
    assert state["afterFocus"]["hidden"] is False and "Adds up" in state["afterFocus"]["text"]
    assert state["afterEscape"] is True
    assert state["ids"] == 0  # the copies in the panel carry no duplicate ids


def test_without_chromium_skip_locally_and_fail_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="install-chromium.sh"):
        find_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        find_chromium()
