"""The committed IID sample (data/iid_sample/: the replication library and the evidence sheet) is exactly
what its generator makes, and it is labelled synthetic."""

import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "data" / "iid_sample"


def data_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.csv"))


def test_generator_reproduces_the_committed_iid_sample_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(FOLDER / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True, timeout=300)
    made = data_files(tmp_path)
    assert made == data_files(FOLDER) and len(made) == 5
    for name in made:
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


def test_the_iid_sample_says_it_is_synthetic():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in readme.splitlines()[0]
    assert all("bukti sintetis" in line for line in (FOLDER / "bukti_iid.csv").read_text().splitlines()[1:])
