"""The build: editions run and kept, notebook execution, freshness, run control, the site."""
