"""Find every numeric mention of a text and read it exactly.

One verbose regular expression finds the numerals (with a currency before them);
short anchored expressions then read what follows (scale words, units, the counted
noun) and what precedes (hedges, labels).  A last pass lets a range's first figure
borrow its scale and unit from the second ("from 45 to 90 thousand tons") and a
bare scaled figure borrow its currency from the paragraph ("(2015 - 844.6 billion)").
Every step looks at a bounded window, so the time is linear in the text's length.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from . import _lexicon as lex
from ._document import Document
from ._models import (
    AMOUNT,
    COUNT,
    FACTOR,
    NUMBER,
    PERCENT,
    POINTS,
    Bound,
    Hedge,
    Quantity,
    TimeAnchor,
)

__all__ = ["Scan", "extract", "scan"]

_SPACE = r"[ \t\u00a0\u202f\u2009]"


def _alternation(words: object) -> str:
    """A regex alternation of literal words, longest first so that "sq m" beats "m"."""
    ordered = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    parts = []
    for word in ordered:
        escaped = re.escape(word).replace(r"\ ", _SPACE + "+")
        parts.append(escaped + (r"(?![\w])" if word[-1].isalnum() else ""))
    return "|".join(parts)


def trie_alternation(words: object) -> str:
    """Literal alternatives factored by common prefixes ("t(?:wo|hree|...)").

    The scanning expression tries its word branch at every word start; a trie lets the
    engine reject a start after one character instead of trying each word in turn."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):  # type: ignore[call-overload]
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:  # type: ignore[type-arg]
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_SYMBOLS = [w for w in lex.CURRENCY_SYMBOLS if not w.isalpha() and w not in ("rs.",)]
_CODES = [w.upper() for w in lex.CURRENCY_SYMBOLS if w.isalpha() and w != "rs"] + ["Rs", "Rs."]

_NUMERAL = r"""
    (?P<int>
        \d{1,3}(?:,\d{3})+(?!\d)(?!,\d)            # 1,370  2,292,000
      | \d{1,2}(?:,\d{2})+,\d{3}(?![\d,])           # Indian grouping: 1,21,082
      | \d{1,3}(?:[\u00a0\u202f\u2009\ ]\d{3})+(?![\d])   # 6 000, 1 485.8
      | \d+
      | (?=\.\d)                                   # a leading-dot decimal: .5%
    )
    (?P<frac>
        \.\d+
      | ,\d{1,2}(?![\d])                           # decimal comma: 88,6  346,1
      | (?<![\d]\d)(?<=0)\.\ \d+(?![\d.])           # a table's stray space: "0. 46"
    )?
"""

