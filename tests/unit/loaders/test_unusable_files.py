"""Files that cannot be used at all: one clear message, exit code 1, never a traceback."""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.workbooks import make_xlsx

ROOT = Path(__file__).resolve().parents[3]
TABLE = {"2016": [["No", "Nama Inovasi", "OPD"], [1, "Inovasi", "Dinkes"]]}


def inspect(*args, env=None):
    import os

    return subprocess.run([sys.executable, "app.py", "inspect", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def empty(tmp_path):
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(b"")
    return path


def not_a_spreadsheet(tmp_path):
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return path


def corrupt_zip(tmp_path):
    good = make_xlsx(tmp_path / "utuh.xlsx", TABLE).read_bytes()
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(good[: len(good) // 2])
    return path


def zip_without_workbook(tmp_path):
    path = tmp_path / "dokumen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def password_protected(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_xlsx(tmp_path / "terbuka.xlsx", TABLE)
    path = tmp_path / "rahasia.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("rahasia", target)
    return path


def zip_bomb(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    return path


@pytest.mark.parametrize("make, words", [
    (empty, "Berkas kosong"),
    (not_a_spreadsheet, "Bukan lembar kerja"),
    (corrupt_zip, "Berkas rusak"),
    (zip_without_workbook, "Bukan lembar kerja"),
    (password_protected, "dilindungi kata sandi"),
    (zip_bomb, "Isi berkas tidak wajar"),
])
def test_unusable_file_exits_1_with_a_clear_message_and_no_traceback(tmp_path, make, words):
    done = inspect(make(tmp_path))
    assert done.returncode == 1
    assert words in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = make_xlsx(tmp_path / "besar.xlsx", TABLE)
    done = inspect(path, "--lang", "en", env={"DASBOR_MAX_UPLOAD_MB": "0.001"})
    assert done.returncode == 1
    assert "over the 0.001 MB limit" in done.stdout
    assert "Traceback" not in done.stderr


def test_missing_file_is_reported(tmp_path):
    done = inspect(tmp_path / "tidak_ada.xlsx")
    assert done.returncode == 1 and "Berkas tidak ditemukan" in done.stdout


def test_defusedxml_is_installed_so_openpyxl_parses_xml_safely():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True
