"""Short-answer matching: case, extra spaces, accents and edge punctuation never decide a match."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursus.quiz.answers import normalise, short_answer_matches


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pérantaraan  Kerja ", "perantaraan kerja"),
        ("PERANTARAAN KERJA", "perantaraan kerja"),
        ("  perantaraan\tkerja\n", "perantaraan kerja"),
        ("perantaraan\u00a0kerja", "perantaraan kerja"),  # no-break space
        ("Pe\u0301rantaraan kerja", "perantaraan kerja"),  # accent as a combining mark
        ("ÀÉÎÕÜ çñ", "aeiou cn"),
        ("Perantaraan kerja.", "perantaraan kerja"),
        ('"Perantaraan kerja!"', "perantaraan kerja"),
        ("(antar kerja)", "antar kerja"),
        ("Straße", "strasse"),  # case folding, not only lower()
        ("ﬁle", "file"),  # compatibility ligature
        ("antar-kerja", "antar-kerja"),  # punctuation inside the answer is kept
        ("", ""),
        ("   ", ""),
        (" ?! ", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("response", "accepted"),
    [
        ("Pérantaraan  Kerja ", ["perantaraan kerja"]),
        ("perantaraan kerja", ["Pérantaraan  Kerja "]),
        ("PERANTARAAN KERJA", ["antar kerja", "perantaraan kerja"]),
        ("  antar   kerja. ", ["antar kerja"]),
        ("job brokering", ["Job Brokering"]),
    ],
)
def test_short_answer_matches(response: str, accepted: list[str]) -> None:
    assert short_answer_matches(response, accepted)


@pytest.mark.parametrize(
    ("response", "accepted"),
    [
        ("perantaraan", ["perantaraan kerja"]),  # no partial answers
        ("perantaraankerja", ["perantaraan kerja"]),  # spaces between words still count
        ("antar-kerja", ["antar kerja"]),
        ("", ["perantaraan kerja"]),
        ("   ", ["", "  "]),  # a blank response never matches, not even a blank accepted answer
        ("...", ["!"]),
        ("perantaraan kerja", []),
    ],
)
def test_short_answer_does_not_match(response: str, accepted: list[str]) -> None:
    assert not short_answer_matches(response, accepted)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalise_is_stable(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert not any(unicodedata.category(ch).startswith("M") for ch in once)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["", " ", "  ", "\t", "\n"]))
def test_an_answer_matches_itself_with_any_spacing(text: str, space: str) -> None:
    padded = space + text.upper().replace(" ", " " + space) + space
    assert short_answer_matches(text, [text]) == bool(normalise(text))
    if text.isascii():
        assert short_answer_matches(padded, [text]) == bool(normalise(text))
