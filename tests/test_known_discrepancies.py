"""The reconciliation flags exactly the discrepancies data/known_discrepancies.csv lists, in every year:
a new year's figure that newly fails (or a fixed one that stops failing) fails a test by name."""
import pytest

from esgbook.analysis import reconcile
from esgbook.inputs import dataset as data

YEARS = data.available_years()


def _named(keys) -> str:
    return "; ".join("{} {} ({}, {})".format(*k) for k in sorted(keys))


@pytest.mark.parametrize("year", YEARS)
def test_reconciliation_flags_only_known_discrepancies(year):
    ds = data.load(year)
    flagged, known = reconcile.flagged(ds), reconcile.known_discrepancies(ds)
    new = flagged - known.keys()
    assert not new, f"flagged but not in data/known_discrepancies.csv: {_named(new)}"


@pytest.mark.parametrize("year", YEARS)
def test_every_known_discrepancy_is_still_flagged(year):
    ds = data.load(year)
    gone = reconcile.known_discrepancies(ds).keys() - reconcile.flagged(ds)
    assert not gone, f"listed in data/known_discrepancies.csv but no longer flagged: {_named(gone)}"


def test_the_register_holds_real_discrepancies(ds2023):
    known = reconcile.known_discrepancies(ds2023)
    assert (2023, "water_per_employee_t_narrative", "total", "all") in known
    assert (2023, "turnover_rate_pct", "total|age_group", "all") in known
    assert all(reason for reason in known.values())


def test_a_new_discrepancy_is_named(ds2023, monkeypatch):
    # Drop one listed row: the check must now name it as unexpected.
    real = reconcile.known_discrepancies
    key = (2023, "training_hours_avg", "gender|rank", "all")
    monkeypatch.setattr(reconcile, "known_discrepancies", lambda ds, year=None: {
        k: v for k, v in real(ds, year).items() if k != key})
    new = reconcile.flagged(ds2023) - reconcile.known_discrepancies(ds2023).keys()
    assert _named(new) == "2023 training_hours_avg (gender|rank, all)"
