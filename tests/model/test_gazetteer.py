"""The model's entity_ruler names: shared gazetteers plus the curated places."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import gazetteer

DATA = Path(__file__).parents[2] / ".." / "shared" / "data" / "gazetteers"


def test_curated_places_and_their_variants_are_loc():
    places = gazetteer.curated_places()
    assert places["Kenya"] == places["Holland"] == places["Förenta staterna"] == "LOC"
    assert "Dagens Nyheter" not in places  # organisations stay with the statistical NER


def test_names_add_genitives_and_leave_out_common_words():
    if not DATA.is_dir():
        pytest.skip(f"needs the shared gazetteers at {DATA} (absent outside the project's machines)")
    names = gazetteer.gazetteer_names({"vara", "island"})
    assert names["Kenyas"] == names["Uppsala"] == "LOC"
    assert names["Uppsala kommun"] == "ORG"
    assert "Vara" not in names and "Island" not in names


def test_agencies_stay_even_where_their_lower_case_form_is_a_common_word():
    if not DATA.is_dir():
        pytest.skip(f"needs the shared gazetteers at {DATA} (absent outside the project's machines)")
    names = gazetteer.gazetteer_names({"arbetsförmedlingen", "socialstyrelsen", "företagarna"})
    assert names["Arbetsförmedlingen"] == names["Socialstyrelsen"] == names["Arbetsförmedlingens"] == "ORG"
    assert names["Arbetsmarknadsstyrelsen"] == "ORG"  # a former name, from the agency list's variants
    assert "Företagarna" not in names  # an organisation named by a common noun stays with the NER
