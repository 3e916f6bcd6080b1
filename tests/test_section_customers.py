"""Chapter 6 (customers, suppliers, industry): findings for 2023, 2022 and synthetic years; tables; HKEX."""

from synthetic import copy_data, without_metrics, without_prior

from esgbook.analysis import kpis
from esgbook.book.sections import customers as cs
from esgbook.book.sections import customers_analysis as cua
from esgbook.inputs import dataset as data


def _by_topic(fs):
    return {f.topic: f for f in fs}


def test_sections_cover_every_customers_metric(ds2023):
    listed = [m for metrics in cs.SECTIONS.values() for m in metrics]
    assert set(listed) == set(ds2023.table("customers")["metric"])


def test_service_and_anti_fraud_2023(ds2023):
    service = _by_topic(cs.service_findings(ds2023))
    assert service["cus.service_rates"].facts["repeat"].rounded() == 12.2
    assert service["cus.service_claim"].case == "unchecked"
    assert service["cus.complaints"].case == "not_disclosed"
    fraud = _by_topic(cs.anti_fraud_findings(ds2023))
    # CNY 550 m / 42,961 is 12,802, but 5.5億 carries two significant digits: about 13,000
    assert fraud["cus.anti_fraud_totals"].facts["loss_per_victim"].value == 13000
    assert fraud["cus.anti_fraud_totals"].facts["calls_per_victim"].rounded() == 4.1
    text = cs.numbers(ds2023)["cus_anti_fraud_text"]
    assert "18,478" in text and "transfer" not in text  # the report says nothing of a transfer
    assert "dissuaded by staff (人工" in text and "in person" not in text  # 人工主動攔截勸阻: by staff
    assert "12,802" not in text


def test_contacts_are_not_complaints(ds2023):
    found = {f.case: f for f in cua.findings(ds2023)}
    fcr, sat = found["first_contact_resolution_pct"], found["customer_satisfaction_pct"]
    # 12.2% of 75,600 a day: three significant digits, as the complement carries
    assert fcr.facts["daily"].value == 9220 and fcr.facts["yearly"].value == 337  # 10k: 3.37 million
    # 0.8% carries one significant digit: about 600 a day, some 200,000 a year (not 605 and 220,000)
    assert sat.facts["daily"].value == 600 and sat.facts["yearly"].value == 20  # 10k: 200,000
    assert "no_count" in found
    text = cua.numbers(ds2023)["cus_baseline_text"]
    assert "is not a complaint" in text and "the order of the complaints" not in text
    assert text.startswith("If the first-contact resolution rate")  # the per-consultation reading is hedged


def test_suppliers_2023(ds2023):
    assert kpis.compute(ds2023, "suppliers_total", 2023) == 141
    total = _by_topic(cs.supplier_total_findings(ds2023))
    assert total["cus.suppliers_total"].case == "up"
    assert total["cus.suppliers_check"].case == "match"
    regions = _by_topic(cs.region_findings(ds2023))
    largest = regions["cus.largest_region"]
    assert largest.case == "same_less" and largest.facts["region"] == ["North China"]
    assert (largest.facts["prior_share"].rounded(), largest.facts["share"].rounded()) == (67.3, 38.3)
    assert regions["cus.domestic"].case == "by_construction"
    assert regions["cus.regions"].facts["empty"] == ["Northwest China", "Southwest China"]
    shares = _by_topic(cs.share_findings(ds2023))
    assert shares["cus.share_check"].case == "match"
    assert shares["cus.share_gap"].case == "left_out" and shares["cus.share_gap"].facts["left_out"] == \
        ["Central China (5.0%)"]
    n = cs.numbers(ds2023)
    assert "141.00" not in " ".join(n.values()) and "141 count" not in n["cus_suppliers_text"]


def test_reversed_year_flips_the_supplier_story(ds2024):
    total = _by_topic(cs.supplier_total_findings(ds2024))
    assert total["cus.suppliers_total"].case == "down"
    assert _by_topic(cs.region_findings(ds2024))["cus.largest_region"].case == "same_more"
    assert cs.scope_finding(ds2024).case == "own_no_customers"
    assert cs.share_findings(ds2024) == []


