"""Data in: the data package loaded and validated whole, spreadsheet intake, the read log."""
