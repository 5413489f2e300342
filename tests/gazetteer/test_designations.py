"""Weapon designations of the reference tables turned into surfaces and categories."""

from __future__ import annotations

import pytest

from armstrace.gazetteer.build.designations import (
    clean_sipri_designation,
    designation_surfaces,
    is_matchable,
    kiel_names,
    oryx_category,
    oryx_designation,
    sipri_category,
    tidy_designation,
)


@pytest.mark.parametrize(
    ("designation", "cleaned"),
    [
        ("2S19 152mm", "2S19"),
        ("Patriot SAMS", "Patriot"),
        ("Cheongung MI", "Cheongung"),
        ("NASAMS-2 -", "NASAMS-2"),
        ("AI-222 (3700)", "AI-222"),
        ("aircraft engine 500-1000", None),
    ],
)
def test_clean_sipri_designation_strips_markers(designation: str, cleaned: str | None) -> None:
    assert clean_sipri_designation(designation) == cleaned


def test_designation_surfaces_add_halves_and_family() -> None:
    assert designation_surfaces("MIM-104A Patriot") == [
        ("MIM-104A Patriot", "MIM-104A Patriot"),
        ("MIM-104A", "MIM-104A Patriot"),
        ("Patriot", "MIM-104A Patriot"),
        ("MIM-104", "MIM-104"),
    ]
    assert ("T-72", "T-72") in designation_surfaces("T-72B3")
    assert designation_surfaces("2S19") == [("2S19", "2S19")]


def test_tidy_designation_drops_combined_models() -> None:
    assert tidy_designation("Mi-8/17") is None
    assert tidy_designation("F/A-18") == "F/A-18"
    assert tidy_designation("BTR-4(E)") == "BTR-4"


@pytest.mark.parametrize(
    ("armament", "description", "category"),
    [
        ("Artillery", "self-propelled gun", "artillery_systems"),
        ("Artillery", "multiple rocket launcher", "artillery_systems"),
        ("Missiles", "SAM", "air_defense_missiles"),
        ("Missiles", "portable SAM", "air_defense_missiles"),
        ("Missiles", "anti-tank missile", "antitank_missiles"),
        ("Missiles", "anti-ship missile", "cruise_missiles"),
        ("Missiles", "submarine-launched ballistic missile", "ballistic_missiles"),
        ("Missiles", "guided bomb", "other_ammunition"),
        ("Missiles", "guided shell", "artillery_ammunition"),
        ("Missiles", "guided rocket", "rockets"),
        ("Missiles", "one-way attack drone", "drones"),
        ("Missiles", "short-range air-to-air missile", "missiles"),
        ("Air-defence systems", "SAM system", "air_defense_systems"),
        ("Sensors", "air-search radar", "air_defense_systems"),
        ("Sensors", "combat aircraft radar", "components"),
        ("Armoured vehicles", "tank", "tanks"),
        ("Armoured vehicles", "infantry fighting vehicle", "armored_vehicles"),
        ("Aircraft", "UAV", "drones"),
        ("Aircraft", "combat helicopter", "helicopters"),
        ("Aircraft", "FGA aircraft", "aircraft"),
        ("Ships", "frigate", "naval_vessels"),
        ("Engines", "turbofan", "components"),
        ("Satellites", "surveillance satellite", None),
    ],
)
def test_sipri_category_maps_onto_ours(
    armament: str, description: str, category: str | None
) -> None:
    assert sipri_category(armament, description) == category


@pytest.mark.parametrize(
    ("system", "designation", "category"),
    [
        ("'Orlan-20' reconnaissance UAV", "Orlan-20", "drones"),
        ("1 155mm AS-90 self-propelled howitzer", "AS-90", "artillery_systems"),
        ("195 BTR-82AT", "BTR-82AT", "armored_vehicles"),
        ("52 T-80BVM", "T-80BVM", "tanks"),
        ("1 155mm Caesar", None, None),
        ("Unknown tank", None, "tanks"),
    ],
)
def test_oryx_strings_give_designation_and_category(
    system: str, designation: str | None, category: str | None
) -> None:
    assert oryx_designation(system) == designation
    assert oryx_category(system) == category


def test_kiel_names_strip_descriptions_and_counts() -> None:
    assert kiel_names("CAESAR artillery howitzer (19)") == ["CAESAR"]
    assert kiel_names("National Advanced Surface-to-Air Missile System (NASAMS) (1)") == [
        "National Advanced Surface-to-Air Missile System",
        "NASAMS",
    ]
    assert kiel_names("FH70 155mm howitzer (24)") == ["FH70"]


@pytest.mark.parametrize(
    ("surface", "matchable"),
    [
        ("M777", True),
        ("2S19", True),
        ("Krab", True),
        ("GDF", False),
        ("53-65", False),
        ("M-1", False),
    ],
)
def test_is_matchable_needs_letters_and_length(surface: str, matchable: bool) -> None:
    assert is_matchable(surface) is matchable
