"""Which figures a text's cues tie together: relations that must be found, with their
roles, and look-alikes that must not be."""

from __future__ import annotations



from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Verdict

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _roles(finding: factcheck.Finding) -> list[tuple[str, str]]:
    return [(number.role, number.quantity.text) for number in finding.numbers]


def _of_kind(text: str, kind: str) -> list[factcheck.Finding]:
    return [finding for finding in factcheck.check(text).findings if finding.kind == kind]


# -- table rows that add up the rows above them ----------------------------------------------

def _table(rows: list[tuple[str, list[int]]]) -> str:
    lines = ["Operating statement ($ thousands)", "                 2025      2024      2023"]
    lines += [f"{label:<16}" + "".join(f"{value:>10,}" for value in values) for label, values in rows]
    return "\n".join(lines) + "\n"


def test_a_row_that_is_a_separate_item_is_no_total() -> None:
    text = _table([("Completed", [44, 38, 40]), ("Pending", [17, 21, 19]), ("Appeals", [12, 9, 14])])
    assert _of_kind(text, "sum") == []


def test_a_total_row_is_one_sum_per_column() -> None:
    text = _table([("Grants", [510, 480, 455]), ("Fees", [95, 90, 88]), ("Total", [605, 570, 543])])
    sums = _of_kind(text, "sum")
    assert [_roles(finding) for finding in sums] == [
        [("total", "605"), ("part", "510"), ("part", "95")],
        [("total", "570"), ("part", "480"), ("part", "90")],
        [("total", "543"), ("part", "455"), ("part", "88")],
    ]
    assert all(finding.verdict is Verdict.PASS for finding in sums)


def test_a_running_balance_takes_the_previous_balance_as_a_part() -> None:
    text = _table([("Revenue", [900, 850, 800]), ("Expenses", [-700, -720, -650]), ("Balance", [200, 130, 150]),
                   ("Transfers", [-50, 20, 10]), ("Net position", [150, 150, 160])])
    totals = [_roles(finding)[0] for finding in _of_kind(text, "sum")]
    assert totals == [("total", "200"), ("total", "130"), ("total", "150"),
                      ("total", "150"), ("total", "150"), ("total", "160")]


amounts = st.lists(st.integers(min_value=100, max_value=90_000), min_size=3, max_size=3)


@PROPERTY
@given(st.lists(amounts, min_size=2, max_size=4), st.integers(min_value=0, max_value=2))
def test_a_total_row_passes_and_a_cell_moved_off_it_is_caught(parts: list[list[int]], column: int) -> None:
    totals = [sum(values) for values in zip(*parts)]
    rows = [(f"Item {chr(65 + i)}", values) for i, values in enumerate(parts)]
    consistent = _table(rows + [("Total", totals)])
    assert {f.verdict for f in _of_kind(consistent, "sum")} == {Verdict.PASS}
    moved = list(totals)
    moved[column] += 7  # beyond the rounding of whole thousands however many parts there are
    edited = _of_kind(_table(rows + [("Total", moved)]), "sum")
    assert [f.verdict for f in edited].count(Verdict.DISCREPANCY) == 1



# -- figures the text ties together without naming the tie -----------------------------------

def _only(text: str, kind: str) -> factcheck.Finding:
    found = _of_kind(text, kind)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def test_respectively_pairs_figures_and_changes_in_order_against_the_table() -> None:
    text = ("Quarterly revenue and operating profit were $48.2 million and $9.1 million, respectively, "
            "increases of 17% and 22% over the prior year.\n\n"
            "                      2025      2024    % Change\n"
            "Revenue             48,213    41,090       17%\n"
            "Operating profit     9,087     7,452       22%\n")
    bullets = [f for f in _of_kind(text, "percent_change") if "table's prior period" in f.cue]
    assert [_roles(f) for f in bullets] == [
        [("old", "41,090"), ("new", "$48.2 million"), ("stated", "17%")],
        [("old", "7,452"), ("new", "$9.1 million"), ("stated", "22%")],
    ]
    assert all(f.verdict is Verdict.PASS and not f.assumes for f in bullets)


def test_a_lead_and_its_bullets_are_parts_of_the_group_change() -> None:
    text = ("Dairy exports were up $20 million in June.\n\n"
            "  • Cheese led the increase, up $9 million.\n  • Butter rose $6 million.\n  • Yoghurt rose $4 million.\n")
    finding = _only(text, "subset")
    assert _roles(finding) == [("whole", "$20 million"), ("part", "$9 million"), ("part", "$6 million"), ("part", "$4 million")]


