"""Mutation fuzzing (issue 11): seeded copies of the sample files with a few bytes overwritten, inserted,
deleted or cut off, loaded one after the other in a child process (`python -m tests.fuzzing COUNT SEED`)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path


def mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    """`count` copies of `data`, each with a few bytes overwritten, inserted, deleted or cut off (seeded).
    A zip (.xlsx) has every other copy mutated inside one of its members and zipped again, so that the
    damage reaches the XML readers instead of stopping at the archive's checksums."""
    rng = random.Random(seed)
    out = []
    for number in range(count):
        if number % 2 and data.startswith(b"PK"):
            out.append(_mutate_member(data, rng))
        else:
            out.append(bytes(_mutate(bytearray(data), rng)))
    return out


def _mutate(buffer: bytearray, rng: random.Random) -> bytearray:
    for _ in range(rng.randint(1, 8)):
        kind, at = rng.random(), rng.randrange(max(len(buffer), 1))
        if kind < 0.5:
            buffer[at:at + 1] = bytes([rng.randrange(256)])
        elif kind < 0.65:
            buffer[at:at] = rng.choice([rng.randbytes(rng.randint(1, 16)), b"<", b">", b'"', b"&", b"9999999",
                                        b"XFD", b"\x00", b"-1"])
        elif kind < 0.9:
            del buffer[at:at + rng.randint(1, 16)]
        else:
            del buffer[max(at, 16):]
    return buffer


def _mutate_member(data: bytes, rng: random.Random) -> bytes:
    """Every member keeps its own ZipInfo (name and date): `writestr(name, …)` would stamp the current
    second, so two runs straddling a second would differ and the corpus would not be deterministic."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    target = rng.randrange(len(members))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (info, content) in enumerate(members):
            archive.writestr(info, bytes(_mutate(bytearray(content), rng)) if index == target else content,
                             zipfile.ZIP_DEFLATED)
    return out.getvalue()


def fuzz(count: int, seed: int, folder: Path) -> dict:
    """Load `count` mutations of each sample file in this process; the outcome of each, by issue code.

    Run as `python -m tests.fuzzing COUNT SEED` so that a crash or a hang is the child's, not pytest's."""
    from collections import Counter

    from loaders.load import SAMPLE_DIR, SPREADSHEET_SUFFIXES, load_file
    from loaders.reference import load_reference

    reference = load_reference()
    outcomes: Counter = Counter()
    for number, source in enumerate(sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix in SPREADSHEET_SUFFIXES)):
        for index, data in enumerate(mutations(source.read_bytes(), count, seed + number)):
            path = folder / f"{source.stem}_{index}{source.suffix}"
            path.write_bytes(data)
            _, report, issues = load_file(path, reference)
            errors = [issue for issue in issues if issue.severity == "error" and issue.message]
            assert report.status == "ok" or errors, (path.name, issues)
            outcomes[report.status if report.status == "ok" else errors[0].code] += 1
            path.unlink()
    return dict(outcomes)


if __name__ == "__main__":
    import json
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        print(json.dumps(fuzz(int(sys.argv[1]), int(sys.argv[2]), Path(scratch))))
