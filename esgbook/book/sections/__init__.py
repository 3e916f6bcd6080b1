"""Chapter logic: one module per book chapter, called by its notebook.

Each module turns the dataset into what its chapter shows: `numbers(ds)` (formatted strings
to glue into the prose), and functions that return `present.Table` and `charts.Chart`
objects. Notebooks only call these and lay out the narrative.
"""

# Chapter (its file under chapters/) -> the section modules whose numbers it glues, in order. A module
# is named after its chapter where that was cheap; this is the one place that maps the others.
CHAPTERS = {
    "00_index": ["opening"],
    "01_overview": ["overview"],
    "02_materiality": ["materiality"],
    "03_highlights": ["highlights"],
    "04_governance": ["governance", "governance_analysis"],
    "05_operations": ["operations", "operations_analysis"],
    "06_customers_suppliers": ["customers", "customers_analysis"],
    "07_people": ["people"],
    "08_environment": ["environment"],
    "09_appendix": ["appendix"],
    "10_undisclosed": ["undisclosed"],
    "editions_compared": ["compared"],
}
