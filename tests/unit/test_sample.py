"""The committed sample data is exactly what its generator makes (fixed seed, fixed timestamps)."""

import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def test_generator_reproduces_the_committed_sample_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(SAMPLE / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True, timeout=300)
    made = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in SAMPLE.iterdir() if p.suffix in {".xlsx", ".xls", ".csv"})
    assert made == committed
    for name in made:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name
