"""Input formats: factcheck/_sources.py turns text, Markdown, HTML and .docx into prose.

Contract: for text, Markdown and HTML the prose has the file's length and every figure
sits at its offset in the file, so ``Source.position`` gives the file's line and column;
what is not prose (code, front matter, link targets, scripts, markup) is blanked so no
figure in it is ever read.  A .docx is its paragraphs joined by blank lines and a
position is (paragraph, column).  Bad input is one ``InputError`` line naming the file.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest

import factcheck
from factcheck._document import Document
from factcheck._source import InputError
from factcheck._sources import Source, Suppression, collect_paths, format_of, load_source


def file_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset, counted on the file itself."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def found(source: Source) -> list[str]:
    return [quantity.text for quantity in factcheck.extract(source.text)]


def assert_positions_point_to_file(source: Source, original: str) -> None:
    quantities = factcheck.extract(source.text)
    assert quantities
    for quantity in quantities:
        if "&" in original[quantity.start:quantity.end]:
            continue  # a character reference: the prose holds its character, not its spelling
        assert original[quantity.start:quantity.end] == source.text[quantity.start:quantity.end] == quantity.text
        assert source.position(quantity.start) == file_position(original, quantity.start)


# -- formats ----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("a.txt", "text"), ("a.TEXT", "text"), ("notes.asc", "text"), ("README", "text"), ("a.pdf", "text"),
    ("a.md", "markdown"), ("a.Markdown", "markdown"), ("a.html", "html"), ("a.HTM", "html"),
    ("a.xhtml", "html"), ("a.docx", "docx"), ("<stdin>", "text"),
])
def test_format_by_extension(name: str, expected: str) -> None:
    assert format_of(name) == expected


def test_text_is_the_file_as_it_is() -> None:
    text = "Revenue rose 12% to $5 million.\n\n`code 7` stays text.\n"
    source = load_source("release.txt", text.encode())
    assert (source.format, source.text) == ("text", text)
    assert source.position(text.index("$5")) == (1, 21)
    assert "7" in found(source)


def test_explicit_format_wins_over_the_extension() -> None:
    assert load_source("-", b"Hi `code 7` 5", "markdown").format == "markdown"
    assert "7" not in found(load_source("-", b"Hi `code 7` 5", "markdown"))
    with pytest.raises(InputError, match="unknown format"):
        load_source("a.txt", b"x", "pdf")


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_bad_text_input_is_one_line_naming_the_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match=rf"^{name}: binary data"):
        load_source(name, b"Revenue \x00\x01 5%")
    with pytest.raises(InputError, match=rf"^{name}: not valid UTF-8"):
        load_source(name, b"Revenue \xff 5%")
    monkeypatch.setattr("factcheck._sources.MAX_BYTES", 10)
    with pytest.raises(InputError, match=rf"^{name}: larger than"):
        load_source(name, b"Revenue rose 5% this year")


def test_encodings() -> None:
    text = "# Title\n\nSales of €5 million, `code 9`.\n"
    for data in (text.encode(), codecs.BOM_UTF8 + text.encode(), codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
                 codecs.BOM_UTF16_BE + text.encode("utf-16-be")):
        source = load_source("a.md", data)
        assert found(source) == ["€5 million"]
        assert source.position(source.text.index("€")) == (3, 10)


# -- Markdown ---------------------------------------------------------------------------

MARKDOWN = """\
---
title: Results for 901
budget: 902
---

# Results for 2023 ###

