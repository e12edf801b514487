"""Changes between an old and a new figure: growth factors, percent and point changes,
differences, and per-unit rates ("up P% to B from A", "N times more than in 2015 (A)")."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Iterable, Iterator


from .. import _lexicon as lex
from .._findings import Reading
from .._models import AMOUNT, COUNT, FACTOR, NUMBER, PERCENT, POINTS, Quantity
from .._text import format_number
from .._verdict import Candidate
from ._figures import (
    _BASE_BEFORE,
    _DECREASE,
    _DECREASING,
    _INCREASE,
    _LIST_JOIN,
    _OF_AFTER,
    _PER,
    _Text,
    _WORD,
    _YEAR_VALUE,
    _candidate,
    _change_direction,
    _first_after,
    _is_measure,
    _is_measure_or_percent,
    _is_rate,
    _lead_end,
    _list_run,
    _listed_direction,
    _measure_before,
    _names,
    _nearest_before,
    _paragraph_index,
    _same_word,
    _signed,
    compatible,
)
from ._tables import (
    _prior_in_table,
)


_FROM_TO = re.compile(r"\A[^.;:!?]{0,100}?\bfrom\s*\Z", re.I)
_TO_JOIN = re.compile(r"\A\s*(?:in\s+\S+\s+|for\s+\S+\s+)?(?:\w+\s+)?(?:to|-|–)\s*\Z", re.I)
_COMPARED = re.compile(
    r"(?:compared\s+(?:to|with)|from|against|versus|vs\.?|over|on|than)\s+(?:(?:the|a|its|net|total|sales|of|in|\w+)\s+){0,6}\Z", re.I
)
# "B, twice the A", "B, 3 times that of A", "B, double the 2019 level of A"
_TIMES_THE = re.compile(r"\s*(?:more|higher|larger|greater)?\s*(?:the|that\s+of|as\s+\w+\s+as)\s+(?:[\w-]+\s+){0,4}?(?:of\s+)?\Z", re.I)
_TIMES_MORE = re.compile(r"\A\s*(?:more|higher|larger|bigger|greater)\b", re.I)
_THAN_IN_YEAR = re.compile(r"\A\s*(?:more|higher|larger|bigger|greater|up)?\s*(?:than|compared\s+(?:to|with)|from)\s+in\s+(?P<year>(?:19|20)\d\d)\b", re.I)


# -- old and new figures --------------------------------------------------------------------

def _from_to(text: _Text, index: int, members: Iterable[int], like: Quantity | None = None) -> tuple[int, int] | None:
    """ "from A to B" after the figure at ``index`` (or anywhere in ``members``)."""
    later = [m for m in members if m > index and _is_measure_or_percent(text.quantities[m])]
    for position, first in enumerate(later[:-1]):
        second = later[position + 1]
        a, b = text.quantities[first], text.quantities[second]
        if like is not None and not compatible(a, like):
            continue
        if not compatible(a, b):
            continue
        if _FROM_TO.search(text.text[text.quantities[index].end:a.start]) and _TO_JOIN.match(text.between(first, second)):
            return first, second
    return None


def _old_new(text: _Text, index: int, same_kind: bool = False) -> tuple[int, int, str] | None:
    """The old and new figures a change or factor at ``index`` speaks of, with what the
    pairing assumes; ``same_kind`` for a change stated in the figures' own unit ("up 310
    billion tenge from 1.45 trillion")."""
    pair = _nearest_old_new(text, index, same_kind)
    pair = None if pair is None else _in_parallel(text, index, *pair)
    return None if pair is None else (*pair, _base_assumption(text, index, *pair))


_OWN_CHANGE_FROM = re.compile(rf"\b(?:{_INCREASE}|{_DECREASE})\s+from\s+(?:the\s+|a\s+)?\Z", re.I)


def _base_assumption(text: _Text, index: int, old: int, new: int) -> str:
    """ "raised by 25 bp to 5.50%, up from 4.50% in January": a base that follows the new
    figure with a change word of its own may be the base of a longer comparison (several
    moves since January), not of the stated change: then the pairing is an assumed link."""
    if not index < new < old:
        return ""
    own = _OWN_CHANGE_FROM.search(text.between(new, old))
    return f'the change is measured from the figure after "{" ".join(own.group().split())}"' if own else ""


