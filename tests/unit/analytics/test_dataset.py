"""The dataset: one data version's frame, with labels in both languages from the reference data."""

from analytics.dataset import make_dataset
from tests.unit.dashboard_frames import story_frame


def test_dataset_labels_in_both_languages():
    dataset = make_dataset(story_frame(), "v", "sample")
    assert dataset.label("sector", "Kesehatan", "en") == "Health"
    assert dataset.label("sector", "Kesehatan", "id") == "Kesehatan"
    assert dataset.label("stage", "Uji Coba", "en") == "Trial"
    assert dataset.label("stage", None, "id") == "Tidak diisi"
    assert dataset.column_label("agency", "en") == "Agency"
    assert dataset.column_label("source_row", "id") == "Baris"
    assert dataset.group_label("pilihan", "id") == "Pilihan"
    assert dataset.years == (2015, 2017)
