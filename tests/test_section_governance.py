"""Chapter 4 (governance): findings and their cases for 2023, 2022 and synthetic years; glue keys; HKEX."""
import pytest
from synthetic import copy_data, without_metrics, without_prior

from esgbook.book.narrative import Md
from esgbook.book.sections import governance as gov
from esgbook.inputs import dataset as data


def _cases(fs):
    return {f.topic: f.case for f in fs}


@pytest.fixture(scope="module")
def ds_no_prior(tmp_path_factory):
    return data.load(2023, without_prior(copy_data(tmp_path_factory.mktemp("noprior"))))


def test_board_findings_2023(ds2023):
    cases = _cases(gov.board_findings(ds2023))
    assert cases["gov.board"] == "listed" and cases["gov.ined_floor"] == "above"
    assert cases["gov.board_check"] == "match" and cases["gov.board_period"] == "one_year"
    listed = gov.board_findings(ds2023)[0].facts
    assert (listed["directors"], listed["independent"], listed["share"].rounded()) == (9, 4, 44.4)
    gender = _cases(gov.gender_findings(ds2023))
    assert gender == {"gov.gender": "far_from_parity", "gov.ages": "one_band"}
    ages = gov.gender_findings(ds2023)[1].facts
    assert (ages["youngest"], ages["oldest"], ages["median"], ages["band"]) == (41, 69, "48", ["40–49"])


def test_ined_floor_exactly_at_and_below(ds2023, monkeypatch):
    board = ds2023.table("board")
    for independent, case in ((3, "at"), (2, "below")):
        changed = board.copy()
        flags = [True] * independent + [False] * (len(board) - independent)
        changed.loc[changed["year"] == 2023, "independent"] = flags
        monkeypatch.setattr(gov, "_board", lambda ds, year=None, b=changed: b[b["year"] == (year or ds.year)])
        assert _cases(gov.board_findings(ds2023))["gov.ined_floor"] == case


def test_cases_and_reading_2023(ds2023):
    cases = gov.cases_finding(ds2023)
    assert cases.case == "up" and (cases.facts["cur_n"], cases.facts["prior_n"]) == ("2", "1")
    assert gov.corruption_reading(ds2023).case == "referred"
    n = gov.numbers(ds2023)
    assert "referred to the judicial authorities" in n["gov_corruption_reading"]
    assert "已審結" in n["gov_corruption_label"]


def test_2022_has_no_narrative_facts_of_a_report(ds2022):
    assert not ds2022.own_report
    found = gov.findings(ds2022)
    assert _cases(found["board"]) == {"gov.board": "not_listed_comparative"}
    assert found["gender"] == []
    assert found["policies"][0].case == "comparative"
    assert gov.cases_finding(ds2022).case == "no_prior"
    # The 2022 case is not described with 2023 facts.
    assert gov.corruption_reading(ds2022).case == "comparative"
    n = gov.numbers(ds2022)
    text = " ".join(n.values())
    for word in ("referred", "revised", "bribery", "n/a", "None", "nan"):
        assert word not in text
    assert _cases(gov.training_findings(ds2022)) == {"gov.training": "comparative"}


def test_reversed_year_flips_the_case_count(ds2024):
    assert gov.cases_finding(ds2024).case == "down"
    cases = _cases(gov.board_findings(ds2024))
    assert cases["trend"] == "flat"  # the board register is copied: unchanged
    assert gov.policies_finding(ds2024).case == "not_held"  # no statements of a 2024 report are held
    assert gov.corruption_reading(ds2024).case == "label_only"


def test_without_prior_and_without_metrics(ds_no_prior, tmp_path):
    assert gov.cases_finding(ds_no_prior).case == "no_prior"
    assert "n/a" not in " ".join(gov.numbers(ds_no_prior).values())
    ds = data.load(2023, without_metrics(copy_data(tmp_path), ["corruption_cases", "gift_declarations",
                                                               "suppliers_removed"]))
    assert gov.cases_finding(ds).case == "missing"
    assert gov.corruption_reading(ds) is None
    assert gov.compliance_finding(ds).case == "none"
    assert gov.hkex_status(ds)["B7.1"][0] == "not disclosed"


def test_same_keys_every_edition_and_all_strings(ds2023, ds2022, ds2024, ds_no_prior):
    keys = None
    for ds in (ds2023, ds2022, ds2024, ds_no_prior):
        n = gov.numbers(ds)
        assert all(isinstance(v, str) and v for v in n.values())
        assert keys is None or set(n) == keys
        keys = set(n)
    assert isinstance(gov.numbers(ds2023)["gov_board_text"], Md)


def test_hkex_status_follows_the_findings(ds2023, ds2022):
    s = gov.hkex_status(ds2023)
    assert s["B7.1"][0] == "partly" and "no outcome" in s["B7.1"][1]
    assert s["B7.3"][0] == "partly" and s["B7"][0] == "disclosed" and s["B7.2"][0] == "disclosed"
    s = gov.hkex_status(ds2022)
    assert s["B7.1"][0] == "partly" and s["B7.3"][0] == "not disclosed" and s["B7"][0] == "not disclosed"
    assert all(v[0] in {"disclosed", "partly", "not disclosed", "not applicable"} for v in s.values())


def test_tables_and_charts(ds2023, ds2022):
    frame = gov.board_table(ds2023).frame
    assert len(frame) == 9 and (frame["Independent"] == "yes").sum() == 4
    chart = gov.composition_chart(ds2023)
    assert (chart.data.groupby("aspect")["directors"].sum() == 9).all()
    cases = gov.compliance_chart(ds2023).data
    assert cases[cases["metric"] == "corruption_cases"].set_index("year")["value"].to_dict() == {2022: 1.0, 2023: 2.0}
    row = gov.compliance_table(ds2023).frame.iloc[0]
    assert (row["2023"], row["2022"]) == ("2", "1")
    # A prior year with no figure at all has no column.
    assert "2021" not in gov.compliance_table(ds2022).frame.columns
    training = gov.training_chart(ds2023)
    drawn = training.data[training.data["qualifier"] == ""]["metric"].tolist()
    assert "supplier_conference_partners" not in drawn  # 'more than 30' is listed, not drawn
    assert "more than 30" in training.description
    assert gov.training_chart(ds2022).description.startswith("No chart")
    assert gov.board_kpi_table(ds2022).frame.columns.tolist() == ["Note"]
    assert gov.figures(ds2022).frame["Metric"].str.startswith("Corruption cases").tolist() == [True]


def test_age_band():
    assert gov.age_band(69) == "60–69"