def test_with_pairs_each_figure_with_its_like_and_assumes_the_link() -> None:
    text = "The budget reached 730.4 billion tenge (US$1.52 billion), with 412.6 billion tenge (US$0.86 billion) from taxes."
    found = _of_kind(text, "subset")
    assert sorted(_roles(f) for f in found) == [
        [("whole", "730.4 billion tenge"), ("part", "412.6 billion tenge")],
        [("whole", "US$1.52 billion"), ("part", "US$0.86 billion")],
    ]
    assert all(f.assumes for f in found)


def test_a_contribution_is_part_of_the_current_level_not_of_the_base() -> None:
    text = ("Sales rose 28% to $19.9 million from $15.5 million. "
            "The new line contributed about $0.2 million in sales.")
    assert _roles(_only(text, "subset")) == [("whole", "$19.9 million"), ("part", "$0.2 million")]


def test_of_which_after_a_change_and_its_level_speaks_of_the_level() -> None:
    text = "Funding rose by 2.4 billion rupees to 18.6 billion rupees, of which 11.2 billion rupees is for roads."
    finding = _only(text, "subset")
    assert _roles(finding) == [("whole", "18.6 billion rupees"), ("part", "11.2 billion rupees")]
    assert finding.verdict is Verdict.PASS


def test_of_this_sum_names_the_figure_right_before_it_as_a_part() -> None:
    whole = "The region was granted 52.4 million euros. "
    part = _only(whole + "Some 18 million of this sum went to schools.", "subset")
    assert _roles(part) == [("whole", "52.4 million euros"), ("part", "18 million")]
    for apart in ("Some 18 million, of this sum, went to schools.", "Some 18 million in grants of this sum went to schools."):
        assert not _of_kind(whole + apart, "subset"), apart
    for spelled in ("of this ſum", "of thıs sum", "OF THIS SUM"):  # as a case-insensitive pattern reads them
        assert _roles(_only(whole + f"Some 18 million {spelled} went to schools.", "subset"))[1] == ("part", "18 million"), spelled


def test_a_list_keeps_its_own_members_only() -> None:
    nested = "Of the 87 projects, 62 have been completed, of which 40 were financed locally, 19 are under way and 6 have not started."
    assert [_roles(f) for f in _of_kind(nested, "sum")] == [[("total", "87"), ("part", "62"), ("part", "19"), ("part", "6")]]
    with_change = "Staff numbers increased to 4,210, of which 1,380 are nurses, an increase of 260 over last year."
    assert _roles(_only(with_change, "subset")) == [("whole", "4,210"), ("part", "1,380")]
    heads_its_own = "There are 1,240 schools, including 310 rural schools, 86 of which have fewer than 20 pupils."
    assert sorted(_roles(f) for f in _of_kind(heads_its_own, "subset")) == [
        [("whole", "1,240"), ("part", "310")], [("whole", "310"), ("part", "86")]]


def test_a_tables_of_which_row_is_within_the_row_above() -> None:
    text = _table([("Farms", [1820, 1690, 1500]), ("Industry", [4310, 4020, 3900]), ("Total", [6130, 5710, 5400]),
                   ("of which: exports", [3980, 3610, 3300])])
    assert [_roles(f) for f in _of_kind(text, "subset")] == [
        [("whole", "6,130"), ("part", "3,980")], [("whole", "5,710"), ("part", "3,610")], [("whole", "5,400"), ("part", "3,300")]]
    assert len(_of_kind(text, "sum")) == 3


def test_a_percent_column_is_not_summed() -> None:
    text = ("                 2025     2024   % Change\n"
            "Americas        612.3    571.0        7.2\n"
            "Europe          288.9    301.2       -4.1\n"
            "Total           901.2    872.2        3.3\n")
    assert [_roles(f)[0] for f in _of_kind(text, "sum")] == [("total", "901.2"), ("total", "872.2")]


def test_counts_by_status_are_within_the_count_named_before() -> None:
    text = ("The ministry is carrying out 32 projects this year.\n\n"
            "9 projects have been completed. Four more projects are under way.")
    assert _roles(_only(text, "subset")) == [("whole", "32"), ("part", "9"), ("part", "Four")]


