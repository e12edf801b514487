"""Edited releases: changed lines, the previous version from git, focusing a report on an
edit, and relations whose figures changed while the stated figure did not."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck import Verdict, check
from factcheck._diff import (
    Stale, align_quantities, changed_items, changed_lines, focus, previous_bytes_from_git, previous_from_git,
    stale_relations,
)
from factcheck._document import Document
from factcheck._source import InputError
from factcheck._sources import Source

RELEASE = (
    "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, "
    "or 51% of the total.\n"
    "\n"
    "Of 79 projects signed, 68 have been completed and 11 are under way.\n"
)
EDITED = RELEASE.replace("200 of", "230 of")  # 51% left as it was


# changed_lines ---------------------------------------------------------------------------


def test_changed_lines_replaced_and_added() -> None:
    previous = "one\ntwo\nthree\n"
    assert changed_lines(previous, previous) == set()
    assert changed_lines(previous, "one\nTWO\nthree\n") == {2}
    assert changed_lines(previous, "zero\none\ntwo\nthree\n") == {1}
    assert changed_lines(previous, "one\ntwo\nthree\nfour\nfive\n") == {4, 5}
    assert changed_lines(previous, "one\nthree\n") == set()  # a deletion leaves no current line
    assert changed_lines("", "a\nb") == {1, 2}


def test_changed_lines_ignores_line_ending_style() -> None:
    assert changed_lines("one\ntwo\n", "one\r\ntwo\r\n") == set()
    assert changed_lines("one\ntwo\n", "one\r\n2\r\n") == {2}


def test_changed_lines_of_a_release() -> None:
    assert changed_lines(RELEASE, EDITED) == {1}
    moved = "Astana, 3 March.\n\n" + EDITED
    assert changed_lines(RELEASE, moved) == {1, 2, 3}


def test_changed_items_of_paragraphs() -> None:
    assert changed_items(["a", "b", "c"], ["a", "B", "c", "d"]) == {2, 4}


# focus ---------------------------------------------------------------------------------


def test_focus_keeps_findings_on_changed_lines() -> None:
    text = "Astana, 3 March.\n\n" + EDITED
    source = Source("release.txt", text, "text")
    report = check(Document(text))
    assert {f.rule for f in report.findings} == {"FC01", "FC05"}
    focused = focus(report, source.position, changed_lines(RELEASE, text))
    assert [f.rule for f in focused.findings] == ["FC01"]  # the sum moved down but did not change
    only_share = focus(report, source.position, {3})
    assert [f.rule for f in only_share.findings] == ["FC01"]
    assert only_share.quantities == report.quantities
    assert focus(report, source.position, set()).findings == ()
    sum_line = text.count("\n", 0, text.index("Of 79")) + 1
    assert [f.rule for f in focus(report, source.position, {sum_line}).findings] == ["FC05"]


def test_focus_on_an_edit() -> None:
    report = check(Document(EDITED))
    source = Source("release.txt", EDITED, "text")
    focused = focus(report, source.position, changed_lines(RELEASE, EDITED))
    assert [f.rule for f in focused.findings] == ["FC01"]


def test_focus_with_a_multi_line_finding() -> None:
    text = RELEASE.replace("shipped 200 of", "shipped\n200 of")
    report = check(Document(text))
    source = Source("release.txt", text, "text")
    share = [f for f in report.findings if f.rule == "FC01"]
    assert share
    assert [f.rule for f in focus(report, source.position, {2}).findings] == ["FC01"]  # the "200" line only


# stale_relations -------------------------------------------------------------------------


def rules_of(stales: list[Stale]) -> list[str]:
    return [stale.finding.rule for stale in stales]


def test_a_changed_part_with_the_same_share_is_stale() -> None:
    stales = stale_relations(check(RELEASE), check(EDITED))
    assert len(stales) == 1
    stale = stales[0]
    assert stale.finding.rule == "FC01"
    assert stale.changed == [("200", "230")]
    assert stale.kept == "51%"
    assert stale.previous is not None and stale.previous.verdict is Verdict.PASS
    assert stale.finding.verdict is Verdict.DISCREPANCY and stale.broken
    assert "200 -> 230" in stale.message() and "51%" in stale.message()


def test_stale_survives_text_added_before() -> None:
    edited = "In 2023, 12 new plants opened in 3 regions.\n\n" + EDITED
    stales = stale_relations(check(RELEASE), check(edited))
    assert [(s.finding.rule, s.changed, s.kept) for s in stales] == [("FC01", [("200", "230")], "51%")]


def test_updating_the_stated_figure_too_is_not_stale() -> None:
    assert stale_relations(check(RELEASE), check(EDITED.replace("51%", "59%"))) == []


def test_changing_only_the_stated_figure_is_not_stale() -> None:
    assert stale_relations(check(RELEASE), check(RELEASE.replace("51%", "52%"))) == []


def test_no_edit_nothing_stale() -> None:
    report = check(RELEASE)
    assert stale_relations(report, report) == []


def test_a_changed_part_of_a_sum_with_the_same_total() -> None:
    edited = RELEASE.replace("68 have", "70 have")
    stales = stale_relations(check(RELEASE), check(edited))
    assert [(s.finding.rule, s.changed, s.kept) for s in stales] == [("FC05", [("68", "70")], "79")]


def test_a_changed_whole_with_the_same_share() -> None:
    edited = RELEASE.replace("390 billion tenge,", "400 billion tenge,")
    stales = stale_relations(check(RELEASE), check(edited))
    assert [(s.finding.rule, s.changed, s.kept) for s in stales] == [
        ("FC01", [("390 billion tenge", "400 billion tenge")], "51%")
    ]


def test_a_new_relation_has_no_previous_version() -> None:
    previous = "Of 79 projects signed, 68 have been completed and 11 are under way.\n"
    assert stale_relations(check(previous), check(EDITED)) == []


def test_align_quantities_pairs_replaced_figures() -> None:
    previous, current = check(RELEASE).quantities, check(EDITED).quantities
    pairs = align_quantities(previous, current)
    assert pairs == {index: index for index in range(len(current))}
    added = check("Astana: 5 ministers met.\n\n" + EDITED).quantities
    pairs = align_quantities(previous, added)
    assert 0 not in pairs  # "5 ministers" is new
    assert {j: pairs[j] for j in range(1, len(added))} == {j: j - 1 for j in range(1, len(added))}
    assert (previous[pairs[2]].text, added[2].text) == ("200", "230")


# previous_from_git -------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder: Path, *arguments: str) -> str:
    environment = {
        **os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(folder),
    }
    result = subprocess.run(
        ["git", *arguments], cwd=folder, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture()
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    (folder / "news").mkdir(parents=True)
    git(folder, "init", "-q")
    (folder / "news" / "release.txt").write_text(RELEASE, encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "first")
    (folder / "news" / "release.txt").write_text(EDITED, encoding="utf-8")
    return folder


@needs_git
def test_previous_version_at_head(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = repository / "news" / "release.txt"
    assert previous_from_git(str(release), "HEAD") == RELEASE
    monkeypatch.chdir(repository / "news")  # a relative name, from inside the repository
    assert previous_from_git("release.txt", "HEAD") == RELEASE
    monkeypatch.chdir(repository.parent)
    assert previous_from_git("repo/news/release.txt", "HEAD") == RELEASE


@needs_git
def test_previous_version_at_an_older_commit(repository: Path) -> None:
    release = repository / "news" / "release.txt"
    git(repository, "commit", "-q", "-am", "second")
    assert previous_from_git(str(release), "HEAD") == EDITED
    assert previous_from_git(str(release), "HEAD~1") == RELEASE
    first = git(repository, "rev-list", "--max-parents=0", "HEAD").strip()
    assert previous_from_git(str(release), first) == RELEASE
    assert previous_bytes_from_git(str(release), first) == RELEASE.encode()


@needs_git
def test_a_new_file_has_no_previous_version(repository: Path) -> None:
    new = repository / "news" / "new.txt"
    new.write_text("New.", encoding="utf-8")
    assert previous_from_git(str(new), "HEAD") is None
    git(repository, "add", "news/new.txt")
    git(repository, "commit", "-q", "-m", "add")
    assert previous_from_git(str(new), "HEAD~1") is None
    assert previous_from_git(str(new), "HEAD") == "New."


@needs_git
def test_unknown_revision_is_an_input_error(repository: Path) -> None:
    with pytest.raises(InputError) as caught:
        previous_from_git(str(repository / "news" / "release.txt"), "no-such-branch")
    message = str(caught.value)
    assert "no-such-branch" in message and "\n" not in message
    with pytest.raises(InputError):
        previous_from_git(str(repository / "news" / "release.txt"), "--output=x")


@needs_git
def test_outside_a_repository_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    release = outside / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find a repository above
    with pytest.raises(InputError) as caught:
        previous_from_git(str(release), "HEAD")
    assert "git repository" in str(caught.value) and "\n" not in str(caught.value)


def test_standard_input_has_no_previous_version() -> None:
    with pytest.raises(InputError):
        previous_from_git("-", "HEAD")


@needs_git
def test_an_edit_checked_end_to_end(repository: Path) -> None:
    release = repository / "news" / "release.txt"
    previous = previous_from_git(str(release), "HEAD")
    assert previous is not None
    current = release.read_text(encoding="utf-8")
    source = Source(str(release), current, "text")
    report = check(Document(current))
    focused = focus(report, source.position, changed_lines(previous, current))
    assert [(f.rule, f.verdict) for f in focused.findings] == [("FC01", Verdict.DISCREPANCY)]
    stales = stale_relations(check(Document(previous)), report)
    assert [(s.changed, s.kept) for s in stales] == [([("200", "230")], "51%")]


def test_git_missing_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(InputError, match="git: not found"):
        previous_from_git(str(release), "HEAD")


@needs_git
def test_a_binary_previous_version_is_an_input_error(repository: Path) -> None:
    data = repository / "news" / "data.bin"
    data.write_bytes(b"PK\x03\x04\x00\x00binary")
    git(repository, "add", "news/data.bin")
    git(repository, "commit", "-q", "-m", "binary")
    assert previous_bytes_from_git(str(data), "HEAD") == b"PK\x03\x04\x00\x00binary"
    with pytest.raises(InputError, match="binary data"):
        previous_from_git(str(data), "HEAD")
