"""Chapter 4 (governance): board composition, compliance and training figures, both editions."""
import pytest

from esgbook import data
from esgbook.sections import governance as gov


@pytest.fixture(scope="module")
def ds():
    return data.load(2023)


@pytest.fixture(scope="module")
def ds22():
    return data.load(2022)


def test_board_numbers(ds):
    n = gov.numbers(ds)
    assert n["gov_directors"] == "9"
    assert n["gov_independent_directors"] == "4"
    assert n["gov_female_directors"] == "1"
    assert n["gov_independent_director_share_pct"] == "44.4%"
    assert n["gov_female_director_share_pct"] == "11.1%"
    assert n["gov_ined_vs_minimum"] == "above"
    assert (n["gov_age_min"], n["gov_age_max"], n["gov_age_median"]) == ("41", "69", "48")
    assert n["gov_executive_directors"] == "2"
    assert n["gov_chair_independence"] == "not independent"
    assert n["gov_board_check"] == "The published counts match the list of directors."


def test_every_glue_value_is_a_string(ds, ds22):
    for d in (ds, ds22):
        assert all(isinstance(v, str) and v for v in gov.numbers(d).values())


def test_corruption_cases_against_prior_year(ds):
    n = gov.numbers(ds)
    assert (n["gov_corruption_cases"], n["gov_corruption_cases_prior"]) == ("2", "1")
    assert n["gov_corruption_cases_change"] == "+100.0%"
    assert n["gov_corruption_cases_direction"] == "rose"
    assert n["gov_gift_declarations"] == "27"
    assert n["gov_suppliers_removed"] == "3"
    assert n["gov_supplier_conference_partners"] == "more than 30"


def test_board_table_lists_nine_directors(ds):
    frame = gov.board_table(ds).frame
    assert len(frame) == 9
    assert (frame["Independent"] == "yes").sum() == 4
    assert frame.loc[frame["Gender"] == "Female", "Director"].tolist() == ["Jiao Jiao (焦嬌)"]


def test_composition_chart_data(ds):
    chart = gov.composition_chart(ds)
    frame = chart.data.set_index(["aspect", "group"])["directors"]
    assert frame[("Independence (獨立性)", "Independent (獨立董事)")] == 4
    assert frame[("Gender (性別)", "Female (女)")] == 1
    ages = chart.data[chart.data["aspect"] == "Age (年齡)"].set_index("group")["directors"].to_dict()
    assert ages == {"40–49": 5, "50–59": 2, "60–69": 2}
    # Each aspect accounts for the whole board.
    assert (chart.data.groupby("aspect")["directors"].sum() == 9).all()


def test_compliance_chart_has_both_years_of_cases(ds):
    frame = gov.compliance_chart(ds).data
    cases = frame[frame["metric"] == "corruption_cases"].set_index("year")["value"].to_dict()
    assert cases == {2022: 1.0, 2023: 2.0}


def test_compliance_table(ds):
    frame = gov.compliance_table(ds).frame.set_index("Metric")
    row = frame.iloc[0]
    assert (row["2023"], row["2022"], row["Change"]) == ("2", "1", "+100.0%")
    assert frame.iloc[1]["2022"] == "n/a"


def test_figures_table_covers_every_governance_figure(ds):
    frame = gov.figures(ds).frame
    assert len(frame) == len(ds.table("governance")["metric"].unique())


def test_2022_edition_degrades(ds22):
    n = gov.numbers(ds22)
    assert n["gov_directors"] == "n/a"
    assert n["gov_corruption_cases"] == "1"
    assert n["gov_corruption_cases_change"] == "no prior year"
    assert "no board" in n["gov_board_note"]
    assert gov.board_table(ds22).frame.columns.tolist() == ["Note"]
    assert gov.composition_chart(ds22).label == "fig-gov-board-composition"
    assert gov.training_chart(ds22).description.startswith("No chart")
    # Only the case count exists for 2022: the figures table shows that one row.
    assert gov.figures(ds22).frame["Metric"].str.startswith("Corruption cases").tolist() == [True]


def test_helpers():
    assert gov.large(4.5e6) == "4.5 million"
    assert gov.large(1.64e11) == "164 billion"
    assert gov.large(75600) == "75,600"
    assert gov.decimals_of(0.001) == 3
    assert gov.age_band(69) == "60–69"
