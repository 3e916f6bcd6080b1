"""The shared presentation and chart helpers: figures as published, amounts in words, never-empty outputs."""
import pandas as pd

from esgbook.book import charts, formatting, present
from esgbook.book.narrative.bilingual import Bilingual


def test_amounts_in_words():
    assert formatting.large(4.5e6) == "4.5 million"
    assert formatting.large(1.64e11) == "164 billion"
    assert formatting.large(75600) == "75,600"
    assert formatting.large(None) == "n/a"
    assert formatting.plain_amount(375.2, "10k persons") == "3.752 million"  # every published digit kept
    assert formatting.plain_amount(1621, "CNY 100m", currency=True) == "CNY 162.1 billion"
    assert formatting.plain_unit("10k person-times") == "person-times" and formatting.plain_unit("10k count") == ""


def test_decimals_as_published():
    assert formatting.decimals_of(0.001) == 3
    assert formatting.decimals_of(92.57) == 2
    assert formatting.decimals_of(1.15 * 1e8 / 1e9) == 3  # 0.11499999999999999: not fooled by binary floating point
    assert formatting.as_published(5000, "more than") == "more than 5,000"
    assert formatting.as_published(2, "below", "%") == "below 2%"


def test_qualified(ds2023, ds2022):
    assert present.qualified(ds2023, "supplier_conference_partners") == "more than 30"
    assert present.qualified(ds2023, "smb_users_newly_identified_10k", absolute=True) == "4.5 million"
    assert present.qualified(ds2023, "wholesale_retail_fund_support_cny10k", absolute=True,
                             currency=True) == "more than CNY 50 million"
    assert present.qualified(ds2022, "supplier_conference_partners") == "n/a"


def test_words_and_changes():
    assert formatting.join_and([]) == "none"
    assert formatting.join_and(["a", "b"]) == "a and b"
    assert formatting.join_and(["a", "b", "c"]) == "a, b and c"
    assert present.change_pp(20, 19) == "+1 pp" and present.change_pp(0, 14) == "−14 pp"
    assert present.change_pp(19.004, 19, 2) == "±0.00 pp" and present.change_pp(20, None) == "no prior year"


def test_figures_table_is_never_empty(ds2022):
    table = present.figures_table(ds2022, "operations", "tbl-x", "Caption.", what="governance figures")
    assert table.frame.to_dict("records") == [{"Note": "The report gives no governance figures for 2022 or 2021."}]


def test_placeholder_and_unit_panels(ds2023):
    chart = charts.placeholder("fig-x", "Title", Bilingual("No data for 2030.", "沒有2030年的數據。"))
    assert chart.description == "No chart: No data for 2030." and "No data for 2030." in chart.svg()
    rows = charts.figure_rows(ds2023, ["ip_trademarks", "argus_fraud_loss_rate_pct"])
    assert list(rows["label"]) == ["more than 200", "below 2%"]
    panels = charts.unit_panels(rows, label="fig-x", title="T", description="D", missing="none")
    assert set(panels.data["unit_name"]) == {"Unit: count", "Unit: percent (%)"} and "label" not in panels.data
    empty = charts.unit_panels(rows.iloc[:0], label="fig-x", title="T", description="D", missing=Bilingual("none for 2030", "2030年沒有"))
    assert empty.data["note"].tolist() == ["none for 2030"]


def test_value_bars_of_counts_tick_whole_numbers():
    frame = pd.DataFrame({"item": ["a", "b"], "n": [3, 1]})
    chart = charts.value_bars(frame, label="fig-x", title="T", category="item", value="n", unit="count",
                              description="D", whole=True, measure=Bilingual("Items", "項目"))
    assert chart.spec()["layer"][0]["encoding"]["x"]["axis"] == {"format": "d", "tickMinStep": 1}
