"""Releases written for the project (not the annotated corpus): every consistent one must
raise no discrepancy, and each release with one edited figure must raise at least one.

They were written to probe false alarms: parallel lists ("respectively"), tables with
percent columns, total rows and "of which" rows, nested "of which" lists, shares of
different years, rates beside totals, changes of other periods.  A false alarm costs a
user's trust more than a miss, so a consistent release here that fails is a regression."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck import Verdict

RELEASES = Path(__file__).parent / "releases"


def _show(report: factcheck.Report) -> str:
    return "\n".join(f"  {f.rule} {f.verdict.value}: {f.message}" for f in report.findings)


@pytest.mark.parametrize("path", sorted((RELEASES / "consistent").glob("*.txt")), ids=lambda p: p.stem)
def test_a_consistent_release_raises_no_discrepancy(path: Path) -> None:
    report = factcheck.check(path.read_text(encoding="utf-8"))
    assert not report.discrepancies, f"false alarm in {path.name}:\n{_show(report)}"


@pytest.mark.parametrize("path", sorted((RELEASES / "slips").glob("*.txt")), ids=lambda p: p.stem)
def test_a_release_with_an_edited_figure_raises_a_discrepancy(path: Path) -> None:
    report = factcheck.check(path.read_text(encoding="utf-8"))
    assert any(f.verdict is Verdict.DISCREPANCY for f in report.findings), f"slip missed in {path.name}:\n{_show(report)}"


def test_the_release_folders_are_not_empty() -> None:
    assert len(list((RELEASES / "consistent").glob("*.txt"))) >= 90
    assert len(list((RELEASES / "slips").glob("*.txt"))) >= 9
