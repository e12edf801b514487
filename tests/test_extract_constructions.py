"""How the extractor reads the constructions press releases use, one sentence per case.

Every case is a sentence (written for this suite; real figures reused where they make a
good example) and the complete, ordered list of quantities it must yield.  A single
helper compares what ``factcheck.extract`` returns with that list: span text, exact
value in base units, unit, kind, hedge bound and, where the case gives one, the interval.

Known extractor bugs are cases marked ``xfail(strict=True)`` with the reason; when a bug
is fixed the case starts passing, strict xfail turns that into a failure, and the mark
should then be removed.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

from factcheck import Bound, Kind, Quantity, extract, scan

A, CNT, NUM, PCT, PTS, FAC = Kind.AMOUNT, Kind.COUNT, Kind.NUMBER, Kind.PERCENT, Kind.POINTS, Kind.FACTOR
_UNSET = object()


def F(value: Fraction | int | str) -> Fraction:
    """An exact value from a readable literal: F("1.9e12"), F("-41.2"), F("1/4")."""
    return value if isinstance(value, Fraction) else Fraction(value)


@attrs.frozen
class Q:
    """One expected quantity.  ``interval`` / ``rounded`` / ``noun`` are checked only when given."""

    text: str
    value: Fraction = attrs.field(converter=F)
    unit: str | None
    kind: Kind
    hedge: Bound | None = None
    interval: tuple[str, str] | None = None
    rounded: tuple[str, str] | None = None
    noun: object = _UNSET


def case(case_id: str, sentence: str, *expected: Q, bug: str | None = None) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(sentence, list(expected), id=case_id, marks=marks)


def describe(quantity: Quantity) -> str:
    hedge = f" hedge={quantity.hedge.bound.value}" if quantity.hedge else ""
    return f"{quantity.text!r}={quantity.value} {quantity.unit} {quantity.kind.value}{hedge}"


def assert_quantities(sentence: str, expected: list[Q]) -> None:
    """``sentence`` yields exactly ``expected``, in order, each read as the case says."""
    found = extract(sentence)
    assert [q.text for q in found] == [e.text for e in expected], [describe(q) for q in found]
    for quantity, want in zip(found, expected):
        where = f"{want.text!r} in {sentence!r}: got {describe(quantity)}"
        assert sentence[quantity.start:quantity.end] == quantity.text, where
        assert quantity.value == want.value, where
        assert quantity.unit == want.unit, where
        assert quantity.kind is want.kind, where
        assert (quantity.hedge.bound if quantity.hedge else None) is want.hedge, where
        if quantity.hedge is not None:
            assert sentence[quantity.hedge.start:quantity.hedge.end] == quantity.hedge.text, where
        if want.interval is not None:
            interval = quantity.interval
            assert (interval.low, interval.high) == (F(want.interval[0]), F(want.interval[1])), where
        if want.rounded is not None:
            rounded = quantity.rounded_interval
            assert (rounded.low, rounded.high) == (F(want.rounded[0]), F(want.rounded[1])), where
        if want.noun is not _UNSET:
            assert quantity.noun == want.noun, where


SCALE_WORDS = [
    case("thousand", "Farms harvested 45 thousand tons of wheat.", Q("45 thousand tons", "45e3", "t", A)),
    case("million", "The museum received 3.2 million dollars from donors.",
         Q("3.2 million dollars", "3.2e6", "USD", A)),
    case("billion", "Regional budgets gained 14 billion tenge.", Q("14 billion tenge", "14e9", "KZT", A)),
    case("trillion", "Lending rose to 1.9 trillion tenge.", Q("1.9 trillion tenge", "1.9e12", "KZT", A)),
    case("k-after-currency", "The pilot scheme cost $12k in its first month.", Q("$12k", "12e3", "USD", A)),
    case("mln", "The akimat allotted 7 mln tenge to the library.", Q("7 mln tenge", "7e6", "KZT", A)),
    case("mn", "Small firms borrowed 4.5 mn tenge on average.", Q("4.5 mn tenge", "4.5e6", "KZT", A)),
    case("m-after-currency", "The port authority paid $6m for the cranes.", Q("$6m", "6e6", "USD", A)),
    case("m-after-currency-code", "The contract is worth USD 5.5m.", Q("USD 5.5m", "5.5e6", "USD", A)),
    case("m-alone-is-metres", "The new pier is 6 m wide.", Q("6 m", 6, "m", A)),
    case("bn", "Deposits grew by 14 bn tenge.", Q("14 bn tenge", "14e9", "KZT", A)),
    case("bln", "The holding invested 14 bln tenge.", Q("14 bln tenge", "14e9", "KZT", A)),
    case("tn", "A reserve of 2 tn tenge was created.", Q("2 tn tenge", "2e12", "KZT", A)),
    case("trln", "A reserve of 2 trln tenge was created.", Q("2 trln tenge", "2e12", "KZT", A)),
    case("trl", "A reserve of 2 trl tenge was created.", Q("2 trl tenge", "2e12", "KZT", A)),
    case("crore", "The state will spend Rs 40 crore on clinics.", Q("Rs 40 crore", "4e8", "INR", A)),
    case("lakh", "Each family gets 3 lakh rupees.", Q("3 lakh rupees", "3e5", "INR", A)),
    case("lakh-crore", "The rail plan needs Rs 1.5 lakh crore over time.",
         Q("Rs 1.5 lakh crore", "1.5e12", "INR", A)),
    case("lakh-crore-rupee-sign", "Highways were given ₹2 lakh crore.", Q("₹2 lakh crore", "2e12", "INR", A)),
    case("scale-without-unit", "Visitors: 12.5 thousand.", Q("12.5 thousand", "12.5e3", None, NUM)),
]

COMPOUNDS = [
    case("bln-mln", "Capital stood at 49 bln 745 mln tenge at year end.",
         Q("49 bln 745 mln tenge", "49745e6", "KZT", A, interval=("49744.5e6", "49745.5e6"))),
    case("trillion-billion", "Funding came to 3 trillion 100 billion tenge in all.",
         Q("3 trillion 100 billion tenge", "3.1e12", "KZT", A)),
]

GROUPING = [
    case("comma-thousands", "The fleet grew to 1,370 buses.",
         Q("1,370", 1370, "count", CNT, interval=("1370", "1370"), noun="buses")),
    case("comma-millions", "The plant sold 2,292,000 bottles.", Q("2,292,000", 2292000, "count", CNT)),
    case("space-thousands", "The new quarter will have 6 000 flats.", Q("6 000", 6000, "count", CNT, noun="flats")),
    case("space-thousands-decimal", "Builders delivered 1 485.8 thousand sq m of housing.",
         Q("1 485.8 thousand sq m", "1485.8e3", "m2", A)),
    case("nbsp-thousands", "Crews laid 2\u00a0450 km of cable.", Q("2\u00a0450 km", 2450, "km", A)),
    case("indian-grouping", "The district registered 1,21,082 voters.",
         Q("1,21,082", 121082, "count", CNT, noun="voters")),
    case("decimal-comma-scaled", "Turnover reached 88,6 billion tenge.", Q("88,6 billion tenge", "88.6e9", "KZT", A)),
    case("decimal-comma-bare", "The index closed at 346,1 on Friday.", Q("346,1", "346.1", None, NUM)),
    case("plain-decimal", "Exports fell to 0.46 bn tenge.", Q("0.46 bn tenge", "0.46e9", "KZT", A)),
]

CURRENCIES = [
    case("code-before-spaced", "Spending was KZT 530 bln last year.", Q("KZT 530 bln", "530e9", "KZT", A)),
    case("dollar-glued-bln", "The start-up raised $6bln from backers.", Q("$6bln", "6e9", "USD", A)),
    case("code-glued-trl", "The deficit came to KZT2.8trl in the draft.", Q("KZT2.8trl", "2.8e12", "KZT", A)),
    case("letter-T-before-scale", "Parliament approved T500 billion for roads.",
         Q("T500 billion", "500e9", "KZT", A)),
    case("letter-P-before-scale", "The budget is P5.024 trillion.", Q("P5.024 trillion", "5.024e12", "PHP", A)),
    case("rs-crore", "The state spent Rs 51,576 crore on roads.", Q("Rs 51,576 crore", "515760e6", "INR", A)),
    case("rs-dot", "A grant of Rs. 190 crore was cleared.", Q("Rs. 190 crore", "1.9e9", "INR", A)),
    case("euro-sign", "The region secured €12.5 million in grants.", Q("€12.5 million", "12.5e6", "EUR", A)),
    case("pound-sign-bn", "The club spent £3bn on its stadium.", Q("£3bn", "3e9", "GBP", A)),
    case("us-dollar-sign", "Exports were US$121 million in May.", Q("US$121 million", "121e6", "USD", A)),
    case("tenge-after", "A loan of 15 million tenge was issued.", Q("15 million tenge", "15e6", "KZT", A)),
    case("tenge-sign-before", "The fund holds ₸200 billion in bonds.", Q("₸200 billion", "200e9", "KZT", A)),
    case("tenge-sign-after", "Tickets cost 500 ₸ each.", Q("500 ₸", 500, "KZT", A)),
    case("euro-code-mn", "The lender booked EUR 5.5 mn in fees.", Q("EUR 5.5 mn", "5.5e6", "EUR", A)),
    case("two-currencies", "KZT 3.4 trillion (USD 7.5 billion) was raised.",
         Q("KZT 3.4 trillion", "3.4e12", "KZT", A), Q("USD 7.5 billion", "7.5e9", "USD", A)),
    case("dollar-mn", "The studio made $5mn in May.", Q("$5mn", "5e6", "USD", A)),
    case("dollars-after-bn", "The firm earned 5 bn dollars abroad.", Q("5 bn dollars", "5e9", "USD", A)),
    case("T-without-scale-is-a-label", "Route T500 was closed for repairs."),
]

NEGATIVES = [
    case("minus-grouped", "The net change in jobs was -34,983 in the period.", Q("-34,983", -34983, "count", CNT)),
    case("unicode-minus-percent", "Prices fell by −5.2% in March.",
         Q("−5.2%", "-5.2", "percent", PCT, interval=("-5.25", "-5.15"))),
    case("accounting-parentheses", "Operating loss    (41.2)    (38.7)    12.4\n",
         Q("(41.2)", "-41.2", None, NUM), Q("(38.7)", "-38.7", None, NUM), Q("12.4", "12.4", None, NUM)),
    case("parentheses-in-prose-stay-positive", "The surplus (41.2 billion tenge) was kept.",
         Q("41.2 billion tenge", "41.2e9", "KZT", A)),
]

RANGES = [
    case("shared-scale-and-unit", "Harvests range from 45 to 90 thousand tons a year.",
         Q("45", "45e3", "t", A), Q("90 thousand tons", "90e3", "t", A)),
    case("shared-percent", "Growth of 7-10% is expected next year.",
         Q("7", 7, "percent", PCT), Q("10%", 10, "percent", PCT)),
    case("en-dash-shared-scale", "Sales may add 3–5 billion tenge.",
         Q("3", "3e9", "KZT", A), Q("5 billion tenge", "5e9", "KZT", A)),
    case("between-both-written", "The deal is valued between $140 million and $142 million.",
         Q("$140 million", "140e6", "USD", A), Q("$142 million", "142e6", "USD", A)),
    case("between-shared", "The bid was between 140 and 142 million dollars.",
         Q("140", "140e6", "USD", A), Q("142 million dollars", "142e6", "USD", A)),
    case("of-the", "So far 200 of the 390 billion tenge has been spent.",
         Q("200", "200e9", "KZT", A), Q("390 billion tenge", "390e9", "KZT", A)),
]

NUMBER_WORDS = [
    case("four", "The mayor opened four schools.", Q("four", 4, "count", CNT, noun="schools")),
    case("capitalised", "Seven projects were finished early.", Q("Seven", 7, "count", CNT, noun="projects")),
    case("out-of", "Local firms hold eight out of the top ten places.",
         Q("eight", 8, "count", CNT), Q("ten", 10, "count", CNT, noun="places")),
    case("a-third", "A third of the grant went to roads.", Q("A third", "100/3", "percent", PCT)),
    case("two-thirds", "Nearly two-thirds of the staff agreed.",
         Q("two-thirds", "200/3", "percent", PCT, hedge=Bound.BELOW)),
    case("half", "Half of the new flats are sold.", Q("Half", 50, "percent", PCT)),
    case("first-half-is-a-period", "In the first half of the year sales rose."),
    case("a-thousand", "A thousand volunteers cleaned the river.",
         Q("A thousand", 1000, "count", CNT, interval=("500", "1500"))),
    case("hyphenated", "The city has twenty-five parks.", Q("twenty-five", 25, "count", CNT)),
    case("double-digit-is-not-a-factor", "The firm posted double-digit growth."),
]

MULTIPLIERS = [
    case("times", "Output grew 5 times since the launch.", Q("5 times", 5, "factor", FAC)),
    case("hyphen-fold", "Profits rose 2.4-fold over the decade.", Q("2.4-fold", "2.4", "factor", FAC)),
    case("glued-fold", "Imports rose 2.1fold in a year.", Q("2.1fold", "2.1", "factor", FAC)),
    case("spaced-fold", "Imports rose 3 fold in a year.", Q("3 fold", 3, "factor", FAC)),
    case("by-times", "Sales increased by 2 times in a year.", Q("2 times", 2, "factor", FAC)),
    case("doubled", "Exports doubled in a year.", Q("doubled", 2, "factor", FAC)),
    case("tripled", "Passenger numbers tripled this spring.", Q("tripled", 3, "factor", FAC)),
    case("halved", "The queue for housing was halved.", Q("halved", "1/2", "factor", FAC)),
    case("twice", "The plant now makes twice as many buses.", Q("twice", 2, "factor", FAC)),
    case("x-suffix", "Bookings grew 5x in a year.", Q("5x", 5, "factor", FAC)),
    case("times-then-amount", "Revenue is 2.3 times more than 1.1 trillion tenge a year ago.",
         Q("2.3 times", "2.3", "factor", FAC), Q("1.1 trillion tenge", "1.1e12", "KZT", A)),
]

POINTS_AND_PERCENT = [
    case("percentage-points", "Unemployment fell 2.2 percentage points.",
         Q("2.2 percentage points", "2.2", "pp", PTS)),
    case("pp", "The share rose by 1.5 pp on the year.", Q("1.5 pp", "1.5", "pp", PTS)),
    case("basis-points", "The bank cut its rate by 25 basis points.",
         Q("25 basis points", "1/4", "pp", PTS, interval=("0.245", "0.255"))),
    case("bps", "Spreads widened 40 bps.", Q("40 bps", "0.4", "pp", PTS)),
    case("p.p.-then-percent", "The rate rose 0.8 p.p. to 5.1%.",
         Q("0.8 p.p.", "0.8", "pp", PTS), Q("5.1%", "5.1", "percent", PCT)),
    case("per-cent", "Inflation eased to 13 per cent in May.", Q("13 per cent", 13, "percent", PCT)),
    case("percent-word", "Inflation eased to 17.2 percent in May.", Q("17.2 percent", "17.2", "percent", PCT)),
    case("percent-sign", "Half of them, 53%, were women.",
         Q("Half", 50, "percent", PCT), Q("53%", 53, "percent", PCT)),
    case("percent-sign-spaced", "Turnout was 64 % in the city.", Q("64 %", 64, "percent", PCT)),
]

UNITS = [
    case("tonnes", "The mine shipped 12 tonnes of ore.", Q("12 tonnes", 12, "t", A)),
    case("tons", "The mill ground 3 tons of grain.", Q("3 tons", 3, "t", A)),
    case("sq-m", "Builders finished 3,500 sq m of offices.", Q("3,500 sq m", 3500, "m2", A)),
    case("sq.m.", "Builders finished 3,500 sq.m. of offices.", Q("3,500 sq.m.", 3500, "m2", A)),
    case("square-meters", "Builders finished 3,500 square meters of offices.",
         Q("3,500 square meters", 3500, "m2", A)),
    case("m2", "Builders finished 3,500 m2 of offices.", Q("3,500 m2", 3500, "m2", A)),
    case("m-squared-sign", "Builders finished 3,500 m² of offices.", Q("3,500 m²", 3500, "m2", A)),
    case("km", "The new road is 865 km long.", Q("865 km", 865, "km", A)),
    case("ha", "The orchard spans 120 ha on the slope.", Q("120 ha", 120, "ha", A)),
    case("hectares", "The orchard spans 120 hectares on the slope.", Q("120 hectares", 120, "ha", A)),
    case("kg", "Each sack holds 50 kg of flour.", Q("50 kg", 50, "kg", A)),
    case("MW", "A 250 MW solar park opened.", Q("250 MW", 250, "MW", A)),
    case("hyphenated-year", "A 10-year plan was approved.", Q("10-year", 10, "year", A)),
]

HEDGES = [
    case("more-than", "The programme spent more than 2 trillion tenge.",
         Q("2 trillion tenge", "2e12", "KZT", A, hedge=Bound.ABOVE, interval=("2e12", "3e12"))),
    case("over", "Volunteers planted over 300 trees.", Q("300", 300, "count", CNT, hedge=Bound.ABOVE)),
    case("exceeding", "Debts exceeding 40 billion tenge were written off.",
         Q("40 billion tenge", "40e9", "KZT", A, hedge=Bound.ABOVE)),
    case("at-least", "The fair drew at least 120 exhibitors.",
         Q("120", 120, "count", CNT, hedge=Bound.AT_LEAST, interval=("120", "130"))),
    case("almost", "The plant is almost 90% complete.",
         Q("90%", 90, "percent", PCT, hedge=Bound.BELOW, interval=("80", "90"))),
    case("nearly", "The park covers nearly 5 ha.", Q("5 ha", 5, "ha", A, hedge=Bound.BELOW, interval=("4", "5"))),
    case("just-under", "The town has just under 20 thousand residents.",
         Q("20 thousand", "20e3", "count", CNT, hedge=Bound.BELOW)),
    case("less-than", "The tender drew less than 10 bids.",
         Q("10", 10, "count", CNT, hedge=Bound.AT_MOST, interval=("0", "10"))),
    case("under", "The loan is under 5 million dollars.", Q("5 million dollars", "5e6", "USD", A, hedge=Bound.AT_MOST)),
    case("up-to", "Grants of up to 3 million tenge are offered.",
         Q("3 million tenge", "3e6", "KZT", A, hedge=Bound.AT_MOST, interval=("0", "3e6"))),
    case("about", "The site employs about 450 people.",
         Q("450", 450, "count", CNT, hedge=Bound.ABOUT, interval=("440", "460"))),
    case("around", "The firm has around 70 branches.", Q("70", 70, "count", CNT, hedge=Bound.ABOUT)),
    case("approximately", "The bridge is approximately 1.2 km long.",
         Q("1.2 km", "1.2", "km", A, hedge=Bound.ABOUT, interval=("1.1", "1.3"))),
    case("some", "Some 800 volunteers helped.", Q("800", 800, "count", CNT, hedge=Bound.ABOUT)),
    case("tilde", "Inflation is ~5% now.", Q("5%", 5, "percent", PCT, hedge=Bound.ABOUT, interval=("4", "6"))),
    case("more-than-half", "More than half of the flats were sold.",
         Q("half", 50, "percent", PCT, hedge=Bound.ABOVE)),
    case("over-grouped", "The firm has over 1 000 staff.",
         Q("1 000", 1000, "count", CNT, hedge=Bound.ABOVE, interval=("1000", "2000"))),
    case("roughly", "The fund is roughly $4 billion.", Q("$4 billion", "4e9", "USD", A, hedge=Bound.ABOUT)),
    case("and-older", "Residents 18 years and older may vote.",
         Q("18 years", 18, "year", A, hedge=Bound.AT_LEAST)),
    case("has-not-exceeded", "Inflation has not exceeded 4.8% this year.",
         Q("4.8%", "4.8", "percent", PCT, hedge=Bound.AT_MOST, interval=("0", "4.8"))),
    case("or-more", "Firms with 50 or more staff must report.",
         Q("50", 50, "count", CNT, hedge=Bound.AT_LEAST, interval=("50", "60"))),
    case("or-more-after-noun", "Firms with 50 staff or more must report.",
         Q("50", 50, "count", CNT, hedge=Bound.AT_LEAST)),
    case("plus-sign", "The city has 300+ cafes.", Q("300", 300, "count", CNT, hedge=Bound.AT_LEAST)),
]

NON_HEDGES = [
    case("over-a-period", "Over 5 years, the plant will be rebuilt.", Q("5 years", 5, "year", A)),
    case("comparison-after-times", "Revenue is 2.3 times more than 1.1 trillion tenge.",
         Q("2.3 times", "2.3", "factor", FAC), Q("1.1 trillion tenge", "1.1e12", "KZT", A)),
    case("comparison-after-percent", "Exports were 15% higher than 20 billion tenge planned.",
         Q("15%", 15, "percent", PCT), Q("20 billion tenge", "20e9", "KZT", A)),
    case("plus-between-figures", "It was 12 plus 4 tenge.", Q("12", 12, "count", CNT), Q("4 tenge", 4, "KZT", A)),
]

PRECISION = [
    case("integer-percent", "Women made up 53% of the staff.",
         Q("53%", 53, "percent", PCT, interval=("52.5", "53.5"))),
    case("decimal-trillion", "Lending reached 1.9 trillion tenge.",
         Q("1.9 trillion tenge", "1.9e12", "KZT", A, interval=("1.85e12", "1.95e12"))),
    case("trailing-zero-decimal", "Coverage reached 60.0% in June.",
         Q("60.0%", 60, "percent", PCT, interval=("59.95", "60.05"))),
    case("exact-count-round-reading", "The fund approved 390 applications.",
         Q("390", 390, "count", CNT, interval=("390", "390"), rounded=("385", "395"), noun="applications")),
    case("bare-round-count", "Of them, 390 were approved.",
         Q("390", 390, "count", CNT, interval=("390", "390"), rounded=("385", "395"))),
    case("table-cell-count", "Revenue    26,577    27,797",
         Q("26,577", 26577, "count", CNT, interval=("26576.5", "26577.5")),
         Q("27,797", 27797, "count", CNT, interval=("27796.5", "27797.5"))),
    case("round-trillion", "The plan costs 4 trillion tenge.",
         Q("4 trillion tenge", "4e12", "KZT", A, interval=("3.5e12", "4.5e12"))),
    case("scaled-round", "The fund holds 390 billion tenge.",
         Q("390 billion tenge", "390e9", "KZT", A, interval=("389.5e9", "390.5e9"), rounded=("385e9", "395e9"))),
]

NOT_QUANTITIES = [
    case("year", "The law was passed in 2018 by parliament."),
    case("year-range", "The plan covers 2020-2024 in full."),
    case("year-range-en-dash", "The plan covers 2020–2024 in full."),
    case("fiscal-year", "Results for 2017-18 were published."),
    case("quarter", "Revenue grew in Q3 2024 across the group."),
    case("covid", "The COVID-19 pandemic hit trade."),
    case("month-day-year", "The firm was founded on August 31, 2005 in Almaty."),
    case("day-month-year", "It was signed on 3 March 2021."),
    case("dotted-date", "The contract was signed on 16.12.14 in Astana."),
    case("clock", "The meeting starts at 10:45am sharp."),
    case("clock-spaced", "The meeting starts at 10:45 am sharp."),
    case("ordinal", "The firm marks its 25th anniversary this week."),
    case("article", "Under Article 5 of the code, fines apply."),
    case("number-sign", "Decree No. 12 applies."),
    case("half-year-label", "The H1 report is out."),
    case("five-g", "The 5G network reached the village."),
    case("four-g", "A 4G mast was built."),
]

CASES = [
    *SCALE_WORDS, *COMPOUNDS, *GROUPING, *CURRENCIES, *NEGATIVES, *RANGES, *NUMBER_WORDS, *MULTIPLIERS,
    *POINTS_AND_PERCENT, *UNITS, *HEDGES, *NON_HEDGES, *PRECISION, *NOT_QUANTITIES,
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_extracts(sentence: str, expected: list[Q]) -> None:
    assert_quantities(sentence, expected)


# -- time anchors: years, periods and dates are not quantities, but scan() keeps them -----------

ANCHORS = [
    pytest.param("The law was passed in 2018 by parliament.", [("2018", "year", 2018, 2018)], id="year"),
    pytest.param("The plan covers 2020-2024 in full.", [("2020-2024", "period", 2020, 2024)], id="year-range"),
    pytest.param("The plan covers 2020–2024 in full.", [("2020–2024", "period", 2020, 2024)], id="en-dash"),
    pytest.param("Results for 2017-18 were published.", [("2017-18", "period", 2017, 2018)], id="fiscal-year"),
    pytest.param("Revenue grew in Q3 2024 across the group.", [("2024", "year", 2024, 2024)], id="quarter"),
    pytest.param("The firm was founded on August 31, 2005 in Almaty.",
                 [("31", "date", None, None), ("2005", "year", 2005, 2005)], id="month-day-year"),
    pytest.param("It was signed on 3 March 2021.",
                 [("3", "date", None, None), ("2021", "year", 2021, 2021)], id="day-month-year"),
    pytest.param("The contract was signed on 16.12.14 in Astana.", [("16.12.14", "date", None, None)], id="dotted"),
    pytest.param("In 2015 the fund held 844.6 billion tenge.", [("2015", "year", 2015, 2015)], id="with-amount"),
    pytest.param("Revenue in FY2023 rose by 12%.", [("FY2023", "period", 2023, 2023)], id="fiscal-label"),
]


@pytest.mark.parametrize(("sentence", "expected"), ANCHORS)
def test_time_anchors(sentence: str, expected: list[tuple[str, str, int | None, int | None]]) -> None:
    result = scan(sentence)
    got = [(a.text, a.kind, a.first_year, a.last_year) for a in result.anchors]
    assert got == expected
    for anchor in result.anchors:
        assert sentence[anchor.start:anchor.end] == anchor.text
        assert not any(q.start < anchor.end and anchor.start < q.end for q in result.quantities)


def test_a_year_with_a_unit_is_a_quantity() -> None:
    assert_quantities("The mine produced 2018 tons in May.", [Q("2018 tons", 2018, "t", A)])
    assert_quantities("The fee is $2,020 a year.", [Q("$2,020", 2020, "USD", A)])


# -- cases that are not one sentence -----------------------------------------------------------

def test_bare_scaled_figure_borrows_the_paragraphs_currency() -> None:
    text = "In 2015 the fund held 844.6 billion tenge; a year later it held 900.2 billion."
    found = extract(text)
    assert [q.text for q in found] == ["844.6 billion tenge", "900.2 billion"]
    assert found[1].unit == "KZT" and found[1].kind is A and found[1].unit_implied
    assert found[1].value == F("900.2e9")


def test_range_start_records_that_its_unit_was_borrowed() -> None:
    first, second = extract("Harvests range from 45 to 90 thousand tons a year.")
    assert first.unit_implied and not second.unit_implied
    assert first.interval.low == 44500 and first.interval.high == 45500


def test_spans_map_back_in_a_longer_release() -> None:
    text = (
        "ASTANA, 12 May. The ministry said that in 2023 more than 2.1 trillion tenge went to 79 projects,\n"
        "or 53% of the plan; 68 are complete and 11 under way. Exports rose 2.4-fold to $6bln, while\n"
        "grain output reached 45 thousand tons, up 3.2 percentage points on 2022.\n"
    )
    found = extract(text)
    assert [q.text for q in found] == [
        "2.1 trillion tenge", "79", "53%", "68", "11", "2.4-fold", "$6bln", "45 thousand tons",
        "3.2 percentage points",
    ]
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.text
    assert found[0].hedge is not None and found[0].hedge.bound is Bound.ABOVE
    assert found[1].noun == "projects" and found[1].interval.is_point
    assert [a.text for a in scan(text).anchors] == ["12", "2023", "2022"]


def test_extract_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        extract(b"12 tons")  # type: ignore[arg-type]


@pytest.mark.parametrize(("sentence", "noun"), [
    ("About a thousand farmers took part.", "farmers"),
    ("A thousand volunteers cleaned the river.", "volunteers"),
])
def test_counted_noun_stops_before_the_verb(sentence: str, noun: str) -> None:
    (quantity,) = extract(sentence)
    assert quantity.noun == noun


def test_hyphenated_count() -> None:
    assert_quantities("A 250-bed hospital opened.", [Q("250", 250, "count", CNT, noun="bed")])


def test_leading_dot_decimal() -> None:
    assert_quantities("Spending is .5% of output.", [Q(".5%", "0.5", "percent", PCT)])


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Output was 5 tonne\u017f.", id="long-s-unit"),
        pytest.param("Output was 12 thou\u017fand.", id="long-s-scale"),
        pytest.param("Output was 5 b\u0130llion tenge.", id="dotted-capital-I"),
        pytest.param("Output was 5 b\u0131llion tenge.", id="dotless-i"),
    ],
)
def test_unicode_case_folding_does_not_crash(sentence: str) -> None:
    extract(sentence)


def test_currency_name_with_odd_case_maps_to_iso_code() -> None:
    (quantity,) = extract("It cost 5 dollar\u017f.")
    assert quantity.unit == "USD"
