"""KIPP readiness words (catalog part `kipp.*`): the statuses' labels and hints (`kipp.status.<key>`,
`kipp.status_hint.<key>`, the keys of analytics.kipp.statuses), the rules' names (`kipp.rule.<rule>`)
and the checks' messages (`kipp.msg.<code>`, the codes of analytics.kipp.rules). Dates are written out by the
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
}
