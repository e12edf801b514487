"""Making untrusted text safe to print on a terminal."""

from __future__ import annotations

import re
from fractions import Fraction

__all__ = ["format_number", "terminal_safe"]

# C0 and C1 controls (tab and newline included: a finding is one line), DEL, and the
# bidirectional overrides that can make a terminal show text other than what it is.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as an escape, never interpreted."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


_SCALE_NAMES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_number(value: object, digits: int = 4) -> str:
    """A readable rendering of an exact value: "2.12 trillion", "51.28", "-0.18"."""
    # a Fraction's own float() goes through the numbers ABC: the same division, slower
    number = value.numerator / value.denominator if isinstance(value, Fraction) else float(value)  # type: ignore[arg-type]
    size = abs(number)
    if size >= 1e6:  # most figures are smaller: one comparison, not three
        for scale, name in _SCALE_NAMES:
            if size >= scale:
                return f"{_trim(number / scale, size / scale, digits)} {name}"
    return _trim(number, size, digits)


def _trim(number: float, size: float, digits: int) -> str:
    if number.is_integer() and size < 1e15:
        return f"{int(number):,}"
    decimals = max(digits - len(str(int(size))), 1) if size >= 1 else digits
    text = f"{number:,.{decimals}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
