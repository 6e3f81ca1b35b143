"""The store's refusals: StoreError (an aborted operation) and StoreIssue (a located finding), with
their messages in Bahasa Indonesia and English."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.errors import Issue

MESSAGES = {
    "no_files": ("Tidak ada berkas untuk dimuat.", "There is no file to load."),
    "duplicate_file": ("Berkas yang sama persis sudah dimuat sebagai batch {batch}. Pilih mode ganti (--replace) "
                       "bila memang ingin memuatnya ulang.",
                       "The very same file was already loaded as batch {batch}. Choose replace mode (--replace) "
                       "if you do mean to load it again."),
    "duplicate_in_upload": ("Berkas ini sama persis dengan {other} dalam unggahan yang sama.",
                            "This file is identical to {other} in the same upload."),
    "nothing_saved": ("Tidak ada yang disimpan: semua berkas harus lolos pemeriksaan.",
                      "Nothing was saved: every file must pass the checks."),
    "batch_unknown": ("Batch {batch} tidak ada. Lihat daftarnya dengan 'history'.",
                      "Batch {batch} does not exist. List them with 'history'."),
    "already_rolled_back": ("Batch {batch} sudah dibatalkan sebelumnya.", "Batch {batch} is already rolled back."),
    "not_rolled_back": ("Batch {batch} tidak sedang dibatalkan; tidak ada yang perlu dipulihkan.",
                        "Batch {batch} is not rolled back; there is nothing to restore."),
    "unknown_agency_target": ("'{agency}' tidak ada di daftar OPD (data/reference/agencies.csv).",
                              "'{agency}' is not in the agency register (data/reference/agencies.csv)."),
    "alias_conflict": ("Nama '{alias}' sudah berarti '{agency}' di daftar OPD; aliasnya tidak disimpan.",
                       "The name '{alias}' already means '{agency}' in the register; the alias was not saved."),
    "bad_user_name": ("Nama pengguna '{name}' tidak valid: 1–64 karakter tanpa spasi.",
                      "User name '{name}' is not valid: 1–64 characters, no spaces."),
    "bad_role": ("Peran '{role}' tidak dikenal: pilih viewer atau editor.",
                 "Unknown role '{role}': choose viewer or editor."),
    "store_unreachable": ("Penyimpanan data tidak dapat dibuka ({detail}). Periksa DATABASE_URL.",
                          "The data store cannot be opened ({detail}). Check DATABASE_URL."),
    "short_password": ("Kata sandi terlalu pendek: minimal {minimum} karakter.",
                       "The password is too short: at least {minimum} characters."),
}


def render_store(code: str, params: dict, lang: str = "id") -> str:
    """The store message `code` in `lang` ('id' or 'en'), its parameters filled in."""
    indonesian, english = MESSAGES[code]
    try:
        return (english if lang == "en" else indonesian).format(**params)
    except KeyError:
        return english if lang == "en" else indonesian


class StoreError(ValueError):
    """A refused store operation (unknown batch, wrong state, bad alias or user); `message(lang)` says why."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(render_store(code, params, "en"))

    def message(self, lang: str = "id") -> str:
        return render_store(self.code, self.params, lang)


@dataclass(frozen=True)
class StoreIssue(Issue):
    """An Issue found by the store (not by the loaders): the same fields, the store's message catalog."""

    @property
    def message(self) -> str:
        return render_store(self.code, dict(self.params), self.lang)