_MASTER = re.compile(
    r"""
    (?P<clock>(?=\d)(?<![\d.])\d{1,2}:\d{2}(?:[ ]?[ap]\.?m\.?)?)
  | (?P<dotdate>(?=\d)(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d]))
  | (?P<fiscal>\b(?:FY|CY)[ ]?(?:19|20)\d{2}(?![\w]))
  | (?P<years>(?=[12])(?<![\w.,])(?:19|20)\d{2}
        (?:[-–—/](?:(?:19|20)\d{2}|\d{2})|[ ][-–—/][ ]?(?:19|20)\d{2}|[ ]?[-–—/][ ]?\d{2}(?![ ]+(?:[a-z]*illion|thousand|mln|bln|bn|tn|trl|crore|lakh|tenge|tons)\b))
        (?![\w%]))
  | (?P<numeric>
        (?=[\d$€£₸₹₽¥₱₴₺\-−A-Z.])  # cheap guard: every figure starts with one of these
        (?:
            (?P<sym>(?-i:(?<![A-Za-z])(?:"""
    + _alternation(s.upper() for s in _SYMBOLS if s[0].isalpha())
    + r"""))|"""
    + _alternation(s for s in _SYMBOLS if not s[0].isalpha())
    + r""")[ \t\u00a0]{0,4}
          | (?<![\w.,$])(?P<code>"""
    + "|".join(sorted((re.escape(c) for c in set(_CODES)), key=len, reverse=True))
    + r""")[ \t\u00a0]?(?=\d)
          | (?<![\w.,])(?P<letter>(?-i:[TP]))(?=\d)
          | (?<![\w.,])(?P<sign>[-−])?
        )
        """
    + _NUMERAL
    + r"""
    )
  | (?P<word>\b(?=[A-Za-z])(?<![\w-])(?i:"""
    + trie_alternation(
        [*lex.NUMBER_WORDS, *lex.FRACTION_WORDS, *lex.MULTIPLIER_WORDS]
        + [f"{t}-{u}" for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
           for u in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")]
        + [f"{n} and a half" for n in ("one", "two", "three", "four", "five")]
    )
    + r""")(?![\w]))
    """,
    re.VERBOSE,
)

_SCALE_WORD = _alternation(lex.SCALES)
_SCALE = re.compile(rf"(?:{_SPACE}*|\s{{1,3}})(?P<scale>{_SCALE_WORD})(?:{_SPACE}+(?P<scale2>crores?|lakhs?))?", re.I | re.A)
_COMPOUND = re.compile(rf"{_SPACE}+(?P<num>\d{{1,3}}){_SPACE}*(?P<scale>{_SCALE_WORD})", re.I | re.A)
_PERCENT = re.compile(rf"{_SPACE}?%|{_SPACE}+(?:{_alternation(w for w in lex.PERCENT_WORDS if w != '%')})", re.I | re.A)
_POINTS = re.compile(rf"{_SPACE}*(?P<points>{_alternation(lex.POINT_WORDS)})", re.I | re.A)
_FACTOR = re.compile(rf"(?:{_SPACE}*-?|{_SPACE}+)(?P<factor>times|fold)(?![\w])|(?P<x>x)(?![\w])", re.I | re.A)
_UNIT_AFTER = re.compile(
    rf"{_SPACE}*(?:(?P<cur>{_alternation([*lex.CURRENCY_NAMES, *(c.lower() for c in _CODES if c[0] != 'R')])})"
    rf"|(?P<unit>{_alternation(lex.UNITS)}))",
    re.I | re.A,
)
_SYMBOL_AFTER = re.compile(rf"{_SPACE}?(?P<sym>[₸€£₹₽])")
_HYPHEN_WORD = re.compile(r"-(?P<word>[A-Za-z]+)")
_NOUN = re.compile(rf"{_SPACE}+(?P<words>[A-Za-z][\w'’-]*(?:{_SPACE}+[A-Za-z][\w'’-]*){{0,2}})")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![\w])", re.I | re.A)
_HEDGE_BEFORE = re.compile(rf"(?<![\w-])(?P<hedge>{_alternation(lex.HEDGE_PHRASES)})\s*\Z", re.I | re.A)
_HEDGE_AFTER = re.compile(rf"(?P<gap>{_SPACE}*)(?P<hedge>{_alternation(lex.HEDGE_SUFFIXES)})", re.I | re.A)
_MONTH_BEFORE = re.compile(rf"\b(?:{lex.MONTHS})\.?{_SPACE}+\Z", re.I | re.A)
_MONTH_AFTER = re.compile(rf"{_SPACE}+(?:{lex.MONTHS})\b", re.I | re.A)
_PERIOD_LETTERS = re.compile(r"(?:\b(?:Q|H|FY|CY|9M|6M|1H|2H)|[A-Za-z])\Z")
_RANGE_JOIN = re.compile(rf"\s*(?:-|–|—|to|and|or|of(?:{_SPACE}+(?:the|these|those|all))?){_SPACE}*", re.I | re.A)
_TABLE_LINE = re.compile(r"\S(?: {2,}|\t|\|)\S?")

_MAX_DIGITS = 30
_SEPARATORS = str.maketrans("", "", ",. \u00a0\u202f\u2009")
_HEDGE_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in lex.HEDGE_PHRASES)
_LABEL_WORDS = frozenset(
    """no nos art article section sec table figure fig chapter item decree resolution law order phase
    stage part annex appendix clause paragraph page p pp room building block lot route highway level
    grade class version step round model line platform gate terminal district zone unit category tier
    type group number # №""".split()
)
_COMPARATIVES = ("more than", "less than", "greater than", "higher than", "fewer than")
_WORD_NUMBER_VALUES: dict[str, int] = lex.NUMBER_WORDS | {
    "one": 1,
}


@attrs.frozen
class Scan:
    """What a text's numbers are: its quantities and its time anchors, in order."""

    quantities: tuple[Quantity, ...]
    anchors: tuple[TimeAnchor, ...]


