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
    "store.bad_user_name": ("Nama pengguna '{name}' tidak valid: 1–64 karakter tanpa spasi.",
                            "User name '{name}' is not valid: 1–64 characters, no spaces."),
    "store.bad_role": ("Peran '{role}' tidak dikenal: pilih viewer atau editor.",
                       "Unknown role '{role}': choose viewer or editor."),
    "store.store_unreachable": ("Penyimpanan data tidak dapat dibuka ({detail}). Periksa DATABASE_URL.",
                                "The data store cannot be opened ({detail}). Check DATABASE_URL."),
    "store.short_password": ("Kata sandi terlalu pendek: minimal {minimum} karakter.",
                             "The password is too short: at least {minimum} characters."),
}
