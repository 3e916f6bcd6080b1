"""Chapter 10: register statuses follow the year's data."""
from __future__ import annotations

from esgbook.book.sections import undisclosed


def _status(ds, code):
    reg = undisclosed.register(ds).set_index("code")
    return reg.loc[code, "status"]


def test_scope_1_and_2_disclosed_scope_3_not(ds2023):
    assert _status(ds2023, "D-MET-1") == "disclosed" and _status(ds2023, "D-MET-2") == "disclosed"
    assert _status(ds2023, "D-MET-3") == "not disclosed"
    climate = undisclosed.climate_findings(ds2023)[0]
    assert climate.case == "some_supported" and climate.facts["supported"] == ["Scope 1", "Scope 2"]
    assert "Scope 3 and financed emissions" in climate.facts["missing"]


def test_counts_by_framework(ds2023):
    found = {f.facts["framework"]: f for f in undisclosed.summary_findings(ds2023)}
    sasb = found["SASB Consumer Finance"].facts
    # FN-CF-230a.1 (data breaches) is partly disclosed: 'no accident' beside data-leak losses (esgbook.analysis.story)
    assert (sasb["disclosed"].value, sasb["partly"].value, sasb["not_disclosed"].value) == (1, 4, 7)
    assert found["HKEX climate (FY2025)"].facts["items"].value == 19


def test_statuses_follow_the_data_of_another_year(ds2022):
    # 2022 has Scope 1 and 2 figures but no narrative assessment and no cyber-security count.
    assert _status(ds2022, "D-MET-1") == "disclosed"
    assert _status(ds2022, "FN-CF-230a.1") == "not disclosed"
    assert _status(ds2022, "D-GOV-1") == "not assessed"   # narrative of a year the register has not read
    reg = undisclosed.register(ds2022).set_index("code")
    assert reg.loc["D-GOV-1", "reason"].startswith("Not assessed for 2022")


def test_missing_metric_turns_an_item_not_disclosed(tmp_path):
    from synthetic import copy_data, without_metrics

    from esgbook.inputs import dataset as data
    ds = data.load(2023, without_metrics(copy_data(tmp_path), ["ghg_scope2_t"]))
    assert _status(ds, "D-MET-2") == "not disclosed"


def test_numbers_glue_the_same_keys(ds2023, ds2023_alone):
    assert list(undisclosed.numbers(ds2023)) == list(undisclosed.numbers(ds2023_alone))
    assert undisclosed.status_chart(ds2023).data["items"].sum() == 31
