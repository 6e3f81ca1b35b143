"""Messages of the KIPP readiness checks, in Indonesian and English.

A check carries a message code and its parameters; the text is rendered only when shown. Parameters
that differ by language come in pairs (`label_id` / `label_en`) and each template picks its own.
"""

from __future__ import annotations

STATUSES = ("Siap", "Hampir siap", "Belum memenuhi syarat", "Jalur khusus")
STATUS_LABELS = {
    "Siap": {"id": "Siap", "en": "Ready"},
    "Hampir siap": {"id": "Hampir siap", "en": "Almost ready"},
    "Belum memenuhi syarat": {"id": "Belum memenuhi syarat", "en": "Not eligible yet"},
    "Jalur khusus": {"id": "Jalur khusus", "en": "Special track"},
}

RULE_LABELS = {
    "age": {"id": "Umur inovasi", "en": "Age of the innovation"},
    "stage": {"id": "Tahapan Penerapan", "en": "Implementation stage"},
    "group": {"id": "Riwayat penghargaan", "en": "Award history"},
    "title": {"id": "Judul unik di instansi", "en": "Title unique in the institution"},
    "running": {"id": "Masih berjalan", "en": "Still running"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # age at the edition's close (DOMAIN.md §7; counted back from the close, KIPP 2021 juklak)
    "age.ok": {
        "id": "Diterapkan sejak {launch}: sudah {months} bulan atau lebih pada penutupan {close}.",
        "en": "Implemented since {launch}: at least {months} months old at the close on {close}.",
    },
    "age.ok_month": {
        "id": "Hanya bulan penerapan yang tercatat ({raw}); dinilai hati-hati dari akhir bulan ({launch}): "
              "sudah {months} bulan atau lebih pada penutupan {close}.",
        "en": "Only the month of implementation is recorded ({raw}); judged conservatively from the month's "
              "last day ({launch}): at least {months} months old at the close on {close}.",
    },
    "age.ok_year": {
        "id": "Hanya tahun penerapan yang tercatat ({raw}); dinilai hati-hati dari akhir tahun ({launch}): "
              "sudah {months} bulan atau lebih pada penutupan {close}.",
        "en": "Only the year of implementation is recorded ({raw}); judged conservatively from the year's "
              "last day ({launch}): at least {months} months old at the close on {close}.",
    },
    "age.young": {
        "id": "Diterapkan sejak {launch}: belum {months} bulan pada penutupan {close} "
              "(harus mulai paling lambat {cutoff}).",
        "en": "Implemented since {launch}: not yet {months} months old at the close on {close} "
              "(must have started by {cutoff}).",
    },
    "age.young_month": {
        "id": "Hanya bulan penerapan yang tercatat ({raw}); dinilai hati-hati dari akhir bulan ({launch}), "
              "belum {months} bulan pada penutupan {close}. Jika tanggal sebenarnya paling lambat {cutoff}, "
              "catat tanggal lengkapnya.",
        "en": "Only the month of implementation is recorded ({raw}); judged conservatively from the month's "
              "last day ({launch}), it is not yet {months} months old at the close on {close}. If the real "
              "date is on or before {cutoff}, record the full date.",
    },
    "age.young_year": {
        "id": "Hanya tahun penerapan yang tercatat ({raw}); dinilai hati-hati dari akhir tahun ({launch}), "
              "belum {months} bulan pada penutupan {close}. Jika tanggal sebenarnya paling lambat {cutoff}, "
              "catat tanggal lengkapnya.",
        "en": "Only the year of implementation is recorded ({raw}); judged conservatively from the year's "
              "last day ({launch}), it is not yet {months} months old at the close on {close}. If the real "
              "date is on or before {cutoff}, record the full date.",
    },
    "age.young_trial": {
        "id": "Tanggal penerapan tidak tercatat, tetapi uji coba baru dimulai {trial}: penerapan tidak mungkin "
              "sudah {months} bulan pada penutupan {close}.",
        "en": "No implementation date is recorded, but the trial only began on {trial}: implementation cannot "
              "be {months} months old at the close on {close}.",
    },
    "age.missing": {
        "id": "Tanggal mulai penerapan tidak ada di data: lengkapi untuk menilai umur minimal {months} bulan "
              "pada penutupan {close}.",
        "en": "The start date of implementation is not in the data: add it to judge the minimum age of "
              "{months} months at the close on {close}.",
    },
    # stage
    "stage.ok": {"id": "Tahapan: Penerapan.", "en": "Stage: Penerapan (implementation)."},
    "stage.fail": {
        "id": "Tahapan: {stage}. Hanya inovasi pada tahap Penerapan yang bisa diajukan.",
        "en": "Stage: {stage}. Only innovations at the Penerapan (implementation) stage can be proposed.",
    },
    "stage.missing": {"id": "Tahapan inovasi tidak ada di data.", "en": "The stage is not in the data."},
    # award history -> group
    "group.ok": {
        "id": "Tidak ada riwayat penghargaan yang menghalangi kelompok umum.",
        "en": "No award history keeps it out of the general group.",
    },
    "group.ok_awards": {
        "id": "Riwayat penghargaan ({awards}) tidak menghalangi kelompok umum.",
        "en": "Its award history ({awards}) does not keep it out of the general group.",
    },
    "group.khusus": {
        "id": "Pernah meraih {hits}: tidak bisa ikut kelompok umum; ajukan lewat kelompok khusus.",
        "en": "Already won {hits}: cannot enter the general group; propose it in the special group.",
    },
    "group.no_khusus": {
        "id": "Pernah meraih {hits}: tidak bisa ikut kelompok umum, dan {edition} tidak punya kelompok khusus.",
        "en": "Already won {hits}: cannot enter the general group, and {edition} has no special group.",
    },
    # unique title within the institution (KIPP 2018: the same title on two proposals was rejected)
    "title.ok": {"id": "Judul unik di {agency}.", "en": "The title is unique in {agency}."},
    "title.duplicate": {
        "id": "Judul yang sama dipakai {count} inovasi lain di {agency} pada tahun yang sama ({others}): satu "
              "judul hanya untuk satu proposal — gabungkan atau bedakan judulnya.",
        "en": "The same title is used by {count} other innovation(s) in {agency} in the same year ({others}): "
              "one title per proposal — merge them or make the titles distinct.",
    },
    "title.other_years": {
        "id": "Judul unik di {agency} pada tahunnya; inovasi yang sama juga tercatat di tahun lain ({others}): "
              "ajukan satu proposal saja.",
        "en": "The title is unique in {agency} in its year; the same innovation is also recorded in other "
              "years ({others}): make one proposal only.",
    },
    "title.missing": {"id": "Nama inovasi tidak ada di data.", "en": "The innovation's name is not in the data."},
    # still running
    "running.ok": {"id": "Status: masih berjalan.", "en": "Status: still running."},
    "running.fail": {
        "id": "Status: berhenti. Inovasi yang sudah berhenti tidak bisa diajukan.",
        "en": "Status: stopped. An innovation that has stopped cannot be proposed.",
    },
    "running.missing": {
        "id": "Belum diketahui apakah inovasi masih berjalan: pastikan ke perangkat daerah.",
        "en": "It is not known whether the innovation still runs: ask the agency.",
    },
    # proposal sections
    "section.ok": {
        "id": "{label_id}: {words} dari maks. {max_words} kata.",
        "en": "{label_en}: {words} of at most {max_words} words.",
    },
    "section.over": {
        "id": "{label_id}: {words} kata, melebihi batas {max_words} kata — ringkas.",
        "en": "{label_en}: {words} words, over the limit of {max_words} — shorten it.",
    },
    "section.missing": {
        "id": "{label_id}: belum ada isi. Harus memuat {must_id}.",
        "en": "{label_en}: no text yet. It must contain {must_en}.",
    },
    # attachments
    "attachment.ok": {"id": "{label_id}: ada ({value}).", "en": "{label_en}: present ({value})."},
    "attachment.missing": {"id": "{label_id}: tidak ada di data.", "en": "{label_en}: not in the data."},
    "attachment.sdgs_ok": {"id": "{label_id}: SDG {value}.", "en": "{label_en}: SDG {value}."},
    "attachment.sdgs_unknown": {
        "id": "{label_id}: '{value}' tidak dikenali sebagai nomor 1–17 atau nama TPB.",
        "en": "{label_en}: '{value}' is not recognised as an SDG number 1–17 or name.",
    },
}


def render(code: str, params: dict, lang: str = "id") -> str:
    """The message `code` in `lang` with its parameters filled in."""
    templates = MESSAGES[code]
    return templates.get(lang, templates["id"]).format(**params)


def status_label(status: str, lang: str = "id") -> str:
    return STATUS_LABELS.get(status, {}).get(lang, status)
