"""The words releases use around numbers: scales, currencies, units, hedges, number words.

Every table maps a written form (lower case) to its meaning.  Units are named by
the symbols of factcheck's pint registry (``units.txt``), so each one converts
through pint, and currencies are dimensions of their own.
"""

from __future__ import annotations

from fractions import Fraction

# Scale words multiply the number before them.  The single letters are scales only
# after a currency ("$6m", "KZT 5bn"); alone, "5 m" is five metres.
SCALES: dict[str, int] = {
    "thousand": 10**3, "thousands": 10**3, "thou": 10**3, "k": 10**3,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "mn": 10**6, "mio": 10**6, "mil": 10**6,
    "m": 10**6,
    "billion": 10**9, "billions": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9, "mlrd": 10**9,
    "trillion": 10**12, "trillions": 10**12, "trln": 10**12, "trl": 10**12, "tn": 10**12, "trn": 10**12,
    "tln": 10**12,
    "crore": 10**7, "crores": 10**7, "cr": 10**7,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5,
}
CURRENCY_ONLY_SCALES = frozenset({"m", "b", "cr", "mil"})

# Currency codes, symbols and names, each to an ISO code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "hk$": "HKD", "hkd": "HKD", "s$": "SGD", "sgd": "SGD",
    "nz$": "NZD", "nzd": "NZD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "₸": "KZT", "kzt": "KZT",
    "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "₽": "RUB", "rub": "RUB",
    "¥": "JPY", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "₱": "PHP", "php": "PHP",
    "chf": "CHF", "uah": "UAH", "₴": "UAH", "kgs": "KGS", "uzs": "UZS", "try": "TRY", "₺": "TRY",
}
CURRENCY_NAMES: dict[str, str] = {
    "tenge": "KZT", "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR",
    "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "rupees": "INR", "rupee": "INR",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "pesos": "PHP", "peso": "PHP", "hryvnias": "UAH",
    "hryvnia": "UAH", "soms": "KGS", "som": "KGS", "sums": "UZS", "lira": "TRY", "francs": "CHF",
}
# A capital letter glued to a scaled number is a currency in the releases that use it:
# "T500 billion" (tenge), "P5.024 trillion" (pesos).
LETTER_CURRENCIES: dict[str, str] = {"T": "KZT", "P": "PHP"}

# Physical and time units, each to its symbol in units.txt.
UNITS: dict[str, str] = {
    "tons": "t", "tonnes": "t", "ton": "t", "tonne": "t", "t": "t", "mt": "t",
    "kilograms": "kg", "kilogram": "kg", "kg": "kg", "grams": "g", "gram": "g", "g": "g",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "m": "m",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2",
    "sq m": "m2", "sq. m": "m2", "sq.m": "m2", "sq.m.": "m2", "sq. m.": "m2", "sqm": "m2",
    "m2": "m2", "m²": "m2", "sq meters": "m2", "sq metres": "m2",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "cubic metres": "m3", "cubic meters": "m3", "m3": "m3", "m³": "m3", "cu m": "m3",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "acres": "acre", "acre": "acre",
    "litres": "L", "liters": "L", "litre": "L", "liter": "L",
    "kw": "kW", "mw": "MW", "gw": "GW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "kilowatts": "kW", "megawatts": "MW", "gigawatts": "GW",
    "gcal": "Gcal", "barrels": "bbl", "bbl": "bbl",
    "years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week",
    "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
}
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour"})

PERCENT_WORDS = ("%", "per cent", "percent", "pct")
POINT_WORDS: dict[str, Fraction] = {
    # to percentage points
    "percentage points": Fraction(1), "percentage point": Fraction(1), "pp": Fraction(1),
    "p.p.": Fraction(1), "pct points": Fraction(1), "pct pts": Fraction(1),
    "percent points": Fraction(1), "per cent points": Fraction(1),
    "basis points": Fraction(1, 100), "basis point": Fraction(1, 100), "bps": Fraction(1, 100),
    "bp": Fraction(1, 100),
}
FACTOR_WORDS = ("times", "fold", "-fold", "x")

