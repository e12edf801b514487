"""Extraction against the annotated corpus in ../shared/corpus (see its FORMAT.md).

seed.numbers.json lists every numeric mention of seed.txt, hand-reviewed; the
*.gold.json files mark the number spans of every checkable relation.  The targets are
the extractor's acceptance bar.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck._evaluate import ExtractionScore, score_extraction, score_gold_spans
from factcheck._source import read_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

if not (CORPUS / "seed.numbers.json").is_file():
    pytest.skip(f"annotated corpus not found at {CORPUS} (expected seed.numbers.json and *.gold.json)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def seed_score() -> ExtractionScore:
    reference = json.loads((CORPUS / "seed.numbers.json").read_text(encoding="utf-8"))
    text = read_text(CORPUS / reference.get("seed", "seed.txt"))
    return score_extraction(text, reference["mentions"])


def _misses(score: ExtractionScore) -> str:
    return "\n".join(score.misses[:40])


def test_the_reference_is_what_it_says(seed_score: ExtractionScore) -> None:
    assert seed_score.claims > 200 and seed_score.dates > 0 and seed_score.multipliers > 0


def test_claims_found(seed_score: ExtractionScore) -> None:
    assert seed_score.found >= 0.996 * seed_score.claims, _misses(seed_score)


def test_values_right(seed_score: ExtractionScore) -> None:
    assert seed_score.values_right >= 0.99 * seed_score.claims, _misses(seed_score)


def test_units_right(seed_score: ExtractionScore) -> None:
    assert seed_score.units_right >= 0.98 * seed_score.claims, _misses(seed_score)


def test_multipliers(seed_score: ExtractionScore) -> None:
    assert (seed_score.multipliers_right, seed_score.multipliers) == (10, 10), _misses(seed_score)


def test_hedges_typed_and_none_invented(seed_score: ExtractionScore) -> None:
    assert (seed_score.hedges_right, seed_score.hedges) == (16, 16)
    assert seed_score.hedges_invented == 0


def test_no_date_reported_as_a_quantity(seed_score: ExtractionScore) -> None:
    assert seed_score.dates_reported == 0


def test_every_gold_number_span_is_found() -> None:
    found, total, misses = score_gold_spans(CORPUS)
    assert total > 0
    assert found == total, "\n".join(misses)


def test_every_gold_span_slices_its_text() -> None:
    """The annotations themselves: offsets agree with the decoded text (FORMAT.md)."""
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = read_text(CORPUS / gold["doc"])
        for relation in gold["relations"]:
            for number in relation["numbers"]:
                assert text[number["start"]:number["end"]] == number["text"], (gold_path.name, number)
