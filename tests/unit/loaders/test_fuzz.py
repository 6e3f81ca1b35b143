"""Mutation fuzzing (issue 11): seeded random byte mutations of every sample file never crash, hang or
exhaust memory, and each damaged file is either read or rejected with a message (never internal_error).

The mutations are loaded in one child process (`python -m tests.fuzzing COUNT SEED`): an abort or a
runaway reader fails this test instead of killing the test run. COUNT is fixed so that the run takes about
15 s on an idle machine (9 sample files × COUNT mutations, half of the .xlsx ones made inside the zip).
"""

import json
import sys
import time
from unittest import mock

from loaders.load import SPREADSHEET_SUFFIXES
from tests.fuzzing import mutations
from tests.measured import PEAK_BYTES, ROOT, run_process

COUNT = 80
SEED = 20261204


def test_mutations_are_deterministic_and_really_change_the_file():
    data = (ROOT / "data" / "sample" / "iid_2018.xlsx").read_bytes()
    first = mutations(data, 6, SEED)
    with mock.patch("time.time", return_value=time.time() + 3600):   # a later run: the zips' dates must not move
        second = mutations(data, 6, SEED)
    assert first == second
    assert all(mutated != data for mutated in first)


def test_mutated_sample_files_are_read_or_rejected_with_a_message():
    done = run_process([sys.executable, "-m", "tests.fuzzing", str(COUNT), str(SEED)])
    assert done.returncode == 0, done.stderr[-3000:]     # -9 when it hung and was killed, -6 on an abort
    assert "Traceback" not in done.stderr
    outcomes = json.loads(done.stdout)
    samples = [p for p in (ROOT / "data" / "sample").iterdir() if p.suffix in SPREADSHEET_SUFFIXES]
    assert sum(outcomes.values()) == len(samples) * COUNT
    assert "internal_error" not in outcomes, outcomes
    assert outcomes.get("ok", 0) > 0 and len(outcomes) > 2   # the mutations reach past the archive's checks
    assert done.peak_bytes < PEAK_BYTES, f"{done.peak_bytes / 1e6:.0f} MB"
