"""Name pools for the synthetic sample data (see README.md): agencies, units, innovation names.

Every agency spelling here must resolve through data/reference/ (agencies.csv, agency_aliases.csv,
unit_patterns.csv); generate.py checks the canonical names against agencies.csv at start.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PENUNJANG = "Fungsi Penunjang Lainnya Sesuai Dengan Ketentuan Peraturan Perundang-Undangan"
TRANTIB = "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"
ADMINDUK = "Administrasi Kependudukan dan Pencatatan Sipil"
PMD = "Pemberdayaan Masyarakat dan Desa"
KOPERASI = "Koperasi, Usaha Kecil, dan Menengah"

# Sectors no synthetic innovation uses, so the sector page has empty rows to show.
NEVER_USED_SECTORS = ("Transmigrasi", "Persandian", "Kehutanan")


@dataclass(frozen=True)
class Agency:
    """One canonical agency: how often it innovates, in which urusan, and how people spell it."""

    name: str
    weight: float
    sectors: tuple[str, ...]
    names: tuple[str, ...] = ()  # other current spellings (abbreviations, aliases)
    old: tuple[str, ...] | None = ()  # pre-2017 spellings; None = did not exist before 2017
    units: tuple[tuple[str, str | None], ...] = ()  # (unit as written, its own urusan or None)
    slug: str = ""
    unit_share: float = 0.0  # share of the agency's innovations made by one of its units


KECAMATAN = (
    "Belida Darat", "Belimbing", "Benakat", "Empat Petulai Dangku", "Gelumbang", "Gunung Megang",
    "Kelekar", "Lawang Kidul", "Lembak", "Lubai", "Lubai Ulu", "Muara Belida", "Muara Enim",
    "Panang Enim", "Rambang", "Rambang Niru", "Semende Darat Laut", "Semende Darat Tengah",
    "Semende Darat Ulu", "Sungai Rotan", "Tanjung Agung", "Ujan Mas",
)
KECAMATAN_SECTORS = (PENUNJANG, PMD, PMD, ADMINDUK, ADMINDUK, TRANTIB, "Kesehatan",
                     "Komunikasi dan Informatika", "Perpustakaan")
# Extra spellings of some kecamatan (aliases added to data/reference/agency_aliases.csv).
KECAMATAN_NAMES = {
    "Gelumbang": ("Camat Gelumbang", "Kec. Gelumbang"),
    "Semende Darat Tengah": ("Kecamatan SDT",),
}

PUSKESMAS = (
    ("UPTD Puskesmas Tanjung Enim", None), ("Puskesmas Tanjung Enim", None),
    ("UPTD Puskesmas Ujan Mas", None), ("Puskesmas Ujan Mas", None), ("Puskesmas Gelumbang", None),
    ("PKM Lubai", None), ("UPTD Puskesmas Muara Enim", None), ("UPTD Puskesmas Sugih Waras", None),
    ("Puskesmas Gunung Megang", None), ("UPTD Puskesmas Belimbing", None),
    ("Labkesda Muara Enim", None),
)
SCHOOLS = (
    ("SD Negeri 6 Muara Enim", None), ("SMP Negeri 1 Gelumbang", None), ("SMPN 2 Tanjung Agung", None),
    ("UPTD Pendidikan Kecamatan Lubai", None), ("SDN 1 Lawang Kidul", None),
    ("TK Negeri Pembina Muara Enim", None),
)
SETDA_UNITS = (
    ("Bagian Organisasi Setda", PENUNJANG), ("Bagian Administrasi SDA Setda", "Energi dan Sumber Daya Mineral"),
    ("Bagian Administrasi Sumber Daya Alam", "Pertanahan"), ("Bagian Hukum", PENUNJANG),
    ("Bagian Pengadaan Barang dan Jasa", "Keuangan"),
)


_A = Agency  # short alias: the table below is one agency per call
AGENCIES: tuple[Agency, ...] = (
    _A("Sekretariat Daerah", 3, (PENUNJANG,), ("Setda",), units=SETDA_UNITS, slug="setda", unit_share=0.7),
    _A("Sekretariat DPRD", 0.7, (PENUNJANG,), ("Setwan", "Sekretariat Dewan"), slug="setwan"),
    _A("Inspektorat", 0.7, (PENUNJANG,), ("Inspektorat Daerah",), slug="inspektorat"),
    _A("Badan Perencanaan Pembangunan Daerah", 2, ("Perencanaan",), ("Bappeda",), slug="bappeda"),
    _A("Badan Penelitian dan Pengembangan Daerah", 1.5, ("Penelitian dan Pengembangan",),
        ("Balitbangda",), old=None, slug="balitbangda"),
    _A("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", 1.5,
        ("Kepegawaian", "Kepegawaian", "Pendidikan dan Pelatihan"), ("BKPSDM",),
        old=("Badan Kepegawaian Daerah dan Diklat", "BKD"), slug="bkpsdm"),
    _A("Badan Pengelolaan Keuangan dan Aset Daerah", 1, ("Keuangan",), ("BPKAD",), slug="bpkad"),
    _A("Badan Pendapatan Daerah", 1.5, ("Keuangan",), ("Bapenda",),
        old=("Dispenda", "Dinas Pendapatan Daerah"), slug="bapenda"),
    _A("Badan Kesatuan Bangsa dan Politik", 0.7, (PENUNJANG,), ("Kesbangpol",), slug="kesbangpol"),
    _A("Badan Penanggulangan Bencana Daerah", 1, (TRANTIB,), ("BPBD",), slug="bpbd"),
    _A("Dinas Pendidikan", 11, ("Pendidikan",) * 6 + ("Kebudayaan",), ("Disdik",),
        old=("Dinas Pendidikan", "Diknas", "Dinas Pendidikan Nasional"), units=SCHOOLS, slug="disdik",
        unit_share=0.3),
    _A("Dinas Kesehatan", 12, ("Kesehatan",), ("Dinkes",), units=PUSKESMAS, slug="dinkes", unit_share=0.5),
    _A("Rumah Sakit Umum Daerah Dr. H. Mohamad Rabain", 3, ("Kesehatan",),
        ("RSUD Dr. H. Mohamad Rabain", "RSUD Rabain", "RSUD"), slug="rsud_rabain"),
    _A("Dinas Pekerjaan Umum dan Penataan Ruang", 1.5, ("Pekerjaan Umum dan Penataan Ruang",),
        ("Dinas PUPR", "PUPR"), old=("Dinas PU Bina Marga", "Dinas Pekerjaan Umum Bina Marga"), slug="pupr"),
    _A("Dinas Perumahan Rakyat dan Kawasan Permukiman", 1.5, ("Perumahan Rakyat dan Kawasan Permukiman",),
        ("Dinas Perkim", "Disperkim"), old=("Dinas PU Cipta Karya", "Dinas Pekerjaan Umum Cipta Karya"),
        slug="perkim"),
    _A("Satuan Polisi Pamong Praja", 1.5, (TRANTIB,), ("Satpol PP",), slug="satpolpp"),
    _A("Dinas Sosial", 2, ("Sosial",), ("Dinsos",), slug="dinsos"),
    _A("Dinas Ketenagakerjaan", 1, ("Tenaga Kerja",), ("Disnaker",),
        old=("Disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi"), slug="disnaker"),
    _A("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", 1.5,
        ("Pemberdayaan Perempuan dan Pelindungan Anak",), ("DP3A", "Dinas PPPA"), old=None, slug="dp3a"),
    _A("Dinas Ketahanan Pangan", 1, ("Pangan",), (), old=("Kantor Ketahanan Pangan", "KKP"), slug="dkp"),
    _A("Dinas Lingkungan Hidup", 1.5, ("Lingkungan Hidup",), ("DLH",),
        old=("Badan Lingkungan Hidup", "BLH"), slug="dlh"),
    _A("Dinas Kependudukan dan Pencatatan Sipil", 5, (ADMINDUK,), ("Disdukcapil", "Dukcapil", "Dinas Dukcapil"),
        old=("Dinas Kependudukan Catatan Sipil", "Disdukcapil"), slug="disdukcapil"),
    _A("Dinas Pemberdayaan Masyarakat dan Desa", 4, (PMD,), ("Dinas PMD", "DPMD", "Dispermasdes"),
        old=("BPMPD", "Badan Pemberdayaan Masyarakat dan Pemerintahan Desa"), slug="dpmd"),
    _A("Dinas Pengendalian Penduduk dan Keluarga Berencana", 1.5,
        ("Pengendalian Penduduk dan Keluarga Berencana",), ("DPPKB", "Dinas PPKB"),
        old=("BPPKB", "Badan Pemberdayaan Perempuan dan Keluarga Berencana"), slug="dppkb"),
    _A("Dinas Perhubungan", 1.5, ("Perhubungan",), ("Dishub",), units=(("UPTD Terminal Muara Enim", None),),
        old=("Dinas Perhubungan", "Dishubkominfo", "Dinas Perhubungan Komunikasi dan Informatika"),
        slug="dishub", unit_share=0.2),
    _A("Dinas Komunikasi, Informatika, Statistik dan Persandian", 6,
        ("Komunikasi dan Informatika",) * 3 + ("Statistik",),
        ("Diskominfo", "Dinas Kominfo", "Kominfo"), old=None, slug="diskominfo"),
    _A("Dinas Koperasi dan UKM", 1.5, (KOPERASI,), ("Diskop UKM", "Dinas Koperasi"), slug="diskop"),
    _A("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 2, ("Penanaman Modal",),
        ("DPMPTSP", "DPM PTSP"),
        old=("Kantor Pelayanan Perizinan Terpadu", "BPPT", "Badan Pelayanan Perizinan Terpadu"), slug="dpmptsp"),
    _A("Dinas Pemuda dan Olahraga", 1, ("Kepemudaan dan Olah Raga",), ("Dispora",), slug="dispora"),
    _A("Dinas Perpustakaan dan Kearsipan", 1.5, ("Perpustakaan", "Perpustakaan", "Kearsipan"),
        ("Dispusip", "Dinas Perpustakaan"), old=("Kantor Perpustakaan Arsip dan Dokumentasi",), slug="dispusip"),
    _A("Dinas Perikanan", 1, ("Kelautan dan Perikanan",), ("Diskan",), old=("Dinas Kelautan dan Perikanan",),
        slug="diskan"),
    _A("Dinas Pariwisata", 1.5, ("Pariwisata", "Pariwisata", "Kebudayaan"), ("Dispar",),
        old=("Disbudpar", "Dinas Kebudayaan dan Pariwisata"), slug="dispar"),
    _A("Dinas Tanaman Pangan Hortikultura dan Peternakan", 2, ("Pertanian", "Pertanian", "Pangan"),
        ("Distanak", "DTPHP", "Dinas Pertanian"), units=(("UPTD Balai Benih Padi Gunung Megang", None),),
        old=("Dinas Tanaman Pangan dan Hortikultura", "Dinas Peternakan"), slug="distanak", unit_share=0.15),
    _A("Dinas Perkebunan", 1, ("Pertanian",), ("Disbun",), slug="disbun"),
    _A("Dinas Perindustrian dan Perdagangan", 1.5, ("Perdagangan", "Perindustrian"), ("Disperindag",),
        units=(("UPTD Pasar Inpres Muara Enim", "Perdagangan"),), slug="disperindag", unit_share=0.2),
    *(_A(f"Kecamatan {k}", 0.6, KECAMATAN_SECTORS, KECAMATAN_NAMES.get(k, ()),
        slug="kec_" + k.lower().replace(" ", "")) for k in KECAMATAN),
)


AGENCY_BY_NAME = {agency.name: agency for agency in AGENCIES}

# The SK Bupati No. 918/2016 Top 10 (DOMAIN.md §1), as written, with the agency each resolves to.
TOP10_2016 = (
    ("BPMPD", "Dinas Pemberdayaan Masyarakat dan Desa", None),
    ("Kecamatan Gelumbang", "Kecamatan Gelumbang", None),
    ("Dinas PU Cipta Karya", "Dinas Perumahan Rakyat dan Kawasan Permukiman", None),
    ("Puskesmas Tanjung Enim", "Dinas Kesehatan", "Puskesmas Tanjung Enim"),
    ("Kantor Ketahanan Pangan", "Dinas Ketahanan Pangan", None),
    ("Dinas Tanaman Pangan dan Hortikultura", "Dinas Tanaman Pangan Hortikultura dan Peternakan", None),
    ("Kecamatan Semende Darat Tengah", "Kecamatan Semende Darat Tengah", None),
    ("Bagian Administrasi SDA Setda", "Sekretariat Daerah", "Bagian Administrasi SDA Setda"),
    ("Dinas Perhubungan", "Dinas Perhubungan", None),
    ("Puskesmas Ujan Mas", "Dinas Kesehatan", "Puskesmas Ujan Mas"),
)

# Spellings every recap sheet shows at least once (the rest are drawn at random): (as written, agency, unit).
RECAP_SPELLINGS = {
    2015: (("DINKES", "Dinas Kesehatan", None), ("Dinas Kesehatan Kab. Muara Enim", "Dinas Kesehatan", None),
           ("UPTD Puskesmas Ujan Mas", "Dinas Kesehatan", "UPTD Puskesmas Ujan Mas"),
           ("Camat Gelumbang", "Kecamatan Gelumbang", None), ("Dishubkominfo", "Dinas Perhubungan", None),
           ("KKP", "Dinas Ketahanan Pangan", None),
           ("Dinas PU Bina Marga", "Dinas Pekerjaan Umum dan Penataan Ruang", None),
           ("BPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", None)),
    2016: (("Kec. Gelumbang", "Kecamatan Gelumbang", None), ("Disnakertrans", "Dinas Ketenagakerjaan", None),
           ("Disbudpar", "Dinas Pariwisata", None), ("Labkesda Muara Enim", "Dinas Kesehatan", "Labkesda Muara Enim"),
           ("Kecamatan SDT", "Kecamatan Semende Darat Tengah", None),
           ("Badan Lingkungan Hidup Kab. Muara Enim", "Dinas Lingkungan Hidup", None)),
    2017: (("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", None), ("DINKES", "Dinas Kesehatan", None),
           ("SMPN 2 Tanjung Agung", "Dinas Pendidikan", "SMPN 2 Tanjung Agung"),
           ("Diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", None),
           ("Dinas Kesehatan Kab. Muara Enim", "Dinas Kesehatan", None),
           ("UPTD Puskesmas Tanjung Enim", "Dinas Kesehatan", "UPTD Puskesmas Tanjung Enim")),
}
# Urusan aliases each recap sheet shows at least once (first row of that urusan in the sheet).
RECAP_SECTOR_ALIASES = {"Komunikasi dan Informatika": "Kominfo", ADMINDUK: "Adminduk", TRANTIB: "Trantibum"}

VILLAGES = (
    "Karang Raja", "Tanjung Raja", "Air Lintang", "Kepur", "Muara Lawai", "Lingga", "Darmo", "Pagar Dewa",
    "Tanjung Agung", "Segamit", "Pulau Panggung", "Gunung Raja", "Lubuk Empelas", "Sukarami", "Pandan Enim",
    "Harapan Jaya", "Sukamerindu", "Tebat Agung", "Cahaya Alam", "Siring Agung",
)

FIRST_NAMES = (
    "Ahmad", "Siti", "Dedi", "Rina", "Hendra", "Yuliana", "Agus", "Fitri", "Rudi", "Nurhayati", "Iwan", "Dewi",
    "Bambang", "Sri", "Eko", "Lestari", "Joko", "Ratna", "Syamsul", "Mega", "Firdaus", "Novi", "Zulkifli", "Wati",
)
LAST_NAMES = (
    "Saputra", "Rahmawati", "Kurniawan", "Handayani", "Pratama", "Susanti", "Hidayat", "Wulandari", "Syahputra",
    "Lestari", "Gunawan", "Anggraini", "Firmansyah", "Oktaviani", "Ramadhan", "Fauziah", "Effendi", "Marlina",
)
TITLES = ("", "", "", ", S.Sos", ", S.Kep", ", S.Pd", ", SKM", ", S.Kom", ", M.Si", ", S.T", ", S.E")

TARGETS = {
    "Kesehatan": "ibu hamil, balita dan lansia", "Pendidikan": "peserta didik dan guru",
    ADMINDUK: "penduduk yang mengurus dokumen kependudukan", PMD: "perangkat desa dan warga desa",
    "Komunikasi dan Informatika": "masyarakat pengguna layanan daring", PENUNJANG: "warga di kecamatan",
}
DEFAULT_TARGET = "masyarakat Kabupaten Muara Enim"

SDG_NAMES = (
    "Tanpa Kemiskinan", "Tanpa Kelaparan", "Kehidupan Sehat dan Sejahtera", "Pendidikan Berkualitas",
    "Kesetaraan Gender", "Air Bersih dan Sanitasi Layak", "Energi Bersih dan Terjangkau",
    "Pekerjaan Layak dan Pertumbuhan Ekonomi", "Industri, Inovasi dan Infrastruktur", "Berkurangnya Kesenjangan",
    "Kota dan Permukiman yang Berkelanjutan", "Konsumsi dan Produksi yang Bertanggung Jawab",
    "Penanganan Perubahan Iklim", "Ekosistem Lautan", "Ekosistem Daratan",
    "Perdamaian, Keadilan dan Kelembagaan yang Tangguh", "Kemitraan untuk Mencapai Tujuan",
)
# The SDGs an innovation of each urusan is usually linked to (first one always, the second sometimes).
SECTOR_SDGS = {
    "Kesehatan": (3, 10), "Pendidikan": (4, 10), ADMINDUK: (16, 10), PMD: (1, 8),
    "Komunikasi dan Informatika": (9, 16), "Statistik": (17, 16), PENUNJANG: (16, 17), "Sosial": (1, 10),
    "Pangan": (2, 12), "Pertanian": (2, 8), "Lingkungan Hidup": (13, 15),
    "Perumahan Rakyat dan Kawasan Permukiman": (6, 11), "Pekerjaan Umum dan Penataan Ruang": (9, 11),
    "Pengendalian Penduduk dan Keluarga Berencana": (3, 5), "Pemberdayaan Perempuan dan Pelindungan Anak": (5, 16),
    KOPERASI: (8, 1), "Perdagangan": (8, 12), "Perindustrian": (9, 8), "Penanaman Modal": (8, 9),
    "Pariwisata": (8, 11), "Perhubungan": (11, 9), "Tenaga Kerja": (8, 1), "Keuangan": (16, 17),
    "Energi dan Sumber Daya Mineral": (7, 13), "Pertanahan": (1, 11), TRANTIB: (11, 16), "Perpustakaan": (4, 10),
    "Kearsipan": (16, 4), "Kelautan dan Perikanan": (2, 14), "Kebudayaan": (11, 8),
    "Kepemudaan dan Olah Raga": (3, 8), "Kepegawaian": (16, 8), "Pendidikan dan Pelatihan": (4, 16),
    "Perencanaan": (17, 16), "Penelitian dan Pengembangan": (9, 17),
}