def _in_parallel(text: _Text, index: int, old: int, new: int) -> tuple[int, int] | None:
    """ "rose 13.8% to A and 4.6% to B, from C and D, respectively": when the old figure is
    one of a list, the k-th change takes the k-th (and a listed new figure the k-th too);
    lists that do not line up leave the pairing unknown."""
    bases = _list_run(text, old)
    if len(bases) == 1:
        return old, new
    stated = text.quantities[index]
    changes = [m for m in text.same_sentence(index) if text.quantities[m].kind is stated.kind
               and (_change_direction(text, m) or _listed_direction(text, m))]
    if len(changes) != len(bases) or index not in changes:
        return None
    position = changes.index(index)
    news = _list_run(text, new, wide=True)
    if len(news) == len(bases):
        return bases[position], news[position]
    return (bases[position], new) if len(news) == 1 else None


_LOCATIVE = re.compile(r"\b(?:in|across|at)\s+\Z", re.I)


def _locative(text: _Text, quantity: Quantity) -> bool:
    """ "36,480 children in 214 villages": where, not what changed."""
    return quantity.kind is COUNT and bool(_LOCATIVE.search(text.text[max(0, quantity.start - 8):quantity.start]))


def _nearest_old_new(text: _Text, index: int, same_kind: bool) -> tuple[int, int] | None:
    """The old and new figures nearest the change, before parallel lists are lined up:
    "from A to B"; "B ... P%, compared with A"; "P% to B, compared with A"; "to B from A, P%"."""
    members = text.same_sentence(index)
    stated = text.quantities[index]
    found = _from_to(text, index, members, like=stated if same_kind else None)
    if found:
        return found
    if same_kind:
        def operand(q: Quantity) -> bool:
            return compatible(q, stated) and not _locative(text, q)
    else:
        def operand(q: Quantity) -> bool:
            return _is_measure_or_percent(q) and q.kind is not stated.kind and not _locative(text, q)
    new = _nearest_before(text, index, operand)
    if new is not None:
        after = text.after(index, 160)
        for member in (m for m in members if m > index):
            candidate = text.quantities[member]
            if not compatible(candidate, text.quantities[new]):
                continue
            lead = text.text[stated.end:candidate.start]
            if (_COMPARED.search(lead) or _TIMES_THE.match(lead)) and len(lead) <= 160 and after:
                return member, new
            break
        # "B ... to B from A" is handled above; "to B, compared with A" needs B after the figure
    to_new = _first_after(text, index, operand)
    if to_new is not None and re.search(r"\bto\s*\Z", text.text[stated.end:text.quantities[to_new].start], re.I):
        for member in (m for m in members if m > to_new):
            candidate = text.quantities[member]
            if compatible(candidate, text.quantities[to_new]) and _COMPARED.search(text.between(to_new, member)):
                if not same_kind and text.quantities[member - 1].kind is stated.kind and member - 1 != index \
                        and _BASE_BEFORE.search(text.between(member - 1, member)):
                    break  # "by 25 bp to 5.50%, ... to 100 bp from 4.50%": the base is the later change's
                return member, to_new
    return _pair_before(text, index, operand)


_EARLIER_CHANGE = re.compile(r"\b(?:after|following|having)\s+(?:a\s+|an\s+)?[a-z]+(?:\s+(?:by|of))?\s*\Z", re.I)
_PAIR_COMPARED = re.compile(
    r"\A\s*(?:[A-Za-z-]+,?\s+){0,4}?,?\s*(?:compared\s+(?:to|with)|against|versus|vs\.?|(?:up|down)\s+from|from)"
    r"\s*(?:the\s+)?\Z", re.I)


def _pair_before(text: _Text, index: int, operand) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """ "rose to B from A, an increase of P%", "from A to B, up P%", "B, compared with A a
    year ago, an increase of P%": both figures come before the change."""
    if _EARLIER_CHANGE.search(text.before(index, 30)):
        return None  # "rose from 185 to 240 in 2025, after falling 11.9% in 2024": another period's change
    later = _nearest_before(text, index, operand)
    if later is None:
        return None
    earlier = _nearest_before(text, later, lambda q: operand(q) and compatible(q, text.quantities[later]))
    if earlier is None:
        return None
    gap = text.between(earlier, later)
    lead = text.text[max(0, text.quantities[earlier].start - 16):text.quantities[earlier].start]
    if re.search(r"\bfrom\s*\Z", lead, re.I) and _TO_JOIN.match(gap):
        return earlier, later  # from A to B
    if _PAIR_COMPARED.match(gap):
        return later, earlier  # (to) B from A; B, compared with A
    return None


# -- detectors --------------------------------------------------------------------------------

