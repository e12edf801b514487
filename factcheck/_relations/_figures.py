"""The shared ground of relation search: a scanned text with the figures of each sentence at
hand, the cue words found once per text, which figures may combine (units and nouns), and
which words mark a figure as a change."""

from __future__ import annotations

import bisect
import re
from fractions import Fraction
from functools import lru_cache
from typing import Iterable

import attrs

from .. import _lexicon as lex
from .._document import Document
from .._extract import Scan, trie_alternation
from .._findings import Number, Reading
from .._models import AMOUNT, COUNT, NUMBER, PERCENT, Kind, Quantity, TimeAnchor
from .._verdict import Candidate


_MEASURES = frozenset((AMOUNT, COUNT, NUMBER))
_INCREASE = r"increas\w*|rose|rise[sn]?|rising|grew|grow\w*|growth|up|higher|gain\w*|jump\w*|climb\w*|surg\w*|expand\w*|hike|boost\w*|added|more"
_DECREASE = r"decreas\w*|fell|fall\w*|declin\w*|down|lower|drop\w*|shr[ai]nk\w*|reduc\w*|cut|narrow\w*|contract\w*|slump\w*|plung\w*|slid\w*|less|loss"
# lower case, matched on the folded text (a case-insensitive pattern is slower); the _I
# twins for a text where that would match otherwise (see _Text.caseless)
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<word>{_INCREASE}|{_DECREASE})\b(?:\s+(?:by|of|some|about|approximately|nearly|almost|just|over))*"
    rf"(?:\s+[$€£]?[\d.,]+(?:\s+\w+)?,?\s+or)?\s*(?:about|approximately|some|nearly|almost)?\s*(?:\$|€|£)?\s*\Z")
_CHANGE_AFTER = re.compile(rf"\s*(?P<word>{_INCREASE}|{_DECREASE})\b")  # matched where the figure ends
_CHANGE_BEFORE_I = re.compile(_CHANGE_BEFORE.pattern, re.I)
_CHANGE_AFTER_I = re.compile(_CHANGE_AFTER.pattern, re.I)
_DECREASING = re.compile(rf"\A(?:{_DECREASE})\Z", re.I)
_OF_AFTER = re.compile(r"\A\s*\)?\s*(?:\([^()]{0,40}\)\s*)?of\b(?P<phrase>[^.,;:!?()]{0,80})", re.I)
_YEAR_VALUE = re.compile(r"\(\s*(?:in\s+)?(?P<year>(?:19|20)\d\d)\s*(?:-|–|—|:)\s*\Z")
_PER = re.compile(r"\s+(?:per|a|each|for\s+each|for\s+every)\s+(?P<noun>[A-Za-z][\w-]*)", re.I)
_BULLET = re.compile(r"\A\s*(?:[-•·*Ř]|\d+[.)])\s")
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


def _find_cues(text: str, name: str) -> list[int]:
    """The start of every cue word of one kind that starts a word (a colon anywhere), the
    slow way: for a text that does not fold in place (see _all_cues)."""
    return [m.start() for m in _CUE_PATTERNS_I[name].finditer(text) if _starts_word(text, m.start(), name)]


def _all_cues(folded: str) -> dict[str, list[int]]:
    """The starts of the cue words of every kind, in one pass over the folded text.

    A kind's pattern tried at every position of a text is slow: most letters may begin
    one of its words, so the engine cannot skip ahead.  So the words of all kinds are looked
    for at once in ``_word_starts(folded)``, where every word start follows a space and the
    engine skips from space to space, by one pattern that branches on the letters of the
    words (see _cue_trie); each place found there is then confirmed on the folded text with
    the patterns of the kinds that have a word opening with its first two letters.  (A match
    on the folded text implies one in ``words``, which only widens word characters to
    spaces, so no cue is lost.)"""
    words = _word_starts(folded)
    found: dict[str, list[int]] = {name: [] for name in _CUE_WORDS}
    for match in _ANY_CUE.finditer(words):
        start = match.start()  # of the space before the word in ``words``: of the word in the text
        if start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):  # _is_word_char, inlined
            continue  # a non-ASCII letter before it, a space in ``words`` only
        for name in _KINDS_BY_OPENING[words[start + 1:start + 3]]:
            if _CUE_PATTERNS[name].match(folded, start):
                found[name].append(start)
    found["colon"] = [m.start() for m in _CUE_PATTERNS["colon"].finditer(folded)]
    return found