def extract(text: str) -> list[Quantity]:
    """Every numeric mention of ``text``, in order, each read as an exact interval."""
    return list(scan(text).quantities)


def scan(text: str | Document) -> Scan:
    """Quantities and time anchors of a text."""
    document = text if isinstance(text, Document) else Document(_require_str(text))
    text = document.text
    quantities: list[Quantity] = []
    anchors: list[TimeAnchor] = []
    for match in _MASTER.finditer(text):
        if quantities and match.start() < quantities[-1].end:
            continue  # inside the last quantity: "745" of "49 bln 745 mln"
        found = _read(text, match, quantities)
        if isinstance(found, TimeAnchor):
            anchors.append(found)
        elif found is not None:
            quantities.append(found)
    quantities = _borrow_units(document, quantities)
    return Scan(tuple(quantities), tuple(anchors))


def _require_str(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"factcheck reads str, not {type(text).__name__}")
    return text


# -- reading one match ---------------------------------------------------------------------

def _read(text: str, match: re.Match[str], earlier: list[Quantity]) -> Quantity | TimeAnchor | None:
    kind = match.lastgroup
    if kind == "clock":
        return None
    if kind == "dotdate":
        return TimeAnchor(match.start(), match.end(), match.group(), "date")
    if kind == "years":
        return _year_range(match)
    if kind == "fiscal":
        year = int(match.group()[-4:])
        return TimeAnchor(match.start(), match.end(), match.group(), "period", year, year)
    if kind == "word":
        return _read_word(text, match, earlier)
    return _read_numeric(text, match, earlier)


def _year_range(match: re.Match[str]) -> TimeAnchor:
    first, last = re.split(r"\s?[-–—/]\s?", match.group())
    first_year = int(first)
    last_year = int(last) if len(last) == 4 else first_year // 100 * 100 + int(last)
    return TimeAnchor(match.start(), match.end(), match.group(), "period", first_year, last_year)


def _read_numeric(text: str, match: re.Match[str], earlier: list[Quantity]) -> Quantity | TimeAnchor | None:
    start, end = match.span()
    int_digits = match.group("int").translate(_SEPARATORS)
    frac_text = match.group("frac") or ""
    frac_digits = frac_text.translate(_SEPARATORS)
    if len(int_digits) + len(frac_digits) > _MAX_DIGITS:
        return None  # a run of digits this long is an identifier or noise, not a figure
    currency = _prefix_currency(match)
    if currency is None and _is_label(text, start):
        return None
    if _ORDINAL.match(text, end):
        return None
    if currency is None and match.group("sign") is None and not frac_text:
        anchor = _date_or_year(text, match, int_digits)
        if anchor is not False:
            return anchor
    value = Fraction(int(int_digits + frac_digits), 10 ** len(frac_digits))
    if match.group("sign"):
        value = -value
    precision = Fraction(1, 10 ** len(frac_digits))
    rounding = precision if frac_digits else _trailing_zero_place(int_digits)

    reading = _Reading(value, precision, rounding, end, currency)
    reading = _read_scale(text, reading)
    if reading is None:
        return None
    if currency is None and match.group("letter"):
        if reading.scale == 1:
            return None  # "T500" alone is an identifier; the letter is a currency only before a scale
        reading = attrs.evolve(reading, currency=lex.LETTER_CURRENCIES[match.group("letter")])
    reading = _read_compound(text, reading)
    quantity = _classify(text, start, reading, bool(frac_digits), earlier)
    if quantity is None:
        return None
    return _accounting_negative(text, quantity)


@attrs.frozen
class _Reading:
    """A numeral being read left to right, before it becomes a Quantity."""

    value: Fraction
    precision: Fraction
    rounding: Fraction
    end: int
    currency: str | None
    scale: int = 1


def _prefix_currency(match: re.Match[str]) -> str | None:
    for group in ("sym", "code"):
        written = match.group(group)
        if written:
            return lex.CURRENCY_SYMBOLS[written.lower().rstrip()]
    return None


def _is_label(text: str, start: int) -> bool:
    """Identifiers: "COVID-19", "Restated1", "Article 5", "No. 12", "Q3", "H1"."""
    before = text[max(0, start - 12):start]
    if before[-1:].isalpha() or (before[-1:] == "-" and before[-2:-1].isalpha()):
        return True
    return _last_word(before) in _LABEL_WORDS


