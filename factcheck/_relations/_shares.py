"""Shares of a whole: "X, or P% of Y", "163 of them, or 44%", "P% (X) of Y"; and the shares of
one whole together."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Iterator


from .. import _lexicon as lex
from .._models import PERCENT, Quantity
from .._verdict import Candidate
from ._figures import (
    _CLAUSE_BREAK,
    _GENERIC_WORDS,
    _OF_AFTER,
    _Text,
    _WORD,
    _candidate,
    _change_direction,
    _context_words,
    _first_after,
    _is_base,
    _is_measure,
    _measure_before,
    compatible,
)


_PART_JOIN = re.compile(
    r"\A(?:[^.;()%]{0,50}?[\s,])?\s*[,(]?\s*(?:or|which\s+(?:is|was|represents|represented|makes\s+up|accounts\s+for)|"
    r"that\s+is|equivalent\s+to|accounting\s+for|representing|making\s+up|amounting\s+to|i\.e\.|"
    r"made\s+up|makes?\s+up|accounted\s+for|accounts?\s+for|represent(?:s|ed)?|constitut(?:es|ed)|"
    r"amounts?\s+to|amounted\s+to|"
    r"(?:was|were|is|are)\s+equal\s+to)\s*\(?\s*\Z"
    r"|\A\s*[,(]?\s*\(\s*\Z", re.I
)
_X_OF_Y = re.compile(r"\A\s+of\s+(?:the\s+|these\s+|all\s+)?\Z", re.I)
_PART_AFTER = re.compile(
    r"\A[^.;:!?]{0,60}?\b(?:came\s+in\s+at|had\s+(?:\w+\s+){0,2}of|amounted\s+to|amounting\s+to|at|totall?ing|"
    r"worth|reached|of|with)\s*\Z", re.I
)
_THIS_IS = re.compile(r"(?:^|[.!?]\s+)(?:this|that|it|which)\s+(?:is|was|represents|accounts\s+for|makes\s+up|amounts\s+to)\s*\Z", re.I)
_OF_ANAPHOR = re.compile(r"\A\s*of\s+(?:them|these|those|which|this\s+number)\b[\s,]*(?:or\s*)?\Z", re.I)


def _shares(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    # a share is of a current figure, not of the base a change was measured from, nor of
    # a figure that is itself the part of a parallel share ("630 firms, or 42% ...; 390 firms, or 26% ...")
    excluded = {n.quantity for c in found if c.kind in ("ratio", "percent_change") for n in c.numbers if n.role == "old"}
    for index in text.of_kind(PERCENT):
        stated = text.quantities[index]
        if stated.value <= 0:
            continue
        of = _OF_AFTER.match(text.after(index, 100))
        # the figure just before the share and the words between: every reading below starts there
        before = _measure_before(text, index)
        gap = text.between(before, index) if before is not None else ""
        join = _PART_JOIN.match(gap) if before is not None else None
        pair = _anaphoric_part(text, before, gap, excluded) or _x_of_y(text, before, join) \
            or _of_these_part(text, before, join, excluded)
        if of is None and pair is None:
            continue
        if _change_direction(text, index) and of is None:
            continue
        part = pair[0] if pair else _part_of(text, index, before, join)
        if part is None:
            continue
        chosen = (pair[1], "") if pair else _whole_of(text, index, part, of.group("phrase") if of else "", excluded)
        if chosen is None or chosen[0] == part:
            continue
        whole, assumes = chosen
        part_q, whole_q = text.quantities[part], text.quantities[whole]
        if whole_q.value <= 0 or (stated.value <= 100 and part_q.value > whole_q.value):
            continue
        if (part_q.value, part_q.unit) == (whole_q.value, whole_q.unit) and stated.value != 100:
            continue  # the same figure named twice is not a part of itself
        excluded.add(part_q)
        yield _candidate("share", "X, or P% of Y", (("part", part_q), ("whole", whole_q), ("stated", stated)),
                         assumes=assumes)


def _anaphoric_part(text: _Text, part: int | None, gap: str, excluded: set[Quantity]) -> tuple[int, int] | None:
    """ "163 of them, or 44%": the part is before, its whole is what "them" refers to."""
    if part is None or not _OF_ANAPHOR.match(gap):
        return None
    return _anaphor_whole(text, part, excluded)


def _anaphor_whole(text: _Text, part: int, excluded: set[Quantity]) -> tuple[int, int] | None:
    for member in text.earlier(part):
        candidate = text.quantities[member]
        if candidate not in excluded and compatible(candidate, text.quantities[part]) \
                and candidate.value >= text.quantities[part].value and not _within_larger(text, member):
            return part, member
    return None


def _within_larger(text: _Text, index: int) -> bool:
    """ "Of the 3,600 classrooms, 2,900 are complete and 700 under way": 700 is a part of a
    larger figure named before it in its sentence, so "of them" later is not of the 700."""
    quantity = text.quantities[index]
    return any(compatible(text.quantities[m], quantity) and text.quantities[m].value > quantity.value
               for m in text.same_sentence(index) if m < index)


_OF_THESE_BEFORE = re.compile(r"\b(?:of\s+(?:these|them|which)|among\s+them)\s*[,:—–-]?\s*(?:[\w-]+\s+){0,2}\Z", re.I)


def _of_these_part(text: _Text, part: int | None, join: re.Match[str] | None,
                   excluded: set[Quantity]) -> tuple[int, int] | None:
    """ "369 schools ... Of these, 163 schools, or 44%, ...": the whole is what "these" names."""
    if part is None or join is None:
        return None
    if not _OF_THESE_BEFORE.search(text.text[max(0, text.quantities[part].start - 40):text.quantities[part].start]):
        return None
    return _anaphor_whole(text, part, excluded)


def _x_of_y(text: _Text, whole: int | None, join: re.Match[str] | None) -> tuple[int, int] | None:
    """ "shipped 200 of the 390 billion tenge, or 51%": part, then whole, then the share."""
    if whole is None or join is None:
        return None
    part = _measure_before(text, whole)
    if part is None or not _X_OF_Y.match(text.between(part, whole)) or not compatible(text.quantities[part], text.quantities[whole]):
        return None
    return part, whole


def _part_of(text: _Text, index: int, before: int | None, join: re.Match[str] | None) -> int | None:
    """The figure a share is the share of: "X, or P%", "P% (X)", "This is P%" after X, where
    ``before`` is the figure just before the share and ``join`` the words that join them."""
    stated = text.quantities[index]
    if before is not None and join:
        if _ends_a_list(text, before) and _WORD.search(join.group().replace(" or ", " ")):
            return None  # "1,150 MW of wind and 780 MW of solar, so renewables made up 45.4%": of the list
        return before
    paren = _first_after(text, index, _is_measure)
    if paren is not None:
        gap = text.text[stated.end:text.quantities[paren].start]
        if re.match(r"\A\s*\(\s*\Z", gap) or _PART_AFTER.match(gap):
            return paren
    if _THIS_IS.search(text.text[max(0, stated.start - 40):stated.start]):
        sentence = text.sentence_of[index]
        for earlier in range(sentence - 1, max(-1, sentence - 3), -1):
            measures = [m for m in text.sentence_members[earlier] if _is_measure(text.quantities[m])]
            if measures:
                return measures[-1]
    return None


def _ends_a_list(text: _Text, index: int) -> bool:
    """ "1,150 MW of wind and 780 MW": the figure follows a like one, joined by "and"."""
    previous = index - 1
    return previous >= 0 and text.sentence_of[previous] == text.sentence_of[index] \
        and compatible(text.quantities[previous], text.quantities[index]) \
        and bool(re.fullmatch(r"(?:\s+[\w-]+){0,3}\s*,?\s+and\s+", text.between(previous, index)))


def _whole_of(text: _Text, index: int, part: int, phrase: str, excluded: set[Quantity]) -> tuple[int, str] | None:
    """The whole a share is "of": named after "of" in the sentence, or earlier in the text;
    with what the choice assumes when several earlier figures are named alike."""
    part_q = text.quantities[part]
    stated_end = text.quantities[index].end
    for member in (m for m in text.same_sentence(index) if m > index and m != part):
        quantity = text.quantities[member]
        if quantity.kind is PERCENT or _CLAUSE_BREAK.search(text.text[stated_end:quantity.start]) \
                or quantity.start - stated_end > 120:
            break  # the whole is named within the "of ..." phrase, before any parallel share
        if compatible(quantity, part_q) and quantity.value >= part_q.value:
            return member, ""
    words = {w.lower() for w in _WORD.findall(phrase)} - _GENERIC_WORDS - lex.NOUN_STOPWORDS
    years = text.years_of(index)
    paragraph = text.document.paragraph_of(part_q.start)
    named: tuple[int, int] | None = None  # (words shared with the "of" phrase, member)
    tied = False  # another figure, of another value, shares as many words
    nearest: int | None = None  # the closest earlier figure of the paragraph
    part_is_base = _is_base(text, part)
    for member in text.earlier(min(index, part)):
        quantity = text.quantities[member]
        if not compatible(quantity, part_q) or quantity.value < part_q.value or quantity in excluded \
                or _heads_a_share(text, member) or _is_base(text, member) != part_is_base:
            continue  # last year's part ("compared with $272 million") is a share of last year's whole
        if text.sentence_of[member] != text.sentence_of[index] and not years <= text.years_of(member):
            continue  # "3.3% of imports in 2002" is not a share of this year's imports
        if nearest is None and text.document.paragraph_of(quantity.start) == paragraph and not _within_larger(text, member):
            nearest = member
        score = len(words & _context_words(text, quantity)) if words else 0
        if not score:
            continue
        if named is None or score > named[0]:
            named, tied = (score, member), False
        elif score == named[0]:
            tied = tied or quantity.value != text.quantities[named[1]].value
            if quantity.value >= text.quantities[named[1]].value:
                named = (score, member)  # a tie goes to the larger figure (the first named): wholes are big
    if named is not None:
        chosen = text.quantities[named[1]]
        return named[1], f'the whole is the "{chosen.text}", one of several figures named alike' if tied else ""
    return (nearest, "") if nearest is not None else None


def _heads_a_share(text: _Text, index: int) -> bool:
    """ "$301 million, or 40.6% of net sales": the part of a share, not another share's whole."""
    following = index + 1
    return following < len(text.quantities) and text.quantities[following].kind is PERCENT \
        and text.sentence_of[following] == text.sentence_of[index] and bool(_PART_JOIN.match(text.between(index, following)))


