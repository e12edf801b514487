"""Settings: discovery up the folder tree, reading [tool.factcheck] / factcheck.toml, rule
names and prefixes, command-line overrides, and one-line errors for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import Report, check
from factcheck._config import DEFAULT_EXTENSIONS, Settings, find_config, load_settings, resolve_rules
from factcheck._source import InputError
from factcheck.rules import all_rules

ALL_CODES = frozenset(rule.code for rule in all_rules())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# Discovery ------------------------------------------------------------------------------


def test_find_config_walks_up_to_the_first_pyproject_with_the_table(tmp_path: Path) -> None:
    root = write(tmp_path / "pyproject.toml", '[tool.factcheck]\nignore = ["FC09"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "unrelated"\n')  # no table: skipped
    release = write(tmp_path / "a" / "b" / "release.txt", "Text.")
    assert find_config(release) == root
    assert find_config(release.parent) == root  # a folder works too


def test_factcheck_toml_wins_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\n")
    dedicated = write(tmp_path / "factcheck.toml", 'select = ["FC01"]\n')
    assert find_config(tmp_path / "release.txt") == dedicated


def test_the_nearest_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", "")
    near = write(tmp_path / "docs" / "pyproject.toml", "[tool.factcheck]\n")
    assert find_config(tmp_path / "docs" / "release.txt") == near
    assert find_config(tmp_path / "release.txt") == tmp_path / "factcheck.toml"


def test_no_config_up_to_the_root(tmp_path: Path) -> None:
    release = write(tmp_path / "x" / "release.txt", "Text.")
    found = find_config(release)
    # Nothing in the temporary tree; whatever is found must lie above it.
    assert found is None or tmp_path not in found.parents


def test_a_relative_start_is_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write(tmp_path / "factcheck.toml", "")
    write(tmp_path / "sub" / "r.txt", "Text.")
    monkeypatch.chdir(tmp_path / "sub")
    assert find_config(Path("r.txt")) == config


def test_unrelated_broken_pyproject_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project\nname=")  # broken, but not ours
    found = find_config(tmp_path / "sub" / "r.txt")  # no error
    assert found is None or tmp_path not in found.parents


def test_broken_pyproject_mentioning_factcheck_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factcheck\nselect=")
    with pytest.raises(InputError, match="pyproject.toml: invalid TOML"):
        find_config(tmp_path / "r.txt")


# Reading --------------------------------------------------------------------------------


def test_defaults() -> None:
    settings = load_settings(None)
    assert settings == Settings()
    assert settings.select is None and settings.ignore == frozenset()
    assert settings.fail_on == "discrepancy" and settings.baseline is None
    assert settings.exclude == () and settings.extensions == DEFAULT_EXTENSIONS and settings.source is None
    assert all(settings.selects(code) for code in ALL_CODES)


def test_pyproject_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", """
[project]
name = "site"

