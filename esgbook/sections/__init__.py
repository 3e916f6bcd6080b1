"""Chapter logic: one module per book chapter, called by its notebook.

Each module turns the dataset into what its chapter shows: `numbers(ds)` (formatted strings
to glue into the prose), and functions that return `present.Table` and `charts.Chart`
objects. Notebooks only call these and lay out the narrative.
"""
