"""The document stage: a text with its paragraphs, sentences and line positions.

Offsets everywhere are Python ``str`` offsets into the text as given, so every later
stage can point back to the source.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

__all__ = ["Document", "Span"]

Span = tuple[int, int]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n|\n(?=[ \t]*(?:[-•·*Ř]|\d+[.)])[ \t])")  # "\r\n" files too
# A sentence ends at . ! ? followed by space and a capital, digit or quote, unless the
# dot belongs to an abbreviation or a number ("Oct. 11", "Rs. 190", "2.4").
_ABBREVIATIONS = (
    "Rs No Nos Mr Mrs Ms Dr St vs sq etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Co Ltd Corp "
    "approx est Art Fig Vol p pp"
).split()
# A sentence ends at . ! ? followed by space and a capital, digit or quote, unless the dot
# ends an abbreviation or an initial ("Oct. 11", "Rs. 190", "J. Smith"); the checks run
# only where a stop is found, so splitting stays fast: the pattern opens with the class of
# every stop character, which lets the engine skip the text between stops, and looks
# ahead for the next sentence before it looks back for an abbreviation.
_SENTENCE_END = re.compile(
    r"""[.!?;:\n](?:(?<=[.!?])[.!?]*(?=["”’)]*(?:\s+["“‘(]?[A-Z0-9«]|\s*$))(?<!\b[A-Z]\.)"""
    + "".join(rf"(?<!\b{word}\.)" for word in _ABBREVIATIONS)
    + r"""["”’)]*|(?<=;)(?=\s)|(?<=:)(?=\s*\n)|(?<=\n)(?=[ \t\r]*\n))"""
)


class Document:
    """A text split into paragraphs and sentences, with offsets kept to the source."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _line_starts(self) -> list[int]:
        # lines end at "\n" (a "\r\n" pair included), as editors, git and GitHub count them
        return [0, *(m.end() for m in re.finditer(r"\n", self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end].rstrip("\r\n")

    @cached_property
    def paragraphs(self) -> list[Span]:
        return _split(self.text, _PARAGRAPH_BREAK, 0, len(self.text))

    @cached_property
    def sentences(self) -> list[Span]:
        sentences: list[Span] = []
        for start, end in self.paragraphs:
            sentences.extend(_split(self.text, _SENTENCE_END, start, end, keep_delimiter=True))
        return sentences

    def paragraph_of(self, offset: int) -> Span:
        return _containing(self.paragraphs, offset)

    def sentence_of(self, offset: int) -> Span:
        return _containing(self.sentences, offset)


def _split(text: str, boundary: re.Pattern[str], start: int, end: int, keep_delimiter: bool = False) -> list[Span]:
    spans = []
    cursor = start
    for match in boundary.finditer(text, start, end):
        span = _trim(text, cursor, match.end() if keep_delimiter else match.start())
        if span[0] < span[1]:
            spans.append(span)
        cursor = match.end()
    span = _trim(text, cursor, end)
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    """The span without its leading and trailing white space (str.strip's, in C)."""
    segment = text[start:end]
    stripped = segment.lstrip()
    start += len(segment) - len(stripped)
    return start, start + len(stripped.rstrip())


def _containing(spans: list[Span], offset: int) -> Span:
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1  # type: ignore[arg-type]
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return spans[index]
    return offset, offset
