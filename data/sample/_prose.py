"""Indonesian proposal prose for the synthetic sample data, assembled from sentence templates.

Section word limits follow DOMAIN.md §7 (KIPP 2023 general group); `section_text` stays under them,
`over_limit_text` deliberately exceeds one.
"""

from __future__ import annotations

import random

WORD_LIMITS = {
    "Ringkasan": 200, "Latar Belakang dan Tujuan": 300, "Kebaruan": 200, "Implementasi": 200,
    "Signifikansi": 600, "Adaptabilitas": 300, "Sumber Daya": 200, "Strategi Keberlanjutan": 500,
}

SENTENCES = {
    "Ringkasan": (
        "{judul} adalah inovasi {opd} yang dimulai pada tahun {tahun}.",
        "Inovasi ini menyasar {sasaran} di seluruh wilayah Kabupaten Muara Enim.",
        "Sebelum inovasi, layanan hanya tersedia di ibu kota kabupaten dan memerlukan waktu hingga {hari1} hari.",
        "Dengan {nama}, waktu layanan turun menjadi {hari2} hari dan warga tidak perlu datang berulang kali.",
        "Jumlah penerima manfaat meningkat dari {n1} orang menjadi {n2} orang dalam satu tahun.",
        "Inovasi ini dijalankan bersama pemerintah desa, kecamatan, dan kader masyarakat.",
        "Keberhasilan {nama} telah dievaluasi melalui survei kepuasan masyarakat dengan hasil {pct} persen puas.",
    ),
    "Latar Belakang dan Tujuan": (
        "Kabupaten Muara Enim memiliki wilayah yang luas dengan banyak desa yang jauh dari pusat layanan.",
        "Sebelum {tahun}, {sasaran} harus menempuh perjalanan jauh untuk mendapatkan layanan dari {opd}.",
        "Data tahun sebelumnya menunjukkan hanya {pct} persen sasaran yang terlayani tepat waktu.",
        "Keterbatasan petugas dan sarana membuat antrean panjang dan biaya yang tinggi bagi warga.",
        "Masalah ini paling dirasakan oleh warga miskin, lansia, dan penyandang disabilitas di desa terpencil.",
        "Tujuan {nama} adalah mendekatkan layanan kepada masyarakat dan memangkas waktu layanan.",
        "Target yang ditetapkan adalah cakupan layanan minimal {n2} orang per tahun.",
        "Selain itu inovasi ini bertujuan meningkatkan kepercayaan masyarakat kepada pemerintah daerah.",
        "Target lainnya adalah waktu layanan paling lama {hari2} hari kerja sejak berkas lengkap.",
    ),
    "Kebaruan": (
        "Kebaruan {nama} terletak pada layanan yang datang kepada warga, bukan warga yang datang ke kantor.",
        "Inovasi ini menggabungkan beberapa layanan yang sebelumnya terpisah menjadi satu pintu.",
        "Pendaftaran dapat dilakukan melalui pesan singkat atau aplikasi sehingga tidak perlu antre.",
        "Kader desa dilibatkan sebagai penghubung antara warga dan petugas {opd}.",
        "Pendekatan ini belum pernah diterapkan di Kabupaten Muara Enim sebelum tahun {tahun}.",
        "Nilai tambahnya adalah biaya yang lebih murah dan data penerima manfaat yang tercatat rapi.",
        "Ide dasarnya sederhana sehingga mudah dipahami oleh petugas maupun masyarakat.",
    ),
    "Implementasi": (
        "Inovasi dimulai dengan sosialisasi kepada camat, kepala desa, dan kader pada awal {tahun}.",
        "Uji coba dilakukan di Desa {desa} selama tiga bulan sebelum diterapkan di seluruh kecamatan.",
        "Petugas dilatih menggunakan formulir dan jadwal layanan yang baru.",
        "Setiap bulan tim inovasi melakukan rapat evaluasi dan memperbaiki prosedur.",
        "Kepala {opd} menetapkan tim inovasi melalui surat keputusan.",
        "Pelaksanaan dipantau melalui laporan mingguan dari setiap desa.",
        "Masukan warga dikumpulkan melalui kotak saran dan grup percakapan daring.",
    ),
    "Signifikansi": (
        "Sebelum inovasi, waktu layanan rata-rata {hari1} hari, sesudah inovasi menjadi {hari2} hari.",
        "Jumlah penerima layanan naik dari {n1} orang pada tahun pertama menjadi {n2} orang.",
        "Survei kepuasan masyarakat menunjukkan {pct} persen responden menyatakan puas atau sangat puas.",
        "Biaya yang dikeluarkan warga untuk transportasi berkurang karena layanan diberikan di desa.",
        "Pengukuran dilakukan dengan membandingkan data register layanan sebelum dan sesudah inovasi.",
        "Laporan evaluasi disusun setiap semester dan disampaikan kepada Bupati Muara Enim.",
        "Keluhan masyarakat yang masuk melalui kanal pengaduan menurun secara nyata.",
        "Petugas juga merasakan beban kerja yang lebih teratur karena jadwal layanan jelas.",
        "Dampak bagi kelompok rentan terlihat dari meningkatnya jumlah lansia dan disabilitas yang terlayani.",
        "Hasil ini dicatat dalam laporan kinerja {opd} dan menjadi bahan perencanaan tahun berikutnya.",
        "Pemerintah desa ikut menganggarkan kegiatan pendukung melalui dana desa.",
        "Capaian indikator kinerja utama {opd} meningkat sejak inovasi berjalan.",
    ),
    "Adaptabilitas": (
        "Inovasi {nama} telah direplikasi oleh beberapa kecamatan lain di Kabupaten Muara Enim.",
        "Kabupaten tetangga telah melakukan kunjungan belajar untuk meniru inovasi ini.",
        "Inovasi mudah ditiru karena tidak memerlukan teknologi yang mahal.",
        "Prosedur dan formulir telah dibakukan sehingga dapat dipakai daerah lain.",
        "Kunci keberhasilannya adalah komitmen pimpinan dan keterlibatan kader masyarakat.",
        "{opd} bersedia menjadi tempat belajar bagi daerah yang ingin mereplikasi.",
        "Pada tahun {tahun2} inovasi ini juga diterapkan di Desa {desa}.",
    ),
    "Sumber Daya": (
        "Anggaran bersumber dari APBD Kabupaten Muara Enim melalui DPA {opd}.",
        "Tim inovasi terdiri dari {tim} orang petugas dan dibantu kader desa.",
        "Peralatan yang digunakan adalah kendaraan operasional, laptop, dan formulir layanan.",
        "Metode kerja mengikuti standar operasional prosedur yang ditetapkan kepala perangkat daerah.",
        "Dukungan juga diperoleh dari dana desa dan program tanggung jawab sosial perusahaan.",
        "Pelatihan petugas dilakukan sendiri tanpa biaya tambahan.",
    ),
    "Strategi Keberlanjutan": (
        "Inovasi ini telah ditetapkan melalui {regulasi} sehingga memiliki dasar hukum yang kuat.",
        "Standar operasional prosedur telah disusun dan dipakai oleh seluruh petugas.",
        "Anggaran kegiatan dimasukkan dalam rencana kerja tahunan {opd}.",
        "Pemerintah desa berperan menyediakan tempat layanan dan menggerakkan warga.",
        "Kader masyarakat berperan menyampaikan informasi dan mendampingi warga.",
        "Evaluasi rutin dilakukan setiap semester untuk menjaga mutu layanan.",
        "Inovasi ini masuk dalam rencana strategis {opd} periode berikutnya.",
        "Kerja sama dengan perguruan tinggi dijalin untuk pendampingan dan evaluasi.",
    ),
}

