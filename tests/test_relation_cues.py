"""Which figures a text's cues tie together: relations that must be found, with their
roles, and look-alikes that must not be."""

from __future__ import annotations



from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Verdict

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _roles(finding: factcheck.Finding) -> list[tuple[str, str]]:
    return [(number.role, number.quantity.text) for number in finding.numbers]


def _of_kind(text: str, kind: str) -> list[factcheck.Finding]:
    return [finding for finding in factcheck.check(text).findings if finding.kind == kind]


# -- table rows that add up the rows above them ----------------------------------------------

def _table(rows: list[tuple[str, list[int]]]) -> str:
    lines = ["Operating statement ($ thousands)", "                 2025      2024      2023"]
    lines += [f"{label:<16}" + "".join(f"{value:>10,}" for value in values) for label, values in rows]
    return "\n".join(lines) + "\n"


def test_a_row_that_is_a_separate_item_is_no_total() -> None:
    text = _table([("Completed", [44, 38, 40]), ("Pending", [17, 21, 19]), ("Appeals", [12, 9, 14])])
    assert _of_kind(text, "sum") == []


def test_a_total_row_is_one_sum_per_column() -> None:
    text = _table([("Grants", [510, 480, 455]), ("Fees", [95, 90, 88]), ("Total", [605, 570, 543])])
    sums = _of_kind(text, "sum")
    assert [_roles(finding) for finding in sums] == [
        [("total", "605"), ("part", "510"), ("part", "95")],
        [("total", "570"), ("part", "480"), ("part", "90")],
        [("total", "543"), ("part", "455"), ("part", "88")],
    ]
    assert all(finding.verdict is Verdict.PASS for finding in sums)


def test_a_running_balance_takes_the_previous_balance_as_a_part() -> None:
    text = _table([("Revenue", [900, 850, 800]), ("Expenses", [-700, -720, -650]), ("Balance", [200, 130, 150]),
                   ("Transfers", [-50, 20, 10]), ("Net position", [150, 150, 160])])
    totals = [_roles(finding)[0] for finding in _of_kind(text, "sum")]
    assert totals == [("total", "200"), ("total", "130"), ("total", "150"),
                      ("total", "150"), ("total", "150"), ("total", "160")]


amounts = st.lists(st.integers(min_value=100, max_value=90_000), min_size=3, max_size=3)


@PROPERTY
@given(st.lists(amounts, min_size=2, max_size=4), st.integers(min_value=0, max_value=2))
def test_a_total_row_passes_and_a_cell_moved_off_it_is_caught(parts: list[list[int]], column: int) -> None:
    totals = [sum(values) for values in zip(*parts)]
    rows = [(f"Item {chr(65 + i)}", values) for i, values in enumerate(parts)]
    consistent = _table(rows + [("Total", totals)])
    assert {f.verdict for f in _of_kind(consistent, "sum")} == {Verdict.PASS}
    moved = list(totals)
    moved[column] += 7  # beyond the rounding of whole thousands however many parts there are
    edited = _of_kind(_table(rows + [("Total", moved)]), "sum")
    assert [f.verdict for f in edited].count(Verdict.DISCREPANCY) == 1

