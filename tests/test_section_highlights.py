"""Chapter 3 (special report): the headline figures, what they imply, and the cases, for every edition."""
import csv
import re

import pandas as pd
import pytest
from synthetic import copy_data, reversed_year, without_metrics

from esgbook.book.narrative import Q
from esgbook.book.sections import highlights as hl
from esgbook.inputs import dataset as data


def _with_2024_highlights(root, factor):
    """2024 highlight rows: the 2023 figures times `factor` (the reversed year has none of its own)."""
    path = root / "highlights.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    rows += [{**r, "year": "2024", "reported_in": "2024", "value": f"{float(r['value']) * factor:.1f}"} for r in rows if r["year"] == "2023"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return root


@pytest.fixture(scope="module")
def ds2024_down(tmp_path_factory):
    root = _with_2024_highlights(reversed_year(copy_data(tmp_path_factory.mktemp("down"))), 0.8)
    return data.load(2024, root)


@pytest.fixture(scope="module")
def ds2023_no_green(tmp_path_factory):
    green = ["green_lending_cny100m", "green_enterprises_served_10k"]
    return data.load(2023, without_metrics(copy_data(tmp_path_factory.mktemp("nogreen")), green))


def test_every_figure_of_the_file_is_shown(ds2023):
    shown = set(hl.HIGHLIGHTS + hl.SMALL_BUSINESS + hl.COMMUNITY)
    assert shown == set(ds2023.table("highlights")["metric"])


def test_figures_2023(ds2023):
    f = hl.figures_finding(ds2023)
    assert f.case == "only_year" and (f.facts["count"], f.facts["unit_count"]) == (8, 4)
    assert f.facts["hedged"] == ""
    c = hl.cumulative_finding(ds2023)
    assert c.case == "some" and (c.facts["cumulative"], c.facts["flow"]) == (5, 3)


def test_theme_findings_2023(ds2023):
    t = hl.theme_findings(ds2023)
    inc = t["inclusive"]
    assert inc.case == "both" and inc.facts["lending"].value == 1621 and inc.facts["share"].value == 34.1
    # 1,621 / 34.1%: 4,754, but a three-digit share carries three significant digits (about 4,750); the range
    # allows for the rounding of both printed figures (1,620.5 / 34.15% to 1,621.5 / 34.05%)
    assert inc.facts["implied"].value == 4750
    assert (round(inc.facts["low"].value), round(inc.facts["high"].value)) == (4745, 4762)
    assert inc.facts["low"].value < 4754 < inc.facts["high"].value
    assert t["rural"].facts["mixed"] == "yes"
    green = t["green"]
    assert green.case == "full" and green.facts["per_enterprise"].value == 74300
    assert green.facts["per_owner"].value == 148000  # 259.6億 / 17.5萬: three significant digits
    n = hl.numbers(ds2023)
    # Plain amounts, never unit ids ('10k enterprises') in the prose.
    assert "216,000" in n["hl_green_text"] and "CNY 162.1 billion" in n["hl_inclusive_text"]
    assert not re.search(r"10k |100m |CNY 100m|CNY 10k", " ".join(n.values()))


def test_derived_figures(ds2023):
    d = hl.derived(ds2023)
    assert d["implied_loan_volume_cny100m"] == pytest.approx(1621 / 0.341)
    assert d["nev_loan_per_owner_cny"] == pytest.approx(259.6e8 / 17.5e4)
    assert d["green_loan_per_enterprise_cny"] == pytest.approx(160.5e8 / 21.6e4)
    sb = hl.small_business_finding(ds2023)
    assert sb.case == "described" and sb.facts["small"] == "yes"
    # more than 5,000萬 over exactly 30萬 merchants is more than 166.7: the floor is rounded down, never up to 167
    assert d["wholesale_support_per_merchant_cny"] == pytest.approx(5000 / 30)
    assert sb.facts["per_merchant"].qualifier == "more than" and sb.facts["per_merchant"].value == 166
    assert hl.per_merchant(ds2023) == sb.facts["per_merchant"]
    frame = hl.derived_table(ds2023).frame.set_index("Derived figure")
    assert frame.iloc[3, 1] == "more than 166"


def test_hedged_ratio_keeps_its_bound():
    assert hl.hedged_ratio(166.67, "more than", "") == Q(166, 0, "", "more than")
    assert hl.hedged_ratio(166.2, "nearly", "") == Q(167, 0, "", "nearly")
    assert hl.hedged_ratio(166.67, "", "") == Q(166.67, 0)
    assert hl.hedged_ratio(166.67, "more than", "about").qualifier == "about"
    assert hl.hedged_ratio(None, "", "").missing


def test_trends_follow_the_data(ds2024_down):
    f = hl.figures_finding(ds2024_down)
    assert f.case == "with_prior" and f.facts["with_prior"] == 8
    assert "fell" in f.facts["trends"] and "rose" not in f.facts["trends"]
    assert "percentage points" in f.facts["trends"]  # the share changes in points


def test_missing_metrics_leave_the_theme_partial(ds2023_no_green):
    green = hl.theme_findings(ds2023_no_green)["green"]
    assert green.case == "partial" and "new-energy" in green.facts["figures"]
    assert hl.figures_finding(ds2023_no_green).facts["count"] == 6


