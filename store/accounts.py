"""Accounts: the roles, password hashing (scrypt, constant-time comparison) and the store's users.
The `Accounts` methods are part of `store.database.Store` (a mixin over its `_read` / `_write`
transactions)."""

from __future__ import annotations

import hashlib
import hmac
import os

import sqlalchemy as sa

from i18n import t
from store.clock import iso, utc_now
from store.errors import StoreError
from store.tables import users

ROLES = ("viewer", "editor")
SYSTEM_USER = "sistem"   # who the seeded sample and rollbacks without a user are recorded as


def user_label(name: str, lang: str) -> str:
    """A recorded user's name as shown: SYSTEM_USER in `lang`'s word for it ("system"), others as written."""
    return t("user.system", lang) if name == SYSTEM_USER else name
MIN_PASSWORD = 8
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    """'scrypt$n$r$p$salt$hash' (hex) of `password` with a fresh 16-byte salt."""
    if len(password or "") < MIN_PASSWORD:
        raise StoreError("short_password", minimum=MIN_PASSWORD)
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored`; with `stored` None it does the same work and says False."""
    try:
        _, n, r, p, salt, digest = (stored or "").split("$")
        n, r, p, salt, digest = int(n), int(r), int(p), bytes.fromhex(salt), bytes.fromhex(digest)
    except ValueError:
        n, r, p, salt, digest = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"], b"\0" * 16, b""
    actual = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return bool(digest) and hmac.compare_digest(actual, digest)


class Accounts:
    """Store methods for users: create or reset one, check a password, list them."""

    def add_user(self, name: str, role: str, password: str) -> bool:
        """Create user `name` or reset their role and password (which ends their sessions); True when
        the user is new."""
        name = (name or "").strip()
        if not name or len(name) > 64 or any(ch.isspace() for ch in name):
            raise StoreError("bad_user_name", name=name)
        if role not in ROLES:
            raise StoreError("bad_role", role=role)
        password_hash = hash_password(password)   # refuses a short password
        with self._write() as connection:
            exists = connection.scalar(sa.select(users.c.id).where(users.c.name == name)) is not None
            if exists:
                connection.execute(users.update().where(users.c.name == name).values(
                    role=role, password_hash=password_hash))
                self.end_sessions_of(connection, name)
            else:
                connection.execute(users.insert().values(name=name, role=role, password_hash=password_hash,
                                                         created_at=utc_now()))
        return not exists

    def check_password(self, name: str, password: str) -> str | None:
        """The role of `name` when `password` is theirs, else None (same work whether the user exists or not)."""
        with self._read() as connection:
            row = connection.execute(sa.select(users.c.role, users.c.password_hash)
                                     .where(users.c.name == (name or "").strip())).first()
        valid = verify_password(password or "", row.password_hash if row else None)
        return row.role if row is not None and valid else None

    def users(self) -> list[dict]:
        """Users without their password hashes: name, role, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(users.c.name, users.c.role, users.c.created_at)
                                      .order_by(users.c.name)).all()
        return [{"name": r.name, "role": r.role, "created_at": iso(r.created_at)} for r in rows]
