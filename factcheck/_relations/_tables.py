"""Plain-text tables: percent-change rows under a "% Change" header, rows that add up the
rows above them, "of which" rows, and sentences or bullets that restate a table's rows."""

from __future__ import annotations

import bisect
import re
from fractions import Fraction
from typing import Iterator

import attrs

from .. import _lexicon as lex
from .._extract import in_table_row as _in_table_row
from .._interval import Interval
from .._models import AMOUNT, COUNT, NUMBER, PERCENT, Quantity
from .._verdict import Candidate
from ._figures import (
    _DECREASE,
    _DECREASING,
    _GENERIC_STEMS,
    _INCREASE,
    _REACH,
    _Text,
    _WORD,
    _candidate,
    _change_direction,
    _is_measure,
    _signed,
    _stem,
    compatible,
)


_TABLE_GAP = re.compile(r"\A[\s|$€£₸%]*\Z")
# "2016 2015 % Change" on one line, or one cell per line ("2007\n|\n2006\n|\n% Change")
_HEADER_YEARS = re.compile(r"\b((?:19|20)\d\d)\b.{0,60}?\b((?:19|20)\d\d)\b.{0,40}?%\s*change", re.I | re.S)


def _prior_in_table(text: _Text, figure: Quantity) -> tuple[Quantity, Quantity, str] | None:
    """A results table restating ``figure`` ("$32.4 million" as the cell 32,386 of a table in
    thousands), and the prior period's cell of the same row, as an amount like ``figure``;
    with what the pairing assumes when no "2007 2006 % Change" header names the columns."""
    cells = _cells_within(text, figure.interval)
    subject = _subject_words(text, figure) if cells else frozenset()
    for index, scale in cells:
        cell = text.quantities[index]
        if cell.precision * scale > figure.precision or cell.start == figure.start:
            continue
        if not _row_label(text, index) & subject:
            continue
        prior = index + 1 if _newer_column_first(text, cell.start) else index - 1
        if 0 <= prior < len(text.quantities) and text.quantities[prior].kind is cell.kind \
                and _TABLE_GAP.match(text.text[min(cell.end, text.quantities[prior].end):max(cell.start, text.quantities[prior].start)]):
            assumes = "" if _year_header(text, cell.start) is not None else \
                "the table's neighbouring column is the period the change is measured from"
            return _as_amount(text.quantities[prior], figure.unit or "", scale), figure, assumes
    return None


def _cells_within(text: _Text, interval: Interval) -> list[tuple[int, int]]:
    """The bare positive figures of table rows that, at some scale (1, thousands, millions,
    billions; the smallest that fits), fall within ``interval``: in text order.

    Float keys (figures have at most _MAX_DIGITS digits) narrow the search cheaply; the
    exact test decides."""
    if "table_cells" not in text.memo:
        # n / d: float(Fraction) computes the same through the numbers ABC, several times slower
        cells = sorted((cell.value.numerator / cell.value.denominator, index) for index, cell in enumerate(text.quantities)
                       if cell.kind in (NUMBER, COUNT) and not cell.noun and cell.value.numerator > 0)
        text.memo["table_cells"] = ([value for value, _ in cells], [index for _, index in cells])
    values, indices = text.memo["table_cells"]  # type: ignore[misc]
    low = interval.low.numerator / interval.low.denominator
    high = interval.high.numerator / interval.high.denominator
    found: dict[int, int] = {}
    for scale in (10**9, 10**6, 10**3, 1):  # the smallest scale last, so that it stays
        first = bisect.bisect_left(values, low / scale - abs(low / scale) * 1e-9)
        last = bisect.bisect_right(values, high / scale + abs(high / scale) * 1e-9)
        found.update((index, scale) for index in indices[first:last]
                     if interval.contains(text.quantities[index].value * scale))
    nearest_first = sorted(found.items())[:_REACH]  # hostile input may repeat one figure endlessly
    return [(index, scale) for index, scale in nearest_first if _in_table_row(text.text, text.quantities[index].start)]


