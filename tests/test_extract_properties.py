"""Properties of extraction and of interval arithmetic, checked on generated inputs.

(a) a positive figure written the way releases write it, in a sentence, is read back as
    one quantity with the right unit whose interval holds the written value;
(b) any text at all is read without an exception, and the spans are honest;
(c) interval arithmetic encloses the arithmetic of its members.
"""

from __future__ import annotations

import pickle
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import Bound, Interval, Kind, extract, scan
from factcheck._interval import product as interval_product

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- (a) written figures ---------------------------------------------------------------------

@attrs.frozen
class Written:
    """A figure as written, and what it must be read as."""

    sentence: str
    figure: str
    value: Fraction
    unit: str
    kind: Kind
    bound: Bound | None


SCALES = [  # (spelling, factor, may be glued to the digits)
    ("thousand", 10**3, False), ("million", 10**6, False), ("mln", 10**6, True), ("mn", 10**6, False),
    ("billion", 10**9, False), ("bln", 10**9, True), ("bn", 10**9, True), ("trillion", 10**12, False),
    ("trln", 10**12, True), ("trl", 10**12, True), ("tn", 10**12, False),
]
MONEY_ONLY_SCALES = [("m", 10**6, True), ("k", 10**3, True)]  # "$6m", "€12k": scales only after a currency
PREFIXES = [("$", "USD"), ("KZT ", "KZT"), ("€", "EUR")]
SUFFIXES = [(" tenge", "KZT", Kind.AMOUNT), (" dollars", "USD", Kind.AMOUNT), (" tons", "t", Kind.AMOUNT),
            (" km", "km", Kind.AMOUNT), ("%", "percent", Kind.PERCENT)]
HEDGES = [
    ("more than ", Bound.ABOVE), ("over ", Bound.ABOVE), ("exceeding ", Bound.ABOVE),
    ("at least ", Bound.AT_LEAST), ("nearly ", Bound.BELOW), ("almost ", Bound.BELOW),
    ("up to ", Bound.AT_MOST), ("less than ", Bound.AT_MOST), ("about ", Bound.ABOUT),
    ("around ", Bound.ABOUT), ("approximately ", Bound.ABOUT), ("some ", Bound.ABOUT),
]
FRAMES = [
    "{} was set aside for the new programme.",
    "The ministry reported {} for the first quarter.",
    "According to the agency, the figure reached {} by the end of the season.",
    "Officials said {} had been spent, and the work goes on.",
    "Spending on rural schools came to {}; the rest went to clinics.",
    "In its statement the company put the total at {}.",
    "The regional office counted {}, it said on Tuesday.",
]


def _grouped(digits: str, separator: str) -> str:
    """ "1485000" -> "1,485,000" (or "1 485 000", or unchanged when the separator is "")."""
    head = len(digits) % 3 or 3
    return separator.join([digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))])


@st.composite
def written_figures(draw: st.DrawFn) -> Written:
    decimals = draw(st.integers(0, 3))
    mantissa = draw(st.integers(1, 10**7))
    value = Fraction(mantissa, 10**decimals)
    whole, fraction = divmod(mantissa, 10**decimals)
    digits = str(whole)
    if whole >= 1000:
        digits = _grouped(digits, draw(st.sampled_from(["", ",", " "])))
    numeral = digits + (f".{fraction:0{decimals}d}" if decimals else "")

    place = draw(st.sampled_from(["before", "after"]))
    if place == "before":
        prefix, unit = draw(st.sampled_from(PREFIXES))
        suffix, kind = "", Kind.AMOUNT
        scales = SCALES + MONEY_ONLY_SCALES
    else:
        prefix = ""
        suffix, unit, kind = draw(st.sampled_from(SUFFIXES))
        scales = SCALES if unit != "percent" else []

    scaled = ""
    if scales and draw(st.booleans()):
        word, factor, gluable = draw(st.sampled_from(scales))
        glued = gluable and draw(st.booleans())
        scaled = word if glued else " " + word
        value *= factor

    hedge, bound = draw(st.sampled_from([("", None), *HEDGES]))
    figure = prefix + numeral + scaled + suffix
    frame = draw(st.sampled_from(FRAMES))
    written = hedge + figure
    if frame.startswith("{}"):
        written = written[0].upper() + written[1:]  # sentence case: "More than $5 ..." / "KZT ..."
    return Written(frame.format(written), figure, value, unit, kind, bound)