def test_kinds_of_one_thing_are_within_its_change() -> None:
    text = ("Timber exports rose $80 million. Sawn timber rose $51 million; planed timber rose $22 million.")
    assert _roles(_only(text, "subset")) == [("whole", "$80 million"), ("part", "$51 million"), ("part", "$22 million")]


def test_earlier_figures_of_parts_that_make_up_a_total_add_up() -> None:
    text = ("Net sales were $50.0 million, up 25.0% from $40.0 million. Retail, which represented 60.0% of net sales, "
            "had sales of $30.0 million, up 20.0% from $25.0 million. Online, which represented 40.0% of net sales, "
            "had sales of $20.0 million, up 33.3% from $15.0 million.")
    earlier = [f for f in _of_kind(text, "sum") if f.assumes]
    assert [_roles(f) for f in earlier] == [[("total", "$40.0 million"), ("part", "$25.0 million"), ("part", "$15.0 million")]]
    assert earlier[0].verdict is Verdict.PASS


def test_a_factor_takes_its_figures_from_the_next_sentence() -> None:
    text = "Home visits grew 3.3 times over four years. In 2021, 96 visits were made, and last year the number rose to 312."
    assert _roles(_only(text, "ratio")) == [("old", "96"), ("new", "312"), ("stated", "3.3 times")]


@PROPERTY
@given(st.integers(min_value=10, max_value=500), st.integers(min_value=1, max_value=900))
def test_an_assumed_link_is_never_a_discrepancy(whole: int, part: int) -> None:
    """Whatever the figures, a relation the text only implies passes or is ambiguous."""
    text = f"Fruit exports rose ${whole} million in May. Apples led the rise, up ${part} million."
    finding = _only(text, "subset")
    assert finding.verdict is not Verdict.DISCREPANCY
    if part <= whole:
        assert finding.verdict is Verdict.PASS
    if part >= 2 * whole:  # beyond any rounding of the two figures
        assert finding.verdict is Verdict.AMBIGUOUS


def test_parallel_lists_pair_changes_with_their_own_figures() -> None:
    text = ("Exports rose 13.8% to $12.4 billion and imports rose 4.6% to $9.1 billion, "
            "from $10.9 billion and $8.7 billion, respectively.")
    assert [_roles(f) for f in _of_kind(text, "percent_change")] == [
        [("old", "$10.9 billion"), ("new", "$12.4 billion"), ("stated", "13.8%")],
        [("old", "$8.7 billion"), ("new", "$9.1 billion"), ("stated", "4.6%")],
    ]
    respectively = ("Net sales for the quarter and year were $412.6 million and $1,587.3 million, respectively, "
                    "increases of 8.4% and 6.1% from $380.6 million and $1,496.0 million.")
    assert {f.verdict for f in _of_kind(respectively, "percent_change")} == {Verdict.PASS}


def test_where_a_change_happened_is_not_what_changed() -> None:
    text = "The foundation reached 36,480 children in 214 villages, 9% more than the 33,470 reached in 2023."
    assert _roles(_only(text, "percent_change")) == [("old", "33,470"), ("new", "36,480"), ("stated", "9%")]


def test_a_share_of_a_whole_the_text_never_states_is_not_checked() -> None:
    text = "Gross profit was $301 million, or 40.6% of net sales, compared with $272 million, or 39.5% of net sales."
    assert _of_kind(text, "share") == []


def test_a_percent_column_without_a_change_heading_is_no_change() -> None:
    text = ("               Allocated   Spent   Share spent\n"
            "Education          84.0     79.8         95%\n"
            "Health             62.5     55.0         88%\n")
    assert _of_kind(text, "percent_change") == []


def test_last_years_part_is_no_share_of_this_years_whole() -> None:
    text = ("Net sales of $742 million, compared with $688 million.\n\n"
            "Gross profit of $301 million, or 40.6% of net sales, compared with $272 million, or 39.5% of net sales.")
    assert [_roles(f) for f in _of_kind(text, "share")] == [
        [("part", "$301 million"), ("whole", "$742 million"), ("stated", "40.6%")]]


def test_a_change_of_another_period_is_not_checked_against_this_ones_figures() -> None:
    assert _of_kind("Potatoes rose from 185 to 240 tenge in 2025, having fallen 11.9% in 2024.", "percent_change") == []


def test_a_rate_is_no_part_of_a_total() -> None:
    text = "Donors gave 1.4 billion tenge. Each household received 35,000 tenge, totalling 1.61 billion tenge."
    assert _of_kind(text, "sum") == []