def _fold(text: str) -> str | None:
    """The text in lower case, unless folding would move offsets ("İ" is two characters)."""
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def _caseless(folded: str | None) -> str | None:
    """The folded text where a lower-case pattern on it matches just as a case-insensitive
    one on the text: not where folding moves offsets, nor where "ı" or "ſ" occur, which
    case-insensitive matching reads as "i" and "s" but lower() keeps as they are."""
    return None if folded is None or "ı" in folded or "ſ" in folded else folded


def _starts_word(text: str, start: int, name: str) -> bool:
    return not start or not _is_word_char(text[start - 1]) or name == "colon"


# ASCII letters, digits and "_" stay; every other byte becomes a space
_WORD_BYTES = bytes(byte if chr(byte).isascii() and (chr(byte).isalnum() or byte == ord("_")) else ord(" ")
                    for byte in range(256))


def _word_starts(folded: str) -> bytes:
    """The folded text as ASCII bytes, one per character and shifted by a leading space,
    with every character that is not an ASCII word character made a space (non-ASCII ones
    too, so a place found here may not start a word in the text: it is confirmed there).
    A word that starts at offset p of the text follows the space at p here."""
    return (" " + folded).encode("ascii", "replace").translate(_WORD_BYTES)


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
    cue_starts: dict[str, list[int]] = attrs.field(factory=dict)  # memo of cues(), asked for a thousand times a text
    memo: dict[object, object] = attrs.field(factory=dict)  # things computed once per text, on first use
    # the document's text, at hand: detectors read it thousands of times
    text: str = attrs.field(init=False, default=attrs.Factory(lambda self: self.document.text, takes_self=True))
    sentence_starts: list[int] = attrs.field(init=False, default=attrs.Factory(
        lambda self: [start for start, _ in self.sentence_spans], takes_self=True))

    def cues(self, name: str) -> list[int]:
        """Where the cue words of one kind (see _CUE_WORDS) start: those of every kind found
        on first use."""
        found = self.cue_starts.get(name)
        if found is None:
            folded = self.folded()
            if folded is not None:
                self.cue_starts.update(_all_cues(folded))
                return self.cue_starts[name]
            found = self.cue_starts[name] = _find_cues(self.text, name)
        return found

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
        """The text in lower case (see _fold), worked out once."""
        if "folded" not in self.memo:
            self.memo["folded"] = _fold(self.text)
        return self.memo["folded"]  # type: ignore[return-value]

    def caseless(self) -> str | None:
        """The folded text where lower-case patterns read it as case-insensitive ones read
        the text (see _caseless), worked out once."""
        if "caseless" not in self.memo:
            self.memo["caseless"] = _caseless(self.folded())
        return self.memo["caseless"]  # type: ignore[return-value]

    def caseless_cues(self, name: str) -> list[int]:
        """Where the cue words of one kind start, found as a case-insensitive pattern on the
        text finds them: from the one-pass scan where the folded text is caseless, else the
        slow way ("of this ſum" is "of this sum")."""
        return self.cues(name) if self.caseless() is not None else _find_cues(self.text, name)

    @classmethod
    def build(cls, document: Document, scan: Scan) -> _Text:
        # the cue words of every kind, found first: the qualifying words among them pick out
        # the figures that qualify others ("aged over 60"), which take no part in relations
        folded = _fold(document.text)
        cue_starts = _all_cues(folded) if folded is not None else {}
        # read as _QUALIFIER_BEFORE reads the text, "ageſ" as "ages" (as caseless_cues reads it)
        qualifying = cue_starts["qualifier"] if _caseless(folded) is not None else _find_cues(document.text, "qualifier")
        quantities = tuple(_unqualified(document.text, scan.quantities, qualifying))
        sentences = document.sentences or [(0, len(document.text))]
        starts = [start for start, _ in sentences]
        grouped: dict[int, list[int]] = {}
        sentence = 0
        for index, quantity in enumerate(quantities):  # both in text order: one walk
            while sentence + 1 < len(starts) and starts[sentence + 1] <= quantity.start:
                sentence += 1
            grouped.setdefault(sentence, []).append(index)
        years: dict[int, set[int]] = {}
        for anchor in scan.anchors:
            if anchor.first_year:
                years.setdefault(max(0, bisect.bisect_right(starts, anchor.start) - 1), set()).add(anchor.first_year)
        frozen_years = {sentence: frozenset(named) for sentence, named in years.items()}
        no_years: frozenset[int] = frozenset()
        sentence_of = [0] * len(quantities)
        members, spans, named_years = [], [], []
        for sentence, (start, end) in enumerate(sentences):
            figures = grouped.get(sentence, [])
            chunks = [figures[i:i + _REACH] for i in range(0, len(figures), _REACH)] if len(figures) > _REACH else [figures]
            for number, chunk in enumerate(chunks):
                for index in chunk:
                    sentence_of[index] = len(members)
                members.append(tuple(chunk))
                chunk_start = start if number == 0 else quantities[chunk[0]].start
                chunk_end = end if number == len(chunks) - 1 else quantities[chunks[number + 1][0]].start
                spans.append((chunk_start, chunk_end))
                named_years.append(frozen_years.get(sentence, no_years))
        return cls(document, quantities, scan.anchors, tuple(sentence_of), tuple(members), tuple(spans),
                   tuple(named_years), {q.start: i for i, q in enumerate(quantities)},
                   tuple(q.start for q in quantities), cue_starts=cue_starts, memo={"folded": folded})

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


