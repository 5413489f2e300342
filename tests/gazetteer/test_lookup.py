"""Looking surfaces up in the shipped gazetteers, across languages and spellings."""

from __future__ import annotations

import pytest

from armstrace.gazetteer import (
    categorise_materiel,
    load_actors,
    load_materiel,
    load_media,
    load_regions,
    normalise_actor,
)


@pytest.mark.parametrize(
    ("surface", "lang", "code"),
    [
        ("nord-coréens", "fr", "PRK"),
        ("Nord-Coréennes", "fr", "PRK"),
        ("nord coréen", "fr", "PRK"),
        ("Pyongyang", None, "PRK"),
        ("RPDC", "fr", "PRK"),
        ("North Korean", "en", "PRK"),
        ("Nordkoreaner", "de", "PRK"),
        ("nordkoreanischen", "de", "PRK"),
        ("norcoreanos", "es", "PRK"),
        ("Corea del Norte", "es", "PRK"),
        ("KCNA", None, "PRK"),
        ("Pentagone", "fr", "USA"),
        ("Pentagon", "en", "USA"),
        ("USFK", None, "USA"),
        ("États-Unis", "fr", "USA"),
        ("Etats-Unis", "fr", "USA"),
        ("américaines", "fr", "USA"),
        ("estadounidense", "es", "USA"),
        ("Maison Blanche", "fr", "USA"),
        ("Weißen Haus", "de", "USA"),
        ("U.S.", "en", "USA"),
        ("Bundeswehr", "de", "DEU"),
        ("allemands", "fr", "DEU"),
        ("Kiew", "de", "UKR"),
        ("Kyiv", "en", "UKR"),
        ("ukrainische", "de", "UKR"),
        ("Moscú", "es", "RUS"),
        ("Kremlin", "fr", "RUS"),
        ("russes", "fr", "RUS"),
        ("Russia's", "en", "RUS"),
        ("Téhéran", "fr", "IRN"),
        ("iraníes", "es", "IRN"),
        ("Tsahal", "fr", "ISR"),
        ("UK Ministry of Defence", "en", "GBR"),
        ("ministère britannique de la Défense", "fr", "GBR"),
        ("Türkiye", None, "TUR"),
        ("Turquie", "fr", "TUR"),
        ("Kosovo", None, "XKX"),
        ("Taïwan", "fr", "TWN"),
        ("les Occidentaux", "fr", "WEST"),
        ("alliés occidentaux", "fr", "WEST"),
        ("westlichen Verbündeten", "de", "WEST"),
        ("Union européenne", "fr", "EU"),
        ("UE", "fr", "EU"),
        ("OTAN", "fr", "NATO"),
        ("Houthis", None, "houthis"),
        ("Hezbollah", None, "hezbollah"),
        ("Daech", "fr", "isis"),
        ("Rheinmetall", None, "rheinmetall"),
        ("Rosoboronexport", None, "RUS"),
    ],
)
def test_actor_lookup_finds_code_across_languages(
    surface: str, lang: str | None, code: str
) -> None:
    assert normalise_actor(surface, lang) == code


def test_actor_lookup_keeps_case_sensitive_names_apart_from_words() -> None:
    actors = load_actors()
    assert actors.codes("US") == ["USA"]
    assert actors.lookup("us") == []
    assert actors.codes("Turkey", "en") == ["TUR"]
    assert actors.lookup("turkey", "en") == []


def test_actor_lookup_leaves_ambiguous_names_uncoded() -> None:
    assert normalise_actor("Congo") is None
    assert normalise_actor("Korea") is None
    assert normalise_actor("RDC", "fr") == "COD"


def test_actor_lookup_filters_by_language() -> None:
    actors = load_actors()
    assert actors.codes("russes", "fr") == ["RUS"]
    assert actors.lookup("russes", "en") == []


def test_actor_lookup_reports_kinds_of_one_surface() -> None:
    kinds = {entry.kind for entry in load_actors().lookup("nord-coréens", "fr")}
    assert kinds == {"adjective", "demonym"}