@PROPERTY
@given(written_figures())
@example(Written("Officials said 45 thousand tons had been spent.", "45 thousand tons", Fraction(45000), "t",
                 Kind.AMOUNT, None))
@example(Written("The ministry reported more than KZT 2,018 for the first quarter.", "KZT 2,018", Fraction(2018),
                 "KZT", Kind.AMOUNT, Bound.ABOVE))
@example(Written("The ministry reported $2018 for the first quarter.", "$2018", Fraction(2018), "USD",
                 Kind.AMOUNT, None))
def test_a_written_figure_is_read_back(case: Written) -> None:
    found = extract(case.sentence)
    assert len(found) == 1, [q.text for q in found]
    (quantity,) = found
    assert quantity.text.endswith(case.figure) or quantity.text == case.figure
    assert case.sentence[quantity.start:quantity.end] == quantity.text
    assert quantity.value == case.value
    assert quantity.unit == case.unit
    assert quantity.kind is case.kind
    assert quantity.interval.contains(case.value)
    assert quantity.rounded_interval.contains(case.value)
    if case.bound is None:
        assert quantity.hedge is None
    else:
        assert quantity.hedge is not None and quantity.hedge.bound is case.bound


# -- (b) any text --------------------------------------------------------------------------------

# Text near what releases contain is far likelier to reach the extractor's corners than
# uniformly random characters, so half of the inputs are built from these pieces.
PIECES = [
    *"0123456789 ,.-−–()%$€£₸₹\n\t+~/:", "12", "1,370", "6 000", "0.5", "49", "745", "2020", "2017-18",
    "bn", "bln", "mln", "m", "k", "tn", "trl", "crore", "lakh", "thousand", "billion", "tenge", "dollars",
    "KZT", "US$", "Rs", "T", "P", "t", "sq m", "km", "ha", "per cent", "pp", "basis points", "times", "fold",
    "-fold", "x", "doubled", "twice", "half", "a third", "two-thirds", "four", "twenty-five", "a thousand",
    "more than", "over", "about", "up to", "nearly", "at least", "or more", "and older", "between", "and",
    "from", "to", "of the", "years", "Q3", "FY", "No.", "Article", "COVID-", "August", "th", "\x1b[0m",
    "\u00a0", "\u202f",
]
release_like = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)



@PROPERTY
@given(st.one_of(st.text(), release_like))
@example("")
@example("1" * 5000)
@example("t500 billion")
@example("(" * 50 + "41.2" + ")" * 50)
@example("from 45 to 90 thousand tons, between 140 and 142 million dollars")
def test_any_text_is_read_and_spans_are_honest(text: str) -> None:
    result = scan(text)
    previous_end = 0
    for quantity in result.quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.start >= previous_end, "quantities overlap or are out of order"
        previous_end = quantity.end
        interval = quantity.interval  # never an empty interval
        assert interval.low <= quantity.value <= interval.high or quantity.hedge is not None
        assert quantity.rounded_interval.low <= interval.low and interval.high <= quantity.rounded_interval.high
        if quantity.hedge is not None:
            assert text[quantity.hedge.start:quantity.hedge.end] == quantity.hedge.text
    previous_end = 0
    for anchor in result.anchors:
        assert text[anchor.start:anchor.end] == anchor.text
        assert anchor.start >= previous_end
        previous_end = anchor.end
    assert list(result.quantities) == extract(text)


# -- (c) interval arithmetic -----------------------------------------------------------------------

fractions = st.fractions(min_value=-10**6, max_value=10**6, max_denominator=1000)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted((draw(fractions), draw(fractions)))
    return Interval(low, high)