[tool.factcheck]
select = ["FC0", "per-unit"]
ignore = ["share-of-total", "fc05"]
fail-on = "ambiguous"
baseline = "checks/baseline.json"
exclude = ["drafts", "*.old.txt"]
extensions = ["txt", ".MD"]
""")
    settings = load_settings(path)
    assert settings.select == ALL_CODES  # FC0* and FC09
    assert settings.ignore == {"FC01", "FC05"}
    assert settings.fail_on == "ambiguous"
    assert settings.baseline == str(tmp_path / "checks" / "baseline.json")  # relative to the file
    assert settings.exclude == ("drafts", "*.old.txt")
    assert settings.extensions == (".txt", ".md")
    assert settings.source == str(path)
    assert not settings.selects("FC01") and settings.selects("FC02")


def test_factcheck_toml_top_level(tmp_path: Path) -> None:
    path = write(tmp_path / "factcheck.toml", 'select = ["FC01", "FC03"]\n')
    settings = load_settings(path)
    assert settings.select == {"FC01", "FC03"}
    assert settings.selects("FC03") and not settings.selects("FC02")


def test_pyproject_without_the_table_gives_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_settings(path) == Settings()


@pytest.mark.parametrize(("body", "message"), [
    ("selct = []", "pyproject.toml: [tool.factcheck] unknown key 'selct'"),
    ("fail_on = 'ambiguous'", "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ("select = 'FC01'", "'select' must be a list of strings"),
    ("ignore = [1]", "'ignore' must be a list of strings"),
    ("select = ['FC99']", "pyproject.toml: [tool.factcheck] unknown rule 'FC99' in select"),
    ("ignore = ['sharez']", "unknown rule 'sharez' in ignore"),
    ("fail-on = 'warning'", "'fail-on' must be one of"),
    ("fail-on = 1", "'fail-on' must be one of"),
    ("baseline = 3", "'baseline' must be a file name"),
    ("exclude = 'drafts'", "'exclude' must be a list of strings"),
    ("extensions = []", "'extensions' must list file extensions"),
])
def test_pyproject_mistakes_are_one_line_errors(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", f"[tool.factcheck]\n{body}\n")
    with pytest.raises(InputError) as caught:
        load_settings(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_factcheck_toml_mistakes_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "factcheck.toml", 'ignore = ["FC99"]\n')
    with pytest.raises(InputError, match=r"factcheck\.toml: unknown rule 'FC99' in ignore"):
        load_settings(path)
    write(path, "colour = true\n")
    with pytest.raises(InputError, match=r"factcheck\.toml: unknown key 'colour'"):
        load_settings(path)


def test_tool_factcheck_must_be_a_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool]\nfactcheck = "yes"\n')
    with pytest.raises(InputError, match="must be a table"):
        load_settings(path)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path / "factcheck.toml", "select = [\n")
    with pytest.raises(InputError, match="invalid TOML"):
        load_settings(path)
    with pytest.raises(InputError, match="no such file"):
        load_settings(tmp_path / "missing.toml")


# Rules ----------------------------------------------------------------------------------


def test_resolve_rules_codes_names_and_prefixes() -> None:
    assert resolve_rules(["FC01"]) == {"FC01"}
    assert resolve_rules(["fc01", " share-of-total "]) == {"FC01"}
    assert resolve_rules(["percent-change", "FC09"]) == {"FC03", "FC09"}
    assert resolve_rules(["FC0"]) == {code for code in ALL_CODES if code.startswith("FC0")}
    assert resolve_rules(["FC"]) == ALL_CODES
    assert resolve_rules("FC02") == {"FC02"}  # a single string is one name, not characters
    assert resolve_rules([]) == frozenset()


@pytest.mark.parametrize("name", ["FC99", "share", "", "FC1"])
def test_resolve_rules_unknown(name: str) -> None:
    with pytest.raises(InputError, match="unknown rule"):
        resolve_rules([name])


# Command-line overrides -----------------------------------------------------------------


def test_merge_command_line_wins() -> None:
    settings = Settings(select=frozenset({"FC01", "FC02"}), ignore=frozenset({"FC02", "FC05"}))
    assert settings.merge() == settings
    selected = settings.merge(select=["FC02", "FC03"])
    assert selected.select == {"FC02", "FC03"}
    assert selected.selects("FC02")  # the file ignored it; the command line asked for it
    assert not selected.selects("FC01")
    ignored = settings.merge(ignore=["share-of-total"])
    assert ignored.select == settings.select and ignored.ignore == {"FC01", "FC02", "FC05"}
    assert not ignored.selects("FC01")
    both = settings.merge(select=["FC0"], ignore=["FC03"])
    assert both.selects("FC05") and not both.selects("FC03")
    assert settings.merge(fail_on="ambiguous").fail_on == "ambiguous"


def test_merge_errors() -> None:
    with pytest.raises(InputError, match="unknown rule 'FC42'"):
        Settings().merge(select=["FC42"])
    with pytest.raises(InputError, match="fail-on"):
        Settings().merge(fail_on="never")


def test_settings_validates_fail_on() -> None:
    with pytest.raises(InputError):
        Settings(fail_on="sometimes")


# Helpers --------------------------------------------------------------------------------

TEXT = (
    "Exports reached 390 billion tenge. Machine builders shipped 200 of the 390 billion tenge, "
    "or 71% of the total.\n\nOf 79 projects signed, 68 have been completed and 11 are under way.\n"
)


def test_filter_and_fails() -> None:
    report = check(TEXT)
    assert {finding.rule for finding in report.discrepancies} == {"FC01"}
    settings = Settings()
    assert settings.fails(report)
    without_share = Settings(ignore=frozenset({"FC01"}))
    filtered = without_share.filter(report)
    assert "FC01" not in {finding.rule for finding in filtered.findings}
    assert filtered.quantities == report.quantities
    assert not without_share.fails(filtered)
    assert settings.filter(report) is report
    ambiguous_only = Report(findings=(), quantities=())
    assert not Settings(fail_on="ambiguous").fails(ambiguous_only)


def test_excluded_and_extensions(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[tool.factcheck]\nexclude = ["drafts/", "*.old.txt", "news/2019/*"]\n')
    settings = load_settings(config)
    assert settings.excluded(tmp_path / "drafts" / "a.txt")
    assert settings.excluded(tmp_path / "news" / "drafts" / "a.txt")  # a folder glob matches at any depth
    assert settings.excluded(tmp_path / "news" / "q3.old.txt")
    assert settings.excluded(tmp_path / "news" / "2019" / "q3.txt")
    assert not settings.excluded(tmp_path / "news" / "2020" / "q3.txt")
    assert not settings.excluded(tmp_path / "release.txt")
    assert not Settings().excluded("drafts/a.txt")
    assert settings.has_extension("a.TXT") and settings.has_extension("b.docx")
    assert not settings.has_extension("c.pdf")