def test_2022_has_no_special_report(ds2022):
    assert hl.figures_finding(ds2022).case == "no_own_report"
    assert all(f is None for f in hl.theme_findings(ds2022).values())
    assert hl.small_business_finding(ds2022).case == "no_own_report"
    (only,) = hl.community_findings(ds2022)
    assert only.case == "no_own_report"
    n = hl.numbers(ds2022)
    assert n["hl_community_resources_text"].startswith("% not shown")
    # No empty table and no placeholder chart: every table of the chapter has no rows (it renders a MyST comment
    # only), the figure blocks are not glued, and each section says once what the year lacks.
    for table in (hl.figures_table, hl.derived_table, hl.small_business_table, hl.community_table,
                  hl.community_figures_table):
        shown = table(ds2022)
        assert shown.frame.empty and shown._repr_mimebundle_()["text/markdown"].startswith("% not shown")
    assert "two campaigns" not in hl.small_business_table(ds2022).caption
    assert n["hl_figures_figure"].startswith("% not shown") and n["hl_averages_figure"].startswith("% not shown")
    assert n["hl_intro_text"].startswith("The special-report chapter") and "2022 counterpart" in n["hl_intro_text"]
    assert {s for s, _ in hl.hkex_status(ds2022).values()} == {"not disclosed"}


def test_2023_glues_its_figures_and_introduction(ds2023):
    n = hl.numbers(ds2023)
    assert n["hl_figures_figure"].startswith("```{glue:figure} fig-hl-figures")
    assert n["hl_averages_figure"].startswith("```{glue:figure} fig-hl-averages")
    assert n["hl_intro_text"].startswith("The report's special-report chapter")


def test_community_2023(ds2023):
    f = {x.topic: x for x in hl.community_findings(ds2023)}
    assert f["hl.community"].case == "cases" and f["hl.community"].facts["count"] == 4
    assert f["hl.community"].facts["unquantified"] == 2
    assert f["hl.community_honours"].case == "one"
    r = f["hl.community_resources"]
    assert r.case == "reach_only" and (r.facts["reach"], r.facts["figures"]) == (2, 4)
    status = hl.hkex_status(ds2023)
    assert (status["B8"][0], status["B8.1"][0], status["B8.2"][0]) == ("disclosed", "disclosed", "partly")


def test_community_without_figures(ds2024):
    f = {x.topic: x for x in hl.community_findings(ds2024)}
    assert f["hl.community"].facts["unquantified"] == 4
    assert f["hl.community_resources"].case == "no_figures"
    assert hl.hkex_status(ds2024)["B8.2"][0] == "not disclosed"


def test_same_keys_and_strings_in_every_edition(ds2023, ds2022, ds2024, ds2024_down, ds2023_alone, ds2023_no_green):
    editions = [hl.numbers(ds) for ds in (ds2023, ds2022, ds2024, ds2024_down, ds2023_alone, ds2023_no_green)]
    assert all(set(n) == set(editions[0]) for n in editions)
    for n in editions:
        assert all(isinstance(v, str) for v in n.values())
        assert not re.search(r"\bn/a\b|\bnan\b|\bNone\b(?! of)|(?<![\d,])0 headline|In 0 case|±0", " ".join(n.values()))


def test_tables(ds2023):
    frame = hl.figures_table(ds2023).frame
    assert len(frame) == 8 and list(frame.columns[:3]) == ["Theme", "Figure", "2023"]
    assert "2022" not in frame  # an empty prior-year column goes
    assert (frame["Covers"].str.startswith("cumulative")).sum() == 5
    community = hl.community_table(ds2023).frame
    col = "Figures given for 2023"
    assert (community[col] == "none").sum() == 2
    assert "more than 1 million person-times" in community.loc[1, col]
    assert community.loc[0, "Partners"] == "鄉村筆記 (Xiangcun Biji)"


def test_charts_draw_only_exact_figures(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    chart = hl.figures_chart(ds2023)
    csv_ = pd.read_csv(chart.write_csv())
    assert len(csv_) == 8 and csv_["unit"].nunique() == 4
    assert chart.spec()["facet"]["row"]["field"] == "panel"  # one panel per unit, never a shared axis
    # a 萬/億 figure drawn as the English tables write it: in full, its panel naming the unit without the scale
    svg = chart.svg()
    assert "Unit: 10 thousand" not in svg and "Unit: enterprises" in svg and "Unit: CNY" in svg
    assert "panel" not in csv_ and "shown" not in csv_  # drawing columns stay out of the CSV
    assert not csv_["unit_name"].str.contains("10k|100m").any()
    averages = hl.averages_chart(ds2023)
    frame = pd.read_csv(averages.write_csv())
    assert len(frame) == 2  # the hedged 'more than 166' per merchant is named, not drawn
    assert "more than 166" in averages.description


def test_figures_the_new_year_drops_are_no_longer_disclosed(ds2024):
    f = hl.figures_finding(ds2024)
    assert f.case == "no_longer" and f.facts["n_prior"] == 8
    assert hl.small_business_finding(ds2024).case == "no_longer"
    assert hl.numbers(ds2024)["hl_intro_text"].startswith("The data for 2024 hold none")
