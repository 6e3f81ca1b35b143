"""Accounts: the roles and password hashing (scrypt, constant-time comparison)."""

from __future__ import annotations

import hashlib
import hmac
import os

from store.errors import StoreError

ROLES = ("viewer", "editor")
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
