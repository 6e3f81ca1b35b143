"""The store's refusals: StoreError (an aborted operation) and StoreIssue (a located finding); their
messages are the catalog's `store.<code>` (i18n/catalog_store.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from i18n import t
from loaders.errors import Issue


class StoreError(ValueError):
    """A refused store operation (unknown batch, wrong state, bad alias or user); `message(lang)` says why."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(t(f"store.{code}", "en", **params))

    def message(self, lang: str = "id") -> str:
        return t(f"store.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class StoreIssue(Issue):
    """An Issue found by the store (not by the loaders): the same fields, the store's part of the catalog."""

    NAMESPACE: ClassVar[str] = "store"
