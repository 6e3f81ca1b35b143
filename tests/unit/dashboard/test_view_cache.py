"""View callbacks answered from the shared cache: the same answer for the same (view, filters, data
version, language), a fresh one when any of those changes; other callbacks never cached."""

import json

import pytest

from analytics.dataset import make_dataset
from dashboard.sources import VersionedSource
from dashboard.view_cache import HIT_HEADER, is_view_callback
from tests.unit.dashboard.test_app import outputs_of, routing_state
from tests.unit.dashboard_frames import story_frame


class SwitchableSource(VersionedSource):
    """A source whose data version the test changes (as an upload would): version 2 drops 2017."""

    def __init__(self):
        super().__init__()
        self.current = "1"

    def version(self) -> str:
        return f"test-{id(self)}-{self.current}"

    def _read(self, version: str):
        frame = story_frame()
        if version.endswith("-2"):
            frame = frame[frame["year"] != 2017].reset_index(drop=True)
        return make_dataset(frame, version, "sample")


@pytest.fixture(scope="module")
def app_and_source():
    from dashboard import create_app

    source = SwitchableSource()
    app = create_app(source)
    app.server.test_client().get("/")
    return app, source


def route_body(app, pathname: str, search: str) -> dict:
    key = next(k for k in app.callback_map if k.startswith(".._pages_content.children"))
    return {"output": key, "outputs": outputs_of(key), "changedPropIds": ["_pages_location.pathname"],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "state": routing_state()}


def post(app, body):
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return response.headers.get(HIT_HEADER), response.data


def trend_texts(data: bytes) -> list[str]:
    children = json.dumps(json.loads(data)["response"]["_pages_content"]["children"])
    return [value for value in ("79", "67", "56") if f'"{value}"' in children]


def test_the_same_view_is_answered_from_the_cache_with_the_same_figure(app_and_source):
    app, _ = app_and_source
    body = route_body(app, "/", "?from=2015&to=2016")
    first, second = post(app, body), post(app, body)
    assert (first[0], second[0]) == ("miss", "hit")
    assert second[1] == first[1]


def test_other_filters_other_language_and_a_new_data_version_are_drawn_again(app_and_source):
    app, source = app_and_source
    base = post(app, route_body(app, "/", "?from=2015"))
    english = post(app, route_body(app, "/", "?from=2015&lang=en"))
    narrower = post(app, route_body(app, "/", "?from=2016"))
    assert english[0] == "miss" and "at a glance" in english[1].decode() and "at a glance" not in base[1].decode()
    assert narrower[0] == "miss" and trend_texts(narrower[1]) == ["67", "56"]
    source.current = "2"  # an upload, a rollback: the data version changes
    try:
        changed = post(app, route_body(app, "/", "?from=2015"))
        assert changed[0] == "miss" and trend_texts(changed[1]) == ["79", "67"]
    finally:
        source.current = "1"
    assert post(app, route_body(app, "/", "?from=2015")) == ("hit", base[1])


def test_which_callbacks_are_views():
    route = {"output": ".._pages_content.children..._pages_store.data..",
             "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/opd"}]}
    assert is_view_callback(route)
    assert not is_view_callback({**route, "inputs": [{"id": "_pages_location", "property": "pathname",
                                                      "value": "/data"}]})
    assert is_view_callback({"output": "..home-rendered.data...home-finding.children.."})
    assert is_view_callback({"output": '{"chart":["MATCH"],"type":"chart-table"}.children'})
    assert not is_view_callback({"output": "..data-download.data...export-error.children.."})
    assert not is_view_callback({"output": "..edit-result.children...edit-changed.data.."})


def test_with_redis_the_answers_are_shared_by_every_app_host(redis_url):
    """$REDIS_URL: an answer kept by one app is served by another (in Redis, not a folder of one host)."""
    import redis

    from dashboard import create_app

    source = SwitchableSource()
    host_a, host_b = create_app(source), create_app(source)
    for host in (host_a, host_b):
        host.server.test_client().get("/")
    body = route_body(host_a, "/", "?from=2016")
    first = post(host_a, body)
    assert first[0] == "miss"
    assert post(host_b, body) == ("hit", first[1])
    assert redis.Redis.from_url(redis_url).keys("dasbor:view:*")


def test_a_redis_that_does_not_answer_is_a_miss_never_an_error():
    import redis

    from dashboard.view_cache import RedisViewCache
    from tests.redis_server import _free_port

    cache = RedisViewCache(redis.Redis(port=_free_port(), socket_connect_timeout=1))
    cache.set("key", b"answer")
    assert cache.get("key") is None