# -- units and nouns -----------------------------------------------------------------------

def _is_measure(quantity: Quantity) -> bool:
    return quantity.kind in _MEASURES and quantity.unit not in lex.TIME_UNITS


@lru_cache(maxsize=4096)  # a release repeats its nouns: each is stemmed many times
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
    """Whether two figures measure the same kind of thing, so that they may combine:
    amounts of one unit (never of time: years are not added up), counts that name the same
    things, or other figures of one kind and unit."""
    if first.kind is AMOUNT or second.kind is AMOUNT:
        return first.kind is second.kind and first.unit == second.unit and first.unit not in lex.TIME_UNITS
    if first.kind in _COUNTED and second.kind in _COUNTED \
            and first.unit not in lex.TIME_UNITS and second.unit not in lex.TIME_UNITS:
        return _nouns_agree(first.noun, second.noun)
    return first.kind is second.kind and first.unit == second.unit


_COUNTED = frozenset((COUNT, NUMBER))


def _candidate(kind: str, cue: str, roles: Iterable[tuple[str, Quantity]],
               readings: tuple[Reading, ...] = (Reading(),), assumes: str = "") -> Candidate:
    return Candidate(kind, tuple(Number(role, quantity) for role, quantity in roles), cue, readings, assumes)


def _signed(decreasing: bool, stated: Quantity) -> Reading:
    if decreasing and stated.value > 0:
        return Reading("a decrease", Fraction(-1))
    return Reading()


def _is_measure_or_percent(quantity: Quantity) -> bool:
    return _is_measure(quantity) or quantity.kind is PERCENT


def _nearest_before(text: _Text, index: int, accept) -> int | None:  # type: ignore[no-untyped-def]
    sentence = text.sentence_of[index]
    member = index - 1
    while member >= 0 and text.sentence_of[member] == sentence:
        if accept(text.quantities[member]):
            return member
        member -= 1
    return None


def _measure_before(text: _Text, index: int) -> int | None:
    """The nearest amount or count before ``index`` in its sentence: many cues ask for it,
    so it is found for every figure in one pass."""
    if "measure_before" not in text.memo:
        nearest: list[int | None] = []
        last: int | None = None
        for member, quantity in enumerate(text.quantities):
            if last is not None and text.sentence_of[last] != text.sentence_of[member]:
                last = None
            nearest.append(last)
            if _is_measure(quantity):
                last = member
        text.memo["measure_before"] = nearest
    return text.memo["measure_before"][index]  # type: ignore[index]


