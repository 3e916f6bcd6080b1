"""The assumptions register holds every assumption the modules apply, and the appendix shows it."""
from esgbook.analysis import assumptions, inference, reconcile
from esgbook.book import narrative
from esgbook.book.sections import appendix, customers, governance
from esgbook.book.sections.people import turnover, workforce
from esgbook.inputs import dataset as data
from esgbook.inputs import validate
from esgbook.inputs.intake import plausibility


def test_the_modules_apply_the_registered_values():
    assert customers.DAYS == assumptions.DAYS_PER_YEAR == 365
    assert governance.HKEX_INED_FLOOR_PCT == assumptions.HKEX_INED_FLOOR_PCT
    assert validate.SUM_TOLERANCE == assumptions.SUM_TOLERANCE
    assert plausibility.FACTOR == assumptions.PLAUSIBLE_FACTOR == 3.0
    assert inference.AGREE_PCT == assumptions.AGREE_PCT
    assert turnover.SMALL_GROUP == assumptions.SMALL_GROUP and workforce.MOSTLY == assumptions.MOSTLY_FULL_TIME_PCT


def _row(rec, metric: str, compares: str = ""):
    return rec[(rec["metric"] == metric) & (rec["compares"] == compares)].iloc[0]


def test_a_changed_tolerance_changes_the_reconciliation(ds2023, monkeypatch):
    rec = reconcile.reconciliation(ds2023)
    # Half the last printed digit plus float noise: 0.005 for energy, printed to two decimals.
    assert _row(rec, "energy_mwh")["tolerance"] == 0.5 * 10 ** -2 + assumptions.FLOAT_NOISE
    age = _row(rec, "turnover_rate_pct", "total|age_group")
    assert age["status"] == "discrepancy" and round(abs(age["difference"]), 1) == 2.3
    monkeypatch.setattr(reconcile, "TURNOVER_TOLERANCE_PP", 3.0)
    # The reconciliation is shared by the datasets of a process (the chapters a kernel runs); a changed
    # tolerance is a code change, which a build runs in new kernels: as a new process, the store is empty.
    monkeypatch.setattr(data, "_SHARED", {})  # and the real store is back, unpolluted, after the test
    fresh = data.load(2023)
    assert _row(reconcile.reconciliation(fresh), "turnover_rate_pct", "total|age_group")["status"] == "consistent"


def test_every_entry_has_a_sentence_and_an_effect():
    names = [a.name for a in assumptions.REGISTER]
    assert len(names) == len(set(names)) and len(names) >= 15
    assert all(a.assumption.endswith(".") and a.effect.endswith(".") and a.used_in.startswith("esgbook")
               for a in assumptions.REGISTER)


def test_the_appendix_table_lists_the_register(ds2023):
    frame = appendix.assumptions_frame(ds2023)
    assert len(frame) == len(assumptions.REGISTER)
    rows = frame.set_index("Assumption")
    assert rows.loc["Days in a year", "Value"] == "365"
    assert rows.loc["Independent director floor", "Value"] == "33.3%"


def test_the_appendix_table_reads_in_chinese(ds2023):
    with narrative.using("zh_hant"):  # a text without its Chinese would raise labels.MissingEntry
        md = appendix.assumptions_table(ds2023)._repr_mimebundle_()["text/markdown"]
    assert "一年的日數 | 365 | 天" in md and "假設登記冊" in md
