"""Baselines (accepted findings of plain text and .docx) and suppression comments."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from factcheck import Verdict, check
from factcheck._baseline import (
    Baseline, BaselineEntry, apply_baseline, apply_suppressions, fingerprint, load_baseline, sentence_text,
    write_baseline,
)
from factcheck._document import Document
from factcheck._source import InputError
from factcheck._sources import Source, Suppression

SHARE = "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, or 71% of the total."
SUM = "Of 79 projects signed, 68 have been completed and 15 are under way."
PASSING = "Of 50 schools, 20 are new and 30 were repaired."
TEXT = f"{SHARE}\n\n{SUM}\n\n{PASSING}\n"


def checked(text: str) -> tuple[Document, list]:  # type: ignore[type-arg]
    document = Document(text)
    return document, list(check(document).findings)


def by_rule(findings: list, rule: str, verdict: Verdict | None = None):  # type: ignore[no-untyped-def]
    return next(f for f in findings if f.rule == rule and (verdict is None or f.verdict is verdict))


def test_the_example_has_two_discrepancies_and_a_pass() -> None:
    _, findings = checked(TEXT)
    verdicts = sorted((f.rule, f.verdict.value) for f in findings)
    assert ("FC01", "discrepancy") in verdicts and ("FC05", "discrepancy") in verdicts
    assert ("FC05", "pass") in verdicts


# Fingerprints ---------------------------------------------------------------------------


def test_fingerdigestshape_and_sentence() -> None:
    document, findings = checked(TEXT)
    share = by_rule(findings, "FC01")
    digest = fingerprint(share, document)
    assert len(digest) == 16 and int(digest, 16) >= 0
    expected = "Machine builders shipped 200 of the 390 billion tenge, or 71% of the total."
    assert sentence_text(share, document) == expected


def test_fingerdigestis_stable_when_other_lines_move() -> None:
    document, findings = checked(TEXT)
    moved_document, moved = checked(f"A new opening line.\n\n{SUM}\n\n{PASSING}\n\n{SHARE}\n")
    for rule in ("FC01",):
        assert fingerprint(by_rule(findings, rule), document) == fingerprint(by_rule(moved, rule), moved_document)
    sum_finding = by_rule(findings, "FC05", Verdict.DISCREPANCY)
    moved_sum = by_rule(moved, "FC05", Verdict.DISCREPANCY)
    assert fingerprint(sum_finding, document) == fingerprint(moved_sum, moved_document)


def test_fingerdigestignores_whitespace_changes() -> None:
    document, findings = checked(TEXT)
    rewrapped = TEXT.replace("shipped 200 of the", "shipped 200\nof  the")
    other_document, others = checked(rewrapped)
    assert fingerprint(by_rule(findings, "FC01"), document) == fingerprint(by_rule(others, "FC01"), other_document)


def test_fingerdigestchanges_with_the_figures_and_the_rule() -> None:
    document, findings = checked(TEXT)
    edited_document, edited = checked(TEXT.replace("71%", "72%"))
    share, edited_share = by_rule(findings, "FC01"), by_rule(edited, "FC01")
    assert fingerprint(share, document) != fingerprint(edited_share, edited_document)
    assert fingerprint(share, document) != fingerprint(attrs.evolve(share, rule="FC02"), document)


# Writing and reading --------------------------------------------------------------------


def test_write_and_load_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    release = folder / "q3.txt"
    release.write_text(TEXT, encoding="utf-8")
    document, findings = checked(TEXT)
    baseline_path = tmp_path / "baseline.json"
    written = write_baseline(baseline_path, [(str(release), finding, document) for finding in findings])
    assert written == 2  # the pass is not accepted
    payload = json.loads(baseline_path.read_text(encoding="utf-8"))
    assert payload["version"] == 1
    assert [(entry["file"], entry["rule"]) for entry in payload["accepted"]] == [
        ("releases/q3.txt", "FC01"), ("releases/q3.txt", "FC05")
    ]
    assert all(len(entry["fingerprint"]) == 16 for entry in payload["accepted"])
    assert "71%" in payload["accepted"][0]["sentence"]

    baseline = load_baseline(baseline_path)
    assert len(baseline) == 2
    # The same file named from elsewhere (relative to the working folder) still matches.
    monkeypatch.chdir(folder)
    kept, accepted = apply_baseline(check(document), "q3.txt", document, baseline)
    assert accepted == 2
    assert not kept.discrepancies and len(kept.passes) == 1
    assert baseline.unused() == []


def test_unused_entries_after_a_fix(tmp_path: Path) -> None:
    document, findings = checked(TEXT)
    path = tmp_path / "baseline.json"
    write_baseline(path, [(str(tmp_path / "a.txt"), finding, document) for finding in findings])
    fixed = TEXT.replace("71%", "51%")
    fixed_document, fixed_findings = checked(fixed)
    baseline = load_baseline(path)
    accepted = [f for f in fixed_findings if baseline.accepts(tmp_path / "a.txt", f, fixed_document)]
    assert [f.rule for f in accepted] == ["FC05"]
    unused = baseline.unused()
    assert [entry.rule for entry in unused] == ["FC01"]
    assert isinstance(unused[0], BaselineEntry) and unused[0].file == "a.txt"


def test_another_file_is_not_accepted(tmp_path: Path) -> None:
    document, findings = checked(TEXT)
    path = tmp_path / "baseline.json"
    write_baseline(path, [(str(tmp_path / "a.txt"), finding, document) for finding in findings])
    baseline = load_baseline(path)
    assert not any(baseline.accepts(tmp_path / "b.txt", finding, document) for finding in findings)
    assert len(baseline.unused()) == 2


def test_a_pass_is_never_accepted() -> None:
    document, findings = checked(TEXT)
    passing = by_rule(findings, "FC05", Verdict.PASS)
    entry = BaselineEntry("a.txt", passing.rule, fingerprint(passing, document))
    assert not Baseline([entry]).accepts("a.txt", passing, document)


def test_written_baseline_is_deterministic(tmp_path: Path) -> None:
    document, findings = checked(TEXT)
    items = [(str(tmp_path / name), finding, document) for name in ("b.txt", "a.txt") for finding in findings]
    write_baseline(tmp_path / "one.json", items)
    write_baseline(tmp_path / "two.json", list(reversed(items)))
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["accepted"]
    assert [entry["file"] for entry in one] == ["a.txt", "a.txt", "b.txt", "b.txt"]
    assert sorted(map(str, one)) == sorted(map(str, json.loads((tmp_path / "two.json").read_text())["accepted"]))
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "invalid JSON"),
    ("[]", "expected a JSON object"),
    ('{"version": 2, "accepted": []}', "unsupported baseline version 2"),
    ('{"accepted": []}', "unsupported baseline version None"),
    ('{"version": 1, "accepted": {}}', "'accepted' must be a list"),
    ('{"version": 1, "accepted": [{"file": "a.txt", "rule": "FC01"}]}', "entry 1 needs"),
])
def test_bad_baselines_are_input_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_baseline(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such baseline file"):
        load_baseline(tmp_path / "missing.json")


def test_empty_baseline_loads(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    assert write_baseline(path, []) == 0
    assert len(load_baseline(path)) == 0


# Suppressions ---------------------------------------------------------------------------


def source_with(*suppressions: Suppression) -> Source:
    return Source("release.md", TEXT, "markdown", suppressions=suppressions)


def span_of(sentence: str) -> tuple[int, int]:
    start = TEXT.index(sentence)
    return start, start + len(sentence)


def test_suppression_by_code_covers_its_paragraph() -> None:
    start, end = span_of(SHARE)
    report = check(TEXT)
    suppression = Suppression(1, frozenset({"FC01"}), "agreed", start, end)
    kept, count, unused = apply_suppressions(report, source_with(suppression))
    assert count == 1 and unused == []
    assert "FC01" not in {f.rule for f in kept.findings}
    assert {f.rule for f in kept.discrepancies} == {"FC05"}
    assert kept.quantities == report.quantities


def test_suppression_without_codes_covers_every_rule() -> None:
    start, end = span_of(SUM)
    kept, count, unused = apply_suppressions(check(TEXT), source_with(Suppression(3, frozenset(), "", start, end)))
    assert count == 1 and unused == []
    assert {f.rule for f in kept.discrepancies} == {"FC01"}


def test_suppression_for_another_rule_or_place_is_unused() -> None:
    share_span, sum_span = span_of(SHARE), span_of(SUM)
    wrong_rule = Suppression(1, frozenset({"FC05"}), "", *share_span)
    elsewhere = Suppression(5, frozenset(), "", *span_of(PASSING))  # only a pass there
    report = check(TEXT)
    kept, count, unused = apply_suppressions(report, source_with(wrong_rule, elsewhere))
    assert count == 0 and unused == [wrong_rule, elsewhere]
    assert kept.findings == report.findings
    used = Suppression(3, frozenset({"FC05"}), "", *sum_span)
    _, count, unused = apply_suppressions(report, source_with(wrong_rule, used))
    assert count == 1 and unused == [wrong_rule]


def test_span_end_is_exclusive() -> None:
    report = check(TEXT)
    share = by_rule(list(report.findings), "FC01")
    first = min(number.quantity.start for number in share.numbers)
    last = max(number.quantity.start for number in share.numbers)
    _, count, _ = apply_suppressions(report, source_with(Suppression(1, frozenset(), "", 0, first)))
    assert count == 0
    _, count, _ = apply_suppressions(report, source_with(Suppression(1, frozenset(), "", last, last + 1)))
    assert count == 1


def test_no_suppressions() -> None:
    report = check(TEXT)
    assert apply_suppressions(report, Source("a.txt", TEXT, "text")) == (report, 0, [])


def test_a_finding_across_sentences_fingerprints_every_sentence() -> None:
    text = "Exports reached 390 billion tenge. Machine builders shipped 200 billion tenge, or 71% of the total."
    document, findings = checked(text)
    share = by_rule(findings, "FC01")
    assert sentence_text(share, document) == text
    edited_document, edited = checked(text.replace("390", "380"))
    assert fingerprint(share, document) != fingerprint(by_rule(edited, "FC01"), edited_document)