def _first_after(text: _Text, index: int, accept, limit: int | None = None) -> int | None:  # type: ignore[no-untyped-def]
    sentence = text.sentence_of[index]
    end = len(text.quantities) if limit is None else min(limit, len(text.quantities))
    member = index + 1
    while member < end and text.sentence_of[member] == sentence:
        if accept(text.quantities[member]):
            return member
        member += 1
    return None


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


# the beginnings of the words of _INCREASE and _DECREASE
_CHANGE_STEMS = (
    "increas", "rose", "rise", "rising", "grew", "grow", "up", "higher", "gain", "jump", "climb", "surg", "expand",
    "hike", "boost", "added", "more", "decreas", "fell", "fall", "declin", "down", "lower", "drop", "shr", "reduc",
    "cut", "narrow", "contract", "slump", "plung", "slid", "less", "loss",
)


# Words that a detector needs near a figure before it tries its full pattern there: each
# alternative starts a word with at least two letters (a colon anywhere).
_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "change": _CHANGE_STEMS,
    "list": ("includ", r"of\s+(?:which|these|them|those|this\s+total|this\s+number|the\s+total)",
             r"among\s+(?:them|which)", r"such\s+as", r"in\s+particular", r"out\s+of\s+which", r"within\s+this\s+total"),
    "led": (r"led\s+the\b", r"drove\s+the\b", r"headed\s+the\b", r"was\s+(?:led|driven|headed)\s+by\b"),
    "total": ("total", "altogether", r"all\b", "overall", "make", "add", "together"),
    "with": (r"with\b",),
    "contribut": ("contribut",),
    "scale": ("thousands", "millions", "billions"),
    "breakdown": ("compris", "consist", r"made\s+up", "break", "split"),
    "colon": (":",),
    "this_sum": (r"of\s+(?:this|that|the)\s+(?:sum|amount|total|volume|money|funding|figure)\b",),  # "4 billion of this sum"
    # the words that open the phrases of _QUALIFIER_BEFORE: "aged (up to)", "children over", "per"
    "qualifier": tuple(rf"{word}\b" for word in (
        "age[ds]?", "children", "adults", "people", "persons", "women", "men", "residents", "pupils", "those", "youth", "youths",
        "per")),
    "status": tuple(rf"{words}\b" for words in (
        "completed", "finished", "commissioned", r"under\s*way", r"under\s+construction", r"in\s+progress", "ongoing",
        "launched", "started", "implemented", r"being\s+built", r"being\s+implemented")),
}
_CUE_PATTERNS = {name: re.compile(trie_alternation(words) if name == "change" else "|".join(words))
                 for name, words in _CUE_WORDS.items()}
_CUE_PATTERNS_I = {name: re.compile(pattern.pattern, re.I) for name, pattern in _CUE_PATTERNS.items()}


