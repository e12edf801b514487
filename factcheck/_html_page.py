"""The HTML report: one self-contained page for a reader who never saw a terminal.

Each release is shown in full with every checked figure highlighted by its verdict;
hovering, clicking or tabbing to a figure shows the arithmetic behind it.  The page
loads nothing (its style and script are inline, and a Content-Security-Policy allows
only those two, by hash) and every piece of a release in it is HTML-escaped, so a
release holding ``<script>`` or ``</mark>`` shows that text and nothing more.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import re

from ._findings import Finding
from ._render import (
    CheckedFile,
    marked_sentence,
    primary_number,
    summary_line,
    worst_verdict,
)
from ._rule import Verdict

__all__ = ["html_page"]

VERDICT_WORDS = {
    Verdict.DISCREPANCY: "Does not add up",
    Verdict.AMBIGUOUS: "Unclear",
    Verdict.PASS: "Adds up",
}
VERDICT_EXPLAINED = {
    Verdict.DISCREPANCY: "the arithmetic with the other figures of the sentence gives a different number. "
                         "One of them is probably wrong.",
    Verdict.AMBIGUOUS: "the wording can be read in more than one way, and not every reading adds up. "
                       "Consider rewording.",
    Verdict.PASS: "the figure agrees with the others, allowing for rounding.",
}
_ORDER = (Verdict.DISCREPANCY, Verdict.AMBIGUOUS, Verdict.PASS)
TITLE_LIMIT = 600  # characters of one finding's arithmetic in a figure's tooltip

# Shown as escapes rather than passed to the browser: controls (not tab or line breaks),
# and the bidirectional overrides that can make text look like other text.
_UNSHOWABLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
_PARAGRAPH_BREAK = re.compile(r"\r?\n(?:[ \t\u00a0]*\r?\n)+")

STYLE = """
:root { --ink: #1d1d1f; --muted: #5a5a60; --paper: #ffffff; --line: #d9d9de;
  --bad: #b3261e; --bad-bg: #fde2e0; --unclear: #8a5a00; --unclear-bg: #fff1c2;
  --good: #1e6b34; --good-bg: #dcf2e1; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f5f5f7; font: 17px/1.6 system-ui, -apple-system,
  "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 8rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
.fc-card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 1rem 1.25rem; margin: 1rem 0; }
.fc-lead { font-size: 1.1rem; margin: .25rem 0 .75rem; }
.fc-counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .5rem 0; }
.fc-counts li { padding: .25rem .75rem; border-radius: 999px; font-weight: 600; }
.fc-legend { list-style: none; padding: 0; margin: .5rem 0 0; }
.fc-legend li { margin: .35rem 0; }
.fc-hint, .fc-small { color: var(--muted); font-size: .9rem; }
.fc-text p { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1em; }
mark.fc-figure { color: inherit; border-radius: 3px; padding: 0 .1em; cursor: pointer;
  text-decoration-thickness: 2px; text-underline-offset: 3px; }
.fc-discrepancy { background: var(--bad-bg); }
.fc-ambiguous { background: var(--unclear-bg); }
.fc-pass { background: var(--good-bg); }
mark.fc-discrepancy, .fc-swatch.fc-discrepancy { text-decoration: underline wavy var(--bad); }
mark.fc-ambiguous, .fc-swatch.fc-ambiguous { text-decoration: underline dotted var(--unclear); }
mark.fc-pass, .fc-swatch.fc-pass { text-decoration: underline solid var(--good); text-decoration-thickness: 1px; }
mark.fc-figure:focus, mark.fc-figure:hover, mark.fc-active { outline: 2px solid var(--ink); outline-offset: 1px; }
.fc-swatch { padding: 0 .35em; border-radius: 3px; font-weight: 600; }
.fc-badge { display: inline-block; padding: 0 .5em; border-radius: 4px; font-weight: 700; font-size: .9rem; }
.fc-badge.fc-discrepancy { color: var(--bad); }
.fc-badge.fc-ambiguous { color: var(--unclear); }
.fc-badge.fc-pass { color: var(--good); }
.fc-findings { list-style: none; padding: 0; margin: 0; }
.fc-finding { border-left: 4px solid var(--line); padding: .25rem 0 .25rem .75rem; margin: .75rem 0; }
.fc-finding.fc-discrepancy { border-left-color: var(--bad); background: none; }
.fc-finding.fc-ambiguous { border-left-color: var(--unclear); background: none; }
.fc-finding.fc-pass { border-left-color: var(--good); background: none; }
.fc-finding p, .fc-finding ul { margin: .2rem 0; }
.fc-arith { font-variant-numeric: tabular-nums; font-weight: 600; }
.fc-quote { color: var(--muted); font-style: italic; overflow-wrap: anywhere; }
.fc-quote b { color: var(--ink); font-style: normal; }
details > summary { cursor: pointer; font-weight: 600; margin-top: 1rem; }
.fc-panel { position: fixed; right: 1rem; bottom: 1rem; width: min(28rem, calc(100vw - 2rem));
  max-height: 60vh; overflow: auto; background: var(--paper); border: 1px solid var(--line);
  border-radius: 10px; box-shadow: 0 8px 30px rgba(0, 0, 0, .18); padding: .75rem 1rem; z-index: 10; }
