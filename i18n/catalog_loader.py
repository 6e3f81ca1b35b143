"""The loaders' messages (catalog part `loader.<code>`): what is wrong with a file, sheet or row and
what to do, in the user's words, never in Python's. An Issue's `code` names its key here."""

MESSAGES: dict[str, tuple[str, str]] = {
    # whole-file problems
    "loader.file_missing": ("Berkas tidak ditemukan: {path}. Periksa nama dan foldernya.",
                            "File not found: {path}. Check its name and folder."),
    "loader.file_empty": ("Berkas kosong (0 byte). Simpan ulang dari Excel lalu coba lagi.",
                          "The file is empty (0 bytes). Save it again from Excel and retry."),
    "loader.file_too_large": ("Berkas {size_mb} MB melebihi batas {limit_mb} MB. Pecah menjadi beberapa berkas.",
                              "The file is {size_mb} MB, over the {limit_mb} MB limit. Split it into several "
                              "files."),
    "loader.not_spreadsheet": ("Bukan lembar kerja yang dapat dibaca ({detail}). Simpan sebagai .xlsx atau .csv.",
                               "Not a readable spreadsheet ({detail}). Save it as .xlsx or .csv."),
    "loader.corrupt_zip": ("Berkas rusak: arsip .xlsx/.ods tidak utuh ({detail}). Buka di Excel dan simpan ulang.",
                           "The file is damaged: the .xlsx/.ods archive is incomplete ({detail}). Open it in Excel"
                           " and save it again."),
    "loader.password_protected": ("Berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya, lalu simpan "
                                  "ulang.",
                                  "The file is password-protected. Open it in Excel, remove the password and save "
                                  "it again."),
    "loader.zip_bomb": ("Isi berkas tidak wajar: {uncompressed_mb} MB setelah diekstrak. Berkas ditolak demi "
                        "keamanan.",
                        "Implausible content: {uncompressed_mb} MB once uncompressed. The file is refused for "
                        "safety."),
    "loader.unreadable": ("Berkas tidak dapat dibaca: {detail}.", "The file cannot be read: {detail}."),
    "loader.no_table": ("Tidak ada tabel inovasi di berkas ini (tidak ditemukan kolom 'Nama Inovasi' atau 'Judul "
                        "Inovasi').",
                        "No innovation table in this file (no 'Nama Inovasi' or 'Judul Inovasi' column found)."),
    "loader.file_rejected": ("Berkas ditolak karena {errors} galat; tidak ada baris yang dimuat. Perbaiki lalu "
                             "muat ulang.",
                             "File rejected because of {errors} error(s); no row was loaded. Fix them and load it "
                             "again."),
    "loader.not_data_file": ("Bukan berkas data (dokumentasi atau kode); dilewati.",
                             "Not a data file (documentation or code); skipped."),
    # sheets
    "loader.sheet_hidden": ("Lembar tersembunyi, dilewati.", "Hidden sheet, skipped."),
    "loader.sheet_summary": ("Lembar rekap/ringkasan, bukan daftar inovasi; dilewati.",
                             "Summary sheet, not a list of innovations; skipped."),
    "loader.sheet_no_table": ("Tidak ada kolom 'Nama Inovasi'; lembar dilewati.",
                              "No 'Nama Inovasi' column; sheet skipped."),
    "loader.sheet_empty": ("Lembar kosong.", "Empty sheet."),
    "loader.unknown_header": ("Kolom '{header}' tidak dikenali; isinya tidak dimuat.",
                              "Column '{header}' is not recognised; its values are not loaded."),
    # rows
    "loader.missing_name": ("Nama inovasi kosong, padahal baris ini berisi data. Isi nama inovasinya.",
                            "The innovation name is empty although the row has data. Fill in the name."),
    "loader.bad_year": ("Tahun '{value}' tidak valid: harus antara 1945 dan {max_year}. Perbaiki tahunnya.",
                        "Year '{value}' is not valid: it must be between 1945 and {max_year}. Correct the year."),
    "loader.no_year": ("Tahun tidak diketahui: tidak ada di kolom, nama lembar, judul, maupun tanggal penerapan.",
                       "Year unknown: not in a column, the sheet name, the title or the launch date."),
    "loader.bad_date": ("Tanggal '{value}' tidak terbaca; dibiarkan kosong. Gunakan format HH-BB-TTTT.",
                        "Date '{value}' could not be read; left empty. Use DD-MM-YYYY."),
    "loader.unknown_agency": ("Perangkat daerah '{value}' tidak ada di daftar OPD; nama aslinya dipakai. Tambahkan"
                              " alias di data/reference.",
                              "Agency '{value}' is not in the register; its raw name is kept. Add an alias in "
                              "data/reference."),
    "loader.missing_agency": ("Perangkat daerah kosong.", "The agency is empty."),
    "loader.unknown_sector": ("Urusan '{value}' tidak ada dalam taksonomi; teks aslinya dipakai.",
                              "Sector (urusan) '{value}' is not in the taxonomy; the raw text is kept."),
    "loader.unknown_value": ("Nilai '{value}' tidak dikenal untuk kolom ini (yang dikenal: {allowed}); dibiarkan "
                             "kosong.",
                             "Value '{value}' is not known for this column (known: {allowed}); left empty."),
    "loader.bad_number": ("'{value}' bukan angka; dibiarkan kosong.", "'{value}' is not a number; left empty."),
    "loader.duplicate": ("Inovasi yang sama sudah ada di baris {first_row} (lembar {first_sheet}).",
                         "The same innovation already appears in row {first_row} (sheet {first_sheet})."),
    # where an issue is (Issue.to_line)
    "loader.place.row": ("baris {row}", "row {row}"),
}
