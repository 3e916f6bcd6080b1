"""The assumptions register: every assumption and tolerance the book's figures rest on, in one place.

Each entry has its value, a plain sentence saying what is assumed, and its effect on what the book
prints; the modules that use a value import it from here, and the appendix's methodology shows the
register as a table (`esgbook.book.sections.appendix.assumptions_table`). Assumptions held as data (the
benchmarks of `data/benchmarks.csv`) are listed there, beside these.

Standard library only: the validator imports this before pandas.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Assumption:
    name: str
    value: float
    unit: str        # a unit id of data/units.csv, or "" for a pure number
    decimals: int    # shown with
    assumption: str  # what is assumed, one plain sentence
    effect: str      # what it changes in the book, one plain sentence
    used_in: str     # the module that applies it


REGISTER: list[Assumption] = []


def _add(name: str, value: float, unit: str, decimals: int, assumption: str, effect: str, used_in: str) -> float:
    REGISTER.append(Assumption(name, value, unit, decimals, assumption, effect, used_in))
    return value


# -- annualising and legal floors -------------------------------------------------------------------
DAYS_PER_YEAR = _add(
    "Days in a year", 365, "days", 0,
    "A per-day average the report gives, times this number of days, is the year's total.",
    "The yearly totals of chapter 6 scale with it.", "esgbook.book.sections.customers")
HKEX_INED_FLOOR_PCT = _add(
    "Independent director floor", 100 / 3, "%", 1,
    "Independent directors must be at least this share of the board (HKEX Listing Rule 3.10A).",
    "Chapter 4 says whether the board's independent share meets this floor.", "esgbook.book.sections.governance")

# -- reconciliation ---------------------------------------------------------------------------------
ROUNDING_SHARE = _add(
    "Published rounding", 0.5, "", 1,
    "A published figure may differ from the exact value by this fraction of a unit of its last printed digit.",
    "A recomputed figure within this of the published one counts as consistent.", "esgbook.analysis.reconcile")
FLOAT_NOISE = _add(
    "Floating-point allowance", 1e-9, "", 9,
    "Differences smaller than this are arithmetic noise, not a difference in the data.",
    "Added to every reconciliation tolerance so an exact match never fails.", "esgbook.analysis.reconcile")
SLIP_DIGITS = _add(
    "Transcription slip", 10, "", 0,
    "A gap of up to this many times the rounding tolerance is a slip in the last digits of a printed total.",
    "The reconciliation note calls such a gap a rounding or transcription slip.", "esgbook.analysis.reconcile")
TRAINED_SHARE_TOLERANCE_PP = _add(
    "Training coverage check", 1.0, "%", 1,
    "Two breakdowns of the share trained may disagree by this much from the rounding of whole-percent rates.",
    "A larger gap between the gender and rank breakdowns is flagged as a discrepancy.", "esgbook.analysis.reconcile")
TRAINING_HOURS_TOLERANCE = _add(
    "Training hours check", 0.01, "hours/employee", 2,
    "Two breakdowns of the average training hours may disagree by this much from the rounding of the averages.",
    "A larger gap between the gender and rank breakdowns is flagged as a discrepancy.", "esgbook.analysis.reconcile")
TURNOVER_TOLERANCE_PP = _add(
    "Turnover check", 1.0, "%", 1,
    "The headcount-weighted group turnover rates may differ from the total by this much from rounding.",
    "A larger gap between a breakdown and the total is flagged as a discrepancy.", "esgbook.analysis.reconcile")
SENSITIVITY_DECIMALS = _add(
    "Sensitivity rounding", 2, "", 0,
    "Emissions recomputed with an official factor are compared at this many decimals, as the report prints them.",
    "Sets the tolerance shown for the sensitivity rows of the reconciliation.", "esgbook.analysis.reconcile")

# -- validation and plausibility --------------------------------------------------------------------
SUM_TOLERANCE = _add(
    "Breakdown sum", 1e-9, "", 9,
    "Head counts are whole numbers, so a breakdown may differ from its total by no more than this.",
    "A breakdown that does not add up stops validation with an error.", "esgbook.inputs.validate")
PLAUSIBLE_FACTOR = _add(
    "Plausible change", 3.0, "", 1,
    "A figure that moves by more than this factor on the prior year may be a unit or typing error.",
    "Such a figure is listed as a plausibility warning; the build goes on.", "esgbook.inputs.intake.plausibility")
SHARE_TOLERANCE_PP = _add(
    "Share against counts", 1.0, "%", 1,
    "A published share may differ from the share its counts give by this much from rounding.",
    "A larger gap is listed as a plausibility warning.", "esgbook.inputs.intake.plausibility")

# -- inference --------------------------------------------------------------------------------------
AGREE_PCT = _add(
    "Estimates agree", 5.0, "%", 1,
    "Two estimates of one count agree when they are within this share of each other.",
    "Decides whether the inference checks call two estimates consistent.", "esgbook.analysis.inference")

# -- people -----------------------------------------------------------------------------------------
HALF_PERCENT = _add(
    "Whole-percent rates", 0.5, "%", 1,
    "Rates published as whole percents may be this far from the exact rate.",
    "Sets the bounds of the training and turnover rates chapter 7 derives.", "esgbook.book.sections.people")
SMALL_GROUP = _add(
    "Small group", 50, "persons", 0,
    "In a group smaller than this, one leaver moves the group's rate by a large step.",
    "Chapter 7 warns that such a group's turnover rate is volatile.", "esgbook.book.sections.people")
MOSTLY_FULL_TIME_PCT = _add(
    "Nearly all full-time", 95.0, "%", 0,
    "A full-time share at or above this means nearly every employee is full-time.",
    "Chapter 7 then describes the workforce as almost entirely full-time.", "esgbook.book.sections.people")
