"""Lists of parts and their wholes: "of these, A and B", "in total T", "T comprises A and B",
"W, including A", "X led the rise, up A", "T, with A", counts by status, kinds of a thing."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

import attrs

from .. import _lexicon as lex
from .._extract import in_table_row as _in_table_row
from .._models import COUNT, NUMBER, Kind, Quantity
from .._verdict import Candidate
from ._figures import (
    _BULLET,
    _CLAUSE_BREAK,
    _DECREASE,
    _DECREASING,
    _GENERIC_STEMS,
    _INCREASE,
    _REACH,
    _Text,
    _WORD,
    _any_between,
    _candidate,
    _change_direction,
    _figures_between,
    _figures_from,
    _is_base,
    _is_measure,
    _is_rate,
    _names,
    _nearest_before,
    _nouns_agree,
    _paragraph_index,
    _paragraph_starts,
    _parenthesized,
    _same_word,
    _stem,
    compatible,
)
from ._tables import (
    _NESTED_ROW,
)


_SUBSET_CUE = re.compile(
    r"(?:including|includes|included|include|of\s+which|among\s+them|among\s+which|such\s+as|in\s+particular|"
    r"out\s+of\s+which)\b"
)  # lower case, matched where a "list" cue word starts
# a list of parts ends where another list starts or a comparison begins
# lower case, for the folded text; the _I twin for a text where that would match otherwise (see _Text.caseless)
_LIST_END = re.compile(r"\b" + _SUBSET_CUE.pattern + r"|\b(?:against|compared|versus|vs|than|while|whereas)\b")
_LIST_END_I = re.compile(_LIST_END.pattern, re.I)
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
    candidates = [w for w in reversed(wholes) if _is_measure(text.quantities[w]) and text.quantities[w].value.numerator > 0
                  and not _is_rate(text, w)]
    # nearest first, but a figure in parentheses is a reference ("(4 trillion tenge)"), not the list's
    # subject; and a base ("down from 1,360") is never the subject when the sentence names a level
    candidates.sort(key=lambda w: _parenthesized(text, w) or _is_base(text, w))
    if any(not _is_base(text, w) for w in candidates):
        candidates = [w for w in candidates if not _is_base(text, w)]
    for loose in (False, True):  # names that agree first; then a count named right after the cue
        for whole in candidates:
            reference = text.quantities[whole]
            if whole in used:
                continue
            group = [p for p in parts if p not in used and (
                compatible(text.quantities[p], reference)
                or (loose and p in any_noun and text.quantities[p].kind is reference.kind is COUNT))]
            if len(group) < minimum:
                continue
            limit = 100 * reference.value
            if any(text.quantities[p].value > limit for p in group):
                continue  # a part a hundred times its whole is a different thing, not a slip
            used.update(group)
            used.add(whole)
            role = "total" if kind == "sum" else "whole"
            yield _candidate(kind, cue, [(role, reference)] + [("part", text.quantities[p]) for p in group])


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
    if not text.cues("colon"):
        return  # a colon follows the total
    for sentence, members in enumerate(text.sentence_members):
        if len(members) < 2:
            continue
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
    starts = text.sentence_starts
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
    followed = _followed_by_this_sum(text)
    for sentence, (start, end) in enumerate(text.sentence_spans):
        members = text.sentence_members[sentence]
        for cue in cues.get(sentence, ()):
            if _NESTED_ROW.match(cue.group()) and _in_table_row(text.text, cue.start()):
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
        for member in sorted(followed.intersection(members)):
            if _is_measure(text.quantities[member]):
                earlier = [m for m in reversed(text.earlier(member)) if compatible(text.quantities[m], text.quantities[member])]
                if earlier:
                    yield _candidate("subset", "P of this sum", (("whole", text.quantities[earlier[-1]]),
                                                                 ("part", text.quantities[member])))


def _followed_by_this_sum(text: _Text) -> set[int]:
    """The figures that "of this sum" follows in their sentence, after nothing but white
    space and within four characters ("... 4 billion of this sum")."""
    followed = set()
    for position in text.caseless_cues("this_sum"):
        index = bisect.bisect_right(text.starts, position) - 1
        if index < 0:
            continue
        end = text.quantities[index].end
        if end <= position < min(text.sentence_spans[text.sentence_of[index]][1], end + 4) \
                and not text.text[end:position].strip():
            followed.add(index)
    return followed


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
        if _WITH_DELIVERY.search(before) and part.kind is COUNT:
            # "31 projects ..., with the commissioning of 19 facilities": what the projects deliver
            whole = _nearest_before(text, index, lambda q: q.kind is COUNT and q.noun is not None)
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
    if not text.cues("status"):
        return
    listed = {n.quantity for c in found for n in c.numbers}
    for start, end in text.document.paragraphs:
        counts = [i for i in _figures_between(text, start, end) if text.quantities[i].kind is COUNT
                  and text.quantities[i].noun and text.quantities[i] not in listed
                  and _names_a_status(text, text.sentence_of[i])]
        counts = counts[:_REACH]  # no release lists more by status; hostile input may
        if len(counts) < 2 or not all(_nouns_agree(text.quantities[c].noun, text.quantities[counts[0]].noun) for c in counts):
            continue
        whole = next((m for m in text.earlier(counts[0]) if text.quantities[m].start < start
                      and text.quantities[m].kind is COUNT and _nouns_agree(text.quantities[m].noun, text.quantities[counts[0]].noun)
                      and text.quantities[m].noun), None)
        if whole is not None:
            yield _candidate("subset", "N things: A completed, B under way",
                             [("whole", text.quantities[whole])] + [("part", text.quantities[c]) for c in counts],
                             assumes=f'the {text.quantities[counts[0]].noun} by status are among the {text.quantities[whole].text} named before')


def _names_a_status(text: _Text, sentence: int) -> bool:
    return _any_between(text.cues("status"), *text.sentence_spans[sentence])


_CLAUSE_START = re.compile(r"(?:[;:]|\band\b|\bwhile\b|,)\s*(?=[^;:,]*\Z)", re.I)


def _kinds_of_a_thing(text: _Text, found: list[Candidate]) -> Iterator[Candidate]:
    """ "Rough wood (logs) rose $80 million. Untreated logs rose $57 million; treated logs
    rose $19 million": kinds of one thing (one head word, two modifiers), each changing,
    are parts of the earlier change of the thing they name."""
    change_words = text.cues("change")
    for sentence, members in _semicolon_sentences(text):
        if len(members) < 2 or not _any_between(change_words, text.sentence_spans[sentence][0],
                                                text.sentence_spans[text.sentence_of[members[-1]]][1]):
            continue  # a figure changes only by a change word in its sentence: a first look
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
        while following < len(text.sentence_spans) and _ends_with_semicolon(text.text, text.sentence_spans[following][0]):
            members.extend(text.sentence_members[following])
            following += 1
        yield sentence, tuple(members)
        sentence = following


def _ends_with_semicolon(source: str, offset: int) -> bool:
    """Whether the last character before ``offset`` that is not a space is a semicolon."""
    while offset > 0 and source[offset - 1].isspace():
        offset -= 1
    return offset > 0 and source[offset - 1] == ";"


_SUBJECT_END = re.compile(rf"\b(?:{_INCREASE}|{_DECREASE}|was|were|is|are)\b", re.I)  # the verb after a subject


def _subject_head(text: _Text, index: int) -> tuple[str, str] | None:
    """ "untreated logs rose $57 million" -> ("log", "untreated"): the head word of the
    clause's subject and the one word before it."""
    sentence_start = text.sentence_spans[text.sentence_of[index]][0]
    lead = text.text[max(sentence_start, text.quantities[index].start - 80):text.quantities[index].start]
    clause = _CLAUSE_START.search(lead)
    lead = lead[clause.end():] if clause else lead
    change = _SUBJECT_END.search(lead)
    words = _WORD.findall(lead[:change.start()] if change else "")
    if len(words) != 2 or words[1].lower() in lex.NOUN_STOPWORDS:
        return None
    return _stem(words[1]), words[0].lower()


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
    subject = next((w for w in wholes if text.quantities[w].kind is COUNT), None)
    if subject is None or len(parts) < 2 or any(text.quantities[p].kind is not COUNT for p in parts):
        return
    yield _candidate("subset", "T ... Including A, B and C", [("whole", text.quantities[subject])]
                     + [("part", text.quantities[p]) for p in parts],
                     assumes=f'the things counted after "Including" are among the {text.quantities[subject].text}')