def test_a_sign_neutral_point_change_is_checked_by_its_size() -> None:
    text = "The combined ratio improved to 93.2% from 95.0%, an improvement of 1.8 percentage points."
    assert _only(text, "pp_change").verdict is Verdict.PASS


def test_shares_named_apart_that_exceed_the_whole_are_ambiguous() -> None:
    text = ("Net sales were $100 million. Segment A had sales of $60 million, which represented 60% of net sales. "
            "Operating income was $12 million, or 12% of net sales.")
    assert _only(text, "share_sum").verdict is Verdict.PASS
    over = text.replace("Segment A had sales of $60 million, which represented 60%",
                        "Segment A had sales of $95 million, which represented 95%")
    assert _only(over, "share_sum").verdict is Verdict.AMBIGUOUS


def test_a_qualifier_is_no_part_and_no_operand() -> None:
    assert _of_kind("Of 2.1 million people, 1.4 million were aged over 60.", "sum") == []
    shares = _of_kind("There were 4,820 measles cases, of which 3,150 were children under 15. "
                      "That is 65.4% of all cases.", "share")
    assert [_roles(f) for f in shares] == [[("part", "3,150"), ("whole", "4,820"), ("stated", "65.4%")]]
    assert not factcheck.check("Maternal mortality fell to 18.2 per 100,000 live births from 21.5, "
                               "a decline of 15.3%.").discrepancies


def test_a_qualifying_phrase_is_read_as_its_pattern_reads_it() -> None:
    """ "aged over 60" qualifies however it is written: in capitals, across a line break, or
    with the "ſ" that the case-insensitive pattern reads as "s"."""
    from factcheck._document import Document
    from factcheck._extract import scan
    from factcheck._relations._figures import _Text

    for written in ("ages 60", "AGED OVER\n60", "ageſ 60", "children under 15", "Residents older than 80"):
        text = f"Of 2.1 million people, 1.4 million were {written} or so."
        document = Document(text)
        assert [q.text for q in _Text.build(document, scan(document)).quantities] == ["2.1 million", "1.4 million"], written
    document = Document("Of 2.1 million people, 1.4 million were pages 60 or so.")
    assert len(_Text.build(document, scan(document)).quantities) == 3  # "pages" is no "ages"
    for spaces in range(24, 30):  # a table column: "per" of "Paper" may open the figure's window
        document = Document("Of 100 items, Paper" + " " * spaces + "60 and 40 were others.")
        assert len(_Text.build(document, scan(document)).quantities) == 3, spaces


def test_a_later_change_keeps_its_own_base() -> None:
    text = "The bank raised its rate by 25 bp to 5.50%, bringing cumulative tightening to 100 bp from 4.50% in January."
    assert [_roles(f)[2] for f in _of_kind(text, "pp_change")] == [("stated", "100 bp")]


def test_a_share_after_a_list_is_not_of_its_last_member() -> None:
    text = ("Capacity reached 4,250 MW, including 1,150 MW of wind and 780 MW of solar, "
            "so renewables made up 45.4% of the total.")
    assert _of_kind(text, "share") == []


def test_of_these_is_of_the_level_not_of_its_base() -> None:
    text = "A total of 1,250 cases were registered, down from 1,360 in 2023. Of these, 875 were men and 375 women."
    assert not factcheck.check(text).discrepancies


def test_a_base_with_its_own_change_word_may_be_another_comparisons() -> None:
    # "up from 4.50% in January" spans four moves; "by 25 bp" is the last one
    move = "The bank raised its policy rate by 25 bp to 5.50% on Tuesday, up from 4.50% in January."
    change = _only(move, "pp_change")
    assert change.verdict is Verdict.AMBIGUOUS
    assert "up from" in change.message
    # read the common way, the figures agree and the finding passes, saying what it assumed
    steady = "Revenue increased 12% to $1.2 billion, up from $1.07 billion a year earlier."
    assert _only(steady, "percent_change").verdict is Verdict.PASS
    assert any("up from" in note for note in _only(steady, "percent_change").notes)
    # a plain "from" is the stated change's own base: a slip there stays a discrepancy
    slip = "Revenue increased 31% to $1.2 billion from $1.07 billion a year earlier."
    assert _only(slip, "percent_change").verdict is Verdict.DISCREPANCY


