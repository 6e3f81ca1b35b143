"""KIPP readiness words (catalog part `kipp.*`): the statuses' labels and hints (`kipp.status.<key>`,
`kipp.status_hint.<key>`, the keys of analytics.kipp.statuses), the rules' names (`kipp.rule.<rule>`),
the checks' messages (`kipp.msg.<code>`, the codes of analytics.kipp.rules), the /kipp page and the
checklist (`kipp.ui.*`) and the edition's rules as rows (`kipp.fact.*`). Dates are written out by the
formatter ("8 Maret 2018"; `{raw:month}` for a date known only to the month); labels that come from
the editions data (sections, attachments) arrive in both languages and each text picks its own."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the statuses (analytics/kipp/statuses.py): label and what it means
    "kipp.status.siap": ("Siap", "Ready"),
    "kipp.status.hampir-siap": ("Hampir siap", "Almost ready"),
    "kipp.status.belum": ("Belum memenuhi syarat", "Not eligible yet"),
    "kipp.status.khusus": ("Jalur khusus", "Special track"),
    "kipp.status_hint.siap": ("semua syarat terpenuhi", "every check passes"),
    "kipp.status_hint.hampir-siap": ("hanya data yang belum lengkap", "only information is missing"),
    "kipp.status_hint.belum": ("ada syarat yang tidak terpenuhi", "a rule fails"),
    "kipp.status_hint.khusus": ("pernah menang, bukan kelompok umum", "past winner, not the general group"),
    # the rules
    "kipp.rule.age": ("Umur inovasi", "Age of the innovation"),
    "kipp.rule.stage": ("Tahapan Penerapan", "Implementation stage"),
    "kipp.rule.group": ("Riwayat penghargaan", "Award history"),
    "kipp.rule.title": ("Judul unik di instansi", "Title unique in the institution"),
    "kipp.rule.running": ("Masih berjalan", "Still running"),
    # age
    "kipp.msg.age.ok": ("Diterapkan sejak {launch}: sudah {months} bulan atau lebih pada penutupan {close}.",
                        "Implemented since {launch}: at least {months} months old at the close on {close}."),
    "kipp.msg.age.ok_month": ("Hanya bulan penerapan yang tercatat ({raw:month}); dinilai hati-hati dari akhir "
                              "bulan ({launch}): sudah {months} bulan atau lebih pada penutupan {close}.",
                              "Only the month of implementation is recorded ({raw:month}); judged conservatively "
                              "from the month's last day ({launch}): at least {months} months old at the close on "
                              "{close}."),
    "kipp.msg.age.ok_year": ("Hanya tahun penerapan yang tercatat ({raw:year}); dinilai hati-hati dari akhir tahun"
                             " ({launch}): sudah {months} bulan atau lebih pada penutupan {close}.",
                             "Only the year of implementation is recorded ({raw:year}); judged conservatively from"
                             " the year's last day ({launch}): at least {months} months old at the close on "
                             "{close}."),
    "kipp.msg.age.young": ("Diterapkan sejak {launch}: belum {months} bulan pada penutupan {close} (harus mulai "
                           "paling lambat {cutoff}).",
                           "Implemented since {launch}: not yet {months} months old at the close on {close} (must "
                           "have started by {cutoff})."),
    "kipp.msg.age.young_month": ("Hanya bulan penerapan yang tercatat ({raw:month}); dinilai hati-hati dari akhir "
                                 "bulan ({launch}), belum {months} bulan pada penutupan {close}. Jika tanggal "
                                 "sebenarnya paling lambat {cutoff}, catat tanggal lengkapnya.",
                                 "Only the month of implementation is recorded ({raw:month}); judged "
                                 "conservatively from the month's last day ({launch}), it is not yet {months} "
                                 "months old at the close on {close}. If the real date is on or before {cutoff}, "
                                 "record the full date."),
    "kipp.msg.age.young_year": ("Hanya tahun penerapan yang tercatat ({raw:year}); dinilai hati-hati dari akhir "
                                "tahun ({launch}), belum {months} bulan pada penutupan {close}. Jika tanggal "
                                "sebenarnya paling lambat {cutoff}, catat tanggal lengkapnya.",
                                "Only the year of implementation is recorded ({raw:year}); judged conservatively "
                                "from the year's last day ({launch}), it is not yet {months} months old at the "
                                "close on {close}. If the real date is on or before {cutoff}, record the full "
                                "date."),
    "kipp.msg.age.young_trial": ("Tanggal penerapan tidak tercatat, tetapi uji coba baru dimulai {trial}: "
                                 "penerapan tidak mungkin sudah {months} bulan pada penutupan {close}.",
                                 "No implementation date is recorded, but the trial only began on {trial}: "
                                 "implementation cannot be {months} months old at the close on {close}."),
    "kipp.msg.age.missing": ("Tanggal mulai penerapan tidak ada di data: lengkapi untuk menilai umur minimal "
                             "{months} bulan pada penutupan {close}.",
                             "The start date of implementation is not in the data: add it to judge the minimum age"
                             " of {months} months at the close on {close}."),
    # stage
    "kipp.msg.stage.ok": ("Tahapan: Penerapan.", "Stage: Penerapan (implementation)."),
    "kipp.msg.stage.fail": ("Tahapan: {stage}. Hanya inovasi pada tahap Penerapan yang bisa diajukan.",
                            "Stage: {stage}. Only innovations at the Penerapan (implementation) stage can be "
                            "proposed."),
    "kipp.msg.stage.missing": ("Tahapan inovasi tidak ada di data.", "The stage is not in the data."),
    # group
    "kipp.msg.group.ok": ("Tidak ada riwayat penghargaan yang menghalangi kelompok umum.",
                          "No award history keeps it out of the general group."),
    "kipp.msg.group.ok_awards": ("Riwayat penghargaan ({awards}) tidak menghalangi kelompok umum.",
                                 "Its award history ({awards}) does not keep it out of the general group."),
    "kipp.msg.group.khusus": ("Pernah meraih {hits}: tidak bisa ikut kelompok umum; ajukan lewat kelompok khusus.",
                              "Already won {hits}: cannot enter the general group; propose it in the special "
                              "group."),
    "kipp.msg.group.no_khusus": ("Pernah meraih {hits}: tidak bisa ikut kelompok umum, dan {edition} tidak punya "
                                 "kelompok khusus.",
                                 "Already won {hits}: cannot enter the general group, and {edition} has no special"
                                 " group."),
    # title
    "kipp.msg.title.ok": ("Judul unik di {agency}.", "The title is unique in {agency}."),
    "kipp.msg.title.duplicate": ("Judul yang sama dipakai {count} inovasi lain di {agency} pada tahun yang sama "
                                 "({others}): satu judul hanya untuk satu proposal — gabungkan atau bedakan "
                                 "judulnya.",
                                 "The same title is used by {count} other innovation(s) in {agency} in the same "
                                 "year ({others}): one title per proposal — merge them or make the titles "
                                 "distinct."),
    "kipp.msg.title.other_years": ("Judul unik di {agency} pada tahunnya; inovasi yang sama juga tercatat di tahun"
                                   " lain ({others}): ajukan satu proposal saja.",
                                   "The title is unique in {agency} in its year; the same innovation is also "
                                   "recorded in other years ({others}): make one proposal only."),
    "kipp.msg.title.missing": ("Nama inovasi tidak ada di data.", "The innovation's name is not in the data."),
    # running
    "kipp.msg.running.ok": ("Status: masih berjalan.", "Status: still running."),
    "kipp.msg.running.fail": ("Status: berhenti. Inovasi yang sudah berhenti tidak bisa diajukan.",
                              "Status: stopped. An innovation that has stopped cannot be proposed."),
    "kipp.msg.running.missing": ("Belum diketahui apakah inovasi masih berjalan: pastikan ke perangkat daerah.",
                                 "It is not known whether the innovation still runs: ask the agency."),
    # section
    "kipp.msg.section.ok": ("{label}: {words} dari maks. {max_words} kata.",
                            "{label}: {words} of at most {max_words} words."),
    "kipp.msg.section.over": ("{label}: {words} kata, melebihi batas {max_words} kata — ringkas.",
                              "{label}: {words} words, over the limit of {max_words} — shorten it."),
    "kipp.msg.section.missing": ("{label}: belum ada isi. Harus memuat {must}.",
                                 "{label}: no text yet. It must contain {must}."),
    # attachment
    "kipp.msg.attachment.ok": ("{label}: ada ({value}).", "{label}: present ({value})."),
    "kipp.msg.attachment.missing": ("{label}: tidak ada di data.", "{label}: not in the data."),
    "kipp.msg.attachment.sdgs_ok": ("{label}: SDG {value}.", "{label}: SDG {value}."),
    "kipp.msg.attachment.sdgs_unknown": ("{label}: '{value}' tidak dikenali sebagai nomor 1–17 atau nama TPB.",
                                         "{label}: '{value}' is not recognised as an SDG number 1–17 or name."),
    # the KIPP page, the checklist of /inovasi/<id> and the overview's kpi-ready card
    "kipp.ui.edition_option": ("{label} (penutupan {closes})", "{label} (closes {closes})"),
    "kipp.ui.edition_note": ("Penutupan {closes} · {verified} dari {total} aturan terverifikasi dari sumber",
                             "Closes {closes} · {verified} of {total} rules verified against a source"),
    "kipp.ui.rules_show": ("Lihat aturan edisi ini", "Show this edition's rules"),
    "kipp.ui.rule": ("Aturan", "Rule"),
    "kipp.ui.value": ("Nilai", "Value"),
    "kipp.ui.state": ("Status", "Status"),
    "kipp.ui.source": ("Sumber", "Source"),
    "kipp.ui.verified": ("terverifikasi", "verified"),
    "kipp.ui.unverified": ("belum terverifikasi", "unverified"),
    "kipp.ui.chart_year": ("Kesiapan per tahun", "Readiness by year"),
    "kipp.ui.chart_agency": ("Kesiapan per perangkat daerah", "Readiness by agency"),
    "kipp.ui.shortlist": ("Daftar usulan per instansi", "Shortlist per institution"),
    "kipp.ui.shortlist_intro": ("Inovasi berstatus Siap, diurutkan menurut skor; kuota per instansi: {caps}.",
                                "Ready innovations ranked by score; cap per institution: {caps}."),
    "kipp.ui.no_cap": ("tidak ada kuota yang diketahui", "no known cap"),
    "kipp.ui.shortlist_empty": ("Belum ada inovasi berstatus Siap dalam tampilan ini.",
                                "No innovation in this view is ready yet."),
    "kipp.ui.download_shortlist": ("Unduh draf proposal daftar usulan (.zip)",
                                   "Download the shortlist's drafts (.zip)"),
    "kipp.ui.download_draft": ("Unduh draf proposal (.docx)", "Download the proposal draft (.docx)"),
    "kipp.ui.grid": ("Semua inovasi dalam tampilan", "Every innovation in view"),
    "kipp.ui.col.status": ("Status", "Status"),
    "kipp.ui.col.score": ("Skor", "Score"),
    "kipp.ui.col.year": ("Tahun", "Year"),
    "kipp.ui.col.agency": ("Perangkat daerah", "Agency"),
    "kipp.ui.col.name": ("Inovasi", "Innovation"),
    "kipp.ui.col.gaps": ("Kekurangan utama", "Main gaps"),
    "kipp.ui.col.rank": ("No.", "No."),
    "kipp.ui.checklist": ("Daftar periksa", "Checklist"),
    "kipp.ui.checklist_hint": ("Klik satu baris di tabel untuk melihat daftar periksa dan mengunduh drafnya.",
                               "Click a row of the table to see its checklist and download its draft."),
    "kipp.ui.score": ("Skor {score}/100", "Score {score}/100"),
    "kipp.ui.passed": ("Terpenuhi", "Passes"),
    "kipp.ui.failed": ("Tidak memenuhi", "Fails"),
    "kipp.ui.missing": ("Data belum ada", "Missing"),
    "kipp.ui.detail_heading": ("Kesiapan KIPP", "KIPP readiness"),
    "kipp.ui.detail_more": ("Bandingkan di halaman Kesiapan KIPP", "Compare on the KIPP readiness page"),
    "kipp.ui.kpi_label": ("Siap diajukan ke {edition}", "Ready for {edition}"),
    "kipp.ui.kpi_detail": ("dari {total} inovasi dalam tampilan", "of {total} innovations in view"),
    # the edition's rules as rows (analytics.kipp.editions.edition_facts)
    "kipp.fact.closes": ("Penutupan", "Closes"),
    "kipp.fact.min_age": ("{group}: umur minimal", "{group}: minimum age"),
    "kipp.fact.months": ("{months} bulan", "{months} months"),
    "kipp.fact.cap": ("{group}: kuota per instansi", "{group}: cap per institution"),
    "kipp.fact.excluded": ("Tidak di kelompok umum", "Not in the general group"),
    "kipp.fact.section_limits": ("{max_words} kata · bobot {weight}", "{max_words} words · weight {weight}"),
    "kipp.fact.attachment": ("Lampiran", "Attachment"),
    "kipp.fact.video": ("Video", "Video"),
    # a rule without a source (the editions file's `assumed`)
    "kipp.fact.assumed": ("Tanpa sumber: diambil dari edisi terdekat atau disimpulkan; periksa dengan juklak edisi "
                          "ini lalu sunting di data/reference/kipp_editions.toml",
                          "No source found: carried over from the nearest edition or inferred; check against the "
                          "edition's juklak and edit data/reference/kipp_editions.toml"),
    # the edition's video limits, by key of its `video` table (analytics.kipp.editions.VIDEO_LIMITS)
    "kipp.video.max_minutes": ("paling lama {value} menit", "at most {value} minutes"),
    "kipp.video.min_resolution": ("resolusi minimal {value}", "at least {value}"),
    "kipp.video.language": ("dalam {value}", "in {value}"),
    "kipp.video.platform": ("diunggah ke {value}", "uploaded to {value}"),
    # the editions file's problems (analytics.kipp.editions.EditionError; {file}: {where} names the place)
    "kipp.file.unknown_edition": ("Edisi KIPP {year} tidak ada di data/reference/kipp_editions.toml "
                                  "(tersedia: {known})",
                                  "KIPP edition {year} is not in data/reference/kipp_editions.toml "
                                  "(there are: {known})"),
    "kipp.file.unreadable": ("{file}: tidak bisa dibaca: {detail}", "{file}: cannot be read: {detail}"),
    "kipp.file.not_fact": ("{file}: {where}: harus berupa tabel dengan 'verified' dan 'source'",
                           "{file}: {where}: must be a table with 'verified' and 'source'"),
    "kipp.file.missing_key": ("{file}: {where}: '{item}' tidak ada", "{file}: {where}: '{item}' is missing"),
    "kipp.file.verified_bool": ("{file}: {where}: 'verified' harus true atau false",
                                "{file}: {where}: 'verified' must be true or false"),
    "kipp.file.unknown_source": ("{file}: {where}: sumber '{source}' tidak ada di [sources]",
                                 "{file}: {where}: source '{source}' is not in [sources]"),
    "kipp.file.bad_source": ("{file}: {where}: harus tabel {{ id = \"…\", en = \"…\" }}: sumber dalam Bahasa "
                             "Indonesia dan Inggris",
                             "{file}: {where}: must be a table {{ id = \"…\", en = \"…\" }}: the source in "
                             "Indonesian and English"),
    "kipp.file.no_edition": ("{file}: {where}: tidak ada satu edisi pun", "{file}: {where}: no edition at all"),
    "kipp.file.duplicate_year": ("{file}: {where}: tahun ini muncul dua kali",
                                 "{file}: {where}: this year appears twice"),
    "kipp.file.bad_year": ("{file}: {where}: 'year' harus bilangan bulat, bukan {value}",
                           "{file}: {where}: 'year' must be a whole number, not {value}"),
    "kipp.file.bad_date": ("{file}: {where}: 'value' harus tanggal (YYYY-MM-DD)",
                           "{file}: {where}: 'value' must be a date (YYYY-MM-DD)"),
    "kipp.file.bad_default_group": ("{file}: {where}: '{value}' bukan salah satu groups",
                                    "{file}: {where}: '{value}' is not one of the groups"),
    "kipp.file.unknown_video": ("{file}: {where}: batas tidak dikenal: {names} ({known})",
                                "{file}: {where}: unknown limits: {names} ({known})"),
    "kipp.file.empty_text": ("{file}: {where}: harus teks yang tidak kosong",
                             "{file}: {where}: must be a non-empty text"),
    "kipp.file.not_texts": ("{file}: {where}: harus daftar teks", "{file}: {where}: must be a list of texts"),
    "kipp.file.not_enum": ("{file}: {where}: '{value}' bukan nilai {field} di enums.csv ({known})",
                           "{file}: {where}: '{value}' is not a {field} value of enums.csv ({known})"),
    "kipp.file.unknown_group": ("{file}: {where}: kelompok '{group}' tidak ada di [groups]",
                                "{file}: {where}: group '{group}' is not in [groups]"),
    "kipp.file.bad_int": ("{file}: {where}: harus bilangan bulat ≥ {minimum}",
                          "{file}: {where}: must be a whole number ≥ {minimum}"),
    "kipp.file.bad_number": ("{file}: {where}: harus angka ≥ {minimum}",
                             "{file}: {where}: must be a number ≥ {minimum}"),
    "kipp.file.bad_results": ("{file}: {where}: 'results' harus daftar teks penghargaan",
                              "{file}: {where}: 'results' must be a list of award texts"),
    "kipp.file.unknown_set": ("{file}: {where}: set '{name}' tidak ada di [section_sets]",
                              "{file}: {where}: set '{name}' is not in [section_sets]"),
    "kipp.file.not_section": ("{file}: {where}: '{item}' bukan kolom bagian proposal ({known})",
                              "{file}: {where}: '{item}' is not a proposal section column ({known})"),
    "kipp.file.unknown_columns": ("{file}: {where}: kolom tidak dikenal: {names}",
                                  "{file}: {where}: unknown columns: {names}"),
    "kipp.file.no_sections": ("{file}: {where}: tidak ada bagian", "{file}: {where}: no sections"),
    "kipp.file.unknown_attachment": ("{file}: {where}: lampiran '{item}' tidak ada di [attachments]",
                                     "{file}: {where}: attachment '{item}' is not in [attachments]"),
    "kipp.file.bad_attachment": ("{file}: {where}: kolom {names} atau kind '{kind}' tidak dikenal",
                                 "{file}: {where}: columns {names} or kind '{kind}' not known"),
}