NARRATIVE = {
    "Deskripsi": ("{judul} memberikan layanan kepada {sasaran} secara lebih dekat dan cepat.",
                  "Inovasi {opd} untuk {sasaran}."),
    "Tujuan": ("Mendekatkan layanan kepada {sasaran}.", "Mempercepat waktu layanan menjadi {hari2} hari."),
    "Manfaat": ("Warga tidak perlu datang ke ibu kota kabupaten.", "Biaya dan waktu warga berkurang."),
    "Hasil": ("Penerima manfaat naik dari {n1} menjadi {n2} orang.", "{pct} persen warga menyatakan puas."),
}

SHORT_NOTES = (
    "Masih berjalan", "-", "Replikasi dari kabupaten lain", "Didanai APBD", "Inovasi unggulan kecamatan",
    "Kerja sama dengan perusahaan tambang setempat", "Perlu penguatan anggaran", "", "Sudah ada SK Kepala SKPD",
)


def context(rng: random.Random, name: str, agency: str, sector_target: str, year: int, regulation: str) -> dict:
    """The fill-ins of one innovation's prose (numbers drawn once, reused in every section)."""
    short = name.split(" (")[0]
    n1 = rng.randrange(40, 400)
    hari1 = rng.randrange(7, 30)
    return {
        "judul": name, "nama": short, "opd": agency, "sasaran": sector_target, "tahun": year,
        "tahun2": year + 1, "n1": n1, "n2": n1 * rng.randrange(2, 6), "pct": rng.randrange(78, 97),
        "hari1": hari1, "hari2": rng.randrange(1, 4), "desa": rng.choice(VILLAGE_HINTS),
        "tim": rng.randrange(4, 15), "regulasi": regulation,
    }


VILLAGE_HINTS = ("Karang Raja", "Tanjung Raja", "Kepur", "Muara Lawai", "Pagar Dewa", "Lingga")


def words(text: str) -> int:
    return len(text.split())


def section_text(rng: random.Random, section: str, ctx: dict) -> str:
    """A paragraph for one KIPP section, at least two sentences and under the section's word limit."""
    pool = SENTENCES[section]
    count = rng.randrange(min(3, len(pool)), len(pool) + 1)
    chosen = sorted(rng.sample(range(len(pool)), count))
    text = " ".join(pool[i].format(**ctx) for i in chosen)
    while words(text) > WORD_LIMITS[section]:  # never with these pools, kept as a guard
        text = text.rsplit(". ", 1)[0] + "."
    return text


def over_limit_text(section: str, ctx: dict) -> str:
    """A paragraph that exceeds the section's word limit (all pools, repeated in order)."""
    sentences = [s.format(**ctx) for pool in SENTENCES.values() for s in pool]
    text, i = "", 0
    while words(text) <= WORD_LIMITS[section] + 25:
        text = (text + " " + sentences[i % len(sentences)]).strip()
        i += 1
    return text


def narrative_text(rng: random.Random, field: str, ctx: dict) -> str:
    return rng.choice(NARRATIVE[field]).format(**ctx)