def _cue_trie() -> str:
    """One pattern for the words of every kind, matched in _word_starts at the space before
    a word: the words' opening letters as a trie (the engine rejects most words after a
    letter or two), each word's rest (``\\s+(?:which|these)``, ``\\b``) as a lookahead where
    its letters end.  It finds every place where some kind's word starts, and only those."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for name, words in _CUE_WORDS.items():
        for word in words if name != "colon" else ():
            letters = re.match(r"[a-z]+", word).group()  # type: ignore[union-attr]
            node = trie
            for letter in letters:
                node = node.setdefault(letter, {})
            node.setdefault("", []).append(word[len(letters):])
    return " " + _trie_branches(trie)


def _trie_branches(node: dict) -> str:  # type: ignore[type-arg]
    branches = [letter + _trie_branches(child) for letter, child in sorted(node.items()) if letter]
    rests = node.get("", [])
    if rests:  # a word ends here: what follows its letters, any of them
        branches.append("" if "" in rests else "(?=" + "|".join(f"(?:{rest})" for rest in rests) + ")")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _kinds_by_opening() -> dict[bytes, tuple[str, ...]]:
    """The kinds with a word that opens with each two letters (every word has at least two)."""
    kinds: dict[bytes, dict[str, None]] = {}
    for name, words in _CUE_WORDS.items():
        for word in words if name != "colon" else ():
            if not re.match(r"[a-z]{2}", word):
                raise ValueError(f"cue word {word!r} of {name!r} must open with two lower-case letters")
            kinds.setdefault(word[:2].encode(), {})[name] = None
    return {opening: tuple(names) for opening, names in kinds.items()}


_ANY_CUE = re.compile(_cue_trie().encode())
_KINDS_BY_OPENING = _kinds_by_opening()


def _change_direction(text: _Text, index: int) -> str | None:
    """The word that says a figure is a change ("up", "a decrease of"), if any: a change
    word within 60 characters before the figure, or right after it, in its sentence."""
    if index not in text.directions:
        quantity = text.quantities[index]
        sentence_start, sentence_end = text.sentence_spans[text.sentence_of[index]]
        words = text.cues("change")
        caseless = text.caseless()
        source, before, after = (caseless, _CHANGE_BEFORE, _CHANGE_AFTER) if caseless is not None \
            else (text.text, _CHANGE_BEFORE_I, _CHANGE_AFTER_I)
        at = bisect.bisect_left(words, max(sentence_start, quantity.start - 60))
        found = None
        # the pattern starts at a change word: try it only where one starts (a match, not a search)
        while found is None and at < len(words) and words[at] < quantity.start:
            found = before.match(source, words[at], quantity.start)
            at += 1
        after_end = min(sentence_end, quantity.end + 20)
        if found is None and _any_between(words, quantity.end, after_end):
            found = after.match(source, quantity.end, after_end)
        # the word as written: the folded text keeps the offsets
        text.directions[index] = text.text[found.start("word"):found.end("word")] if found else None
    return text.directions[index]


def _names(text: _Text, figure: Quantity, noun: str) -> bool:
    """Whether ``figure`` counts ``noun``: by its own noun, or by the words just before it."""
    words = (figure.noun or "").split() + _WORD.findall(text.text[max(0, figure.start - 40):figure.start])
    return any(_same_word(word, named) for word in words for named in noun.split())


def _listed_direction(text: _Text, index: int) -> str | None:
    """ "increases of 28% and 30%": a percent listed after another shares its change word."""
    first = _list_run(text, index)[0]
    return _change_direction(text, first) if first != index else None


_LIST_JOIN = re.compile(r"\A\s*(?:,\s*(?:and\s+)?|and\s+)\Z", re.I)
_FIGURE_LIST_JOIN = re.compile(  # "A and operating profit of B"; not "A, from B", which compares
    r"\A\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?!(?:from|than|compared|against|versus|over|to|up|down)\b)[\w-]+\s+){0,3}?"
    r"(?:of\s+|at\s+|was\s+|were\s+)?\Z", re.I)


def _parenthesized(text: _Text, index: int) -> bool:
    quantity = text.quantities[index]
    return text.text[quantity.start - 1:quantity.start] == "(" and text.text[quantity.end:quantity.end + 1] == ")"


def _is_base(text: _Text, index: int) -> bool:
    """ "up from $4.0 billion", "(2023 - 540.2 billion)": an earlier figure, named for comparison."""
    quantity = text.quantities[index]
    if quantity.hedge is not None:
        return False  # "more than 2 trillion" is a hedge, not a comparison
    before = text.text[max(0, quantity.start - 24):quantity.start]
    if not before.rstrip().lower().endswith(_BASE_ENDINGS):
        return False
    return bool(_BASE_BEFORE.search(before) or _YEAR_VALUE.search(before))


# a figure that qualifies another, from the opening word of the phrase (see _unqualified) up to the figure
_QUALIFIER_BEFORE = re.compile(
    r"\b(?:aged?|ages)\s+(?:over|under|above|below|older\s+than|younger\s+than|up\s+to|between)?\s*\Z"
    r"|\b(?:children|adults|people|persons|women|men|residents|pupils|those|youths?)\s+"
    r"(?:over|under|above|below|older\s+than|younger\s+than)\s+\Z|\bper\s+\Z", re.I)


def _unqualified(source: str, quantities: tuple[Quantity, ...], qualifying: list[int]) -> list[Quantity]:
    """The figures less those that qualify another ("aged over 60", "children under 15",
    "18.2 per 100,000"), never a part, a whole or an operand themselves: a phrase that opens
    with a qualifying word at most 30 characters before the figure and runs up to it."""
    kept = []
    near = 0  # the first qualifying word within reach of the current figure: both go in text order
    for quantity in quantities:
        start = quantity.start
        while near < len(qualifying) and qualifying[near] < start - 30:
            near += 1
        word = near
        while word < len(qualifying) and qualifying[word] < start and not _QUALIFIER_BEFORE.match(source, qualifying[word], start):
            word += 1
        if word == len(qualifying) or qualifying[word] >= start:
            kept.append(quantity)
    return kept


def _is_rate(text: _Text, index: int) -> bool:
    """ "$0.17 per diluted share", "12 million tenge per apartment": a rate, not a total."""
    quantity = text.quantities[index]
    if _PER.match(text.text, quantity.end) and not _PER_CENT.match(text.text, quantity.end, quantity.end + 9):
        return True
    before = text.text[max(0, quantity.start - 40):quantity.start]
    # "per household 35,000", "each household received 35,000", "an average of 35,000"
    folded = before.lower()
    return ("per" in folded or "each" in folded or "every" in folded or "average" in folded) \
        and bool(_RATE_BEFORE.search(before))


_PER_CENT = re.compile(r"\s+per\s+cent")
_RATE_BEFORE = re.compile(r"\bper\s+(?:\w+\s+){0,2}(?:of\s+)?\Z|\b(?:each|every|average|averaging)\b[^.,;:\d]{0,30}\Z", re.I)


def _figures_between(text: _Text, start: int, end: int) -> range:
    return range(bisect.bisect_left(text.starts, start), bisect.bisect_left(text.starts, end))


def _paragraph_starts(text: _Text) -> list[int]:
    if "paragraph_starts" not in text.memo:
        text.memo["paragraph_starts"] = [start for start, _ in text.document.paragraphs]
    return text.memo["paragraph_starts"]  # type: ignore[return-value]


def _paragraph_index(text: _Text, offset: int) -> int:
    """The index of the paragraph that holds ``offset``."""
    return max(0, bisect.bisect_right(_paragraph_starts(text), offset) - 1)


def _figures_from(text: _Text, offset: int) -> list[int]:
    """The figures from ``offset`` to the end of its sentence."""
    index = bisect.bisect_left(text.starts, offset)
    if index >= len(text.quantities):
        return []
    sentence = text.sentence_of[index]
    if text.sentence_spans[sentence][0] > offset:
        return []
    return [member for member in text.sentence_members[sentence] if member >= index]


_BASE_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|than|over)\s+(?:the\s+|a\s+)?\Z", re.I)
# the last words of _BASE_BEFORE and the dashes that end _YEAR_VALUE: a cheap first look
_BASE_ENDINGS = ("from", "with", "to", "against", "than", "over", "the", "a", "-", "–", "—", ":")


def _context_words(text: _Text, quantity: Quantity) -> set[str]:
    """The words that name a figure: the four before it (within 200 characters) and the
    three after."""
    # five words in the last 60 characters hold the last four whole; else look further back
    before = _WORD.findall(text.text[max(0, quantity.start - 60):quantity.start])
    if len(before) < 5:
        before = _WORD.findall(text.text[max(0, quantity.start - 200):quantity.start])
    before = before[-4:]
    after = _WORD.findall(text.text[quantity.end:quantity.end + 30])[:3]
    return {word.lower() for word in before + after}


def _lead_end(text: _Text) -> int:
    """Where the headline and the lead paragraph end."""
    paragraphs = text.document.paragraphs
    if not paragraphs:
        return 0
    if len(paragraphs) > 1 and paragraphs[0][1] - paragraphs[0][0] < 200:
        return paragraphs[1][1]  # a title line, then the lead paragraph
    return paragraphs[0][1]
