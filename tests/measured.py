"""Running the app, or any command, as a separate process, measured: its exit code, output, wall time and
peak resident memory (the hostile-file and fuzzing tests hold every read within SECONDS and PEAK_BYTES)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 10                    # the bound for any one file: wall time ...
PEAK_BYTES = 500 * 1024 * 1024  # ... and peak resident memory of the process that reads it
HANG_SECONDS = 120              # a process still running then is killed (and the test fails)


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int


def run_app(*args, env: dict | None = None, timeout: float = HANG_SECONDS) -> Done:
    """`python app.py ARGS` in its own process, measured (see `run_process`)."""
    import sys

    return run_process([sys.executable, "app.py", *map(str, args)], env, timeout)


# A small parent for the measured process: a child's peak RSS starts at its parent's (the kernel keeps the
# high-water mark across fork and exec), so the measured process must not be forked from pytest itself.
LAUNCHER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss * 1024}")
"""


def run_process(argv: list[str], env: dict | None = None, timeout: float = HANG_SECONDS) -> Done:
    """Run `argv` in the project folder; its exit code, output, wall time and peak RSS (killed after `timeout`).

    The peak is the kernel's accounting of that one process (wait4's rusage, what getrusage(RUSAGE_CHILDREN)
    reports), taken by a small launcher process so that pytest's own memory does not count."""
    import os
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rusage") as measured:
        started = time.monotonic()
        launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER, measured.name, *argv], cwd=ROOT, stdout=out,
                                    stderr=err, stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})},
                                    start_new_session=True)
        try:
            launcher.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)
            launcher.wait()
        seconds = time.monotonic() - started
        returncode, peak = (int(n) for n in (measured.read().split() or ["-9", "0"]))
        out.seek(0)
        err.seek(0)
        return Done(returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                    seconds, peak)