# -- a text whose lower case is longer than itself --------------------------------------------

def _same_findings(first: factcheck.Report, second: factcheck.Report) -> bool:
    """The same relations, verdicts and messages, with the same figures in the same roles."""
    def key(report: factcheck.Report) -> list[object]:
        return [(f.rule, f.verdict, f.message, [(n.role, n.quantity.text) for n in f.numbers]) for f in report.findings]
    return key(first) == key(second)


def test_a_text_that_does_not_fold_in_place_finds_the_same_relations() -> None:
    """ "İ" lower-cases to two characters, so cue words are looked for in such a text the slow
    way (case-insensitive patterns on the text itself, not the folded copy): the findings
    must be the same as for the text with a plain "I" in its place."""
    body = (
        "IZMIR PORT REVENUE DOWN 4.5% TO $96.3 MILLION FROM $100.8 MILLION\n\n"
        "The port of Izmir handled 48.2 million tonnes, up 12.5% from 42.9 million tonnes a year earlier. "
        "Of these, 30.1 million tonnes were containers and 18.1 million tonnes bulk cargo. "
        "Exports rose by $1.2 billion to $5.4 billion, including $2.1 billion of machinery. "
        "The board approved 40 projects; 25 are completed and 15 are under way. "
        "Revenue fell 8% to $920 million, compared with $1,000 million in 2024.\n"
    )
    plain = factcheck.check(body)
    dotted = factcheck.check(body.replace("Izmir", "İzmir").replace("IZMIR", "İZMİR"))
    assert len("İzmir".lower()) != len("İzmir")  # the premise: this text does not fold in place
    assert {f.kind for f in plain.findings} >= {"percent_change", "sum", "subset"}
    assert any(f.cue.startswith("DOWN") for f in plain.findings)  # the headline's capitals are a cue too
    assert _same_findings(dotted, plain)


def test_dotless_i_and_long_s_read_as_i_and_s_in_change_words_and_list_ends() -> None:
    """Case-insensitive matching reads "ı" as "i" and "ſ" as "s", though lower() keeps them:
    a change word or a list's end spelt with them ("whıle", "approxımately", "juſt") must
    count as before, not cut a list short or lose a change."""
    body = (
        "The region built 50 schools, including 20 schools in Almaty and 10 schools in Astana, "
        "while 30 schools were repaired. Exports rose approximately 20 tons to 120 tons from 100 tons "
        "in 2023, and imports fell just 5 tons to 45 tons from 50 tons.\n"
    )
    plain = factcheck.check(body)
    assert {f.kind for f in plain.findings} >= {"subset", "difference"}
    assert all(f.verdict is Verdict.PASS for f in plain.findings)
    for spelt in (body.replace("while", "whıle").replace("approximately", "approxımately"),
                  body.replace("while", "whereaſ").replace("just", "juſt")):
        assert _same_findings(factcheck.check(spelt), plain)


# -- finding cue words -----------------------------------------------------------------------

_CUE_VOCABULARY = (
    "of which including include among them such as in particular out of within this total led the drove "
    "headed was driven by all overall make add added together with contributed thousands millions comprising "
    "consists made up break split completed under way construction in progress ongoing being built "
    "implemented increase rose up down fell cut less loss more into offer upon allow this that the sum amount "
    "figure age aged ages agenda per percent people those men youth youths é ü ſ K"
).split()


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(_CUE_VOCABULARY),
                          st.sampled_from([" ", "  ", "", "-", "\n", ", ", "é", "_", ": ", "\u00a0", "("])),
                max_size=40))
def test_the_one_pass_cue_scan_finds_each_kinds_words_at_every_word_start(pieces: list[tuple[str, str]]) -> None:
    """Cue words of every kind are found in one pass (a trie over all kinds' words); the
    result must be what each kind's own pattern finds when tried at every word start."""
    from factcheck._relations._figures import _CUE_PATTERNS, _all_cues

    folded = "".join(word + gap for word, gap in pieces).lower()
    found = _all_cues(folded)
    starts = [p for p in range(len(folded)) if not p or not (folded[p - 1].isalnum() or folded[p - 1] == "_")]
    for name, pattern in _CUE_PATTERNS.items():
        if name == "colon":
            assert found[name] == [p for p in range(len(folded)) if folded[p] == ":"]
        else:
            assert found[name] == [p for p in starts if pattern.match(folded, p)], name
