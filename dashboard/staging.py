"""An upload kept on disk from the request that received it to the background job that previews it.

`instance/upload-staging/<token>/<n>/<name>` (the instance folder is its owner's only), written a chunk
at a time as it is decoded, with the editor who uploaded it; the page keeps only the token. A new
upload, a cancelled preview or a cleared upload removes the folder, and folders older than
`MAX_AGE_SECONDS` (a tab closed halfway) are swept at every upload.

With $REDIS_URL (dashboard/scale_out.py) the preview may run on another host (a Celery worker): the
staged files are also kept in Redis (one hash per token: the owner and each file, for
`MAX_AGE_SECONDS`), and a host that does not have the folder writes it from there when asked.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

from dashboard.scale_out import KEY_PREFIX, client, enabled
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
    if enabled():
        _share(folder, token, user)
    return token


def staged_paths(token: str | None, user: str | None) -> list[Path] | None:
    """The files staged under `token` by `user`, in upload order; None when there are none (removed,
    swept, never finished, or another user's)."""
    folder = _owned(token, user)
    if folder is None and enabled():
        folder = _fetch(token, user)
    if folder is None:
        return None
    return sorted((path for path in folder.glob("*/*") if path.is_file()), key=lambda path: int(path.parent.name))


def discard(token: str | None, user: str | None) -> None:
    """Remove the files `user` staged under `token` (nothing when there are none)."""
    folder = _owned(token, user)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    if enabled() and _well_formed(token) and user and _shared_owner(token) == user:
        client().delete(_shared_key(token))


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


def _well_formed(token) -> bool:
    return isinstance(token, str) and TOKEN.fullmatch(token) is not None


def _owned(token, user) -> Path | None:
    """The staging folder of a well-formed token (a token is never a path) staged by `user`, or None."""
    if not _well_formed(token) or not user:
        return None
    folder = staging_dir() / token
    try:
        return folder if (folder / OWNER).read_text() == user else None
    except OSError:
        return None


def _shared_key(token: str) -> str:
    return f"{KEY_PREFIX}staging:{token}"


def _shared_owner(token: str) -> str | None:
    owner = client().hget(_shared_key(token), OWNER)
    return owner.decode() if owner is not None else None


def _share(folder: Path, token: str, user: str) -> None:
    """Keep the staged files in Redis for `MAX_AGE_SECONDS`: field `<n>/<name>` each, then the owner."""
    files = {str(path.relative_to(folder)): path.read_bytes() for path in folder.glob("*/*") if path.is_file()}
    with client().pipeline() as pipe:
        pipe.hset(_shared_key(token), mapping={**files, OWNER: user})
        pipe.expire(_shared_key(token), MAX_AGE_SECONDS)
        pipe.execute()


def _fetch(token: str, user: str | None) -> Path | None:
    """Write the files `user` staged under `token` on another host into this host's staging folder
    (None when Redis has none of theirs)."""
    if not _well_formed(token) or not user:
        return None
    fields = client().hgetall(_shared_key(token))
    if fields.get(OWNER.encode(), b"").decode() != user:
        return None
    sweep()
    folder = staging_dir() / token
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700, parents=True)
    for name, content in fields.items():
        index, _, file_name = name.decode().partition("/")
        if name.decode() == OWNER or not index.isdigit() or not file_name or "/" in file_name or file_name in (".", ".."):
            continue
        (folder / index).mkdir(exist_ok=True)
        (folder / index / file_name).write_bytes(content)
    (folder / OWNER).write_text(user)
    return folder
