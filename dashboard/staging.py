"""An upload kept on disk from the request that received it to the background job that previews it.

`instance/upload-staging/<token>/<n>/<name>` (the instance folder is its owner's only), written a chunk
at a time as it is decoded, with the editor who uploaded it; the page keeps only the token. A new
upload, a cancelled preview or a cleared upload removes the folder, and folders older than
`MAX_AGE_SECONDS` (a tab closed halfway) are swept at every upload.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

from dashboard.components.upload import write_uploads

STAGING = "upload-staging"
OWNER = "owner"                  # written last: a folder without it is not ready (or was abandoned)
MAX_AGE_SECONDS = 6 * 3600
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")   # secrets.token_urlsafe(32)


def staging_dir() -> Path:
    from store.database import instance_dir

    return instance_dir() / STAGING


def stage(contents, filenames, limit: int, user: str, lang: str = "id") -> str:
    """The uploads (dcc.Upload's data URLs) decoded into a new staging folder for `user`: its token.
    UploadRefused, with nothing kept, when one of them or all together exceed `limit` bytes."""
    sweep()
    token = secrets.token_urlsafe(32)
    staging_dir().mkdir(mode=0o700, exist_ok=True)   # (parents=True would make it with the umask)
    folder = staging_dir() / token
    folder.mkdir(mode=0o700)
    try:
        write_uploads(contents, filenames, limit, folder, lang)
        (folder / OWNER).write_text(user)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return token


def staged_paths(token: str | None, user: str | None) -> list[Path] | None:
    """The files staged under `token` by `user`, in upload order; None when there are none (removed,
    swept, never finished, or another user's)."""
    folder = _owned(token, user)
    if folder is None:
        return None
    return sorted((path for path in folder.glob("*/*") if path.is_file()), key=lambda path: int(path.parent.name))


def discard(token: str | None, user: str | None) -> None:
    """Remove the files `user` staged under `token` (nothing when there are none)."""
    folder = _owned(token, user)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(max_age: float = MAX_AGE_SECONDS) -> None:
    """Remove the staging folders older than `max_age` seconds."""
    root = staging_dir()
    if not root.is_dir():
        return
    oldest = time.time() - max_age
    for folder in root.iterdir():
        try:
            if folder.stat().st_mtime < oldest:
                shutil.rmtree(folder, ignore_errors=True)
        except FileNotFoundError:   # another worker swept it first
            continue


def _owned(token, user) -> Path | None:
    """The staging folder of a well-formed token (a token is never a path) staged by `user`, or None."""
    if not isinstance(token, str) or not TOKEN.fullmatch(token) or not user:
        return None
    folder = staging_dir() / token
    try:
        return folder if (folder / OWNER).read_text() == user else None
    except OSError:
        return None
