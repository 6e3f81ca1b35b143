"""The loaders' messages (catalog part `loader.<code>`): what is wrong with a file, sheet or row and
what to do, in the user's words, never in Python's. An Issue's `code` names its key here."""

MESSAGES: dict[str, tuple[str, str]] = {
    # whole-file problems
    "loader.file_missing": ("Berkas tidak ditemukan: {path}. Periksa nama dan foldernya.",
                            "File not found: {path}. Check its name and folder."),
    "loader.file_empty": ("Berkas kosong (0 byte). Simpan ulang dari Excel lalu coba lagi.",
                          "The file is empty (0 bytes). Save it again from Excel and retry."),
    "loader.file_too_large": ("Berkas {size_mb:.3g} MB melebihi batas {limit_mb:g} MB. Pecah menjadi beberapa "
                              "berkas.",
                              "The file is {size_mb:.3g} MB, over the {limit_mb:g} MB limit. Split it into several "
                              "files."),
    "loader.password_protected": ("Berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya, lalu simpan "
                                  "ulang.",
                                  "The file is password-protected. Open it in Excel, remove the password and save "
                                  "it again."),
    "loader.zip_bomb": ("Isi berkas tidak wajar: {uncompressed_mb:,.0f} MB setelah diekstrak. Berkas ditolak demi "
                        "keamanan.",
                        "Implausible content: {uncompressed_mb:,.0f} MB once uncompressed. The file is refused for "
                        "safety."),
    "loader.not_spreadsheet": ("Bukan lembar kerja yang dapat dibaca (berkas biner, misalnya gambar atau PDF). "
                               "Simpan datanya sebagai .xlsx atau .csv.",
                               "Not a readable spreadsheet (a binary file, such as a picture or a PDF). Save the "
                               "data as .xlsx or .csv."),
    "loader.not_workbook_zip": ("Bukan lembar kerja yang dapat dibaca: arsip zip tanpa buku kerja Excel atau ODS "
                                "(misalnya dokumen Word). Simpan datanya sebagai .xlsx atau .csv.",
                                "Not a readable spreadsheet: a zip archive without an Excel or ODS workbook (a Word"
                                " document, for instance). Save the data as .xlsx or .csv."),
    "loader.not_workbook_ole": ("Bukan lembar kerja yang dapat dibaca: dokumen Office lama yang bukan buku kerja "
                                "Excel (misalnya .doc). Simpan datanya sebagai .xlsx atau .csv.",
                                "Not a readable spreadsheet: an old Office document that is not an Excel workbook "
                                "(a .doc, for instance). Save the data as .xlsx or .csv."),
    "loader.html_no_table": ("Bukan lembar kerja yang dapat dibaca: halaman web tanpa tabel (mungkin halaman login "
                             "atau halaman galat yang tersimpan sebagai .xls). Unduh ulang ekspornya, atau simpan "
                             "sebagai .xlsx.",
                             "Not a readable spreadsheet: a web page without a table (perhaps a login or error page"
                             " saved as .xls). Download the export again, or save it as .xlsx."),
    "loader.xlsb": ("Format Excel Binary (.xlsb) tidak didukung. Buka di Excel lalu Simpan Sebagai .xlsx.",
                    "The Excel Binary format (.xlsb) is not supported. Open it in Excel and Save As .xlsx."),
    "loader.corrupt_zip": ("Berkas rusak: arsip .xlsx/.ods tidak utuh atau isinya tidak dapat dibuka. Buka di Excel"
                           " dan simpan ulang; bila tidak bisa dibuka, minta salinan aslinya.",
                           "The file is damaged: the .xlsx/.ods archive is incomplete or its content cannot be "
                           "opened. Open it in Excel and save it again; if it will not open, ask for the original "
                           "copy."),
    "loader.unsafe_xml": ("Berkas memuat XML yang tidak aman (deklarasi DOCTYPE/ENTITY, seperti pada serangan XXE "
                          "atau 'billion laughs') dan ditolak demi keamanan. Buka di Excel lalu simpan sebagai "
                          ".xlsx baru.",
                          "The file contains unsafe XML (DOCTYPE/ENTITY declarations, as in XXE or 'billion laughs'"
                          " attacks) and is refused for safety. Open it in Excel and save it as a new .xlsx."),
    "loader.unreadable": ("Berkas rusak: isi buku kerjanya tidak dapat dibaca. Buka di Excel lalu simpan ulang "
                          "sebagai .xlsx.",
                          "The file is damaged: its workbook content cannot be read. Open it in Excel and save it "
                          "again as .xlsx."),
    "loader.only_hidden_sheets": ("Semua lembar di berkas ini tersembunyi. Tampilkan lembar datanya di Excel (klik "
                                  "kanan tab lembar › Unhide), simpan, lalu muat ulang.",
                                  "Every sheet of this file is hidden. Unhide the data sheet in Excel (right-click "
                                  "a sheet tab › Unhide), save, and load it again."),
    "loader.too_many_rows": ("Lembar ini memuat {rows} baris, melebihi batas {limit} baris. Hapus baris kosong atau"
                             " berformat di bawah tabel, atau pecah berkas per tahun; pengelola dapat mengubah "
                             "batas dengan {variable}.",
                             "This sheet holds {rows} rows, over the limit of {limit}. Delete the empty or "
                             "formatted rows below the table, or split the file by year; an administrator can "
                             "change the limit with {variable}."),
    "loader.too_many_columns": ("Lembar ini memuat {columns} kolom (sampai kolom {last}), melebihi batas {limit} "
                                "kolom. Hapus kolom kosong atau berformat di kanan tabel; pengelola dapat mengubah "
                                "batas dengan {variable}.",
                                "This sheet holds {columns} columns (up to column {last}), over the limit of "
                                "{limit}. Delete the empty or formatted columns right of the table; an "
                                "administrator can change the limit with {variable}."),
    "loader.too_many_cells": ("Lembar ini memuat {cells} sel, melebihi batas {limit} sel. Pecah berkas (misalnya "
                              "per tahun); pengelola dapat mengubah batas dengan {variable}.",
                              "This sheet holds {cells} cells, over the limit of {limit}. Split the file (by year, "
                              "for instance); an administrator can change the limit with {variable}."),
    "loader.field_too_long": ("Satu sel berisi {chars} karakter, melebihi batas {limit} karakter. Persingkat "
                              "isinya; pengelola dapat mengubah batas dengan {variable}.",
                              "One cell holds {chars} characters, over the limit of {limit}. Shorten it; an "
                              "administrator can change the limit with {variable}."),
    "loader.csv_field_too_long": ("Satu sel lebih dari {limit} karakter, biasanya karena tanda kutip (\") yang "
                                  "dibuka tetapi tidak ditutup. Periksa tanda kutip di baris ini; bila selnya "
                                  "memang sepanjang itu, persingkat (batas: {variable}).",
                                  "A cell is longer than {limit} characters, usually because a quote (\") was opened"
                                  " and never closed. Check the quotes on this line; if the cell really is that "
                                  "long, shorten it (limit: {variable})."),
    "loader.csv_malformed": ("CSV tidak dapat diurai mulai baris ini. Buka di Excel lalu simpan ulang sebagai CSV "
                             "(UTF-8).",
                             "The CSV cannot be parsed from this line on. Open it in Excel and save it again as CSV"
                             " (UTF-8)."),
    "loader.internal_error": ("Terjadi kesalahan tak terduga saat membaca berkas ini; berkas tidak dimuat dan data "
                              "lain tidak berubah. Kirimkan berkas ini ke pengelola aplikasi.",
                              "An unexpected error occurred while reading this file; it was not loaded and no other"
                              " data changed. Please send the file to the application's administrator."),
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
    "loader.sheet_code_list": ("Daftar kode bidang: dipakai untuk membaca kode inovasi, bukan daftar inovasi.",
                               "List of sector codes: used to read the innovation codes, not a list of innovations."),
    "loader.sheet_empty": ("Lembar kosong.", "Empty sheet."),
    "loader.unknown_header": ("Kolom '{header}' tidak dikenali; isinya tidak dimuat.",
                              "Column '{header}' is not recognised; its values are not loaded."),
    # rows
    "loader.missing_name": ("Nama inovasi kosong, padahal baris ini berisi data. Isi nama inovasinya.",
                            "The innovation name is empty although the row has data. Fill in the name."),
    "loader.bad_year": ("Tahun '{value}' tidak valid: harus antara 1945 dan {max_year}. Perbaiki tahunnya.",
                        "Year '{value}' is not valid: it must be between 1945 and {max_year}. Correct the year."),
    "loader.formula_uncalculated": (
        "Sel {cell} berisi rumus yang nilainya belum dihitung (berkas disimpan tanpa menghitung rumus), jadi "
        "terbaca kosong. Buka berkas di Excel atau LibreOffice, simpan ulang, lalu muat lagi.",
        "Cell {cell} holds a formula whose value was never calculated (the file was saved without calculating "
        "formulas), so it reads empty. Open the file in Excel or LibreOffice, save it again, then load it again."),
    "loader.two_years": ("Tahun '{value}' menyebut dua tahun. Tulis satu tahun saja: tahun inovasi itu dihitung "
                         "(misalnya {first}).",
                         "Year '{value}' names two years. Write one year: the year the innovation is counted in "
                         "(for example {first})."),
    "loader.no_year": ("Tahun tidak diketahui: tidak ada di kolom, nama lembar, judul, maupun tanggal penerapan.",
                       "Year unknown: not in a column, the sheet name, the title or the launch date."),
    "loader.no_year_in_block": ("Tahun tidak diketahui: kode inovasi kosong dan judul bloknya ('{title}') tidak "
                                "menyebut tahun. Isi kodenya (mis. '15 LI SS04 PUR 001') atau tulis tahunnya di "
                                "judul blok ('... TAHUN 2015').",
                                "Year unknown: the innovation code is empty and its block's title ('{title}') states "
                                "no year. Fill in the code (e.g. '15 LI SS04 PUR 001') or write the year in the "
                                "block title ('... TAHUN 2015')."),
    "loader.year_rule_no_title": ("Aturan tahun lembar ini 'dari judul', tetapi baris judulnya tidak menyebut tahun. "
                                  "Pilih tahun atau kolom kode sebagai aturannya.",
                                  "This sheet's year rule is 'from the title', but its title rows state no year. "
                                  "Choose a year or a code column as its rule."),
    "loader.year_rule_no_column": ("Aturan tahun lembar ini membaca kolom '{header}', tetapi lembar ini tidak "
                                   "memilikinya (kolomnya: {headers}). Pilih kolom yang ada, mis. "
                                   "--year \"Lembar=code:Nama Kolom\".",
                                   "This sheet's year rule reads column '{header}', but the sheet has no such column "
                                   "(its columns: {headers}). Choose one it has, e.g. "
                                   "--year \"Sheet=code:Column name\"."),
    "loader.year_rule_no_sheet": ("Aturan tahun '{sheet}={rule}' tidak dipakai: tidak ada lembar bernama '{sheet}' "
                                  "(lembarnya: {sheets}). Periksa ejaan nama lembarnya.",
                                  "The year rule '{sheet}={rule}' was not used: no sheet is named '{sheet}' (the "
                                  "sheets: {sheets}). Check the sheet name's spelling."),
    "loader.year_rule_stored": ("{count} baris tanpa tahun diberi tahun {year} menurut aturan yang disimpan {who} "
                                "({when}) untuk lembar berbentuk sama. Jika berkas ini tahun lain, pilih tahunnya di "
                                "pratinjau /data atau dengan --year \"{name}=TAHUN\".",
                                "{count} rows without a year were given {year} by the rule {who} saved ({when}) for "
                                "sheets of this shape. If this file is of another year, choose it in the /data "
                                "preview or with --year \"{name}=YEAR\"."),
    "loader.bad_code": ("Kode '{value}' bukan kode Laboratorium Inovasi (mis. '15 LI SS04 PUR 001'); tahun dan "
                        "urusannya tidak dibaca dari kode.",
                        "Code '{value}' is not a Lab Inovasi code (e.g. '15 LI SS04 PUR 001'); its year and sector "
                        "are not read from it."),
    "loader.unknown_lan_location": ("Kode lokasi LAN '{location}' (kode '{written}') tidak ada di "
                                    "data/reference/lan_locations.csv; {count} baris dengan lokasi ini dianggap milik "
                                    "{region}. Tambahkan kodenya beserta daerahnya ke berkas itu, atau isi kolom "
                                    "Pemda/K/L/D.",
                                    "LAN location code '{location}' (code '{written}') is not in "
                                    "data/reference/lan_locations.csv; {count} rows with this location are taken as "
                                    "{region}'s. Add the code with its region to that file, or fill in the "
                                    "Pemda/K/L/D column."),
    "loader.unknown_sector_code": ("Kode bidang '{value}' tidak ada di lembar 'Kode bidang'; urusannya dibiarkan "
                                   "kosong. Tambahkan kodenya ke lembar itu.",
                                   "Sector code '{value}' is not in the 'Kode bidang' sheet; the sector is left "
                                   "empty. Add the code to that sheet."),
    "loader.bad_progress": ("Progres '{value}' tidak valid: tulis persen antara 0 dan 100 (mis. 90 atau 90%); "
                            "dibiarkan kosong.",
                            "Progress '{value}' is not valid: write a percentage between 0 and 100 (e.g. 90 or "
                            "90%); left empty."),
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
    "loader.number_not_finite": ("'{value}' bukan angka hingga (tak hingga atau NaN); dibiarkan kosong.",
        "'{value}' is not a finite number (infinity or NaN); left empty."),
    "loader.bad_number": ("'{value}' bukan angka; dibiarkan kosong.", "'{value}' is not a number; left empty."),
    "loader.duplicate": ("Inovasi yang sama sudah ada di baris {first_row} (lembar {first_sheet}).",
                         "The same innovation already appears in row {first_row} (sheet {first_sheet})."),
    # where an issue is (Issue.to_line)
    "loader.place.row": ("baris {row}", "row {row}"),
}
