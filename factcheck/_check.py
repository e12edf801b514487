"""check(text) -> Report: extraction, relation finding and rule verdicts in one pass."""

from __future__ import annotations

from ._document import Document
from ._extract import scan
from ._findings import Report
from ._relations import find_candidates
from ._verdict import judge

__all__ = ["check"]


def check(text: str | Document) -> Report:
    """Find every checkable relation of a release and judge it."""
    from .rules import all_rules

    document = text if isinstance(text, Document) else Document(text)
    result = scan(document)
    rules = {rule.kind: rule for rule in all_rules()}
    findings = [judge(rules[candidate.kind], candidate) for candidate in find_candidates(document, result)]
    findings.sort(key=lambda finding: (finding.start, finding.rule))
    return Report(tuple(findings), result.quantities)
