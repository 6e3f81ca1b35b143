"""dashboard/staging.py (and upload.write_uploads): an upload decoded a chunk at a time into a private
folder for the preview job, found again only by its token and its editor, removed when discarded,
refused whole when too large or not base64, and swept when abandoned."""

from __future__ import annotations

import base64
import os
import time

import pytest

from dashboard.components import upload
from dashboard.components.upload import UploadRefused, decode_uploads
from dashboard.staging import discard, stage, staged_paths, staging_dir, sweep

FIRST, SECOND = os.urandom(10_001), b"No;Nama Inovasi\n1;Kartu Sehat\n"


def url(data: bytes) -> str:
    return "data:application/octet-stream;base64," + base64.b64encode(data).decode()


@pytest.fixture(autouse=True)
def instance(tmp_path, monkeypatch):
    monkeypatch.setenv("DASBOR_INSTANCE", str(tmp_path))
    monkeypatch.setattr(upload, "CHUNK", 16)   # many chunks: every seam between them is crossed
    return tmp_path


def test_staged_files_hold_the_uploads_bytes_in_order_under_their_names():
    token = stage([url(FIRST), url(SECOND)], ["rekap.xlsx", "rekap.xlsx"], 100_000, "budi")
    paths = staged_paths(token, "budi")
    assert [path.name for path in paths] == ["rekap.xlsx", "rekap.xlsx"]   # two files may share a name
    assert [path.read_bytes() for path in paths] == [FIRST, SECOND]
    assert decode_uploads([url(FIRST)], ["a.xlsx"], 100_000)[0].content == FIRST   # the same decoder for confirm


def test_only_the_editor_who_staged_an_upload_finds_or_removes_it():
    token = stage([url(SECOND)], ["a.csv"], 100_000, "budi")
    assert staged_paths(token, "dewi") is None and staged_paths(token, None) is None
    discard(token, "dewi")
    assert staged_paths(token, "budi")
    discard(token, "budi")
    assert staged_paths(token, "budi") is None and not any(staging_dir().iterdir())


@pytest.mark.parametrize("token", ["../secret_key", "", None, "a" * 42, "a/" + "b" * 41, 7])
def test_a_token_is_never_a_path(token):
    assert staged_paths(token, "budi") is None
    discard(token, "budi")


@pytest.mark.parametrize("contents, key", [
    ([url(FIRST)], "data.too_large"),                          # one file over the limit
    ([url(FIRST[:6000]), url(FIRST[:6000])], "data.too_large"),   # both together over it
    (["data:text/csv;base64,bm90IGJhc2U2NCQkJA=="[:-2] + "$$"], "data.bad_upload"),
])
def test_a_refused_upload_leaves_nothing_behind(contents, key):
    with pytest.raises(UploadRefused) as refused:
        stage(contents, ["a.xlsx", "b.xlsx"], 10_000, "budi")
    assert refused.value.key == key
    assert not any(staging_dir().iterdir())


def test_folders_older_than_the_limit_are_swept():
    old, new = (stage([url(SECOND)], ["a.csv"], 100_000, "budi") for _ in range(2))
    past = time.time() - 7 * 3600
    os.utime(staging_dir() / old, (past, past))
    sweep()
    assert staged_paths(old, "budi") is None and staged_paths(new, "budi")


def test_with_redis_another_host_finds_the_staged_files_and_a_discard_removes_them(redis_url, tmp_path, monkeypatch):
    import redis

    token = stage([url(FIRST), url(SECOND)], ["rekap.xlsx", "rekap.xlsx"], 100_000, "budi")
    monkeypatch.setenv("DASBOR_INSTANCE", str(tmp_path / "worker-host"))   # a Celery worker elsewhere
    assert staged_paths(token, "sari") is None
    paths = staged_paths(token, "budi")
    assert [path.read_bytes() for path in paths] == [FIRST, SECOND]
    assert all((tmp_path / "worker-host") in path.parents for path in paths)
    discard(token, "sari")                       # not hers: kept
    assert redis.Redis.from_url(redis_url).exists(f"dasbor:staging:{token}")
    discard(token, "budi")
    assert not redis.Redis.from_url(redis_url).exists(f"dasbor:staging:{token}")
    monkeypatch.setenv("DASBOR_INSTANCE", str(tmp_path / "third-host"))
    assert staged_paths(token, "budi") is None
