"""Family B: national innovation index (IID) exports, 2018–2025, one innovation per row, header on row 1.

Quirks reproduced on purpose (DOMAIN.md §3.B): every cell is text, dates DD-MM-YYYY, "-" for empty,
trailing spaces, urusan in lower case, "Admin OPD" = agency + "(account_slug)", overlapping urusan joined
by ", " although urusan names contain commas; written as xlsx, HTML-as-xls and cp1252 ";" CSV.
"""

from __future__ import annotations

import csv
import html
from datetime import date, timedelta

from openpyxl import Workbook

from _names import CP1252_NAMES
from _records import (
    OTHER_SECTORS, PROPOSAL_SECTIONS, Innovation, Slot, add_proposal, make_year, person, plan_slots,
    random_date, youtube,
)
from _vocabulary import AGENCIES, AGENCY_BY_NAME

IID_COLUMNS = (
    "No", "Judul Inovasi", "Pemda", "Admin OPD", "Inisiator", "Nama Inisiator", "Bentuk Inovasi", "Jenis",
    "Asta Cipta", "Urusan Utama", "Urusan lain yang beririsan", "Kematangan", "Tahapan Inovasi", "Tanggal Input",
    "Tanggal Penerapan", "Tanggal Pengembangan", "Koordinat", "Video", "Link Video",
    "Tahun Data", "Status", "SK Inovator", "SDGs", "Penghargaan", *PROPOSAL_SECTIONS,
)
FORMS = ("Inovasi Tata Kelola Pemerintahan Daerah", "Inovasi Pelayanan Publik",
         "Inovasi Daerah lainnya sesuai dengan Urusan Pemerintahan yang menjadi kewenangan Daerah")
INITIATORS = ("Kepala Daerah", "Anggota DPRD", "OPD", "ASN", "Masyarakat")
ASTA_CITA = (
    "1. Memperkokoh ideologi Pancasila, demokrasi, dan hak asasi manusia",
    "2. Memantapkan sistem pertahanan keamanan negara dan kemandirian bangsa",
    "3. Meningkatkan lapangan kerja yang berkualitas, kewirausahaan, dan infrastruktur",
    "4. Memperkuat pembangunan sumber daya manusia, sains, teknologi, pendidikan, dan kesehatan",
    "5. Melanjutkan hilirisasi dan industrialisasi untuk meningkatkan nilai tambah di dalam negeri",
    "6. Membangun dari desa dan dari bawah untuk pemerataan ekonomi dan pemberantasan kemiskinan",
    "7. Memperkuat reformasi politik, hukum, dan birokrasi",
    "8. Memperkuat penyelarasan kehidupan yang harmonis dengan lingkungan, alam, dan budaya",
)
# Share of non-kecamatan / kecamatan agencies that report in a year (the big five always do).
PARTICIPATION = {2018: (0.5, 0.15), 2019: (0.8, 0.4), 2020: (0.75, 0.35)}
DEFAULT_PARTICIPATION = (0.85, 0.45)


def iid_years(rng, totals: dict[int, int]) -> dict[int, list[Innovation]]:
    """All IID years in order; every canonical agency reports at least once, most miss some year."""
    seen: set[str] = set()
    by_year: dict[int, list[Innovation]] = {}
    previous: list[Innovation] = []
    for year, total in totals.items():
        p_agency, p_kec = PARTICIPATION.get(year, DEFAULT_PARTICIPATION)
        must = [a.name for a in AGENCIES if a.name not in seen] if year == max(totals) else []
        forced = [(None, agency, None, name) for agency, name in CP1252_NAMES] if year == 2021 else []
        slots = plan_slots(rng, total, "new", p_agency, p_kec, forced, must)
        rows = carry_over(rng, year, slots, previous)
        for inv in rows:
            iid_fields(rng, inv, year)
        by_year[year] = rows
        seen |= {inv.agency for inv in rows}
        previous = rows
    return by_year


def carry_over(rng, year: int, slots: list[Slot], previous: list[Innovation]) -> list[Innovation]:
    """About a quarter of a year's rows are last year's innovations reported again (same name, same start)."""
    forced = {slot.name for slot in slots if slot.name}
    pool: dict[str, list[Innovation]] = {}
    for inv in previous:
        if inv.stage != "Inisiatif" and inv.name not in forced:
            pool.setdefault(inv.agency, []).append(inv)
    used: dict[str, set] = {}
    rows, fresh = [], []
    for slot in slots:
        candidates = pool.get(slot.agency, [])
        if not slot.name and candidates and rng.random() < 0.25:
            old = candidates.pop(rng.randrange(len(candidates)))
            used.setdefault(slot.agency, set()).add(old.name)
            rows.append(Innovation(year, old.agency, old.unit, old.name, old.sector, trial=old.trial,
                                   launch=old.launch, stage=old.stage, others=old.others))
        else:
            fresh.append(slot)
    return rows + make_year(rng, year, fresh, used)