.fc-panel[hidden] { display: none; }
.fc-panel-title { font-weight: 700; margin: 0 2rem .25rem 0; }
.fc-close { position: absolute; top: .4rem; right: .5rem; border: 0; background: none; font-size: 1.4rem;
  line-height: 1; cursor: pointer; color: var(--muted); }
.fc-panel .fc-where { display: none; }
@media print { .fc-panel, .fc-hint { display: none; } body { background: #fff; } }
"""

SCRIPT = """
(function () {
  "use strict";
  document.documentElement.classList.add("fc-js");
  var panel = document.getElementById("fc-panel");
  if (!panel) { return; }
  var list = panel.querySelector(".fc-panel-list");
  var pinned = null;
  var current = null;

  function fill(mark) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var ids = (mark.getAttribute("data-findings") || "").split(" ");
    for (var i = 0; i < ids.length; i++) {
      var item = ids[i] ? document.getElementById(ids[i]) : null;
      if (!item) { continue; }
      var copy = item.cloneNode(true);
      copy.removeAttribute("id");
      var named = copy.querySelectorAll("[id]");
      for (var j = 0; j < named.length; j++) { named[j].removeAttribute("id"); }
      list.appendChild(copy);
    }
  }
  function show(mark) {
    if (current) { current.classList.remove("fc-active"); }
    current = mark;
    mark.classList.add("fc-active");
    fill(mark);
    panel.hidden = false;
  }
  function hide() {
    if (current) { current.classList.remove("fc-active"); }
    current = null;
    pinned = null;
    panel.hidden = true;
  }
  function toggle(mark) {
    if (pinned === mark) { hide(); } else { show(mark); pinned = mark; }
  }
  var marks = document.querySelectorAll("mark.fc-figure");
  for (var k = 0; k < marks.length; k++) {
    (function (mark) {
      mark.addEventListener("mouseenter", function () { if (!pinned) { show(mark); } });
      mark.addEventListener("mouseleave", function () { if (!pinned) { hide(); } });
      mark.addEventListener("focus", function () { if (pinned !== mark) { pinned = null; show(mark); } });
      mark.addEventListener("blur", function () { if (!pinned) { hide(); } });
      mark.addEventListener("click", function () { toggle(mark); });
      mark.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(mark); }
      });
    })(marks[k]);
  }
  panel.querySelector(".fc-close").addEventListener("click", hide);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src {_csp_hash(STYLE)}; script-src {_csp_hash(SCRIPT)}; "
    "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
)


def h(text: str) -> str:
    """Untrusted text for HTML text or a quoted attribute: markup escaped, and characters
    a browser should not be handed (controls, direction overrides) shown as escapes."""
    shown = _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return html.escape(shown, quote=True)


def html_page(files: list[CheckedFile]) -> str:
    counts = {verdict: sum(f.verdict is verdict for item in files for f in item.report.findings) for verdict in Verdict}
    problems = counts[Verdict.DISCREPANCY]
    title = "Number check: " + (
        f"{problems} figure{'s' if problems != 1 else ''} to fix" if problems else "no figures to fix"
    )
    body = [
        '<main>',
        f'<h1>{h(title)}</h1>',
        _overview(files, counts),
        *(_file_section(item, position) for position, item in enumerate(files)),
        '</main>',
        '<aside id="fc-panel" class="fc-panel" hidden aria-live="polite" aria-label="Arithmetic">',
        '<button type="button" class="fc-close" aria-label="Close">\u00d7</button>',
        '<p class="fc-panel-title">The arithmetic</p>',
        '<ol class="fc-findings fc-panel-list"></ol>',
        '</aside>',
    ]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="factcheck">',
        f"<title>{h(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]) + "\n"


