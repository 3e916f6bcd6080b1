"""Exports: tables as CSV and JSON, XBRL, the comparison of two executed editions."""
