"""Session setup shared by the unit tests and the nbval run over notebooks/.

nbval re-executes the committed notebooks; their charts write CSVs under downloads/.
Point that at a temporary folder so a test run never writes into the committed editions.
"""
import os
import tempfile

os.environ.setdefault("ESGBOOK_OUTPUT_DIR", tempfile.mkdtemp(prefix="esgbook-nbval-"))
