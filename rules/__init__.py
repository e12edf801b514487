"""The rule modules: one module per kind of relation, each ending with ``RULE = Rule(...)``.

Rules are found by listing this package's modules (no registration side effects); a
new rule is one module here and one fixture file in ``fixtures/``.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from factcheck._rule import Rule

__all__ = ["all_rules"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, ordered by code."""
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            found.append(Rule(**{**_fields(rule), "doc": (module.__doc__ or "").strip()}))
    return tuple(sorted(found, key=lambda rule: rule.code))


def _fields(rule: Rule) -> dict[str, object]:
    import attrs

    return attrs.asdict(rule, recurse=False)
