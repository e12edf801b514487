"""factcheck: check that the numbers in a press release agree with each other.

    >>> report = factcheck.check(text)      # every relation found, judged
    >>> factcheck.extract(text)             # every number, read exactly

Names load on first use, so that ``import factcheck`` stays cheap for a command line
that runs on every commit.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "Bound", "Finding", "Hedge", "Interval", "Kind", "Number", "Quantity", "Reading", "ReadingResult",
    "Report", "Rule", "Scan", "TimeAnchor", "Verdict", "check", "extract", "scan",
]
__version__ = "0.1.0"

_HOMES = {
    "check": "_check",
    "Scan": "_extract", "extract": "_extract", "scan": "_extract",
    "Finding": "_findings", "Number": "_findings", "Reading": "_findings", "ReadingResult": "_findings",
    "Report": "_findings",
    "Interval": "_interval",
    "Bound": "_models", "Hedge": "_models", "Kind": "_models", "Quantity": "_models", "TimeAnchor": "_models",
    "Rule": "_rule", "Verdict": "_rule",
}

if TYPE_CHECKING:
    from ._check import check
    from ._extract import Scan, extract, scan
    from ._findings import Finding, Number, Reading, ReadingResult, Report
    from ._interval import Interval
    from ._models import Bound, Hedge, Kind, Quantity, TimeAnchor
    from ._rule import Rule, Verdict


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