def _share_sums(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """Shares of one whole add up to at most 100%; and shares that account for all of it
    (their rounding intervals reach exactly 100%) say that their parts add up to the whole.
    Shares named apart may be of overlapping parts ("12.1% underemployed", "63.5% wage
    workers") or a margin beside a split: only shares listed in one sentence are a split
    for sure; for the others the split is an assumed link."""
    by_whole: dict[tuple[Fraction, str | None], dict[int, Candidate]] = {}
    for candidate in found:
        if candidate.kind == "share":
            whole = candidate.quantities("whole")[0]
            stated = candidate.quantities("stated")[0]
            # the same figure, wherever it is repeated, is one whole
            by_whole.setdefault((whole.value, whole.unit), {}).setdefault(stated.start, candidate)
    for shares in by_whole.values():
        if len(shares) < 2:
            continue
        stated = [c.quantities("stated")[0] for c in shares.values()]
        together = len({text.sentence_of[text.position[share.start]] for share in stated}) == 1
        yield _candidate("share_sum", "shares of one whole", [("part", share) for share in stated],
                         assumes="" if together else "the shares are of separate parts of the whole")
        low = sum(share.interval.low for share in stated)
        high = sum(share.interval.high for share in stated)
        parts = [c.quantities("part")[0] for c in shares.values()]
        if low <= 100 <= high and len({id(p) for p in parts}) == len(parts):
            whole = next(iter(shares.values())).quantities("whole")[0]
            yield _candidate("sum", "shares that make up 100%", [("total", whole)] + [("part", p) for p in parts])