def _ratios(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    for index in text.of_kind(FACTOR):
        stated = text.quantities[index]
        if stated.value <= 0:
            continue
        after = text.after(index, 40)
        readings: tuple[Reading, ...] = (Reading(),)
        if _TIMES_MORE.match(after) and stated.text.lower() not in lex.MULTIPLIER_WORDS:
            readings = (Reading(f"x{format_number(stated.value)}"),
                        Reading(f"x{format_number(stated.value + 1)} (\"N times more\" as N added)",
                                      Fraction(1), Fraction(1)))
        year_value = _year_value(text, index)
        if year_value is not None:
            old, new, difference = year_value
            yield _candidate("ratio", "N times more than in YEAR (YEAR - A)",
                             (("old", text.quantities[old]), ("new", text.quantities[new]), ("stated", stated)), readings)
            if difference is not None:
                yield _candidate("difference", "or D more than in YEAR (YEAR - A)",
                                 (("minuend", text.quantities[new]), ("subtrahend", text.quantities[old]),
                                  ("stated", text.quantities[difference])))
            continue
        operands = _old_new(text, index) or _next_sentence_from_to(text, index)
        if operands is None:
            continue
        old, new, assumes = operands
        if text.quantities[old].value <= 0 or text.quantities[old].kind is FACTOR:
            continue
        yield _candidate("ratio", "N times from A to B",
                         (("old", text.quantities[old]), ("new", text.quantities[new]), ("stated", stated)), readings,
                         assumes)


def _year_value(text: _Text, index: int) -> tuple[int, int, int | None] | None:
    """ "B, which is 2.3 times more than in 2015 or D (2015 - A)": old A, new B, difference D."""
    than = _THAN_IN_YEAR.match(text.after(index, 60))
    if not than:
        return None
    stated = text.quantities[index]
    new = _measure_before(text, index)
    if new is None:
        return None
    members = [m for m in text.same_sentence(index) if m > index]
    for member in members:
        quantity = text.quantities[member]
        before = text.text[max(0, quantity.start - 12):quantity.start]
        found = _YEAR_VALUE.search(before)
        if found and found.group("year") == than.group("year") and compatible(quantity, text.quantities[new]):
            between = [m for m in members if m < member and compatible(text.quantities[m], quantity)]
            difference = between[0] if len(between) == 1 else None
            return member, new, difference
    del stated
    return None


def _percent_changes(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "up P% to B from A"; with no base in the sentence, the base the table or the text
    named before (an assumed link); "increased by 108%" read as growth and as an index."""
    tabled = {n.quantity for c in found if c.cue == "table row" for n in c.numbers}
    for index in text.of_kind(PERCENT):
        stated = text.quantities[index]
        if stated in tabled or _OF_AFTER.match(text.after(index, 8)):
            continue
        direction = _change_direction(text, index) or _listed_direction(text, index)
        if direction is None:
            continue
        pairs, cue = _changed_pairs(text, index), f"{direction} P% ... A ... B"
        if not pairs:
            pairs = [found for new in _changed_figures(text, index) if (found := _prior_in_table(text, new))]
            cue = f"B, {direction} P%, against the table's prior period"
        if not pairs and (earlier := _earlier_level(text, index)) is not None:
            pairs = [(*earlier, f'the change is measured against the "{earlier[0].text}" named before')]
            cue = f"B, {direction} P%, against the last level named before"
        decreasing = bool(_DECREASING.match(direction))
        readings: tuple[Reading, ...] = (_signed(decreasing, stated),)
        if not decreasing and stated.value > 100 and re.search(r"\bby\s*\Z", text.before(index, 10), re.I):
            readings = (Reading("growth of the stated percent"),
                        Reading("an index (the new level as a percent of the old)", Fraction(1), Fraction(-100)))
        for old, new, assumes in pairs:
            if old.value != 0:
                yield _candidate("percent_change", cue, (("old", old), ("new", new), ("stated", stated)), readings,
                                 assumes)


def _changed_pairs(text: _Text, index: int) -> list[tuple[Quantity, Quantity, str]]:
    """The old and new figures of a change, in its sentence or the next, with what the
    pairing assumes."""
    operands = _old_new(text, index) or _next_sentence_from_to(text, index)
    if operands is None:
        return []
    old, new, assumes = operands
    return [(text.quantities[old], text.quantities[new], assumes)]


def _earlier_level(text: _Text, index: int) -> tuple[Quantity, Quantity] | None:
    """ "... the number of services rose to 440. This year, 552 services were provided, an
    increase of 132%": with no base stated, the last earlier figure of the same named
    things (in this paragraph or the one before) is the likeliest."""
    sentence_start = text.sentence_spans[text.sentence_of[index]][0]
    paragraphs = text.document.paragraphs
    for new in reversed([m for m in text.same_sentence(index) if m < index]):
        figure = text.quantities[new]
        if figure.kind is not COUNT or not figure.noun:
            continue
        reach = paragraphs[max(0, _paragraph_index(text, figure.start) - 1)][0]
        for member in text.earlier(new):
            earlier = text.quantities[member]
            if earlier.start < reach:
                break
            if earlier.start < sentence_start and compatible(earlier, figure) and earlier.value > 0 \
                    and _names(text, earlier, figure.noun):
                return earlier, figure
        return None
    return None


_RESPECTIVELY = re.compile(r"\A\s*,?\s*respectively\s*,?\s*(?:(?:an?\s+)?[\w-]+\s+(?:of\s+)?)?\Z", re.I)
_APPOSITIVE_CHANGE = re.compile(r"\A\s*,?\s*(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:of|by)?\s*\Z", re.I)


def _changed_figures(text: _Text, index: int) -> list[Quantity]:
    """The figures a change with no stated base speaks of: "A and B, respectively, increases
    of P% and Q%" pairs them in order; "B, an increase of P%" names one."""
    percents = _list_run(text, index)
    last = percents[0] - 1
    if last < 0 or text.sentence_of[last] != text.sentence_of[index] or not _is_measure(text.quantities[last]):
        return []
    gap = text.between(last, percents[0])
    if _RESPECTIVELY.match(gap):
        figures = [f for f in _list_run(text, last, wide=True) if f <= last]
        if len(percents) == len(figures):
            return [text.quantities[figures[percents.index(index)]]]
        return [text.quantities[f] for f in figures] if len(percents) == 1 else []
    return [text.quantities[last]] if len(percents) == 1 and _APPOSITIVE_CHANGE.match(gap) else []


_NEXT_ASSUMES = "the next sentence's figures are the ones the change compares"
_RAISED_TO = re.compile(rf"\b(?:{_INCREASE}|{_DECREASE})\s+to\s*\Z", re.I)


def _next_sentence_from_to(text: _Text, index: int) -> tuple[int, int, str] | None:
    """ "74.5% hike in allocation. Up from A to B", "grew 5.2 times over five years. In 2017,
    A were provided ... last year the number rose to B": the figures follow in the next sentence."""
    if text.after(index, 200).strip() and _old_new_members_after(text, index):
        return None
    following = text.sentence_of[index] + 1
    if following >= len(text.sentence_members):
        return None
    members = text.sentence_members[following]
    if not members or any(text.quantities[m].kind is PERCENT for m in members):
        return None
    start = text.sentence_spans[following][0]
    opening = text.text[start:text.quantities[members[0]].start]
    if re.search(r"\A\s*(?:up|down|rising|falling|growing)?\s*from\s*\Z", opening, re.I):
        if len(members) >= 2 and compatible(text.quantities[members[0]], text.quantities[members[1]]) \
                and _TO_JOIN.match(text.between(members[0], members[1])):
            return members[0], members[1], ""
        return None
    for position, new in enumerate(members[1:], 1):
        if _RAISED_TO.search(text.text[text.quantities[members[position - 1]].end:text.quantities[new].start]):
            old = next((m for m in reversed(members[:position]) if compatible(text.quantities[m], text.quantities[new])), None)
            return (old, new, _NEXT_ASSUMES) if old is not None and _is_measure(text.quantities[new]) else None
    return None


def _old_new_members_after(text: _Text, index: int) -> bool:
    return any(_is_measure(text.quantities[m]) for m in text.same_sentence(index) if m > index)


def _point_changes(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    for index in text.of_kind(POINTS):
        stated = text.quantities[index]
        members = text.same_sentence(index)
        percents = [m for m in members if text.quantities[m].kind is PERCENT]
        operands: tuple[int, int, str] | None = None
        for position, first in enumerate(percents[:-1]):
            second = percents[position + 1]
            if re.search(r"\bfrom\s*\Z", text.text[max(0, text.quantities[first].start - 12):text.quantities[first].start], re.I) \
                    and _TO_JOIN.match(text.between(first, second)):
                operands = (first, second, "")
                break
        operands = operands or _old_new(text, index)
        if operands is None or text.quantities[operands[0]].kind is not PERCENT:
            continue
        old, new, assumes = text.quantities[operands[0]], text.quantities[operands[1]], operands[2]
        direction = _change_direction(text, index)
        if direction is None and new.value < old.value and stated.value > 0:
            # "an improvement of 1.8 points" from 95.0% to 93.2%: the words give no sign, the figures do
            readings: tuple[Reading, ...] = (Reading("the size of the fall", Fraction(-1)),)
        else:
            readings = (_signed(bool(_DECREASING.match(direction or "")), stated),)
        yield _candidate("pp_change", "from A% to B%, or D points", (("old", old), ("new", new), ("stated", stated)), readings,
                         assumes)


def _differences(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "increased $3.9 million, or 27%, to $18.2 million from $14.3 million"."""
    for index in sorted(set(text.after_cue("change", 60)) | set(text.before_cue("change", 20))):
        stated = text.quantities[index]
        if not _is_measure(stated) or stated.kind is NUMBER:
            continue
        direction = _change_direction(text, index)
        if direction is None or _is_rate(text, index):
            continue
        operands = _old_new(text, index, same_kind=True)
        if operands is None:
            continue
        old, new, assumes = operands
        if _DECREASING.match(direction):
            minuend, subtrahend = old, new
        else:
            minuend, subtrahend = new, old
        yield _candidate("difference", "changed by D to B from A",
                         (("minuend", text.quantities[minuend]), ("subtrahend", text.quantities[subtrahend]),
                          ("stated", stated)), assumes=assumes)


_EACH = re.compile(r"\s+(?:each|apiece)\b", re.I)


def _per_unit(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "$1.2 million to 400 families, or $3,000 per family", "15 kindergartens at a cost of
    36 billion tenge, or 2.4 billion tenge each": total, count and rate of one clause."""
    for index in text.of_kind(AMOUNT):
        rate = text.quantities[index]
        per = _PER.match(text.text, rate.end)
        each = _EACH.match(text.text, rate.end, rate.end + 10)
        if each:
            def counts(q: Quantity) -> bool:
                return q.kind in (COUNT, NUMBER) and q.unit in (None, "count")
        elif not per or per.group("noun").lower() in lex.UNITS or per.group("noun").lower() in ("cent", "capita", "share"):
            continue
        else:
            def counts(q: Quantity, noun: str = per.group("noun")) -> bool:
                return q.kind is COUNT and q.noun is not None and any(_same_word(noun, w) for w in q.noun.split())
        total = _nearest_before(text, index, lambda q: q.kind is AMOUNT and q.unit == rate.unit and q.value > rate.value)
        count = _nearest_before(text, index, counts)
        if total is None or count is None or text.quantities[count].value == 0 or _sibling_rate(text, total, index) \
                or _other_amount_between(text, total, count, rate):
            continue
        yield _candidate("per_unit", "N things for X, or R per thing",
                         (("total", text.quantities[total]), ("count", text.quantities[count]), ("stated", rate)))


def _sibling_rate(text: _Text, total: int, rate: int) -> bool:
    """ "averaging $3,000 and $2,500 per family": the figure listed with the rate is a rate too."""
    return total == rate - 1 and bool(_LIST_JOIN.match(text.between(total, rate)))


def _other_amount_between(text: _Text, total: int, count: int, rate: Quantity) -> bool:
    """Whether another amount like the rate's stands between the total and the count: then
    they belong to different clauses ("$1.2 million to 400 families, or $3,000 each, and
    $1.5 million in April")."""
    first, last = min(total, count), max(total, count)
    return any(text.quantities[m].kind is AMOUNT and text.quantities[m].unit == rate.unit
               for m in range(first + 1, last))


def _subject(text: _Text, index: int) -> frozenset[str]:
    """The content words just before a figure: "Industrial output has rose" -> {industrial, output}."""
    words = _WORD.findall(text.before(index, 60))[-4:]
    return frozenset(w.lower() for w in words if w.lower() not in lex.NOUN_STOPWORDS and not _VERB.match(w))


_VERB = re.compile(rf"(?:{_INCREASE}|{_DECREASE}|has|have|had|by|was|were|is|are)\Z", re.I)


def _restated_factors(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """A lead's "Industrial output rose 1.7 times" restates the body's "Industrial output
    increased 1.6 times from A to B": the lead's factor is checked against A and B too."""
    used = {n.quantity for c in found for n in c.numbers}
    lead_end = _lead_end(text)
    by_subject: dict[frozenset[str], Candidate] = {}
    for candidate in found:
        if candidate.kind == "ratio":
            by_subject.setdefault(_subject(text, text.position[candidate.quantities("stated")[0].start]), candidate)
    for index, stated in enumerate(text.quantities):
        if stated.kind is not FACTOR or stated in used or stated.start >= lead_end:
            continue
        subject = _subject(text, index)
        body = by_subject.get(subject) if len(subject) >= 2 else None
        if body is not None:
            yield _candidate("ratio", "a lead restating the body's factor",
                             (("old", body.quantities("old")[0]), ("new", body.quantities("new")[0]), ("stated", stated)))