def _overview(files: list[CheckedFile], counts: dict[Verdict, int]) -> str:
    bad, unclear, good = counts[Verdict.DISCREPANCY], counts[Verdict.AMBIGUOUS], counts[Verdict.PASS]
    checked = f"{len(files)} release{'s' if len(files) != 1 else ''}"
    if bad:
        lead = (f"In the {checked} checked, {bad} calculation{'s do' if bad != 1 else ' does'} not add up. "
                "The figures involved are marked in red below.")
    elif unclear:
        lead = f"Nothing in the {checked} checked is wrong, but {unclear} calculation{'s are' if unclear != 1 else ' is'} unclear."
    elif good:
        lead = f"Every calculation found in the {checked} checked adds up."
    else:
        lead = f"No calculations between figures were found in the {checked} checked."
    legend = "".join(
        f'<li><span class="fc-swatch {_css(verdict)}">{VERDICT_WORDS[verdict]}</span>: {VERDICT_EXPLAINED[verdict]}</li>'
        for verdict in _ORDER
    )
    return "\n".join([
        '<section class="fc-card fc-summary" aria-label="Summary">',
        f'<p class="fc-lead">{h(lead)}</p>',
        '<ul class="fc-counts">',
        f'<li class="fc-discrepancy" data-count="{bad}">{bad} do{"es" if bad == 1 else ""} not add up</li>',
        f'<li class="fc-ambiguous" data-count="{unclear}">{unclear} unclear</li>',
        f'<li class="fc-pass" data-count="{good}">{good} add{"s" if good == 1 else ""} up</li>',
        '</ul>',
        '<h3>What the colours mean</h3>',
        f'<ul class="fc-legend">{legend}</ul>',
        ('<p class="fc-hint">Point at, click or tab to a highlighted figure to see the arithmetic behind it. '
         'Press Esc to close it.</p>'),
        f'<p class="fc-small">{h(summary_line(files))}</p>',
        '</section>',
    ])


def _css(verdict: Verdict) -> str:
    return f"fc-{verdict.value}"


