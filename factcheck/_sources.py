"""Input files as checkable text: plain text, Markdown, HTML and Word .docx.

Every format becomes a ``Source``: the prose to check, and a map from offsets in that
prose back to the line and column of the file (or the paragraph of a .docx).  For text,
Markdown and HTML the prose keeps the file's length: what is not prose (code, markup,
scripts, link targets, front matter) is blanked with spaces, newlines kept, so an offset
in the prose is the same offset in the file.

Markdown is read with markdown-it-py's token stream: block tokens give the line ranges
of code, HTML and paragraphs; a few of its inline rules are wrapped to record where code
spans, link targets, autolinks, inline HTML, entities, escapes and emphasis marks sit in
each paragraph, and those positions are mapped back to the file line by line.  HTML is
read with the standard library's ``html.parser``, event by event.  Both may put a
character other than the file's in the prose (a block tag's paragraph break, an
entity's character, "•" for an ordered list marker, a heading's "#") but never move an
offset, with one exception: a figure grouped by character references ("1&nbsp;234")
is written whole from its first digit, so it starts where it does in the file but ends
earlier.
"""

from __future__ import annotations

import bisect
import glob
import html
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from functools import cache, cached_property
from html.parser import HTMLParser
from typing import Any

import attrs

from ._source import MAX_BYTES, InputError, decode

__all__ = [
    "DEFAULT_EXTENSIONS", "FORMATS", "Source", "Suppression", "collect_paths", "load_source", "load_text_source",
]

FORMATS = ("text", "markdown", "html", "docx")
DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".asc": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}

