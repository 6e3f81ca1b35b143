"""The exports' refusal of a format no writer knows: UnknownFormat, whose `message(lang)` names the ones
there are (the catalog's export.unknown_format)."""

from __future__ import annotations

from i18n import t


class UnknownFormat(ValueError):
    """`fmt` is not one of `known` for `what` ("report" or "data": the catalog's export.what.<what>)."""

    def __init__(self, what: str, fmt: str, known):
        self.what, self.fmt, self.known = what, fmt, tuple(known)
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        return t("export.unknown_format", lang, what=t(f"export.what.{self.what}", lang), fmt=self.fmt,
                 known=t("export.or", lang).join(self.known))
