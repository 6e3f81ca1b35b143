"""`python app.py chart` and `python app.py report`: files of the right type, exit codes 0/1/2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from cli import main

ROOT = Path(__file__).resolve().parents[3]
SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b"<svg", ".pdf": b"%PDF-"}


def test_cli_report_2016_is_a_pdf_stating_67_innovations_and_the_filter(tmp_path):
    output = tmp_path / "r.pdf"
    completed = subprocess.run([sys.executable, "app.py", "report", "--data", "data/sample", "--from", "2016",
                                "--to", "2016", "-o", str(output)], cwd=ROOT, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"Inovasi dalam tampilan: 67 → {output}"
    reader = pypdf.PdfReader(output)
    assert len(reader.pages) >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Filter aktif: Tahun 2016" in text
    assert "Tampilan ini memuat 67 inovasi." in text
    assert "Inovasi dalam tampilan\n67" in text  # the KPI table


@pytest.mark.parametrize("name,suffix", [("trend", ".png"), ("agency", ".svg"), ("sector", ".pdf"),
                                         ("readiness", ".png")])
def test_cli_chart_writes_an_image_of_its_suffix(tmp_path, capsys, name, suffix):
    output = tmp_path / f"grafik{suffix}"
    assert main(["chart", name, "--from", "2016", "--to", "2017", "-o", str(output)]) == 0
    assert output.read_bytes().startswith(SIGNATURES[suffix])
    assert capsys.readouterr().out.strip() == f"{name}: 123 inovasi → {output}"


def test_cli_region_chart_says_the_regions_figures_not_the_view_count(tmp_path, capsys):
    """A region chart draws past the view (every region stored): its line names the regions and their figures."""
    output = tmp_path / "daerah.svg"
    assert main(["chart", "region-count", "-o", str(output)]) == 0
    assert capsys.readouterr().out.strip() == (
        "region-count: 5 daerah, inovasi 2023–2025: Kabupaten Muara Enim 321, Kota Palembang 100, Kabupaten Lahat "
        f"59, Kabupaten Ogan Komering Ulu 57, Kota Prabumulih 50 → {output}")
    assert "Kota Palembang" in output.read_text(encoding="utf-8")


def test_cli_report_docx_in_english(tmp_path, capsys):
    import docx

    output = tmp_path / "report.docx"
    assert main(["report", "--agency", "Dinas Kesehatan", "--lang", "en", "-o", str(output)]) == 0
    text = "\n".join(p.text for p in docx.Document(output).paragraphs)
    assert "Active filters: Agency: Dinas Kesehatan" in text


@pytest.mark.parametrize("argv,message", [
    (["chart", "pie", "-o", "x.png"], "grafik tidak dikenal: pie"),
    (["chart", "trend", "-o", "x.gif"], "-o harus berakhiran .png, .svg atau .pdf: x.gif"),
    (["report", "-o", "x.odt"], "-o harus berakhiran .pdf atau .docx: x.odt"),
    (["report", "--edition", "1999", "-o", "x.pdf"], "Edisi KIPP 1999 tidak ada"),
])
def test_cli_usage_errors_exit_2(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_cli_chart_without_chromium_exits_1_and_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "chromium"))
    assert main(["chart", "trend", "-o", str(tmp_path / "x.png")]) == 1
    assert "Chromium tidak ditemukan" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_cli_report_on_unreadable_data_exits_1(tmp_path, capsys):
    assert main(["report", "--data", str(tmp_path / "tidak-ada.xlsx"), "-o", str(tmp_path / "r.pdf")]) == 1
    assert "Tidak ada inovasi yang terbaca" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_chart_and_report_name_the_stores_uploads_not_the_sample(tmp_path, monkeypatch):
    import argparse

    from cli.common import load_dataset
    from store.database import open_store
    from tests.workbooks import make_xlsx

    monkeypatch.setenv("DASBOR_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    upload = make_xlsx(tmp_path / "rekap_2024.xlsx", {"2024": [["No", "Nama Inovasi", "OPD"], [1, "Inovasi", "Dinkes"]]})
    store = open_store()
    assert store.ingest([upload], "budi", mode="add-new").ok   # 2024 is in the seeded sample too
    store.close()
    dataset = load_dataset(argparse.Namespace(data=None, lang="id", command="report"))
    assert "rekap_2024.xlsx" in dataset.source_label
    assert len(dataset.frame) == 979 + 1


def test_cli_chart_honours_the_search_text_q(tmp_path, capsys):
    output = tmp_path / "grafik.svg"
    assert main(["chart", "trend", "--from", "2016", "--to", "2016", "--q", " KESEHATAN ", "-o", str(output)]) == 0
    assert capsys.readouterr().out.strip() == f"trend: 12 inovasi → {output}"
    assert 'Cari: "KESEHATAN"' in output.read_text(encoding="utf-8")
