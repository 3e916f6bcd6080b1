"""Chapter 5 (responsible operations): sentences as findings, hedges, one table per section, every edition."""

import re
from pathlib import Path

from synthetic import copy_data, without_metrics, without_prior

from esgbook.book.sections import operations as ops
from esgbook.book.sections import operations_analysis as opa
from esgbook.inputs import dataset as data


def _facts(ds, topic):
    return next(f for fs in ops.findings(ds).values() for f in fs if f.topic == topic)


def test_sections_cover_every_operations_metric(ds2023):
    listed = [m for metrics in ops.SECTIONS.values() for m in metrics]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(ds2023.table("operations")["metric"])


def test_every_sentence_is_stated_in_2023(ds2023):
    cases = {f.topic: f.case for fs in ops.findings(ds2023).values() for f in fs}
    assert set(cases.values()) == {"stated", "upper_bound"}
    assert ops.scope_finding(ds2023).case == "year_only"


def test_figures_keep_their_hedges(ds2023):
    argus = _facts(ds2023, "ops.loss_rates").facts
    assert (argus["fraud_rate"].value, argus["fraud_rate"].qualifier) == (2.0, "below")
    assert argus["impersonation"].qualifier == "below" and argus["impersonation"].decimals == 3
    smb = _facts(ds2023, "ops.smb_model").facts
    assert (smb["auc"].qualifier, smb["new_users"].value, smb["new_users"].unit) == ("at least", 450, "10k count")
    n = ops.numbers(ds2023)
    assert "below 2%" in n["ops_argus_text"] and "below 0.001 basis points" in n["ops_argus_text"]
    assert "4.5 million part-time" in n["ops_ai_text"] and "10k" not in " ".join(n.values())


def test_derived_ratios(ds2023):
    derived = ops._derived(ds2023)
    # CNY 120,000 -> 200,000: two significant digits each, so 67%, not 66.7%
    assert derived["case_increase"].decimals == 0 and round(derived["case_increase"].value) == 67
    # 460,000 lines / 20,000 blocks: 2萬 blocks carry one significant digit, so about 20, not 23
    assert derived["per_block"].value == 20
    assert derived["percentile"].value == 7.5                # 12th of 160 defence teams
    assert round(derived["per_node"].value) == 68            # 164 bn edges / 2.4 bn nodes
    assert round(derived["per_alert"].value) == 14           # CNY 315 m / 21.8 m alerts
    assert _facts(ds2023, "ops.ip_granted_share").case == "upper_bound"  # 'more than 900' applications
    assert "at most about 33%" in ops.numbers(ds2023)["ops_ip_text"]


def test_copyrights_are_nearly_100(ds2023):
    ip = _facts(ds2023, "ops.ip").facts
    assert (ip["copyrights"].value, ip["copyrights"].qualifier) == (100, "nearly")  # 近百件
    assert "nearly 100 copyright registrations" in ops.numbers(ds2023)["ops_ip_text"]


def test_no_accident_is_not_no_leak(ds2023, ds2022):
    leaks = opa.leaks_finding(ds2023)
    assert leaks.case == "leaks_counted" and leaks.facts["loss"].value == 4.2
    assert (leaks.facts["sellers"].value, leaks.facts["sellers"].qualifier) == (2300, "more than")
    assert opa.leaks_finding(ds2022).case == "missing"


def test_no_hacking_statement_only_in_its_own_report(ds2023, ds2022, ds2024):
    assert ops.statement_findings(ds2023)["no_hacking"].case == "stated"
    for ds in (ds2022, ds2024):  # 2022: comparative only; 2024: no statement of a 2024 report held
        assert ops.statement_findings(ds)["no_hacking"].case == "missing"
        assert "hacking" not in " ".join(ops.numbers(ds).values())


def test_2022_edition_is_a_short_note(ds2022):
    assert ops.scope_finding(ds2022).case == "comparative"
    n = ops.numbers(ds2022)
    # Each section is one note (no introduction describing 2023 content), the others glue nothing visible.
    notes = {k for k, v in n.items() if not v.startswith("% not shown")} - {"ops_year", "ops_scope_text"}
    assert notes == {f"ops_{part}_text" for part in ops.SECTION_WHAT}
    assert all(n[k].startswith("No figures on") and "\n" not in n[k] for k in notes)
    assert not n["ops_scope_text"].startswith("This chapter gathers")  # the chapter's introduction is 2023's
    text = " ".join(n.values())
    assert not re.search(r"\bn/a\b|\bNone\b|\bnan\b| 0 |2022 or 2021", text)
    for table in (ops.ai_table, ops.platform_table, ops.security_table, ops.argus_table, ops.ip_table):
        shown = table(ds2022)
        assert shown.frame.empty and shown._repr_mimebundle_()["text/markdown"].startswith("% not shown")
    assert {v[0] for v in ops.hkex_status(ds2022).values()} == {"not disclosed"}


