"""The store's messages (catalog part `store.<code>`): refused operations (StoreError) and findings
about an upload (StoreIssue)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.no_files": ("Tidak ada berkas untuk dimuat.", "There is no file to load."),
    "store.duplicate_file": ("Berkas yang sama persis sudah dimuat sebagai batch {batch}. Pilih mode ganti "
                             "(--replace) bila memang ingin memuatnya ulang.",
                             "The very same file was already loaded as batch {batch}. Choose replace mode "
                             "(--replace) if you do mean to load it again."),
    "store.duplicate_in_upload": ("Berkas ini sama persis dengan {other} dalam unggahan yang sama.",
                                  "This file is identical to {other} in the same upload."),
    "store.nothing_saved": ("Tidak ada yang disimpan: semua berkas harus lolos pemeriksaan.",
                            "Nothing was saved: every file must pass the checks."),
    "store.batch_unknown": ("Batch {batch} tidak ada. Lihat daftarnya dengan 'history'.",
                            "Batch {batch} does not exist. List them with 'history'."),
    "store.already_rolled_back": ("Batch {batch} sudah dibatalkan sebelumnya.",
                                  "Batch {batch} is already rolled back."),
    "store.not_rolled_back": ("Batch {batch} tidak sedang dibatalkan; tidak ada yang perlu dipulihkan.",
                              "Batch {batch} is not rolled back; there is nothing to restore."),
    "store.unknown_agency_target": ("'{agency}' tidak ada di daftar OPD (data/reference/agencies.csv).",
                                    "'{agency}' is not in the agency register (data/reference/agencies.csv)."),
    "store.alias_conflict": ("Nama '{alias}' sudah berarti '{agency}' di daftar OPD; aliasnya tidak disimpan.",
                             "The name '{alias}' already means '{agency}' in the register; the alias was not "
                             "saved."),
    "store.bad_mapping": ("Pemetaan kolom '{header}' → '{target}' tidak valid: pilih salah satu kolom baku "
                          "atau 'abaikan'.",
                          "The column mapping '{header}' → '{target}' is not valid: choose one of the canonical "
                          "columns or 'ignore'."),
    "store.bad_year_rule": ("Aturan tahun '{rule}' untuk lembar '{name}' tidak dikenal: tulis tahun "
                            "(1945–{max_year}), 'title' (tahun di baris judul), 'code' (tahun di awal kolom kode) "
                            "atau 'code:Nama Kolom'.",
                            "The year rule '{rule}' for sheet '{name}' is not known: write a year "
                            "(1945–{max_year}), 'title' (the year in the title rows), 'code' (the year a code "
                            "column starts with) or 'code:Column name'."),
    "store.bad_user_name": ("Nama pengguna '{name}' tidak valid: 1–64 karakter tanpa spasi.",
                            "User name '{name}' is not valid: 1–64 characters, no spaces."),
    "store.bad_role": ("Peran '{role}' tidak dikenal: pilih viewer atau editor.",
                       "Unknown role '{role}': choose viewer or editor."),
    "store.store_unreachable": ("Penyimpanan data tidak dapat dibuka ({detail}). Periksa DATABASE_URL.",
                                "The data store cannot be opened ({detail}). Check DATABASE_URL."),
    "store.short_password": ("Kata sandi terlalu pendek: minimal {minimum} karakter.",
                             "The password is too short: at least {minimum} characters."),
    # re-uploads (store.database.Store.ingest's modes; store/compare.py)
    "store.years_overlap": (
        "Tahun {year} sudah tersimpan: {stored} inovasi; berkas ini memuat {incoming} (sama {same}, berubah "
        "{changed}, baru {new}; {absent} yang tersimpan tidak ada di berkas). Menambahkannya begitu saja akan "
        "menghitung inovasi dua kali: pilih ganti tahun itu (--replace) atau tambah yang baru saja (--add-new).",
        "Year {year} is already stored: {stored} innovations; this file holds {incoming} ({same} same, {changed} "
        "changed, {new} new; {absent} stored ones are not in the file). Adding it as it is would count innovations "
        "twice: choose to replace that year (--replace) or to add only the new ones (--add-new)."),
    "store.already_stored": ("{skipped} inovasi di berkas ini sudah tersimpan dan dilewati; {added} yang baru "
                             "ditambahkan.", "{skipped} innovations of this file are already stored and were "
                             "skipped; {added} new ones are added."),
    "store.replace_absent": (
        "Tahun {year} diganti: {count} inovasi tersimpan tidak ada di berkas ini dan tidak ditampilkan lagi "
        "(batalkan batch ini untuk mengembalikannya).",
        "Year {year} replaced: {count} stored innovations are not in this file and are no longer shown "
        "(roll this batch back to bring them back)."),
    "store.replace_blanks_no_column": (
        "Tahun {year} diganti: '{field}' dikosongkan pada {count} inovasi tersimpan karena berkas ini tidak "
        "punya kolom itu. Bila kolomnya hanya terlewat, tambahkan lalu unggah lagi, atau batalkan batch ini.",
        "Year {year} replaced: '{field}' is emptied in {count} stored innovations because this file has no such "
        "column. If the column was only left out, add it and upload again, or roll this batch back."),
    "store.replace_blanks_empty": (
        "Tahun {year} diganti: '{field}' dikosongkan pada {count} inovasi tersimpan karena selnya kosong di "
        "berkas ini.",
        "Year {year} replaced: '{field}' is emptied in {count} stored innovations because its cells are empty in "
        "this file."),
    "store.nothing_new": ("Tidak ada inovasi baru: semuanya sudah tersimpan, jadi tidak ada yang disimpan.",
                          "No new innovation: all of them are already stored, so nothing was saved."),
    "store.duplicate_across_batches": (
        "Inovasi '{name}' tahun {year} (batch #{batch}) juga ada di batch #{other_batch} ({other}), jadi kini "
        "terhitung dua kali. Periksa keduanya; batalkan salah satu batch bila perlu.",
        "Innovation '{name}' of {year} (batch #{batch}) is also in batch #{other_batch} ({other}), so it now "
        "counts twice. Check both; roll one batch back if needed."),
    "store.place": ("{file}, lembar {sheet}, baris {row}", "{file}, sheet {sheet}, row {row}"),
    "store.place_no_sheet": ("{file}, baris {row}", "{file}, row {row}"),
    "store.duplicate_skipped": (
        "Inovasi '{name}' tahun {year} juga ada di {kept}: baris ini tidak disimpan agar tidak terhitung dua kali "
        "(yang disimpan baris yang terisi paling lengkap).",
        "Innovation '{name}' of {year} is also in {kept}: this row is not saved so that it is not counted twice "
        "(the row kept is the most complete one)."),
    "store.bad_duplicates": ("Pilihan baris ganda '{choice}' tidak dikenal: pilih keep-one atau keep-all.",
                             "Unknown choice for duplicate rows '{choice}': choose keep-one or keep-all."),
    "store.bad_mode": ("Cara unggah '{mode}' tidak dikenal: pilih add, replace atau add-new.",
                       "Unknown upload mode '{mode}': choose add, replace or add-new."),
}