def test_2022_has_no_narrative_facts_of_a_report(ds2022):
    assert cs.scope_finding(ds2022).case == "comparative"
    total = _by_topic(cs.supplier_total_findings(ds2022))
    assert total["cus.suppliers_total"].case == "no_prior"
    assert total["cus.department"].case == "missing"
    assert _by_topic(cs.region_findings(ds2022))["cus.largest_region"].case == "no_prior"
    assert _by_topic(cs.region_findings(ds2022))["cus.domestic"].case == "not_published"
    assert _by_topic(cs.standards_findings(ds2022))["cus.standards"].case == "comparative"
    text = " ".join(cs.numbers(ds2022).values())
    for word in ("n/a", "None", " nan", "user-growth", "rose on the prior year", "2022 or 2021"):
        assert word not in text
    # A section without figures is one note: no introduction, no empty table, no placeholder chart.
    n = cs.numbers(ds2022)
    for part in cs.SECTION_WHAT:
        assert n[f"cus_{part}_text"].startswith("No ") and "\n" not in n[f"cus_{part}_text"]
        assert n[f"cus_{part}_figure"].startswith("% not shown")
    assert cua.numbers(ds2022)["cus_baseline_text"].startswith("% not shown")
    assert "HKEX B6.2 asks" not in text and "helped to draft; most concern" not in text
    for table in (cs.service_table, cs.protection_table, cs.anti_fraud_table, cs.industry_table, cs.standards_table):
        shown = table(ds2022)
        assert shown.frame.empty and shown._repr_mimebundle_()["text/markdown"].startswith("% not shown")


def test_without_prior_and_without_metrics(tmp_path):
    ds = data.load(2023, without_prior(copy_data(tmp_path / "a")))
    assert _by_topic(cs.supplier_total_findings(ds))["cus.suppliers_total"].case == "no_prior"
    assert "n/a" not in " ".join(cs.numbers(ds).values())
    ds = data.load(2023, without_metrics(copy_data(tmp_path / "b"), ["fraud_warning_calls"]))
    assert _by_topic(cs.anti_fraud_findings(ds))["cus.anti_fraud_totals"].case == "missing"
    assert "warning calls" not in cs.numbers(ds)["cus_anti_fraud_text"]


def test_same_keys_every_edition(ds2023, ds2022, ds2024):
    keys = [set(cs.numbers(ds)) for ds in (ds2023, ds2022, ds2024)]
    assert keys[0] == keys[1] == keys[2]
    assert all(isinstance(v, str) and v for ds in (ds2023, ds2022, ds2024) for v in cs.numbers(ds).values())


def test_supplier_table(ds2023, ds2022):
    frame = cs.supplier_table(ds2023).frame.set_index("Region")
    assert frame.loc["Total (合計)", "2023"] == "141"
    # The change in suppliers, not a percentage on a base of 1 to 9 (+477.8%, +300.0%, +600.0%)
    assert frame.loc["East China (華東地區)", "Change"] == "+43"
    assert frame.loc["South China (華南地區)", "Change"] == "+21" and frame.loc["Total (合計)", "Change"] == "+89"
    assert frame.loc["Northwest China (西北地方)", "Change"] == "±0"
    assert not frame["Change"].str.endswith("%").any()
    assert frame.loc["Central China (華中地區)", "Published share 2023"] == "–"
    # 2022 has no 2021 and no published shares: those columns go.
    assert cs.supplier_table(ds2022).frame.columns.tolist() == ["Region", "2022", "Share 2022"]


def test_charts(ds2023, ds2022):
    frame = cs.suppliers_chart(ds2023).data
    assert frame.groupby("series")["suppliers"].sum().to_dict() == {"2022": 52, "2023": 141}
    published = cs.supplier_shares_chart(ds2023).data
    assert set(published[published["series"] == "2023 published"]["share"]) == {37.0, 20.0, 38.0}
    assert "more than 2,000" in cs.protection_chart(ds2023).description  # hedged: listed, not drawn
    assert not cs.drawn(cs.service_chart(ds2022)) and cs.drawn(cs.service_chart(ds2023))
    n = cs.numbers(ds2023)
    for part, label in cs.FIGURES.items():
        assert n[f"cus_{part}_figure"].startswith(f"```{{glue:figure}} {label}\n:name: {label}")
    assert len(cs.standards_table(ds2023).frame) == 9


def test_hkex_status(ds2023, ds2022):
    s = cs.hkex_status(ds2023)
    assert s["B5.1"][0] == "disclosed" and s["B6.2"][0] == "partly" and s["B5.4"][0] == "not disclosed"
    s = cs.hkex_status(ds2022)
    assert s["B5.1"][0] == "disclosed" and s["B6.2"][0] == "not disclosed" and s["B5"][0] == "not disclosed"


def test_a_section_the_new_year_drops_is_no_longer_disclosed(ds2024, ds2022):
    note = cs.section_note(ds2024, "service")
    assert note.case == "no_longer" and note.facts["n_prior"] == 5
    assert cs.numbers(ds2024)["cus_service_text"].startswith("The data for 2024 no longer disclose")
    assert cs.section_note(ds2022, "service").case == "comparative"  # 2021 had none: nothing dropped