def _last_word(before: str) -> str:
    """The word just before a figure, lower case, without punctuation ("no" of "No. 5")."""
    words = before.rsplit(None, 1)
    return words[-1].strip("(\"'“”‘’,;:.").lower() if words else ""


def _date_or_year(text: str, match: re.Match[str], digits: str) -> TimeAnchor | None | bool:
    """A year, a day of a month, or False when the numeral is a quantity."""
    start, end = match.span()
    if len(digits) == 4 and 1900 <= int(digits) <= 2100 and "," not in match.group():
        if not _followed_by_unit(text, end):
            year = int(digits)
            return TimeAnchor(start, end, match.group(), "year", year, year)
    if len(digits) <= 2 and 1 <= int(digits) <= 31:
        before = text[max(0, start - 12):start]
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, end):
            return TimeAnchor(start, end, match.group(), "date")
    return False


def _followed_by_unit(text: str, end: int) -> bool:
    return bool(
        _SCALE.match(text, end) or _PERCENT.match(text, end) or _UNIT_AFTER.match(text, end)
        or _FACTOR.match(text, end)
    )


def _trailing_zero_place(digits: str) -> Fraction:
    stripped = digits.rstrip("0")
    if not stripped:
        return Fraction(1)
    return Fraction(10 ** (len(digits) - len(stripped)))


def _read_scale(text: str, reading: _Reading) -> _Reading | None:
    found = _SCALE.match(text, reading.end)
    if not found:
        return reading
    word = found.group("scale").lower()
    if word in lex.CURRENCY_ONLY_SCALES and reading.currency is None:
        return reading  # "865 m" is metres unless money precedes it
    scale = lex.SCALES[word]
    if found.group("scale2"):
        scale *= lex.SCALES[found.group("scale2").lower()]
    return attrs.evolve(
        reading,
        value=reading.value * scale,
        precision=reading.precision * scale,
        rounding=reading.rounding * scale,
        end=found.end(),
        scale=scale,
    )


def _read_compound(text: str, reading: _Reading) -> _Reading:
    """ "49 bln 745 mln": a smaller scaled part adds to the first."""
    if reading.scale == 1 or reading.precision < reading.scale:
        return reading
    found = _COMPOUND.match(text, reading.end)
    if not found:
        return reading
    scale = lex.SCALES[found.group("scale").lower()]
    part = int(found.group("num"))
    if scale >= reading.scale or part * scale >= reading.scale:
        return reading
    place = Fraction(scale)
    return attrs.evolve(
        reading,
        value=reading.value + part * scale,
        precision=place,
        rounding=place * _trailing_zero_place(found.group("num")) if part else reading.rounding,
        end=found.end(),
        scale=scale,
    )


def _classify(text: str, start: int, reading: _Reading, has_decimals: bool,
              earlier: list[Quantity]) -> Quantity | None:
    end = reading.end
    common = dict(value=reading.value, precision=reading.precision, rounding=reading.rounding,
                  scale=reading.scale)
    if reading.currency is None:
        if found := _PERCENT.match(text, end):
            return _quantity(text, start, found.end(), earlier, kind=PERCENT, unit="percent", **common)
        if found := _POINTS.match(text, end):
            factor = lex.POINT_WORDS[re.sub(r"\s+", " ", found.group("points").lower())]
            return _quantity(
                text, start, found.end(), earlier, kind=POINTS, unit="pp",
                value=reading.value * factor, precision=reading.precision * factor,
                rounding=reading.rounding * factor, scale=reading.scale,
            )
        if (found := _FACTOR.match(text, end)) and (found.group("factor") or not text[end - 1:end].isspace()):
            return _quantity(text, start, found.end(), earlier, kind=FACTOR, unit="factor", **common)
    unit_match = _UNIT_AFTER.match(text, end)
    if unit_match and unit_match.group("cur"):
        currency = lex.CURRENCY_NAMES.get(_squash(unit_match.group("cur"))) or unit_match.group("cur").upper()
        return _quantity(text, start, unit_match.end(), earlier, kind=AMOUNT, unit=currency, **common)
    if reading.currency is None and (symbol := _SYMBOL_AFTER.match(text, end)):
        currency = lex.CURRENCY_SYMBOLS[symbol.group("sym")]
        return _quantity(text, start, symbol.end(), earlier, kind=AMOUNT, unit=currency, **common)
    if reading.currency is not None:
        return _quantity(text, start, end, earlier, kind=AMOUNT, unit=reading.currency, **common)
    if unit_match and not _is_glued_capital(text, end, unit_match):
        unit = lex.UNITS[_squash(unit_match.group("unit"))]
        return _quantity(text, start, unit_match.end(), earlier, kind=AMOUNT, unit=unit, **common)
    if (hyphen := _HYPHEN_WORD.match(text, end)) is not None:
        return _hyphenated(text, start, hyphen, earlier, common)
    if text[end:end + 1].isalpha():
        return None  # "5G", "3D": an identifier, not a number
    noun = _noun_after(text, end)
    if noun is None if reading.scale > 1 else has_decimals:
        return _quantity(text, start, end, earlier, kind=NUMBER, **common)
    # a whole number counts things, exactly: "79 projects", "of these, 68 ..."; in a table
    # row with no noun it may be an amount rounded to the table's unit
    exact = reading.scale == 1 and (noun is not None or not in_table_row(text, start))
    return _quantity(text, start, end, earlier, kind=COUNT, unit="count", noun=noun, exact=exact, **common)