@st.composite
def interval_and_member(draw: st.DrawFn) -> tuple[Interval, Fraction]:
    interval = draw(intervals())
    share = draw(st.fractions(min_value=0, max_value=1, max_denominator=100))
    return interval, interval.low + share * (interval.high - interval.low)


@PROPERTY
@given(interval_and_member(), interval_and_member())
def test_interval_arithmetic_encloses_its_members(a: tuple[Interval, Fraction], b: tuple[Interval, Fraction]) -> None:
    (first, x), (second, y) = a, b
    assert first.contains(x) and second.contains(y)
    assert (first + second).contains(x + y)
    assert (first - second).contains(x - y)
    assert (first * second).contains(x * y)
    assert (-first).contains(-x)
    if not second.contains(0):
        assert (first / second).contains(x / y)


@PROPERTY
@given(intervals(), intervals())
def test_interval_endpoints_are_reached(first: Interval, second: Interval) -> None:
    """The results are the tightest enclosures: each endpoint is the result of some members."""
    corners = [(x, y) for x in (first.low, first.high) for y in (second.low, second.high)]
    total = first + second
    assert total.low == first.low + second.low and total.high == first.high + second.high
    product = first * second
    assert product.low == min(x * y for x, y in corners) and product.high == max(x * y for x, y in corners)
    assert first.meets(first.hull(second)) and first.gap(second) == second.gap(first) >= 0
    assert (first.gap(second) == 0) == first.meets(second)


@PROPERTY
@given(intervals(), intervals())
def test_a_quotient_is_reached_at_its_ends(first: Interval, second: Interval) -> None:
    """Dividing by an interval of either sign gives exactly the least and greatest corner quotients."""
    if second.contains(0):
        with pytest.raises(ZeroDivisionError):
            first / second
        return
    quotients = [x / y for x in (first.low, first.high) for y in (second.low, second.high)]
    assert (first / second).low == min(quotients) and (first / second).high == max(quotients)


@PROPERTY
@given(fractions, fractions, fractions, st.integers(min_value=1, max_value=50))
def test_an_interval_is_a_value_of_its_ends(a: Fraction, b: Fraction, c: Fraction, factor: int) -> None:
    """Ends kept in lowest terms: the same ends however written are the same interval (equal,
    hashed alike, pickled back); comparisons with a value agree with the Fractions'."""
    low, high = sorted((a, b))
    interval = Interval(low, high)
    scaled = Interval(f"{low.numerator * factor}/{low.denominator * factor}", high)  # a string, not in lowest terms
    assert (interval.low, interval.high) == (low, high) and type(interval.low) is Fraction
    assert scaled == interval and hash(scaled) == hash(interval) and (scaled != Interval(low, high + 1))
    assert all(pickle.loads(pickle.dumps(interval, protocol)) == interval for protocol in range(pickle.HIGHEST_PROTOCOL + 1))
    assert repr(interval) == f"Interval(low={low!r}, high={high!r})"
    assert interval.contains(c) == (low <= c <= high)
    assert interval.meets(Interval.point(c)) == (low <= c <= high)
    assert (interval + Interval.point(c)).is_point == (low == high)
    with pytest.raises(AttributeError):
        interval.low = c  # type: ignore[misc]


@PROPERTY
@given(st.lists(intervals(), min_size=1, max_size=3), st.lists(intervals(), max_size=2))
def test_a_fused_product_is_the_product_step_by_step(multipliers: list[Interval], divisors: list[Interval]) -> None:
    """Verdicts multiply and divide in one step over integer ends: the same interval as
    multiplying and dividing one operand at a time, negative operands included."""
    try:
        expected = multipliers[0]
        for factor in multipliers[1:]:
            expected = expected * factor
        for divisor in divisors:
            expected = expected / divisor
    except ZeroDivisionError:
        with pytest.raises(ZeroDivisionError):
            interval_product(multipliers, divisors)
        return
    assert interval_product(multipliers, divisors) == expected
