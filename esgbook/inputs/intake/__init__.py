"""Data intake: how files that passed through a spreadsheet are read and checked, and the
data-entry workbook (`make template` / `make import`).

`files` decodes a CSV file (UTF-8 with or without a byte-order mark, any line ends) and names
what a spreadsheet did to it; `cells` says what is wrong with one cell; `workbook` (openpyxl,
imported only there) writes the template and imports a filled one. Nothing here imports pandas.
"""
