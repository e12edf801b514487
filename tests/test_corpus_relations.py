"""Relation finding and verdicts measured on the annotated corpus (skipped without it).

The thresholds are the levels reached so far; they guard against regressions. The
targets the project aims for are in the README with the command that measures them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck._evaluate import RelationScore, score_relations
from factcheck._source import read_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
if not CORPUS.is_dir():
    pytest.skip(f"annotated corpus not found at {CORPUS}", allow_module_level=True)


@pytest.fixture(scope="module")
def scores() -> dict[str, RelationScore]:
    result = {}
    for path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        result[gold["doc"]] = score_relations(read_text(CORPUS / gold["doc"]), gold)
    return result


@pytest.fixture(scope="module")
def total(scores: dict[str, RelationScore]) -> RelationScore:
    combined = RelationScore()
    for score in scores.values():
        combined = combined + score
    return combined


def test_no_false_alarm_on_a_consistent_relation(total: RelationScore) -> None:
    assert total.false_alarms == 0, [n for n in total.notes if n.startswith("verdict")]


def test_no_discrepancy_outside_the_gold(total: RelationScore) -> None:
    assert total.unmatched_discrepancies == 0, [n for n in total.notes if n.startswith("unmatched")]


def test_every_inconsistent_relation_is_caught(total: RelationScore) -> None:
    assert total.caught == total.inconsistent


def test_verdicts_agree_on_what_is_found(total: RelationScore) -> None:
    assert total.agreed / total.matched >= 0.95


def test_relation_recall_does_not_regress(total: RelationScore) -> None:
    assert total.matched / total.gold >= 0.62, [n for n in total.notes if n.startswith("missed")]


def test_edited_figures_are_caught(total: RelationScore) -> None:
    assert total.mutations >= 50
    assert total.mutations_detected / total.mutations >= 0.95


def test_seed_relations(scores: dict[str, RelationScore]) -> None:
    seed = scores["seed.txt"]
    assert seed.agreed == seed.matched
    assert seed.matched >= 26
