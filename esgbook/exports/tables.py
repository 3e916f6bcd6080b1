"""Tables written out as CSV or JSON: what the CLI prints and the appendix's downloads hold, in one shape.

Standard library only (the CLI imports this before pandas): `render` takes any frame-like object with
`to_dict("records")` and `to_csv`.
"""
from __future__ import annotations

import json
import math

# The columns of the KPI table as exported (`python -m esgbook kpis`, downloads/kpis-<year>.csv).
KPI_COLUMNS = ["year", "metric", "dimension", "category", "value", "unit", "hkex", "name_en",
               "prior_value", "change_pct", "change_note", "fact_id"]


def records(frame) -> list[dict]:
    """The frame's rows as plain Python values (NaN -> None, numpy scalars -> numbers)."""
    out = []
    for rec in frame.to_dict("records"):
        out.append({k: (None if isinstance(v, float) and math.isnan(v) else
                        v.item() if hasattr(v, "item") else v) for k, v in rec.items()})
    return out


def render(frame, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(records(frame), ensure_ascii=False, indent=1) + "\n"
    return frame.to_csv(index=False, lineterminator="\n")