def test_reversed_and_without_prior_years(ds2024, tmp_path):
    assert ops.scope_finding(ds2024).case == "none"
    ds = data.load(2023, without_prior(copy_data(tmp_path)))
    assert ops.numbers(ds)["ops_argus_text"] == ops.numbers(data.load(2023))["ops_argus_text"]


def test_without_metrics_leaves_the_sentence_out(tmp_path):
    ds = data.load(2023, without_metrics(copy_data(tmp_path), ["argus_fraud_loss_rate_pct"]))
    assert _facts(ds, "ops.loss_rates").case == "missing"
    assert "fraud loss rate" not in ops.numbers(ds)["ops_argus_text"]
    assert not ops.argus_table(ds).frame["Metric"].str.startswith("Fraud loss rate").any()


def test_same_keys_every_edition(ds2023, ds2022, ds2024):
    keys = [set(ops.numbers(ds)) for ds in (ds2023, ds2022, ds2024)]
    assert keys[0] == keys[1] == keys[2]
    assert all(isinstance(v, str) and v for ds in (ds2023, ds2022, ds2024) for v in ops.numbers(ds).values())


def test_no_figures_of_unlike_kinds_are_ranked():
    """Each section shows its figures once, as published: no table ranks an SLA against a conversion rate."""
    assert not hasattr(opa, "ranked_frame") and not hasattr(opa, "ranked_table")
    for path in ("chapters/05_operations.md", "chapters/zh-hant/05_operations.md"):
        text = (Path(__file__).resolve().parent.parent / path).read_text(encoding="utf-8")
        assert "ranked" not in text.replace("never ranked", "") and "排序" not in text


def test_tables_list_each_figure_with_unit_words(ds2023):
    argus = ops.argus_table(ds2023).frame
    assert len(argus) == 16 and argus["Metric"].str.startswith("Generation of the Argus").sum() == 1
    security = ops.security_table(ds2023).frame
    assert len(security) == 15
    assert security[security["Breakdown"] == "Defence teams"]["2023"].tolist() == ["160"]
    assert "10k count" not in set(ops.ai_table(ds2023).frame["Unit"])


def test_hkex_status(ds2023):
    s = ops.hkex_status(ds2023)
    assert s == {**s, "B6": s["B6"]} and s["B6"][0] == "partly" and s["B6.3"][0] == "disclosed"
    assert s["B6.4"][0] == "partly" and s["B6.5"][0] == "disclosed"


def test_a_section_the_new_year_drops_is_no_longer_disclosed(ds2024):
    """ds2024 holds 2022's figures: every section 2023 had is said to be no longer disclosed, with its count."""
    notes = {part: ops.section_note(ds2024, part) for part in ops.SECTION_WHAT}
    assert {f.case for f in notes.values()} == {"no_longer"}
    assert notes["ip"].facts["n_prior"] == 5 and notes["ai"].facts["n_prior"] == 18
    assert ops.numbers(ds2024)["ops_ip_text"].startswith("The data for 2024 no longer disclose")


def test_tables_write_wan_and_yi_figures_as_the_prose_does(ds2023):
    """English tables write a 萬/億 figure in full, as the English prose does; Chinese tables keep it as printed."""
    from esgbook.book import narrative

    frame = ops.ai_table(ds2023).frame.set_index("2023")
    assert frame.loc["4.5 million", "Unit"] == "persons" and frame.loc["4.5 million", "Unit"].zh == "萬人"
    assert "4.5 million" in " ".join(ops.numbers(ds2023).values())
    security = ops.security_table(ds2023).frame
    assert "420 million" in list(security["2023"]) and "CNY" in list(security["Unit"])
    with narrative.using("zh_hant"):
        cells = [c.zh if hasattr(c, "zh") else c for c in ops.ai_table(ds2023).frame["2023"]]
    assert "450" in cells and "超過2,450" in cells
