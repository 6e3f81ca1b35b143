"""Every loader message in Bahasa Indonesia and English, keyed by a stable code.

Messages say what is wrong and what to do, in the user's words, never in Python's.
"""

MESSAGES = {
    # whole-file problems
    "file_missing": ("Berkas tidak ditemukan: {path}. Periksa nama dan foldernya.",
                     "File not found: {path}. Check its name and folder."),
    "file_empty": ("Berkas kosong (0 byte). Simpan ulang dari Excel lalu coba lagi.",
                   "The file is empty (0 bytes). Save it again from Excel and retry."),
    "file_too_large": ("Berkas {size_mb} MB melebihi batas {limit_mb} MB. Pecah menjadi beberapa berkas.",
                       "The file is {size_mb} MB, over the {limit_mb} MB limit. Split it into several files."),
    "not_spreadsheet": ("Bukan lembar kerja yang dapat dibaca ({detail}). Simpan sebagai .xlsx atau .csv.",
                        "Not a readable spreadsheet ({detail}). Save it as .xlsx or .csv."),
    "corrupt_zip": ("Berkas rusak: arsip .xlsx/.ods tidak utuh ({detail}). Buka di Excel dan simpan ulang.",
                    "The file is damaged: the .xlsx/.ods archive is incomplete ({detail}). Open it in Excel and save it again."),
    "password_protected": ("Berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya, lalu simpan ulang.",
                           "The file is password-protected. Open it in Excel, remove the password and save it again."),
    "zip_bomb": ("Isi berkas tidak wajar: {uncompressed_mb} MB setelah diekstrak. Berkas ditolak demi keamanan.",
                 "Implausible content: {uncompressed_mb} MB once uncompressed. The file is refused for safety."),
    "unreadable": ("Berkas tidak dapat dibaca: {detail}.", "The file cannot be read: {detail}."),
    "no_table": ("Tidak ada tabel inovasi di berkas ini (tidak ditemukan kolom 'Nama Inovasi' atau 'Judul Inovasi').",
                 "No innovation table in this file (no 'Nama Inovasi' or 'Judul Inovasi' column found)."),
    "file_rejected": ("Berkas ditolak karena {errors} galat; tidak ada baris yang dimuat. Perbaiki lalu muat ulang.",
                      "File rejected because of {errors} error(s); no row was loaded. Fix them and load it again."),
    "not_data_file": ("Bukan berkas data (dokumentasi atau kode); dilewati.",
                      "Not a data file (documentation or code); skipped."),
    # sheets
    "sheet_hidden": ("Lembar tersembunyi, dilewati.", "Hidden sheet, skipped."),
    "sheet_summary": ("Lembar rekap/ringkasan, bukan daftar inovasi; dilewati.",
                      "Summary sheet, not a list of innovations; skipped."),
    "sheet_no_table": ("Tidak ada kolom 'Nama Inovasi'; lembar dilewati.", "No 'Nama Inovasi' column; sheet skipped."),
    "sheet_empty": ("Lembar kosong.", "Empty sheet."),
    "unknown_header": ("Kolom '{header}' tidak dikenali; isinya tidak dimuat.",
                       "Column '{header}' is not recognised; its values are not loaded."),
    # rows
    "missing_name": ("Nama inovasi kosong, padahal baris ini berisi data. Isi nama inovasinya.",
                     "The innovation name is empty although the row has data. Fill in the name."),
    "bad_year": ("Tahun '{value}' tidak valid: harus antara 1945 dan {max_year}. Perbaiki tahunnya.",
                 "Year '{value}' is not valid: it must be between 1945 and {max_year}. Correct the year."),
    "no_year": ("Tahun tidak diketahui: tidak ada di kolom, nama lembar, judul, maupun tanggal penerapan.",
                "Year unknown: not in a column, the sheet name, the title or the launch date."),
    "bad_date": ("Tanggal '{value}' tidak terbaca; dibiarkan kosong. Gunakan format HH-BB-TTTT.",
                 "Date '{value}' could not be read; left empty. Use DD-MM-YYYY."),
    "unknown_agency": ("Perangkat daerah '{value}' tidak ada di daftar OPD; nama aslinya dipakai. Tambahkan alias di data/reference.",
                       "Agency '{value}' is not in the register; its raw name is kept. Add an alias in data/reference."),
    "missing_agency": ("Perangkat daerah kosong.", "The agency is empty."),
    "unknown_sector": ("Urusan '{value}' tidak ada dalam taksonomi; teks aslinya dipakai.",
                       "Sector (urusan) '{value}' is not in the taxonomy; the raw text is kept."),
    "unknown_value": ("Nilai '{value}' tidak dikenal untuk kolom ini (yang dikenal: {allowed}); dibiarkan kosong.",
                      "Value '{value}' is not known for this column (known: {allowed}); left empty."),
    "bad_number": ("'{value}' bukan angka; dibiarkan kosong.", "'{value}' is not a number; left empty."),
    "duplicate": ("Inovasi yang sama sudah ada di baris {first_row} (lembar {first_sheet}).",
                  "The same innovation already appears in row {first_row} (sheet {first_sheet})."),
}


def render(code: str, params: dict, lang: str = "id") -> str:
    """The message for `code` in `lang` ('id' or 'en') with its parameters filled in."""
    indonesian, english = MESSAGES[code]
    template = english if lang == "en" else indonesian
    try:
        return template.format(**params)
    except KeyError:
        return template