@pytest.mark.parametrize(
    ("surface", "lang", "category"),
    [
        ("M777", None, "artillery_systems"),
        ("M-777", None, "artillery_systems"),
        ("M 777", None, "artillery_systems"),
        ("Shahed-136", None, "drones"),
        ("Shahed 136", None, "drones"),
        ("Geran-2", None, "drones"),
        ("KN-23", None, "ballistic_missiles"),
        ("Fateh-110", None, "ballistic_missiles"),
        ("Leopard 2", None, "tanks"),
        ("Leopard-2A6", None, "tanks"),
        ("Patriot", None, "air_defense_systems"),
        ("PAC-3", None, "air_defense_missiles"),
        ("IRIS-T", None, "air_defense_systems"),
        ("NASAMS", None, "air_defense_systems"),
        ("César", None, "artillery_systems"),
        ("Caesar", None, "artillery_systems"),
        ("HIMARS", None, "artillery_systems"),
        ("Storm Shadow", None, "cruise_missiles"),
        ("ATACMS", None, "ballistic_missiles"),
        ("Javelin", None, "antitank_missiles"),
        ("Stinger", None, "air_defense_missiles"),
        ("Bayraktar TB2", None, "drones"),
        ("Abrams", None, "tanks"),
        ("Bradley", None, "armored_vehicles"),
        ("F-16", None, "aircraft"),
        ("Mi-17", None, "helicopters"),
        ("JDAM", None, "other_ammunition"),
        ("T-72B3", None, "tanks"),
        ("2S19", None, "artillery_systems"),
        ("obus", "fr", "artillery_ammunition"),
        ("obuses", "es", "artillery_systems"),
        ("obusiers", "fr", "artillery_systems"),
        ("shells", "en", "artillery_ammunition"),
        ("Artilleriegeschosse", "de", "artillery_ammunition"),
        ("Granaten", "de", "artillery_ammunition"),
        ("Handgranaten", "de", "other_ammunition"),
        ("roquettes", "fr", "rockets"),
        ("missiles balistiques", "fr", "ballistic_missiles"),
        ("Marschflugkörper", "de", "cruise_missiles"),
        ("drones kamikazes", "fr", "drones"),
        ("chars", "fr", "tanks"),
        ("Schützenpanzer", "de", "armored_vehicles"),
        ("munitions", "fr", "other_ammunition"),
        ("obus de mortier", "fr", "other_ammunition"),
        ("pièces détachées", "fr", "components"),
        ("armes", "fr", "unspecified"),
        ("military aid", "en", "unspecified"),
        ("grenade launchers", "en", "small_arms"),
        ("interceptors", "en", "air_defense_missiles"),
    ],
)
def test_materiel_lookup_finds_category(surface: str, lang: str | None, category: str) -> None:
    assert categorise_materiel(surface, lang) == category


def test_materiel_lookup_reads_system_plurals_only() -> None:
    materiel = load_materiel()
    assert materiel.categorise("Patriots") == "air_defense_systems"
    assert materiel.categorise("F-16s") == "aircraft"
    assert materiel.lookup("patriot") == []


def test_materiel_lookup_gives_canonical_detail_of_systems() -> None:
    details = {entry.detail for entry in load_materiel().lookup("Geran-2")}
    assert details == {"Shahed-136"}


def test_materiel_lookup_returns_one_entry_per_meaning() -> None:
    entries = load_materiel().lookup("M-777")
    assert len(entries) == 1
    assert entries[0].kind == "system"


def test_find_takes_longest_match_and_keeps_offsets() -> None:
    text = "Les États-Unis ont livré des obus d’artillerie et des obusiers M777 à l’Ukraine."
    found = load_materiel().find(text, "fr")
    assert [(m.text, m.entries[0].category) for m in found] == [
        ("obus d’artillerie", "artillery_ammunition"),
        ("obusiers", "artillery_systems"),
        ("M777", "artillery_systems"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    actors = [(m.text, m.entries[0].code) for m in load_actors().find(text, "fr")]
    assert actors == [("États-Unis", "USA"), ("Ukraine", "UKR")]


def test_find_matches_system_variants_inside_words() -> None:
    found = load_materiel().find("Kyiv received M777ER howitzers and more F-16s.", "en")
    assert [(m.text, m.entries[0].detail) for m in found][0] == ("M777", "M777")
    assert ("F-16s", "aircraft") in [(m.text, m.entries[0].category) for m in found]


def test_find_does_not_match_inside_a_word_for_actors() -> None:
    assert load_actors().find("USAID and Rusty trucks", "en") == []


def test_find_respects_case_of_case_sensitive_names() -> None:
    assert load_actors().find("Tell us about it.", "en") == []
    assert [m.text for m in load_actors().find("Tell the US about it.", "en")] == ["US"]


def test_media_lookup_finds_outlets() -> None:
    media = load_media()
    assert [e.outlet for e in media.lookup("The New York Times")] == ["New York Times"]
    assert [e.outlet for e in media.lookup("Yonhap")] == ["Yonhap"]
    assert media.lookup("le monde") == []
    assert [e.outlet for e in media.lookup("Le Monde")] == ["Le Monde"]


def test_media_iterates_as_entries() -> None:
    outlets = {entry.outlet for entry in load_media()}
    assert {"Reuters", "AFP", "TASS", "Fox News"} <= outlets


def test_region_lookup_finds_transit_regions() -> None:
    regions = load_regions()
    assert [e.code for e in regions.lookup("Moyen-Orient", "fr")] == ["middle-east"]
    assert [e.code for e in regions.lookup("Zentralasien", "de")] == ["central-asia"]