def _is_glued_capital(text: str, end: int, unit: re.Match[str]) -> bool:
    """ "5G", "4K": a capital letter glued to a figure names a thing, not grams or metres."""
    written = unit.group("unit")
    return unit.start("unit") == end and len(written) == 1 and written.isupper()


def in_table_row(text: str, offset: int) -> bool:
    """Whether the figure's line looks like a table row; only its near part is read, so that
    a text of one enormous line still takes linear time."""
    window_start = max(0, offset - 160)
    line_start = text.rfind("\n", window_start, offset) + 1 or window_start
    line_end = text.find("\n", offset, offset + 160)
    line_end = line_end if line_end >= 0 else min(len(text), offset + 160)
    # columns apart, or a cell alone on its line (tables exported one cell per line)
    return bool(_TABLE_LINE.search(text, line_start, line_end)) or len(text[line_start:line_end].strip()) < 24


def _hyphenated(text: str, start: int, hyphen: re.Match[str], earlier: list[Quantity],
                common: dict[str, Fraction]) -> Quantity | None:
    """ "seven-year period" is a duration, "250-bed hospital" a count of beds."""
    word = hyphen.group("word").lower()
    unit = lex.UNITS.get(word)
    if unit in lex.TIME_UNITS or unit in ("km", "m", "t", "MW"):
        return _quantity(text, start, hyphen.end(), earlier, kind=AMOUNT, unit=unit, **common)
    if text[start:start + 1].isdigit() and word not in lex.NOUN_STOPWORDS and unit is None:
        return _quantity(text, start, hyphen.start(), earlier, kind=COUNT, unit="count", noun=word,
                         exact=True, **common)
    return None


_ADDED_QUALIFIERS = frozenset({"more", "additional", "further", "extra"})


def _noun_after(text: str, end: int) -> str | None:
    found = _NOUN.match(text, end)
    if not found:
        return None
    words: list[str] = []
    for word in re.split(r"[ \t\u00a0\u202f\u2009]+", found.group("words")):
        lowered = word.lower()
        if not words and lowered in _ADDED_QUALIFIERS:
            continue  # "three more projects" counts projects
        if lowered in lex.NOUN_STOPWORDS or (words and word[:1].isupper() and not words[0][:1].isupper()):
            break
        if words and (lowered.endswith("ed") or lowered in lex.COMMON_VERBS):
            break  # "farmers took part", "volunteers cleaned": the noun has ended
        words.append(word)
    if words and words[0].lower().endswith("ed") and (len(words) == 1 or words[1].lower().endswith("ly")):
        return None  # "62 completed", "40 financed locally": a verb, not what is counted
    return " ".join(words) or None


def _squash(written: str) -> str:
    return re.sub(r"\s+", " ", written.lower())


def _quantity(text: str, start: int, end: int, earlier: list[Quantity], **fields: object) -> Quantity | None:
    hedge = _prefix_hedge(text, start, fields, earlier) or _suffix_hedge(text, end)
    noun = fields.get("noun")
    if hedge is None and isinstance(noun, str):
        named = re.match(r"\s+" + re.escape(noun), text[end:end + len(noun) + 8])
        if named:
            hedge = _suffix_hedge(text, end + named.end())  # "50 staff or more"
    return Quantity(start=start, end=end, text=text[start:end], hedge=hedge, **fields)  # type: ignore[arg-type]


