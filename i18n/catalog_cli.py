"""The command line's words (catalog part `cli.*`): what `python app.py ...` prints for people.
Messages that the pages share (store refusals, loader issues, KIPP statuses) come from their own parts."""

MESSAGES: dict[str, tuple[str, str]] = {
    # data sources (cli/common.py)
    "cli.nothing_read": ("Tidak ada inovasi yang terbaca dari {paths}", "No innovations could be read from {paths}"),
    "cli.store_no_active": ("Penyimpanan tidak memuat inovasi aktif.", "The store holds no active innovation."),
    "cli.bad_suffix": ("-o harus berakhiran {suffixes}: {name}", "-o must end in {suffixes}: {name}"),
    "cli.or": (" atau ", " or "),
    # inspect
    "cli.inspect.ok": ("OK", "OK"),
    "cli.inspect.rejected": ("DITOLAK", "REJECTED"),
    "cli.inspect.sheet": ("baris judul kolom {row}, {count} inovasi", "header row {row}, {count} records"),
    "cli.inspect.total": ("Jumlah: {count} inovasi", "Total: {count} innovations"),
    # export, chart, report
    "cli.export.nothing": ("Tidak ada yang ditulis.", "Nothing was written."),
    "cli.export.done": ("{count} baris → {output}", "{count} rows → {output}"),
    "cli.chart.unknown": ("grafik tidak dikenal: {name} (pilih {names})", "unknown chart: {name} (choose {names})"),
    "cli.chart.no_chromium": ("Chromium tidak ditemukan di {path}; atur BROWSER_PATH ke Chromium atau Chrome.",
                              "No Chromium at {path}; set BROWSER_PATH to a Chromium or Chrome."),
    "cli.chart.done": ("{name}: {drawn} → {output}", "{name}: {drawn} → {output}"),
    # readiness and proposal
    "cli.readiness.edition": ("{edition} — penutupan {closes}", "{edition} — closes {closes}"),
    "cli.readiness.shortlist": ("Daftar usulan per instansi ({count}):", "Shortlist per institution ({count}):"),
    "cli.proposal.unknown": ("Inovasi dengan id '{id}' tidak ada di data ({count} inovasi dibaca); lihat id-nya "
                             "dengan `python app.py readiness`.",
                             "No innovation with id '{id}' in the data ({count} innovations read); list the ids "
                             "with `python app.py readiness`."),
    # the store commands
    "cli.history.empty": ("Penyimpanan masih kosong.", "The store is empty."),
    "cli.history.records": ("{count} inovasi", "{count} innovations"),
    "cli.history.shown": ("{count} tampil", "{count} shown"),
    "cli.history.doubled": ("Perhatian: tahun {year} menghitung {count} inovasi dua kali (batch {batches}): {rows} "
                            "baris, {after} setelah dirapikan. Rapikan di halaman Data.",
                            "Warning: {year} counts {count} innovations twice (batches {batches}): {rows} rows, "
                            "{after} once resolved. Resolve it on the Data page."),
    "cli.ingest.keep_duplicates_help": ("simpan setiap baris walau inovasi dan tahunnya tercantum dua kali dalam "
                                        "unggahan (bawaan: satu saja, yang terlengkap)",
                                        "save every row even when the upload lists an innovation twice for a year "
                                        "(default: one, the most complete)"),
    "cli.ingest.saved": ("Disimpan: {batch}", "Saved: {batch}"),
    "cli.ingest.replace_help": ("ganti data tahun-tahun yang ada di berkas", "replace the years the files hold"),
    "cli.ingest.add_new_help": ("tambahkan hanya inovasi yang belum tersimpan (nama, OPD dan wilayah per tahun)",
                                "add only the innovations not stored yet (name, agency and region per year)"),
    "cli.rollback.done": ("Dibatalkan: {batch}", "Rolled back: {batch}"),
    "cli.restore.done": ("Dipulihkan: {batch}", "Restored: {batch}"),
    # adduser
    "cli.password": ("Kata sandi: ", "Password: "),
    "cli.password_again": ("Ulangi kata sandi: ", "Password again: "),
    "cli.password_differ": ("Kedua kata sandi tidak sama.", "The passwords differ."),
    "cli.password_stdin": ("Tidak ada terminal: kata sandi dibaca dari baris pertama stdin.",
                           "No terminal: the password is read from the first line of stdin."),
    "cli.password_missing": ("Tidak ada kata sandi: isi $DASBOR_PASSWORD atau kirimkan lewat stdin.",
                             "No password given: set $DASBOR_PASSWORD or send it on stdin."),
    "cli.user_created": ("Pengguna '{name}' dibuat ({role}).", "User '{name}' created ({role})."),
    "cli.user_updated": ("Pengguna '{name}' diperbarui ({role}); sesi masuknya diakhiri.",
                         "User '{name}' updated ({role}); their sessions were ended."),
    # --map HEADER=FIELD (inspect, ingest)
    "cli.map_help": ("petakan judul kolom ke kolom baku, atau 'ignore' untuk mengabaikannya (boleh berulang); "
                     "pemetaan tersimpan dari /data juga dipakai",
                     "map a column header to a canonical column, or 'ignore' to drop it (repeatable); the mappings "
                     "saved on /data apply too"),
    "cli.map_bad": ("--map '{value}' tidak valid: tulis \"Judul Kolom=kolom\" dengan kolom salah satu dari: {fields}",
                    "--map '{value}' is not valid: write \"Header=column\" with column one of: {fields}"),
    "cli.year_help": ("tahun lembar yang tidak punya kolom tahun: \"Lembar=2019\", \"Lembar=title\" (dari baris "
                      "judul), \"Lembar=code\" (dari kolom kode) atau \"Lembar=code:Judul Kolom\" (boleh berulang); "
                      "aturan tersimpan dari /data juga dipakai",
                      "the year of a sheet without a year column: \"Sheet=2019\", \"Sheet=title\" (from the title "
                      "rows), \"Sheet=code\" (from the code column) or \"Sheet=code:Header\" (repeatable); the "
                      "rules saved on /data apply too"),
    "cli.year_bad": ("--year '{value}' tidak valid: tulis \"Lembar=ATURAN\" dengan ATURAN tahun (1945–{max_year}), "
                     "title, code atau code:Judul Kolom",
                     "--year '{value}' is not valid: write \"Sheet=RULE\" with RULE a year (1945–{max_year}), title, "
                     "code or code:Header"),
    # serve
    "cli.serve.not_found": ("tidak ditemukan", "not found"),
    "cli.serve.no_users": ("Belum ada pengguna: dasbor terbuka untuk dilihat tanpa masuk. Buat editor dengan\n"
                           "  python app.py adduser NAMA --role editor",
                           "No users yet: anyone may view without logging in. Create an editor with the command "
                           "above."),
    # argparse help of every command and argument (in the language of --lang; cli.help_language)
    "cli.help.data": ('berkas atau folder yang dibaca langsung', 'files or folders read directly'),
    "cli.help.lang": ('bahasa pesan: id (bawaan) atau en', 'language of messages and help: id (default) or en'),
    "cli.help.batch": ("nomor batch (lihat 'history')", "batch number (see 'history')"),
    "cli.help.user": ('nama yang dicatat (bawaan: pengguna sistem operasi)',
                      'name recorded (default: the operating-system user)'),
    "cli.help.files": ('berkas atau folder', 'files or folders'),
    "cli.help.json": ('cetak satu objek JSON', 'print one JSON object'),
    "cli.help.adduser.name": ('nama pengguna', 'user name'),
    "cli.help.adduser.role": ('viewer: melihat; editor: mengunggah dan memetakan',
                              'viewer: views; editor: uploads and maps columns'),
    "cli.help.chart": ('satu grafik sebagai PNG, SVG atau PDF', 'one chart as PNG, SVG or PDF'),
    "cli.help.chart.name": ('trend, agency, sector atau readiness', 'trend, agency, sector or readiness'),
    "cli.help.chart.output": ('OUT.png, OUT.svg atau OUT.pdf', 'OUT.png, OUT.svg or OUT.pdf'),
    "cli.help.export": ('tulis tabel kanonik ke CSV atau XLSX', 'write the canonical table to CSV or XLSX'),
    "cli.help.export.output": ('OUT.csv atau OUT.xlsx', 'OUT.csv or OUT.xlsx'),
    "cli.help.history": ('riwayat unggahan (batch) di penyimpanan', 'upload history (batches) in the store'),
    "cli.help.ingest": ('muat berkas ke penyimpanan, semua atau tidak sama sekali',
                        'load files into the store, all or nothing'),
    "cli.help.inspect": ('baca dan periksa berkas tanpa mengubah apa pun', 'read and check files, changing nothing'),
    "cli.help.proposal": ('draf proposal KIPP (.docx) untuk satu inovasi',
                          'KIPP proposal draft (.docx) for one innovation'),
    "cli.help.proposal.id": ('id inovasi (lihat `readiness`)', 'innovation id (see `readiness`)'),
    "cli.help.proposal.output": ('berkas Word yang ditulis', 'the Word file written'),
    "cli.help.readiness": ('kesiapan proposal KIPP per inovasi', 'KIPP proposal readiness per innovation'),
    "cli.help.report": ('laporan tampilan (PDF atau Word)', 'report of the view (PDF or Word)'),
    "cli.help.report.output": ('OUT.pdf atau OUT.docx', 'OUT.pdf or OUT.docx'),
    "cli.help.restore": ('pulihkan batch yang dibatalkan', 'restore a rolled-back batch'),
    "cli.help.rollback": ('batalkan satu batch (dapat dipulihkan dengan restore)',
                          'roll back one batch (restore brings it back)'),
    "cli.help.serve": ('jalankan dasbor (http://127.0.0.1:8050)', 'run the dashboard (http://127.0.0.1:8050)'),
    "cli.help.serve.host": ('alamat yang didengarkan (bawaan 127.0.0.1)', 'address to listen on (default 127.0.0.1)'),
    "cli.help.serve.port": ('port (bawaan 8050)', 'port (default 8050)'),
    "cli.help.serve.debug": ('mode debug Dash (pemuat ulang, alat pengembang); bawaan mati',
                             'Dash debug mode (reloader, dev tools); off by default'),
    "cli.help.adduser": ('tambah pengguna (kata sandi dari ${env} atau ditanyakan)',
                         'add a user (password from ${env}, or asked)'),
    "cli.help.iid": ("Indeks Inovasi Daerah: indeks, predikat, SID per inovasi, what-if",
                     "Regional Innovation Index: index, predikat, SID per innovation, what-if"),
    "cli.help.iid.edition": ("edisi IID (bawaan: yang terbaru)", "IID edition (default: the latest)"),
    "cli.help.iid.evidence": ("lembar bukti (tahun, id, indikator, tingkat, bukti); bawaan pada data contoh: "
                              "data/iid_sample/bukti_iid.csv",
                              "evidence sheets (year, id, indicator, tier, evidence); default on the sample data: "
                              "data/iid_sample/bukti_iid.csv"),
    "cli.help.similar": ("inovasi yang mirip: duplikat di daerah ini, calon replikasi",
                         "similar innovations: duplicates in this regency, replication candidates"),
    "cli.help.similar.id": ("id inovasi (lihat 'iid' atau /inovasi)", "innovation id (see 'iid' or /inovasi)"),
    "cli.help.similar.library": ("berkas inovasi daerah lain; bawaan pada data contoh: data/iid_sample/replikasi",
                                 "other regions' innovation files; default on the sample data: "
                                 "data/iid_sample/replikasi"),
}
