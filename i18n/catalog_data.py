"""The /data page's words (catalog part `data.*`, with the issues' severities): uploads, the preview
and its comparison with the store, the preview running in the background, innovations listed twice,
history, rollback and restore (dashboard/pages/data.py and its data_* modules,
dashboard/components/upload.py and the components they use). The other parts: i18n/catalog*.py,
assembled by i18n into CATALOG.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # /data: uploads, preview, history (dashboard.pages.data and its data_* modules, components.upload)
    "data.heading": ("Kelola data", "Manage data"),
    "data.not_allowed": ("Halaman ini hanya untuk editor: mengunggah, memetakan nama OPD, membatalkan dan "
                         "memulihkan unggahan.", "This page is for editors only: uploading, mapping agency names, "
                         "rolling uploads back and restoring them."),
    "data.login_hint": ("Masuk sebagai editor", "Log in as an editor"),
    "data.no_users": ("Belum ada pengguna, jadi dasbor terbuka untuk dilihat tanpa masuk. Buat editor di server "
                      "dengan perintah berikut, lalu masuk:", "There are no users yet, so anyone may view the "
                      "dashboard without logging in. Create an editor on the server with this command, then log in:"),
    "data.first_user_notice": ("Perhatian: begitu pengguna pertama dibuat, dasbor hanya dapat dilihat setelah "
                               "masuk. Agar tetap terbuka untuk umum, jalankan server dengan DASBOR_ANONYMOUS_VIEW=1.",
                               "Note: once the first user exists, the dashboard can only be viewed after logging in. "
                               "To keep it open to everyone, run the server with DASBOR_ANONYMOUS_VIEW=1."),
    "data.read_only": ("Mode baca saja: dasbor membaca berkas langsung (serve --data), jadi unggahan tidak tersedia "
                       "di sini. Jalankan tanpa --data untuk memakai penyimpanan.",
                       "Read-only mode: the dashboard reads files directly (serve --data), so uploads are not "
                       "available here. Run it without --data to use the store."),
    "data.upload_heading": ("Unggah berkas", "Upload files"),
    "data.drop": ("Seret berkas ke sini atau klik untuk memilih", "Drag files here or click to choose"),
    "data.formats": ("xlsx, xlsm, xls, ods atau csv; paling besar {size} per unggahan. Belum ada yang disimpan "
                     "sebelum Konfirmasi.", "xlsx, xlsm, xls, ods or csv; at most {size} per upload. Nothing is "
                     "saved before you confirm."),
    "data.overlap": ("Tahun {years} sudah tersimpan. Agar tidak ada inovasi yang terhitung dua kali, pilih dulu:",
                     "Already stored: {years}. So that no innovation is counted twice, choose first:"),
    "data.mode_replace": ("ganti tahun itu", "replace those years"),
    "data.mode_add_new": ("tambah yang baru saja", "add only the new ones"),
    "data.mode_cancel": ("batal", "cancel"),
    "data.cancel": ("Batal", "Cancel"),
    "data.cancelled": ("Dibatalkan: tidak ada yang disimpan. Unggah berkasnya lagi (atau berkas lain) bila perlu.",
                       "Cancelled: nothing was saved. Upload the file again (or another one) when needed."),
    # an innovation listed twice for a year in one upload (store.duplicates, dashboard.components.duplicates)
    "data.dup_intro": ("{count} inovasi tercantum lebih dari sekali untuk tahun yang sama dalam unggahan ini ({rows} "
                       "baris lebih). Agar tidak terhitung dua kali, satu saja yang disimpan: baris yang terisi paling "
                       "lengkap (bila sama, yang pertama terbaca).",
                       "{count} innovations are listed more than once for the same year in this upload ({rows} extra "
                       "rows). So that none counts twice, one is saved: the most complete row (when equal, the first "
                       "read)."),
    "data.dup_col_innovation": ("Inovasi", "Innovation"),
    "data.dup_col_kept": ("Disimpan", "Saved"),
    "data.dup_col_skipped": ("Tidak disimpan", "Left out"),
    "data.dup_keep_one": ("simpan satu saja (disarankan)", "save one only (recommended)"),
    "data.dup_keep_all": ("simpan semua: itu inovasi yang berbeda", "save them all: they are different innovations"),
    # a store from before identities that counts innovations twice (store.duplicates.doubled_years)
    "data.doubled_heading": ("Data tersimpan menghitung sebagian inovasi dua kali (unggahan dari sebelum inovasi "
                             "dikenali ulang):",
                             "The stored data counts some innovations twice (uploads from before innovations were "
                             "recognised again):"),
    "data.doubled_year": ("{year}: {count} inovasi ada di lebih dari satu batch ({batches}); {rows} baris sekarang, "
                          "{after} setelah dirapikan.",
                          "{year}: {count} innovations are in more than one batch ({batches}); {rows} rows now, "
                          "{after} once resolved."),
    "data.doubled_intro": ("Merapikan memakai isi dari batch terbaru dan menyembunyikan salinan lama (tidak dihapus). "
                           "Tercatat di riwayat dan dapat dibatalkan.",
                           "Resolving keeps the newest batch's copy and hides the older copies (nothing is deleted). "
                           "It is recorded in the history and can be rolled back."),
    "data.doubled_resolve": ("Rapikan: pakai batch terbaru", "Resolve: keep the newest batch"),
    "data.ask_doubled_title": ("Rapikan data yang terhitung dua kali?", "Resolve the innovations counted twice?"),
    "data.ask_doubled": ("{rows} salinan lama disembunyikan; tiap inovasi dihitung sekali, dengan isi dari batch "
                         "terbarunya. Entri ini tercatat di riwayat dan dapat dibatalkan.",
                         "{rows} older copies are hidden; each innovation counts once, with its newest batch's "
                         "content. The entry is recorded in the history and can be rolled back."),
    "data.doubled_resolved": ("Dirapikan: {count} salinan lama disembunyikan (riwayat #{batch}).",
                              "Resolved: {count} older copies hidden (history #{batch})."),
    "data.doubled_nothing": ("Tidak ada lagi yang terhitung dua kali.", "Nothing counts twice any more."),
    "data.choose_first": ("Tahun-tahun berkas ini sudah tersimpan: pilih ganti atau tambah yang baru saja.",
                          "This file's years are already stored: choose replace or add only the new ones."),
    # the preview's comparison with the store (store.compare, dashboard.components.comparison)
    "data.compare_heading": ("Dibandingkan dengan data tersimpan", "Compared with the stored data"),
    "data.compare_none": ("Tahun-tahun berkas ini belum ada di data tersimpan: semuanya akan ditambahkan.",
                          "The stored data has none of this file's years yet: everything will be added."),
    "data.compare.stored": ("Tersimpan", "Stored"),
    "data.compare.incoming": ("Di berkas", "In the file"),
    "data.compare.same": ("Sama", "Same"),
    "data.compare.changed": ("Berubah", "Changed"),
    "data.compare.new": ("Baru", "New"),
    "data.compare.absent": ("Tersimpan, tidak ada di berkas", "Stored, not in the file"),
    "data.compare.details": ("Rincian {year}", "Details for {year}"),
    "data.compare.field_change": ("{field}: “{old}” → “{new}”", "{field}: “{old}” → “{new}”"),
    "data.compare.stored_in": ("batch #{batch}", "batch #{batch}"),
    "data.compare.place": ("{file}, baris {row}", "{file}, row {row}"),
    "data.compare.empty": ("(kosong)", "(empty)"),
    "data.compare.blanked": ("Bila tahun {year} diganti, isian tersimpan ini dikosongkan:",
                             "If year {year} is replaced, these stored values are emptied:"),
    "data.compare.blanked_no_column": ("{field}: {count} inovasi, karena berkas tidak punya kolom ini",
                                       "{field}: {count} innovations, because the file has no such column"),
    "data.compare.blanked_empty": ("{field}: {count} inovasi, karena selnya kosong di berkas",
                                   "{field}: {count} innovations, because its cells are empty in the file"),
    "data.compare.reason_no_column": ("dikosongkan: kolom ini tidak ada di berkas",
                                      "emptied: the file has no such column"),
    "data.compare.reason_empty": ("dikosongkan: selnya kosong di berkas", "emptied: its cell is empty in the file"),
    "data.preview_heading": ("Pratinjau", "Preview"),
    "data.preview_intro": ("{count} inovasi terbaca dari {files} berkas. Periksa lalu tekan Konfirmasi.",
                           "{count} innovations read from {files} files. Check them, then press Confirm."),
    "data.preview_blocked": ("Ada galat: perbaiki berkasnya lalu unggah lagi. Tidak ada yang disimpan.",
                             "There are errors: fix the file and upload it again. Nothing was saved."),
    "data.confirm": ("Konfirmasi", "Confirm"),
    # the preview runs in the background (dashboard/pages/data_preview.py): its stage, cancel, and what went wrong
    "data.progress.reading": ("Membaca {file}…", "Reading {file}…"),
    "data.progress.normalising": ("Menormalkan {rows} baris…", "Normalising {rows} rows…"),
    "data.progress.comparing": ("Membandingkan {rows} inovasi dengan data tersimpan…",
                                "Comparing {rows} innovations with the stored data…"),
    "data.preview_cancel": ("Batalkan pratinjau", "Cancel the preview"),
    "data.preview_stopped": ("Pratinjau dibatalkan. Tidak ada yang disimpan; unggah berkas lagi bila perlu.",
                             "Preview cancelled. Nothing was saved; upload a file again when needed."),
    "data.upload_gone": ("Berkas unggahan ini sudah tidak ada di server (dibatalkan atau terlalu lama). "
                         "Unggah lagi.", "This upload is no longer on the server (cancelled, or too old). "
                         "Upload it again."),
    "data.preview_failed": ("Pratinjau gagal karena kesalahan tak terduga di server. Tidak ada yang disimpan; coba "
                            "lagi, atau kirim berkasnya kepada pengelola dasbor.",
                            "The preview failed on an unexpected error on the server. Nothing was saved; try "
                            "again, or send the file to the dashboard's administrator."),
    "data.job_died": ("Pratinjau berhenti sebelum selesai: prosesnya di server dihentikan dari luar (mungkin "
                      "kehabisan memori, atau server dimulai ulang). Tidak ada yang disimpan. Unggah berkasnya "
                      "lagi; bila terulang, bagi berkas menjadi beberapa bagian atau hubungi pengelola dasbor.",
                      "The preview stopped before it finished: its process on the server was stopped from "
                      "outside (perhaps out of memory, or the server restarted). Nothing was saved. Upload the "
                      "file again; if it happens again, split the file into parts or contact the dashboard's "
                      "administrator."),
    # the confirmed upload is saved in the background (dashboard/pages/data_confirm.py)
    "data.saving.saving": ("Membaca, memeriksa dan menyimpan {files} berkas…",
                           "Reading, checking and saving {files} files…"),
    "data.saving.recording": ("Tersimpan. Mencatat pemetaan kolom dan aturan tahun…",
                              "Saved. Recording the column mappings and year rules…"),
    "data.saving_cancel": ("Batalkan penyimpanan", "Cancel saving"),
    "data.saving_stopped": ("Penyimpanan dibatalkan. Penyimpanan yang belum selesai tidak meninggalkan apa pun: "
                            "riwayat di bawah menunjukkan yang tersimpan. Tekan Konfirmasi lagi bila perlu.",
                            "Saving cancelled. Unfinished saving leaves nothing behind: the history below shows "
                            "what is stored. Press Confirm again when needed."),
    "data.saving_died": ("Penyimpanan berhenti sebelum selesai: prosesnya di server dihentikan dari luar (mungkin "
                         "kehabisan memori, atau server dimulai ulang). Penyimpanan yang belum selesai tidak "
                         "meninggalkan apa pun: riwayat di bawah menunjukkan yang tersimpan. Unggah berkasnya lagi; "
                         "bila terulang, bagi berkas menjadi beberapa bagian atau hubungi pengelola dasbor.",
                         "Saving stopped before it finished: its process on the server was stopped from outside "
                         "(perhaps out of memory, or the server restarted). Unfinished saving leaves nothing "
                         "behind: the history below shows what is stored. Upload the file again; if it happens "
                         "again, split the file into parts or contact the dashboard's administrator."),
    "data.saving_failed": ("Penyimpanan gagal karena kesalahan tak terduga di server. Riwayat di bawah menunjukkan "
                           "yang tersimpan; coba lagi, atau kirim berkasnya kepada pengelola dasbor.",
                           "Saving failed on an unexpected error on the server. The history below shows what is "
                           "stored; try again, or send the file to the dashboard's administrator."),
    "data.file_ok": ("diterima", "accepted"),
    "data.file_rejected": ("ditolak", "rejected"),
    "data.sheet": ("Lembar {sheet}: baris judul kolom {row}, {count} inovasi",
                   "Sheet {sheet}: header row {row}, {count} innovations"),
    "data.sheet_skipped": ("Lembar {sheet} dilewati: {reason}", "Sheet {sheet} skipped: {reason}"),
    "data.mapping": ("Kolom di berkas → kolom dasbor", "Column in the file → dashboard column"),
    "data.by_year": ("Per tahun", "By year"),
    "data.by_agency": ("Per perangkat daerah", "By agency"),
    "data.count": ("Jumlah", "Count"),
    "data.issues": ("Galat dan peringatan ({count})", "Errors and warnings ({count})"),
    "data.no_issues": ("Tidak ada galat atau peringatan.", "No errors or warnings."),
    "data.col_severity": ("Jenis", "Type"),
    "data.col_file": ("Berkas", "File"),
    "data.col_sheet": ("Lembar", "Sheet"),
    "data.col_row": ("Baris", "Row"),
    "data.col_column": ("Kolom", "Column"),
    "data.col_message": ("Pesan", "Message"),
    "severity.error": ("Galat", "Error"),
    "severity.warning": ("Peringatan", "Warning"),
    "data.map_heading": ("Kolom yang belum dikenali", "Columns not recognised"),
    "data.map_intro": ("Pilih kolom dasbor untuk tiap judul kolom, atau abaikan. Pratinjau diperbarui; pemetaan "
                       "disimpan saat Anda mengonfirmasi dan dipakai otomatis untuk unggahan berikutnya.",
                       "Choose the dashboard column of each header, or ignore it. The preview is updated; the "
                       "mappings are saved when you confirm and used automatically for later uploads."),
    "data.map_choose": ("Pilih kolom dasbor", "Choose a dashboard column"),
    "data.map_ignore": ("abaikan (jangan dimuat)", "ignore (do not load)"),
    "data.year_heading": ("Lembar {sheet}: {count} baris tanpa tahun", "Sheet {sheet}: {count} rows without a year"),
    "data.year_choose": ("Pilih tahun atau aturannya", "Choose a year or a rule"),
    "data.year_from_title": ("dari baris judul di atas tabel", "from the title rows above the table"),
    "data.year_from_code": ("dari awal kode di kolom '{header}' (mis. 15 … → 2015)",
                            "from the start of the code in column '{header}' (e.g. 15 … → 2015)"),
    "data.mappings_saved": ("{count} pemetaan kolom disimpan untuk unggahan berikutnya.",
                            "{count} column mappings saved for later uploads."),
    "data.year_rules_saved": ("{count} aturan tahun disimpan untuk unggahan berikutnya dengan lembar yang sama.",
                              "{count} year rules saved for later uploads of the same sheets."),
    "data.year_heading_ruled": ("Lembar {sheet}: tahun menurut aturan ini", "Sheet {sheet}: year by this rule"),
    "data.unknown_heading": ("Nama perangkat daerah yang belum dikenal", "Agency names not in the register"),
    "data.unknown_intro": ("Petakan ke perangkat daerah di daftar OPD. Pemetaan disimpan dan dipakai juga untuk "
                           "unggahan berikutnya.", "Map them to an agency of the register. The mapping is stored "
                           "and used for later uploads too."),
    "data.unknown_rows": ("{count} baris", "{count} rows"),
    "data.alias_choose": ("Pilih perangkat daerah", "Choose an agency"),
    "data.alias_save": ("Simpan pemetaan", "Save the mappings"),
    "data.alias_saved": ("{count} pemetaan disimpan; pratinjau diperbarui.", "{count} mappings saved; preview updated."),
    "data.too_large": ("{file}: {size} melebihi batas {limit}. Tidak ada yang disimpan.",
                       "{file}: {size} exceeds the limit of {limit}. Nothing was saved."),
    "data.bad_upload": ("{file}: isi berkas tidak terbaca. Tidak ada yang disimpan.",
                        "{file}: the file's content could not be read. Nothing was saved."),
    "data.saved": ("Tersimpan: {count} inovasi ({batches} batch). Halaman lain sudah memakai data baru.",
                   "Saved: {count} innovations ({batches} batches). Every page now shows the new data."),
    "data.not_saved": ("Tidak ada yang disimpan.", "Nothing was saved."),
    "data.history_heading": ("Riwayat unggahan", "Upload history"),
    "data.history_empty": ("Belum ada unggahan.", "No uploads yet."),
    "data.col_id": ("Batch", "Batch"),
    "data.col_when": ("Waktu", "When"),
    "data.col_who": ("Oleh", "By"),
    # who the seeded sample and rollbacks without a user are recorded as (store.accounts.SYSTEM_USER)
    "user.system": ("sistem", "system"),
    "data.col_mode": ("Cara", "Mode"),
    "data.col_status": ("Status", "Status"),
    "data.col_records": ("Inovasi", "Innovations"),
    "data.col_years": ("Tahun", "Years"),
    "data.col_action": ("Tindakan", "Action"),
    "data.shown": ("{count} tampil", "{count} shown"),
    "data.mode.add": ("tambah", "add"),
    "data.mode.replace": ("ganti", "replace"),
    "data.mode.add-new": ("tambah yang baru", "add new only"),
    "data.mode.alias": ("alias OPD", "agency alias"),
    "data.mode.mapping": ("pemetaan kolom", "column mapping"),
    "data.mode.doubled": ("rapikan data ganda", "doubles resolved"),
    "data.ask_rollback_doubled": ("{count} salinan lama tampil lagi, jadi tahun {years} kembali menghitung inovasinya "
                                  "dua kali. Entri ini tetap di riwayat dan dapat dipulihkan.",
                                  "{count} older copies show again, so {years} count their innovations twice again. "
                                  "The entry stays in the history and can be restored."),
    "data.ask_restore_doubled": ("{count} salinan lama disembunyikan lagi (tahun {years}).",
                                 "{count} older copies are hidden again ({years})."),
    "data.ask_rollback_mapping": ("Kolom yang diisi pemetaan {file} dikosongkan lagi pada {count} inovasi yang "
                                  "tersimpan, dan pemetaannya tidak dipakai lagi. Entri ini tetap di riwayat dan "
                                  "dapat dipulihkan.",
                                  "The column the mapping {file} filled is emptied again in {count} stored "
                                  "innovations, and the mapping is no longer used. The entry stays in the history "
                                  "and can be restored."),
    "data.ask_restore_mapping": ("Pemetaan {file} dipakai lagi dan kolomnya diisi lagi pada {count} inovasi yang "
                                 "tersimpan.",
                                 "The mapping {file} applies again and its column is filled again in {count} stored "
                                 "innovations."),
    "data.ask_rollback_alias": ("{count} inovasi yang tersimpan kembali ke nama perangkat daerah sebelumnya, dan alias "
                                "{file} tidak dipakai lagi. Entri ini tetap di riwayat dan dapat dipulihkan.",
                                "{count} stored innovations go back to their former agency, and the alias {file} is "
                                "no longer used. The entry stays in the history and can be restored."),
    "data.ask_restore_alias": ("Alias {file} dipakai lagi dan {count} inovasi yang tersimpan dipetakan kembali.",
                               "The alias {file} applies again and {count} stored innovations are mapped again."),
    "data.saved_warnings": ("Perlu diperiksa:", "To check:"),
    "data.status.active": ("aktif", "active"),
    "data.status.rolled_back": ("dibatalkan", "rolled back"),
    "data.status.replaced": ("diganti", "replaced"),
    "data.rollback": ("Batalkan", "Roll back"),
    "data.restore": ("Pulihkan", "Restore"),
    "data.rolled_back": ("Batch #{batch} dibatalkan.", "Batch #{batch} rolled back."),
    "data.restored": ("Batch #{batch} dipulihkan.", "Batch #{batch} restored."),
    "data.ask_rollback_title": ("Batalkan batch #{batch}?", "Roll back batch #{batch}?"),
    "data.ask_rollback": ("{count} inovasi dari {file} akan hilang dari semua halaman dasbor. Batch ini tetap "
                          "tercatat di riwayat dan dapat dipulihkan.",
                          "{count} innovations from {file} will disappear from every page of the dashboard. The "
                          "batch stays in the history and can be restored."),
    "data.ask_restore_title": ("Pulihkan batch #{batch}?", "Restore batch #{batch}?"),
    "data.ask_restore": ("{count} inovasi dari {file} akan tampil lagi di semua halaman dasbor.",
                         "{count} innovations from {file} will show again on every page of the dashboard."),
    "data.ask_rollback_replace": ("{count} inovasi dari {file} akan hilang dari semua halaman dasbor, dan data tahun "
                                  "{years} yang digantinya tampil lagi. Batch ini tetap tercatat di riwayat dan dapat "
                                  "dipulihkan.",
                                  "{count} innovations from {file} will disappear from every page of the dashboard, "
                                  "and the data of {years} it replaced will show again. The batch stays in the history "
                                  "and can be restored."),
    "data.ask_restore_replace": ("{count} inovasi dari {file} akan tampil lagi di semua halaman dasbor, menggantikan "
                                 "data tahun {years} yang tampil sekarang.",
                                 "{count} innovations from {file} will show again on every page of the dashboard, "
                                 "replacing the data of {years} shown now."),
    "data.ask_cancel": ("Jangan", "Cancel"),
}