# .docx archives: what a Word file never needs, and a zip bomb always does
MAX_DOCX_ENTRIES = 2000
MAX_DOCX_UNPACKED = 64 * 1024 * 1024
MAX_DOCX_RATIO = 200


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
    # Markdown and HTML: where each line of the *file* starts (the prose may hold a
    # paragraph break where the file has a tag); empty means the lines of ``text``.
    line_starts: tuple[int, ...] = ()

    @cached_property
    def _line_starts(self) -> list[int]:
        return _newline_starts(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of an offset in ``text``; for a .docx, the
        paragraph number and the column within the paragraph."""
        if self.format == "docx":
            starts: tuple[int, ...] | list[int] = self.paragraph_starts or (0,)
        else:
            starts = self.line_starts or self._line_starts
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return index + 1, offset - starts[index] + 1


def _newline_starts(text: str) -> list[int]:
    """Where each line starts; lines end at "\\n" (a lone "\\r" ends none, as everywhere)."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def load_text_source(path: str, data: bytes) -> Source:
    return load_source(path, data, "text")


def load_source(path: str, data: bytes, format: str | None = None) -> Source:
    """Read a file's bytes as a ``Source``; ``format`` None means by the file's extension
    (anything unknown is plain text).  Bad input raises ``InputError`` naming the file."""
    if format is None:
        format = format_of(path)
    if format not in FORMATS:
        raise InputError(f"{path}: unknown format {format!r} (one of {', '.join(FORMATS)})")
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB; not a press release")
    if format == "docx":
        return _docx_source(path, data)
    text = decode(data, path)
    if format == "markdown":
        return _markdown_source(path, text)
    if format == "html":
        return _html_source(path, text)
    return Source(path=path, text=text, format="text")


def format_of(path: str) -> str:
    """The format a file's extension names; plain text when it names none we know."""
    return _BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


# -- shared: blanking, entities, suppression comments ------------------------------------

def _normalized(text: str) -> str:
    """The text with "\\r\\n" as " \\n" and a lone "\\r" as "\\n": same length, same lines."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def _blank(chars: list[str], text: str, start: int, end: int, lead: str = "") -> None:
    """Spaces over ``text[start:end]``, newlines kept; ``lead`` (a paragraph break) first."""
    for index in range(start, end):
        if text[index] != "\n":
            chars[index] = " "
    if lead and end > start:
        lead = lead if end - start >= len(lead) else lead[: end - start]
        for index, char in enumerate(lead, start):
            chars[index] = char


_DIGIT_AFTER = re.compile(r"[ \t]*[0-9]")


def _place_references(chars: list[str], text: str, references: Iterable[tuple[int, int, str]]) -> None:
    """Character references become their characters padded with spaces to the same length.

    Adjacent references are packed together ("&euro;&nbsp;" is "€\\u00a0" and spaces), and
    a run the figure follows is right-aligned ("&euro;5" is "     €5") so that a currency
    sign stays next to its figure; any other run is left-aligned ("5&#37;" is "5%    ")."""
    runs: list[list[Any]] = []
    for start, end, decoded in sorted(references):
        if runs and runs[-1][1] == start:
            runs[-1][1] = end
            runs[-1][2] += decoded
        else:
            runs.append([start, end, decoded])
    index = 0
    while index < len(runs):
        last = _grouped_digits(chars, runs, index)
        if last >= 0:
            _compact_groups(chars, runs[index:last + 1])
            index = last + 1
            continue
        start, end, decoded = runs[index]
        width = end - start
        decoded = decoded.replace("\r", " ")[:width]
        padding = " " * (width - len(decoded))
        placed = padding + decoded if _DIGIT_AFTER.match(text, end) else decoded + padding
        chars[start:end] = list(placed)
        index += 1


_GROUP_SEPARATORS = frozenset("\u00a0\u202f\u2009 ")


def _three_digits(chars: list[str], offset: int) -> bool:
    group = chars[offset:offset + 4]
    return (len(group) >= 3 and all(char in _DIGITS for char in group[:3])
            and not (len(group) == 4 and group[3] in _DIGITS))


_DIGITS = frozenset("0123456789")


def _grouped_digits(chars: list[str], runs: list[list[Any]], index: int) -> int:
    """The last run of a figure grouped by references ("1&nbsp;234&nbsp;567"), or -1."""
    start, end, decoded = runs[index]
    lead = 0
    while start - lead - 1 >= 0 and chars[start - lead - 1] in _DIGITS:
        lead += 1
    if not 1 <= lead <= 3 or decoded not in _GROUP_SEPARATORS or not _three_digits(chars, end):
        return -1
    last = index
    while (last + 1 < len(runs) and runs[last + 1][0] == runs[last][1] + 3
           and runs[last + 1][2] in _GROUP_SEPARATORS and _three_digits(chars, runs[last + 1][1])):
        last += 1
    return last


def _compact_groups(chars: list[str], runs: list[list[Any]]) -> None:
    """ "1&nbsp;234" is "1\\u00a0234" and spaces: the figure reads whole and starts where it
    does in the file; only its end moves left, and a "%" or punctuation right after it
    moves with it ("3&nbsp;456%" is "3\\u00a0456%" and spaces)."""
    start, stop = runs[0][0], runs[-1][1] + 3
    while stop < len(chars) and chars[stop] in _PULLED and stop - runs[-1][1] < 8:
        stop += 1
    compact = "".join(decoded + "".join(chars[end:end + 3]) for _, end, decoded in runs)
    compact += "".join(chars[runs[-1][1] + 3:stop])
    chars[start:stop] = list(compact + " " * (stop - start - len(compact)))


_PULLED = frozenset("%‰.,;:!?)")


_DIRECTIVE_START = re.compile(r"\s*factcheck\b", re.I)
_DIRECTIVE = re.compile(
    r"\s*factcheck[ \t]*:[ \t]*ignore(?:[ \t]*\[(?P<codes>[^\]\n]*)\])?(?P<reason>(?:\s.*)?)\Z", re.I | re.S
)
_RULE_CODE = re.compile(r"[A-Za-z]{2}[0-9]{2,3}\Z")
_CODE_FIRST = re.compile(r"[A-Za-z]{2}[0-9]{2,3}\b")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
_NON_SPACE = re.compile(r"\S")


@attrs.frozen
class _Comment:
    start: int  # "<!--" in the file
    end: int  # after "-->"
    body: str  # between the markers
    inline: bool = False  # inside a Markdown paragraph


def _suppressions(path: str, text: str, prose: str, line_starts: list[int],
                  comments: Iterable[_Comment]) -> tuple[Suppression, ...]:
    """The factcheck comments among ``comments``, each with the paragraph it covers: the
    next block of the prose after the comment, up to a blank line."""
    found = []
    for comment in comments:
        if not _DIRECTIVE_START.match(comment.body):
            continue
        line = bisect.bisect_right(line_starts, comment.start)
        shown = " ".join(comment.body.split())[:60]
        expected = "expected <!-- factcheck: ignore[FC01,FC03] reason -->"
        match = _DIRECTIVE.match(comment.body)
        if match is None:
            raise InputError(f"{path}:{line}: malformed factcheck comment {shown!r}; {expected}")
        codes: set[str] = set()
        if match["codes"] is not None:
            parts = [part.strip() for part in match["codes"].split(",")]
            if not parts or not all(_RULE_CODE.match(part) for part in parts):
                raise InputError(f"{path}:{line}: malformed rule codes in factcheck comment {shown!r}; {expected}")
            codes = {part.upper() for part in parts}
        reason = " ".join(match["reason"].split())
        if match["codes"] is None and _CODE_FIRST.match(reason):
            raise InputError(f"{path}:{line}: put the rule codes of a factcheck comment in brackets: "
                             f"ignore[{reason.split()[0].upper()}]; {expected}")
        line_start = text.rfind("\n", 0, comment.start) + 1
        line_end = text.find("\n", comment.end)
        after = text[comment.end: len(text) if line_end < 0 else line_end]
        if comment.inline or text[line_start:comment.start].strip(" \t>") or after.strip():
            raise InputError(f"{path}:{line}: a factcheck comment must stand on its own line")
        first = _NON_SPACE.search(prose, comment.end)
        if first is None:
            raise InputError(f"{path}:{line}: factcheck comment is not followed by a paragraph")
        start = first.start()
        stop = _PARAGRAPH_BREAK.search(prose, start)
        end = len(prose.rstrip()) if stop is None else len(prose[:stop.start()].rstrip())
        found.append(Suppression(line=line, codes=frozenset(codes), reason=reason, start=start, end=end))
    return tuple(found)


_URL = re.compile(r"(?<![\w@.\-/])(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]+", re.I)
_URL_TAIL = ".,;:!?)]}'\"*_"


def _blank_urls(chars: list[str], prose: str) -> None:
    """Bare URLs in the prose ("www.example.com/2023/05") hold no figures of the release."""
    for match in _URL.finditer(prose):
        url = match.group().rstrip(_URL_TAIL)
        for index in range(match.start(), match.start() + len(url)):
            chars[index] = " "


# -- HTML --------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    """p div li h1 h2 h3 h4 h5 h6 tr br section article blockquote table ul ol dl dt dd header footer
    address aside body caption center details fieldset figcaption figure form hr html main nav pre
    summary title thead tbody tfoot legend option""".split()
)
_HIDDEN_TAGS = frozenset("script style template noscript svg iframe object canvas".split())


class _Events(HTMLParser):
    """Every construct of an HTML text with the offset where it starts."""

    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[int, str, str]] = []  # (offset, kind, tag name or comment text)
        self._base = base
        self._starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def _add(self, kind: str, value: str = "") -> None:
        line, column = self.getpos()
        self.events.append((self._base + self._starts[line - 1] + column, kind, value))

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self._add("startend", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data")

    def handle_entityref(self, name: str) -> None:
        self._add("ref")

    def handle_charref(self, name: str) -> None:
        self._add("ref")

    def handle_comment(self, data: str) -> None:
        self._add("comment", data)

    def handle_decl(self, decl: str) -> None:
        self._add("markup")

    def handle_pi(self, data: str) -> None:
        self._add("markup")

    def unknown_decl(self, data: str) -> None:
        self._add("markup")


def _html_prose(path: str, text: str, chars: list[str], start: int, end: int) -> list[_Comment]:
    """Blank the markup of ``text[start:end]`` in ``chars``; return its comments."""
    parser = _Events(text[start:end], start)
    try:
        parser.feed(text[start:end])
        parser.close()
    except Exception as error:  # html.parser is lenient; this is a last resort
        raise InputError(f"{path}: cannot read as HTML: {error}") from None
    events = sorted(parser.events, key=lambda event: event[0])
    hidden = {tag: 0 for tag in _HIDDEN_TAGS}
    in_head = in_title = False
    references: list[tuple[int, int, str]] = []
    comments: list[_Comment] = []
    for index, (offset, kind, value) in enumerate(events):
        stop = events[index + 1][0] if index + 1 < len(events) else end
        if stop <= offset:
            continue
        if kind in ("start", "end", "startend"):
            tag = value.lower()
            if tag in _HIDDEN_TAGS and kind != "startend":
                hidden[tag] = hidden[tag] + 1 if kind == "start" else max(0, hidden[tag] - 1)
            elif tag == "head":
                in_head = kind == "start"
            elif tag == "body":
                in_head = False
            elif tag == "title":
                in_title = kind == "start"
            _blank(chars, text, offset, stop, "\n\n" if tag in _BLOCK_TAGS else "")
            continue
        skipped = any(hidden.values()) or (in_head and not in_title)
        if kind == "data":
            if skipped:
                _blank(chars, text, offset, stop)
        elif kind == "ref" and not skipped:
            references.append((offset, stop, html.unescape(text[offset:stop])))
        else:
            _blank(chars, text, offset, stop)
            if kind == "comment":
                comments.append(_Comment(offset, stop, value))
    _place_references(chars, text, references)
    return comments


def _html_source(path: str, text: str) -> Source:
    normalized = _normalized(text)
    chars = list(normalized)
    comments = _html_prose(path, normalized, chars, 0, len(normalized))
    _blank_urls(chars, "".join(chars))
    prose = "".join(chars)
    line_starts = _newline_starts(text)
    return Source(
        path=path, text=prose, format="html", line_starts=tuple(line_starts),
        suppressions=_suppressions(path, normalized, prose, line_starts, comments),
    )


# -- Markdown ----------------------------------------------------------------------------

@attrs.define
class _Recorder:
    """Where the wrapped inline rules found their constructs in one paragraph's source."""

    src: str
    spans: list[tuple[str, int, int]] = attrs.Factory(list)


_KEY = "factcheck_recorder"
_POSITION = "factcheck_position"
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n")


def _recording(kind: str, original: Callable[..., bool]) -> Callable[..., bool]:
    from markdown_it.helpers import parseLinkLabel

    def rule(state: Any, silent: bool) -> bool:
        recorder = state.env.get(_KEY)
        if silent or recorder is None or state.src is not recorder.src:
            return original(state, silent)
        start = state.pos
        label_end = -1
        if kind == "link" and state.src[start] == "[":
            label_end = parseLinkLabel(state, start, True)
        elif kind == "image" and state.src.startswith("![", start):
            label_end = parseLinkLabel(state, start + 1, False)
        if not original(state, silent):
            return False
        end = state.pos
        if kind in ("link", "image"):
            if 0 <= label_end < end:
                recorder.spans.append(("blank", label_end + 1, end))  # "(url "title")" or "[id]"
        elif kind == "escape":
            if state.src[start + 1: start + 2] in _ESCAPABLE:
                recorder.spans.append(("blank", start, start + 1))  # the backslash
        elif kind == "emphasis":
            # one text token per delimiter character; the post-processing rule below
            # blanks those that became emphasis
            for offset, token in enumerate(state.tokens[len(state.tokens) - (end - start):], start):
                token.meta[_POSITION] = offset
        else:
            recorder.spans.append((kind, start, end))
        return True

    return rule


def _mark_emphasis(state: Any) -> None:
    recorder = state.env.get(_KEY)
    if recorder is None or state.src is not recorder.src:
        return
    for token in state.tokens:
        offset = token.meta.get(_POSITION) if token.meta else None
        if offset is not None and (token.type != "text" or token.content == ""):
            recorder.spans.append(("blank", offset, offset + 1))


@cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.core.ruler.disable(["inline", "text_join"])  # inline runs per paragraph, recorded
    kinds = {"backticks": "blank", "autolink": "blank", "html_inline": "html", "entity": "entity",
             "link": "link", "image": "image", "escape": "escape", "emphasis": "emphasis"}
    originals = {rule.name: rule.fn for rule in parser.inline.ruler.__rules__}
    for name, kind in kinds.items():
        parser.inline.ruler.at(name, _recording(kind, originals[name]))
    parser.inline.ruler2.before("fragments_join", "factcheck_emphasis", _mark_emphasis)
    return parser


_FRONT_MATTER = re.compile(r"(---|\+\+\+)[ \t]*\n")
_LIST_MARKER = re.compile(r"([0-9]{1,9}[.)]|[-+*])(?=[ \t]|$)")
_QUOTE_PREFIX = re.compile(r"(?:[ \t]*>)*[ \t]*")
_QUOTE_MARKERS = re.compile(r"(?:[ \t]*>)+")
_HEADING_OPEN = re.compile(r"[^#]*(#+)")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,60}\]")
_LEAF_BLOCKS = frozenset("paragraph_open heading_open fence code_block html_block hr table_open".split())