def iid_fields(rng, inv: Innovation, year: int) -> None:
    """Stage, dates, classification and (for some rows) the richer proposal fields of one IID row."""
    inv.input_date = random_date(rng, date(year, 2, 1), date(year, 11, 28))
    if inv.launch is None:
        inv.stage = rng.choices(("Penerapan", "Uji Coba", "Inisiatif"), (70, 20, 10))[0]
        back = rng.choices((0, 1, 2, 3), (50, 27, 15, 8))[0]
        start = random_date(rng, date(year - back, 1, 2), date(year - back, 12, 20))
        inv.launch = None if inv.stage == "Inisiatif" else min(start, inv.input_date - timedelta(days=7))
    elif inv.stage == "Uji Coba" and rng.random() < 0.6:
        inv.stage = "Penerapan"  # re-reported a year later: the trial became practice
    inv.kind = rng.choices(("Digital", "Non Digital", "Teknologi"), (45, 45, 10))[0]
    inv.form = rng.choices(FORMS, (20, 55, 25))[0]
    inv.initiator = rng.choices(INITIATORS, (8, 2, 55, 25, 10))[0]
    inv.innovator = person(rng)
    if not inv.others:
        inv.others = tuple(rng.sample([s for s in OTHER_SECTORS if s != inv.sector], rng.choice((0, 1, 2, 2, 3))))
    low, high = {"Penerapan": (40, 111), "Uji Coba": (15, 70), "Inisiatif": (0, 30)}[inv.stage]
    inv.maturity = rng.randrange(low, high + 1)
    if inv.launch and rng.random() < 0.2:
        inv.development = min(inv.launch + timedelta(days=rng.randrange(90, 500)), inv.input_date)
    if rng.random() < 0.3:
        inv.coordinates = f"-3.{rng.randrange(5000, 9999)}, 103.{rng.randrange(5000, 9999)}"
    richer_fields(rng, inv)


def richer_fields(rng, inv: Innovation) -> None:
    if rng.random() < 0.15 and inv.stage != "Inisiatif":
        add_proposal(rng, inv)
        if rng.random() < 0.2:
            inv.awards = f"{inv.year - 1}: Top 99"
    else:
        inv.video = youtube(rng) if rng.random() < 0.35 else ""
        inv.status = rng.choices(("Berjalan", "Berhenti", ""), (55, 5, 40))[0]


def asta_cita(inv: Innovation) -> str:
    if inv.year < 2025:
        return "-"
    number = {"Kesehatan": 4, "Pendidikan": 4, "Sosial": 6, "Lingkungan Hidup": 8, "Pariwisata": 8,
              "Perindustrian": 5, "Perdagangan": 3, "Tenaga Kerja": 3}.get(inv.sector, 7)
    if inv.sector.startswith(("Pemberdayaan Masyarakat", "Koperasi")):
        number = 6
    return ASTA_CITA[number - 1]


def dmy(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def admin_opd(rng, inv: Innovation) -> str:
    agency = AGENCY_BY_NAME[inv.agency]
    if inv.unit:
        slug = "_".join(w.lower() for w in inv.unit.split() if w.lower() not in ("uptd", "negeri"))
        return f"{inv.unit} ({slug})"
    shown = agency.names[0] if agency.names and rng.random() < 0.15 else agency.name
    return f"{shown} ({agency.slug}_muaraenim)"


def iid_row(rng, number: int, inv: Innovation) -> list[str]:
    def pad(text: str, p: float) -> str:
        return text + " " if rng.random() < p else text

    others = ", ".join(s.lower() for s in inv.others) or "-"
    video = inv.video or "-"
    values = [
        str(number), pad(inv.name, 0.15), "Kab. Muara Enim", pad(admin_opd(rng, inv), 0.1), inv.initiator,
        pad(inv.innovator, 0.2), inv.form, inv.kind, asta_cita(inv), pad(inv.sector.lower(), 0.1), others,
        str(inv.maturity), inv.stage, dmy(inv.input_date), dmy(inv.launch), dmy(inv.development),
        inv.coordinates or "-", video if rng.random() < 0.5 else "-", video, str(inv.year),
        inv.status or "-", inv.decree or "-", inv.sdgs or "-", inv.awards or "-",
        *[inv.texts.get(s) or "-" for s in PROPOSAL_SECTIONS],
    ]
    return values


def iid_table(rng, rows: list[Innovation]) -> list[list[str]]:
    return [list(IID_COLUMNS)] + [iid_row(rng, i, inv) for i, inv in enumerate(rows, start=1)]


def write_xlsx(table: list[list[str]], path, properties) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in table:
        ws.append(row)
    wb.properties = properties
    wb.save(path)


def write_html(table: list[list[str]], path) -> None:
    """What web systems call ".xls": an HTML table, UTF-8."""
    lines = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>',
             '<body><table border="1">']
    head, *body = table
    lines.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>")
    for row in body:
        lines.append("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>")
    lines.append("</table></body></html>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_csv(table: list[list[str]], path) -> None:
    """As Excel in an Indonesian locale saves CSV: ";" separator, Windows-1252, CRLF."""
    with open(path, "w", encoding="cp1252", errors="strict", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(table)
