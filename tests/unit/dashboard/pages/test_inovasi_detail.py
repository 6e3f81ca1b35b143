"""The detail page's field texts: what an official reads, never a loader's field code."""

import pandas as pd
import pytest

from tests.unit.dashboard.conftest import seed_store

SOURCES = ["column", "set", "code", "block", "sheet", "title", "launch_date"]


@pytest.fixture(scope="module")
def detail(tmp_path_factory):
    from dashboard import create_app
    from dashboard.sources import StoreSource

    store = seed_store(tmp_path_factory.mktemp("detail-store"))
    app = create_app(StoreSource(store), store)
    app.server.test_client().get("/")
    from dashboard.pages import inovasi_detail

    yield inovasi_detail, None  # year_source needs no dataset: its words are in the catalog
    store.close()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("source", SOURCES)
def test_year_source_is_words_not_a_field_code(detail, source, lang):
    module, dataset = detail
    text = module.field_text(pd.Series({"year_source": source}), "year_source", dataset, lang)
    assert text != source and "_" not in text


def test_year_source_differs_by_language(detail):
    module, dataset = detail
    row = pd.Series({"year_source": "column"})
    assert module.field_text(row, "year_source", dataset, "id") == "kolom tahun"
    assert module.field_text(row, "year_source", dataset, "en") == "the year column"
