"""Finding the relations a release states: cue patterns over typed quantities.

After extraction a sentence reads as text with typed slots ("AMOUNT(KZT), or PERCENT of
the total AMOUNT(KZT)").  Each detector below looks for one family of cues within a
sentence (and, for a whole named earlier, back through the paragraph and the text) and
fills the roles of a candidate relation.  Figures only combine when their units agree:
tenge never adds to tons and schools are not seats.  A relation whose roles cannot all be
filled is not proposed: an unresolved claim is never reported as a discrepancy.
"""

from __future__ import annotations

import bisect
import re
from fractions import Fraction
from typing import Iterable, Iterator

import attrs

from . import _lexicon as lex
from ._document import Document
from ._extract import Scan, in_table_row as _in_table_row, trie_alternation
from ._findings import Number, Reading
from ._interval import Interval
from ._models import Kind, Quantity, TimeAnchor
from ._text import format_number
from ._verdict import Candidate

__all__ = ["find_candidates"]

_MEASURES = frozenset((Kind.AMOUNT, Kind.COUNT, Kind.NUMBER))
_INCREASE = r"increas\w*|rose|rise[sn]?|rising|grew|grow\w*|growth|up|higher|gain\w*|jump\w*|climb\w*|surg\w*|expand\w*|hike|boost\w*|added|more"
_DECREASE = r"decreas\w*|fell|fall\w*|declin\w*|down|lower|drop\w*|shr[ai]nk\w*|reduc\w*|cut|narrow\w*|contract\w*|slump\w*|plung\w*|slid\w*|less|loss"
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<word>{_INCREASE}|{_DECREASE})\b(?:\s+(?:by|of|some|about|approximately|nearly|almost|just|over))*"
    rf"(?:\s+[$€£]?[\d.,]+(?:\s+\w+)?,?\s+or)?\s*(?:about|approximately|some|nearly|almost)?\s*(?:\$|€|£)?\s*\Z", re.I)