def _front_matter_lines(text: str) -> int:
    """How many lines the YAML (---) or TOML (+++) front matter at the top takes; 0 if none."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return 0
    closers = ("---", "...") if match.group(1) == "---" else ("+++",)
    for number, line in enumerate(text.split("\n")[1:], 1):
        if line.rstrip() in closers:
            return number + 1
        if not line.strip():
            return 0  # "---", a blank line: a thematic break, not front matter
    return 0


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, line: int) -> tuple[int, int]:
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return start, end

    def line(self, line: int) -> str:
        start, end = self.span(line)
        return self.text[start:end]


def _align(piece: str, line: str, low: int, suffix: bool) -> list[int | None]:
    """Columns of ``line`` where the characters of ``piece`` (one line of a paragraph as
    markdown-it saw it) sit, None where unknown.  A paragraph's line is the file's line
    less a prefix (indent, ">" and list markers); a cell's or heading's is found in it."""
    core = piece.strip(" \t")
    lead = len(piece) - len(piece.lstrip(" \t"))
    columns: list[int | None] = [None] * len(piece)
    if not core:
        return columns
    if suffix:
        trimmed = line.rstrip(" \t")
        at = len(trimmed) - len(core) if trimmed.endswith(core) else -1
    else:
        at = line.find(core, low)
    if at >= low:
        for offset in range(len(core)):
            columns[lead + offset] = at + offset
        return columns
    cursor = low  # escaped table pipes, tabs: match the characters in order
    found = []
    for char in core:
        cursor = line.find(char, cursor)
        if cursor < 0:
            return columns
        found.append(cursor)
        cursor += 1
    for offset, column in enumerate(found):
        columns[lead + offset] = column
    return columns


def _markdown_source(path: str, text: str) -> Source:
    normalized = _normalized(text)
    chars = list(normalized)
    lines = _Lines(normalized)
    front = _front_matter_lines(normalized)
    if front:
        start, _ = lines.span(0)
        _, end = lines.span(front - 1)
        _blank(chars, normalized, start, end)
    parser = _markdown_parser()
    env: dict[str, Any] = {}
    tokens = parser.parse("".join(chars) if front else normalized, env)

    covered = [False] * len(lines)
    for line in range(front):
        covered[line] = True
    quoted: set[int] = set()
    list_items: dict[int, int] = {}
    comments: list[_Comment] = []
    references: list[tuple[int, int, str]] = []
    table_line, table_cursor = -1, 0
    tables: list[tuple[int, bool]] = []  # a table's lines; True for its delimiter row
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in _LEAF_BLOCKS:
            for line in range(first, last):
                covered[line] = True
        if token.type in ("fence", "code_block"):
            _blank(chars, normalized, lines.span(first)[0], lines.span(last - 1)[1])
        elif token.type == "html_block":
            comments.extend(_html_prose(path, normalized, chars, lines.span(first)[0], lines.span(last - 1)[1]))
        elif token.type == "blockquote_open":
            quoted.update(range(first, last))
        elif token.type == "table_open":
            tables.extend((line, line == first + 1) for line in range(first, last))
        elif token.type == "list_item_open":
            list_items[first] = list_items.get(first, 0) + 1
        elif token.type == "inline":
            parent = tokens[index - 1].type if index else ""
            if parent in ("th_open", "td_open"):
                if first != table_line:
                    table_line, table_cursor = first, 0
                columns = _align(token.content, lines.line(first), table_cursor, suffix=False)
                known = [column for column in columns if column is not None]
                table_cursor = known[-1] + 1 if known else table_cursor
                offsets = [None if c is None else lines.starts[first] + c for c in columns]
            elif parent == "heading_open" and tokens[index - 1].markup.startswith("#"):
                opening = _HEADING_OPEN.match(lines.line(first))
                if opening:  # "## Title" is " • Title": a paragraph of its own for the document stage
                    start = lines.starts[first]
                    chars[start + opening.start(1): start + opening.end(1)] = (
                        [" "] * (len(opening.group(1)) - 1) + ["•"])
                columns = _align(token.content, lines.line(first), opening.end() if opening else 0, suffix=False)
                offsets = [None if c is None else lines.starts[first] + c for c in columns]
            else:
                offsets = []
                for number, piece in enumerate(token.content.split("\n")):
                    if number:
                        offsets.append(None)  # the newline
                    line = first + number
                    if line >= len(lines):
                        offsets.extend([None] * len(piece))
                        continue
                    columns = _align(piece, lines.line(line), 0, suffix=True)
                    offsets.extend(None if c is None else lines.starts[line] + c for c in columns)
            _inline(path, parser, env, token.content, offsets, normalized, chars, comments, references)

    for line in range(len(lines)):
        if not covered[line]:  # reference definitions "[id]: url", bare list markers, ">"
            _blank(chars, normalized, *lines.span(line))
    for line, delimiter in tables:
        _table_row(chars, lines, line, delimiter)
    for line, count in list_items.items():
        _list_markers(chars, lines, line, count)
    for line in quoted:
        start, _ = lines.span(line)
        markers = _QUOTE_MARKERS.match(normalized, start)
        if markers:
            for offset in range(markers.start(), markers.end()):
                if normalized[offset] == ">":
                    chars[offset] = " "
    _place_references(chars, normalized, references)
    prose = "".join(chars)
    for match in _FOOTNOTE.finditer(prose):  # "[^1]": a footnote mark, not a figure
        chars[match.start():match.end()] = [" "] * (match.end() - match.start())
    _blank_urls(chars, "".join(chars))
    prose = "".join(chars)
    line_starts = _newline_starts(text)
    return Source(
        path=path, text=prose, format="markdown", line_starts=tuple(line_starts),
        suppressions=_suppressions(path, normalized, prose, line_starts, comments),
    )


def _inline(path: str, parser: Any, env: dict[str, Any], content: str, offsets: list[int | None],
            text: str, chars: list[str], comments: list[_Comment],
            references: list[tuple[int, int, str]]) -> None:
    """Parse one paragraph's inline content and blank what is not prose in the file."""
    recorder = _Recorder(content)
    env[_KEY] = recorder
    try:
        parser.inline.parse(content, parser, env, [])
    finally:
        del env[_KEY]
    for kind, start, end in recorder.spans:
        mapped = [offsets[index] for index in range(start, min(end, len(offsets)))]
        if kind == "entity":
            if mapped and None not in mapped and mapped[-1] - mapped[0] == len(mapped) - 1:
                references.append((mapped[0], mapped[-1] + 1, html.unescape(content[start:end])))
            continue
        for offset in mapped:
            if offset is not None and text[offset] != "\n":
                chars[offset] = " "
        if kind == "html" and content.startswith("<!--", start) and mapped and mapped[0] is not None:
            body = content[start + 4: end - 3] if content.endswith("-->", 0, end) else content[start + 4: end]
            comments.append(_Comment(mapped[0], mapped[0] + end - start, body, inline=True))


