"""Chapter 8's findings follow the data: 2023, 2022 (no prior year) and synthetic years."""
import pytest
import synthetic

from esgbook.book import narrative
from esgbook.book.sections import environment as env
from esgbook.inputs import dataset as data


@pytest.fixture(scope="module")
def reversed2024(tmp_path_factory):
    return data.load(2024, synthetic.reversed_year(synthetic.copy_data(tmp_path_factory.mktemp("rev"))))


def test_every_edition_glues_the_same_keys_as_strings(ds2022, ds2023, reversed2024):
    keys = None
    for ds in (ds2022, ds2023, reversed2024):
        out = env.numbers(ds)
        assert all(isinstance(v, str) for v in out.values())
        keys = keys or list(out)
        assert list(out) == keys


def test_directions_follow_the_data(ds2023, reversed2024):
    assert env.kpi_trend(ds2023, "electricity_mwh", ds2023.name("electricity_mwh")).case == "down"
    assert env.kpi_trend(ds2023, "ghg_scope2_t", ds2023.name("ghg_scope2_t")).case == "up"
    # 2024 repeats 2022's figures: every 2023 -> 2024 change runs the other way.
    assert env.kpi_trend(reversed2024, "electricity_mwh", ds2023.name("electricity_mwh")).case == "up"
    assert env.kpi_trend(reversed2024, "ghg_scope2_t", ds2023.name("ghg_scope2_t")).case == "down"
    assert env.scope2_vs_electricity(ds2023).case == "opposite"
    assert env.scope2_vs_electricity(reversed2024).case == "opposite"
    assert env.denominator(ds2023).case == "grew" and env.denominator(reversed2024).case == "shrank"
    assert env.intensity(reversed2024, "energy_per_employee_mwh", "energy_mwh").case == "headcount_down"


def test_the_factor_available_when_the_report_was_written(ds2023):
    factor = env.factor_when_written(ds2023)
    assert factor["value"] == pytest.approx(0.5703) and factor["applies_to_year"] == 2022
    written = env.scope2_when_written(ds2023)
    assert written.case == "above" and written.facts["official"].value == pytest.approx(1276.2 * 0.5703)


def test_scope1_is_below_the_default_in_2022_and_above_in_2023(ds2023):
    text = narrative.write(env.scope1_factor(ds2023))
    assert "0.2250 tCO2/MWh for 2022, below" in text and "0.2749 tCO2/MWh for 2023, above" in text


def test_water_intensities_in_conflict_only_where_the_report_prints_two(ds2022, ds2023):
    assert env.published_intensity(ds2023, "water_per_employee_t", "water intensity").case == "conflict"
    assert env.published_intensity(ds2022, "water_per_employee_t", "water intensity").case == "reproduced"


def test_an_edition_without_prior_year_says_so_once(ds2022):
    out = env.numbers(ds2022)
    assert out["env_energy_text"].count("2021") == 1
    assert "rose" not in out["env_ghg_text"] and "fell" not in out["env_ghg_text"]
    assert "comparative column of the 2023 report" in out["env_climate_text"]


def test_no_discrepancy_year_reads_reproduced(tmp_path):
    ds = data.load(2023, synthetic.without_discrepancies(synthetic.copy_data(tmp_path)))
    assert env.published_intensity(ds, "water_per_employee_t", "water intensity").case == "reproduced"


def test_missing_metrics_leave_their_sentences_out(tmp_path):
    ds = data.load(2023, synthetic.without_metrics(synthetic.copy_data(tmp_path), ["water_t", "gasoline_mwh"]))
    out = env.numbers(ds)
    assert "Water use" not in out["env_water_text"] and "Gasoline" not in out["env_energy_text"]
    # 2022 still has its gasoline: its implied factor stays, 2023's is left out.
    assert "for 2022" in out["env_scope1_text"] and "for 2023" not in out["env_scope1_text"]