def _prefix_hedge(text: str, start: int, fields: dict[str, object], earlier: list[Quantity]) -> Hedge | None:
    window_start = max(0, start - 40)
    if _last_word(text[window_start:start]) not in _HEDGE_LAST_WORDS:
        return None
    before = _HEDGE_BEFORE.search(text, window_start, start)
    if not before:
        return None
    phrase = _squash(before.group("hedge"))
    h_start, h_end = before.span("hedge")
    if phrase == "over" and fields.get("unit") in lex.TIME_UNITS:
        return None  # "over 5 years" is a period, not a bound
    if phrase in _COMPARATIVES and earlier and not text[earlier[-1].end:h_start].strip():
        return None  # "2.3 times more than 1.1 trillion" compares, it does not hedge
    if phrase in _COMPARATIVES and re.search(r"(?:times|fold|%|per ?cent)\s*\Z", text[max(0, h_start - 12):h_start], re.I):
        return None
    return Hedge(text[h_start:h_end], h_start, h_end, Bound(lex.HEDGE_PHRASES[phrase]))


def _suffix_hedge(text: str, end: int) -> Hedge | None:
    after = _HEDGE_AFTER.match(text, end)
    if not after:
        return None
    phrase = _squash(after.group("hedge"))
    if phrase != "+" and not after.group("gap"):
        return None
    if phrase == "plus" and re.match(r"\s*\d", text[after.end():after.end() + 3]):
        return None  # "12 plus 4" is arithmetic
    return Hedge(after.group("hedge"), after.start("hedge"), after.end("hedge"), Bound(lex.HEDGE_SUFFIXES[phrase]))


def _accounting_negative(text: str, quantity: Quantity) -> Quantity:
    """ "(41.2)" in a table row is -41.2, and the parentheses belong to the figure."""
    start, end = quantity.start, quantity.end
    if not (text[start - 1:start] == "(" and text[end:end + 1] == ")") or quantity.value < 0:
        return quantity
    if quantity.kind not in (NUMBER, AMOUNT) or quantity.unit not in (None, "USD", "EUR", "GBP"):
        return quantity
    if quantity.precision >= 1 and "," not in quantity.text:
        return quantity
    if not in_table_row(text, start):
        return quantity
    return attrs.evolve(quantity, start=start - 1, end=end + 1, text=text[start - 1:end + 1],
                        value=-quantity.value)


# -- number words ----------------------------------------------------------------------------

def _read_word(text: str, match: re.Match[str], earlier: list[Quantity]) -> Quantity | None:
    start, end = match.span()
    written = _squash(match.group()).replace("-", " ") if "-" not in match.group() or "thirds" not in match.group().lower() else _squash(match.group())
    lowered = _squash(match.group())
    if lowered in lex.MULTIPLIER_WORDS:
        return _multiplier_word(text, start, end, lowered, earlier)
    if lowered in lex.FRACTION_WORDS:
        return _fraction_word(text, start, end, lowered, earlier)
    value = _word_value(written)
    if value is None:
        return None
    if text[end:end + 1] == "-":
        hyphen = _HYPHEN_WORD.match(text, end)
        if hyphen is None:
            return None
        common = dict(value=Fraction(value), precision=Fraction(1), rounding=_trailing_zero_place(str(value)))
        return _hyphenated(text, start, hyphen, earlier, common)
    reading = _Reading(Fraction(value), Fraction(1), _trailing_zero_place(str(value)), end, None)
    scaled = _read_scale(text, reading)
    if scaled is not None and scaled.scale > 1:
        return _classify(text, start, scaled, False, earlier)
    quantity = _classify(text, start, reading, False, earlier)
    if quantity is None:
        return None
    if lowered.startswith(("a ", "one ")) and quantity.kind is COUNT:
        # "a thousand producers" is a round figure, not an exact count
        return attrs.evolve(quantity, exact=False, precision=quantity.rounding)
    return quantity