def _table_row(chars: list[str], lines: _Lines, line: int, delimiter: bool) -> None:
    """A table row's cells are kept apart by two spaces or more, as in a plain-text table:
    a pipe with a space beside it becomes a space, "a|b" keeps its pipe, and the
    delimiter row ("|---|:--:|") is blanked."""
    start, end = lines.span(line)
    text = lines.text
    if delimiter:
        _blank(chars, text, start, end)
        return
    for offset in range(start, end):
        if text[offset] != "|" or text[offset - 1: offset] == "\\":
            continue
        before = text[offset - 1] if offset > start else " "
        after = text[offset + 1] if offset + 1 < end else " "
        if before in " \t>" or after in " \t":
            chars[offset] = " "


def _list_markers(chars: list[str], lines: _Lines, line: int, count: int) -> None:
    """An ordered ("1.") or "+" list marker becomes "•": a paragraph break for the document
    stage, and no figure to read."""
    start, end = lines.span(line)
    text = lines.text
    cursor = _QUOTE_PREFIX.match(text, start, end).end()  # type: ignore[union-attr]
    for _ in range(count):
        marker = _LIST_MARKER.match(text, cursor, end)
        if marker is None:
            return
        if marker.group(1) not in ("-", "*"):
            chars[marker.start():marker.end()] = ["•"] + [" "] * (marker.end() - marker.start() - 1)
        cursor = _QUOTE_PREFIX.match(text, marker.end(), end).end()  # type: ignore[union-attr]


