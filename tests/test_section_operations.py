"""Chapter 5 (responsible operations): sentences as findings, hedges, ranked tables, every edition."""

from synthetic import copy_data, without_metrics, without_prior

from esgbook import data
from esgbook.sections import operations as ops
from esgbook.sections import operations_analysis as opa


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
    assert round(derived["case_increase"].value, 1) == 66.7   # CNY 120,000 -> 200,000
    assert round(derived["per_block"].value) == 23           # 460,000 lines / 20,000 blocks
    assert derived["percentile"].value == 7.5                # 12th of 160 defence teams
    assert round(derived["per_node"].value) == 68            # 164 bn edges / 2.4 bn nodes
    assert round(derived["per_alert"].value) == 14           # CNY 315 m / 21.8 m alerts
    assert _facts(ds2023, "ops.ip_granted_share").case == "upper_bound"  # 'more than 900' applications


def test_no_hacking_statement_only_in_its_own_report(ds2023, ds2022, ds2024):
    assert ops.statement_findings(ds2023)["no_hacking"].case == "stated"
    for ds in (ds2022, ds2024):  # 2022: comparative only; 2024: no statement of a 2024 report held
        assert ops.statement_findings(ds)["no_hacking"].case == "missing"
        assert "hacking" not in " ".join(ops.numbers(ds).values())


def test_2022_edition_is_a_short_note(ds2022):
    assert ops.scope_finding(ds2022).case == "comparative"
    n = ops.numbers(ds2022)
    assert all(v.startswith("% not shown") for k, v in n.items() if k not in ("ops_year", "ops_scope_text"))
    for word in ("n/a", "None", "nan", " 0 "):
        assert word not in " ".join(n.values())
    for group in opa.GROUPS:
        table = opa.ranked_table(ds2022, group)
        assert table.label == f"tbl-ops-{group.replace('_', '-')}-ranked"
        assert table.frame["Note"].tolist() == ["The report gives no such figures for 2022 or 2021."]
    assert ops.ai_table(ds2022).frame.columns.tolist() == ["Note"]
    assert {v[0] for v in ops.hkex_status(ds2022).values()} == {"not disclosed"}


def test_reversed_and_without_prior_years(ds2024, tmp_path):
    assert ops.scope_finding(ds2024).case == "none"
    ds = data.load(2023, without_prior(copy_data(tmp_path)))
    assert ops.numbers(ds)["ops_argus_text"] == ops.numbers(data.load(2023))["ops_argus_text"]


def test_without_metrics_leaves_the_sentence_out(tmp_path):
    ds = data.load(2023, without_metrics(copy_data(tmp_path), ["argus_fraud_loss_rate_pct"]))
    assert _facts(ds, "ops.loss_rates").case == "missing"
    assert "fraud loss rate" not in ops.numbers(ds)["ops_argus_text"]
    percent = opa.ranked_frame(ds, "argus").query("Unit == 'percent'")
    assert not percent["Figure"].str.startswith("Fraud loss rate").any()
    assert percent["Rank"].tolist() == ["1", "2", "3"]  # the ranks close up over the missing figure


def test_same_keys_every_edition(ds2023, ds2022, ds2024):
    keys = [set(ops.numbers(ds)) for ds in (ds2023, ds2022, ds2024)]
    assert keys[0] == keys[1] == keys[2]
    assert all(isinstance(v, str) and v for ds in (ds2023, ds2022, ds2024) for v in ops.numbers(ds).values())


def _row(frame, figure):
    (row,) = frame[frame["Figure"].str.startswith(figure)].to_dict("records")
    return row


def test_ranked_tables_rank_within_a_unit_and_keep_hedges(ds2023):
    argus = opa.ranked_frame(ds2023, "argus")
    assert len(argus) == 15 and not argus["Figure"].str.startswith("Generation").any()  # the ordinal is in the text
    seconds = argus[argus["Unit"] == "seconds"]
    assert [(r["Rank"], r["As published"]) for r in seconds.to_dict("records")] == [("1", "44"), ("2", "39")]
    fraud = _row(argus, "Fraud loss rate")
    assert (fraud["Rank"], fraud["As published"], fraud["Hedge"]) == ("4", "below 2%", "below")
    assert _row(argus, "Impersonation")["As published"] == "below 0.001"
    # A hedged figure ranks by the number the report gives: 'more than 120,000' above 50,000 and 'more than 1,000'.
    counts = argus[argus["Unit"] == "count"]
    assert counts["As published"].tolist() == ["more than 120,000", "50,000", "more than 1,000"]
    ip = opa.ranked_frame(ds2023, "ip")
    assert ip["Rank"].tolist() == ["1", "2", "3", "4", "5"]
    assert (_row(ip, "Registered trademarks")["Hedge"], _row(ip, "Granted patent")["Hedge"]) == ("more than", "nearly")
    assert _row(ip, "Entities recognised")["As published"] == "2" and _row(ip, "Entities recognised")["Hedge"] == "–"
    assert opa.ranked_table(ds2023, "argus").label == "tbl-ops-argus-ranked"


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
