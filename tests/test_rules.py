"""The rules and their fixtures.

(a) Every case of ``rules/fixtures/<module>.toml`` is checked: its rule must give the
    expected verdict, and a case that should pass must raise no discrepancy anywhere.
(b) Meta-tests keep the rule set in shape: codes and names, docstrings, fixture files,
    discovery, and relations that sympy can solve for every role.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import factcheck
import factcheck.rules
from factcheck import Verdict
from factcheck.rules import all_rules

FIXTURES = Path(factcheck.rules.__path__[0]) / "fixtures"
SECTIONS = ("What it checks:", "Why it matters:", "Consistent example:", "Discrepancy example:", "Tolerance:")
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
VERDICTS = {verdict.value for verdict in Verdict}


def _rule_modules() -> dict[str, ModuleType]:
    """Every module of the rules package, by name, whether or not it defines RULE."""
    return {
        info.name: importlib.import_module(f"factcheck.rules.{info.name}")
        for info in pkgutil.iter_modules(factcheck.rules.__path__)
    }


MODULES = {name: module for name, module in _rule_modules().items() if hasattr(module, "RULE")}


def _load(path: Path) -> list[dict[str, str]]:
    with path.open("rb") as handle:
        return tomllib.load(handle).get("case", [])


def _cases() -> list[pytest.param]:
    params = []
    for path in sorted(FIXTURES.glob("*.toml")):
        for case in _load(path):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}/{case['name']}"))
    return params


def _show(report: factcheck.Report) -> str:
    lines = [f"  {f.rule} {f.verdict.value}: {f.message}" for f in report.findings]
    return "\n".join(lines) or "  (no findings)"


# -- (a) the fixtures --------------------------------------------------------------------------

@pytest.mark.parametrize(("module", "case"), _cases())
def test_fixture_case(module: str, case: dict[str, str]) -> None:
    code = MODULES[module].RULE.code
    expected = Verdict(case["verdict"])
    report = factcheck.check(case["text"])
    verdicts = [finding.verdict for finding in report.findings if finding.rule == code]
    assert expected in verdicts, f"{code} should give {expected.value}; found:\n{_show(report)}"
    if expected is Verdict.PASS:
        assert not report.discrepancies, f"a consistent text raised a false alarm:\n{_show(report)}"


# -- (b) meta-tests ----------------------------------------------------------------------------

def test_rule_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes)), codes
    assert all(re.fullmatch(r"FC\d\d", code) for code in codes), codes


def test_rule_names_and_kinds_are_unique() -> None:
    names = [rule.name for rule in all_rules()]
    assert len(names) == len(set(names)), names
    assert all(KEBAB.fullmatch(name) for name in names), names
    kinds = [rule.kind for rule in all_rules()]  # check() looks rules up by kind
    assert len(kinds) == len(set(kinds)), kinds


@pytest.mark.parametrize("module", sorted(MODULES))
def test_docstring_has_the_five_sections_in_order(module: str) -> None:
    doc = MODULES[module].__doc__ or ""
    positions = []
    for section in SECTIONS:
        found = re.search(rf"^{re.escape(section)}[ \t]*$", doc, re.MULTILINE)
        assert found, f"{module}: no {section!r} section"
        positions.append(found.start())
    assert positions == sorted(positions), f"{module}: sections out of order"
    bodies = re.split("|".join(rf"^{re.escape(s)}[ \t]*$" for s in SECTIONS), doc, flags=re.MULTILINE)[1:]
    assert all(body.strip() for body in bodies), f"{module}: an empty section"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_rule_has_fixtures(module: str) -> None:
    path = FIXTURES / f"{module}.toml"
    assert path.is_file(), f"no fixture file {path.name}"
    cases = _load(path)
    verdicts = [case["verdict"] for case in cases]
    assert "pass" in verdicts and "discrepancy" in verdicts, verdicts


def test_fixture_files_are_well_formed() -> None:
    files = sorted(FIXTURES.glob("*.toml"))
    assert {path.stem for path in files} == set(MODULES), "a fixture file without its rule module"
    for path in files:
        cases = _load(path)
        names = [case.get("name", "") for case in cases]
        assert len(names) == len(set(names)), f"{path.name}: duplicate case names"
        for case in cases:
            assert set(case) == {"name", "text", "verdict"}, f"{path.name}: {case}"
            assert KEBAB.fullmatch(case["name"]), f"{path.name}: {case['name']!r} is not kebab-case"
            assert case["verdict"] in VERDICTS, f"{path.name}/{case['name']}: {case['verdict']!r}"
            assert case["text"].strip(), f"{path.name}/{case['name']}: empty text"


def test_all_rules_lists_exactly_the_rule_modules() -> None:
    listed = all_rules()
    assert sorted(rule.code for rule in listed) == sorted(module.RULE.code for module in MODULES.values())
    assert len(listed) == len(MODULES)
    assert [rule.code for rule in listed] == sorted(rule.code for rule in listed)
    by_code = {module.RULE.code: module for module in MODULES.values()}
    for rule in listed:
        assert rule.doc == (by_code[rule.code].__doc__ or "").strip()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_relation_is_solved_for_every_role(module: str) -> None:
    rule = MODULES[module].RULE
    relation = rule.equation
    assert relation.roles, rule.relation
    if relation.is_inequality:
        assert relation.lesser in relation.roles
        assert (relation.greater in relation.roles) != (relation.limit is not None)
        return
    assert relation.stated == relation.roles[0]
    assert set(relation.solutions) == set(relation.roles), f"{rule.relation}: unsolved roles"
    fields = set(re.findall(r"{(\w+)}", rule.arithmetic))
    assert fields <= set(relation.roles) | {"computed"}, rule.arithmetic