def _figure_spans(item: CheckedFile) -> list[tuple[int, int, list[int]]]:
    """Each highlighted stretch of text (start, end, finding indexes); a figure in several
    findings is one stretch, and overlapping figures are merged."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for index, finding in enumerate(item.report.findings):
        for number in finding.numbers:
            span = (number.quantity.start, number.quantity.end)
            if span[0] < span[1] and index not in by_span.setdefault(span, []):
                by_span[span].append(index)
    merged: list[tuple[int, int, list[int]]] = []
    for (start, end), indexes in sorted(by_span.items()):
        if merged and start < merged[-1][1]:
            last_start, last_end, last_indexes = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_indexes + [i for i in indexes if i not in last_indexes])
        else:
            merged.append((start, end, list(indexes)))
    return merged


def _span_at(spans: list[tuple[int, int, list[int]]], starts: list[int], offset: int) -> int | None:
    """The index of the (sorted, disjoint) span holding ``offset``, if any."""
    index = bisect.bisect_right(starts, offset) - 1
    return index if index >= 0 and offset < spans[index][1] else None


def _finding_id(file_index: int, finding_index: int) -> str:
    return f"fc-{file_index}-f{finding_index}"


def _mark_id(file_index: int, span_index: int) -> str:
    return f"fc-{file_index}-m{span_index}"


def _file_section(item: CheckedFile, file_index: int) -> str:
    findings = item.report.findings
    spans = _figure_spans(item)
    starts = [start for start, _, _ in spans]
    mark_of: dict[int, str] = {}  # a quantity's start -> the id of the mark that holds it
    for finding in findings:
        for number in finding.numbers:
            index = _span_at(spans, starts, number.quantity.start)
            if index is not None:
                mark_of[number.quantity.start] = _mark_id(file_index, index)
    text_html = _marked_text(item, file_index, spans)
    problems = [i for i, f in enumerate(findings) if f.verdict is not Verdict.PASS]
    passes = [i for i, f in enumerate(findings) if f.verdict is Verdict.PASS]
    problems.sort(key=lambda i: -_severity(findings[i].verdict))
    parts = [
        f'<section class="fc-card fc-file" id="fc-{file_index}">',
        f'<h2>{h(item.path)}</h2>',
        f'<p class="fc-small">{_file_counts(item)}</p>',
        f'<div class="fc-text">{text_html}</div>',
    ]
    if problems:
        parts.append('<h3>To look at</h3>')
        parts.append('<ol class="fc-findings">')
        parts.extend(_finding_item(item, file_index, i, mark_of) for i in problems)
        parts.append('</ol>')
    if passes:
        parts.append(f'<details><summary>Calculations that add up ({len(passes)})</summary>')
        parts.append('<ol class="fc-findings">')
        parts.extend(_finding_item(item, file_index, i, mark_of) for i in passes)
        parts.append('</ol></details>')
    parts.append('</section>')
    return "\n".join(parts)


def _severity(verdict: Verdict) -> int:
    return {Verdict.DISCREPANCY: 2, Verdict.AMBIGUOUS: 1}.get(verdict, 0)


def _file_counts(item: CheckedFile) -> str:
    report = item.report
    if not report.findings:
        return "No calculations between figures were found in this release."
    return (f"{len(report.discrepancies)} not adding up, {len(report.ambiguous)} unclear, "
            f"{len(report.passes)} adding up.")


def _marked_text(item: CheckedFile, file_index: int, spans: list[tuple[int, int, list[int]]]) -> str:
    """The whole text, escaped, in paragraphs, with each checked figure in a <mark>."""
    text = item.document.text
    starts = [start for start, _, _ in spans]
    events: list[tuple[int, int, int]] = []  # (start, end, span index or -1 for a paragraph break)
    for match in _PARAGRAPH_BREAK.finditer(text):
        before = bisect.bisect_left(starts, match.end()) - 1  # the last figure starting before the break ends
        if before < 0 or spans[before][1] <= match.start():  # a break inside a figure is kept in it
            events.append((match.start(), match.end(), -1))
    events.extend((start, end, index) for index, (start, end, _) in enumerate(spans))
    events.sort()
    out, cursor = ["<p>"], 0
    for start, end, index in events:
        out.append(h(text[cursor:start]))
        if index < 0:
            out.append("</p>\n<p>")
        else:
            out.append(_mark(item, file_index, index, spans[index], text[start:end]))
        cursor = end
    out.append(h(text[cursor:]))
    out.append("</p>")
    return "".join(out)


def _mark(item: CheckedFile, file_index: int, span_index: int, span: tuple[int, int, list[int]], shown: str) -> str:
    findings = [item.report.findings[i] for i in span[2]]
    order = sorted(range(len(findings)), key=lambda k: -_severity(findings[k].verdict))
    verdict = worst_verdict(f.verdict for f in findings)
    codes = list(dict.fromkeys(findings[k].rule for k in order))
    ids = " ".join(_finding_id(file_index, span[2][k]) for k in order)
    title = "\n\n".join(_finding_title(findings[k]) for k in order)
    return (
        f'<mark class="fc-figure {_css(verdict)}" id="{_mark_id(file_index, span_index)}" '
        f'data-rule="{h(" ".join(codes))}" data-verdict="{verdict.value}" data-findings="{ids}" '
        f'tabindex="0" role="button" aria-describedby="{ids}" title="{h(title)}">{h(shown)}</mark>'
    )


def _finding_title(finding: Finding) -> str:
    lines = [f"{VERDICT_WORDS[finding.verdict]} ({finding.rule} {finding.name})", finding.message]
    lines.extend(_reading_lines(finding))
    lines.extend(f"Note: {note}" for note in finding.notes)
    if finding.corrections:
        lines.append("To agree, one of: " + "; ".join(finding.corrections))
    title = "\n".join(lines)
    # A tooltip is a glance (the panel and the list below have it all); a finding over
    # hundreds of figures would otherwise repeat its whole arithmetic on each of them.
    return title if len(title) <= TITLE_LIMIT else title[:TITLE_LIMIT - 1] + "\u2026"


def _reading_lines(finding: Finding) -> list[str]:
    if len(finding.readings) < 2:
        return []
    return [f"Read as {r.reading.label or 'written'}: {VERDICT_WORDS[r.verdict].lower()} ({r.detail})"
            for r in finding.readings]


def _finding_item(item: CheckedFile, file_index: int, finding_index: int, mark_of: dict[int, str]) -> str:
    finding = item.report.findings[finding_index]
    primary = primary_number(finding)
    line, _ = item.source.position(primary.quantity.start)
    target = mark_of.get(primary.quantity.start)
    where = f"line {line}"
    where_html = f'<a class="fc-goto" href="#{target}">{where}</a>' if target else where
    parts = [
        (f'<li class="fc-finding {_css(finding.verdict)}" id="{_finding_id(file_index, finding_index)}" '
         f'data-rule="{h(finding.rule)}">'),
        (f'<p><span class="fc-badge {_css(finding.verdict)}">{VERDICT_WORDS[finding.verdict]}</span> '
         f'<span class="fc-small"><span class="fc-where">{where_html} \u00b7 </span>'
         f'{h(finding.rule)} {h(finding.name)}</span></p>'),
        f'<p class="fc-arith">{h(finding.message)}</p>',
        f'<p class="fc-quote">\u201c{marked_sentence(item.document, finding, h, "<b>{}</b>".format)}\u201d</p>',
    ]
    readings = _reading_lines(finding)
    if readings:
        parts.append("<ul>" + "".join(f"<li>{h(r)}</li>" for r in readings) + "</ul>")
    parts.extend(f'<p class="fc-small">Note: {h(note)}</p>' for note in finding.notes)
    if finding.corrections:
        parts.append("<p>To agree, one of:</p><ul>" + "".join(f"<li>{h(c)}</li>" for c in finding.corrections)
                     + "</ul>")
    parts.append("</li>")
    return "".join(parts)


