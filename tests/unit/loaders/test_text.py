"""Text keys (loaders/text.py): `text_keys` of a whole list is `text_key` of each, whatever the texts."""

import random
import string

import pytest

from loaders.text import text_key, text_keys

AWKWARD = ["", " ", "---", "Dinas  Kesehatan (Kab.)", "  a  ", "\n\tX\n", "ABC-def_123", "Rumah\u00a0Sakit",
           "Café", "“Kutip”", "A\x00B", "漢字", " - ", "x"]


def test_one_key_reads_case_spacing_and_punctuation_away():
    assert text_key("Dinas  Kesehatan (Kab.)") == "dinas kesehatan kab"


@pytest.mark.parametrize("alphabet", [string.printable, string.printable + "éÉ“”–—ßü漢\x00\u00a0"])
def test_keys_of_a_list_are_the_key_of_each(alphabet):
    """ASCII lists take the one-pass way, any accent or NUL the text-by-text way: the same keys."""
    rng = random.Random(12)
    texts = AWKWARD + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    assert text_keys(texts) == [text_key(text) for text in texts]
    plain = [text for text in texts if text.isascii() and "\x00" not in text]
    assert text_keys(plain) == [text_key(text) for text in plain]


def test_keys_of_values_that_are_not_texts_and_of_nothing():
    assert text_keys([1, None, 2.5, "A B"]) == [text_key(1), text_key(None), text_key(2.5), "a b"]
    assert text_keys([]) == [] and text_keys(["", "", "..."]) == ["", "", ""]