# Words that multiply or divide by themselves: "doubled", "halved".
MULTIPLIER_WORDS: dict[str, Fraction] = {
    "doubled": Fraction(2), "doubling": Fraction(2), "double": Fraction(2), "twice": Fraction(2),
    "tripled": Fraction(3), "trebled": Fraction(3), "tripling": Fraction(3), "triple": Fraction(3),
    "quadrupled": Fraction(4), "quadrupling": Fraction(4), "halved": Fraction(1, 2),
    "twofold": Fraction(2), "threefold": Fraction(3), "fourfold": Fraction(4), "fivefold": Fraction(5),
    "tenfold": Fraction(10),
    "halving": Fraction(1, 2),
}

NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a thousand": 1000, "one thousand": 1000, "a million": 10**6, "one million": 10**6,
    "a billion": 10**9, "one billion": 10**9, "dozen": 12, "a dozen": 12,
}
FRACTION_WORDS: dict[str, Fraction] = {
    "half": Fraction(1, 2), "a half": Fraction(1, 2), "one half": Fraction(1, 2),
    "a third": Fraction(1, 3), "one third": Fraction(1, 3), "one-third": Fraction(1, 3),
    "two thirds": Fraction(2, 3), "two-thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4), "one quarter": Fraction(1, 4), "one-quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4), "three-quarters": Fraction(3, 4),
    "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "one-fifth": Fraction(1, 5),
    "a tenth": Fraction(1, 10), "one tenth": Fraction(1, 10),
}

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

# Words that stop a counted noun: the number is then counted in context ("68 have ...").
NOUN_STOPWORDS = frozenset(
    """a an the of for in on at to by from with and or but as than that which who whom this
    these those it its is are was were be been being has have had will would shall should can
    could may might must do does did not no per each every more less over under up down about
    around into onto out off also already still just yet worth valued totalling totaling plus
    percent cent times fold years year months month days day weeks week hours hour
    compared versus vs against among between during including excluding while when where
    respectively thereby however so then there here all both""".split()
)

# Verbs that end a counted noun ("farmers took part"); regular past tenses end in -ed.
COMMON_VERBS = frozenset(
    """took made got went came gave saw became began built paid sold spent won lost left held brought
    bought kept met ran set told found attend attended attends receive received receives take takes
    make makes get gets go goes come comes work works live lives need needs remain remains""".split()
)

HEDGE_PHRASES: dict[str, str] = {
    # phrase -> bound: above, at_least, below, at_most, about
    "more than": "above", "over": "above", "above": "above", "exceeding": "above",
    "in excess of": "above", "upwards of": "above", "greater than": "above", "higher than": "above",
    "at least": "at_least", "not less than": "at_least", "no less than": "at_least",
    "no fewer than": "at_least", "a minimum of": "at_least", "minimum of": "at_least",
    "almost": "below", "nearly": "below", "just under": "below", "close to": "below",
    "just below": "below",
    "less than": "at_most", "fewer than": "at_most", "under": "at_most", "below": "at_most",
    "up to": "at_most", "not exceeding": "at_most", "not more than": "at_most",
    "no more than": "at_most", "a maximum of": "at_most", "maximum of": "at_most",
    "not exceed": "at_most", "not exceeded": "at_most", "did not exceed": "at_most",
    "has not exceeded": "at_most", "have not exceeded": "at_most", "does not exceed": "at_most",
    "about": "about", "around": "about", "approximately": "about", "approx.": "about",
    "approx": "about", "some": "about", "roughly": "about", "circa": "about", "ca.": "about",
    "an estimated": "about", "estimated": "about", "nearly about": "about", "~": "about",
}
HEDGE_SUFFIXES: dict[str, str] = {
    "and older": "at_least", "and over": "at_least", "and above": "at_least",
    "or more": "at_least", "or over": "at_least", "plus": "at_least", "+": "at_least",
    "or less": "at_most", "and under": "at_most", "and below": "at_most",
}