_CHANGE_AFTER = re.compile(rf"\A\s*(?P<word>{_INCREASE}|{_DECREASE})\b", re.I)
_DECREASING = re.compile(rf"\A(?:{_DECREASE})\Z", re.I)
_OF_AFTER = re.compile(r"\A\s*\)?\s*(?:\([^()]{0,40}\)\s*)?of\b(?P<phrase>[^.,;:!?()]{0,80})", re.I)
_FROM_TO = re.compile(r"\A[^.;:!?]{0,100}?\bfrom\s*\Z", re.I)
_TO_JOIN = re.compile(r"\A\s*(?:in\s+\S+\s+|for\s+\S+\s+)?(?:\w+\s+)?(?:to|-|–)\s*\Z", re.I)
_COMPARED = re.compile(
    r"(?:compared\s+(?:to|with)|from|against|versus|vs\.?|over|on|than)\s+(?:(?:the|a|its|net|total|sales|of|in|\w+)\s+){0,6}\Z", re.I
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
# "B, twice the A", "B, 3 times that of A", "B, double the 2019 level of A"
_TIMES_THE = re.compile(r"\s*(?:more|higher|larger|greater)?\s*(?:the|that\s+of|as\s+\w+\s+as)\s+(?:[\w-]+\s+){0,4}?(?:of\s+)?\Z", re.I)
_TIMES_MORE = re.compile(r"\A\s*(?:more|higher|larger|bigger|greater)\b", re.I)
_THAN_IN_YEAR = re.compile(r"\A\s*(?:more|higher|larger|bigger|greater|up)?\s*(?:than|compared\s+(?:to|with)|from)\s+in\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_YEAR_VALUE = re.compile(r"\(\s*(?:in\s+)?(?P<year>(?:19|20)\d\d)\s*(?:-|–|—|:)\s*\Z")
_SUBSET_CUE = re.compile(
    r"(?:including|includes|included|include|of\s+which|among\s+them|among\s+which|such\s+as|in\s+particular|"
    r"out\s+of\s+which)\b"
)  # lower case, matched where a "list" cue word starts
# a list of parts ends where another list starts or a comparison begins
_LIST_END = re.compile(r"\b" + _SUBSET_CUE.pattern + r"|\b(?:against|compared|versus|vs|than|while|whereas)\b", re.I)
_OF_THIS = re.compile(r"\s*of\s+(?:this|that|the)\s+(?:sum|amount|total|volume|money|funding|figure)\b", re.I)
# "Of these, A ... and B": a breakdown; "of which" and "including" only name some parts (subsets),
# and "or 51% of the total" names a share, so "of the total" counts only as "Of the total, ..."
_PARTITION_CUE = re.compile(
    r"(?:of\s+(?:these|them|those|this\s+total|this\s+number)\s*[,:—–-]?|within\s+this\s+total\s*[,:—–-]?|"
    r"of\s+the\s+total\s*[,:—–-])"
)  # lower case, matched where a "list" cue word starts
_TOTAL_CUE = re.compile(r"\b(?:in\s+total|altogether|a\s+total\s+of|totall?ing|in\s+all|overall|make\s+up|makes\s+up|"
                        r"add\s+up\s+to|adds\s+up\s+to|together\s+(?:make|amount\s+to|total))\b[\s,:]*(?:[\w-]+\s+){0,8}?\Z", re.I)
_OF_THE_START = re.compile(r"\s*of\s+(?:the\s+)?(?:\w+\s+){0,2}\Z", re.I)
_DASHES = ("-", "–", "—", ":")  # a cheap first look for _IN_YEAR_DASH (never the empty string)
_IN_YEAR_DASH = re.compile(r"\b(?:in|for)\s+(?:19|20)\d\d\s*(?:-|–|—|:)\s*\Z", re.I)
_PER = re.compile(r"\s+(?:per|a|each|for\s+each|for\s+every)\s+(?P<noun>[A-Za-z][\w-]*)", re.I)
_BULLET = re.compile(r"\A\s*(?:[-•·*Ř]|\d+[.)])\s")
_TABLE_GAP = re.compile(r"\A[\s|$€£₸%]*\Z")
# "2016 2015 % Change" on one line, or one cell per line ("2007\n|\n2006\n|\n% Change")
_HEADER_YEARS = re.compile(r"\b((?:19|20)\d\d)\b.{0,60}?\b((?:19|20)\d\d)\b.{0,40}?%\s*change", re.I | re.S)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|and|but)\b|\bwhile\b")
_GENERIC_WORDS = frozenset("total the of a an in for to and or this that value volume amount share".split())
_GENERIC_STEMS = frozenset("total the of a an in for to and or this that year quarter month period fiscal record report".split())


_REACH = 60  # how many figures back or within a sentence a relation may reach; keeps hostile input linear


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _any_between(positions: list[int], start: int, end: int) -> bool:
    at = bisect.bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


def _find_cues(source: str, name: str, ignore_case: bool) -> list[int]:
    """The start of every cue word of one kind that starts a word (a colon anywhere).

    Each kind's pattern runs over the folded text and begins with no boundary test, so that
    the engine skips to the letters it can start with: many times faster than "\\b" and
    re.I, which try every position (and than one pattern for every kind, which the engine
    cannot skip through)."""
    pattern = _CUE_PATTERNS_I[name] if ignore_case else _CUE_PATTERNS[name]
    return [m.start() for m in pattern.finditer(source)
            if not m.start() or not _is_word_char(source[m.start() - 1]) or name == "colon"]


@attrs.frozen
class _Text:
    """A scanned document with the figures of each sentence at hand.

    A "sentence" here is a run of at most ``_REACH`` figures within one sentence: no
    prose sentence holds more, and the bound keeps every search local."""

    document: Document
    quantities: tuple[Quantity, ...]
    anchors: tuple[TimeAnchor, ...]
    sentence_of: tuple[int, ...]  # sentence index of each quantity
    sentence_members: tuple[tuple[int, ...], ...]  # quantity indices of each sentence
    sentence_spans: tuple[tuple[int, int], ...]  # text span of each sentence
    sentence_years: tuple[frozenset[int], ...]  # the years each sentence names
    position: dict[int, int]  # each quantity's index, by its start offset
    starts: tuple[int, ...]  # each quantity's start offset, in order
    directions: dict[int, str | None] = attrs.field(factory=dict)  # memo of _change_direction
    memo: dict[object, object] = attrs.field(factory=dict)  # things computed once per text, on first use

    def cues(self, name: str) -> list[int]:
        """Where the cue words of one kind (see _CUE_WORDS) start, found on first use."""
        key = ("cues", name)
        if key not in self.memo:
            self.memo[key] = _find_cues(self.folded() or self.text, name, self.folded() is None)
        return self.memo[key]  # type: ignore[return-value]

    def cue_before(self, name: str, index: int, span: int) -> bool:
        """A cheap first look: does a cue word of this kind start within ``span`` characters
        before the figure, in its sentence?"""
        sentence_start = self.sentence_spans[self.sentence_of[index]][0]
        start = self.quantities[index].start
        return _any_between(self.cues(name), max(sentence_start, start - span), start)

    def cue_after(self, name: str, index: int, span: int) -> bool:
        sentence_end = self.sentence_spans[self.sentence_of[index]][1]
        end = self.quantities[index].end
        return _any_between(self.cues(name), end, min(sentence_end, end + span))

    def of_kind(self, kind: Kind) -> list[int]:
        """The indices of the figures of one kind."""
        key = ("kind", kind)
        if key not in self.memo:
            self.memo[key] = [i for i, q in enumerate(self.quantities) if q.kind is kind]
        return self.memo[key]  # type: ignore[return-value]

    def after_cue(self, name: str, span: int) -> list[int]:
        """The figures that a cue word of this kind precedes by at most ``span`` characters,
        in their sentence: a detector visits these, not every figure."""
        key = ("after", name, span)
        if key not in self.memo:
            found: set[int] = set()
            for position in self.cues(name):
                index = bisect.bisect_left(self.starts, position)
                while index < len(self.starts) and self.starts[index] <= position + span:
                    found.add(index)
                    index += 1
            self.memo[key] = sorted(i for i in found if self.cue_before(name, i, span))
        return self.memo[key]  # type: ignore[return-value]

    def before_cue(self, name: str, span: int) -> list[int]:
        """The figures that a cue word of this kind follows within ``span`` characters."""
        key = ("before", name, span)
        if key not in self.memo:
            found: set[int] = set()
            for position in self.cues(name):
                index = bisect.bisect_right(self.starts, position) - 1
                while index >= 0 and self.quantities[index].end >= position - span:
                    found.add(index)
                    index -= 1
            self.memo[key] = sorted(i for i in found if self.cue_after(name, i, span))
        return self.memo[key]  # type: ignore[return-value]

    def folded(self) -> str | None:
        """The text in lower case, unless folding would move offsets ("İ" is two characters)."""
        if "folded" not in self.memo:
            folded = self.text.lower()
            self.memo["folded"] = folded if len(folded) == len(self.text) else None
        return self.memo["folded"]  # type: ignore[return-value]

    @classmethod
    def build(cls, document: Document, scan: Scan) -> _Text:
        sentences = document.sentences or [(0, len(document.text))]
        starts = [start for start, _ in sentences]
        grouped: dict[int, list[int]] = {}
        for index, quantity in enumerate(scan.quantities):
            grouped.setdefault(max(0, bisect.bisect_right(starts, quantity.start) - 1), []).append(index)
        years: dict[int, set[int]] = {}
        for anchor in scan.anchors:
            if anchor.first_year:
                years.setdefault(max(0, bisect.bisect_right(starts, anchor.start) - 1), set()).add(anchor.first_year)
        sentence_of = [0] * len(scan.quantities)
        members, spans, named_years = [], [], []
        for sentence, (start, end) in enumerate(sentences):
            figures = grouped.get(sentence, [])
            chunks = [figures[i:i + _REACH] for i in range(0, max(len(figures), 1), _REACH)]
            for number, chunk in enumerate(chunks):
                for index in chunk:
                    sentence_of[index] = len(members)
                members.append(tuple(chunk))
                chunk_start = start if number == 0 else scan.quantities[chunk[0]].start
                chunk_end = end if number == len(chunks) - 1 else scan.quantities[chunks[number + 1][0]].start
                spans.append((chunk_start, chunk_end))
                named_years.append(frozenset(years.get(sentence, ())))
        return cls(document, scan.quantities, scan.anchors, tuple(sentence_of), tuple(members), tuple(spans),
                   tuple(named_years), {q.start: i for i, q in enumerate(scan.quantities)},
                   tuple(q.start for q in scan.quantities))

    @property
    def text(self) -> str:
        return self.document.text

    def between(self, first: int, second: int) -> str:
        return self.text[self.quantities[first].end:self.quantities[second].start]

    def before(self, index: int, span: int = 80) -> str:
        quantity = self.quantities[index]
        sentence_start = self.sentence_spans[self.sentence_of[index]][0]
        return self.text[max(sentence_start, quantity.start - span):quantity.start]

    def after(self, index: int, span: int = 80) -> str:
        quantity = self.quantities[index]
        sentence_end = self.sentence_spans[self.sentence_of[index]][1]
        return self.text[quantity.end:min(sentence_end, quantity.end + span)]

    def same_sentence(self, index: int) -> tuple[int, ...]:
        return self.sentence_members[self.sentence_of[index]]

    def years_of(self, index: int) -> frozenset[int]:
        return self.sentence_years[self.sentence_of[index]]

    def earlier(self, index: int) -> range:
        """Indices of the figures before ``index`` within reach, nearest first."""
        return range(index - 1, max(-1, index - 1 - _REACH), -1)


def find_candidates(document: Document, scan: Scan) -> list[Candidate]:
    text = _Text.build(document, scan)
    candidates: list[Candidate] = []
    detectors = (_tables, _table_sums, _ratios, _percent_changes, _point_changes, _differences, _per_unit,
                 _shares, _partitions, _totals, _year_breakdowns, _breakdowns, _subsets, _led_changes, _with_parts, _contributions,
                 _status_counts, _kinds_of_a_thing, _kinds_within_a_total)
    for detector in detectors:
        candidates.extend(detector(text, candidates))
    candidates.extend(_table_restatements(text))
    candidates.extend(_share_sums(text, candidates))
    candidates.extend(_earlier_period_sums(candidates))
    candidates.extend(_restated_factors(text, candidates))
    return _unique(_partial_lists(candidates), text)


# -- units and nouns -----------------------------------------------------------------------

def _is_measure(quantity: Quantity) -> bool:
    return quantity.kind in _MEASURES and quantity.unit not in lex.TIME_UNITS


def _stem(word: str) -> str:
    word = word.lower()
    for suffix, replacement in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("ses", "s"),
                                ("xes", "x"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def _same_word(first: str, second: str) -> bool:
    """ "bus" and "buses", "facility" and "facilities"."""
    first, second = first.lower(), second.lower()
    return first == second or _stem(first) in (second, _stem(second)) or _stem(second) == first


def _nouns_agree(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return True
    return any(_same_word(a, b) for a in first.split() for b in second.split())


def compatible(first: Quantity, second: Quantity) -> bool:
    """Whether two figures measure the same kind of thing, so that they may combine."""
    if _is_measure(first) and _is_measure(second):
        if Kind.AMOUNT in (first.kind, second.kind):
            return first.kind is second.kind and first.unit == second.unit
        return _nouns_agree(first.noun, second.noun)
    return first.kind is second.kind and first.unit == second.unit and first.kind is not Kind.AMOUNT


def _candidate(kind: str, cue: str, roles: Iterable[tuple[str, Quantity]],
               readings: tuple[Reading, ...] = (Reading(),), assumes: str = "") -> Candidate:
    return Candidate(kind, tuple(Number(role, quantity) for role, quantity in roles), cue, readings, assumes)


def _signed(decreasing: bool, stated: Quantity) -> Reading:
    if decreasing and stated.value > 0:
        return Reading("a decrease", Fraction(-1))
    return Reading()


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


def _is_measure_or_percent(quantity: Quantity) -> bool:
    return _is_measure(quantity) or quantity.kind is Kind.PERCENT


def _nearest_before(text: _Text, index: int, accept) -> int | None:  # type: ignore[no-untyped-def]
    sentence = text.sentence_of[index]
    member = index - 1
    while member >= 0 and text.sentence_of[member] == sentence:
        if accept(text.quantities[member]):
            return member
        member -= 1
    return None


def _first_after(text: _Text, index: int, accept, limit: int | None = None) -> int | None:  # type: ignore[no-untyped-def]
    sentence = text.sentence_of[index]
    end = len(text.quantities) if limit is None else min(limit, len(text.quantities))
    member = index + 1
    while member < end and text.sentence_of[member] == sentence:
        if accept(text.quantities[member]):
            return member
        member += 1
    return None


def _old_new(text: _Text, index: int, same_kind: bool = False) -> tuple[int, int] | None:
    """The old and new figures a change or factor at ``index`` speaks of; ``same_kind`` for
    a change stated in the figures' own unit ("up 310 billion tenge from 1.45 trillion")."""
    pair = _nearest_old_new(text, index, same_kind)
    return None if pair is None else _in_parallel(text, index, *pair)


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


def _list_run(text: _Text, index: int, wide: bool = False) -> list[int]:
    """The figures listed with ``index`` ("C and D", "A, B and C"), in order; ``wide``
    lets a few words name each ("diluted EPS of $1.37 and adjusted EPS of $1.52")."""
    join = _FIGURE_LIST_JOIN if wide else _LIST_JOIN

    def listed(first: int, second: int) -> bool:
        if text.sentence_of[first] != text.sentence_of[second] or not compatible(text.quantities[first], text.quantities[second]):
            return False
        gap = text.between(first, second)
        noun = text.quantities[first].noun
        if noun and gap.lstrip().startswith(noun):
            gap = gap.lstrip()[len(noun):]  # "1,200 units and 400 units"
        return bool(join.match(gap))

    run = [index]
    while run[0] > 0 and listed(run[0] - 1, run[0]):
        run.insert(0, run[0] - 1)
    while run[-1] + 1 < len(text.quantities) and listed(run[-1], run[-1] + 1):
        run.append(run[-1] + 1)
    return run


_LOCATIVE = re.compile(r"\b(?:in|across|at)\s+\Z", re.I)


def _locative(text: _Text, quantity: Quantity) -> bool:
    """ "36,480 children in 214 villages": where, not what changed."""
    return quantity.kind is Kind.COUNT and bool(_LOCATIVE.search(text.text[max(0, quantity.start - 8):quantity.start]))


def _nearest_old_new(text: _Text, index: int, same_kind: bool) -> tuple[int, int] | None:
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


# the beginnings of the words of _INCREASE and _DECREASE
_CHANGE_STEMS = (
    "increas", "rose", "rise", "rising", "grew", "grow", "up", "higher", "gain", "jump", "climb", "surg", "expand",
    "hike", "boost", "added", "more", "decreas", "fell", "fall", "declin", "down", "lower", "drop", "shr", "reduc",
    "cut", "narrow", "contract", "slump", "plung", "slid", "less", "loss",
)


# Words that a detector needs near a figure before it tries its full pattern there: each
# kind starts a word (a colon anywhere).
_CUE_WORDS = {
    "change": trie_alternation(_CHANGE_STEMS),
    "list": r"includ|of\s+(?:which|these|them|those|this\s+total|this\s+number|the\s+total)|among\s+(?:them|which)|"
            r"such\s+as|in\s+particular|out\s+of\s+which|within\s+this\s+total",
    "led": r"(?:led|drove|headed)\s+the\b|was\s+(?:led|driven|headed)\s+by\b",
    "total": r"total|altogether|all\b|overall|make|add|together",
    "with": r"with\b",
    "contribut": r"contribut",
    "scale": r"thousands|millions|billions",
    "breakdown": r"compris|consist|made\s+up|break|split",
    "colon": r":",
    "of": r"of\b",
    "status": r"(?:completed|finished|commissioned|under\s*way|under\s+construction|in\s+progress|ongoing|"
              r"launched|started|implemented|being\s+(?:built|implemented))\b",
}
_CUE_PATTERNS = {name: re.compile(pattern) for name, pattern in _CUE_WORDS.items()}
_CUE_PATTERNS_I = {name: re.compile(pattern, re.I) for name, pattern in _CUE_WORDS.items()}


def _change_words_in(text: _Text, start: int, end: int) -> list[int]:
    """Where the words that start like change words start, within a span."""
    positions = text.cues("change")
    return positions[bisect.bisect_left(positions, start):bisect.bisect_left(positions, end)]


def _change_direction(text: _Text, index: int) -> str | None:
    """The word that says a figure is a change ("up", "a decrease of"), if any."""
    if index not in text.directions:
        window = text.before(index, 60)
        window_start = text.quantities[index].start - len(window)
        before = None
        # the pattern starts at a change word: try it only where one starts (a match, not a search)
        for word_start in _change_words_in(text, window_start, window_start + len(window)):
            before = _CHANGE_BEFORE.match(window, word_start - window_start)
            if before:
                break
        after = None
        if before is None and _change_words_in(text, text.quantities[index].end, text.quantities[index].end + 20):
            after = _CHANGE_AFTER.match(text.after(index, 20))
        found = before or after
        text.directions[index] = found.group("word") if found else None
    return text.directions[index]


# -- detectors --------------------------------------------------------------------------------

def _ratios(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    for index in text.of_kind(Kind.FACTOR):
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
        pair, assumes = _old_new(text, index), ""
        if pair is None and (following := _next_sentence_from_to(text, index)) is not None:
            *pair, assumes = following
        if pair is None:
            continue
        old, new = pair
        if text.quantities[old].value <= 0 or text.quantities[old].kind is Kind.FACTOR:
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
    new = _nearest_before(text, index, _is_measure)
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
    tabled = {n.quantity for c in found if c.cue == "table row" for n in c.numbers}
    for index in text.of_kind(Kind.PERCENT):
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
    pair, assumes = _old_new(text, index), ""
    if pair is None and (following := _next_sentence_from_to(text, index)) is not None:
        *pair, assumes = following
    return [] if pair is None else [(text.quantities[pair[0]], text.quantities[pair[1]], assumes)]


def _earlier_level(text: _Text, index: int) -> tuple[Quantity, Quantity] | None:
    """ "... the number of services rose to 440. This year, 552 services were provided, an
    increase of 132%": with no base stated, the last earlier figure of the same named
    things (in this paragraph or the one before) is the likeliest."""
    sentence_start = text.sentence_spans[text.sentence_of[index]][0]
    paragraphs = text.document.paragraphs
    for new in reversed([m for m in text.same_sentence(index) if m < index]):
        figure = text.quantities[new]
        if figure.kind is not Kind.COUNT or not figure.noun:
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


def _names(text: _Text, figure: Quantity, noun: str) -> bool:
    """Whether ``figure`` counts ``noun``: by its own noun, or by the words just before it."""
    words = (figure.noun or "").split() + _WORD.findall(text.text[max(0, figure.start - 40):figure.start])
    return any(_same_word(word, named) for word in words for named in noun.split())


def _listed_direction(text: _Text, index: int) -> str | None:
    """ "increases of 28% and 30%": a percent listed after another shares its change word."""
    first = index
    while first > 0 and text.quantities[first - 1].kind is Kind.PERCENT \
            and _LIST_JOIN.match(text.between(first - 1, first)):
        first -= 1
    return _change_direction(text, first) if first != index else None


_RESPECTIVELY = re.compile(r"\A\s*,?\s*respectively\s*,?\s*(?:(?:an?\s+)?[\w-]+\s+(?:of\s+)?)?\Z", re.I)
_LIST_JOIN = re.compile(r"\A\s*(?:,\s*(?:and\s+)?|and\s+)\Z", re.I)
_FIGURE_LIST_JOIN = re.compile(  # "A and operating profit of B"; not "A, from B", which compares
    r"\A\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?!(?:from|than|compared|against|versus|over|to|up|down)\b)[\w-]+\s+){0,3}?"
    r"(?:of\s+|at\s+|was\s+|were\s+)?\Z", re.I)
_APPOSITIVE_CHANGE = re.compile(r"\A\s*,?\s*(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:of|by)?\s*\Z", re.I)


def _changed_figures(text: _Text, index: int) -> list[Quantity]:
    """The figures a change with no stated base speaks of: "A and B, respectively, increases
    of P% and Q%" pairs them in order; "B, an increase of P%" names one."""
    percents = [index]
    while percents[0] > 0 and text.quantities[percents[0] - 1].kind is Kind.PERCENT \
            and _LIST_JOIN.match(text.between(percents[0] - 1, percents[0])):
        percents.insert(0, percents[0] - 1)
    while percents[-1] + 1 < len(text.quantities) and text.quantities[percents[-1] + 1].kind is Kind.PERCENT \
            and _LIST_JOIN.match(text.between(percents[-1], percents[-1] + 1)):
        percents.append(percents[-1] + 1)
    last = percents[0] - 1
    if last < 0 or text.sentence_of[last] != text.sentence_of[index] or not _is_measure(text.quantities[last]):
        return []
    gap = text.between(last, percents[0])
    if _RESPECTIVELY.match(gap):
        figures = [last]
        while figures[0] > 0 and text.sentence_of[figures[0] - 1] == text.sentence_of[index] \
                and _is_measure(text.quantities[figures[0] - 1]) \
                and _FIGURE_LIST_JOIN.match(text.between(figures[0] - 1, figures[0])):
            figures.insert(0, figures[0] - 1)
        if len(percents) == len(figures):
            return [text.quantities[figures[percents.index(index)]]]
        return [text.quantities[f] for f in figures] if len(percents) == 1 else []
    return [text.quantities[last]] if len(percents) == 1 and _APPOSITIVE_CHANGE.match(gap) else []


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
    billions; the smallest that fits), fall within ``interval``: in text order."""
    if "table_cells" not in text.memo:
        cells = sorted((cell.value, index) for index, cell in enumerate(text.quantities)
                       if cell.kind in (Kind.NUMBER, Kind.COUNT) and not cell.noun and cell.value > 0)
        text.memo["table_cells"] = ([value for value, _ in cells], [index for _, index in cells])
    values, indices = text.memo["table_cells"]  # type: ignore[misc]
    found: dict[int, int] = {}
    for scale in (10**9, 10**6, 10**3, 1):  # the smallest scale last, so that it stays
        first = bisect.bisect_left(values, interval.low / scale)
        last = bisect.bisect_right(values, interval.high / scale)
        found.update((index, scale) for index in indices[first:last])
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
    if not members or any(text.quantities[m].kind is Kind.PERCENT for m in members):
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
    for index in text.of_kind(Kind.POINTS):
        stated = text.quantities[index]
        members = text.same_sentence(index)
        percents = [m for m in members if text.quantities[m].kind is Kind.PERCENT]
        pair = None
        for position, first in enumerate(percents[:-1]):
            second = percents[position + 1]
            if re.search(r"\bfrom\s*\Z", text.text[max(0, text.quantities[first].start - 12):text.quantities[first].start], re.I) \
                    and _TO_JOIN.match(text.between(first, second)):
                pair = (first, second)
                break
        pair = pair or _old_new(text, index)
        if pair is None or text.quantities[pair[0]].kind is not Kind.PERCENT:
            continue
        old, new = text.quantities[pair[0]], text.quantities[pair[1]]
        direction = _change_direction(text, index)
        if direction is None and new.value < old.value and stated.value > 0:
            # "an improvement of 1.8 points" from 95.0% to 93.2%: the words give no sign, the figures do
            readings: tuple[Reading, ...] = (Reading("the size of the fall", Fraction(-1)),)
        else:
            readings = (_signed(bool(_DECREASING.match(direction or "")), stated),)
        yield _candidate("pp_change", "from A% to B%, or D points", (("old", old), ("new", new), ("stated", stated)), readings)


def _differences(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "increased $3.9 million, or 27%, to $18.2 million from $14.3 million"."""
    for index in sorted(set(text.after_cue("change", 60)) | set(text.before_cue("change", 20))):
        stated = text.quantities[index]
        if not _is_measure(stated) or stated.kind is Kind.NUMBER:
            continue
        direction = _change_direction(text, index)
        if direction is None or _is_rate(text, index):
            continue
        pair = _old_new(text, index, same_kind=True)
        if pair is None:
            continue
        old, new = pair
        if _DECREASING.match(direction):
            minuend, subtrahend = old, new
        else:
            minuend, subtrahend = new, old
        yield _candidate("difference", "changed by D to B from A",
                         (("minuend", text.quantities[minuend]), ("subtrahend", text.quantities[subtrahend]),
                          ("stated", stated)))


def _per_unit(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "$1.2 million to 400 families, or $3,000 per family", "15 kindergartens at a cost of
    36 billion tenge, or 2.4 billion tenge each": total, count and rate of one clause."""
    for index in text.of_kind(Kind.AMOUNT):
        rate = text.quantities[index]
        per = _PER.match(text.text, rate.end)
        each = re.match(r"\s+(?:each|apiece)\b", text.text[rate.end:rate.end + 10], re.I)
        if each:
            def counts(q: Quantity) -> bool:
                return q.kind in (Kind.COUNT, Kind.NUMBER) and q.unit in (None, "count")
        elif not per or per.group("noun").lower() in lex.UNITS or per.group("noun").lower() in ("cent", "capita", "share"):
            continue
        else:
            def counts(q: Quantity, noun: str = per.group("noun")) -> bool:
                return q.kind is Kind.COUNT and q.noun is not None and any(_same_word(noun, w) for w in q.noun.split())
        total = _nearest_before(text, index, lambda q: q.kind is Kind.AMOUNT and q.unit == rate.unit and q.value > rate.value)
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
    return any(text.quantities[m].kind is Kind.AMOUNT and text.quantities[m].unit == rate.unit
               for m in range(first + 1, last))


def _tables(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """Rows of results tables: "Revenue $ 567.4 $ 568.4 -0.2%" under "2016 2015 % Change"."""
    quantities = text.quantities
    index = 0
    while index + 2 < len(quantities):
        first, second, change = quantities[index], quantities[index + 1], quantities[index + 2]
        if (change.kind is Kind.PERCENT and _is_measure(first) and compatible(first, second)
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
            if stated.start >= caption.start() or stated.kind not in (Kind.AMOUNT, Kind.PERCENT):
                continue
            if stated.kind is Kind.AMOUNT and stated.unit != currency:
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
                      if line.end() <= q.start < line_end and q.kind in (Kind.NUMBER, Kind.COUNT) and not q.noun)
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


def _restated_row(text: _Text, index: int, rows: list[_Row], columns: list[tuple[int, int]],
                  currency: str, scale: int) -> Iterator[Candidate]:
    stated = text.quantities[index]
    direction = _change_direction(text, index)
    if direction is None:
        return
    sentence_start = text.sentence_spans[text.sentence_of[index]][0]
    lead = text.text[sentence_start:stated.start]
    cue = re.search(rf"\b(?:{_INCREASE}|{_DECREASE})\b", lead, re.I)
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
    if stated.kind is Kind.PERCENT:
        if old.value:
            yield _candidate("percent_change", "a sentence restating a table row",
                             (("old", old), ("new", new), ("stated", stated)), (_signed(decreasing, stated),))
        return
    if old.value < 0 and new.value < 0:  # expenses printed as negatives: their change is in magnitudes
        old, new = (attrs.evolve(q, value=-q.value) for q in (old, new))
    yield _candidate("difference", "a sentence restating a table row",
                     (("minuend", new), ("subtrahend", old), ("stated", stated)), (_signed(decreasing, stated),))


def _as_amount(cell: Quantity, currency: str, scale: int) -> Quantity:
    return attrs.evolve(cell, kind=Kind.AMOUNT, unit=currency, value=cell.value * scale,
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
        label = text.text[line_start:first.start]
        if len(cells) < 2 or not _WORD.search(label) or not line_start or not all(
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
            if not _is_measure(cell) or (cell.kind is Kind.AMOUNT) is not (cells[0].kind is Kind.AMOUNT) \
                    or cell.unit != cells[0].unit and Kind.AMOUNT in (cell.kind, cells[0].kind):
                break
            uniform_to += 1
        for cell in cells[:uniform_to]:
            lows.append(lows[-1] + cell.interval.low)
            highs.append(highs[-1] + cell.interval.high)
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


def _partitions(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "79 projects ... Of these, 68 have been completed and 11 are under way": a sum."""
    cues = _cues_by_sentence(text, _PARTITION_CUE)
    for sentence, (start, end) in enumerate(text.sentence_spans):
        members = text.sentence_members[sentence]
        if not members:
            continue
        for cue in cues.get(sentence, ()):
            if cue.group().startswith("of the total") and text.text[start:cue.start()].strip(" \t\n\"“"):
                continue  # "Of the total, A and B" lists; "X, or half of the total, while ..." does not
            after = _siblings(text, [m for m in members if text.quantities[m].start >= cue.end()])
            before = [m for m in _members_before(text, sentence, cue.start())]
            yield from _grouped_parts(text, after, before, "sum", "of these, A and B", minimum=2)
        opening = _OF_THE_START.match(text.text, start, text.quantities[members[0]].start)
        if opening and len(members) >= 3:
            total = members[0]
            parts = _siblings(text, [m for m in members[1:] if compatible(text.quantities[m], text.quantities[total])])
            if len(parts) >= 2 and all(text.quantities[p].value <= text.quantities[total].value for p in parts):
                yield _candidate("sum", "of the T, A ... B more",
                                 [("total", text.quantities[total])] + [("part", text.quantities[p]) for p in parts])


def _members_before(text: _Text, sentence: int, offset: int) -> list[int]:
    """Figures before ``offset`` in this sentence, or else in the last of the three sentences
    before it that has any: a list's whole is named just before the list."""
    members = [m for m in text.sentence_members[sentence] if text.quantities[m].end <= offset]
    for earlier in range(sentence - 1, max(-1, sentence - 4), -1):
        if members:
            break
        members = [m for m in text.sentence_members[earlier] if _is_measure(text.quantities[m])]
    return members


def _grouped_parts(text: _Text, parts: list[int], wholes: list[int], kind: str, cue: str,
                   minimum: int = 1, any_noun: frozenset[int] = frozenset()) -> Iterator[Candidate]:
    """Pair each unit's parts with the nearest earlier whole of the same unit.

    ``any_noun`` are parts named right after the cue ("6,000 workers, including 341
    doctors"): the cue itself makes them members of the whole whatever they are called."""
    used: set[int] = set()
    parts = [p for p in parts if _is_measure(text.quantities[p]) and not _is_rate(text, p)]
    candidates = [w for w in reversed(wholes) if _is_measure(text.quantities[w]) and text.quantities[w].value > 0
                  and not _is_rate(text, w)]
    # nearest first, but a figure in parentheses is a reference ("(4 trillion tenge)"), not the list's subject
    candidates.sort(key=lambda w: _parenthesized(text, w) or _is_base(text, w))
    for loose in (False, True):  # names that agree first; then a count named right after the cue
        for whole in candidates:
            reference = text.quantities[whole]
            if whole in used:
                continue
            group = [p for p in parts if p not in used and (
                compatible(text.quantities[p], reference)
                or (loose and p in any_noun and text.quantities[p].kind is reference.kind is Kind.COUNT))]
            if len(group) < minimum or any(text.quantities[p].value > 100 * reference.value for p in group):
                continue  # a part a hundred times its whole is a different thing, not a slip
            used.update(group)
            used.add(whole)
            role = "total" if kind == "sum" else "whole"
            yield _candidate(kind, cue, [(role, reference)] + [("part", text.quantities[p]) for p in group])


def _parenthesized(text: _Text, index: int) -> bool:
    quantity = text.quantities[index]
    return text.text[quantity.start - 1:quantity.start] == "(" and text.text[quantity.end:quantity.end + 1] == ")"


def _is_base(text: _Text, index: int) -> bool:
    """ "up from $4.0 billion", "(2023 - 540.2 billion)": an earlier figure, named for comparison."""
    quantity = text.quantities[index]
    if quantity.hedge is not None:
        return False  # "more than 2 trillion" is a hedge, not a comparison
    before = text.text[max(0, quantity.start - 24):quantity.start]
    return bool(_BASE_BEFORE.search(before) or _YEAR_VALUE.search(before))


def _is_rate(text: _Text, index: int) -> bool:
    """ "$0.17 per diluted share", "12 million tenge per apartment": a rate, not a total."""
    quantity = text.quantities[index]
    if _PER.match(text.text, quantity.end) and not re.match(r"\s+per\s+cent", text.text[quantity.end:quantity.end + 9]):
        return True
    before = text.text[max(0, quantity.start - 40):quantity.start]
    # "per household 35,000", "each household received 35,000", "an average of 35,000"
    return bool(re.search(r"\bper\s+(?:\w+\s+){0,2}(?:of\s+)?\Z|\b(?:each|every|average|averaging)\b[^.,;:\d]{0,30}\Z", before, re.I))


def _totals(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "A ... an additional B ... In total, T": the leaves before T add up to it."""
    wholes = {n.quantity for c in found for n in c.numbers if n.role in ("whole", "total", "old")}
    for index in text.after_cue("total", 80):
        total = text.quantities[index]
        if not _is_measure(total):
            continue
        cue = _TOTAL_CUE.search(text.before(index, 80))
        if cue is None:
            continue
        paragraph_start = text.document.paragraph_of(total.start)[0]
        if re.match(r"(?:make|makes|add|adds|together|totall?ing)\b", cue.group(), re.I):
            # "A and B make up T", "A, B and C, totalling T": the parts are in the total's sentence
            paragraph_start = text.sentence_spans[text.sentence_of[index]][0]
        parts = []
        for member in text.earlier(index):
            quantity = text.quantities[member]
            if quantity.start < paragraph_start:
                break
            if compatible(quantity, total) and quantity not in wholes and not _is_rate(text, member):
                # "200 of the 390": 390 is no part; "each household received 35,000": nor is a rate
                if quantity.value >= total.value:
                    break  # as large as the total: the list began after it
                parts.append(quantity)
        if len(parts) >= 2:
            yield _candidate("sum", "A ... B ... in total T",
                             [("total", total)] + [("part", p) for p in reversed(parts)])


_BREAKDOWN = re.compile(
    r"\A[^.;]{0,40}?(?:\b(?:comprises|comprised|consists\s+of|consisted\s+of|is\s+made\s+up\s+of|was\s+made\s+up\s+of|"
    r"breaks\s+down\s+(?:as\s+follows|into)|is\s+split\s+(?:into|between)|was\s+split\s+(?:into|between))\b|:)", re.I)




def _breakdowns(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "Funding of $45 million comprises $30 million ... and $15 million ...", "Loans
    amounted to Rs 640 crore: Rs 410 crore to farmers and Rs 230 crore to traders"."""
    for index in sorted(set(text.before_cue("breakdown", 60)) | set(text.before_cue("colon", 60))):
        total = text.quantities[index]
        after = text.after(index, 60)
        if not _is_measure(total) or not _BREAKDOWN.match(after) or "\n" in after[:_BREAKDOWN.match(after).end()]:
            continue
        parts = _siblings(text, [m for m in text.same_sentence(index) if m > index and compatible(text.quantities[m], total)
                                 and not _is_rate(text, m)])
        if len(parts) >= 2 and all(text.quantities[p].value < total.value for p in parts):
            yield _candidate("sum", "T comprises A and B", [("total", total)] + [("part", text.quantities[p]) for p in parts])


def _year_breakdowns(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "T is allocated: in 2023 - A, in 2024 - B, in 2025 - C": the years add up to T."""
    for sentence, members in enumerate(text.sentence_members):
        yearly = [m for m in members if text.text[max(0, text.quantities[m].start - 3):text.quantities[m].start].rstrip()[-1:] in _DASHES
                  and _IN_YEAR_DASH.search(text.text[max(0, text.quantities[m].start - 16):text.quantities[m].start])]
        if len(yearly) < 2:
            continue
        totals = [m for m in members if m < yearly[0] and compatible(text.quantities[m], text.quantities[yearly[0]])]
        if not totals and sentence > 0:
            totals = [m for m in text.sentence_members[sentence - 1]
                      if compatible(text.quantities[m], text.quantities[yearly[0]])]
        if not totals or ":" not in text.text[text.quantities[totals[-1]].end:text.quantities[yearly[0]].start]:
            continue
        parts = [m for m in yearly if compatible(text.quantities[m], text.quantities[totals[-1]])]
        yield _candidate("sum", "T: in YEAR - A, in YEAR - B",
                         [("total", text.quantities[totals[-1]])] + [("part", text.quantities[p]) for p in parts])


def _cues_by_sentence(text: _Text, pattern: re.Pattern[str]) -> dict[int, list[re.Match[str]]]:
    """Every match of a cue pattern, in one pass over the text, by the sentence it is in."""
    starts = [start for start, _ in text.sentence_spans]
    found: dict[int, list[re.Match[str]]] = {}
    source = text.folded()
    if source is None:
        source, pattern = text.text, re.compile(pattern.pattern, re.I)
    for start in text.cues("list"):
        match = pattern.match(source, start)
        if match is None:
            continue
        sentence = max(0, bisect.bisect_right(starts, match.start()) - 1)
        while sentence + 1 < len(starts) and starts[sentence + 1] == starts[sentence] \
                and text.sentence_spans[sentence][1] <= match.start():
            sentence += 1
        if text.sentence_spans[sentence][0] <= match.start() < text.sentence_spans[sentence][1]:
            found.setdefault(sentence, []).append(match)
    return found


def _subsets(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    summed = {n.quantity for c in found if c.kind == "sum" for n in c.numbers}
    cues = _cues_by_sentence(text, _SUBSET_CUE)
    for sentence, (start, end) in enumerate(text.sentence_spans):
        members = text.sentence_members[sentence]
        for cue in cues.get(sentence, ()):
            if _in_table_row(text.text, cue.start()) and _NESTED_ROW.match(cue.group()):
                continue  # "of which: exports  3,980  3,610" (see _nested_rows)
            stop = _list_stop(text, cue, end)
            parts = _siblings(text, [m for m in members if cue.end() <= text.quantities[m].start < stop
                                     and text.quantities[m] not in summed])
            if text.text[cue.end():cue.end() + 3].lstrip().startswith(":") and not parts:
                parts = _bullet_parts(text, end)
            wholes = _members_before(text, sentence, cue.start())
            if cue.group().lower().startswith("of which") and wholes and _part_before_cue(text, wholes[-1], cue.start()):
                part = wholes[-1]
                earlier = [m for m in reversed(text.earlier(part)) if compatible(text.quantities[m], text.quantities[part])]
                if earlier:
                    yield _candidate("subset", "P of which", (("whole", text.quantities[earlier[-1]]),
                                                              ("part", text.quantities[part])))
                    wholes = wholes[:-1]
            if cue.group().lower().startswith("of which"):
                # "rose by 2.4 billion to 18.6 billion, of which 11.2 billion ...": of the level
                wholes = [w for w in wholes if not _change_direction(text, w)] or wholes
            opens = cue.start() == start  # "Including in 2021, 14 billion ..."
            verb = cue.group().lower() in ("includes", "include", "included")  # "the plan includes ..."
            listing = text.text[cue.end():cue.end() + 3].lstrip().startswith(":")  # "such as:" and bullets
            if not opens and not verb and not listing:
                # otherwise the whole is named before the cue in the same sentence
                wholes = [w for w in wholes if text.sentence_of[w] == sentence]
            right_after = _tight_list(text, cue.end(), parts)
            if cue.start() == start and parts and not right_after:
                # "Including discontinued operations, ..." lists nothing; "Including sports halls in
                # 6 villages, 2 clubs and 1 clinic" lists counts of the previous sentence's subject
                yield from _included_counts(text, parts, wholes)
                continue
            yield from _grouped_parts(text, parts, wholes, "subset", f"W, {cue.group().lower()} P", any_noun=right_after)
        for member in members:
            if text.cue_after("of", member, 4) and _is_measure(text.quantities[member]) \
                    and _OF_THIS.match(text.text, text.quantities[member].end):
                earlier = [m for m in reversed(text.earlier(member)) if compatible(text.quantities[m], text.quantities[member])]
                if earlier:
                    yield _candidate("subset", "P of this sum", (("whole", text.quantities[earlier[-1]]),
                                                                 ("part", text.quantities[member])))


_CHANGE_NOUN = r"(?:rise|increase|growth|gain|fall|decrease|decline|drop)"
_LED_ACTIVE = re.compile(rf"(?:led|drove|headed)\s+the\s+{_CHANGE_NOUN}\b", re.I)
_LED_PASSIVE = re.compile(rf"\bthe\s+{_CHANGE_NOUN}\s+\Z", re.I)  # before "was led by"


def _led_cues(text: _Text) -> Iterator[range]:
    """The spans of "led the rise" and "the rise was led by"."""
    for start in text.cues("led"):
        active = _LED_ACTIVE.match(text.text, start)
        if active:
            yield range(start, active.end())
            continue
        passive = _LED_PASSIVE.search(text.text[max(0, start - 30):start])
        head = re.match(r"was\s+\w+\s+by\b", text.text[start:start + 30], re.I)
        if passive and head:
            yield range(start - len(passive.group()), start + head.end())

_NET_CHANGE = "no other item of the group moved the other way"


def _led_changes(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "Fruit rose $42 million. Kiwifruit led the rise, up $33 million": the leading item's
    change is part of the group's; so is each change of a bullet list that the lead opens.
    A net change may be smaller than its rising parts when other parts fell, which the text
    rarely says: a failure is then ambiguous, not a discrepancy."""
    for cue in _led_cues(text):
        # growth rates of parts are no parts of the group's rate: only amounts and counts add up
        part = next((i for i in _figures_from(text, cue.stop) if _is_measure(text.quantities[i]) and _change_direction(text, i)), None)
        if part is None or text.sentence_spans[text.sentence_of[part]][0] > cue.start:
            continue
        rising = not _DECREASING.match(_change_direction(text, part) or "")
        whole = next((i for i in text.earlier(part) if text.quantities[i].start < cue.start
                      and compatible(text.quantities[i], text.quantities[part])
                      and (direction := _change_direction(text, i)) and rising is not bool(_DECREASING.match(direction))
                      and not _bullet_of(text, i)), None)
        if whole is None:
            continue
        parts = [part] + _sibling_bullet_changes(text, part, text.quantities[whole])
        yield _candidate("subset", "X led the rise, up A", [("whole", text.quantities[whole])]
                         + [("part", text.quantities[p]) for p in parts], assumes=_NET_CHANGE)


_WITH_PART = re.compile(r",\s*with\s+(?:about|around|some|nearly|almost|over|more\s+than|up\s+to)?\s*\Z", re.I)


_WITH_DELIVERY = re.compile(r",\s*with\s+the\s+(?:commissioning|completion|opening|delivery|launch)\s+of\s*\Z", re.I)


def _with_parts(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "The budget reached 1.31 trillion tenge (US$2.7 billion), with 977.8 billion tenge
    (US$2.02 billion) expected from income": what follows "with" is read as a part of the
    figure before it, and its equivalent in parentheses as a part of that figure's."""
    for index in text.after_cue("with", 60):
        part = text.quantities[index]
        if not _is_measure(part):
            continue
        before = text.before(index, 60)
        if _WITH_DELIVERY.search(before) and part.kind is Kind.COUNT:
            # "31 projects ..., with the commissioning of 19 facilities": what the projects deliver
            whole = _nearest_before(text, index, lambda q: q.kind is Kind.COUNT and q.noun is not None)
            if whole is not None:
                yield _candidate("subset", "N projects, with the commissioning of M facilities",
                                 (("whole", text.quantities[whole]), ("part", part)),
                                 assumes=f"each of the {part.text} {part.noun or ''} comes from one of the {text.quantities[whole].text}")
            continue
        if not _WITH_PART.search(before[-30:]):
            continue
        parts = [index]
        if index + 1 < len(text.quantities) and text.sentence_of[index + 1] == text.sentence_of[index] \
                and _parenthesized(text, index + 1) and not text.between(index, index + 1).strip(" (") \
                and _is_measure(text.quantities[index + 1]):
            parts.append(index + 1)
        for member in parts:
            whole = _nearest_before(text, index, lambda q, like=text.quantities[member]: compatible(q, like))
            if whole is not None and not _is_rate(text, whole) and not _is_rate(text, member) \
                    and text.quantities[member].value <= 100 * text.quantities[whole].value:  # "12 to 1, with 620"
                yield _candidate("subset", "T, with A", (("whole", text.quantities[whole]), ("part", text.quantities[member])),
                                 assumes='the figure after "with" is a part of the one before it')


_CONTRIBUTED_TO = re.compile(r"\s+(?:in|to|of)\s+(?:the\s+|total\s+|its\s+)?(?P<what>[A-Za-z]+)")
_CONTRIBUTED = re.compile(r"\bcontribut(?:ed|es|ing)\s+(?:about|approximately|around|some|nearly|almost|over|more\s+than)?\s*\Z", re.I)


def _contributions(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "Sales rose to $19.9 million from $15.5 million. Frozen kefir contributed $0.2 million
    in sales": a contribution is part of the current level, named before, of what it is said
    to add to (not of the base a change was measured from)."""
    bases = {n.quantity for c in found if c.kind in ("percent_change", "ratio") for n in c.numbers if n.role == "old"}
    for index in text.after_cue("contribut", 40):
        part = text.quantities[index]
        if not _is_measure(part) or not _CONTRIBUTED.search(text.before(index, 40)):
            continue
        to = _CONTRIBUTED_TO.match(text.text, part.end)
        if to is None:
            continue  # "Fares contributed 4,180": to what, the text does not say here
        reach = text.document.paragraphs[max(0, _paragraph_index(text, part.start) - 1)][0]
        whole = next((m for m in text.earlier(index) if text.quantities[m].start >= reach
                      and compatible(text.quantities[m], part) and text.quantities[m] not in bases
                      and not _is_rate(text, m) and not _change_direction(text, m)
                      and _names(text, text.quantities[m], to.group("what"))), None)
        if whole is not None:
            yield _candidate("subset", "A contributed P", (("whole", text.quantities[whole]), ("part", part)),
                             assumes=f'the contribution is part of the "{text.quantities[whole].text}" named before')


def _status_counts(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "The ministry runs 32 projects. ... 6 projects have been completed. Three more
    projects are under way": counts of one thing by status, within the count named before."""
    listed = {n.quantity for c in found for n in c.numbers}
    for start, end in text.document.paragraphs:
        counts = [i for i in _figures_between(text, start, end) if text.quantities[i].kind is Kind.COUNT
                  and text.quantities[i].noun and text.quantities[i] not in listed
                  and _names_a_status(text, text.sentence_of[i])]
        counts = counts[:_REACH]  # no release lists more by status; hostile input may
        if len(counts) < 2 or not all(_nouns_agree(text.quantities[c].noun, text.quantities[counts[0]].noun) for c in counts):
            continue
        whole = next((m for m in text.earlier(counts[0]) if text.quantities[m].start < start
                      and text.quantities[m].kind is Kind.COUNT and _nouns_agree(text.quantities[m].noun, text.quantities[counts[0]].noun)
                      and text.quantities[m].noun), None)
        if whole is not None:
            yield _candidate("subset", "N things: A completed, B under way",
                             [("whole", text.quantities[whole])] + [("part", text.quantities[c]) for c in counts],
                             assumes=f'the {text.quantities[counts[0]].noun} by status are among the {text.quantities[whole].text} named before')


def _names_a_status(text: _Text, sentence: int) -> bool:
    return _any_between(text.cues("status"), *text.sentence_spans[sentence])


def _figures_between(text: _Text, start: int, end: int) -> range:
    return range(bisect.bisect_left(text.starts, start), bisect.bisect_left(text.starts, end))


def _paragraph_starts(text: _Text) -> list[int]:
    if "paragraph_starts" not in text.memo:
        text.memo["paragraph_starts"] = [start for start, _ in text.document.paragraphs]
    return text.memo["paragraph_starts"]  # type: ignore[return-value]


def _paragraph_index(text: _Text, offset: int) -> int:
    """The index of the paragraph that holds ``offset``."""
    return max(0, bisect.bisect_right(_paragraph_starts(text), offset) - 1)


_CLAUSE_START = re.compile(r"(?:[;:]|\band\b|\bwhile\b|,)\s*(?=[^;:,]*\Z)", re.I)


def _kinds_of_a_thing(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "Rough wood (logs) rose $80 million. Untreated logs rose $57 million; treated logs
    rose $19 million": kinds of one thing (one head word, two modifiers), each changing,
    are parts of the earlier change of the thing they name."""
    for sentence, members in _semicolon_sentences(text):
        changes = [m for m in members if _is_measure(text.quantities[m]) and _change_direction(text, m)]
        if len(changes) < 2:
            continue
        kinds = [(m, subject) for m in changes if (subject := _subject_head(text, m)) is not None]
        if len(kinds) < 2 or len({head for _, (head, _) in kinds}) != 1 or len({mod for _, (_, mod) in kinds}) != len(kinds):
            continue
        head = kinds[0][1][0]
        parts = [m for m, _ in kinds if compatible(text.quantities[m], text.quantities[kinds[0][0]])]
        sentence_start = text.sentence_spans[sentence][0]
        paragraph_start = text.document.paragraph_of(sentence_start)[0]
        whole = next((m for m in text.earlier(parts[0]) if paragraph_start <= text.quantities[m].start < sentence_start
                      and compatible(text.quantities[m], text.quantities[parts[0]]) and _change_direction(text, m)
                      and any(_same_word(head, w) for w in _WORD.findall(
                          text.text[text.sentence_spans[text.sentence_of[m]][0]:text.quantities[m].start]))), None)
        if whole is not None and len(parts) >= 2:
            yield _candidate("subset", "X rose A. Kinds of X rose B and C", [("whole", text.quantities[whole])]
                             + [("part", text.quantities[p]) for p in parts], assumes=_NET_CHANGE)


_TOTAL_OF = re.compile(r"\b(?:a|the)\s+total\s+(?:area|volume|length|capacity|amount|cost|value)\s+of\s*\Z", re.I)


def _kinds_within_a_total(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "houses with a total area of 837 thousand m2 are being built ... 73 commercial
    houses are being built on 548.5 thousand m2": a kind of the thing, measured alike later
    in the paragraph, is within the total."""
    related = {(c.numbers[0].quantity, n.quantity) for c in found for n in c.numbers}
    for index in text.after_cue("total", 40):
        total = text.quantities[index]
        if not _is_measure(total) or not _TOTAL_OF.search(text.before(index, 40)):
            continue
        named = {_stem(w) for w in _WORD.findall(text.before(index, 80))} - _GENERIC_STEMS
        paragraph_end = text.document.paragraph_of(total.start)[1]
        for member in range(index + 1, min(index + 1 + _REACH, bisect.bisect_left(text.starts, paragraph_end))):
            part = text.quantities[member]
            if not compatible(part, total) or part.value >= total.value or (total, part) in related or _is_rate(text, member):
                continue
            sentence = text.text[text.sentence_spans[text.sentence_of[member]][0]:part.start]
            kinds = re.findall(r"([A-Za-z][\w-]+)\s+([A-Za-z][\w-]+)", sentence)
            if any(_stem(head) in named and modifier.lower() not in lex.NOUN_STOPWORDS for modifier, head in kinds):
                yield _candidate("subset", "a total area of T ... a kind of it, P", (("whole", total), ("part", part)),
                                 assumes="the later figure measures a kind of what the total measures")


def _semicolon_sentences(text: _Text) -> Iterator[tuple[int, tuple[int, ...]]]:
    """Each sentence with its figures, the clauses after its semicolons joined to it."""
    sentence = 0
    while sentence < len(text.sentence_members):
        members = list(text.sentence_members[sentence])
        following = sentence + 1
        while following < len(text.sentence_spans) and \
                text.text[text.sentence_spans[following - 1][0]:text.sentence_spans[following][0]].rstrip().endswith(";"):
            members.extend(text.sentence_members[following])
            following += 1
        yield sentence, tuple(members)
        sentence = following


def _subject_head(text: _Text, index: int) -> tuple[str, str] | None:
    """ "untreated logs rose $57 million" -> ("log", "untreated"): the head word of the
    clause's subject and the one word before it."""
    sentence_start = text.sentence_spans[text.sentence_of[index]][0]
    lead = text.text[max(sentence_start, text.quantities[index].start - 80):text.quantities[index].start]
    clause = _CLAUSE_START.search(lead)
    lead = lead[clause.end():] if clause else lead
    change = re.search(rf"\b(?:{_INCREASE}|{_DECREASE}|was|were|is|are)\b", lead, re.I)
    words = _WORD.findall(lead[:change.start()] if change else "")
    if len(words) != 2 or words[1].lower() in lex.NOUN_STOPWORDS:
        return None
    return _stem(words[1]), words[0].lower()


def _figures_from(text: _Text, offset: int) -> list[int]:
    """The figures from ``offset`` to the end of its sentence."""
    index = bisect.bisect_left(text.starts, offset)
    if index >= len(text.quantities):
        return []
    sentence = text.sentence_of[index]
    if text.sentence_spans[sentence][0] > offset:
        return []
    return [member for member in text.sentence_members[sentence] if member >= index]


def _bullet_of(text: _Text, index: int) -> tuple[int, int] | None:
    """The bullet paragraph a figure is in, if it is in one."""
    paragraph = text.document.paragraph_of(text.quantities[index].start)
    return paragraph if _BULLET.match(text.text[paragraph[0]:paragraph[0] + 12]) else None


def _sibling_bullet_changes(text: _Text, index: int, like: Quantity) -> list[int]:
    """The first change like ``like`` in each bullet after the one that holds ``index``."""
    bullet = _bullet_of(text, index)
    if bullet is None:
        return []
    changes = []
    paragraphs = text.document.paragraphs
    following = _paragraph_index(text, bullet[0]) + 1
    for start, end in paragraphs[following:following + _REACH]:  # a list longer than that is no list of a lead
        if not _BULLET.match(text.text[start:start + 12]):
            break
        first = next((m for m in _figures_from(text, start) if text.quantities[m].start < end
                      and compatible(text.quantities[m], like) and _change_direction(text, m)), None)
        if first is not None:
            changes.append(first)
    return changes


def _included_counts(text: _Text, parts: list[int], wholes: list[int]) -> Iterator[Candidate]:
    subject = next((w for w in wholes if text.quantities[w].kind is Kind.COUNT), None)
    if subject is None or len(parts) < 2 or any(text.quantities[p].kind is not Kind.COUNT for p in parts):
        return
    yield _candidate("subset", "T ... Including A, B and C", [("whole", text.quantities[subject])]
                     + [("part", text.quantities[p]) for p in parts],
                     assumes=f'the things counted after "Including" are among the {text.quantities[subject].text}')


def _list_stop(text: _Text, cue: re.Match[str], end: int) -> int:
    """Where a cue's list of parts ends: where another list starts or a comparison begins;
    at the closing parenthesis of "(including ...)"; and an "of which" list, nested in
    another, at the clause's end ("including 1.6, of which 0.9 ..., and 1.1 ...")."""
    stops = [end]
    if (after := _LIST_END.search(text.text, cue.end(), end)) is not None:
        stops.append(after.start())
    if text.text[max(0, cue.start() - 2):cue.start()].strip().endswith("(") and (close := text.text.find(")", cue.end(), end)) >= 0:
        stops.append(close)
    if cue.group().lower().startswith("of which") and (clause := _CLAUSE_BREAK.search(text.text, cue.end(), end)):
        stops.append(clause.start())
    return min(stops)


_NESTED_CUE = re.compile(r"\b(?:of\s+which|including|of\s+them|among\s+them)\b", re.I)
_HEADS_A_LIST = re.compile(r"\A\s*(?:of\s+(?:which|them|these)|among\s+them)\b", re.I)
_BASE_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|than|over)\s+(?:the\s+|a\s+)?\Z", re.I)


def _siblings(text: _Text, parts: list[int]) -> list[int]:
    """The members of one list: not a figure that a nested cue introduces ("62 completed,
    of which 40 ..., 19 under way"), nor a later one heading its own list ("310 schools,
    86 of which"); and the list ends at a change or the base it was measured from ("of
    which 3.1 million exported, up 0.4 million from 2.7 million")."""
    kept: list[int] = []
    for position, part in enumerate(parts):
        quantity = text.quantities[part]
        if not _is_measure(quantity):
            continue  # a list's members are amounts and counts; its percents do not end it
        since = text.quantities[parts[position - 1]].end if position else quantity.start - 3
        if position and (_NESTED_CUE.search(text.text, since, quantity.start)
                         or _HEADS_A_LIST.match(text.text[quantity.end:quantity.end + 24])):
            continue
        if _is_base(text, part) or (_change_direction(text, part) and not _MORE_OF_THEM.match(text.text, quantity.end)):
            if kept:
                break
            continue
        kept.append(part)
    return kept


_MORE_OF_THEM = re.compile(r"\s+(?:more|additional|further|other)\b", re.I)  # "2 more will open": more items, no change


def _tight_list(text: _Text, cue_end: int, parts: list[int]) -> frozenset[int]:
    """The parts named right after a cue, one after another ("among them 5,100 doctors and
    8,800 nurses"): the cue makes them members of the whole whatever they are called."""
    listed: list[int] = []
    cursor = cue_end
    for part in parts:
        gap = text.text[cursor:text.quantities[part].start]
        if len(gap.split()) > 3 or (listed and not re.search(r"(?:,|\band)\s*\Z", gap)):
            break
        listed.append(part)
        cursor = text.quantities[part].end
        noun = text.quantities[part].noun
        if noun and text.text[cursor:].lstrip().startswith(noun):
            cursor = text.text.index(noun, cursor) + len(noun)
    return frozenset(listed)


def _part_before_cue(text: _Text, member: int, cue_start: int) -> bool:
    """ "9 bln of which has been used": the figure right before "of which" is the part."""
    return not text.text[text.quantities[member].end:cue_start].strip(" \t")


def _bullet_parts(text: _Text, offset: int) -> list[int]:
    """The first figure of each bullet line after a list introduced by "including:"."""
    parts = []
    following = bisect.bisect_left(_paragraph_starts(text), offset)
    for start, end in text.document.paragraphs[following:following + _REACH]:
        if not _BULLET.match(text.text[start:start + 12]):
            break
        inside = _figures_between(text, start, end)
        seen_units: set[tuple[Kind, str | None]] = set()
        for member in inside:
            quantity = text.quantities[member]
            key = (Kind.COUNT if quantity.kind is Kind.NUMBER else quantity.kind, quantity.unit)
            if _is_measure(quantity) and key not in seen_units:
                seen_units.add(key)
                parts.append(member)
    return parts


def _shares(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    # a share is of a current figure, not of the base a change was measured from, nor of
    # a figure that is itself the part of a parallel share ("630 firms, or 42% ...; 390 firms, or 26% ...")
    excluded = {n.quantity for c in found if c.kind in ("ratio", "percent_change") for n in c.numbers if n.role == "old"}
    for index in text.of_kind(Kind.PERCENT):
        stated = text.quantities[index]
        if stated.value <= 0:
            continue
        of = _OF_AFTER.match(text.after(index, 100))
        pair = _anaphoric_part(text, index, excluded) or _x_of_y(text, index) or _of_these_part(text, index, excluded)
        if of is None and pair is None:
            continue
        if _change_direction(text, index) and of is None:
            continue
        part = pair[0] if pair else _part_of(text, index)
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


def _anaphoric_part(text: _Text, index: int, excluded: set[Quantity]) -> tuple[int, int] | None:
    """ "163 of them, or 44%": the part is before, its whole is what "them" refers to."""
    part = _nearest_before(text, index, _is_measure)
    if part is None or not _OF_ANAPHOR.match(text.text[text.quantities[part].end:text.quantities[index].start]):
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


def _of_these_part(text: _Text, index: int, excluded: set[Quantity]) -> tuple[int, int] | None:
    """ "369 schools ... Of these, 163 schools, or 44%, ...": the whole is what "these" names."""
    part = _nearest_before(text, index, _is_measure)
    if part is None or not _PART_JOIN.match(text.text[text.quantities[part].end:text.quantities[index].start]):
        return None
    if not _OF_THESE_BEFORE.search(text.text[max(0, text.quantities[part].start - 40):text.quantities[part].start]):
        return None
    return _anaphor_whole(text, part, excluded)


def _x_of_y(text: _Text, index: int) -> tuple[int, int] | None:
    """ "shipped 200 of the 390 billion tenge, or 51%": part, then whole, then the share."""
    whole = _nearest_before(text, index, _is_measure)
    if whole is None or not _PART_JOIN.match(text.text[text.quantities[whole].end:text.quantities[index].start]):
        return None
    part = _nearest_before(text, whole, _is_measure)
    if part is None or not _X_OF_Y.match(text.between(part, whole)) or not compatible(text.quantities[part], text.quantities[whole]):
        return None
    return part, whole


def _part_of(text: _Text, index: int) -> int | None:
    stated = text.quantities[index]
    before = _nearest_before(text, index, lambda q: _is_measure(q))
    if before is not None and _PART_JOIN.match(text.text[text.quantities[before].end:stated.start]):
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


def _whole_of(text: _Text, index: int, part: int, phrase: str, excluded: set[Quantity]) -> tuple[int, str] | None:
    """The whole a share is "of": named after "of" in the sentence, or earlier in the text;
    with what the choice assumes when several earlier figures are named alike."""
    part_q = text.quantities[part]
    stated_end = text.quantities[index].end
    for member in (m for m in text.same_sentence(index) if m > index and m != part):
        quantity = text.quantities[member]
        if quantity.kind is Kind.PERCENT or _CLAUSE_BREAK.search(text.text[stated_end:quantity.start]) \
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
    return following < len(text.quantities) and text.quantities[following].kind is Kind.PERCENT \
        and text.sentence_of[following] == text.sentence_of[index] and bool(_PART_JOIN.match(text.between(index, following)))


def _subject(text: _Text, index: int) -> frozenset[str]:
    """The content words just before a figure: "Industrial output has rose" -> {industrial, output}."""
    words = _WORD.findall(text.before(index, 60))[-4:]
    change = re.compile(rf"(?:{_INCREASE}|{_DECREASE}|has|have|had|by|was|were|is|are)\Z", re.I)
    return frozenset(w.lower() for w in words if w.lower() not in lex.NOUN_STOPWORDS and not change.match(w))


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
        if stated.kind is not Kind.FACTOR or stated in used or stated.start >= lead_end:
            continue
        subject = _subject(text, index)
        body = by_subject.get(subject) if len(subject) >= 2 else None
        if body is not None:
            yield _candidate("ratio", "a lead restating the body's factor",
                             (("old", body.quantities("old")[0]), ("new", body.quantities("new")[0]), ("stated", stated)))


def _context_words(text: _Text, quantity: Quantity) -> set[str]:
    """The words that name a figure: the four before it and the three after."""
    before = _WORD.findall(text.text[max(0, quantity.start - 200):quantity.start])[-4:]
    after = _WORD.findall(text.text[quantity.end:quantity.end + 30])[:3]
    return {word.lower() for word in before + after}


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


def _earlier_period_sums(found: list[Candidate]) -> Iterator[Candidate]:
    """Segments that make up this year's total ("64.0% and 36.0% of net sales") made up last
    year's too: when each part and the total is compared with its earlier figure, the
    earlier figures add up as well."""
    earlier: dict[Quantity, list[Quantity]] = {}
    for candidate in found:
        if candidate.kind in ("percent_change", "ratio", "difference") and not candidate.assumes:
            new, old = ("minuend", "subtrahend") if candidate.kind == "difference" else ("new", "old")
            earlier.setdefault(candidate.quantities(new)[0], []).append(candidate.quantities(old)[0])
    for candidate in found:
        if candidate.kind != "sum":
            continue
        figures = candidate.quantities("total") + candidate.quantities("part")
        olds = [{q.start: q for q in earlier.get(figure, ())} for figure in figures]
        if all(len(old) == 1 for old in olds) and len({next(iter(old)) for old in olds}) == len(olds):
            total, *parts = (next(iter(old.values())) for old in olds)
            yield _candidate("sum", "the same parts in the earlier period", [("total", total)] + [("part", p) for p in parts],
                             assumes="the same parts made up the total in the earlier period")


def _partial_lists(candidates: list[Candidate]) -> list[Candidate]:
    """ "Of these, 630 firms, or 42%, and 540 firms, or 36%": shares that fall short of 100%
    say the list is partial, so its parts are within the total, not a breakdown of it."""
    shares: dict[Quantity, list[Quantity]] = {}
    for candidate in candidates:
        if candidate.kind == "share":
            shares.setdefault(candidate.quantities("part")[0], []).append(candidate.quantities("stated")[0])
    result = []
    for candidate in candidates:
        if candidate.kind == "sum":
            parts = candidate.quantities("part")
            stated = [shares[p][0] for p in parts if p in shares]
            if stated and len(stated) == len(parts) and sum(q.interval.high for q in stated) < 100:
                candidate = attrs.evolve(candidate, kind="subset", numbers=tuple(
                    attrs.evolve(n, role="whole") if n.role == "total" else n for n in candidate.numbers))
        result.append(candidate)
    return result


def _unique(candidates: list[Candidate], text: _Text) -> list[Candidate]:
    """One candidate per relation: the same figures in the same roles once; and a claim in
    the headline or lead that the body repeats word for word is one claim, not two."""
    lead_end = _lead_end(text)
    seen: set[object] = set()
    claims: dict[object, Candidate] = {}
    unique = []
    for candidate in candidates:
        spans = tuple(sorted((n.role, n.quantity.start) for n in candidate.numbers))
        claim = (candidate.kind, tuple(sorted((n.role, n.quantity.text, n.quantity.unit or "") for n in candidate.numbers)))
        earlier = claims.get(claim)
        if spans in seen or (earlier is not None and earlier.numbers[0].quantity.start < lead_end):
            continue
        seen.add(spans)
        claims.setdefault(claim, candidate)
        unique.append(candidate)
    return unique


def _lead_end(text: _Text) -> int:
    """Where the headline and the lead paragraph end."""
    paragraphs = text.document.paragraphs
    if not paragraphs:
        return 0
    if len(paragraphs) > 1 and paragraphs[0][1] - paragraphs[0][0] < 200:
        return paragraphs[1][1]  # a title line, then the lead paragraph
    return paragraphs[0][1]