def _list_stop(text: _Text, cue: re.Match[str], end: int) -> int:
    """Where a cue's list of parts ends: where another list starts or a comparison begins;
    at the closing parenthesis of "(including ...)"; and an "of which" list, nested in
    another, at the clause's end ("including 1.6, of which 0.9 ..., and 1.1 ...")."""
    stops = [end]
    caseless = text.caseless()
    after = _LIST_END.search(caseless, cue.end(), end) if caseless is not None \
        else _LIST_END_I.search(text.text, cue.end(), end)
    if after is not None:
        stops.append(after.start())
    if text.text[max(0, cue.start() - 2):cue.start()].strip().endswith("(") and (close := text.text.find(")", cue.end(), end)) >= 0:
        stops.append(close)
    if cue.group().lower().startswith("of which") and (clause := _CLAUSE_BREAK.search(text.text, cue.end(), end)):
        stops.append(clause.start())
    return min(stops)


_NESTED_CUE = re.compile(r"\b(?:of\s+which|including|of\s+them|among\s+them)\b", re.I)
_HEADS_A_LIST = re.compile(r"\A\s*(?:of\s+(?:which|them|these)|among\s+them)\b", re.I)


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


_WHITE_SPACE = re.compile(r"\s*")
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
        if noun:  # "341 doctors and ...": skip the noun too (a look at the next word, not the rest of the text)
            word = _WHITE_SPACE.match(text.text, cursor).end()
            if text.text.startswith(noun, word):
                cursor = word + len(noun)
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
            key = (COUNT if quantity.kind is NUMBER else quantity.kind, quantity.unit)
            if _is_measure(quantity) and key not in seen_units:
                seen_units.add(key)
                parts.append(member)
    return parts


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
