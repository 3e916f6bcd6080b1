"""Session setup shared by the unit tests and the nbval run over notebooks/.

nbval re-executes the committed notebooks; their charts write CSVs under downloads/.
Point that at a temporary folder so a test run never writes into the committed editions,
and remove the folder when the session ends (a session killed outright leaves it for the system's clean-up).
"""
import os
import shutil
import tempfile

_OWN_OUTPUT_DIR = None
if "ESGBOOK_OUTPUT_DIR" not in os.environ:
    _OWN_OUTPUT_DIR = tempfile.mkdtemp(prefix="esgbook-nbval-")
    os.environ["ESGBOOK_OUTPUT_DIR"] = _OWN_OUTPUT_DIR


def pytest_unconfigure(config):
    if _OWN_OUTPUT_DIR:
        shutil.rmtree(_OWN_OUTPUT_DIR, ignore_errors=True)
