"""Analysis: KPIs recomputed from raw data, reconciliation, inference checks, the edition's findings."""
