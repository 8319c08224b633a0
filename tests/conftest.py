import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Compiled templates go to a folder of this test run, not to the cache folder of whoever runs it
# (subprocesses started by the tests inherit it).
if "TDKT_CACHE_DIR" not in os.environ:
    os.environ["TDKT_CACHE_DIR"] = tempfile.mkdtemp(prefix="tdkt-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TDKT_CACHE_DIR"], True)

sys.path.insert(0, str(Path(__file__).resolve().parent))
