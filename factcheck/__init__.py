"""factcheck: check that the numbers in a press release agree with each other."""

from ._extract import Scan, extract, scan
from ._interval import Interval
from ._models import Bound, Hedge, Kind, Quantity, TimeAnchor

__all__ = ["Bound", "Hedge", "Interval", "Kind", "Quantity", "Scan", "TimeAnchor", "extract", "scan"]
__version__ = "0.1.0"