def _subject_words(text: _Text, figure: Quantity) -> frozenset[str]:
    """The content words of a figure's sentence before it: what the figure measures."""
    start = text.sentence_spans[text.sentence_of[text.position[figure.start]]][0]
    return frozenset(_stem(w) for w in _WORD.findall(text.text[start:figure.start])) - _GENERIC_STEMS


def _row_label(text: _Text, index: int) -> frozenset[str]:
    """The last word of a table row's label ("Net Sales" -> sale), the row's first cell being
    reached back over cells that stand apart."""
    first = index
    while first > 0 and _TABLE_GAP.match(text.between(first - 1, first)):
        first -= 1
    label_start = text.quantities[first - 1].end if first > 0 else 0
    words = _WORD.findall(text.text[max(label_start, text.quantities[first].start - 120):text.quantities[first].start])
    content = [_stem(w) for w in words if w.lower() not in lex.NOUN_STOPWORDS]
    return frozenset(content[-1:])


def _tables(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """Rows of results tables: "Revenue $ 567.4 $ 568.4 -0.2%" under "2016 2015 % Change"."""
    quantities = text.quantities
    index = 0
    while index + 2 < len(quantities):
        first, second, change = quantities[index], quantities[index + 1], quantities[index + 2]
        if (change.kind is PERCENT and _is_measure(first) and compatible(first, second)
                and _TABLE_GAP.match(text.text[first.end:second.start])
                and _TABLE_GAP.match(text.text[second.end:change.start])
                and "\n" in text.text[max(0, first.start - 200):first.start] + text.text[change.end:change.end + 200]
                and _in_table_row(text.text, first.start) and _change_column(text, first.start)):
            newer_first = _newer_column_first(text, first.start)
            new, old = (first, second) if newer_first else (second, first)
            if old.value != 0:
                yield _candidate("percent_change", "table row",
                                 (("old", old), ("new", new), ("stated", change)))
            index += 3
            continue
        index += 1


_CHANGE_HEADER = re.compile(r"\b(?:change|growth|increase|decrease|var(?:iance|\.)?)\b|\byoy\b|\by/y\b", re.I)


def _change_column(text: _Text, offset: int) -> bool:
    """Whether a table's header says that its percent column is a change: "2016 2015 % Change",
    or a change word in the lines above the row ("Share spent" is no change)."""
    return _year_header(text, offset) is not None or bool(_CHANGE_HEADER.search(text.text, max(0, offset - 300), offset))


def _newer_column_first(text: _Text, offset: int) -> bool:
    """Whether a table row's columns put the newer year first: as its header says, or, with
    no header, as results tables usually do."""
    header = _year_header(text, offset)
    return True if header is None else header


def _year_header(text: _Text, offset: int) -> bool | None:
    """The last "2016 2015 % Change" header within 2,000 characters before a table row:
    whether it puts the newer year first; None if there is none."""
    if "headers" not in text.memo:
        text.memo["headers"] = [(h.start(), h.end(), int(h.group(1)) >= int(h.group(2)))
                                for h in _HEADER_YEARS.finditer(text.text)]
    headers: list[tuple[int, int, bool]] = text.memo["headers"]  # type: ignore[assignment]
    before = bisect.bisect_left(headers, (offset,)) - 1
    while before >= 0 and headers[before][1] > offset:
        before -= 1
    if before < 0 or headers[before][0] < offset - 2000:
        return None
    return headers[before][2]


_TABLE_UNIT = re.compile(
    r"\(\s*(?:(?P<symbol>[$€£₸₹])|(?P<code>[A-Z]{3}))?\s*(?:in\s+)?(?P<scale>thousands|millions|billions)"
    r"(?:\s+of\s+(?P<name>\w+))?\s*\)|\bin\s+(?P<scale2>thousands|millions|billions)\s+of\s+(?P<name2>\w+)", re.I)
_TABLE_SCALES = {"thousands": 10**3, "millions": 10**6, "billions": 10**9}
_ROW = re.compile(r"^(?P<label>[A-Za-z][^\d\n]{2,80}?)[ \t]+(?=[-−(]?\$?\s?\d)", re.M)


@attrs.frozen
class _Row:
    label: frozenset[str]
    cells: tuple[int, ...]  # quantity indices, in column order


def _table_restatements(text: _Text) -> Iterator[Candidate]:
    """A sentence that restates a table row ("Revenues increased by $1.2 billion, or 4.6 per
    cent" above a "($ millions)" table whose Revenues row reads 26,577 27,797): the change
    is checked against the row's two columns for the periods the paragraph speaks of."""
    if not text.cues("scale"):
        return  # a cheap first look: no "(in) thousands / millions / billions" anywhere
    for caption in _TABLE_UNIT.finditer(text.text):
        rows, columns = _table_rows(text, caption.end())
        if len(rows) < 2 or not columns:
            continue
        currency = lex.CURRENCY_SYMBOLS.get((caption.group("symbol") or caption.group("code") or "").lower())
        named = caption.group("name") or caption.group("name2")
        currency = currency or (lex.CURRENCY_NAMES.get(named.lower()) if named else None)
        scale = _TABLE_SCALES[(caption.group("scale") or caption.group("scale2")).lower()]
        if currency is None:
            continue
        for index, stated in enumerate(text.quantities):
            if stated.start >= caption.start() or stated.kind not in (AMOUNT, PERCENT):
                continue
            if stated.kind is AMOUNT and stated.unit != currency:
                continue
            yield from _restated_row(text, index, rows, columns, currency, scale)


def _table_rows(text: _Text, offset: int) -> tuple[list[_Row], list[tuple[int, int]]]:
    """The rows after a table caption, and the periods of its columns from the header."""
    rows: list[_Row] = []
    header_end = None
    for line in _ROW.finditer(text.text, offset, min(len(text.text), offset + 4000)):
        line_end = text.text.find("\n", line.end())
        line_end = len(text.text) if line_end < 0 else line_end
        cells = tuple(i for i, q in enumerate(text.quantities)
                      if line.end() <= q.start < line_end and q.kind in (NUMBER, COUNT) and not q.noun)
        if len(cells) < 2:
            continue
        header_end = line.start() if header_end is None else header_end
        words = frozenset(w.lower() for w in _WORD.findall(line.group("label"))) - lex.NOUN_STOPWORDS
        rows.append(_Row(words, cells))
    if not rows or header_end is None:
        return [], []
    width = len(rows[0].cells)
    periods = [(a.first_year, a.last_year) for a in text.anchors
               if offset <= a.start < header_end and a.first_year and a.last_year]
    return [r for r in rows if len(r.cells) == width], periods if len(periods) == width else []


_CHANGE_WORD = re.compile(rf"\b(?:{_INCREASE}|{_DECREASE})\b", re.I)


def _restated_row(text: _Text, index: int, rows: list[_Row], columns: list[tuple[int, int]],
                  currency: str, scale: int) -> Iterator[Candidate]:
    stated = text.quantities[index]
    direction = _change_direction(text, index)
    if direction is None:
        return
    sentence_start = text.sentence_spans[text.sentence_of[index]][0]
    lead = text.text[sentence_start:stated.start]
    cue = _CHANGE_WORD.search(lead)
    subject = frozenset(w.lower() for w in _WORD.findall(lead[:cue.start()] if cue else lead)) - lex.NOUN_STOPWORDS
    matching = [row for row in rows if subject and row.label and (subject <= row.label or row.label <= subject)]
    if len(matching) != 1:
        return
    paragraph = text.document.paragraph_of(stated.start)
    spoken = {(a.first_year, a.last_year) for a in text.anchors if paragraph[0] <= a.start < paragraph[1] and a.first_year}
    pairs = [(i, i + 1) for i in range(0, len(columns) - 1, 2) if {columns[i], columns[i + 1]} <= spoken]
    if len(pairs) != 1:
        return
    first, second = pairs[0]
    old_index, new_index = (first, second) if columns[first] <= columns[second] else (second, first)
    row = matching[0]
    old, new = (_as_amount(text.quantities[row.cells[c]], currency, scale) for c in (old_index, new_index))
    decreasing = bool(_DECREASING.match(direction))
    if stated.kind is PERCENT:
        if old.value:
            yield _candidate("percent_change", "a sentence restating a table row",
                             (("old", old), ("new", new), ("stated", stated)), (_signed(decreasing, stated),))
        return
    if old.value < 0 and new.value < 0:  # expenses printed as negatives: their change is in magnitudes
        old, new = (attrs.evolve(q, value=-q.value) for q in (old, new))
    yield _candidate("difference", "a sentence restating a table row",
                     (("minuend", new), ("subtrahend", old), ("stated", stated)), (_signed(decreasing, stated),))


def _as_amount(cell: Quantity, currency: str, scale: int) -> Quantity:
    return attrs.evolve(cell, kind=AMOUNT, unit=currency, value=cell.value * scale,
                        precision=cell.precision * scale, rounding=cell.rounding * scale, exact=False,
                        scale=scale, unit_implied=True)


_TOTAL_LABEL = re.compile(r"\b(?:total|subtotal|sum|net|balance|overall|all)\b", re.I)
_ROW_BREAK = 2  # label lines ("Expenses") a table may hold between two rows of figures


def _table_blocks(text: _Text) -> Iterator[list[tuple[str, tuple[int, ...]]]]:
    """Runs of table rows with the same number of cells: each row is its label and the
    indices of its figures, in column order."""
    block: list[tuple[str, tuple[int, ...]]] = []
    previous_end = -1
    for label, cells, line_start, line_end in _numeric_lines(text):
        breaks = text.text.count("\n", previous_end, line_start) - 1 if previous_end >= 0 else 0
        if block and (len(cells) != len(block[-1][1]) or breaks > _ROW_BREAK):
            yield block
            block = []
        block.append((label, cells))
        previous_end = line_end
    if block:
        yield block


def _numeric_lines(text: _Text) -> Iterator[tuple[str, tuple[int, ...], int, int]]:
    """Lines that read "Label  figure  figure ...": a text label, then only figures apart."""
    quantities = text.quantities
    index = 0
    while index < len(quantities):
        first = quantities[index]
        line_start = text.text.rfind("\n", max(0, first.start - 120), first.start) + 1
        line_end = text.text.find("\n", first.end, first.end + 400)
        line_end = min(len(text.text), first.end + 400) if line_end < 0 else line_end  # no row is that long
        cells = [index]
        while index + len(cells) < len(quantities) and quantities[index + len(cells)].start < line_end:
            cells.append(index + len(cells))
        index += len(cells)
        if len(cells) < 2:
            continue  # most lines hold one figure: no row
        label = text.text[line_start:first.start]
        if not _WORD.search(label) or not line_start or not all(
                _TABLE_GAP.match(text.text[quantities[a].end:quantities[b].start]) for a, b in zip(cells, cells[1:])) \
                or not _TABLE_GAP.match(text.text[quantities[cells[-1]].end:line_end]):
            continue
        yield label, tuple(cells), line_start, line_end


def _table_sums(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """A table row that adds up the rows just above it ("Budgetary balance" under revenues
    and expenses): found where it adds up in the columns, then checked in every column, so
    that an edited cell shows as a discrepancy in its own column."""
    for rows in _table_blocks(text):
        block = [row for row in rows if not _NESTED_ROW.match(row[0].strip())]
        yield from _nested_rows(text, rows)
        if len(block) < 3:
            continue
        derived = _derived_columns(text, block)
        sums = [_Column.of(text, [cells[c] for _, cells in block]) for c in range(len(block[0][1])) if c not in derived]
        for position in range(2, len(block)):
            label, totals = block[position]
            columns = [column for column in sums if column.uniform_to > position]
            best: tuple[int, int] | None = None  # (columns that add up, first row of the parts)
            for first in range(position - 2, max(-1, position - 2 - _REACH), -1):
                holding = sum(column.adds_up(first, position) for column in columns)
                if best is None or holding > best[0]:
                    best = (holding, first)
            if best is None or not _adds_up_enough(best[0], len(columns), bool(_TOTAL_LABEL.search(label))):
                continue
            for column in columns:
                yield _candidate("sum", "a table row adding up the rows above it",
                                 [("total", _table_cell(column.cells[position]))]
                                 + [("part", _table_cell(cell)) for cell in column.cells[best[1]:position]])


_DERIVED_HEADER = re.compile(r"%|\b(?:change|growth|rate|share|margin|ratio|percent|per\s+cent|average|per)\b", re.I)
_HEADER_WORDS = re.compile(r"\S+(?: \S+)*")  # words one space apart make one heading ("% Change")


def _derived_columns(text: _Text, block: list[tuple[str, tuple[int, ...]]]) -> set[int]:
    """The columns whose heading, in the lines above the first row, says they are derived
    from the others (a "% Change", a "Share" or an "Average"): they do not add up."""
    first = text.quantities[block[0][1][0]]
    row_start = text.text.rfind("\n", 0, first.start) + 1
    header_start = row_start
    for _ in range(3):
        header_start = text.text.rfind("\n", 0, max(0, header_start - 1)) + 1
    derived = set()
    for column, index in enumerate(block[0][1]):
        cell = text.quantities[index]
        left, right = cell.start - row_start, cell.end - row_start
        line_start = header_start
        while line_start < row_start:
            line_end = text.text.find("\n", line_start, row_start)
            line_end = row_start if line_end < 0 else line_end
            for heading in _HEADER_WORDS.finditer(text.text, line_start, line_end):
                overlaps = heading.start() - line_start <= right + 2 and heading.end() - line_start >= left - 2
                if overlaps and _DERIVED_HEADER.search(heading.group()):
                    derived.add(column)
            line_start = line_end + 1
    return derived


_NESTED_ROW = re.compile(r"(?:of\s+which|including|incl\.|thereof)\b", re.I)


def _nested_rows(text: _Text, rows: list[tuple[str, tuple[int, ...]]]) -> Iterator[Candidate]:
    """An "of which: exports" row under "Total": each of its cells is within the cell above
    it in the nearest row that is not itself such a row; it is no part of the sums."""
    parent = None
    for label, cells in rows:
        if not _NESTED_ROW.match(label.strip()):
            parent = cells
            continue
        for part, whole in zip(cells, parent or ()):
            if _is_measure(text.quantities[part]) and compatible(text.quantities[part], text.quantities[whole]):
                yield _candidate("subset", "a table's \"of which\" row", (("whole", _table_cell(text.quantities[whole])),
                                                                          ("part", _table_cell(text.quantities[part]))))


@attrs.frozen
class _Column:
    """A table column's cells, with running sums of their intervals' ends, so that whether
    rows first..last-1 add up to row last is two subtractions."""

    cells: tuple[Quantity, ...]
    lows: tuple[Fraction, ...]  # lows[r]: the sum of the low ends of cells[:r]
    highs: tuple[Fraction, ...]
    uniform_to: int  # the cells before this row are measures of one unit

    @classmethod
    def of(cls, text: _Text, indices: list[int]) -> _Column:
        cells = tuple(text.quantities[i] for i in indices)
        lows, highs = [Fraction(0)], [Fraction(0)]
        uniform_to = 0
        for cell in cells:
            if not _is_measure(cell) or (cell.kind is AMOUNT) is not (cells[0].kind is AMOUNT) \
                    or cell.unit != cells[0].unit and AMOUNT in (cell.kind, cells[0].kind):
                break
            uniform_to += 1
        running = Interval.point(0)  # adding intervals adds their ends, in integers
        for cell in cells[:uniform_to]:
            running = running + cell.interval
            lows.append(running.low)
            highs.append(running.high)
        return cls(cells, tuple(lows), tuple(highs), uniform_to)

    def adds_up(self, first: int, last: int) -> bool:
        total = self.cells[last].interval
        return self.lows[last] - self.lows[first] <= total.high and total.low <= self.highs[last] - self.highs[first]


def _table_cell(cell: Quantity) -> Quantity:
    """A column prints every figure to the same unit: "200" beside "207" is not rounded to hundreds."""
    return attrs.evolve(cell, rounding=cell.precision) if cell.is_round else cell


def _adds_up_enough(holding: int, columns: int, labelled: bool) -> bool:
    """Whether a row is a total: it adds up in every column, or, in all but one (the one
    that may hold a slip), in three columns, or in any under a label that says total."""
    if holding == columns:
        return holding >= 2 or (holding == 1 and labelled)
    return holding == columns - 1 and holding >= (1 if labelled else 3)
