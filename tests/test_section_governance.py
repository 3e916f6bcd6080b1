"""Chapter 4 (governance): board composition, compliance and training figures, both editions."""
from esgbook.sections import governance as gov


def test_board_numbers(ds2023):
    n = gov.numbers(ds2023)
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


def test_every_glue_value_is_a_string(ds2023, ds2022):
    for d in (ds2023, ds2022):
        assert all(isinstance(v, str) and v for v in gov.numbers(d).values())


def test_corruption_cases_against_prior_year(ds2023):
    n = gov.numbers(ds2023)
    assert (n["gov_corruption_cases"], n["gov_corruption_cases_prior"]) == ("2", "1")
    assert n["gov_corruption_cases_change"] == "+100.0%"
    assert n["gov_corruption_cases_direction"] == "rose"
    assert n["gov_gift_declarations"] == "27"
    assert n["gov_suppliers_removed"] == "3"
    assert n["gov_supplier_conference_partners"] == "more than 30"


def test_board_table_lists_nine_directors(ds2023):
    frame = gov.board_table(ds2023).frame
    assert len(frame) == 9
    assert (frame["Independent"] == "yes").sum() == 4
    assert frame.loc[frame["Gender"] == "Female", "Director"].tolist() == ["Jiao Jiao (焦嬌)"]


def test_composition_chart_data(ds2023):
    chart = gov.composition_chart(ds2023)
    frame = chart.data.set_index(["aspect", "group"])["directors"]
    assert frame[("Independence (獨立性)", "Independent (獨立董事)")] == 4
    assert frame[("Gender (性別)", "Female (女)")] == 1
    ages = chart.data[chart.data["aspect"] == "Age (年齡)"].set_index("group")["directors"].to_dict()
    assert ages == {"40–49": 5, "50–59": 2, "60–69": 2}
    # Each aspect accounts for the whole board.
    assert (chart.data.groupby("aspect")["directors"].sum() == 9).all()


def test_compliance_chart_has_both_years_of_cases(ds2023):
    frame = gov.compliance_chart(ds2023).data
    cases = frame[frame["metric"] == "corruption_cases"].set_index("year")["value"].to_dict()
    assert cases == {2022: 1.0, 2023: 2.0}


def test_compliance_table(ds2023):
    frame = gov.compliance_table(ds2023).frame.set_index("Metric")
    row = frame.iloc[0]
    assert (row["2023"], row["2022"], row["Change"]) == ("2", "1", "+100.0%")
    assert frame.iloc[1]["2022"] == "n/a"


def test_figures_table_covers_every_governance_figure(ds2023):
    frame = gov.figures(ds2023).frame
    assert len(frame) == len(ds2023.table("governance")["metric"].unique())


def test_2022_edition_degrades(ds2022):
    n = gov.numbers(ds2022)
    assert n["gov_directors"] == "n/a"
    assert n["gov_corruption_cases"] == "1"
    assert n["gov_corruption_cases_change"] == "no prior year"
    assert "no board" in n["gov_board_note"]
    assert gov.board_table(ds2022).frame.columns.tolist() == ["Note"]
    assert gov.composition_chart(ds2022).label == "fig-gov-board-composition"
    assert gov.training_chart(ds2022).description.startswith("No chart")
    # Only the case count exists for 2022: the figures table shows that one row.
    assert gov.figures(ds2022).frame["Metric"].str.startswith("Corruption cases").tolist() == [True]


def test_age_band():
    assert gov.age_band(69) == "60–69"