Revenue rose **12%** to $5 million, see [the report](https://example.com/903/x "Title 904")
and `code 905` and <https://example.com/906> and <span data-x="907">inline HTML</span>.
An image ![chart](img/908.png) and a [reference link][ref] to 41 members; _6 million_ users.
Escaped \\$8 stays a figure and a bare www.example.com/909 link does not.

```python
revenue = 910
```

    indented_code = 911

<div class="note">
Div text with 17 members.
<script>var total = 912;</script>
<!-- a comment with 913 -->
</div>

- first item of 3
+ second item of 4
7. seventh item of 5
   lazy line of 6

> quoted 9 percent
> - quoted item 10

| Item | Value |
|------|-------|
| Sales | 11 `914` |
| Cost | 12 \\| 13 |

[ref]: https://example.com/915 "Reference 916"
Footnote mark[^917] here.
"""


def test_markdown_keeps_the_file_length_and_every_newline() -> None:
    source = load_source("release.md", MARKDOWN.encode())
    assert source.format == "markdown"
    assert len(source.text) == len(MARKDOWN)
    assert all(source.text[i] == "\n" for i, c in enumerate(MARKDOWN) if c == "\n")
    extra = [i for i, c in enumerate(source.text) if c == "\n" and MARKDOWN[i] != "\n"]
    assert extra and all("<" in MARKDOWN[i - 1:i + 1] for i in extra)  # the raw HTML block's tags: "\n\n"


def test_markdown_hides_code_front_matter_links_and_html() -> None:
    source = load_source("release.md", MARKDOWN.encode())
    texts = found(source)
    assert not [text for text in texts if text.startswith("9") and len(text) == 3], texts
    for hidden in range(901, 918):
        assert str(hidden) not in source.text
    for visible in ("12%", "$5 million", "41", "6 million", "$8", "17", "9 percent", "11", "12", "13"):
        assert visible in texts


def test_markdown_positions_point_to_the_file() -> None:
    source = load_source("release.md", MARKDOWN.encode())
    assert_positions_point_to_file(source, MARKDOWN)
    quantity = next(q for q in factcheck.extract(source.text) if q.text == "$5 million")
    assert source.position(quantity.start) == (8, 25)


def test_markdown_link_labels_stay_prose() -> None:
    text = "Read [the 2023 report of 14 pages](https://example.com/a/15) now.\n"
    source = load_source("a.md", text.encode())
    assert source.text.startswith("Read [the 2023 report of 14 pages]")
    assert "15" not in source.text
    assert "14" in found(source)


def test_markdown_blocks_become_paragraphs() -> None:
    text = "Intro of 1 item.\n\n- alpha 2\n- beta 3\n1. gamma 4\n2) delta 5\n+ epsilon 6\n\n## Head 7\n"
    source = load_source("a.md", text.encode())
    document = Document(source.text)
    paragraphs = [source.text[start:end] for start, end in document.paragraphs]
    assert len(paragraphs) == 7
    assert paragraphs[0] == "Intro of 1 item."
    assert paragraphs[3].startswith("•") and paragraphs[3].endswith("gamma 4")
    assert found(source) == ["1", "2", "3", "4", "5", "6", "7"]  # the list's "1." and "2)" are no figures


def test_markdown_table_rows_keep_their_cells_apart() -> None:
    text = "| Item | 2023 |\n|---|---|\n| Sales | (41.2) |\n"
    source = load_source("a.md", text.encode())
    assert source.text.splitlines()[2] == "  Sales   (41.2)  "
    quantity = next(q for q in factcheck.extract(source.text) if "41.2" in q.text)
    assert quantity.value < 0  # read as a table's accounting negative
    assert source.position(quantity.start) == (3, 11)


def test_markdown_entities_become_their_characters() -> None:
    text = "Sales of &euro;5&nbsp;million &amp; 7&#37; of &#x20B8;9 &#8212; that is all.\n"
    source = load_source("a.md", text.encode())
    assert len(source.text) == len(text)
    values = {(q.unit, q.value) for q in factcheck.extract(source.text)}
    assert {("EUR", 5_000_000), ("percent", 7), ("KZT", 9)} <= values
    assert "8212" not in source.text and "20B8" not in source.text
    assert "&" in source.text and "—" in source.text


def test_markdown_crlf_lines() -> None:
    text = "Title 1\r\n\r\nSome `code 5` text 7 here\r\nand 9\r\n"
    source = load_source("a.md", text.encode())
    assert len(source.text) == len(text)
    assert found(source) == ["1", "7", "9"]
    assert source.position(text.index("9")) == (4, 5)
    assert len(Document(source.text).paragraphs) == 2


def test_a_thematic_break_is_not_front_matter() -> None:
    text = "---\n\nRevenue 5\n\n---\n"
    assert found(load_source("a.md", text.encode())) == ["5"]


def test_toml_front_matter() -> None:
    text = "+++\nyear = 1999\n+++\nRevenue 5\n"
    assert found(load_source("a.md", text.encode())) == ["5"]


# -- HTML -------------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html><head><title>Results of 2 quarters</title>
<meta name="x" content="901"><style>p { width: 902px }</style>
<script>var revenue = 903;</script></head>
<body>
<h1>Revenue up 12%</h1><p>Sales were &euro;5&nbsp;million, or 40% of the total.</p><p>Next we hired 7</p>
<table><tr><th>Item</th><th>Value</th></tr><tr><td>Sales</td><td>(41.2)</td></tr></table>
<a href="https://example.com/904">link text 8</a> <template><p>hidden 905</p></template>
<noscript>906</noscript><!-- comment 907 --><img src="908.png" alt="909">
<ul><li>one of 3</li><li>two of 4</li></ul>first 5<br>second 6
<p>Visit www.example.com/910 or https://example.com/911.</p>
</body></html>
"""


def test_html_keeps_the_file_length_and_hides_markup() -> None:
    source = load_source("release.html", HTML.encode())
    assert source.format == "html"
    assert len(source.text) == len(HTML)
    for hidden in range(901, 912):
        assert str(hidden) not in source.text
    assert "Results of 2 quarters" in source.text  # the title stays prose
    texts = found(source)
    for visible in ("2", "12%", "40%", "7", "8", "3", "4", "5", "6"):
        assert visible in texts


def test_html_positions_point_to_the_file() -> None:
    source = load_source("release.html", HTML.encode())
    assert_positions_point_to_file(source, HTML)
    assert source.position(HTML.index("12%")) == (6, 16)


def test_html_blocks_never_merge() -> None:
    source = load_source("a.html", b"<p>Revenue rose 5%</p><p>Costs fell 6%</p><div>Staff 7</div>a<br>b")
    paragraphs = [source.text[start:end] for start, end in Document(source.text).paragraphs]
    assert paragraphs == ["Revenue rose 5%", "Costs fell 6%", "Staff 7", "a", "b"]


def test_html_table_cells_are_apart() -> None:
    text = "<table><tr><td>Sales</td><td>(41.2)</td></tr><tr><td>Cost</td><td>9</td></tr></table>"
    source = load_source("a.html", text.encode())
    row = next(line for line in source.text.split("\n") if "Sales" in line)
    assert "Sales" in row and "(41.2)" in row and "  " in row[row.index("Sales"):row.index("(41.2)")]
    quantity = next(q for q in factcheck.extract(source.text) if "41.2" in q.text)
    assert quantity.value < 0
    assert source.position(quantity.start) == (1, text.index("(41.2)") + 1)


def test_html_character_references() -> None:
    text = "<p>Sales of &euro;5&nbsp;million &amp; 7&#37; of &#x20B8;9 &#8212; end &#36;4.</p>"
    source = load_source("a.html", text.encode())
    assert len(source.text) == len(text)
    values = {(q.unit, q.value) for q in factcheck.extract(source.text)}
    assert {("EUR", 5_000_000), ("percent", 7), ("KZT", 9), ("USD", 4)} <= values
    assert "&" in source.text and "—" in source.text and "8212" not in source.text


@pytest.mark.parametrize("name", ["a.html", "a.md"])
def test_references_grouping_digits_keep_the_figure_whole(name: str) -> None:
    text = "<p>Budget of 2&nbsp;100&nbsp;000 tenge, up 3&#8239;456%, and &euro;1&nbsp;500 (12345&nbsp;678).</p>\n"
    source = load_source(name, text.encode())
    assert len(source.text) == len(text)
    read = [(str(q.value), q.unit, q.start) for q in factcheck.extract(source.text)]
    assert read == [
        ("2100000", "KZT", text.index("2&")), ("3456", "percent", text.index("3&")),
        ("1500", "EUR", text.index("1&") - 1),  # from the "€" at the end of "&euro;"
        ("12345", "count", text.index("12345")), ("678", "count", text.index("678")),  # no group: 5 digits
    ]


def test_html_crlf_and_multiline_tags() -> None:
    text = "<p\r\n class=\"x\">Revenue\r\nrose 5%</p>\r\n<p>Then 6</p>\r\n"
    source = load_source("a.html", text.encode())
    assert source.position(text.index("5%")) == (3, 6)
    assert source.position(text.index("6<")) == (4, 9)


# -- Word .docx -------------------------------------------------------------------------

def build_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Revenue rose 12% to $5 million.")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Item"
    table.cell(0, 1).text = "Staff of 40"
    table.cell(1, 0).text = "Sales"
    table.cell(1, 1).text = "Exports of 3%"
    document.add_paragraph("We hired 7 people.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_table_cells() -> None:
    source = load_source("release.docx", build_docx())
    assert source.format == "docx"
    assert source.text == (
        "Revenue rose 12% to $5 million.\n\n\n\nItem\n\nStaff of 40\n\nSales\n\nExports of 3%\n\nWe hired 7 people."
    )
    assert [source.text[start:].split("\n\n")[0] for start in source.paragraph_starts] == [
        "Revenue rose 12% to $5 million.", "", "Item", "Staff of 40", "Sales", "Exports of 3%", "We hired 7 people.",
    ]
    positions = {q.text: source.position(q.start) for q in factcheck.extract(source.text)}
    assert positions == {"12%": (1, 14), "$5 million": (1, 21), "40": (4, 10), "3%": (6, 12), "7": (7, 10)}


def test_docx_merged_cells_are_read_once() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Merged 5"
    table.cell(0, 1).text = "Top 6"
    table.cell(1, 1).text = "Bottom 7"
    buffer = io.BytesIO()
    document.save(buffer)
    assert found(load_source("a.docx", buffer.getvalue())) == ["5", "6", "7"]


def zip_bytes(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def no_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx must never see an archive the checks refuse."""
    import docx

    def refuse(*arguments: object, **keywords: object) -> None:
        raise AssertionError("python-docx opened a refused archive")

    monkeypatch.setattr(docx, "Document", refuse)


def test_docx_huge_declared_size_is_refused_before_unpacking(no_unpacking: None) -> None:
    buffer = io.BytesIO()
    block = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("word/document.xml", "w", force_zip64=True) as entry:
        for _ in range(65):  # 65 MiB of zeros, a few hundred kB packed
            entry.write(block)
    with pytest.raises(InputError, match=r"^bomb\.docx: would unpack to 65 MiB"):
        load_source("bomb.docx", buffer.getvalue())


def test_docx_compression_ratio_is_refused(no_unpacking: None) -> None:
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(4 * 1024 * 1024)})
    with pytest.raises(InputError, match=r"^ratio\.docx: archive entry 'word/document\.xml' expands \d+x"):
        load_source("ratio.docx", data)


def test_docx_too_many_entries_is_refused(no_unpacking: None) -> None:
    data = zip_bytes({f"word/media/{index}.xml": b"" for index in range(2001)}, zipfile.ZIP_STORED)
    with pytest.raises(InputError, match=r"^many\.docx: 2001 entries"):
        load_source("many.docx", data)


@pytest.mark.parametrize("data", [b"", b"Revenue rose 5%", b"PK\x03\x04 but no archive", b"\x00" * 100])
def test_docx_that_is_not_a_zip_is_refused(data: bytes, no_unpacking: None) -> None:
    with pytest.raises(InputError, match=r"^x\.docx: not a \.docx file"):
        load_source("x.docx", data)


def test_docx_zip_that_is_no_word_document() -> None:
    with pytest.raises(InputError, match=r"^x\.docx: not a readable Word \.docx document"):
        load_source("x.docx", zip_bytes({"hello.txt": b"Revenue rose 5%"}))


# -- suppression comments ---------------------------------------------------------------

def test_markdown_suppression_covers_the_next_paragraph() -> None:
    text = (
        "Intro 1.\n\n"
        "<!-- factcheck: ignore[FC01,fc03] shares are rounded -->\n"
        "Covered paragraph with 10 of 20.\nStill covered.\n\n"
        "<!-- factcheck: ignore -->\n\n"
        "- a list of 2\n- kept together 3\n\n"
        "Not covered 4.\n"
    )
    source = load_source("a.md", text.encode())
    first, second = source.suppressions
    assert first == Suppression(line=3, codes=frozenset({"FC01", "FC03"}), reason="shares are rounded",
                                start=first.start, end=first.end)
    assert source.text[first.start:first.end] == "Covered paragraph with 10 of 20.\nStill covered."
    assert (second.line, second.codes, second.reason) == (7, frozenset(), "")
    assert source.text[second.start:second.end] == "- a list of 2\n- kept together 3"
    assert "factcheck" not in source.text


def test_html_suppression_covers_the_next_block() -> None:
    text = ("<p>Intro 1</p>\n  <!-- factcheck: ignore[FC05]\n       totals are from another table -->\n"
            "<p>Sum 5</p><p>Next 6</p>")
    source = load_source("a.html", text.encode())
    (suppression,) = source.suppressions
    assert (suppression.line, suppression.codes) == (2, frozenset({"FC05"}))
    assert suppression.reason == "totals are from another table"
    assert source.text[suppression.start:suppression.end] == "Sum 5"


def test_ordinary_comments_are_no_suppressions() -> None:
    assert load_source("a.md", b"<!-- a note -->\nText 5\n").suppressions == ()
    assert load_source("a.html", b"<!-- a note --><p>Text 5</p>").suppressions == ()


@pytest.mark.parametrize("name", ["a.md", "a.html"])
@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- factcheck: ignor[FC01] -->", "malformed factcheck comment"),
    ("<!-- factcheck ignore -->", "malformed factcheck comment"),
    ("<!-- factcheck: ignore[FC01 -->", "malformed factcheck comment"),
    ("<!-- factcheck: ignore[] -->", "malformed rule codes"),
    ("<!-- factcheck: ignore[share] -->", "malformed rule codes"),
    ("<!-- factcheck: ignore FC01 reason -->", "in brackets"),
    ("Text <!-- factcheck: ignore -->", "must stand on its own line"),
])
def test_malformed_suppressions_name_the_line(name: str, comment: str, message: str) -> None:
    text = f"Intro 1\n\n{comment}\nParagraph 5\n"
    with pytest.raises(InputError, match=rf"^{name}:3: .*{message}"):
        load_source(name, text.encode())


def test_a_suppression_with_nothing_after_it() -> None:
    with pytest.raises(InputError, match=r"^a\.md:3: factcheck comment is not followed by a paragraph"):
        load_source("a.md", b"Text 1\n\n<!-- factcheck: ignore -->\n")


# -- collect_paths ----------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("b.md", "a.txt", "notes.rst", "sub/c.html", "sub/deep/d.docx", "sub/e.htm", "sub/f.MARKDOWN",
                 ".git/g.md", "sub/.venv/h.txt", "other/i.txt"):
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Revenue 5\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_collect_a_folder(tree: Path) -> None:
    assert collect_paths(["docs"]) == [os.path.join("docs", *name.split("/")) for name in (
        "a.txt", "b.md", "other/i.txt", "sub/c.html", "sub/deep/d.docx", "sub/e.htm", "sub/f.MARKDOWN")]
    assert collect_paths(["docs/sub"], extensions=(".html",)) == [os.path.join("docs", "sub", "c.html")]


def test_collect_files_globs_and_stdin(tree: Path) -> None:
    assert collect_paths(["docs/notes.rst", "-", "docs/.git/g.md"]) == ["docs/notes.rst", "-", "docs/.git/g.md"]
    assert collect_paths(["docs/**/*.txt"]) == ["docs/a.txt", "docs/other/i.txt"]
    assert collect_paths(["docs/sub/*"]) == ["docs/sub/c.html", "docs/sub/e.htm", "docs/sub/f.MARKDOWN"]
    assert collect_paths(["docs/b.md", "docs/*.md"]) == ["docs/b.md"]  # each file once


@pytest.mark.parametrize("name", ["missing.md", "docs/*.pdf", "nowhere/**/*.md"])
def test_collect_names_matching_nothing(tree: Path, name: str) -> None:
    with pytest.raises(InputError, match=rf"^{name.replace('*', '[*]')}: no such file or folder$"):
        collect_paths([name])


def test_collect_a_folder_without_releases(tree: Path) -> None:
    (tree / "empty" / ".git").mkdir(parents=True)
    (tree / "empty" / ".git" / "x.md").write_text("5")
    with pytest.raises(InputError, match=r"^empty: no files to check"):
        collect_paths(["empty"])
