"""factcheck: check that the numbers in a press release agree with each other.

    >>> report = factcheck.check(text)      # every relation found, judged
    >>> factcheck.extract(text)             # every number, read exactly
"""

from ._check import check
from ._extract import Scan, extract, scan
from ._findings import Finding, Number, Reading, ReadingResult, Report
from ._interval import Interval
from ._models import Bound, Hedge, Kind, Quantity, TimeAnchor
from ._rule import Rule, Verdict

__all__ = [
    "Bound", "Finding", "Hedge", "Interval", "Kind", "Number", "Quantity", "Reading", "ReadingResult",
    "Report", "Rule", "Scan", "TimeAnchor", "Verdict", "check", "extract", "scan",
]
__version__ = "0.1.0"