# -- Word .docx --------------------------------------------------------------------------

def _check_archive(path: str, data: bytes) -> None:
    """Refuse what is not a zip, or a zip that would unpack to far more than a release."""
    if not data.startswith(b"PK"):
        raise InputError(f"{path}: not a .docx file (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, KeyError):
        raise InputError(f"{path}: not a .docx file (not a valid zip archive)") from None
    if len(entries) > MAX_DOCX_ENTRIES:
        raise InputError(f"{path}: {len(entries)} entries in the archive (over {MAX_DOCX_ENTRIES}); not a release")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_DOCX_UNPACKED:
        raise InputError(f"{path}: would unpack to {unpacked // (1024 * 1024)} MiB "
                         f"(over {MAX_DOCX_UNPACKED // (1024 * 1024)} MiB); not a release")
    for entry in entries:
        if entry.file_size and (entry.compress_size == 0 or entry.file_size / entry.compress_size > MAX_DOCX_RATIO):
            ratio = "infinitely" if entry.compress_size == 0 else f"{entry.file_size // entry.compress_size}x"
            name = " ".join(entry.filename.split())[:80]
            raise InputError(f"{path}: archive entry {name!r} expands {ratio} (over {MAX_DOCX_RATIO}x); "
                             "a zip bomb, not a release")


def _docx_source(path: str, data: bytes) -> Source:
    _check_archive(path, data)
    try:
        import docx
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        paragraphs: list[str] = []

        def walk(container: Any) -> None:
            for item in container.iter_inner_content():
                if isinstance(item, Paragraph):
                    paragraphs.append(item.text)
                    continue
                seen = set()  # a merged cell appears once per grid cell it spans
                for row in item.rows:
                    for cell in row.cells:
                        if cell._tc not in seen:
                            seen.add(cell._tc)
                            walk(cell)

        walk(document)
    except InputError:
        raise
    except Exception as error:
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise InputError(f"{path}: not a readable Word .docx document ({reason})") from None
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    return Source(path=path, text="\n\n".join(paragraphs), format="docx", paragraph_starts=tuple(starts) or (0,))


# -- naming the files to check -----------------------------------------------------------

def collect_paths(arguments: list[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS) -> list[str]:
    """The files the arguments name, in order, each once: a file as it is (whatever its
    extension), a folder's files with one of ``extensions`` (recursively, sorted, hidden
    folders skipped), a glob pattern's matching files (sorted), and "-" for standard input."""
    wanted = tuple(extension.lower() for extension in extensions)
    paths: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == "-" else os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            paths.append(path)

    for argument in arguments:
        if argument == "-":
            add(argument)
        elif os.path.isdir(argument):
            found = _walk(argument, wanted)
            if not found:
                raise InputError(f"{argument}: no files to check in this folder (looked for {', '.join(wanted)})")
            for path in found:
                add(path)
        elif os.path.exists(argument):
            add(argument)
        elif glob.has_magic(argument):
            matches = [path for path in sorted(glob.glob(argument, recursive=True)) if not os.path.isdir(path)]
            if not matches:
                raise InputError(f"{argument}: no such file or folder")
            for path in matches:
                add(path)
        else:
            raise InputError(f"{argument}: no such file or folder")
    return paths


def _walk(folder: str, extensions: tuple[str, ...]) -> list[str]:
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(os.path.join(root, name) for name in files if name.lower().endswith(extensions))
    return sorted(found)
