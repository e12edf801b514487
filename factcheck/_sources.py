"""Input files as checkable text: plain text, Markdown, HTML and Word .docx.

Every format becomes a ``Source``: the prose to check, and a map from offsets in that
prose back to the line and column of the file (or the paragraph of a .docx).  For text,
Markdown and HTML the prose keeps the file's length: what is not prose (code, markup,
scripts, link targets, front matter) is blanked with spaces, newlines kept, so an offset
in the prose is the same offset in the file.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

import attrs

from ._source import decode

__all__ = ["Source", "Suppression", "load_text_source"]


@attrs.frozen
class Suppression:
    """An own-line ``<!-- factcheck: ignore[CODE] reason -->`` comment and the paragraph it covers."""

    line: int  # the comment's line in the file
    codes: frozenset[str]  # rule codes; empty means every rule
    reason: str
    start: int  # the covered paragraph's span in the prose
    end: int


@attrs.frozen
class Source:
    path: str  # as the user named it; "<stdin>" (or --stdin-filename) for standard input
    text: str  # the prose to check
    format: str  # "text", "markdown", "html" or "docx"
    paragraph_starts: tuple[int, ...] = ()  # .docx: where each paragraph starts in ``text``
    suppressions: tuple[Suppression, ...] = ()

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of an offset in ``text``; for a .docx, the
        paragraph number and the column within the paragraph."""
        starts = list(self.paragraph_starts) if self.format == "docx" else self._line_starts
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return index + 1, offset - starts[index] + 1


def load_text_source(path: str, data: bytes) -> Source:
    return Source(path=path, text=decode(data, path), format="text")
