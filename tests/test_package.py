"""The public surface: a small typed API that loads sympy and pint only when needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import factcheck

EXPORTED = {
    "Bound", "Finding", "Hedge", "Interval", "Kind", "Number", "Quantity", "Reading", "ReadingResult",
    "Report", "Rule", "Scan", "TimeAnchor", "Verdict", "check", "extract", "scan",
}


def test_exported_names() -> None:
    assert set(factcheck.__all__) == EXPORTED
    for name in EXPORTED:
        assert getattr(factcheck, name) is not None


def test_typed_marker_ships() -> None:
    assert (Path(factcheck.__file__).parent / "py.typed").exists()


def test_rules_install_as_a_subpackage() -> None:
    from factcheck.rules import all_rules

    assert {rule.kind for rule in all_rules()} == {
        "share", "ratio", "percent_change", "pp_change", "sum", "difference", "subset", "share_sum", "per_unit"}


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(output.split())


def test_import_loads_neither_sympy_nor_pint() -> None:
    loaded = _modules_after("import factcheck")
    assert "sympy" not in loaded and "pint" not in loaded


def test_extraction_loads_neither_sympy_nor_pint() -> None:
    loaded = _modules_after("import factcheck; factcheck.extract('more than 2 trillion tenge, or 53%')")
    assert "sympy" not in loaded and "pint" not in loaded


def test_pint_registry_keeps_currencies_apart() -> None:
    from factcheck import _lexicon as lex
    from factcheck._units import conversion_factor, registry

    units = registry()
    for symbol in {*lex.UNITS.values(), *lex.CURRENCY_SYMBOLS.values(), *lex.CURRENCY_NAMES.values(),
                   "percent", "pp", "factor", "count"}:
        units.Unit(symbol)  # every unit the extractor names exists in the registry
    assert conversion_factor("KZT", "USD") is None
    assert conversion_factor("km", "m") == 1000
    assert conversion_factor("t", "kg") == 1000