def _word_value(written: str) -> int | None:
    if written in _WORD_NUMBER_VALUES:
        return _WORD_NUMBER_VALUES[written]
    parts = written.split()
    if len(parts) == 2 and parts[0] in _WORD_NUMBER_VALUES and parts[1] in _WORD_NUMBER_VALUES:
        return _WORD_NUMBER_VALUES[parts[0]] + _WORD_NUMBER_VALUES[parts[1]]
    return None


def _multiplier_word(text: str, start: int, end: int, word: str, earlier: list[Quantity]) -> Quantity | None:
    if text[end:end + 1] == "-":
        return None  # "double-digit"
    value = lex.MULTIPLIER_WORDS[word]
    # "doubled" stands for 1.5..2.5 like "2 times"; a hedge moves it by half a step:
    # "nearly doubled" is 1.5..2, "more than doubled" 2..2.5
    precision = Fraction(1) if value >= 1 else Fraction(1, 4)
    return _quantity(text, start, end, earlier, value=value, precision=precision, rounding=precision / 2,
                     kind=FACTOR, unit="factor")


def _fraction_word(text: str, start: int, end: int, word: str, earlier: list[Quantity]) -> Quantity | None:
    before = text[max(0, start - 8):start].lower()
    if re.search(r"(?:first|second|1st|2nd)\s+\Z", before):
        return None  # "the first half of the year" is a period
    if not re.match(r"\s+of\b|\s*[,.;:)]|\s*$", text[end:end + 4]):
        return None
    value = lex.FRACTION_WORDS[word] * 100
    return _quantity(text, start, end, earlier, value=value, precision=value / 5, rounding=value / 5,
                     kind=PERCENT, unit="percent")


# -- borrowing units from neighbours ----------------------------------------------------------

def _borrow_units(document: Document, quantities: list[Quantity]) -> list[Quantity]:
    text = document.text
    starts = [index + 1 < len(quantities) and _is_range_start(text, quantity, quantities[index + 1])
              for index, quantity in enumerate(quantities)]
    result: list[Quantity] = []
    last_unit: Quantity | None = None  # the last figure with a unit of its own
    last_currency: Quantity | None = None  # the last amount of money
    for index, quantity in enumerate(quantities):
        if quantity.kind is NUMBER and quantity.scale > 1 and not starts[index]:
            # a scaled figure with no unit takes the unit last used in its paragraph, or else the
            # last currency of the text: releases name their currency once and then drop it
            paragraph_start = document.paragraph_of(quantity.start)[0]
            source = last_unit if last_unit is not None and last_unit.start >= paragraph_start else last_currency
            if source is not None:
                quantity = attrs.evolve(quantity, kind=AMOUNT, unit=source.unit, unit_implied=True)
        if quantity.kind is AMOUNT and not quantity.unit_implied and quantity.unit not in lex.TIME_UNITS:
            last_unit = quantity
            if quantity.unit and quantity.unit.isupper():
                last_currency = quantity
        result.append(quantity)
    # a range's first figure takes the scale and unit of the second, once the second is complete
    for index in range(len(result) - 2, -1, -1):
        if starts[index]:
            joiner = text[result[index].end:result[index + 1].start].strip().lower()
            result[index] = _borrow_from_range_end(result[index], result[index + 1], of_whole=joiner.startswith("of"))
    return result


def _is_range_start(text: str, first: Quantity, second: Quantity) -> bool:
    if first.kind not in (NUMBER, COUNT) or first.noun:
        return False
    joined = _RANGE_JOIN.fullmatch(text, first.end, second.start)
    if joined is None:
        return False
    joiner = joined.group().strip().lower()
    if joiner in ("and", "or"):
        return bool(re.search(r"between\s+\Z", text[max(0, first.start - 9):first.start], re.I))
    if joiner.startswith("of"):
        return 0 <= first.value * second.scale <= second.value  # "200 of the 390 billion tenge"
    return second.value >= 0 and first.value >= 0


def _borrow_from_range_end(first: Quantity, second: Quantity, of_whole: bool = False) -> Quantity:
    # one scale word may serve both ends: "from 45 to 90 thousand tons", "1,123 of the 1,456 billion"
    scale = second.scale if first.scale == 1 and (first.value < 1000 or of_whole) else 1
    return attrs.evolve(
        first, kind=second.kind, unit=second.unit, noun=second.noun, exact=second.exact and scale == 1,
        value=first.value * scale, precision=first.precision * scale, rounding=first.rounding * scale,
        scale=first.scale * scale, unit_implied=True,
    )
