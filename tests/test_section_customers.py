"""Chapter 6 (customers, suppliers, industry): service, anti-fraud, suppliers by region, standards."""
from esgbook import kpis
from esgbook.sections import customers as cs


def test_sections_cover_every_customers_metric(ds2023):
    listed = [m for metrics in cs.SECTIONS.values() for m in metrics]
    assert set(listed) == set(ds2023.table("customers")["metric"])


def test_service_and_anti_fraud_numbers(ds2023):
    n = cs.numbers(ds2023)
    assert n["cs_customer_satisfaction_pct"] == "99.2%"
    assert n["cs_first_contact_resolution_pct"] == "87.8%"
    assert n["cs_fcr_repeat_pct"] == "12.2%"
    assert "cannot be checked" in n["cs_service_prior_note"]
    assert n["cs_consultations_per_day_10k_abs"] == "75,600"
    assert n["cs_fraud_losses_avoided_cny100m_abs"] == "550 million"
    assert n["cs_loss_avoided_per_victim"] == "12,802"   # CNY 550 m / 42,961 people
    assert n["cs_education_reach_10k_abs"] == "more than 50 million"


def test_suppliers_total_and_change(ds2023):
    assert kpis.compute(ds2023, "suppliers_total", 2023) == 141
    assert kpis.compute(ds2023, "suppliers_total", 2022) == 52
    n = cs.numbers(ds2023)
    assert (n["cs_suppliers_total"], n["cs_suppliers_total_prior"]) == ("141", "52")
    assert n["cs_suppliers_total_change"] == "+171.2%"
    assert n["cs_suppliers_total_direction"] == "rose"
    assert n["cs_suppliers_total_check"] == "The regions of the data table add up exactly to the total the text gives."


def test_published_shares_reconcile(ds2023):
    n = cs.numbers(ds2023)
    assert n["cs_supplier_share_north_china"] == "38.3%"
    assert n["cs_supplier_share_north_china_published"] == "38%"
    assert n["cs_supplier_share_east_china"] == "36.9%"
    assert n["cs_supplier_share_east_china_published"] == "37%"
    assert n["cs_supplier_share_south_china"] == "19.9%"
    assert n["cs_supplier_share_south_china_published"] == "20%"
    assert n["cs_share_check"].startswith("Each published share is the share recomputed")
    assert "add up to 95%" in n["cs_share_gap"] and "Central China (5.0%)" in n["cs_share_gap"]
    assert n["cs_empty_regions"] == "Northwest China and Southwest China"
    assert "less concentrated" in n["cs_concentration_sentence"]


def test_suppliers_chart_csv_rows(ds2023):
    frame = cs.suppliers_chart(ds2023).data
    assert len(frame) == 12  # six regions, two years
    counts = frame.set_index(["series", "region"])["suppliers"]
    assert counts[("2023", "North China (華北地區)")] == 54
    assert counts[("2022", "North China (華北地區)")] == 35
    assert frame.groupby("series")["suppliers"].sum().to_dict() == {"2022": 52, "2023": 141}


def test_supplier_shares_chart_has_published_series(ds2023):
    frame = cs.supplier_shares_chart(ds2023).data
    published = frame[frame["series"] == "2023 published"].set_index("region")["share"].to_dict()
    assert published == {"East China (華東地區)": 37.0, "South China (華南地區)": 20.0, "North China (華北地區)": 38.0}


def test_supplier_table(ds2023):
    frame = cs.supplier_table(ds2023).frame.set_index("Region")
    assert frame.loc["Total (合計)", "2023"] == "141"
    assert frame.loc["East China (華東地區)", "Change"] == "+477.8%"
    assert frame.loc["Central China (華中地區)", "Published share 2023"] == "–"


def test_standards_table(ds2023):
    frame = cs.standards_table(ds2023).frame
    assert len(frame) == 9
    assert cs.numbers(ds2023)["cs_standards_count"] == "9"
    assert "個人資訊保護合規準則" in frame["Title (標題)"].tolist()


def test_2022_edition(ds2022):
    n = cs.numbers(ds2022)
    assert n["cs_suppliers_total"] == "52"
    assert n["cs_suppliers_total_change"] == "no prior year"
    assert n["cs_customer_satisfaction_pct"] == "n/a"
    assert n["cs_supplier_share_north_china"] == "67.3%"
    assert n["cs_share_check"] == "The report publishes no regional shares for 2022."
    assert cs.service_chart(ds2022).description.startswith("No chart")
    assert set(cs.suppliers_chart(ds2022).data["series"]) == {"2022"}
    assert cs.standards_table(ds2022).frame.columns.tolist() == ["Note"]
    assert all(isinstance(v, str) and v for v in n.values())
